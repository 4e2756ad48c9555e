// `mailsim serve`'s real STARTTLS: Python's smtplib and ssl do the TLS handshake on the real
// socket, then log in and send inside it, as Thunderbird does on port 587.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "tests/bridges/serve_harness.hpp"

namespace {

// first-mail: SMTP reaches smtp.a.example's submission port (STARTTLS, then AUTH), POP3 and
// IMAP reach mx.b.example, where Bob's mail arrives after crossing the simulated Internet.
using mailsim::test::command_output;
using mailsim::test::kPythonClients;
using mailsim::test::python;
using mailsim::test::Server;

std::string fingerprint_in(const std::string& out) {
  std::smatch m;
  const std::regex printed(R"(SHA-256 fingerprint ([0-9A-F:]{95}))");
  return std::regex_search(out, m, printed) ? std::string(m[1]) : "";
}

TEST(ServeTls, StarttlsThenAuthPlainSendsAMailThatPoplibAndImaplibReadBack) {
  Server server(MAILSIM_BIN " serve first-mail --smtp :0 --pop3 :0 --imap :0 --speed 20 --lang en");
  ASSERT_EQ(server.ports().size(), 3u);
  const std::string out = python(kPythonClients + R"py(
s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
s.ehlo("real-client")
print("before tls", s.has_extn("starttls"), s.has_extn("auth"))
print("starttls", s.starttls(context=unverified())[0])
print("cipher", s.sock.version(), hashlib.sha256(s.sock.getpeercert(True)).hexdigest())
s.ehlo("real-client")  # RFC 3207: the server forgot the first EHLO
print("after tls", s.has_extn("starttls"), s.has_extn("auth"))
s.user, s.password = "alice", "wonderland"
print("auth", s.auth("PLAIN", s.auth_plain)[0])
s.sendmail("alice@a.example", ["bob@b.example"],
           "From: alice@a.example\r\nTo: bob@b.example\r\nSubject: over real TLS\r\n"
           "\r\nHello Bob, through STARTTLS.\r\n")
s.quit()
# The scenario's own mail from Alice arrives too: wait for both.
for _ in range(100):
    if pop3_count("bob", "builder") == 2: break
    time.sleep(0.1)
p = poplib.POP3("127.0.0.1", pop3_port, timeout=10)
p.user("bob"); p.pass_("builder")
for i in (1, 2): print("pop3", b"\n".join(p.retr(i)[1]).decode())
p.quit()
m = imaplib.IMAP4("127.0.0.1", imap_port, timeout=10)
m.login("bob", "builder")
m.select("INBOX")
for part in m.fetch("1:2", "(BODY[TEXT])")[1]:
    if isinstance(part, tuple): print("imap", part[1].decode())
m.logout()
)py",
                                 server.ports());
  EXPECT_NE(out.find("before tls True False"), std::string::npos) << out;
  EXPECT_NE(out.find("starttls 220"), std::string::npos) << out;
  EXPECT_NE(out.find("cipher TLSv1."), std::string::npos) << out;
  EXPECT_NE(out.find("after tls False True"), std::string::npos) << out;
  EXPECT_NE(out.find("auth 235"), std::string::npos) << out;
  EXPECT_NE(out.find("Subject: over real TLS"), std::string::npos) << out;
  // The simulated submission server saw TLS and a login (RFC 3848).
  EXPECT_NE(out.find("with ESMTPSA"), std::string::npos) << out;
  EXPECT_NE(out.find("imap Hello Bob, through STARTTLS."), std::string::npos) << out;
  const std::string told = server.stop();
  EXPECT_EQ(server.status, 0);
  // The certificate the client saw is the one whose fingerprint was printed.
  std::string printed = fingerprint_in(told);
  ASSERT_FALSE(printed.empty()) << told;
  std::erase(printed, ':');
  for (char& c : printed)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_NE(out.find("cipher TLSv1.3 " + printed), std::string::npos) << out << told;
  EXPECT_NE(told.find("from alice@a.example to bob@b.example: delivered to bob@b.example/INBOX"),
            std::string::npos)
      << told;
}

