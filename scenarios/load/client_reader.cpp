#include "scenarios/load/client_reader.hpp"

#include "scenarios/load/messages.hpp"
#include "scenarios/load/references.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"

namespace mailsim::scenarios {
namespace {

std::optional<SubmitModel> read_submit(YamlMap& client, const std::string& address,
                                       const std::vector<std::string>& servers, Diagnostics& diag) {
  auto node = client.child("submit");
  if (!node) return std::nullopt;
  YamlMap m(*node, Text(msg::kWhatKey, {{"name", "submit"}}), diag, "mail.clients[].submit");
  if (!m.ok()) return std::nullopt;
  SubmitModel s;
  if (auto v = m.text("server", Need::required)) s.server = *v;
  check_ref(s.server, servers, msg::kKindMailServer, "submit", m.pos(), diag);
  if (auto v = m.text("password")) s.password = *v;
  s.user = m.text("user").value_or(s.password.empty() ? "" : login_of(address));
  check_one_line(s.user, "user", m.what(), m.pos(), diag);
  check_one_line(s.password, "password", m.what(), m.pos(), diag);
  s.port = s.password.empty() ? 25 : 587;
  if (auto v = m.integer("port", 1, 65535)) s.port = static_cast<std::uint16_t>(*v);
  m.finish();
  return s;
}

std::optional<FetchModel> read_fetch(YamlMap& client, const std::string& address,
                                     const std::vector<std::string>& servers, Diagnostics& diag) {
  auto node = client.child("fetch");
  if (!node) return std::nullopt;
  YamlMap m(*node, Text(msg::kWhatKey, {{"name", "fetch"}}), diag, "mail.clients[].fetch");
  if (!m.ok()) return std::nullopt;
  FetchModel f;
  if (auto v = m.text("server", Need::required)) f.server = *v;
  check_ref(f.server, servers, msg::kKindMailServer, "fetch", m.pos(), diag);
  if (auto v = m.choice("protocol", kFetchProtocolChoices)) f.protocol = *v;
  if (auto v = m.integer("port", 1, 65535)) f.port = static_cast<std::uint16_t>(*v);
  f.user = m.text("user").value_or(login_of(address));
  if (auto v = m.text("password", Need::required)) f.password = *v;
  check_one_line(f.user, "user", m.what(), m.pos(), diag);
  check_one_line(f.password, "password", m.what(), m.pos(), diag);
  if (auto v = m.boolean("keep_on_server")) f.keep_on_server = *v;
  if (auto v = m.time("every")) {
    if (v->count() <= 0)
      diag.error(position_of(*m.child("every")), m.about(msg::kNotPositive, {{"key", "every"}}));
    else
      f.every = *v;
  }
  m.finish();
  return f;
}

}  // namespace

std::vector<MailClientModel> read_clients(const std::vector<YamlNode>& entries,
                                          const NetworkModel& network,
                                          const std::vector<MailServerModel>& servers,
                                          Diagnostics& diag) {
  std::vector<std::string> server_hosts;
  for (const auto& s : servers)
    server_hosts.push_back(s.host);
  std::vector<MailClientModel> out;
  for (const auto& node : entries) {
    YamlMap m(node, Text(msg::kWhatKey, {{"name", "clients"}}), diag, "mail.clients[]");
    if (!m.ok()) continue;
    MailClientModel c;
    c.pos = m.pos();
    if (auto v = m.text("host", Need::required)) c.host = *v;
    check_ref(c.host, host_names(network), msg::kKindHost, "clients", m.pos(), diag);
    c.name = m.text("name").value_or(c.host);
    if (auto v = m.text("address", Need::required)) {
      c.address = *v;
      check_mailbox(c.address, "address", "clients", position_of(*m.child("address")), diag);
    }
    c.submit = read_submit(m, c.address, server_hosts, diag);
    c.fetch = read_fetch(m, c.address, server_hosts, diag);
    m.finish();
    for (const auto& other : out)
      if (other.name == c.name)
        diag.error(c.pos, Text(msg::kDuplicateName,
                               {{"name", c.name}, {"line", std::to_string(other.pos.line)}}));
    out.push_back(std::move(c));
  }
  return out;
}

void check_periodic_fetch(const std::vector<MailClientModel>& clients,
                          const std::optional<sim::SimTime>& duration, Diagnostics& diag) {
  if (duration) return;
  for (const auto& c : clients)
    if (c.fetch && c.fetch->every)
      diag.error(c.pos, Text(msg::kPeriodicFetchNeedsDuration,
                             {{"name", c.name}, {"every", sim::format_time(*c.fetch->every)}}));
}

}  // namespace mailsim::scenarios
