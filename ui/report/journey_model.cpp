#include "ui/report/journey_model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "agents/journey/records.hpp"
#include "agents/narration/storyteller.hpp"
#include "agents/proto/envelope_address.hpp"
#include "sim/strings.hpp"
#include "ui/report/report_text.hpp"

namespace mailsim::report {

namespace {

using Protocol = agents::DialogueProtocol;

std::string word(std::string_view line, std::size_t index) {
  std::size_t start = 0;
  for (std::size_t i = 0;; ++i) {
    while (start < line.size() && line[start] == ' ')
      ++start;
    const std::size_t end = std::min(line.find(' ', start), line.size());
    if (i == index) return std::string(line.substr(start, end - start));
    if (end >= line.size()) return {};
    start = end;
  }
}

// Where a message stayed: a host's queue, from its arrival to its last outcome there.
struct Placement {
  std::string agent, queue_id;
  sim::SimTime from{0};
  std::optional<sim::SimTime> until;  // none while it is still there
};

// A step before the lifelines are numbered.
struct Item {
  sim::SimTime at{0};
  std::uint64_t seq = 0;
  ChartStep::Type type = ChartStep::Type::arrow;
  std::string from, to;
  Channel channel = Channel::smtp;
  std::string label, detail;
  ChartStep::Moment moment = ChartStep::Moment::none;
};

class ChartBuilder {
 public:
  ChartBuilder(const JourneyLog& log, const std::string& id, Lang lang)
      : log_(log), id_(id), lang_(lang) {}

  std::vector<Item> items() {
    find_placements();
    if (placements_.empty()) return {};
    find_connections();
    find_lookups();
    for (std::size_t c : conns_)
      connection_items(log_.connections()[c]);
    dns_items();
    mail_items();
    std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
      return a.at != b.at ? a.at < b.at : a.seq < b.seq;
    });
    return std::move(items_);
  }

  std::set<std::string> dns_hosts;

 private:
  const Placement* placement(const std::string& agent, const std::string& queue_id) const {
    for (const auto& p : placements_)
      if (p.agent == agent && p.queue_id == queue_id) return &p;
    return nullptr;
  }
  bool holds(const std::string& agent, sim::SimTime t) const {
    for (const auto& p : placements_)
      if (p.agent == agent && p.from <= t && (!p.until || t <= *p.until)) return true;
    return false;
  }

  void find_placements() {
    for (const auto& m : log_.mail()) {
      if (m.kind == "mail.accepted" && m.message_id == id_) {
        placements_.push_back({m.agent, m.queue_id, m.at, std::nullopt});
        for (const auto& r : m.recipients) {
          recipients_.insert(r);
          // A local address ("postmaster") has no domain to look up.
          if (auto d = proto::domain_of(r); !d.empty()) domains_.insert(std::move(d));
        }
      }
    }
    for (const auto& m : log_.mail()) {
      if (m.kind != "mail.relayed" && m.kind != "mail.delivered" && m.kind != "mail.bounced")
        continue;
      for (auto& p : placements_)
        if (p.agent == m.agent && p.queue_id == m.queue_id)
          p.until = std::max(p.until.value_or(m.at), m.at);
    }
    // The exchangers found for the recipients' domains: their addresses are looked up too.
    for (const auto& m : log_.mail())
      if (m.kind == "dns.mail.route" && holds(m.agent, m.at) && !m.recipients.empty() &&
          domains_.contains(to_lower(m.recipients.front())))
        for (const auto& target : split_trimmed(m.targets, ';'))
          names_.insert(to_lower(word(target, 1)));
  }

  bool relevant_name(const std::string& name) const {
    if (names_.contains(to_lower(name))) return true;
    for (const auto& d : domains_)
      if (name == d + "." || name.ends_with("." + d + ".")) return true;
    return false;
  }

