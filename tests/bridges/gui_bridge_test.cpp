// `mailsim-gui --smtp --pop3`: the window's run takes real clients in, as `mailsim serve` does
// (run under xvfb-run by CTest): smtplib submits over STARTTLS, and the mail reaches Carol's
// mailbox in the window's simulation, where poplib reads it. same-domain asks no lesson
// question: a question pauses the run, and the real clients with it, until the teacher goes on.
#include <gtest/gtest.h>

#include <string>

#include "tests/bridges/serve_harness.hpp"

namespace {

using mailsim::test::kPythonClients;
using mailsim::test::python;
using mailsim::test::Server;

TEST(GuiBridge, ARealClientSendsThroughTheWindowOverStarttlsAndPoplibReadsItBack) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run under xvfb-run -a";
  // The line about STARTTLS comes after the listening addresses.
  Server window(MAILSIM_GUI_BIN " same-domain --smtp :0 --pop3 :0 --lang en", "STARTTLS:");
  ASSERT_EQ(window.ports().size(), 2u);
  const std::string out = python(kPythonClients + R"py(
s = smtplib.SMTP("127.0.0.1", smtp_port, timeout=10)
s.starttls(context=unverified())
s.login("alice", "wonderland")
s.sendmail("alice@a.example", ["carol@a.example"],
           "From: alice@a.example\r\nTo: carol@a.example\r\nSubject: through the window\r\n"
           "\r\nHello Carol.\r\n")
s.quit()
# The scenario's own mail and ours.
for _ in range(150):
    if pop3_count("carol", "secret") == 2: break
    time.sleep(0.1)
p = poplib.POP3("127.0.0.1", pop3_port, timeout=10)
p.user("carol"); p.pass_("secret")
print("subjects", sorted(l.decode() for i in (1, 2) for l in p.retr(i)[1] if l.startswith(b"Subject:")))
p.quit()
)py",
                                 window.ports());
  const std::string told = window.stop();  // what the window said, should it have failed
  EXPECT_NE(out.find("Subject: through the window"), std::string::npos) << out << told;
}

}  // namespace
