#include "agents/proto/imap/body_structure.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "agents/proto/imap/header_fields.hpp"
#include "agents/proto/imap/wire_format.hpp"

namespace mailsim::proto::imap {
namespace {

constexpr int kMaxDepth = 8;

MimePart read_at(std::string_view text, const imf::ContentType& default_type, int depth) {
  MimePart part;
  part.header = header_section(text);
  part.body = body_section(text);
  const imf::Header header = read_header(text);
  auto type = header.value("Content-Type");
  auto parsed = type ? imf::parse_content_type(*type) : std::nullopt;
  part.type = parsed ? *parsed : default_type;
  if (depth >= kMaxDepth) return part;
  auto boundary = part.type.param("boundary");
  if (part.type.type == "multipart" && boundary) {
    auto texts = imf::multipart_texts(part.body, *boundary);
    if (!texts || texts->empty()) {  // no part to show: its bytes as text (RFC 2046 5.1.1)
      part.type = {"text", "plain", {{"charset", "us-ascii"}}};
      return part;
    }
    // In a multipart/digest, a part without Content-Type holds a message (RFC 2046 5.1.5).
    const imf::ContentType child_default = part.type.subtype == "digest"
                                               ? imf::ContentType{"message", "rfc822", {}}
                                               : imf::ContentType{"text", "plain", {}};
    for (std::string_view t : *texts)
      part.parts.push_back(read_at(t, child_default, depth + 1));
  } else if (part.type.is("message", "rfc822")) {
    part.parts.push_back(read_at(part.body, {"text", "plain", {}}, depth + 1));
  }
  return part;
}

bool is_multipart(const MimePart& p) {
  return p.type.type == "multipart" && !p.parts.empty();
}

std::string upper_string(std::string_view s) {
  return imap_string(to_upper(s));
}

std::string nil_or(const std::optional<std::string>& s) {
  return s ? imap_string(*s) : "NIL";
}

// ("NAME" "value" ...) or NIL.
std::string params(const std::vector<std::pair<std::string, std::string>>& list) {
  if (list.empty()) return "NIL";
  std::string out;
  for (const auto& [name, value] : list)
    out += fmt::format("{}{} {}", out.empty() ? "" : " ", upper_string(name), imap_string(value));
  return "(" + out + ")";
}

std::size_t line_count(std::string_view body) {
  std::size_t lines = std::count(body.begin(), body.end(), '\n');
  return lines + (!body.empty() && body.back() != '\n');
}

// body-ext: disposition and language (RFC 3501 7.4.2).
std::string disposition_and_language(const imf::Header& header) {
  auto value = header.value("Content-Disposition");
  auto disposition = value ? imf::parse_content_disposition(*value) : std::nullopt;
  std::string shown = disposition ? fmt::format("({} {})", upper_string(disposition->type),
                                                params(disposition->params))
                                  : "NIL";
  return shown + " " + nil_or(header.value("Content-Language"));
}

std::string structure(const MimePart& p, bool ext) {
  const imf::Header header = read_header(p.header);
  if (is_multipart(p)) {
    std::string out = "(";
    for (const MimePart& child : p.parts)
      out += structure(child, ext);
    out += " " + upper_string(p.type.subtype);
    if (ext) out += " " + params(p.type.params) + " " + disposition_and_language(header);
    return out + ")";
  }
  auto type_params = p.type.params;
  if (p.type.type == "text" && !p.type.param("charset"))
    type_params.emplace_back("charset", "us-ascii");
  auto encoding = header.value("Content-Transfer-Encoding");
  std::string out = fmt::format(
      "({} {} {} {} {} {} {}", upper_string(p.type.type), upper_string(p.type.subtype),
      params(type_params), nil_or(header.value("Content-ID")),
      nil_or(header.value("Content-Description")),
      upper_string(encoding ? std::string(trim(*encoding)) : std::string("7bit")), p.body.size());
  if (p.type.is("message", "rfc822") && !p.parts.empty())
    out += fmt::format(" {} {} {}", envelope(p.body), structure(p.parts.front(), ext),
                       line_count(p.body));
  else if (p.type.type == "text")
    out += fmt::format(" {}", line_count(p.body));
  if (ext)
    out += " " + nil_or(header.value("Content-MD5")) + " " + disposition_and_language(header);
  return out + ")";
}

}  // namespace

MimePart read_structure(std::string_view text) {
  return read_at(text, {"text", "plain", {}}, 0);
}

const MimePart* find_part(const MimePart& message, const std::vector<std::uint32_t>& path) {
  const MimePart* numbering = &message;  // the message or multipart the next number counts in
  const MimePart* current = nullptr;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::uint32_t n = path[i];
    if (is_multipart(*numbering)) {
      if (n < 1 || n > numbering->parts.size()) return nullptr;
      current = &numbering->parts[n - 1];
    } else {
      if (n != 1) return nullptr;
      current = numbering;  // a message that is not multipart: part 1 is its body
    }
    if (i + 1 == path.size()) break;
    if (is_multipart(*current) && current != numbering)
      numbering = current;
    else if (current->type.is("message", "rfc822") && !current->parts.empty())
      numbering = &current->parts.front();
    else
      return nullptr;
  }
  return current;
}

std::string body_structure(const MimePart& message, bool with_extensions) {
  return structure(message, with_extensions);
}

}  // namespace mailsim::proto::imap
