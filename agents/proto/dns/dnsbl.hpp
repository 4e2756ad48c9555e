#pragma once
// Reverse names and DNS blocklists (RFC 5782). A server checks a client at a.b.c.d by looking
// up the A record of d.c.b.a.<list zone>: an address in 127.0.0.0/8 means listed (the last
// octet often says why), NXDOMAIN means not listed.
#include <optional>
#include <string>
#include <vector>

#include "agents/proto/dns/lookup.hpp"

namespace mailsim::proto::dns {

// d.c.b.a.<zone> for IPv4; 32 reversed nibbles for IPv6 (RFC 5782 2.4).
Name reversed_ip_name(const IpAddress& ip, const Name& zone);
// The PTR name: 4.3.2.1.in-addr.arpa. or the nibbles under ip6.arpa.
Name reverse_pointer_name(const IpAddress& ip);

enum class DnsblVerdict { listed, not_listed, error };
std::string_view dnsbl_verdict_name(DnsblVerdict v);

struct DnsblResult {
  DnsblVerdict verdict = DnsblVerdict::error;
  std::vector<Ipv4> codes;  // the 127.0.0.x answers when listed
  std::string reason;       // listed: the list's TXT record for the name, when it has one
};

// Reads the answer to the A query for reversed_ip_name(). Addresses outside 127.0.0.0/8 are
// not listings (RFC 5782 2.1 reserves that block); a list answering only such addresses, or
// failing to answer, is an error: the caller decides whether to accept the mail anyway.
DnsblResult interpret_dnsbl(const LookupResult& answer);
// The reason a list gives in the TXT record of the same name (RFC 5782 2.1): the first
// record's strings joined, or empty when there is none.
std::string dnsbl_reason(const LookupResult& txt_answer);

}  // namespace mailsim::proto::dns
