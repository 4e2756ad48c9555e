// The IMAP server session fed a client's bytes (literals included), split anywhere, over the
// tests' sample store, with line and literal limits from the input so that they are reached too.
#include "agents/proto/imap/server_session.hpp"
#include "fuzz/retrieval_session.hpp"

using namespace mailsim::proto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mailsim::fuzz::Input in(data, size);
  imap::ServerConfig config;
  config.hostname = "imap.example.com";
  config.max_line = in.pick<std::size_t>(0, 9000);
  config.max_literal = in.pick<std::size_t>(0, 70000);
  mailsim::fuzz::feed_retrieval_server<imap::ServerSession>(in, config);
  return 0;
}
