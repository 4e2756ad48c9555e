#include "agents/proto/imf/received.hpp"

#include <gtest/gtest.h>

#include <regex>

using namespace mailsim::proto::imf;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

const DateTime kNine{sys_days(2026y / March / 2) + 8h, 60min};

ReceivedStamp stamp() {
  return ReceivedStamp{"mx.a.example", "mx.a.example", "192.0.2.10",    "mx.b.example",
                       "ESMTPS",       "4ABC123",      "bob@b.example", kNine};
}

// RFC 5321 4.4 Time-stamp-line, restricted to what received_field writes: From-domain with
// TCP-info, By-domain, With, ID, optional For, then ";" and an RFC 5322 date-time.
const std::regex kGrammar(
    "Received: from ([A-Za-z0-9.-]+|\\[[0-9.]+\\]|\\[IPv6:[0-9a-fA-F:.]+\\])"
    " \\(([A-Za-z0-9.-]+) (\\[[0-9.]+\\]|\\[IPv6:[0-9a-fA-F:.]+\\])\\)\r\n"
    "\tby ([A-Za-z0-9.-]+) with (SMTP|ESMTP|ESMTPA|ESMTPS|ESMTPSA) id ([A-Za-z0-9]+)"
    "(\r\n\tfor <[^<>@ ]+@[A-Za-z0-9.-]+>; |;\r\n\t)"
    "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    " [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}\r\n");

std::string line(const Field& f) {
  Header h;
  h.append_field(f);
  return h.to_string();
}

}  // namespace

TEST(Received, ProtocolNames) {
  EXPECT_EQ(received_protocol(false, false, false), "SMTP");
  EXPECT_EQ(received_protocol(true, false, false), "ESMTP");
  EXPECT_EQ(received_protocol(true, false, true), "ESMTPA");
  EXPECT_EQ(received_protocol(true, true, false), "ESMTPS");
  EXPECT_EQ(received_protocol(true, true, true), "ESMTPSA");
}

TEST(Received, WrittenInTheRfc5321Layout) {
  const auto text = line(received_field(stamp()));
  EXPECT_EQ(text,
            "Received: from mx.a.example (mx.a.example [192.0.2.10])\r\n"
            "\tby mx.b.example with ESMTPS id 4ABC123\r\n"
            "\tfor <bob@b.example>; Mon, 2 Mar 2026 09:00:00 +0100\r\n");
  EXPECT_TRUE(std::regex_match(text, kGrammar)) << text;
}

TEST(Received, EveryVariantMatchesTheGrammarAndReadsBack) {
  for (const auto& protocol : {"SMTP", "ESMTP", "ESMTPA", "ESMTPS", "ESMTPSA"}) {
    for (const auto& ip : {"192.0.2.10", "2001:db8::25"}) {
      for (const auto& rcpt : {"bob@b.example", ""}) {
        for (const auto& rdns : {"mx.a.example", ""}) {
          auto s = stamp();
          s.protocol = protocol;
          s.ip = ip;
          s.for_recipient = rcpt;
          s.reverse_dns = rdns;
          const auto field = received_field(s);
          const auto text = line(field);
          EXPECT_TRUE(std::regex_match(text, kGrammar)) << text;
          const auto hop = parse_received(field.raw);
          EXPECT_EQ(hop.from, s.helo);
          EXPECT_EQ(hop.reverse_dns, rdns[0] ? rdns : "unknown");
          EXPECT_EQ(hop.ip, s.ip);
          EXPECT_EQ(hop.by, s.by);
          EXPECT_EQ(hop.with, s.protocol);
          EXPECT_EQ(hop.id, s.id);
          EXPECT_EQ(hop.for_recipient, s.for_recipient);
          EXPECT_EQ(hop.date, s.date);
          EXPECT_TRUE(hop.comments.empty());
          EXPECT_TRUE(hop.extra.empty());
        }
      }
    }
  }
}

