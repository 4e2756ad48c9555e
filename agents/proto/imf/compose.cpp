#include "agents/proto/imf/compose.hpp"

#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/messages.hpp"
#include "agents/proto/imf/visible.hpp"

namespace mailsim::proto::imf {
namespace {

std::string mailbox_list(const std::vector<Mailbox>& boxes) {
  std::vector<Address> list(boxes.begin(), boxes.end());
  return format_address_list(list);
}

void check_body_lines(std::string_view body) {
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < body.size()) {
    auto end = body.find("\r\n", start);
    if (end == std::string_view::npos) end = body.size();
    ++number;
    if (end - start > kMaxLineLength)
      throw ParseError(Text(msg::kBodyLineTooLong, {{"line", std::to_string(number)},
                                                    {"length", std::to_string(end - start)},
                                                    {"text", visible(body.substr(start), 40)}}));
    start = end + 2;
  }
}

}  // namespace

std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

Message compose(const Draft& d, const ScenarioClock& clock, sim::SimTime now,
                MessageIdGenerator& ids) {
  Message m;
  m.body = to_crlf(d.body);
  check_body_lines(m.body);
  m.header.append("Date", clock.date(now));
  m.header.append("From", format_mailbox(d.from));
  if (!d.to.empty()) m.header.append("To", mailbox_list(d.to));
  if (!d.cc.empty()) m.header.append("Cc", mailbox_list(d.cc));
  if (!d.subject.empty()) m.header.append("Subject", encode_unstructured(d.subject));
  m.header.append("Message-ID", ids.next(clock, now));
  if (!d.in_reply_to.empty()) m.header.append("In-Reply-To", d.in_reply_to);
  for (const auto& [name, value] : d.extra_fields)
    m.header.append(name, is_ascii(value) ? value : encode_unstructured(value));
  m.header.append("MIME-Version", "1.0");
  const bool ascii = is_ascii(m.body);
  m.header.append("Content-Type",
                  ascii ? "text/plain; charset=us-ascii" : "text/plain; charset=utf-8");
  m.header.append("Content-Transfer-Encoding", ascii ? "7bit" : "8bit");
  return m;
}

}  // namespace mailsim::proto::imf
