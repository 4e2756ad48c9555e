#include "scenarios/load/timeline_reader.hpp"

#include <algorithm>
#include <map>

#include "agents/proto/dns/zone_text.hpp"
#include "scenarios/load/client_reader.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/references.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/net/address.hpp"

namespace mailsim::scenarios {
namespace {

// Names of the things an action may refer to; `sessions`: the named typed sessions opened so
// far, with the line of the entry that opened each.
struct Names {
  NameIndex hosts, links, nodes, clients;
  std::map<std::string, int> sessions;
};

// The client must have the section (`submit` or `fetch`) the action needs.
void check_client_can(const MailClientModel* client, bool can, const char* key,
                      const Message& action, SourcePos pos, Diagnostics& diag) {
  if (client == nullptr || can) return;
  Text t(msg::kClientCannot, {{"client", client->name}, {"key", key}});
  t.with("action", Text(action));
  diag.error(pos, std::move(t));
}

// One address, or a list of them.
std::vector<std::string> addresses(YamlMap& m, const char* key, Need need) {
  auto node = m.child(key, need);
  if (!node) return {};
  if (node->is_scalar()) return {node->scalar()};
  return m.texts(key);
}

SendMailAction read_send(YamlMap& inner, const Names& names, const MailModel& mail,
                         Diagnostics& diag) {
  SendMailAction a;
  const MailClientModel* client = nullptr;
  if (auto v = inner.text("client")) {
    a.client = *v;
    check_ref(a.client, names.clients, msg::kKindClient, "send", inner.pos(), diag);
    client = mail.client(a.client);
    check_client_can(client, client && client->submit, "submit", msg::kActionSend, inner.pos(),
                     diag);
  }
  if (auto v = inner.text("from")) {
    a.from = *v;
    check_ref(a.from, names.hosts, msg::kKindHost, "send", inner.pos(), diag);
  }
  if (auto v = inner.text("server")) {
    a.server = *v;
    check_ref(a.server, names.hosts, msg::kKindHost, "send", inner.pos(), diag);
  }
  if (auto v = inner.text("user")) a.user = *v;
  if (auto v = inner.text("password")) a.password = *v;
  check_one_line(a.user, "user", inner.what(), inner.pos(), diag);
  check_one_line(a.password, "password", inner.what(), inner.pos(), diag);
  a.port = a.user.empty() ? 25 : 587;
  if (auto v = inner.integer("port", 1, 65535)) a.port = static_cast<std::uint16_t>(*v);
  if (!a.client.empty()) {
    for (const char* key : {"from", "server", "user", "password", "port"})
      if (inner.has(key))
        diag.error(inner.pos(), Text(msg::kSendClientAndKey, {{"client", a.client}, {"key", key}}));
  } else if (a.from.empty() || a.server.empty()) {
    diag.error(inner.pos(), Text(msg::kSendWho));
  }
  if (auto v = inner.text("mail_from", a.client.empty() ? Need::required : Need::optional)) {
    a.mail_from = *v;
    check_mailbox(a.mail_from, "mail_from", "send", inner.pos(), diag);
  }
  a.to = addresses(inner, "to", Need::required);
  a.cc = addresses(inner, "cc", Need::optional);
  for (const auto& to : a.to)
    check_mailbox(to, "to", "send", inner.pos(), diag);
  for (const auto& cc : a.cc)
    check_mailbox(cc, "cc", "send", inner.pos(), diag);
  if (auto v = inner.text("subject")) a.subject = *v;
  if (auto v = inner.text("body")) a.body = *v;
  if (auto v = inner.size("attachment", kMaxAttachment, Need::optional, &msg::kAttachmentTooLarge))
    a.attachment = *v;
  if (auto node = inner.child("smuggle")) {
    YamlMap m(*node, Text(msg::kWhatKey, {{"name", "smuggle"}}), diag, "timeline[].send.smuggle");
    if (m.ok()) {
      SmuggledMail s;
      if (auto v = m.text("mail_from", Need::required)) s.mail_from = *v;
      if (auto v = m.text("to", Need::required)) s.to = *v;
      s.from = m.text("from").value_or(s.mail_from);
      if (auto v = m.text("subject")) s.subject = *v;
      if (auto v = m.text("body")) s.body = *v;
      m.finish();
      a.smuggle = s;
    }
  }
  return a;
}

// The machine a typed session connects to: a host, a router with an address, or an IPv4
// address, whatever its first character ("1mx.b.example" is a name).
void check_typed_target(const std::string& to, const Names& names, const NetworkModel& network,
                        SourcePos pos, Diagnostics& diag) {
  for (const auto& r : network.routers)
    if (r.name == to && !r.address) {
      Text t(msg::kNoAddress, {{"key", "to"}, {"name", to}});
      t.with("what", Text(msg::kWhatKey, {{"name", "type"}}));
      diag.error(pos, std::move(t));
      return;
    }
  if (names.nodes.contains(to)) return;
  try {
    (void)sim::net::Ipv4Address::parse(to);
  } catch (const LocalizedError&) {
    check_ref(to, names.nodes, msg::kKindNode, "type", pos, diag);
  }
}

// The path of each action's mapping, for the key recorder.
// One RRset of a zone: record lines with the same owner and type, checked now.
ChangeDnsAction read_change_dns(YamlMap& m, const MailModel& mail, Diagnostics& diag) {
  ChangeDnsAction a;
  if (auto v = m.text("zone", Need::required)) a.zone = *v;
  std::vector<std::string> zones;
  if (mail.dns) zones = mail.dns->origins();
  check_ref(a.zone, zones, msg::kKindZone, "change_dns", m.pos(), diag);
  proto::dns::Name origin = proto::dns::Name::parse(".");
  try {
    if (!a.zone.empty()) origin = proto::dns::Name::parse(a.zone);
  } catch (const LocalizedError&) {
    // reported above: no such zone
  }
  std::optional<std::pair<proto::dns::Name, proto::dns::RecordType>> rrset;
  for (const auto& node : m.list("records")) {
    if (!node.is_scalar()) {
      diag.error(position_of(node), m.about(msg::kExpectedText, {{"key", "records"}}));
      continue;
    }
    try {
      const auto rr = proto::dns::record_from_text(node.scalar(), origin);
      if (rrset && (!(rrset->first == rr.name) || rrset->second != rr.type))
        diag.error(position_of(node), Text(msg::kOneRrset));
      rrset = std::pair(rr.name, rr.type);
      a.lines.push_back(node.scalar());
    } catch (const LocalizedError& e) {
      Text t(msg::kBadValue, {{"key", "records"}});
      t.with("what", Text(msg::kWhatKey, {{"name", "change_dns"}}));
      t.with("problem", e.text());
      diag.error(position_of(node), std::move(t));
    }
  }
  if (auto v = m.text("remove")) {
    const auto space = v->find(' ');
    a.name = v->substr(0, space);
    a.type = space == std::string::npos ? "" : v->substr(space + 1);
    try {
      (void)proto::dns::parse_type(a.type);
      if (a.name != "@") (void)proto::dns::Name::parse(a.name);
    } catch (const proto::dns::NameError& e) {
      Text t(msg::kBadValue, {{"key", "remove"}});
      t.with("what", Text(msg::kWhatKey, {{"name", "change_dns"}}));
      t.with("problem", e.text());
      diag.error(position_of(*m.child("remove")), std::move(t));
    } catch (const LocalizedError&) {
      diag.error(position_of(*m.child("remove")), Text(msg::kBadRemove, {{"value", *v}}));
    }
  }
  if (a.lines.empty() == a.name.empty()) diag.error(m.pos(), Text(msg::kRecordsOrRemove));
  m.finish();
  return a;
}

std::string_view action_path(const std::string& key) {
  if (key == "change_link") return "timeline[].change_link";
  if (key == "send") return "timeline[].send";
  if (key == "change_dns") return "timeline[].change_dns";
  return "timeline[].type";
}

std::optional<Action> read_action(YamlMap& m, const std::string& key, Names& names,
                                  const NetworkModel& network, const MailModel& mail,
                                  sim::SimTime at, Diagnostics& diag) {
  const SourcePos pos = m.child(key) ? position_of(*m.child(key)) : m.pos();
  if (key == "link_down" || key == "link_up") {
    auto link = m.text(key);
    if (!link) return std::nullopt;
    check_ref(*link, names.links, msg::kKindLink, key, pos, diag);
    return SetLinkUp{*link, key == "link_up"};
  }
  if (key == "host_down" || key == "host_up") {
    auto host = m.text(key);
    if (!host) return std::nullopt;
    check_ref(*host, names.nodes, msg::kKindNode, key, pos, diag);
    return SetHostUp{*host, key == "host_up"};
  }
  if (key == "fetch") {
    auto client = m.text(key);
    if (!client) return std::nullopt;
    check_ref(*client, names.clients, msg::kKindClient, key, pos, diag);
    const MailClientModel* c = mail.client(*client);
    check_client_can(c, c && c->fetch, "fetch", msg::kActionFetch, pos, diag);
    return FetchMailAction{*client};
  }
  auto node = m.child(key);
  if (!node) return std::nullopt;
  YamlMap inner(*node, Text(msg::kWhatKey, {{"name", key}}), diag, action_path(key));
  if (!inner.ok()) return std::nullopt;
  if (key == "change_link") {
    ChangeLink c;
    if (auto link = inner.text("link", Need::required)) {
      c.link = *link;
      check_ref(c.link, names.links, msg::kKindLink, key, inner.pos(), diag);
      for (const auto& l : network.links)
        if (l.name == c.link) c.params = l.params;
    }
    if (auto v = inner.time("latency")) c.params.latency = *v;
    if (auto v = inner.bandwidth("bandwidth")) c.params.bandwidth_bps = *v;
    if (auto v = inner.probability("loss")) c.params.loss = *v;
    if (auto v = inner.integer("mtu", 68, 65535)) c.params.mtu = static_cast<std::uint32_t>(*v);
    if (auto v = inner.size("queue_bytes", kMaxQueueBytes))
      c.params.queue_bytes = static_cast<std::uint32_t>(*v);
    if (auto v = inner.integer("queue_packets", 0, 1000000))
      c.params.queue_packets = static_cast<std::uint32_t>(*v);
    inner.finish();
    return c;
  }
  if (key == "change_dns") return read_change_dns(inner, mail, diag);
  if (key == "send") {
    SendMailAction a = read_send(inner, names, mail, diag);
    inner.finish();
    return a;
  }
  // key == "type": a person typing lines at a terminal.
  TypedSessionAction t;
  if (auto session = inner.text("session")) t.session = *session;
  const auto opened = names.sessions.find(t.session);
  if (!t.session.empty() && opened != names.sessions.end()) {
    // More lines typed into a session opened earlier: it is connected where it was.
    for (const char* k : {"from", "to", "port"})
      if (inner.has(k))
        diag.error(
            inner.pos(),
            Text(msg::kSessionContinued,
                 {{"session", t.session}, {"line", std::to_string(opened->second)}, {"key", k}}));
  } else {
    const Need need = t.session.empty() ? Need::required : Need::optional;
    if (!t.session.empty() && (!inner.has("from") || !inner.has("to")))
      diag.error(inner.pos(), Text(msg::kSessionNotOpened, {{"session", t.session}}));
    if (auto from = inner.text("from", need)) {
      t.from = *from;
      check_ref(t.from, names.hosts, msg::kKindHost, key, inner.pos(), diag);
    }
    if (auto to = inner.text("to", need)) {
      t.to = *to;
      check_typed_target(t.to, names, network, inner.pos(), diag);
    }
    if (auto port = inner.integer("port", 1, 65535)) t.port = static_cast<std::uint16_t>(*port);
    if (!t.session.empty()) names.sessions.emplace(t.session, inner.pos().line);
  }
  t.lines = inner.texts("lines", Need::required);
  if (auto pause = inner.time("pause")) t.pause = *pause;
  // The n-th line is typed at `at + n * pause`: at most kMaxScenarioTime after the start.
  const auto lines = static_cast<std::int64_t>(t.lines.size());
  if (t.pause.count() > 0 && lines > (kMaxScenarioTime - at) / t.pause)
    diag.error(inner.pos(), Text(msg::kTypingTooLong, {{"limit", kMaxScenarioTimeText}}));
  inner.finish();
  return t;
}

}  // namespace

const std::vector<std::string>& timeline_action_keys() {
  static const std::vector<std::string> keys{"link_down", "link_up",     "host_down",
                                             "host_up",   "change_link", "type",
                                             "send",      "fetch",       "change_dns"};
  return keys;
}

std::vector<TimelineEntry> read_timeline(const std::vector<YamlNode>& entries,
                                         const NetworkModel& network, const MailModel& mail,
                                         Diagnostics& diag) {
  Names names;
  for (const auto& h : network.hosts) {
    names.hosts.add(h.name);
    names.nodes.add(h.name);
  }
  for (const auto& l : network.links)
    names.links.add(l.name);
  names.clients = NameIndex(mail.client_names());
  for (const auto& r : network.routers)
    names.nodes.add(r.name);

  std::vector<TimelineEntry> out;
  std::optional<std::size_t> previous;  // index: `out` may reallocate
  std::string action_list;
  for (const auto& k : timeline_action_keys())
    action_list += (action_list.empty() ? "" : ", ") + k;

  for (const auto& node : entries) {
    YamlMap m(node, Text(msg::kWhatTimelineEntry), diag, "timeline[]");
    if (!m.ok()) continue;
    auto at = m.time("at", Need::required);
    std::vector<std::string> present;
    for (const auto& k : timeline_action_keys())
      if (m.has(k)) present.push_back(k);
    std::optional<Action> action;
    if (present.empty())
      diag.error(m.pos(), Text(msg::kNoAction, {{"actions", action_list}}));
    else if (present.size() > 1)
      diag.error(m.pos(), Text(msg::kTwoActions, {{"first", present[0]}, {"second", present[1]}}));
    else
      action = read_action(m, present[0], names, network, mail, at.value_or(sim::SimTime{0}), diag);
    m.finish();
    if (!at || !action) continue;
    TimelineEntry entry{*at, std::move(*action), m.pos()};
    if (previous && entry.at < out[*previous].at)
      diag.error(entry.pos,
                 Text(msg::kTimelineOrder, {{"at", sim::format_time(entry.at)},
                                            {"previous", sim::format_time(out[*previous].at)},
                                            {"line", std::to_string(out[*previous].pos.line)}}));
    out.push_back(std::move(entry));
    previous = out.size() - 1;
  }
  return out;
}

}  // namespace mailsim::scenarios
