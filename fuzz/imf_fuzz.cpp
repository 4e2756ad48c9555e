// The IMF parsers (message, header, addresses, dates, MIME, encoded words, Received) on any
// text, a parsed message written back and read again unchanged; and the composer on any draft.
#include <cstdlib>
#include <string>

#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/compose.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/header.hpp"
#include "agents/proto/imf/mime.hpp"
#include "agents/proto/imf/received.hpp"
#include "fuzz/fuzz_input.hpp"

using mailsim::LocalizedError;
using namespace mailsim::proto::imf;

namespace {

void parse_everything(const std::string& text) {
  try {
    const Message m = parse_message(text);
    const std::string written = m.to_string();
    if (parse_message(written).to_string() != written) std::abort();
    (void)check_required(m.header);
    (void)received_chain(m.header);
    if (auto type = m.header.value("Content-Type")) {
      if (auto ct = parse_content_type(*type); ct && ct->param("boundary"))
        (void)split_multipart(m.body, *ct->param("boundary"));
    }
  } catch (const LocalizedError&) {
  }
  try {
    (void)format_address_list(parse_address_list(text));
    (void)parse_address_list(text, DisplayNames::raw);
  } catch (const LocalizedError&) {
  }
  if (auto date = parse_date(text)) {
    try {
      if (parse_date(format_date(*date)) != date) std::abort();
    } catch (const DateError&) {  // a year outside 1900-9999 is not written
    }
  }
  try {
    (void)parse_iso8601(text);
  } catch (const LocalizedError&) {
  }
  (void)parse_content_type(text);
  (void)decode_encoded_words(text);
  (void)decode_quoted_printable(text);
  if (decode_quoted_printable(encode_quoted_printable(to_crlf(text))) != to_crlf(text))
    std::abort();
  try {
    (void)parse_received(text);
  } catch (const LocalizedError&) {
  }
}

void compose_from(mailsim::fuzz::Input& in) {
  Draft d;
  d.from = Mailbox{in.choices.ConsumeRandomLengthString(40), "alice", "a.example"};
  d.to.push_back(Mailbox{in.choices.ConsumeRandomLengthString(40), "bob", "b.example"});
  d.subject = in.choices.ConsumeRandomLengthString(2000);
  if (in.flag()) d.extra_fields.emplace_back("X-Lesson", in.choices.ConsumeRandomLengthString(200));
  d.attachment_size = in.pick<std::uint64_t>(0, 3000);
  d.raw_tail = in.flag() ? "\n.\nMAIL FROM:<x@y>\n" : "";
  d.body = in.rest();
  try {
    const ScenarioClock clock;
    MessageIdGenerator ids("mx.a.example");
    const Message m = compose(d, clock, mailsim::sim::SimTime{0}, ids);
    const std::string written = m.to_string();
    for (const Field& f : m.header.fields())
      for (std::size_t i = 0; i < f.raw.size(); ++i)  // only folds: CRLF then white space
        if ((f.raw[i] == '\n' && (i == 0 || f.raw[i - 1] != '\r' || i + 1 == f.raw.size() ||
                                  (f.raw[i + 1] != ' ' && f.raw[i + 1] != '\t'))) ||
            (f.raw[i] == '\r' && (i + 1 == f.raw.size() || f.raw[i + 1] != '\n')))
          std::abort();
    (void)parse_message(written);
  } catch (const ParseError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parse_everything(std::string(reinterpret_cast<const char*>(data), size));
  mailsim::fuzz::Input in(data, size);
  compose_from(in);
  return 0;
}