TEST(Received, AddressLiteralHeloAndLocalPickup) {
  auto s = stamp();
  s.helo = "[192.0.2.10]";
  EXPECT_TRUE(std::regex_match(line(received_field(s)), kGrammar));
  s.helo.clear();
  EXPECT_EQ(received_field(s).raw.substr(0, 45), " from [192.0.2.10] (mx.a.example [192.0.2.10]");
  s.ip.clear();
  s.protocol.clear();
  s.for_recipient.clear();
  EXPECT_EQ(received_field(s).raw,
            " by mx.b.example id 4ABC123;\r\n\tMon, 2 Mar 2026 09:00:00 +0100");
  const auto hop = parse_received(received_field(s).raw);
  EXPECT_EQ(hop.from, "");
  EXPECT_EQ(hop.by, "mx.b.example");
  EXPECT_TRUE(hop.recognised());
}

TEST(Received, BadPartsAreRefused) {
  auto s = stamp();
  s.by = "mx.b.example\r\nBcc: x@y";
  EXPECT_THROW(received_field(s), ParseError);
  s = stamp();
  s.helo = std::string(1000, 'h');
  EXPECT_THROW(received_field(s), ParseError);
}

TEST(Received, RealWorldVariants) {
  const auto postfix = parse_received(
      " from mail-ed1-f41.google.com (mail-ed1-f41.google.com [209.85.208.41])\r\n"
      "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n"
      "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n"
      "\t(No client certificate requested)\r\n"
      "\tby mx.example.org (Postfix) with ESMTPS id 4Q1xYz2abcz9sT\r\n"
      "\tfor <user@example.org>; Mon,  2 Mar 2026 09:00:01 +0100 (CET)");
  EXPECT_EQ(postfix.from, "mail-ed1-f41.google.com");
  EXPECT_EQ(postfix.reverse_dns, "mail-ed1-f41.google.com");
  EXPECT_EQ(postfix.ip, "209.85.208.41");
  EXPECT_EQ(postfix.by, "mx.example.org");
  EXPECT_EQ(postfix.with, "ESMTPS");
  EXPECT_EQ(postfix.id, "4Q1xYz2abcz9sT");
  EXPECT_EQ(postfix.for_recipient, "user@example.org");
  EXPECT_EQ(postfix.date, (DateTime{kNine.utc + 1s, 60min}));
  ASSERT_EQ(postfix.comments.size(), 3u);
  EXPECT_EQ(postfix.comments[1], "No client certificate requested");
  EXPECT_EQ(postfix.comments[2], "Postfix");

  const auto exim = parse_received(
      " from [192.0.2.1] (helo=laptop.local)\r\n"
      "\tby mx.example.net with esmtpsa  (TLS1.3) tls TLS_AES_256_GCM_SHA384\r\n"
      "\t(Exim 4.96)\r\n\t(envelope-from <alice@example.net>)\r\n"
      "\tid 1qAbCd-000123-Ef\r\n\tfor bob@example.net; Mon, 02 Mar 2026 08:00:00 +0000");
  EXPECT_EQ(exim.from, "[192.0.2.1]");
  EXPECT_EQ(exim.ip, "192.0.2.1");
  EXPECT_EQ(exim.helo, "laptop.local");
  EXPECT_EQ(exim.with, "esmtpsa");
  EXPECT_EQ(exim.id, "1qAbCd-000123-Ef");
  EXPECT_EQ(exim.for_recipient, "bob@example.net");
  EXPECT_EQ(exim.extra, (std::vector<std::string>{"tls", "TLS_AES_256_GCM_SHA384"}));
  EXPECT_EQ(exim.date, (DateTime{kNine.utc, 0min}));

  const auto qmail = parse_received(
      " from unknown (HELO mail.example.com) (198.51.100.7)\r\n  by mx.example.com with SMTP; "
      "2 Mar 2026 08:00:00 -0000");
  EXPECT_EQ(qmail.from, "unknown");
  EXPECT_EQ(qmail.helo, "mail.example.com");
  EXPECT_EQ(qmail.ip, "198.51.100.7");
  EXPECT_EQ(qmail.with, "SMTP");

  const auto gmail_internal = parse_received(
      " by 2002:a05:6a10:1234:b0:5a1:2b3c:4d5e with SMTP id abc123csp456789;\r\n"
      "        Mon, 2 Mar 2026 00:00:00 -0800 (PST)");
  EXPECT_EQ(gmail_internal.from, "");
  EXPECT_EQ(gmail_internal.by, "2002:a05:6a10:1234:b0:5a1:2b3c:4d5e");
  EXPECT_EQ(gmail_internal.date, (DateTime{kNine.utc, -8h}));

  const auto gmail = parse_received(
      " from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\r\n"
      "        by mx.google.com with SMTPS id x12sor123456ljx.4.2026.03.02.00.00.00\r\n"
      "        for <bob@gmail.com>\r\n        (Google Transport Security);\r\n"
      "        Mon, 02 Mar 2026 00:00:00 -0800 (PST)");
  EXPECT_EQ(gmail.reverse_dns, "mail-sor-f41.google.com");
  EXPECT_EQ(gmail.for_recipient, "bob@gmail.com");
  EXPECT_EQ(gmail.comments, (std::vector<std::string>{"Google Transport Security"}));

  const auto sendmail = parse_received(
      " from client.example (client.example [IPv6:2001:db8::25]) by relay.example "
      "(8.17.1/8.17.1) with ESMTP id 12A8X0abc012345 for <bob@b.example>; Mon, 2 Mar 2026 "
      "08:00:00 GMT");
  EXPECT_EQ(sendmail.ip, "2001:db8::25");
  EXPECT_EQ(sendmail.by, "relay.example");
  EXPECT_EQ(sendmail.date, (DateTime{kNine.utc, 0min}));
}

