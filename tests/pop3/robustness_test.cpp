// Random input must never crash or hang the POP3 server or client.
#include <gtest/gtest.h>

#include <random>

#include "agents/proto/pop3/client_session.hpp"
#include "agents/proto/pop3/server_session.hpp"
#include "tests/mailbox/sample_store.hpp"

using namespace mailsim;

TEST(Pop3Robustness, RandomBytesNeverCrashServerOrClient) {
  std::mt19937 rng(11);
  const char* words[] = {"USER alice", "PASS secret", "LIST ", "RETR ", "TOP ",
                         "DELE ",      "UIDL ",       "RSET",  "QUIT",  "STAT",
                         "+OK ",       "-ERR ",       ".",     "..",    "\r\n",
                         "\n",         " ",           "1",     "0",     "99999999999999"};
  for (int round = 0; round < 300; ++round) {
    std::string input;
    for (int i = 0; i < 60; ++i)
      input += rng() % 5 == 0 ? std::string(1, static_cast<char>(rng() % 256))
                              : std::string(words[rng() % std::size(words)]);
    auto store = test::make_sample_store();
    proto::pop3::ServerSession server(store, {}, [](std::string_view) {});
    server.start();
    proto::pop3::ClientJob job;
    job.user = "alice";
    proto::pop3::ClientSession client(job, [](std::string_view) {});
    for (std::size_t pos = 0; pos < input.size();) {
      std::size_t n = 1 + rng() % 16;
      server.receive(std::string_view(input).substr(pos, n));
      client.receive(std::string_view(input).substr(pos, n));
      pos += n;
    }
  }
}
