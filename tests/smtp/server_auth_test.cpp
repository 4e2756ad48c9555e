// AUTH PLAIN and LOGIN (RFC 4954), and the simulated STARTTLS (RFC 3207).
#include <gtest/gtest.h>

#include "agents/proto/base64.hpp"
#include "tests/smtp/server_harness.hpp"

namespace mailsim::proto::smtp {
namespace {

using testing::at;
using testing::ServerHarness;

ServerConfig auth_config() {
  ServerConfig c;
  c.hostname = "smtp.example";
  c.extensions.auth = true;
  return c;
}

struct AuthHarness : ServerHarness {
  AuthHarness(ServerConfig c = auth_config()) : ServerHarness(std::move(c)) {
    passwords["test"] = "1234";
    greeted();
  }
};

TEST(SmtpServerAuth, PlainWithInitialResponse) {
  AuthHarness h;
  // The article's example: "\0test\0" + "1234"... with authzid "test".
  EXPECT_EQ(h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n"),
            "235 2.7.0 Authentication successful\r\n");
  EXPECT_EQ(h.session.authenticated_user(), "test");
  EXPECT_EQ(h.session.state(), ServerState::ready);
}

TEST(SmtpServerAuth, PlainWithoutInitialResponse) {
  AuthHarness h;
  EXPECT_EQ(h.send("AUTH PLAIN\r\n"), "334 \r\n");
  EXPECT_EQ(h.session.state(), ServerState::auth);
  EXPECT_EQ(h.send(base64_encode(std::string("\0test\0"
                                             "1234",
                                             10)) +
                   "\r\n"),
            "235 2.7.0 Authentication successful\r\n");
}

TEST(SmtpServerAuth, PlainEmptyInitialResponseIsMalformed) {
  AuthHarness h;
  EXPECT_EQ(h.send("AUTH PLAIN =\r\n"),
            "501 5.5.2 Invalid PLAIN response: expected authzid NUL user NUL password\r\n");
}

TEST(SmtpServerAuth, Login) {
  AuthHarness h;
  EXPECT_EQ(h.send("AUTH LOGIN\r\n"), "334 VXNlcm5hbWU6\r\n");
  EXPECT_EQ(h.send(base64_encode("test") + "\r\n"), "334 UGFzc3dvcmQ6\r\n");
  EXPECT_EQ(h.send(base64_encode("1234") + "\r\n"), "235 2.7.0 Authentication successful\r\n");
  EXPECT_EQ(h.session.authenticated_user(), "test");
}

TEST(SmtpServerAuth, LoginWithInitialResponse) {
  AuthHarness h;
  EXPECT_EQ(h.send("AUTH LOGIN " + base64_encode("test") + "\r\n"), "334 UGFzc3dvcmQ6\r\n");
  EXPECT_EQ(h.send(base64_encode("1234") + "\r\n"), "235 2.7.0 Authentication successful\r\n");
}

TEST(SmtpServerAuth, CancelWithStar) {
  AuthHarness h;
  h.send("AUTH LOGIN\r\n");
  EXPECT_EQ(h.send("*\r\n"), "501 5.7.0 Authentication aborted\r\n");
  EXPECT_EQ(h.session.state(), ServerState::ready);
  h.send("AUTH PLAIN\r\n");
  EXPECT_EQ(h.send("*\r\n"), "501 5.7.0 Authentication aborted\r\n");
  EXPECT_EQ(h.session.authenticated_user(), "");
}

TEST(SmtpServerAuth, BadBase64) {
  AuthHarness h;
  EXPECT_EQ(h.send("AUTH PLAIN not*base64\r\n"), "501 5.5.2 Cannot decode response\r\n");
  h.send("AUTH LOGIN\r\n");
  EXPECT_EQ(h.send("dGVzdA\r\n"), "501 5.5.2 Cannot decode response\r\n");  // no padding
  EXPECT_EQ(h.session.state(), ServerState::ready);
}

TEST(SmtpServerAuth, WrongCredentialsThenDropAfterThreeFailures) {
  AuthHarness h;
  const std::string wrong = "AUTH PLAIN " + base64_encode(std::string("\0test\0nope", 10)) + "\r\n";
  EXPECT_EQ(h.send(wrong), "535 5.7.8 Authentication credentials invalid\r\n");
  EXPECT_EQ(h.send(wrong), "535 5.7.8 Authentication credentials invalid\r\n");
  EXPECT_FALSE(h.session.closed());
  EXPECT_EQ(h.send(wrong),
            "535 5.7.8 Authentication credentials invalid\r\n421 4.7.0 smtp.example Error: too "
            "many authentication failures\r\n");
  EXPECT_TRUE(h.session.closed());
}

TEST(SmtpServerAuth, TemporaryFailure) {
  AuthHarness h;
  h.defer_answers = true;
  h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n");
  h.session.answer(Reply(454, "4.7.0", "Temporary authentication failure"), at(1));
  EXPECT_TRUE(h.out.ends_with("454 4.7.0 Temporary authentication failure\r\n"));
  EXPECT_EQ(h.session.authenticated_user(), "");
}

TEST(SmtpServerAuth, AuthTwice) {
  AuthHarness h;
  h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n");
  EXPECT_EQ(h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n"),
            "503 5.5.1 Error: already authenticated\r\n");
}

TEST(SmtpServerAuth, SequenceAndMechanismErrors) {
  AuthHarness h;
  EXPECT_EQ(h.send("AUTH\r\n"), "501 5.5.4 Syntax: AUTH mechanism\r\n");
  EXPECT_EQ(h.send("AUTH CRAM-MD5\r\n"), "504 5.5.4 Unrecognized authentication type\r\n");
  h.send("MAIL FROM:<a@b.example>\r\n");
  EXPECT_EQ(h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n"),
            "503 5.5.1 Error: MAIL transaction in progress\r\n");
  ServerHarness no_ehlo(auth_config());
  no_ehlo.start();
  EXPECT_EQ(no_ehlo.send("AUTH PLAIN\r\n"), "503 5.5.1 Error: send EHLO first\r\n");
  ServerHarness off;
  off.greeted();
  EXPECT_EQ(off.send("AUTH PLAIN\r\n"), "503 5.5.1 Error: authentication not enabled\r\n");
}

TEST(SmtpServerAuth, WithoutPolicyNoCredentialsAreValid) {
  ServerSession s(auth_config(), [](std::string_view) {});
  std::string out;
  ServerSession t(auth_config(), [&](std::string_view b) { out += b; });
  t.start(at(0));
  t.receive("EHLO c.example\r\nAUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n", at(0));
  EXPECT_TRUE(out.ends_with("535 5.7.8 Authentication credentials invalid\r\n"));
}

TEST(SmtpServerAuth, RequiredAuthGives530) {
  ServerConfig c = auth_config();
  c.auth_required = true;
  AuthHarness h(c);
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example>\r\n"), "530 5.7.0 Authentication required\r\n");
  EXPECT_EQ(h.send("VRFY x\r\n"), "530 5.7.0 Authentication required\r\n");
  EXPECT_EQ(h.send("NOOP\r\nRSET\r\n"), "250 2.0.0 Ok\r\n250 2.0.0 Ok\r\n");
  h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n");
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example>\r\n"), "250 2.1.0 Ok\r\n");
}

TEST(SmtpServerAuth, OverlongResponseAborts) {
  AuthHarness h;
  h.send("AUTH PLAIN\r\n");
  EXPECT_EQ(h.send(std::string(13000, 'A') + "\r\n"),
            "500 5.5.6 Authentication exchange line is too long\r\n");
  EXPECT_EQ(h.session.state(), ServerState::ready);
}

ServerConfig tls_config() {
  ServerConfig c = auth_config();
  c.extensions.starttls = true;
  c.auth_requires_tls = true;
  return c;
}

TEST(SmtpServerStarttls, RestartsTheSessionEncrypted) {
  ServerHarness h(tls_config());
  h.passwords["test"] = "1234";
  h.start();
  const std::string ehlo = h.send("EHLO c.example\r\n");
  EXPECT_NE(ehlo.find("250-STARTTLS\r\n"), std::string::npos);
  EXPECT_EQ(ehlo.find("AUTH"), std::string::npos);  // not before encryption
  EXPECT_EQ(h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n"),
            "504 5.5.4 Encryption required for requested authentication mechanism\r\n");
  EXPECT_EQ(h.send("STARTTLS x\r\n"), "501 5.5.4 Syntax: STARTTLS\r\n");
  // Commands pipelined behind STARTTLS were sent in clear: they are dropped.
  EXPECT_EQ(h.send("STARTTLS\r\nMAIL FROM:<injected@x.example>\r\n"),
            "220 2.0.0 Ready to start TLS\r\n");
  EXPECT_TRUE(h.session.encrypted());
  EXPECT_EQ(h.session.state(), ServerState::greeted);
  EXPECT_EQ(h.session.transaction(), nullptr);
  EXPECT_EQ(h.send("MAIL FROM:<a@b.example>\r\n"), "503 5.5.1 Error: send HELO/EHLO first\r\n");
  const std::string again = h.send("EHLO c.example\r\n");
  EXPECT_EQ(again.find("STARTTLS"), std::string::npos);
  EXPECT_NE(again.find("250-AUTH PLAIN LOGIN\r\n"), std::string::npos);
  EXPECT_EQ(h.send("STARTTLS\r\n"), "554 5.5.1 Error: TLS already active\r\n");
  EXPECT_EQ(h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n"),
            "235 2.7.0 Authentication successful\r\n");
  EXPECT_EQ(h.session.received_protocol(), "ESMTPSA");
}

TEST(SmtpServerStarttls, ReceivedProtocolWords) {
  ServerConfig c = tls_config();
  c.auth_requires_tls = false;
  ServerHarness h(c);
  h.passwords["test"] = "1234";
  h.start();
  h.send("HELO c.example\r\n");
  EXPECT_EQ(h.session.received_protocol(), "SMTP");
  h.send("EHLO c.example\r\n");
  EXPECT_EQ(h.session.received_protocol(), "ESMTP");
  h.send("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=\r\n");
  EXPECT_EQ(h.session.received_protocol(), "ESMTPA");
  h.send("STARTTLS\r\n");
  h.send("EHLO c.example\r\n");
  EXPECT_EQ(h.session.received_protocol(), "ESMTPS");  // TLS forgot the authentication
}

TEST(SmtpServerStarttls, NotOfferedOrOutOfOrder) {
  ServerHarness off;
  off.greeted();
  EXPECT_EQ(off.send("STARTTLS\r\n"), "502 5.5.1 Error: command not implemented\r\n");
  ServerHarness h(tls_config());
  h.start();
  EXPECT_EQ(h.send("STARTTLS\r\n"), "503 5.5.1 Error: send HELO/EHLO first\r\n");
  h.send("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\n");
  EXPECT_EQ(h.send("STARTTLS\r\n"), "503 5.5.1 Error: MAIL transaction in progress\r\n");
}

}  // namespace
}  // namespace mailsim::proto::smtp
