#include "agents/proto/imf/received.hpp"

#include <algorithm>
#include <cctype>

#include "sim/strings.hpp"

namespace mailsim::proto::imf {
namespace {

void append_ip_literal(std::string& out, std::string_view ip) {
  out += ip.find(':') != std::string_view::npos ? "[IPv6:" : "[";
  out += ip;
  out += ']';
}

struct Token {
  std::string text;
  bool comment = false;  // text is the inside of a (possibly nested) comment
};

struct Split {
  std::vector<Token> tokens;
  std::string date_text;
};

// Words and comments of the clauses, and the date after the last ';' outside comments.
Split tokenize(std::string_view value) {
  std::size_t date_start = std::string_view::npos;
  int depth = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\') {
      ++i;
    } else if (value[i] == '(') {
      ++depth;
    } else if (value[i] == ')' && depth > 0) {
      --depth;
    } else if (value[i] == ';' && depth == 0) {
      date_start = i;
    }
  }
  Split out;
  const auto clauses = value.substr(0, date_start);
  if (date_start != std::string_view::npos)
    out.date_text = std::string(trim(value.substr(date_start + 1)));

  for (std::size_t i = 0; i < clauses.size();) {
    const char c = clauses[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '(') {
      std::size_t j = i;
      int d = 0;
      do {
        if (clauses[j] == '\\')
          ++j;
        else if (clauses[j] == '(')
          ++d;
        else if (clauses[j] == ')')
          --d;
        ++j;
      } while (d > 0 && j < clauses.size());
      const auto inner_end = d == 0 ? j - 1 : j;  // an unclosed comment runs to the end
      out.tokens.push_back({std::string(trim(clauses.substr(i + 1, inner_end - i - 1))), true});
      i = j;
    } else {
      std::size_t j = i;
      while (j < clauses.size() && clauses[j] != ' ' && clauses[j] != '\t' && clauses[j] != '\r' &&
             clauses[j] != '\n' && clauses[j] != '(')
        ++j;
      out.tokens.push_back({std::string(clauses.substr(i, j - i)), false});
      i = j;
    }
  }
  return out;
}

std::string strip_brackets(std::string_view s, char open, char close) {
  if (s.size() >= 2 && s.front() == open && s.back() == close) s = s.substr(1, s.size() - 2);
  return std::string(s);
}

std::string ip_of_literal(std::string_view literal) {
  auto ip = strip_brackets(literal, '[', ']');
  if (ip.size() > 5 && iequals(std::string_view(ip).substr(0, 5), "IPv6:")) ip = ip.substr(5);
  return ip;
}

bool looks_like_ip(std::string_view s) {
  if (s.empty()) return false;
  const bool v4 =
      std::count(s.begin(), s.end(), '.') == 3 &&
      std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  const bool v6 =
      s.find(':') != std::string_view::npos && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == ':' || c == '.';
      });
  return v4 || v6;
}

// "mx.a.example [192.0.2.10]", "[192.0.2.1] helo=x", "HELO x", "192.0.2.1",
// "mail.example. [203.0.113.5]": fills reverse_dns, ip and helo; false if nothing was found.
bool read_tcp_info(std::string_view comment, ReceivedHop& hop) {
  bool found = false;
  std::string spaced(comment);
  std::replace(spaced.begin(), spaced.end(), '\t', ' ');
  const auto words = split_trimmed(spaced, ' ');
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto w = words[i];
    if (w.empty()) continue;
    if (w.front() == '[' && w.back() == ']') {
      if (hop.ip.empty()) hop.ip = ip_of_literal(w);
      found = true;
    } else if (w.size() > 5 && iequals(w.substr(0, 5), "helo=")) {
      hop.helo = std::string(w.substr(5));
      found = true;
    } else if (iequals(w, "HELO") && i + 1 < words.size()) {
      hop.helo = std::string(words[++i]);
      found = true;
    } else if (looks_like_ip(w) && hop.ip.empty()) {
      hop.ip = std::string(w);
      found = true;
    } else if (hop.reverse_dns.empty() && i + 1 < words.size() && !words[i + 1].empty() &&
               words[i + 1].front() == '[') {
      auto name = std::string(w);
      if (name.size() > 1 && name.back() == '.') name.pop_back();  // "mail.example."
      hop.reverse_dns = std::move(name);
      found = true;
    }
  }
  return found;
}

}  // namespace

