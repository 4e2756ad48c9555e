#pragma once
// SPF records (RFC 7208 4.5, 4.6 and 7): parsing "v=spf1 ..." into terms, and macro expansion.
// A record with any syntax error is rejected as a whole (4.6: permerror before evaluation).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/dns/ip_address.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::dns::spf {

enum class Qualifier : char { pass = '+', fail = '-', softfail = '~', neutral = '?' };
enum class Mechanism { all, include, a, mx, ptr, ip4, ip6, exists };

struct Term {
  std::string text;  // as written, for the trace
  bool is_modifier = false;
  // Mechanisms.
  Qualifier qualifier = Qualifier::pass;
  Mechanism mechanism = Mechanism::all;
  std::string domain_spec;  // include, exists (required); a, mx, ptr (optional): unexpanded
  std::optional<IpAddress> network;  // ip4, ip6
  int cidr4 = 32;
  int cidr6 = 128;
  // Modifiers: name in lower case ("redirect", "exp", or another, ignored) and its value.
  std::string name;
  std::string value;
};

struct Record {
  std::vector<Term> terms;  // mechanisms and modifiers, in order
  const Term* redirect() const;
};

// True when the TXT text is an SPF version 1 record: "v=spf1" alone or followed by a space.
bool is_spf1(std::string_view txt);
// nullopt on any syntax error; `error` then says which term and why.
std::optional<Record> parse_record(std::string_view txt, std::optional<Text>* error = nullptr);

// What the macros of section 7.2 stand for during one check.
struct MacroContext {
  std::string sender;  // "local@domain" (MAIL FROM, or postmaster@HELO name)
  std::string domain;  // the domain being checked (<domain>)
  IpAddress ip;
  std::string helo;
};
// Expands a domain-spec; nullopt on a macro syntax error. The result is cut from the left to
// at most 253 octets (7.3).
std::optional<std::string> expand(std::string_view spec, const MacroContext& context);
bool valid_macro_string(std::string_view spec);

}  // namespace mailsim::proto::dns::spf
