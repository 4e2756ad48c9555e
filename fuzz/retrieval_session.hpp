#pragma once
// What the POP3 and IMAP server targets share: the tests' sample store (alice has three
// messages in INBOX, one with dot-stuffed lines, and one in Junk), the session started, then
// fed the rest of the input split at the places the input chooses.
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"

namespace mailsim::fuzz {

template <class Session, class Config>
void feed_retrieval_server(Input& in, const Config& config) {
  const std::uint64_t split = in.pick<std::uint64_t>(0, UINT64_MAX);
  const std::string bytes = in.rest();
  proto::mailbox::MailStore store = test::make_sample_store();
  std::string out;
  Session session(store, config, [&out](std::string_view b) { out += b; });
  session.start(test::kT0);
  for (std::string_view piece : segments(bytes, split)) {
    if (session.closed()) break;
    session.receive(piece, test::kT0);
  }
}

}  // namespace mailsim::fuzz
