#include "scenarios/model/mail_model.hpp"

#include "agents/proto/imf/address.hpp"

namespace mailsim::scenarios {

std::string login_of(const std::string& address) {
  try {
    return proto::imf::parse_mailbox(address).local_part;
  } catch (const proto::imf::AddressError&) {
    return {};
  }
}

std::string bare_address(const std::string& address) {
  try {
    return proto::imf::parse_mailbox(address).address();
  } catch (const proto::imf::AddressError&) {
    return address;
  }
}

std::vector<std::string> DnsModel::origins() const {
  std::vector<std::string> out;
  for (const auto& [origin, text] : zones)
    out.push_back(origin);
  for (const auto& s : other_servers)
    for (const auto& [origin, text] : s.zones)
      out.push_back(origin);
  return out;
}

const MailClientModel* MailModel::client(const std::string& name) const {
  for (const auto& c : clients)
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> MailModel::client_names() const {
  std::vector<std::string> names;
  for (const auto& c : clients)
    names.push_back(c.name);
  return names;
}

}  // namespace mailsim::scenarios
