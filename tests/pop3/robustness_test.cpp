// Random input must never crash or hang the POP3 server or client, and what each says back
// must stay well-formed: the server answers in whole CRLF lines, each answer +OK or -ERR, and
// still answers a command after the noise; the client either waits, or stops with a reason.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "agents/proto/pop3/client_session.hpp"
#include "agents/proto/pop3/server_session.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"

using namespace mailsim;

namespace {

// Every line feed is part of a CRLF, and the text ends with one.
bool whole_crlf_lines(std::string_view out) {
  if (!out.ends_with("\r\n")) return false;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\n' && (i == 0 || out[i - 1] != '\r')) return false;
  return true;
}

// The last line (without its CRLF) of text that ends with one.
std::string_view last_line(std::string_view out) {
  out.remove_suffix(2);
  const std::size_t start = out.rfind("\r\n");
  return start == std::string_view::npos ? out : out.substr(start + 2);
}

bool is_status(std::string_view line) {
  return line.starts_with("+OK") || line.starts_with("-ERR");
}

}  // namespace

TEST(Pop3Robustness, RandomBytesNeverCrashServerOrClient) {
  std::mt19937 rng(11);
  const char* words[] = {"USER alice", "PASS secret", "LIST ", "RETR ", "TOP ",
                         "DELE ",      "UIDL ",       "RSET",  "QUIT",  "STAT",
                         "+OK ",       "-ERR ",       ".",     "..",    "\r\n",
                         "\n",         " ",           "1",     "0",     "99999999999999"};
  int still_open = 0;
  int client_failed = 0;
  for (int round = 0; round < 300; ++round) {
    std::string input;
    for (int i = 0; i < 60; ++i)
      input += rng() % 5 == 0 ? std::string(1, static_cast<char>(rng() % 256))
                              : std::string(words[rng() % std::size(words)]);
    auto store = test::make_sample_store();
    std::string server_out;
    proto::pop3::ServerSession server(store, {}, [&](std::string_view b) { server_out.append(b); });
    server.start(test::kT0);
    ASSERT_TRUE(server_out.starts_with("+OK")) << "the greeting";
    proto::pop3::ClientJob job;
    job.user = "alice";
    std::string client_out;
    proto::pop3::ClientSession client(job, [&](std::string_view b) { client_out.append(b); });
    for (std::size_t pos = 0; pos < input.size();) {
      std::size_t n = 1 + rng() % 16;
      ASSERT_NO_THROW(server.receive(std::string_view(input).substr(pos, n), test::kT0))
          << "round " << round;
      ASSERT_NO_THROW(client.receive(std::string_view(input).substr(pos, n), test::kT0))
          << "round " << round;
      pos += n;
    }

    // The server still answers, in whole lines: a fresh command gets +OK or -ERR.
    EXPECT_TRUE(whole_crlf_lines(server_out)) << "round " << round;
    if (!server.closed()) {
      ++still_open;
      const std::size_t before = server_out.size();
      server.receive("\r\nNOOP\r\n", test::kT0);
      ASSERT_GT(server_out.size(), before) << "round " << round << ": no answer to NOOP";
      EXPECT_TRUE(whole_crlf_lines(server_out)) << "round " << round;
      EXPECT_TRUE(is_status(last_line(server_out)))
          << "round " << round << ": " << last_line(server_out);
    }
    // The input is 60 pieces of at most 14 bytes: what comes back stays of that order.
    EXPECT_LT(server_out.size(), 64u * 1024u) << "round " << round;

    // The client sends whole commands, and a client that stopped says why.
    if (!client_out.empty()) {
      EXPECT_TRUE(whole_crlf_lines(client_out)) << "round " << round;
    }
    if (client.step() == proto::pop3::ClientStep::failed) {
      ++client_failed;
      EXPECT_NE(client.failure(), proto::pop3::ClientFailure::none) << "round " << round;
    }
    EXPECT_LT(client_out.size(), 64u * 1024u) << "round " << round;
  }
  // The noise reached both outcomes: sessions left open, and clients that gave up.
  EXPECT_GT(still_open, 0);
  EXPECT_GT(client_failed, 0);
}
