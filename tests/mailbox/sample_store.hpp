#pragma once
// The mail store every retrieval test starts from: alice has three messages in INBOX (one
// with lines that start with a dot, one already seen) and one in Junk; bob has none.
#include <chrono>

#include "agents/proto/mailbox/mail_store.hpp"

namespace mailsim::test {

inline constexpr std::string_view kMessage1 =
    "Return-Path: <bob@example.org>\r\n"
    "From: Bob Martin <bob@example.org>\r\n"
    "To: Alice Durand <alice@example.com>\r\n"
    "Subject: Lunch on Friday\r\n"
    "Date: Mon, 01 Jan 2024 09:00:00 +0000\r\n"
    "Message-ID: <1.bob@example.org>\r\n"
    "\r\n"
    "Hello Alice,\r\n"
    "lunch on Friday?\r\n";

inline constexpr std::string_view kMessage2 =
    "From: \"Carol\" <carol@example.net>\r\n"
    "To: alice@example.com,\r\n"
    " bob@example.org\r\n"
    "Cc: dave@example.net\r\n"
    "Subject: Dots\r\n"
    " and folding\r\n"
    "Date: Mon, 01 Jan 2024 10:30:00 +0100\r\n"
    "\r\n"
    ".hidden line\r\n"
    "..two dots\r\n"
    ".\r\n"
    "end\r\n";

inline constexpr std::string_view kMessage3 =
    "From: Bob Martin <bob@example.org>\r\n"
    "To: alice@example.com\r\n"
    "Subject: =?UTF-8?Q?R=C3=A9union?=\r\n"
    "\r\n"
    "Already read.\r\n";

inline constexpr std::string_view kJunk =
    "From: winner@spam.example\r\n"
    "To: alice@example.com\r\n"
    "Subject: You won\r\n"
    "\r\n"
    "Click here.\r\n";

inline proto::mailbox::MailStore make_sample_store() {
  using namespace std::chrono_literals;
  using proto::mailbox::Flag;
  proto::mailbox::MailStore store;
  store.add_account("alice", "secret");
  store.add_account("bob", "hunter2");
  store.append("alice", "INBOX", std::string(kMessage1), 3600s, Flag::recent);
  store.append("alice", "INBOX", std::string(kMessage2), 7200s, Flag::recent);
  store.append("alice", "INBOX", std::string(kMessage3), 90000s, Flag::seen);
  store.append("alice", "Junk", std::string(kJunk), 100s, {});
  return store;
}

}  // namespace mailsim::test
