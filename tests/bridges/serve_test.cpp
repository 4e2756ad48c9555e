// `mailsim serve` with real clients: Python's smtplib, poplib and imaplib talk to the bridged
// simulated servers over real sockets on the loopback, as a class's mail clients would.
#include <gtest/gtest.h>

#include <string>

#include "tests/bridges/serve_harness.hpp"

namespace {

using mailsim::test::command_output;
using mailsim::test::python;
using mailsim::test::Server;

using mailsim::test::kPythonClients;

}  // namespace

TEST(Serve, SmtplibSubmitsWithAuthPlainAndPoplibAndImaplibReadTheMailBack) {
  Server server(MAILSIM_BIN
                " serve smtp-by-hand --smtp :0 --pop3 :0 --imap :0 --speed 20 --lang en");
  ASSERT_EQ(server.ports().size(), 3u);
  const std::string out = python(kPythonClients + R"py(
s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
s.ehlo("real-client")
s.user, s.password = "alice", "wonderland"
print("auth", s.auth("PLAIN", s.auth_plain)[0])
s.sendmail("alice@a.example", ["alice@a.example"],
           "From: alice@a.example\r\nTo: alice@a.example\r\nSubject: from a real client\r\n"
           "\r\nHello from Python.\r\n")
s.quit()
for _ in range(50):
    if pop3_count() == 1: break
    time.sleep(0.1)
p = poplib.POP3("127.0.0.1", pop3_port, timeout=10)
p.user("alice"); p.pass_("wonderland")
print("pop3", b"\n".join(p.retr(1)[1]).decode())
p.quit()
m = imaplib.IMAP4("127.0.0.1", imap_port, timeout=10)
m.login("alice", "wonderland")
m.select("INBOX")
print("imap", m.fetch("1", "(BODY[TEXT])")[1][0][1].decode())
m.logout()
)py",
                                 server.ports());
  EXPECT_NE(out.find("auth 235"), std::string::npos) << out;
  EXPECT_NE(out.find("Subject: from a real client"), std::string::npos) << out;
  EXPECT_NE(out.find("Received: from"), std::string::npos) << out;  // the simulated server's
  EXPECT_NE(out.find("imap Hello from Python."), std::string::npos) << out;
  const std::string told = server.stop();
  EXPECT_EQ(server.status, 0);
  EXPECT_NE(told.find("from alice@a.example to alice@a.example: delivered to "
                      "alice@a.example/INBOX"),
            std::string::npos)
      << told;
  EXPECT_NE(told.find("bridged connections."), std::string::npos) << told;
}

