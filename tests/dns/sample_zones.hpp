#pragma once
// The zones of the DNS tests: a root, the "example." TLD, and b.example / c.example
// authoritative zones, written like small master files.
#include <string>

#include "agents/proto/dns/zone_text.hpp"

namespace mailsim::proto::dns::test {

inline constexpr const char* kRootAddress = "198.51.100.1";
inline constexpr const char* kTldAddress = "198.51.100.2";
inline constexpr const char* kBAddress = "192.0.2.53";
inline constexpr const char* kCAddress = "192.0.2.54";

inline Zone root_zone() {
  return zone_from_text(".", R"(
@ 86400 SOA ns.root. hostmaster.root. 1 1800 900 604800 86400
@ 518400 NS ns.root.
ns.root. 518400 A 198.51.100.1
example. 172800 NS ns1.nic.example.
ns1.nic.example. 172800 A 198.51.100.2
)");
}

inline Zone tld_zone() {
  return zone_from_text("example.", R"(
@ 86400 SOA ns1.nic.example. hostmaster.nic.example. 1 1800 900 604800 3600
@ 172800 NS ns1.nic.example.
ns1.nic.example. 172800 A 198.51.100.2
b.example. 172800 NS ns1.b.example.
ns1.b.example. 172800 A 192.0.2.53
c.example. 172800 NS ns.c.example.
ns.c.example. 172800 A 192.0.2.54
)");
}

inline Zone b_zone() {
  return zone_from_text("b.example.", R"(
; the recipient's domain
@ 3600 SOA ns1.b.example. hostmaster.b.example. 2024060101 7200 900 1209600 300
@ 3600 NS ns1.b.example.
ns1.b.example. 3600 A 192.0.2.53
@ 3600 MX 10 mx1.b.example.
@ 3600 MX 20 mx2.b.example.
@ 300 A 192.0.2.80
@ 3600 TXT "v=spf1 mx -all"
mx1.b.example. 3600 A 192.0.2.25
mx2.b.example. 3600 A 192.0.2.26
mx2.b.example. 3600 AAAA 2001:db8::26
www.b.example. 600 CNAME b.example.
alias.b.example. 600 CNAME www.b.example.
mail.b.example. 600 CNAME mx1.b.example.
out.b.example. 600 CNAME host.c.example.
loop1.b.example. 60 CNAME loop2.b.example.
loop2.b.example. 60 CNAME loop1.b.example.
host.deep.b.example. 60 A 192.0.2.90
)");
}

inline Zone c_zone() {
  return zone_from_text("c.example.", R"(
@ 3600 SOA ns.c.example. hostmaster.c.example. 1 7200 900 1209600 600
@ 3600 NS ns.c.example.
ns.c.example. 3600 A 192.0.2.54
host.c.example. 120 A 192.0.2.100
back.c.example. 120 CNAME alias.b.example.
)");
}

// A TXT RRset too large for 512 octets over UDP.
inline void add_big_txt(Zone& zone, const Name& name) {
  for (int i = 0; i < 12; ++i)
    zone.add(make_record(name, 60, TxtData{{std::string(60, static_cast<char>('a' + i))}}));
}

// One server holding every zone: the simple default.
inline ZoneSet all_zones() {
  ZoneSet set;
  set.add_zone(root_zone());
  set.add_zone(tld_zone());
  set.add_zone(b_zone());
  set.add_zone(c_zone());
  return set;
}

}  // namespace mailsim::proto::dns::test
