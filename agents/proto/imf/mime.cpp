#include "agents/proto/imf/mime.hpp"

#include <algorithm>

#include "agents/proto/imf/messages.hpp"
#include "agents/proto/imf/visible.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imf {
namespace {

constexpr std::string_view kTspecials = "()<>@,;:\\\"/[]?=";

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 32 && u < 127 && kTspecials.find(c) == std::string_view::npos;
  });
}

// Drops comments, keeps quoted strings intact.
std::string strip_comments(std::string_view s) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      out += c;
      if (c == '\\' && i + 1 < s.size())
        out += s[++i];
      else if (c == '"')
        quoted = false;
    } else if (depth > 0) {
      if (c == '\\')
        ++i;
      else if (c == '(')
        ++depth;
      else if (c == ')')
        --depth;
    } else if (c == '(') {
      depth = 1;
    } else {
      if (c == '"') quoted = true;
      out += c;
    }
  }
  return out;
}

// Splits at ';' outside quoted strings.
std::vector<std::string> split_params(std::string_view s) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted && c == '\\' && i + 1 < s.size()) {
      out.back() += c;
      out.back() += s[++i];
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (c == ';' && !quoted)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

std::string unquote(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out += v[i];
  }
  return out;
}

bool is_delimiter_line(std::string_view line, std::string_view dash_boundary, bool& close) {
  if (line.substr(0, dash_boundary.size()) != dash_boundary) return false;
  auto rest = line.substr(dash_boundary.size());
  close = rest.substr(0, 2) == "--";
  if (close) rest.remove_prefix(2);
  return std::all_of(rest.begin(), rest.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

bool ContentType::is(std::string_view t, std::string_view s) const {
  return iequals(type, t) && iequals(subtype, s);
}

std::optional<std::string> ContentType::param(std::string_view name) const {
  for (const auto& [n, v] : params)
    if (iequals(n, name)) return v;
  return std::nullopt;
}

std::string ContentType::to_string() const {
  std::string out = type + "/" + subtype;
  for (const auto& [n, v] : params) {
    out += "; " + n + "=";
    if (is_token(v)) {
      out += v;
    } else {
      out += '"';
      for (const char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += '"';
    }
  }
  return out;
}

namespace {

// The value's first element (before any ';') and its parameters, comments removed.
std::pair<std::string, std::vector<std::pair<std::string, std::string>>> main_and_params(
    std::string_view value) {
  const auto parts = split_params(strip_comments(unfold(value)));
  std::vector<std::pair<std::string, std::string>> params;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto p = trim(parts[i]);
    const auto eq = p.find('=');
    if (eq == std::string_view::npos) continue;
    params.emplace_back(to_lower(trim(p.substr(0, eq))), unquote(trim(p.substr(eq + 1))));
  }
  return {std::string(trim(parts.front())), std::move(params)};
}

}  // namespace

std::optional<ContentType> parse_content_type(std::string_view value) {
  auto [main, params] = main_and_params(value);
  const auto slash = main.find('/');
  if (slash == std::string::npos) return std::nullopt;
  ContentType ct{to_lower(trim(std::string_view(main).substr(0, slash))),
                 to_lower(trim(std::string_view(main).substr(slash + 1))), std::move(params)};
  if (!is_token(ct.type) || !is_token(ct.subtype)) return std::nullopt;
  return ct;
}

std::optional<ContentType> parse_content_disposition(std::string_view value) {
  auto [main, params] = main_and_params(value);
  if (!is_token(main)) return std::nullopt;
  return ContentType{to_lower(main), {}, std::move(params)};
}

std::optional<std::vector<std::string_view>> multipart_texts(std::string_view body,
                                                             std::string_view boundary) {
  const std::string dash_boundary = "--" + std::string(boundary);
  std::vector<std::string_view> parts;
  std::optional<std::size_t> part_start;  // where the current part's content begins
  std::size_t pos = 0;
  bool closed = false;
  auto finish = [&](std::size_t end) {
    // The CRLF before a delimiter belongs to the delimiter.
    auto content = body.substr(*part_start, end - *part_start);
    if (content.size() >= 2 && content.substr(content.size() - 2) == "\r\n")
      content.remove_suffix(2);
    else if (!content.empty() && content.back() == '\n')
      content.remove_suffix(1);
    parts.push_back(content);
  };
  while (pos < body.size() && !closed) {
    const auto nl = body.find('\n', pos);
    const auto next = nl == std::string_view::npos ? body.size() : nl + 1;
    auto line = body.substr(pos, (nl == std::string_view::npos ? body.size() : nl) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool close = false;
    if (is_delimiter_line(line, dash_boundary, close)) {
      if (part_start) finish(pos);
      part_start = next;
      closed = close;
    }
    pos = next;
  }
  if (!part_start) return std::nullopt;
  if (!closed) finish(body.size());
  return parts;
}

std::vector<BodyPart> split_multipart(std::string_view body, std::string_view boundary) {
  const auto texts = multipart_texts(body, boundary);
  if (!texts) throw ParseError(Text(msg::kMultipartNoBoundary, {{"boundary", visible(boundary)}}));
  std::vector<BodyPart> parts;
  for (std::string_view text : *texts) {
    auto m = parse_message(text);
    parts.push_back(BodyPart{std::move(m.header), std::move(m.body)});
  }
  return parts;
}

std::string join_multipart(const std::vector<BodyPart>& parts, std::string_view boundary,
                           std::string_view preamble) {
  // Sized first and appended piece by piece: an attachment's body is copied once, not three times.
  std::size_t size = preamble.size() + boundary.size() + 6;
  for (const auto& p : parts)
    size += boundary.size() + 4 + p.header.to_string().size() + 2 + p.body.size() + 2;
  std::string out;
  out.reserve(size);
  out += preamble;
  for (const auto& p : parts) {
    append_part_start(out, boundary, p.header);
    // The CRLF before each delimiter belongs to the delimiter (RFC 2046 5.1.1), so every
    // body is written with one more CRLF and reads back exactly.
    out.append(p.body).append("\r\n");
  }
  append_close_delimiter(out, boundary);
  return out;
}

void append_part_start(std::string& out, std::string_view boundary, const Header& header) {
  out.append("--").append(boundary).append("\r\n").append(header.to_string()).append("\r\n");
}

void append_close_delimiter(std::string& out, std::string_view boundary) {
  out.append("--").append(boundary).append("--\r\n");
}

std::string encode_quoted_printable(std::string_view text) {
  constexpr std::size_t kMaxLine = 76;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find("\r\n", start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::size_t column = 0;
    for (std::size_t i = start; i < end; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      const bool at_end = i + 1 == end;
      const bool literal =
          (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_end);
      const std::string piece = literal ? std::string(1, static_cast<char>(c))
                                        : std::string{'=', kHex[c >> 4], kHex[c & 0xf]};
      // Room for the piece, plus the "=" of a soft break unless it ends the line.
      if (column + piece.size() + (at_end ? 0 : 1) > kMaxLine) {
        out += "=\r\n";
        column = 0;
      }
      out += piece;
      column += piece.size();
    }
    if (last) break;
    out += "\r\n";
    start = end + 2;
  }
  return out;
}

std::string decode_quoted_printable(std::string_view text) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
    } else if (text.substr(i + 1, 2) == "\r\n") {
      i += 2;  // soft line break
    } else if (i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += '=';
    }
  }
  return out;
}

}  // namespace mailsim::proto::imf
