#include <gtest/gtest.h>

#include <memory>

#include "agents/proto/pop3/server_session.hpp"
#include "tests/mailbox/dialogue_log.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"
#include "tests/mailbox/transcript.hpp"

using namespace mailsim;

namespace {

// Every session of one run shares one store, so QUIT's deletions show in the next session.
std::function<test::SessionFactory()> pop3_sessions() {
  return [] {
    auto store = std::make_shared<proto::mailbox::MailStore>(test::make_sample_store());
    return test::SessionFactory([store](test::Send send) {
      auto session = std::make_shared<proto::pop3::ServerSession>(
          *store, proto::pop3::ServerConfig{"pop.example.com"}, std::move(send));
      return test::Endpoint{[session] { session->start(test::kT0); },
                            [session](std::string_view b) { session->receive(b, test::kT0); }};
    });
  };
}

}  // namespace

TEST(Pop3Golden, LoginListRetrieveDeleteQuit) {
  test::check_golden("pop3_session.txt", pop3_sessions());
}
TEST(Pop3Golden, EveryErrorReply) {
  test::check_golden("pop3_errors.txt", pop3_sessions());
}
TEST(Pop3Golden, TopUidlRsetCapa) {
  test::check_golden("pop3_top_uidl_rset.txt", pop3_sessions());
}

TEST(Pop3Server, OverlongLineIsRefusedAndTheSessionGoesOn) {
  auto store = test::make_sample_store();
  std::string out;
  proto::pop3::ServerSession s(store, {}, [&](std::string_view b) { out.append(b); });
  s.start(test::kT0);
  out.clear();
  s.receive(std::string(5000, 'x'), test::kT0);
  s.receive("\r\nNOOP\r\n", test::kT0);
  EXPECT_EQ(out,
            "-ERR line too long (limit 512 octets)\r\n"
            "-ERR NOOP is not valid in the AUTHORIZATION state\r\n");
}

TEST(Pop3Server, InputAfterQuitIsIgnored) {
  auto store = test::make_sample_store();
  std::string out;
  proto::pop3::ServerSession s(store, {}, [&](std::string_view b) { out.append(b); });
  s.start(test::kT0);
  s.receive("QUIT\r\nUSER alice\r\n", test::kT0);
  EXPECT_TRUE(s.closed());
  EXPECT_EQ(out.find("USER"), std::string::npos);
  EXPECT_EQ(out.rfind("+OK localhost POP3 server signing off\r\n"), out.size() - 39);
}

TEST(Pop3Server, StateChangesAreObservable) {
  auto store = test::make_sample_store();
  std::vector<std::string> seen;
  proto::pop3::ServerSession s(store, {}, [](std::string_view) {});
  s.on_state_change([&](proto::pop3::State from, proto::pop3::State to) {
    seen.push_back(std::string(state_name(from)) + "->" + std::string(state_name(to)));
  });
  s.start(test::kT0);
  s.receive("USER alice\r\nPASS secret\r\nQUIT\r\n", test::kT0);
  EXPECT_EQ(seen, (std::vector<std::string>{"AUTHORIZATION->TRANSACTION", "TRANSACTION->UPDATE",
                                            "UPDATE->CLOSED"}));
}

// Each line read or written is told once, and a message retrieved is told whole, as sent
// (dot-stuffed, CRLF): no observer has to cut the bytes or know which commands answer with one.
TEST(Pop3Server, TellsEachLineAndEachMessageWhole) {
  auto store = test::make_sample_store();
  test::DialogueLog log;
  proto::pop3::ServerSession s(store, {"pop.example.com"}, [](std::string_view) {});
  s.on_dialogue(log.observer());
  s.start(test::kT0);
  s.receive("USER alice\r\nPASS secret\r\nLIST\r\nRETR 2\r\nQUIT\r\n", test::kT0);
  EXPECT_EQ(log.events, (std::vector<std::string>{
                            "> +OK pop.example.com POP3 server ready",
                            "< USER alice",
                            "> +OK alice selected, send PASS",
                            "< PASS secret",
                            "> +OK alice has 3 messages (552 octets)",
                            "< LIST",
                            "> +OK 3 messages (552 octets)",
                            "> 1 238",
                            "> 2 203",
                            "> 3 111",
                            "> .",
                            "< RETR 2",
                            "> +OK 203 octets",
                            ">content 12 lines 206 bytes",  // 203 and the 3 dots stuffed
                            "> .",
                            "< QUIT",
                            "> +OK pop.example.com POP3 server signing off (3 messages left)",
                        }));
}