// What Thunderbird does with folders and a multipart message, through Python's imaplib (issue
// 15: CREATE of a child made no parent, DELETE, RENAME, SUBSCRIBE and BODYSTRUCTURE were BAD).
TEST(Serve, ImaplibManagesFoldersAndReadsAMultipartMessageByParts) {
  Server server(MAILSIM_BIN " serve smtp-by-hand --imap :0 --speed 20 --lang en");
  ASSERT_EQ(server.ports().size(), 1u);
  const std::string out = python(kPythonClients + R"py(
m = imaplib.IMAP4("127.0.0.1", imap_port, timeout=10)
m.login("alice", "wonderland")
print("caps", m.capabilities)
print("create", m.create("Work/Projects")[0])
# imaplib sends arguments as given: the empty reference is written "" (its own default)
print("list%", m.list("\"\"", "%")[1])
print("subscribe", m.subscribe("Work/Projects")[0])
print("lsub", m.lsub("\"\"", "*")[1])
print("rename", m.rename("Work", "Jobs")[0])
print("list*", m.list("\"\"", "Jobs*")[1])
print("delete-parent", m.delete("Jobs"))
print("delete", m.delete("Jobs/Projects")[0], m.delete("Jobs")[0])
print("unsubscribe", m.unsubscribe("Work/Projects")[0])
mime = ("From: alice@a.example\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=xyz\r\n\r\n--xyz\r\n"
        "Content-Type: text/plain\r\n\r\nThe text.\r\n--xyz\r\n"
        "Content-Type: application/octet-stream\r\n"
        "Content-Disposition: attachment; filename=a.bin\r\n\r\nAAAA\r\n--xyz--\r\n")
print("append", m.append("INBOX", None, None, mime.encode())[0])
n = m.select("INBOX")[1][0].decode()
print("structure", m.fetch(n, "(BODYSTRUCTURE)")[1][0].decode())
typ, data = m.fetch(n, "(BODY.PEEK[1] BODY.PEEK[2.MIME])")
print("part1", data[0][1].decode())
print("part2mime", data[1][1].decode())
print("flags", m.fetch(n, "(FLAGS)")[1][0].decode())
m.logout()
)py",
                                 server.ports());
  EXPECT_NE(out.find("create OK"), std::string::npos) << out;
  // CHILDREN (RFC 3348): each name says whether it has inferiors.
  EXPECT_NE(out.find("'CHILDREN'"), std::string::npos) << out;
  EXPECT_NE(out.find("b'(\\\\Noselect \\\\HasChildren) \"/\" Work'"), std::string::npos) << out;
  EXPECT_NE(out.find("b'() \"/\" Work/Projects'"), std::string::npos) << out;  // LSUB: as before
  EXPECT_NE(out.find("rename OK"), std::string::npos) << out;
  EXPECT_NE(out.find("b'(\\\\HasNoChildren) \"/\" Jobs/Projects'"), std::string::npos) << out;
  EXPECT_NE(out.find("delete-parent ('NO', [b'Name Jobs has inferior hierarchical names'])"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("delete OK OK"), std::string::npos) << out;
  EXPECT_NE(out.find("unsubscribe OK"), std::string::npos) << out;
  EXPECT_NE(out.find("append OK"), std::string::npos) << out;
  EXPECT_NE(out.find("BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL "
                     "\"7BIT\" 9 1 NIL NIL NIL)(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL "
                     "\"7BIT\" 4 NIL (\"ATTACHMENT\" (\"FILENAME\" \"a.bin\")) NIL) \"MIXED\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("part1 The text."), std::string::npos) << out;
  EXPECT_NE(out.find("part2mime Content-Type: application/octet-stream"), std::string::npos) << out;
  EXPECT_EQ(out.find("\\Seen"), std::string::npos) << out;  // PEEK leaves it unread
  server.stop();
}

TEST(Serve, TwoHundredConcurrentConnectionsAreAllServed) {
  Server server(MAILSIM_BIN " serve smtp-by-hand --smtp :0 --speed 20 --lang en");
  const std::string out = python(kPythonClients + R"py(
socks = [socket.create_connection(("127.0.0.1", smtp_port), timeout=20) for _ in range(200)]
greeted = sum(1 for s in socks if s.recv(4096).startswith(b"220 "))
for s in socks: s.sendall(b"QUIT\r\n")
bye = 0
for s in socks:
    data = b""
    while b"221 " not in data:
        chunk = s.recv(4096)
        if not chunk: break
        data += chunk
    bye += b"221 " in data
    s.close()
print("greeted", greeted, "bye", bye)
)py",
                                 server.ports());
  EXPECT_NE(out.find("greeted 200 bye 200"), std::string::npos) << out;
}

TEST(Serve, AClientSendingAByteASecondIsCutWhileOthersAreServed) {
  Server server(MAILSIM_BIN " serve smtp-by-hand --smtp :0 --speed 20 --idle-timeout 2s --lang en");
  const std::string out = python(kPythonClients + R"py(
slow = socket.create_connection(("127.0.0.1", smtp_port), timeout=20)
slow.recv(4096)
result = {}
def dribble():
    start = time.time()
    try:
        for c in b"EHLO slow.example\r\n":
            slow.sendall(bytes([c]))
            time.sleep(1)
    except OSError:
        pass
    data = b""
    while True:
        chunk = slow.recv(4096)
        if not chunk: break
        data += chunk
    result["slow"] = (data.decode().strip(), round(time.time() - start))
t = threading.Thread(target=dribble); t.start()
worst = 0
for i in range(5):
    start = time.time()
    s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
    s.ehlo("fast.example"); s.noop(); s.quit()
    worst = max(worst, time.time() - start)
    time.sleep(0.3)
t.join()
print("slow", result["slow"])
print("others served, the slowest in", "under 1 s" if worst < 1 else worst)
)py",
                                 server.ports());
  EXPECT_NE(out.find("421 4.4.2 Timeout exceeded"), std::string::npos) << out;
  EXPECT_NE(out.find("others served, the slowest in under 1 s"), std::string::npos) << out;
}

