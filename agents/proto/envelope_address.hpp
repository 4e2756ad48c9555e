#pragma once
// The two parts of an envelope address (RFC 5321 4.1.2: Local-part "@" Domain), the one split
// every agent uses. It cuts at the last '@': a quoted local part may hold one, a domain never.
//
// An address without '@' is all local part and has no domain: RFC 5321 4.5.1 lets a client
// write "RCPT TO:<Postmaster>", which means the receiving server's own postmaster, so such an
// address is local wherever it is read (the MTA routes it to its MDA, the inbound policy checks
// it against its users, a domain reputation never matches it).
#include <string>
#include <string_view>

namespace mailsim::proto {

struct AddressParts {
  std::string_view local;   // before the last '@'; the whole address when there is none
  std::string_view domain;  // after the last '@', as written; empty when there is none
};

AddressParts split_address(std::string_view address);
// The domain in lower case (domains are case-insensitive, RFC 5321 2.4): the form to compare
// and group addresses by. Empty for an address without '@'.
std::string domain_of(std::string_view address);

}  // namespace mailsim::proto
