#include "agents/proto/imap/server_session.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"

using namespace mailsim;
using proto::imap::ServerSession;

namespace {
struct Client {
  std::string out;
  ServerSession session;
  Client(proto::mailbox::MailStore& store)
      : session(store, {}, [this](std::string_view b) { out.append(b); }) {
    session.start(test::kT0);
  }
  std::string say(std::string_view bytes) {
    out.clear();
    session.receive(bytes, test::kT0);
    return out;
  }
};
}  // namespace

TEST(ImapServer, OtherSessionsChangesShowAtNoop) {
  auto store = test::make_sample_store();
  Client a(store), b(store);
  a.say("1 LOGIN alice secret\r\n1 SELECT INBOX\r\n");
  b.say("1 LOGIN alice secret\r\n1 SELECT INBOX\r\n");
  EXPECT_EQ(b.say("2 STORE 1 +FLAGS.SILENT (\\Deleted)\r\n3 EXPUNGE\r\n"),
            "2 OK STORE completed\r\n* 1 EXPUNGE\r\n3 OK EXPUNGE completed\r\n");
  store.append("alice", "INBOX", "Subject: new\r\n\r\nx\r\n", std::chrono::seconds(5),
               proto::mailbox::Flag::recent);
  // a still numbers the expunged message 1 until it is told.
  EXPECT_EQ(a.say("2 FETCH 1 UID\r\n"), "2 OK FETCH completed\r\n");
  EXPECT_EQ(a.say("3 NOOP\r\n"),
            "* 1 EXPUNGE\r\n* 3 EXISTS\r\n* 2 RECENT\r\n3 OK NOOP completed\r\n");
  EXPECT_EQ(a.say("4 FETCH 3 (UID FLAGS)\r\n"),
            "* 3 FETCH (UID 4 FLAGS (\\Recent))\r\n4 OK FETCH completed\r\n");
  EXPECT_EQ(b.say("5 CHECK\r\n"), "* 3 EXISTS\r\n* 0 RECENT\r\n5 OK CHECK completed\r\n");
}

// Everything answered to one input goes out in one send, so the network fills its segments
// (a FETCH of ten messages was eleven sends, one per line, each its own TCP segment).
TEST(ImapServer, TheAnswerToOneInputIsOneSend) {
  auto store = test::make_sample_store();
  for (int i = 0; i < 7; ++i)
    store.append("alice", "INBOX", "Subject: more\r\n\r\nx\r\n", std::chrono::seconds(9), {});
  std::vector<std::string> sends;
  ServerSession s(store, {}, [&](std::string_view b) { sends.emplace_back(b); });
  s.start(test::kT0);
  s.receive("1 LOGIN alice secret\r\n2 SELECT INBOX\r\n", test::kT0);
  ASSERT_EQ(sends.size(), 2u);  // the greeting, then both answers together
  EXPECT_EQ(sends[1].rfind("1 OK LOGIN completed\r\n* 10 EXISTS\r\n", 0), 0u);
  sends.clear();
  s.receive("3 FETCH 1:10 (UID BODY.PEEK[HEADER.FIELDS (Subject)])\r\n", test::kT0);
  ASSERT_EQ(sends.size(), 1u);
  EXPECT_EQ(std::count(sends[0].begin(), sends[0].end(), '*'), 10);
  EXPECT_NE(sends[0].find("3 OK FETCH completed\r\n"), std::string::npos);
  // A literal's continuation is sent before the literal can come.
  sends.clear();
  s.receive("4 APPEND INBOX {3}\r\n", test::kT0);
  EXPECT_EQ(sends, std::vector<std::string>{"+ Ready for literal data\r\n"});
}

TEST(ImapServer, OverlongLineGetsBadAndTheSessionGoesOn) {
  auto store = test::make_sample_store();
  Client c(store);
  EXPECT_EQ(c.say("x1 NOOP " + std::string(9000, 'a') + "\r\nx2 NOOP\r\n"),
            "* BAD Line too long (limit 8192 octets)\r\nx2 OK NOOP completed\r\n");
}

TEST(ImapServer, NothingIsReadAfterLogout) {
  auto store = test::make_sample_store();
  Client c(store);
  c.say("1 LOGOUT\r\n2 NOOP\r\n");
  EXPECT_TRUE(c.session.closed());
  EXPECT_EQ(c.out.find("2 OK"), std::string::npos);
}