TEST(Serve, AClientLeavingInTheMiddleOfDataLeavesNoMessage) {
  Server server(MAILSIM_BIN " serve smtp-by-hand --smtp :0 --pop3 :0 --speed 20 --lang en");
  const std::string out = python(kPythonClients + R"py(
s = socket.create_connection(("127.0.0.1", smtp_port), timeout=10)
f = s.makefile("rb")
def say(line):
    s.sendall(line + b"\r\n")
    reply = f.readline()
    while reply[3:4] == b"-": reply = f.readline()
    return reply
f.readline()
say(b"EHLO real-client")
say(b"AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=")
say(b"MAIL FROM:<alice@a.example>")
say(b"RCPT TO:<alice@a.example>")
print("data", say(b"DATA")[:3].decode())
s.sendall(b"Subject: never sent\r\n\r\nThe first half of a message\r\n")
time.sleep(0.5)
s.close()
time.sleep(1)
print("messages", pop3_count())
long = socket.create_connection(("127.0.0.1", smtp_port), timeout=10)
long.recv(4096)
long.sendall(b"NOOP " + b"x" * 5000 + b"\r\n")
print("long line", long.recv(4096).decode().strip())
)py",
                                 server.ports());
  EXPECT_NE(out.find("data 354"), std::string::npos) << out;
  EXPECT_NE(out.find("messages 0"), std::string::npos) << out;
  EXPECT_NE(out.find("long line 500 5.5.0 Line too long"), std::string::npos) << out;
  const std::string told = server.stop();
  EXPECT_EQ(told.find("to alice@a.example: delivered"), std::string::npos) << told;
}

// A client that does not wrap its lines (smtplib sends the body as it is given): the 5,000-octet
// line is accepted and reaches the mailbox whole, as through Postfix; only a command line is
// bounded (above).
TEST(Serve, AFiveThousandOctetLineInAMessageIsKept) {
  Server server(MAILSIM_BIN " serve smtp-by-hand --smtp :0 --pop3 :0 --speed 20 --lang en");
  const std::string out = python(kPythonClients + R"py(
line = "".join(chr(ord("a") + i % 26) for i in range(5000))
s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
s.ehlo("real-client")
s.user, s.password = "alice", "wonderland"
s.auth("PLAIN", s.auth_plain)
print("sent", s.sendmail("alice@a.example", ["alice@a.example"],
                         "Subject: one long line\r\n\r\n" + line + "\r\n"))
s.quit()
for _ in range(50):
    if pop3_count() == 1: break
    time.sleep(0.1)
poplib._MAXLINE = 100000  # poplib's own limit on a line is 2048
p = poplib.POP3("127.0.0.1", pop3_port, timeout=10)
p.user("alice"); p.pass_("wonderland")
lines = [l.decode() for l in p.retr(1)[1]]
print("kept whole", line in lines, max(len(l) for l in lines))
p.quit()
)py",
                                 server.ports());
  EXPECT_NE(out.find("sent {}"), std::string::npos) << out;
  EXPECT_NE(out.find("kept whole True 5000"), std::string::npos) << out;
}

TEST(Serve, MistakesAreExplainedInBothLanguages) {
  auto run = [](const std::string& args) {
    return command_output(std::string(MAILSIM_BIN) + " " + args + " 2>&1");
  };
  EXPECT_NE(run("serve first-mail --lang en").find("give at least one of --smtp"),
            std::string::npos);
  EXPECT_NE(run("serve first-mail --smtp 127.0.0.1 --lang fr")
                .find("--smtp : « 127.0.0.1 » n'est pas une adresse d'écoute"),
            std::string::npos);
  EXPECT_NE(run("serve first-mail --smtp :0 --host nowhere --lang en")
                .find("--host: this scenario has no host named 'nowhere'"),
            std::string::npos);
  EXPECT_NE(run("serve first-mail --smtp :0 --speed 0 --lang fr").find("n'est pas une vitesse"),
            std::string::npos);
}

