#include "agents/proto/smtp/syntax.hpp"

#include <algorithm>
#include <cctype>

#include "agents/proto/envelope_address.hpp"

namespace mailsim::proto::smtp {

namespace {

bool alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// atext of RFC 5322 3.2.3.
bool atext(char c) {
  return alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool valid_dot_string(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.') {
      if (s[i - 1] == '.') return false;
    } else if (!atext(s[i])) {
      return false;
    }
  }
  return true;
}

bool valid_quoted_string(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      ++i;
      if (i + 1 >= s.size()) return false;
    } else if (c == '"' || c < 32 || c == 127) {
      return false;
    }
  }
  return true;
}

bool valid_domain(std::string_view s) {
  if (s.empty() || s.size() > 255) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view label =
        s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!alnum(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool valid_address_literal(std::string_view s) {
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return false;
  for (char c : s.substr(1, s.size() - 2)) {
    if (!alnum(c) && c != '.' && c != ':') return false;
  }
  return true;
}

PathError check_mailbox(std::string_view mailbox) {
  const auto [local, domain] = split_address(mailbox);  // no '@': no domain, refused below
  if (!(valid_dot_string(local) || valid_quoted_string(local))) return PathError::syntax;
  if (!(valid_domain(domain) || valid_address_literal(domain))) return PathError::syntax;
  if (local.size() > 64 || domain.size() > 255) return PathError::too_long;
  return PathError::none;
}

bool parse_parameters(std::string_view text, std::vector<Parameter>& out) {
  while (!text.empty()) {
    if (text.front() == ' ') {
      text.remove_prefix(1);
      continue;
    }
    const std::size_t end = std::min(text.find(' '), text.size());
    const std::string_view item = text.substr(0, end);
    text.remove_prefix(end);
    const std::size_t eq = item.find('=');
    Parameter p;
    for (char c : item.substr(0, eq))
      p.keyword += ascii_upper(c);
    if (eq != std::string_view::npos) p.value = std::string(item.substr(eq + 1));
    if (p.keyword.empty() || !std::all_of(p.keyword.begin(), p.keyword.end(),
                                          [](char c) { return alnum(c) || c == '-'; })) {
      return false;
    }
    if (eq != std::string_view::npos && p.value.empty()) return false;
    out.push_back(std::move(p));
  }
  return true;
}

}  // namespace

CommandLine split_command(std::string_view line) {
  CommandLine out;
  const std::size_t space = line.find(' ');
  out.verb = line.substr(0, space);
  upper_in_place(out.verb);
  if (space != std::string_view::npos) out.arg = line.substr(space + 1);
  return out;
}

PathError parse_path_argument(std::string_view arg, bool is_mail, PathArgument& out) {
  const std::string_view prefix = is_mail ? "FROM:" : "TO:";
  if (!starts_with_ci(arg, prefix)) return PathError::syntax;
  arg.remove_prefix(prefix.size());
  while (!arg.empty() && arg.front() == ' ')
    arg.remove_prefix(1);
  if (arg.empty() || arg.front() != '<') return PathError::syntax;
  const std::size_t close = arg.find('>');
  if (close == std::string_view::npos) return PathError::syntax;
  if (close + 1 < arg.size() && arg[close + 1] != ' ') return PathError::syntax;
  std::string_view path = arg.substr(1, close - 1);
  if (close + 1 > 256) return PathError::too_long;
  out = PathArgument{};
  if (!parse_parameters(arg.substr(close + 1), out.params)) return PathError::syntax;

  if (path.empty()) return is_mail ? PathError::none : PathError::syntax;
  if (!is_mail && iequals(path, "Postmaster")) {
    out.address = std::string(path);
    return PathError::none;
  }
  // A source route "@a,@b:" is accepted and ignored (4.1.2).
  if (path.front() == '@') {
    const std::size_t colon = path.find(':');
    if (colon == std::string_view::npos) return PathError::syntax;
    std::string_view route = path.substr(0, colon);
    while (!route.empty()) {
      const std::size_t comma = std::min(route.find(','), route.size());
      const std::string_view hop = route.substr(0, comma);
      if (hop.size() < 2 || hop.front() != '@' || !valid_domain(hop.substr(1))) {
        return PathError::syntax;
      }
      route.remove_prefix(std::min(comma + 1, route.size()));
    }
    path.remove_prefix(colon + 1);
  }
  const PathError err = check_mailbox(path);
  if (err == PathError::none) out.address = std::string(path);
  return err;
}

bool valid_domain_or_literal(std::string_view text) {
  return valid_domain(text) || valid_address_literal(text);
}

}  // namespace mailsim::proto::smtp
