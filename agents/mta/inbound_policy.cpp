#include "agents/mta/inbound_policy.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "agents/proto/envelope_address.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {
namespace {

using proto::smtp::Reply;

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return iequals(n, name); });
}

}  // namespace

bool Ipv4Network::contains(sim::net::Ipv4Address a) const {
  if (prefix <= 0) return true;
  const std::uint32_t mask = prefix >= 32 ? 0xffffffffu : ~(0xffffffffu >> prefix);
  return (a.value() & mask) == (base.value() & mask);
}

std::optional<Ipv4Network> Ipv4Network::parse(std::string_view cidr) {
  const std::size_t slash = cidr.find('/');
  Ipv4Network n;
  try {
    n.base = sim::net::Ipv4Address::parse(cidr.substr(0, slash));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (slash != std::string_view::npos) {
    const std::string_view bits = cidr.substr(slash + 1);
    auto [ptr, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), n.prefix);
    if (ec != std::errc() || ptr != bits.data() + bits.size() || n.prefix < 0 || n.prefix > 32)
      return std::nullopt;
  }
  return n;
}

RecipientDecision decide_recipient(const InboundSettings& s, sim::net::Ipv4Address client,
                                   bool authenticated, const std::string& recipient) {
  const auto [local_view, domain_view] = proto::split_address(recipient);
  const std::string local(local_view), domain(domain_view);
  if (domain.empty() || listed(s.local_domains, domain)) {
    if (iequals(local, "postmaster") || listed(s.local_users, local))
      return {RecipientRoute::local, Reply(250, "2.1.5", "Ok"), "local user"};
    return {RecipientRoute::refused,
            Reply(550, "5.1.1",
                  fmt::format("<{}>: Recipient address rejected: User unknown in local recipient "
                              "table",
                              recipient)),
            "unknown user"};
  }
  if (listed(s.relay_domains, domain))
    return {RecipientRoute::relay, Reply(250, "2.1.5", "Ok"), "relay domain"};
  const bool trusted = std::any_of(s.trusted_networks.begin(), s.trusted_networks.end(),
                                   [&](const Ipv4Network& n) { return n.contains(client); });
  if (trusted) return {RecipientRoute::relay, Reply(250, "2.1.5", "Ok"), "trusted network"};
  if (authenticated) return {RecipientRoute::relay, Reply(250, "2.1.5", "Ok"), "authenticated"};
  if (s.open_relay) return {RecipientRoute::relay, Reply(250, "2.1.5", "Ok"), "open relay"};
  return {RecipientRoute::refused,
          Reply(554, "5.7.1", fmt::format("<{}>: Relay access denied", recipient)), "relay denied"};
}

// Postfix's cleanup counts each Received line, the one smtpd has just added first, and refuses
// when ++hop_count >= hopcount_limit (cleanup_message.c); smtpd then answers with
// cleanup_strerror's "554 5.4.0" and "Error: too many hops".
std::optional<Reply> check_hop_count(const InboundSettings& s, int received_headers) {
  const int hop_count = received_headers + 1;  // with this server's own Received line
  if (hop_count < s.hopcount_limit) return std::nullopt;
  return Reply(554, "5.4.0", "Error: too many hops");
}

}  // namespace mailsim::agents
