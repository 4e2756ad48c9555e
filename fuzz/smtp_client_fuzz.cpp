// The SMTP client session fed a server's bytes: replies of any shape, split anywhere, with
// STARTTLS, AUTH and pipelining asked or not; then the connection closes or times out.
#include <string>

#include "agents/proto/smtp/client_session.hpp"
#include "fuzz/fuzz_input.hpp"

using namespace mailsim::proto::smtp;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mailsim::fuzz::Input in(data, size);
  ClientConfig c;
  c.helo_name = "client.a.example";
  c.mail_from = in.flag() ? "alice@a.example" : "";
  const int recipients = in.pick<int>(1, 4);
  for (int i = 0; i < recipients; ++i)
    c.recipients.push_back("r" + std::to_string(i) + "@b.example");
  c.message = std::make_shared<const std::string>(in.flag() ? "Subject: hi\r\n\r\nHello\r\n.dot\r\n"
                                                            : "Subject: x\n\nbare\nLF\r.\n");
  c.tls = static_cast<TlsPolicy>(in.pick<int>(0, 2));
  if (in.flag())
    c.credentials = Credentials{"alice", "secret",
                                in.flag() ? AuthMechanism::plain : AuthMechanism::login, in.flag()};
  c.use_pipelining = in.flag();
  c.declare_size = in.flag();
  c.abort_on_refused_recipient = in.flag();
  c.pass_bare_lf = in.flag();
  const bool closes = in.flag();
  const std::uint64_t split = in.pick<std::uint64_t>(0, UINT64_MAX);
  const std::string bytes = in.rest();

  std::string out;
  ClientSession session(std::move(c), [&out](std::string_view b) { out += b; });
  session.start(SimTime{0});
  SimTime now{0};
  for (std::string_view piece : mailsim::fuzz::segments(bytes, split)) {
    now += std::chrono::seconds(1);
    session.receive(piece, now);
  }
  if (closes) {
    session.connection_closed(now);
  } else {
    session.on_timer(mailsim::proto::DeadlineTimer::kId, now + std::chrono::hours(1));  // timed out
  }
  (void)session.outcome().describe();
  return 0;
}
