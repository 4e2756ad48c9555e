// The POP3 server session fed a client's bytes, split anywhere, over the tests' sample store,
// with a line limit from the input so that it is reached too.
#include "agents/proto/pop3/server_session.hpp"
#include "fuzz/retrieval_session.hpp"

using namespace mailsim::proto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mailsim::fuzz::Input in(data, size);
  pop3::ServerConfig config;
  config.hostname = "pop.example.com";
  config.max_line = in.pick<std::size_t>(0, 600);
  mailsim::fuzz::feed_retrieval_server<pop3::ServerSession>(in, config);
  return 0;
}
