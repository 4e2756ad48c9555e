#pragma once
// What a host is for, as the window draws it and a teacher names it: a person's computer, a mail
// server, a DNS server, a resolver, a relay, an attacker. A scenario may say it (`role:`);
// otherwise it follows from what the scenario runs on the host.
#include <array>
#include <string>
#include <string_view>

#include "agents/narration/narrator.hpp"
#include "scenarios/model/scenario_model.hpp"

namespace mailsim::scenarios {

inline constexpr std::array<std::string_view, 7> kHostRoles{
    "pc", "mail_server", "relay", "dns_server", "resolver", "attacker", "other"};

// The host's role: its `role` when the file gives one; else mail_server for a mail server
// with domains (relay without), dns_server for a DNS server, resolver for the resolver, pc for
// a host that runs a mail client or sends or types in the timeline; other otherwise.
std::string host_role(const ScenarioModel& scenario, const std::string& host);

// The article's roles each host plays, for the narration: MUA on a host with a mail client or
// one that sends in the timeline, MSA on a server with a submission service, MTA on every mail
// server, MDA on a server that has domains (it files into their mailboxes).
agents::HostRoles article_roles(const ScenarioModel& scenario);

}  // namespace mailsim::scenarios
