#include "agents/proto/imf/compose.hpp"

#include <algorithm>
#include <cstring>

#include "agents/proto/base64.hpp"
#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/messages.hpp"
#include "agents/proto/imf/mime.hpp"
#include "agents/proto/imf/visible.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imf {
namespace {

std::string mailbox_list(const std::vector<Mailbox>& boxes) {
  std::vector<Address> list(boxes.begin(), boxes.end());
  return format_address_list(list);
}

bool has_long_line(std::string_view body) {
  for (std::size_t start = 0; start < body.size();) {
    auto end = body.find("\r\n", start);
    if (end == std::string_view::npos) end = body.size();
    if (end - start > kMaxLineLength) return true;
    start = end + 2;
  }
  return false;
}

// A subject box holds one line: line breaks typed or pasted into it become spaces.
std::string one_line(std::string_view text) {
  std::string out = to_crlf(text);
  for (auto at = out.find("\r\n"); at != std::string::npos; at = out.find("\r\n", at))
    out.replace(at, 2, " ");
  return out;
}

// The attached file's content, appended to `out`: a fixed pattern (the simulation is
// deterministic), in base64 lines of 76 characters (RFC 2045 6.8). Written in place: a file of
// 100 MB is never held twice.
constexpr std::size_t kChunk = 57;  // bytes that make one 76-character line

std::size_t attachment_base64_size(std::uint64_t size) {
  const std::uint64_t rest = size % kChunk;
  return size / kChunk * 78 + (rest > 0 ? (rest + 2) / 3 * 4 + 2 : 0);
}

void append_attachment_base64(std::string& out, std::uint64_t size) {
  std::string raw(kChunk, '\0');
  for (std::size_t i = 0; i < kChunk; ++i)
    raw[i] = static_cast<char>('A' + i % 26);
  const std::string line = base64_encode(raw) + "\r\n";
  // The lines are all the same: each append copies all those written so far, so a file of n
  // lines costs log2(n) appends rather than n.
  const std::uint64_t lines = size / kChunk;
  if (lines > 0) {
    const std::size_t first = out.size();
    out += line;
    for (std::uint64_t written = 1; written < lines;) {
      const std::uint64_t more = std::min(written, lines - written);
      out.append(out, first, more * line.size());
      written += more;
    }
  }
  if (const std::uint64_t rest = size % kChunk; rest > 0)
    out += base64_encode(std::string_view(raw).substr(0, rest)) + "\r\n";
}

}  // namespace

std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  // Runs without CR or LF are copied whole. The next LF is remembered, so that a text of lone
  // CRs is not searched to its end once per CR.
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t next_lf = 0;
  bool lf_known = false;
  for (std::size_t i = 0; i < n;) {
    if (!lf_known || next_lf < i) {
      const void* lf = std::memchr(p + i, '\n', n - i);
      next_lf = lf != nullptr ? static_cast<std::size_t>(static_cast<const char*>(lf) - p) : n;
      lf_known = true;
    }
    const void* cr = std::memchr(p + i, '\r', next_lf - i);
    const std::size_t end =
        cr != nullptr ? static_cast<std::size_t>(static_cast<const char*>(cr) - p) : next_lf;
    out.append(p + i, end - i);
    if (end == n) break;
    out += "\r\n";
    i = end + 1;
    if (p[end] == '\r' && i < n && p[i] == '\n') ++i;  // CRLF stays one line end
  }
  return out;
}

Message compose(const Draft& d, const ScenarioClock& clock, sim::SimTime now,
                MessageIdGenerator& ids) {
  Message m;
  m.header.reserve(10 + d.extra_fields.size());  // the fields below, at most
  m.body = to_crlf(d.body);
  m.header.append("Date", clock.date(now));
  m.header.append("From", format_mailbox(d.from));
  if (!d.to.empty()) m.header.append("To", mailbox_list(d.to));
  if (!d.cc.empty()) m.header.append("Cc", mailbox_list(d.cc));
  if (!d.subject.empty()) m.header.append("Subject", encode_unstructured(one_line(d.subject)));
  m.header.append("Message-ID", ids.next(clock, now));
  if (!d.in_reply_to.empty()) m.header.append("In-Reply-To", d.in_reply_to);
  for (const auto& [name, value] : d.extra_fields)
    m.header.append(name, is_ascii(value) ? value : encode_unstructured(value));
  m.header.append("MIME-Version", "1.0");
  const bool ascii = is_ascii(m.body);
  const std::string text_type =
      ascii ? "text/plain; charset=us-ascii" : "text/plain; charset=utf-8";
  std::string text_encoding = ascii ? "7bit" : "8bit";
  if (has_long_line(m.body)) {
    m.body = encode_quoted_printable(m.body);
    text_encoding = "quoted-printable";
  }
  if (d.attachment_size == 0) {
    m.header.append("Content-Type", text_type);
    m.header.append("Content-Transfer-Encoding", text_encoding);
    m.body += d.raw_tail;
    return m;
  }
  // The boundary cannot occur in base64 or in a line of the text: it holds '=' and '_'.
  const std::string boundary = "=_mailsim_" + std::to_string(d.attachment_size) + "_=";
  Header text, file;
  text.append("Content-Type", text_type);
  text.append("Content-Transfer-Encoding", text_encoding);
  file.append("Content-Type", "application/octet-stream; name=\"" + d.attachment_name + "\"");
  file.append("Content-Disposition", "attachment; filename=\"" + d.attachment_name + "\"");
  file.append("Content-Transfer-Encoding", "base64");
  m.header.append("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
  // The multipart body is written into one buffer with room for the header in front, so that
  // the message becomes one string (Message::to_string() &&) without copying the attachment.
  const std::string_view preamble = "This is a multi-part message in MIME format.\r\n";
  std::string body;
  body.reserve(buffer_room(m.header.wire_size() + 2 + preamble.size() + text.wire_size() +
                           m.body.size() + file.wire_size() +
                           attachment_base64_size(d.attachment_size) + 3 * (boundary.size() + 8) +
                           d.raw_tail.size()));
  body += preamble;
  append_part_start(body, boundary, text);
  body.append(m.body).append("\r\n");
  append_part_start(body, boundary, file);
  append_attachment_base64(body, d.attachment_size);
  body += "\r\n";
  append_close_delimiter(body, boundary);
  body += d.raw_tail;
  m.body = std::move(body);
  return m;
}

}  // namespace mailsim::proto::imf