TEST(Received, OddInputIsReadWithoutCrashing) {
  EXPECT_FALSE(parse_received("").recognised());
  const auto odd = parse_received("something odd; not a date");
  EXPECT_FALSE(odd.recognised());
  EXPECT_EQ(odd.extra, (std::vector<std::string>{"something", "odd"}));
  EXPECT_EQ(odd.date_text, "not a date");
  EXPECT_FALSE(odd.date.has_value());
  const auto unclosed = parse_received("from a (b [192.0.2.4] by c");
  EXPECT_EQ(unclosed.from, "a");
  EXPECT_EQ(unclosed.ip, "192.0.2.4");
  EXPECT_EQ(parse_received("from from by by").from, "");  // keywords without values
  EXPECT_EQ(parse_received("(comment; with semicolon) by x; Mon, 2 Mar 2026 09:00:00 +0100").by,
            "x");
  EXPECT_EQ(parse_received("from ( by x").by, "");  // the unclosed comment swallows the rest
  EXPECT_EQ(parse_received("from a \\").from, "a");
}

TEST(Received, ChainInTravelOrderAndReturnPath) {
  Header h;
  h.append("From", "alice@a.example");
  auto s = stamp();
  s.helo = "client.a.example";
  s.by = "smtp.a.example";
  s.protocol = "ESMTPSA";
  h.prepend_field(received_field(s));
  s.helo = "smtp.a.example";
  s.by = "mx.b.example";
  s.protocol = "ESMTPS";
  s.date.utc += 2s;
  h.prepend_field(received_field(s));
  set_return_path(h, "alice@a.example");
  set_return_path(h, "alice@a.example");  // delivered twice: still one Return-Path
  EXPECT_EQ(h.count("Return-Path"), 1u);
  EXPECT_EQ(h.fields()[0].raw, " <alice@a.example>");
  EXPECT_EQ(return_path(h), "alice@a.example");
  const auto chain = received_chain(h);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].from, "client.a.example");
  EXPECT_EQ(chain[0].by, "smtp.a.example");
  EXPECT_EQ(chain[1].from, "smtp.a.example");
  EXPECT_EQ(chain[1].by, "mx.b.example");
  EXPECT_EQ(*chain[1].date, (DateTime{kNine.utc + 2s, 60min}));
  EXPECT_FALSE(chain[0].delay.has_value());
  EXPECT_EQ(chain[1].delay, 2s);

  Header bounce;
  set_return_path(bounce, "");
  EXPECT_EQ(bounce.to_string(), "Return-Path: <>\r\n");
  EXPECT_EQ(return_path(bounce), "");
  EXPECT_FALSE(return_path(Header{}).has_value());
}