TEST(ImapServer, StateChangesAreObservable) {
  auto store = test::make_sample_store();
  std::vector<std::string> seen;
  ServerSession s(store, {}, [](std::string_view) {});
  s.on_state_change([&](proto::imap::State from, proto::imap::State to) {
    seen.push_back(std::string(state_name(from)) + "->" + std::string(state_name(to)));
  });
  s.start(test::kT0);
  s.receive("1 LOGIN alice secret\r\n2 SELECT INBOX\r\n3 CLOSE\r\n4 LOGOUT\r\n", test::kT0);
  EXPECT_EQ(seen,
            (std::vector<std::string>{"not authenticated->authenticated", "authenticated->selected",
                                      "selected->authenticated", "authenticated->logout"}));
}

TEST(ImapServer, ListPatternsMatchWithoutBlowingUp) {
  auto store = test::make_sample_store();
  store.create_folder("alice", "Archive/2024/Jan");
  Client c(store);
  c.say("1 LOGIN alice secret\r\n");
  EXPECT_EQ(c.say("2 LIST \"\" Arch*Jan\r\n"),
            "* LIST (\\HasNoChildren) \"/\" Archive/2024/Jan\r\n2 OK LIST completed\r\n");
  EXPECT_EQ(c.say("3 LIST \"\" Arch%Jan\r\n"), "3 OK LIST completed\r\n");  // % stops at '/'
  EXPECT_EQ(c.say("4 LIST Archive/ %/%\r\n"),
            "* LIST (\\HasNoChildren) \"/\" Archive/2024/Jan\r\n4 OK LIST completed\r\n");
  EXPECT_EQ(c.say("5 LIST \"\" inbox\r\n"),
            "* LIST (\\HasNoChildren) \"/\" INBOX\r\n5 OK LIST completed\r\n");
  std::string many;
  for (int i = 0; i < 3000; ++i)
    many += "*a";
  EXPECT_EQ(c.say("6 LIST \"\" " + many + "b\r\n"), "6 OK LIST completed\r\n");
}

// CHILDREN (RFC 3348, RFC 9051 7.3.1), announced as Dovecot does: LIST says of each name
// whether mailboxes lie below it; LSUB keeps its own attributes.
TEST(ImapServer, ListSaysWhichNamesHaveChildren) {
  auto store = test::make_sample_store();
  Client c(store);
  EXPECT_NE(c.say("1 CAPABILITY\r\n").find("* CAPABILITY IMAP4rev1 UNSELECT CHILDREN\r\n"),
            std::string::npos);
  c.say("2 LOGIN alice secret\r\n3 CREATE Work/Projects\r\n4 CREATE Drafts\r\n");
  const std::string all = c.say("5 LIST \"\" *\r\n");
  for (const char* line :
       {"* LIST (\\HasNoChildren) \"/\" INBOX\r\n", "* LIST (\\HasNoChildren) \"/\" Drafts\r\n",
        "* LIST (\\Noselect \\HasChildren) \"/\" Work\r\n",
        "* LIST (\\HasNoChildren) \"/\" Work/Projects\r\n"})
    EXPECT_NE(all.find(line), std::string::npos) << line << all;
  c.say("6 CREATE Drafts/Old\r\n");
  EXPECT_EQ(c.say("7 LIST \"\" Drafts\r\n"),
            "* LIST (\\HasChildren) \"/\" Drafts\r\n7 OK LIST completed\r\n");
}

TEST(ImapServer, InputGivenFromInsideSendWaitsForTheCommandInProgress) {
  auto store = test::make_sample_store();
  std::string out;
  bool sent_expunge = false;
  ServerSession* self = nullptr;
  ServerSession s(store, {}, [&](std::string_view b) {
    out.append(b);
    if (!sent_expunge && b.rfind("* 1 FETCH", 0) == 0) {
      sent_expunge = true;  // an owner that answers synchronously, in the middle of a FETCH
      self->receive("3 EXPUNGE\r\n", test::kT0);
    }
  });
  self = &s;
  s.start(test::kT0);
  s.receive("1 LOGIN alice secret\r\n1 SELECT INBOX\r\n2 STORE 1:* +FLAGS.SILENT (\\Deleted)\r\n",
            test::kT0);
  out.clear();
  s.receive("4 FETCH 1:* UID\r\n", test::kT0);
  EXPECT_EQ(
      out,
      "* 1 FETCH (UID 1)\r\n* 2 FETCH (UID 2)\r\n* 3 FETCH (UID 3)\r\n4 OK FETCH completed\r\n"
      "* 1 EXPUNGE\r\n* 1 EXPUNGE\r\n* 1 EXPUNGE\r\n3 OK EXPUNGE completed\r\n");
}
