#include "agents/proto/dns/spf_record.hpp"

#include "agents/proto/dns/spf_messages.hpp"
#include "agents/proto/envelope_address.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace mailsim::proto::dns::spf {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_delimiter(char c) {
  return std::string_view(".-+,/_=").find(c) != std::string_view::npos;
}

bool parse_int(std::string_view s, int max, int& out) {
  if (s.empty() || s.size() > 3 || (s.size() > 1 && s[0] == '0')) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out >= 0 && out <= max;
}

// The position of the first '/' outside "%{...}", or npos.
std::size_t cidr_start(std::string_view s) {
  bool in_macro = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!in_macro && s[i] == '%' && i + 1 < s.size() && s[i + 1] == '{') in_macro = true;
    if (in_macro && s[i] == '}') in_macro = false;
    if (!in_macro && s[i] == '/') return i;
  }
  return std::string_view::npos;
}

// "/24", "//64", "/24//64"
bool parse_dual_cidr(std::string_view s, Term& t) {
  if (s.empty()) return true;
  const auto dual = s.find("//");
  std::string_view v4 = dual == std::string_view::npos ? s : s.substr(0, dual);
  std::string_view v6 = dual == std::string_view::npos ? std::string_view{} : s.substr(dual + 2);
  if (!v4.empty()) {
    if (v4[0] != '/' || !parse_int(v4.substr(1), 32, t.cidr4)) return false;
  }
  if (dual != std::string_view::npos && !parse_int(v6, 128, t.cidr6)) return false;
  return true;
}

std::string ip_macro(const IpAddress& ip) {
  if (const auto* v4 = std::get_if<Ipv4>(&ip)) return v4->to_string();
  std::string out;
  for (auto b : std::get<Ipv6>(ip).bytes) {
    if (!out.empty()) out += '.';
    out += fmt::format("{:x}.{:x}", b >> 4, b & 0xF);
  }
  return out;
}

}  // namespace

const Term* Record::redirect() const {
  for (const auto& t : terms)
    if (t.is_modifier && t.name == "redirect") return &t;
  return nullptr;
}

bool is_spf1(std::string_view txt) {
  if (txt.size() < 6 || lower(txt.substr(0, 6)) != "v=spf1") return false;
  return txt.size() == 6 || txt[6] == ' ';
}

bool valid_macro_string(std::string_view spec) {
  for (std::size_t i = 0; i < spec.size(); ++i) {
    const char c = spec[i];
    if (c < 0x21 || c > 0x7E) return false;
    if (c != '%') continue;
    if (i + 1 >= spec.size()) return false;
    const char n = spec[i + 1];
    if (n == '%' || n == '_' || n == '-') {
      ++i;
      continue;
    }
    if (n != '{') return false;
    const auto close = spec.find('}', i);
    if (close == std::string_view::npos) return false;
    std::string_view body = spec.substr(i + 2, close - i - 2);
    if (body.empty() ||
        std::string_view("slodiphcrtvSLODIPHCRTV").find(body[0]) == std::string_view::npos)
      return false;
    std::size_t k = 1;
    while (k < body.size() && std::isdigit(static_cast<unsigned char>(body[k])))
      ++k;
    if (k > 1 && (body.substr(1, k - 1) == "0" || k - 1 > 3)) return false;
    if (k < body.size() && (body[k] == 'r' || body[k] == 'R')) ++k;
    for (; k < body.size(); ++k)
      if (!is_delimiter(body[k])) return false;
    i = close;
  }
  return true;
}

std::optional<std::string> expand(std::string_view spec, const MacroContext& ctx) {
  if (!valid_macro_string(spec)) return std::nullopt;
  // A sender with no local part is postmaster's (RFC 7208 4.3); one without '@' is taken as
  // a bare domain, a HELO identity.
  auto [local_part, domain] = split_address(ctx.sender);
  if (domain.empty()) std::swap(local_part, domain);
  const std::string local = local_part.empty() ? "postmaster" : std::string(local_part);
  const std::string sender_domain(domain);
  std::string out;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '%') {
      out += spec[i];
      continue;
    }
    const char n = spec[++i];
    if (n == '%') {
      out += '%';
      continue;
    }
    if (n == '_') {
      out += ' ';
      continue;
    }
    if (n == '-') {
      out += "%20";
      continue;
    }
    const auto close = spec.find('}', i);
    std::string_view body = spec.substr(i + 1, close - i - 1);
    i = close;
    std::string value;
    switch (std::tolower(static_cast<unsigned char>(body[0]))) {
      case 's':
        value = local + "@" + sender_domain;
        break;
      case 'l':
        value = local;
        break;
      case 'o':
        value = sender_domain;
        break;
      case 'd':
        value = ctx.domain;
        break;
      case 'i':
        value = ip_macro(ctx.ip);
        break;
      case 'c':
        value = to_string(ctx.ip);
        break;
      case 'v':
        value = std::holds_alternative<Ipv4>(ctx.ip) ? "in-addr" : "ip6";
        break;
      case 'h':
        value = ctx.helo;
        break;
      case 't':
        value = "0";
        break;
      default:
        value = "unknown";
        break;  // p and r: allowed to be "unknown" (7.3)
    }
    std::size_t k = 1;
    while (k < body.size() && std::isdigit(static_cast<unsigned char>(body[k])))
      ++k;
    int keep = 0;
    if (k > 1) parse_int(body.substr(1, k - 1), 999, keep);
    bool reverse = false;
    if (k < body.size() && (body[k] == 'r' || body[k] == 'R')) {
      reverse = true;
      ++k;
    }
    std::string delimiters(body.substr(k));
    if (delimiters.empty()) delimiters = ".";
    std::vector<std::string> parts{""};
    for (char c : value) {
      if (delimiters.find(c) != std::string::npos)
        parts.emplace_back();
      else
        parts.back() += c;
    }
    if (reverse) std::reverse(parts.begin(), parts.end());
    if (keep > 0 && static_cast<std::size_t>(keep) < parts.size())
      parts.erase(parts.begin(), parts.end() - keep);
    for (std::size_t p = 0; p < parts.size(); ++p)
      out += (p ? "." : "") + parts[p];
  }
  while (out.size() > 253) {  // 7.3: drop labels from the left
    const auto dot = out.find('.');
    if (dot == std::string::npos) return std::nullopt;
    out.erase(0, dot + 1);
  }
  return out;
}