TEST(ServeTls, SwaksWithStarttlsAndPipeliningSubmits) {
  if (command_output("command -v swaks").empty() ||
      command_output("perl -MNet::SSLeay -e 'print 1' 2>/dev/null") != "1")
    GTEST_SKIP() << "swaks or its TLS module is missing (tools/debian-packages.txt, make deps)";
  Server server(MAILSIM_BIN " serve first-mail --smtp :0 --speed 20 --lang en");
  const std::string said = command_output(
      "timeout 60 swaks --server 127.0.0.1 --port " + std::to_string(server.ports().at("SMTP")) +
      " --tls --pipeline --auth PLAIN --auth-user alice --auth-password wonderland"
      " --from alice@a.example --to bob@b.example --helo swaks.example 2>&1");
  EXPECT_NE(said.find("=== TLS started with cipher TLSv1."), std::string::npos) << said;
  EXPECT_NE(said.find("<~  235 2.7.0"), std::string::npos) << said;  // ~: inside TLS
  EXPECT_NE(said.find("<~  250 2.0.0 Ok: queued"), std::string::npos) << said;
}

TEST(ServeTls, CertificateFilesAreShownAndVerified) {
  const std::string dir = ::testing::TempDir() + "mailsim_tls_" + std::to_string(getpid());
  const std::string made = command_output(
      "mkdir -p " + dir +
      " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 "
      "-nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost -keyout " +
      dir + "/key.pem -out " + dir + "/cert.pem 2>&1 && echo made");
  ASSERT_NE(made.find("made"), std::string::npos) << made;
  Server server(MAILSIM_BIN " serve first-mail --smtp :0 --cert " + dir + "/cert.pem --key " + dir +
                "/key.pem --speed 20 --lang en");
  ASSERT_EQ(server.ports().size(), 1u);
  const std::string out = python(kPythonClients + "cafile = '" + dir + "/cert.pem'\n" + R"py(
context = ssl.create_default_context(cafile=cafile)  # verified, host name included
s = smtplib.SMTP("localhost", smtp_port, timeout=10)
s.starttls(context=context)
s.login("alice", "wonderland")
print("logged in over", s.sock.version())
s.quit()
)py",
                                 server.ports());
  EXPECT_NE(out.find("logged in over TLSv1."), std::string::npos) << out;
  const std::string told = server.stop();
  EXPECT_NE(told.find("STARTTLS: real TLS with the certificate of " + dir +
                      "/cert.pem (localhost, SHA-256 fingerprint "),
            std::string::npos)
      << told;
}

TEST(ServeTls, NoTlsHidesStarttlsAndTheAuthThatNeedsIt) {
  Server server(MAILSIM_BIN " serve first-mail --smtp :0 --no-tls --speed 20 --lang en");
  const std::string out = python(kPythonClients + R"py(
s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
code, features = s.ehlo("real-client")
print("ehlo", code, b"STARTTLS" in features, s.has_extn("auth"), features.decode().splitlines()[-1])
print("starttls", s.docmd("STARTTLS"))
print("noop", s.noop()[0])
s.quit()
)py",
                                 server.ports());
  EXPECT_NE(out.find("ehlo 250 False False"), std::string::npos) << out;
  EXPECT_NE(out.find("starttls (502, b'5.5.1 Error: command not implemented')"), std::string::npos)
      << out;
  EXPECT_NE(out.find("noop 250"), std::string::npos) << out;
  EXPECT_NE(server.stop().find("STARTTLS: not offered to real clients (--no-tls)"),
            std::string::npos);
}

