#include "scenarios/model/roles.hpp"

#include <algorithm>

namespace mailsim::scenarios {

std::string host_role(const ScenarioModel& s, const std::string& host) {
  for (const auto& h : s.network.hosts)
    if (h.name == host && !h.role.empty()) return h.role;
  for (const auto& m : s.mail.servers)
    if (m.host == host) return m.domains.empty() ? "relay" : "mail_server";
  if (s.mail.dns) {
    if (s.mail.dns->resolver == host) return "resolver";
    if (s.mail.dns->server == host) return "dns_server";
    for (const auto& d : s.mail.dns->other_servers)
      if (d.host == host) return "dns_server";
  }
  for (const auto& c : s.mail.clients)
    if (c.host == host) return "pc";
  for (const auto& e : s.timeline) {
    if (const auto* send = std::get_if<SendMailAction>(&e.action); send && send->from == host)
      return "pc";
    if (const auto* typed = std::get_if<TypedSessionAction>(&e.action);
        typed && typed->from == host)
      return "pc";
  }
  return "other";
}

agents::HostRoles article_roles(const ScenarioModel& s) {
  using agents::ArticleRole;
  agents::HostRoles roles;
  auto add = [&roles](const std::string& host, ArticleRole role) {
    auto& list = roles[host];
    if (std::find(list.begin(), list.end(), role) == list.end()) list.push_back(role);
  };
  for (const auto& c : s.mail.clients)
    add(c.host, ArticleRole::mua);
  for (const auto& e : s.timeline)
    if (const auto* send = std::get_if<SendMailAction>(&e.action); send && !send->from.empty())
      add(send->from, ArticleRole::mua);
  for (const auto& m : s.mail.servers) {
    if (m.submission) add(m.host, ArticleRole::msa);
    add(m.host, ArticleRole::mta);
    if (!m.domains.empty()) add(m.host, ArticleRole::mda);
  }
  for (auto& [host, list] : roles)
    std::sort(list.begin(), list.end());
  return roles;
}

}  // namespace mailsim::scenarios