  void find_connections() {
    const auto& conns = log_.connections();
    std::set<std::size_t> chosen;
    // A hand-over: the server said "queued as" one of the message's queue ids.
    for (std::size_t i = 0; i < conns.size(); ++i)
      for (const auto& l : conns[i].lines)
        if (!l.client && l.type == LoggedLine::Type::line)
          if (auto q = agents::queued_as(l.text); !q.empty() && placement(conns[i].server, q))
            chosen.insert(i);
    for (const auto& m : log_.mail()) {
      const Placement* p = placement(m.agent, m.queue_id);
      if (p == nullptr) continue;
      if (m.kind == "mail.deferred" || m.kind == "mail.bounced") {
        // A failed attempt: the sender's last session that ended then, for this recipient or
        // before any recipient was named.
        const std::string rcpt = m.recipients.empty() ? "" : "RCPT TO:<" + m.recipients[0];
        for (std::size_t i = conns.size(); i-- > 0;) {
          const auto& c = conns[i];
          if (c.client != m.agent || c.protocol != Protocol::smtp || c.opened < p->from ||
              c.opened > m.at || chosen.contains(i))
            continue;
          bool named = false, mail = false;
          for (const auto& l : c.lines) {
            if (!l.client || l.type != LoggedLine::Type::line) continue;
            if (l.text.starts_with("MAIL FROM")) mail = true;
            if (!rcpt.empty() && l.text.starts_with(rcpt)) named = true;
          }
          if (named || !mail) {
            chosen.insert(i);
            break;
          }
        }
      } else if (m.kind == "mail.delivered") {
        // The reader fetching it: the first session for that mailbox afterwards.
        const std::string address = m.mailbox.substr(0, m.mailbox.find('/'));
        const std::string local = address.substr(0, address.find('@'));
        for (std::size_t i = 0; i < conns.size(); ++i) {
          const auto& c = conns[i];
          if (c.protocol == Protocol::smtp || c.protocol == Protocol::typed ||
              c.server != m.agent || c.opened < m.at || (c.user != address && c.user != local))
            continue;
          chosen.insert(i);
          break;
        }
      }
    }
    conns_.assign(chosen.begin(), chosen.end());
  }

  void find_lookups() {
    const auto& conns = log_.connections();
    // Lookups of the recipients' domains by a host holding the message, and any lookup by a
    // server while it takes the message (its checks of the sender).
    for (const auto& d : log_.dns()) {
      if (d.type != LoggedDns::Type::started) continue;
      bool take = holds(d.agent, d.at) && relevant_name(d.name);
      for (std::size_t c : conns_)
        if (conns[c].server == d.agent && conns[c].opened <= d.at &&
            (!conns[c].ended || d.at <= *conns[c].ended))
          take = true;
      if (take) lookups_.insert({d.agent, d.lookup});
    }
    // A recursive server's own queries while it answers one of these.
    std::vector<std::pair<std::string, std::pair<sim::SimTime, sim::SimTime>>> windows;
    std::map<std::pair<std::string, std::uint64_t>, sim::SimTime> sent;
    for (const auto& d : log_.dns()) {
      if (!lookups_.contains({d.agent, d.lookup})) continue;
      if (d.type == LoggedDns::Type::query) sent[{d.agent, d.lookup}] = d.at;
      if (d.type == LoggedDns::Type::answer)
        if (auto it = sent.find({d.agent, d.lookup}); it != sent.end())
          windows.push_back({d.server, {it->second, d.at}});
    }
    for (const auto& d : log_.dns())
      if (d.type == LoggedDns::Type::started)
        for (const auto& [server, w] : windows)
          if (d.agent == server && w.first <= d.at && d.at <= w.second)
            lookups_.insert({d.agent, d.lookup});
  }

  void add(sim::SimTime at, std::uint64_t seq, ChartStep::Type type, std::string from,
           std::string to, Channel channel, std::string label, std::string detail = {}) {
    items_.push_back({at, seq, type, std::move(from), std::move(to), channel, std::move(label),
                      std::move(detail)});
  }
  // The step just added means `m` for the message's fate.
  void mark(ChartStep::Moment m) { items_.back().moment = m; }

