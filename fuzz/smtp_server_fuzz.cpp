// The SMTP server session fed a client's bytes, in any server configuration the scenarios can
// give (extensions, limits, end-of-data mode, AUTH rules) and with the owner's verdicts taken
// from the input too, then timed out and shut down.
#include <string>

#include "agents/proto/smtp/server_session.hpp"
#include "fuzz/fuzz_input.hpp"

using namespace mailsim::proto::smtp;

namespace {

ServerConfig config_from(mailsim::fuzz::Input& in) {
  ServerConfig c;
  c.hostname = "mx.b.example";
  c.extensions.ehlo = in.flag();
  c.extensions.pipelining = in.flag();
  c.extensions.size = in.flag();
  c.extensions.eight_bit_mime = in.flag();
  c.extensions.enhanced_status_codes = in.flag();
  c.extensions.auth = in.flag();
  c.extensions.starttls = in.flag();
  c.extensions.help = in.flag();
  if (in.flag()) c.extra_ehlo_keywords = {"DSN", "SMTPUTF8"};
  c.max_message_size = in.pick<std::size_t>(0, 4096);
  c.max_recipients = in.pick<std::size_t>(0, 8);
  c.max_command_line = in.pick<std::size_t>(0, 600);
  c.max_text_line = in.pick<std::size_t>(0, 1100);
  c.max_auth_line = in.pick<std::size_t>(0, 13000);
  c.end_of_data = static_cast<EndOfDataMode>(in.pick<int>(0, 2));
  c.auth_required = in.flag();
  c.auth_requires_tls = in.flag();
  c.max_auth_failures = in.pick<int>(0, 4);
  c.extensions.expn = in.flag();
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mailsim::fuzz::Input in(data, size);
  ServerConfig config = config_from(in);
  const std::uint32_t verdicts = in.pick<std::uint32_t>(0, UINT32_MAX);
  const std::uint64_t split = in.pick<std::uint64_t>(0, UINT64_MAX);
  const std::string bytes = in.rest();

  std::string out;
  int asked = 0;
  ServerSession* self = nullptr;
  ServerSession session(
      std::move(config), [&out](std::string_view b) { out += b; },
      [&](const PolicyQuery& q) {
        // One bit a query: accept, or refuse with a reply fitting the stage.
        const bool refuse = (verdicts >> (asked++ % 32)) & 1u;
        if (!refuse) return self->accept(SimTime{0});
        const bool temporary = (verdicts >> ((asked + 7) % 32)) & 1u;
        if (q.stage == PolicyStage::connect)
          return self->answer(Reply(temporary ? 421 : 554, "", "go away"), SimTime{0});
        self->answer(Reply(temporary ? 450 : 550, temporary ? "4.7.1" : "5.7.1", "no"), SimTime{0});
      });
  self = &session;
  session.start(SimTime{0});
  SimTime now{0};
  for (std::string_view piece : mailsim::fuzz::segments(bytes, split)) {
    now += std::chrono::seconds(1);
    session.receive(piece, now);
  }
  session.on_timer(mailsim::proto::DeadlineTimer::kId, now + std::chrono::hours(1));  // timed out
  if (!session.closed()) session.shutdown(now);
  return 0;
}