TEST(Serve, SwaksWithPipeliningSubmitsAMail) {
  if (mailsim::test::command_output("command -v swaks").empty())
    GTEST_SKIP() << "swaks is not installed (tools/debian-packages.txt, make deps)";
  Server server(MAILSIM_BIN " serve smtp-by-hand --smtp :0 --pop3 :0 --speed 20 --lang en");
  const std::string port = std::to_string(server.ports().at("SMTP"));
  const std::string said =
      command_output("timeout 60 swaks --server 127.0.0.1 --port " + port +
                     " --pipeline --auth PLAIN --auth-user alice --auth-password wonderland"
                     " --from alice@a.example --to alice@a.example --helo swaks.example"
                     " --header 'Subject: from swaks' --body 'Hello from swaks.' 2>&1");
  // swaks sends MAIL, RCPT and DATA in one go once PIPELINING is offered.
  EXPECT_NE(said.find("<-  250-PIPELINING"), std::string::npos) << said;
  EXPECT_NE(said.find(" -> MAIL FROM:<alice@a.example>\n -> RCPT TO:<alice@a.example>\n -> "
                      "DATA\n<-  250 2.1.0 Ok\n<-  250 2.1.5 Ok\n<-  354 "),
            std::string::npos)
      << said;
  EXPECT_NE(said.find("<-  250 2.0.0 Ok: queued"), std::string::npos) << said;
  const std::string out = python(kPythonClients + R"py(
for _ in range(50):
    if pop3_count() == 1: break
    time.sleep(0.1)
print("messages", pop3_count())
)py",
                                 server.ports());
  EXPECT_NE(out.find("messages 1"), std::string::npos) << out;
}

// SMTP smuggling from a real client (issue 15 item 4): Python logs in to smtp.a.example's
// submission port as Mallory (STARTTLS, AUTH) and sends its DATA as raw bytes (smtplib's
// sendmail would turn the bare LF into CRLF): <LF>.<CR><LF>, then a second envelope from
// ceo@c.example. Through the library's chain (smtp.a.example keeps bare LFs, mx.b.example ends
// DATA at <LF>.<CR><LF>) Bob's server files a second message from ceo@c.example, relayed by
// smtp.a.example, whose SPF passes; with the outbound server normalising (the fix on its side)
// the same bytes stay text inside Mallory's one message.
TEST(Serve, ARealClientSmugglesAMessageOnlyThroughALenientChain) {
  const std::string lesson = command_output(MAILSIM_BIN " show smtp-smuggling");
  const std::string keep = "\n      end_of_data: keep";  // the setting, not the description's
  ASSERT_NE(lesson.find(keep), std::string::npos);
  for (const bool fixed : {false, true}) {
    std::string text = lesson;
    if (fixed) text.replace(text.find(keep), keep.size(), "\n      end_of_data: normalize");
    const std::string path = ::testing::TempDir() + "mailsim_smuggling_" +
                             std::to_string(getpid()) + (fixed ? "_fixed" : "") + ".yaml";
    std::ofstream(path) << text;
    Server server(MAILSIM_BIN " serve " + path + " --smtp :0 --imap :0 --speed 20 --lang en");
    ASSERT_EQ(server.ports().size(), 2u) << (fixed ? "fixed" : "lenient");
    const std::string out = python(kPythonClients + R"py(
s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
s.ehlo("mallory-pc"); s.starttls(context=unverified()); s.ehlo("mallory-pc")
s.login("mallory", "trickster")
s.mail("mallory@a.example"); s.rcpt("bob@b.example")
s.putcmd("data"); print("data", s.getreply()[0])
s.send(b"From: mallory@a.example\r\nTo: bob@b.example\r\nSubject: Real newsletter\r\n\r\n"
       b"Nothing to see.\r\n\n.\r\n"
       b"MAIL FROM:<ceo@c.example>\r\nRCPT TO:<bob@b.example>\r\nDATA\r\n"
       b"From: The CEO <ceo@c.example>\r\nTo: bob@b.example\r\n"
       b"Subject: Real client forgery\r\n\r\nPay now.\r\n.\r\n")
print("end", s.getreply()[0])
s.quit()
m = imaplib.IMAP4("127.0.0.1", imap_port, timeout=10)
m.login("bob", "builder")
for _ in range(100):
    m.select("INBOX")
    if m.search(None, 'SUBJECT', '"Real newsletter"')[1][0]: break
    time.sleep(0.1)
m.select("INBOX")
forged = m.search(None, 'HEADER', 'Subject', '"Real client forgery"')[1][0].split()
print("forged", len(forged))
for n in forged:
    print(m.fetch(n, "(BODY[HEADER.FIELDS (RETURN-PATH)])")[1][0][1].decode().strip())
m.logout()
)py",
                                   server.ports());
    EXPECT_NE(out.find("data 354"), std::string::npos) << out;
    EXPECT_NE(out.find("end 250"), std::string::npos) << out;
    EXPECT_NE(out.find(fixed ? "forged 0" : "forged 1"), std::string::npos) << fixed << out;
    if (!fixed) {
      EXPECT_NE(out.find("Return-Path: <ceo@c.example>"), std::string::npos) << out;
    }
    server.stop();
  }
}