  void connection_items(const LoggedConnection& c) {
    const Channel channel = c.protocol == Protocol::pop3 || c.protocol == Protocol::imap
                                ? Channel::retrieval
                                : Channel::smtp;
    const bool smtp_like = channel == Channel::smtp;
    bool after_content = false;
    for (const auto& l : c.lines) {
      const std::string& from = l.client ? c.client : c.server;
      const std::string& to = l.client ? c.server : c.client;
      switch (l.type) {
        case LoggedLine::Type::connect:
          add(l.at, l.seq, ChartStep::Type::arrow, from, to, Channel::connection, tr(msg::kConnect),
              "TCP SYN");
          mark(smtp_like ? ChartStep::Moment::attempt : ChartStep::Moment::fetch);
          break;
        case LoggedLine::Type::content:
          add(l.at, l.seq, ChartStep::Type::arrow, from, to, channel,
              Text(msg::kContent, {{"bytes", l.text}}).render(lang_));
          after_content = true;
          break;
        case LoggedLine::Type::line:
          // A multi-line reply is one arrow, at its last line; the dot ends the content's.
          if (smtp_like && !l.client && l.text.size() > 3 && l.text[3] == '-') break;
          if (after_content && l.client && l.text == ".") {
            after_content = false;
            break;
          }
          add(l.at, l.seq, ChartStep::Type::arrow, from, to, channel,
              line_label(c.protocol, l.client, l.text), l.text);
          break;
        case LoggedLine::Type::end: {
          if (l.text.ends_with(".completed")) break;
          // A few words on the chart, the narration's explanation on hover.
          const Message* why = agents::reason_text(l.text, l.reason);
          const Message& short_text = l.reason.ends_with("timed_out") ? msg::kNoAnswer
                                      : l.reason.ends_with("refused") ? msg::kRefused
                                                                      : msg::kSessionFailed;
          add(l.at, l.seq, ChartStep::Type::note, c.client, {}, Channel::failure, tr(short_text),
              why ? std::string(why->text(lang_)) : l.reason);
          if (smtp_like) mark(ChartStep::Moment::failed);
          break;
        }
      }
    }
  }

  void dns_items() {
    for (const auto& d : log_.dns()) {
      if (!lookups_.contains({d.agent, d.lookup})) continue;
      const std::string question = d.type_name + "? " + d.name;
      switch (d.type) {
        case LoggedDns::Type::query:
          dns_hosts.insert(d.server);
          add(d.at, d.seq, ChartStep::Type::arrow, d.agent, d.server, Channel::dns,
              d.type_name + "?", question);
          break;
        case LoggedDns::Type::answer:
          dns_hosts.insert(d.server);
          add(d.at, d.seq, ChartStep::Type::arrow, d.server, d.agent, Channel::dns,
              word(d.answer, 0) == "NOERROR" ? d.type_name : word(d.answer, 0),
              question + " → " + d.answer);
          break;
        case LoggedDns::Type::timeout:
          add(d.at, d.seq, ChartStep::Type::note, d.agent, {}, Channel::failure,
              tr(msg::kDnsTimeout), question);
          break;
        case LoggedDns::Type::cache_hit:
          add(d.at, d.seq, ChartStep::Type::note, d.agent, {}, Channel::dns,
              Text(msg::kCacheHit, {{"type", d.type_name}, {"name", d.name}}).render(lang_));
          break;
        default:
          break;
      }
    }
  }

  void mail_items() {
    for (const auto& m : log_.mail()) {
      if (m.kind == "mua.composed" && m.message_id == id_) {
        add(m.at, m.seq, ChartStep::Type::note, m.agent, {}, Channel::note, tr(msg::kComposed),
            m.subject);
        mark(ChartStep::Moment::composed);
        continue;
      }
      if (placement(m.agent, m.queue_id) == nullptr) continue;
      if (m.kind == "mail.accepted")
        add(m.at, m.seq, ChartStep::Type::note, m.agent, {}, Channel::note,
            Text(msg::kQueued, {{"queue_id", m.queue_id}}).render(lang_));
      else if (m.kind == "mail.deferred")
        add(m.at, m.seq, ChartStep::Type::note, m.agent, {}, Channel::failure, tr(msg::kDeferred),
            m.reply);
      else if (m.kind == "mail.delivered")
        add(m.at, m.seq, ChartStep::Type::note, m.agent, {}, Channel::note,
            Text(msg::kDelivered, {{"mailbox", m.mailbox}}).render(lang_), m.reply);
      else if (m.kind == "mail.bounced")
        add(m.at, m.seq, ChartStep::Type::note, m.agent, {}, Channel::failure, tr(msg::kBounced),
            m.reply);
      else
        continue;
      mark(m.kind == "mail.accepted"    ? ChartStep::Moment::queued
           : m.kind == "mail.deferred"  ? ChartStep::Moment::deferred
           : m.kind == "mail.delivered" ? ChartStep::Moment::delivered
                                        : ChartStep::Moment::bounced);
    }
  }

