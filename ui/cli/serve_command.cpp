#include "ui/cli/serve_command.hpp"

#include <arpa/inet.h>

#include <csignal>
#include <iostream>

#include "agents/narration/message_ledger.hpp"
#include "agents/narration/narrator.hpp"
#include "agents/narration/storyteller.hpp"
#include "scenarios/model/roles.hpp"
#include "ui/cli/bridge.hpp"
#include "ui/cli/bridge_targets.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/narration_printer.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/serve_text.hpp"
#include "ui/cli/serve_tls.hpp"

namespace mailsim::cli {

namespace {

volatile bool stop_requested = false;
extern "C" void on_stop_signal(int) {
  stop_requested = true;
}

// "127.0.0.1:2525", ":2525" (loopback), ":0" (a free port).
bool parse_listen_address(const std::string& text, std::string& address, std::uint16_t& port) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size()) return false;
  address = colon == 0 ? "127.0.0.1" : text.substr(0, colon);
  in_addr parsed{};
  if (inet_pton(AF_INET, address.c_str(), &parsed) != 1) return false;
  const std::string digits = text.substr(colon + 1);
  if (digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos)
    return false;
  const unsigned long value = std::stoul(digits);
  if (value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return true;
}

const char* protocol_name(BridgeProtocol p) {
  return p == BridgeProtocol::smtp ? "SMTP" : p == BridgeProtocol::pop3 ? "POP3" : "IMAP";
}

}  // namespace

int serve_command(const Options& o, Lang lang) {
  struct Wanted {
    BridgeProtocol protocol;
    const char* option;
    const std::optional<std::string>& address;
  };
  const Wanted wanted[] = {{BridgeProtocol::smtp, "--smtp", o.smtp},
                           {BridgeProtocol::pop3, "--pop3", o.pop3},
                           {BridgeProtocol::imap, "--imap", o.imap}};
  if (!o.smtp && !o.pop3 && !o.imap) {
    std::cerr << Text(msg::kServeNothing).render(lang) << "\n";
    return 2;
  }
  double speed = 1;
  if (o.speed) {
    try {
      std::size_t used = 0;
      speed = std::stod(*o.speed, &used);
      if (used != o.speed->size() || !(speed > 0) || speed > 1e6) throw std::invalid_argument("");
    } catch (const std::exception&) {
      std::cerr << Text(msg::kServeBadSpeed, {{"value", *o.speed}}).render(lang) << "\n";
      return 2;
    }
  }
  BridgeLimits limits;
  if (o.max_connections) limits.connections = *o.max_connections;
  if (o.idle_timeout) {
    std::optional<sim::SimTime> idle;
    if (!parse_until(o.idle_timeout, lang, idle)) return 2;
    limits.idle = std::chrono::duration_cast<std::chrono::milliseconds>(*idle);
  }
  if (!check_tls_options(o, lang)) return 2;
  std::optional<std::uint64_t> seed;
  if (!parse_seed(o.seed, lang, seed)) return 2;
  auto started = start(o.scenario, seed, lang);
  if (!started) return 2;
  scenarios::ScenarioRun& run = *started;

  struct Listening {
    const Wanted* wanted;
    std::string address;
    std::uint16_t port = 0;
    BridgeTarget target;
  };
  std::vector<Listening> listens;
  for (const Wanted& w : wanted) {
    if (!w.address) continue;
    Listening l{&w, "", 0, {}};
    if (!parse_listen_address(*w.address, l.address, l.port)) {
      std::cerr
          << Text(msg::kServeBadAddress, {{"option", w.option}, {"value", *w.address}}).render(lang)
          << "\n";
      return 2;
    }
    const auto target = bridge_target(run.model(), w.protocol, o.host, w.option, lang);
    if (!target) return 2;
    l.target = *target;
    listens.push_back(std::move(l));
  }
  // STARTTLS is SMTP's here: the simulated POP3 and IMAP servers offer no STLS or STARTTLS.
  std::unique_ptr<TlsContext> tls;
  if (o.smtp) {
    bool failed = false;
    tls = make_tls(o, listens.front().target.host, lang, failed);
    if (failed) return 2;
  }
  BridgeTls bridge_tls{tls.get(),
                       [lang] { std::cerr << Text(msg::kServeTlsFailed).render(lang) << "\n"; }};

  Bridge bridge(run, limits, speed, bridge_tls);
  std::cout << run.model().title.in(lang) << "\n\n";
  for (const Listening& l : listens) {
    const Wanted& w = *l.wanted;
    const auto& address = l.address;
    const auto& target = l.target;
    std::string error;
    const std::string listening = bridge.listen(address, l.port, target, error);
    if (listening.empty()) {
      std::cerr << Text(msg::kServeCannotListen,
                        {{"option", w.option}, {"address", *w.address}, {"reason", error}})
                       .render(lang)
                << "\n";
      return 2;
    }
    if (address.rfind("127.", 0) != 0)
      std::cerr << Text(msg::kServeNotLoopback, {{"address", listening}}).render(lang) << "\n";
    std::cout << Text(msg::kServeListening, {{"protocol", protocol_name(w.protocol)},
                                             {"address", listening},
                                             {"host", target.host},
                                             {"port", std::to_string(target.port)},
                                             {"from", target.from}})
                     .render(lang)
              << "\n";
  }
  if (o.smtp) std::cout << describe_tls(o, tls.get(), lang) << "\n";
  std::ostringstream shown_speed;
  shown_speed << speed;
  std::cout << Text(msg::kServeStopHint, {{"speed", shown_speed.str()}}).render(lang) << "\n\n"
            << std::flush;

  agents::Level level = agents::Level::story;
  if (o.level) agents::parse_level(*o.level, level);
  agents::Storyteller teller(lang, level, scenarios::article_roles(run.model()));
  agents::MessageLedger ledger;
  NarrationPrinter printer(colours_wanted(1), lang);
  auto tell = [&](const std::vector<agents::NarrationLine>& lines) {
    for (const auto& line : lines)
      printer.sentence(line.time, line.text, tone_of(line.kind));
    if (!lines.empty()) std::cout << std::flush;  // a class watches it live
  };
  const auto narration = run.sim().trace().subscribe(
      [&](const sim::TraceRecord& r) { tell(teller.tell(r)); }, agents::Narrator::kinds_for(level));
  const auto journeys = run.sim().trace().subscribe(
      [&](const sim::TraceRecord& r) { ledger.observe(r); }, agents::MessageLedger::kinds());

  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  bridge.serve(stop_requested);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);

  run.sim().trace().unsubscribe(narration);
  tell(teller.finish());
  run.sim().trace().unsubscribe(journeys);
  if (report_failure(run, lang)) return 3;
  std::cout << "\n";
  for (const std::string& line : ledger.render(teller.narrator(), run.sim().now()))
    std::cout << line << "\n";
  std::cout << "\n"
            << counted(msg::kServeStopped, bridge.connections_accepted(), lang,
                       {{"time", sim::format_time(run.sim().now(), lang)}})
                   .render(lang)
            << "\n";
  return 0;
}

}  // namespace mailsim::cli