std::optional<Record> parse_record(std::string_view txt, std::optional<Text>* error) {
  const auto fail = [&](std::string_view term,
                        const mailsim::Message& why) -> std::optional<Record> {
    if (error)
      *error = Text(msg::kSpfProblemSyntax, {{"term", std::string(term)}}).with("why", Text(why));
    return std::nullopt;
  };
  if (!is_spf1(txt)) return fail(txt, msg::kSpfWhyNotSpf1);
  Record record;
  std::size_t pos = 6;
  while (pos < txt.size()) {
    if (txt[pos] == ' ') {
      ++pos;
      continue;
    }
    const auto end = std::min(txt.find(' ', pos), txt.size());
    const std::string_view word = txt.substr(pos, end - pos);
    pos = end;
    Term t;
    t.text = std::string(word);
    // A modifier is name=value, with a name that starts with a letter.
    const auto eq = word.find('=');
    const auto colon_or_slash = word.find_first_of(":/");
    if (eq != std::string_view::npos && eq < colon_or_slash &&
        std::isalpha(static_cast<unsigned char>(word[0]))) {
      t.is_modifier = true;
      t.name = lower(word.substr(0, eq));
      t.value = std::string(word.substr(eq + 1));
      for (char c : t.name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
          return fail(word, msg::kSpfWhyModifierName);
      if (!valid_macro_string(t.value)) return fail(word, msg::kSpfWhyMacro);
      if ((t.name == "redirect" || t.name == "exp")) {
        if (t.value.empty()) return fail(word, msg::kSpfWhyNeedsDomain);
        for (const auto& other : record.terms)
          if (other.is_modifier && other.name == t.name) return fail(word, msg::kSpfWhyTwice);
      }
      record.terms.push_back(std::move(t));
      continue;
    }
    std::string_view rest = word;
    if (std::string_view("+-~?").find(rest[0]) != std::string_view::npos) {
      t.qualifier = static_cast<Qualifier>(rest[0]);
      rest.remove_prefix(1);
    }
    const auto name_end = std::min(rest.find_first_of(":/"), rest.size());
    const std::string name = lower(rest.substr(0, name_end));
    std::string_view arg = rest.substr(name_end);
    if (name == "all") {
      if (!arg.empty()) return fail(word, msg::kSpfWhyAllArgument);
      t.mechanism = Mechanism::all;
    } else if (name == "include" || name == "exists") {
      t.mechanism = name == "include" ? Mechanism::include : Mechanism::exists;
      if (arg.size() < 2 || arg[0] != ':') return fail(word, msg::kSpfWhyNeedsColonDomain);
      t.domain_spec = std::string(arg.substr(1));
      if (!valid_macro_string(t.domain_spec)) return fail(word, msg::kSpfWhyMacro);
    } else if (name == "a" || name == "mx" || name == "ptr") {
      t.mechanism = name == "a" ? Mechanism::a : name == "mx" ? Mechanism::mx : Mechanism::ptr;
      if (!arg.empty() && arg[0] == ':') {
        arg.remove_prefix(1);
        const auto slash = name == "ptr" ? std::string_view::npos : cidr_start(arg);
        t.domain_spec = std::string(arg.substr(0, slash));
        arg = slash == std::string_view::npos ? std::string_view{} : arg.substr(slash);
        if (t.domain_spec.empty() || !valid_macro_string(t.domain_spec))
          return fail(word, msg::kSpfWhyBadDomain);
      }
      if (name == "ptr" && !arg.empty()) return fail(word, msg::kSpfWhyPtrPrefix);
      if (!parse_dual_cidr(arg, t)) return fail(word, msg::kSpfWhyPrefix);
    } else if (name == "ip4" || name == "ip6") {
      t.mechanism = name == "ip4" ? Mechanism::ip4 : Mechanism::ip6;
      if (arg.size() < 2 || arg[0] != ':') return fail(word, msg::kSpfWhyNeedsAddress);
      arg.remove_prefix(1);
      const auto slash = arg.find('/');
      const std::string_view address = arg.substr(0, slash);
      try {
        if (name == "ip4")
          t.network = Ipv4::parse(address);
        else
          t.network = Ipv6::parse(address);
      } catch (const AddressError&) {
        return fail(word, msg::kSpfWhyAddress);
      }
      if (slash != std::string_view::npos) {
        int& bits = name == "ip4" ? t.cidr4 : t.cidr6;
        if (!parse_int(arg.substr(slash + 1), name == "ip4" ? 32 : 128, bits))
          return fail(word, msg::kSpfWhyPrefix);
      }
    } else {
      return fail(word, msg::kSpfWhyUnknown);
    }
    record.terms.push_back(std::move(t));
  }
  return record;
}

}  // namespace mailsim::proto::dns::spf