TEST(ServeTls, GarbageInsteadOfAClientHelloIsCutWithoutStallingOthers) {
  Server server(MAILSIM_BIN " serve first-mail --smtp :0 --speed 20 --lang en");
  const std::string out = python(kPythonClients + R"py(
bad, f = past_ehlo(b"bad.example")
bad.sendall(b"STARTTLS\r\n")
print("bad starttls", reply(f))
start = time.time()
bad.sendall(b"GET / HTTP/1.0\r\n\r\n" * 10)
rest = b""
while True:
    chunk = bad.recv(4096)
    if not chunk: break
    rest += chunk
print("bad cut after", "under 2 s" if time.time() - start < 2 else time.time() - start,
      "clear text back:", b"250" in rest)
worst = 0
for i in range(3):
    start = time.time()
    s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
    s.starttls(context=unverified()); s.ehlo("good.example"); s.noop(); s.quit()
    worst = max(worst, time.time() - start)
print("others served, the slowest in", "under 2 s" if worst < 2 else worst)
)py",
                                 server.ports());
  EXPECT_NE(out.find("bad starttls 220 2.0.0 Ready to start TLS"), std::string::npos) << out;
  EXPECT_NE(out.find("bad cut after under 2 s clear text back: False"), std::string::npos) << out;
  EXPECT_NE(out.find("others served, the slowest in under 2 s"), std::string::npos) << out;
  EXPECT_NE(server.stop().find("A real client did not complete its TLS handshake"),
            std::string::npos);
}

TEST(ServeTls, CommandsSentInClearWithStarttlsAreDropped) {
  Server server(MAILSIM_BIN " serve first-mail --smtp :0 --speed 20 --lang en");
  const std::string out = python(kPythonClients + R"py(
s, f = past_ehlo(b"real-client")
# An attacker's MAIL in the same packet as STARTTLS (CVE-2011-0411): it must not count.
s.sendall(b"STARTTLS\r\nMAIL FROM:<mallory@evil.example>\r\n")
print("starttls", reply(f))
t = unverified().wrap_socket(s, server_hostname="smtp.a.example")
tf = t.makefile("rb")
t.sendall(b"EHLO real-client\r\n"); reply(tf)
t.sendall(b"AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\r\n"); print("auth", reply(tf)[:3])
t.sendall(b"RCPT TO:<bob@b.example>\r\n"); print("rcpt", reply(tf)[:3])
)py",
                                 server.ports());
  EXPECT_NE(out.find("starttls 220"), std::string::npos) << out;
  EXPECT_NE(out.find("auth 235"), std::string::npos) << out;
  EXPECT_NE(out.find("rcpt 503"), std::string::npos) << out;  // no MAIL: the injected one is gone
}

TEST(ServeTls, CertificateMistakesAreExplainedInBothLanguages) {
  auto run = [](const std::string& args) {
    return command_output(std::string(MAILSIM_BIN) + " serve first-mail --smtp :0 " + args +
                          " 2>&1");
  };
  const std::string junk = ::testing::TempDir() + "mailsim_junk_cert_" + std::to_string(getpid());
  std::ofstream(junk) << "-----BEGIN NOTHING-----\n";
  EXPECT_NE(run("--cert /nonexistent/cert.pem --lang en")
                .find("--cert: cannot read '/nonexistent/cert.pem'"),
            std::string::npos);
  EXPECT_NE(run("--cert " + junk + " --lang fr")
                .find("--cert : « " + junk + " » ne contient pas de certificat au format PEM"),
            std::string::npos);
  EXPECT_NE(run("--key " + junk + " --lang fr").find("--key a besoin de --cert"),
            std::string::npos);
  EXPECT_NE(run("--no-tls --cert " + junk + " --lang en").find("give one or the other"),
            std::string::npos);
  // A key made apart from the certificate.
  const std::string dir = ::testing::TempDir() + "mailsim_tls_mismatch_" + std::to_string(getpid());
  ASSERT_NE(command_output("mkdir -p " + dir +
                           " && openssl req -x509 -newkey ec -pkeyopt "
                           "ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost -keyout " +
                           dir + "/key.pem -out " + dir +
                           "/cert.pem 2>&1 && openssl genpkey "
                           "-algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " +
                           dir + "/other.pem 2>&1 && echo made")
                .find("made"),
            std::string::npos);
  EXPECT_NE(run("--cert " + dir + "/cert.pem --key " + dir + "/other.pem --lang fr")
                .find("--key : la clé de « " + dir +
                      "/other.pem » n'est pas celle du certificat de « " + dir + "/cert.pem »"),
            std::string::npos);
  EXPECT_NE(run("--cert " + dir + "/cert.pem --key " + junk + " --lang en")
                .find("--key: '" + junk + "' holds no private key in PEM form"),
            std::string::npos);
}

}  // namespace
