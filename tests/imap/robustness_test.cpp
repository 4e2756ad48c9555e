// Random and mutated input must never crash, hang or grow memory without bound.
#include <gtest/gtest.h>

#include <random>

#include "agents/proto/imap/client_session.hpp"
#include "agents/proto/imap/server_session.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"

using namespace mailsim;

namespace {

const std::vector<std::string> kSeeds = {
    "a LOGIN alice secret\r\n",
    "b SELECT INBOX\r\n",
    "c FETCH 1:* (UID FLAGS BODY.PEEK[HEADER.FIELDS (From)] ENVELOPE)\r\n",
    "d UID STORE 1:* +FLAGS.SILENT (\\Seen \\Deleted)\r\n",
    "e SEARCH OR (FROM bob NOT SEEN) UID 2:* CHARSET UTF-8 SUBJECT {3}\r\nabc\r\n",
    "f APPEND INBOX (\\Seen) \"01-Jan-2024 00:00:00 +0000\" {5}\r\nhello\r\n",
    "g COPY 1:* Junk\r\n",
    "h EXPUNGE\r\n",
    "i STATUS INBOX (MESSAGES UNSEEN)\r\n",
    "j LIST \"\" *\r\n",
};

std::string mutate(std::string s, std::mt19937& rng) {
  static constexpr char kSpecial[] = "(){}[]<>\"\\* %:,.+-0123456789\r\n\0";
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    std::size_t at = rng() % s.size();
    switch (rng() % 3) {
      case 0:
        s[at] = kSpecial[rng() % (sizeof kSpecial - 1)];
        break;
      case 1:
        s.erase(at, 1 + rng() % 3);
        break;
      default:
        s.insert(at, 1, static_cast<char>(rng() % 256));
    }
  }
  return s;
}

}  // namespace

TEST(ImapRobustness, MutatedCommandsNeverCrashTheServer) {
  std::mt19937 rng(2024);
  for (int round = 0; round < 300; ++round) {
    auto store = test::make_sample_store();
    std::size_t out_size = 0;
    proto::imap::ServerConfig config;
    config.max_literal = 1000;
    proto::imap::ServerSession server(store, config,
                                      [&](std::string_view b) { out_size += b.size(); });
    server.start(test::kT0);
    server.receive(kSeeds[0], test::kT0);
    server.receive(kSeeds[1], test::kT0);
    for (int i = 0; i < 20; ++i) {
      std::string input = mutate(kSeeds[rng() % kSeeds.size()], rng);
      for (std::size_t pos = 0; pos < input.size();) {
        std::size_t n = 1 + rng() % 8;
        server.receive(std::string_view(input).substr(pos, n), test::kT0);
        pos += n;
      }
    }
    server.receive("\r\nz NOOP\r\n", test::kT0);
    EXPECT_LT(out_size, 2'000'000u);
  }
}

TEST(ImapRobustness, RandomBytesNeverCrashServerOrClient) {
  std::mt19937 rng(7);
  for (int round = 0; round < 100; ++round) {
    std::string noise;
    for (int i = 0; i < 2000; ++i)
      noise += static_cast<char>(rng() % 8 == 0 ? '\n' : rng() % 256);
    auto store = test::make_sample_store();
    proto::imap::ServerSession server(store, {}, [](std::string_view) {});
    server.start(test::kT0);
    server.receive("a LOGIN alice secret\r\nb SELECT INBOX\r\n", test::kT0);
    server.receive(noise, test::kT0);
    proto::imap::ClientJob job;
    job.user = "alice";
    job.password = "secret";
    proto::imap::ClientSession client(job, [](std::string_view) {});
    client.receive("* OK hi\r\n", test::kT0);
    client.receive(noise, test::kT0);
  }
}

TEST(ImapRobustness, UnterminatedHugeLineStaysBounded) {
  auto store = test::make_sample_store();
  std::string out;
  proto::imap::ServerSession server(store, {}, [&](std::string_view b) { out.append(b); });
  server.start(test::kT0);
  std::string chunk(4096, 'x');
  for (int i = 0; i < 1000; ++i)  // 4 MB without a line end
    server.receive(chunk, test::kT0);
  server.receive("\r\na NOOP\r\n", test::kT0);
  EXPECT_NE(out.find("* BAD Line too long"), std::string::npos);
  EXPECT_NE(out.find("a OK NOOP completed"), std::string::npos);
}
