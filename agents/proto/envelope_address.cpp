#include "agents/proto/envelope_address.hpp"

#include "sim/strings.hpp"

namespace mailsim::proto {

AddressParts split_address(std::string_view address) {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {address, {}};
  return {address.substr(0, at), address.substr(at + 1)};
}

std::string domain_of(std::string_view address) {
  return to_lower(split_address(address).domain);
}

}  // namespace mailsim::proto