  std::string tr(const Message& m) const { return std::string(m.text(lang_)); }

  const JourneyLog& log_;
  const std::string& id_;
  Lang lang_;
  std::vector<Placement> placements_;
  std::set<std::string> recipients_, domains_, names_;
  std::vector<std::size_t> conns_;
  std::set<std::pair<std::string, std::uint64_t>> lookups_;
  std::vector<Item> items_;
};

}  // namespace

std::string line_label(agents::DialogueProtocol protocol, bool client, std::string_view line) {
  switch (protocol) {
    case Protocol::smtp:
    case Protocol::typed: {
      if (!client) return std::string(line.substr(0, 3));
      const std::string verb = to_upper(word(line, 0));
      if (verb == "MAIL" || verb == "RCPT") {
        const std::string arg = to_upper(word(line, 1));
        return verb + " " + arg.substr(0, arg.find(':'));
      }
      return verb;
    }
    case Protocol::pop3:
      return to_upper(word(line, 0));
    case Protocol::imap: {
      // "a1 FETCH 1 BODY[]": the command after its tag; "* 3 EXISTS": the untagged word.
      if (client) return to_upper(word(line, 1));
      if (line.starts_with("+")) return "+";
      std::string w = word(line, 1);
      if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) w = word(line, 2);
      return (line.starts_with("*") ? "* " : "") + to_upper(w);
    }
  }
  return std::string(line);
}

std::vector<TracedMessage> traced_messages(const JourneyLog& log) {
  std::vector<TracedMessage> out;
  std::map<std::string, std::string> subjects;
  for (const auto& m : log.mail())
    if (m.kind == "mua.composed") subjects[m.message_id] = m.subject;
  for (const auto& m : log.mail()) {
    if (m.kind != "mail.accepted" || m.message_id.empty()) continue;
    if (std::any_of(out.begin(), out.end(),
                    [&](const TracedMessage& t) { return t.message_id == m.message_id; }))
      continue;
    TracedMessage t;
    t.message_id = m.message_id;
    t.sender = m.sender;
    t.recipient = m.recipients.empty() ? "" : m.recipients.front();
    t.subject = subjects[m.message_id];
    t.first = m.at;
    out.push_back(std::move(t));
  }
  return out;
}

JourneyChart journey_chart(const JourneyLog& log, const std::string& message_id,
                           const agents::HostRoles& roles, Lang lang) {
  JourneyChart chart;
  chart.message_id = message_id;
  for (const auto& t : traced_messages(log))
    if (t.message_id == message_id)
      chart.title = (t.sender.empty() ? "<>" : t.sender) + " → " + t.recipient +
                    (t.subject.empty() ? "" : "  « " + t.subject + " »");
  ChartBuilder builder(log, message_id, lang);
  const std::vector<Item> items = builder.items();
  auto lifeline = [&](const std::string& host) {
    for (std::size_t i = 0; i < chart.lifelines.size(); ++i)
      if (chart.lifelines[i].host == host) return static_cast<int>(i);
    Lifeline l{host, {}};
    if (auto it = roles.find(host); it != roles.end() && !it->second.empty())
      l.roles = agents::role_names(it->second, lang);
    else if (builder.dns_hosts.contains(host))
      l.roles = std::string(msg::kDnsRole.text(lang));
    chart.lifelines.push_back(std::move(l));
    return static_cast<int>(chart.lifelines.size() - 1);
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (i > 0 && item.at - items[i - 1].at > kChartGap) {
      ChartStep gap;
      gap.type = ChartStep::Type::gap;
      gap.at = items[i - 1].at;
      gap.gap = item.at - items[i - 1].at;
      gap.channel = Channel::note;
      gap.label =
          Text(msg::kGap, {{"duration", agents::format_duration(gap.gap, lang)}}).render(lang);
      chart.steps.push_back(std::move(gap));
    }
    ChartStep s;
    s.type = item.type;
    s.at = item.at;
    s.from = lifeline(item.from);
    if (item.type == ChartStep::Type::arrow) s.to = lifeline(item.to);
    s.channel = item.channel;
    s.moment = item.moment;
    s.label = item.label;
    s.detail = item.detail;
    chart.steps.push_back(std::move(s));
  }
  return chart;
}

}  // namespace mailsim::report