std::string received_protocol(bool ehlo, bool tls, bool authenticated) {
  if (!ehlo) return "SMTP";
  return std::string("ESMTP") + (tls ? "S" : "") + (authenticated ? "A" : "");
}

Field received_field(const ReceivedStamp& s) {
  const std::string date = format_date(s.date);
  std::string raw;
  // Every part appended in place: each MTA writes one of these per message.
  raw.reserve(64 + s.helo.size() + 2 * s.ip.size() + s.reverse_dns.size() + s.by.size() +
              s.protocol.size() + s.id.size() + s.for_recipient.size() + date.size());
  if (!s.helo.empty() || !s.ip.empty()) {
    raw += " from ";
    if (s.helo.empty())
      append_ip_literal(raw, s.ip);
    else
      raw += s.helo;
    if (!s.ip.empty()) {
      raw += " (";
      raw += s.reverse_dns.empty() ? std::string_view("unknown") : s.reverse_dns;
      raw += ' ';
      append_ip_literal(raw, s.ip);
      raw += ')';
    }
    raw += "\r\n\t";
  } else {
    raw += ' ';
  }
  raw += "by ";
  raw += s.by;
  if (!s.protocol.empty()) {
    raw += " with ";
    raw += s.protocol;
  }
  if (!s.id.empty()) {
    raw += " id ";
    raw += s.id;
  }
  if (!s.for_recipient.empty()) {
    raw += "\r\n\tfor <";
    raw += s.for_recipient;
    raw += ">; ";
  } else {
    raw += ";\r\n\t";
  }
  raw += date;
  Field field{"Received", std::move(raw)};
  check_field(field);  // the lines' length, no stray CR or LF: as for a parsed field
  return field;
}

std::string return_path_value(std::string_view reverse_path) {
  return "<" + std::string(reverse_path) + ">";
}

void set_return_path(Header& header, std::string_view reverse_path) {
  header.remove("Return-Path");
  header.prepend("Return-Path", return_path_value(reverse_path));
}

std::optional<std::string> return_path(const Header& header) {
  const auto value = header.value("Return-Path");
  if (!value) return std::nullopt;
  return strip_brackets(*value, '<', '>');
}

ReceivedHop parse_received(std::string_view value) {
  ReceivedHop hop;
  hop.raw = unfold(value);
  hop.raw = std::string(trim(hop.raw));
  auto split = tokenize(hop.raw);
  hop.date_text = split.date_text;
  if (!hop.date_text.empty()) hop.date = parse_date(hop.date_text);

  enum class Clause { none, from, by, via, with, id, for_ };
  Clause clause = Clause::none;
  bool value_taken = true;
  std::string* target = nullptr;
  for (auto& t : split.tokens) {
    if (t.comment) {
      if (clause == Clause::from && read_tcp_info(t.text, hop)) continue;
      hop.comments.push_back(std::move(t.text));
      continue;
    }
    const std::pair<std::string_view, Clause> keywords[] = {
        {"from", Clause::from}, {"by", Clause::by}, {"via", Clause::via},
        {"with", Clause::with}, {"id", Clause::id}, {"for", Clause::for_}};
    bool keyword = false;
    for (const auto& [name, c] : keywords) {
      if (iequals(t.text, name)) {
        clause = c;
        keyword = true;
        value_taken = false;
        target = c == Clause::from   ? &hop.from
                 : c == Clause::by   ? &hop.by
                 : c == Clause::via  ? &hop.via
                 : c == Clause::with ? &hop.with
                 : c == Clause::id   ? &hop.id
                                     : &hop.for_recipient;
      }
    }
    if (keyword) continue;
    if (!value_taken && target != nullptr) {
      *target = clause == Clause::for_ ? strip_brackets(t.text, '<', '>') : t.text;
      value_taken = true;
      if (clause == Clause::from && t.text.front() == '[' && hop.ip.empty())
        hop.ip = ip_of_literal(t.text);
      continue;
    }
    hop.extra.push_back(std::move(t.text));
  }
  return hop;
}

std::vector<ReceivedHop> received_chain(const Header& header) {
  std::vector<ReceivedHop> hops;
  for (const auto* f : header.find_all("Received"))
    hops.push_back(parse_received(f->raw));
  std::reverse(hops.begin(), hops.end());
  for (std::size_t i = 1; i < hops.size(); ++i)
    if (hops[i].date && hops[i - 1].date) hops[i].delay = hops[i].date->utc - hops[i - 1].date->utc;
  return hops;
}

}  // namespace mailsim::proto::imf
