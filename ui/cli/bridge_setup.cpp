#include "ui/cli/bridge_setup.hpp"

#include <arpa/inet.h>

#include <iostream>

#include "ui/cli/bridge_targets.hpp"
#include "ui/cli/serve_text.hpp"
#include "ui/cli/serve_tls.hpp"

namespace mailsim::cli {

namespace {

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

std::unique_ptr<BridgeSetup> open_bridges(const Options& o, scenarios::ScenarioRun& run,
                                          BridgeLimits limits, double speed, Lang lang) {
  struct Wanted {
    BridgeProtocol protocol;
    const char* option;
    const std::optional<std::string>& address;
  };
  const Wanted wanted[] = {{BridgeProtocol::smtp, "--smtp", o.smtp},
                           {BridgeProtocol::pop3, "--pop3", o.pop3},
                           {BridgeProtocol::imap, "--imap", o.imap}};
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
      return nullptr;
    }
    const auto target = bridge_target(run.model(), w.protocol, o.host, w.option, lang);
    if (!target) return nullptr;
    l.target = *target;
    listens.push_back(std::move(l));
  }
  auto made = std::make_unique<BridgeSetup>();
  // STARTTLS is SMTP's here: the simulated POP3 and IMAP servers offer no STLS or STARTTLS.
  if (o.smtp) {
    bool failed = false;
    made->tls = make_tls(o, listens.front().target.host, lang, failed);
    if (failed) return nullptr;
  }
  BridgeTls bridge_tls{made->tls.get(),
                       [lang] { std::cerr << Text(msg::kServeTlsFailed).render(lang) << "\n"; }};
  made->bridge = std::make_unique<Bridge>(run, limits, speed, bridge_tls);
  Bridge& bridge = *made->bridge;
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
      return nullptr;
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
  if (o.smtp) std::cout << describe_tls(o, made->tls.get(), lang) << "\n";
  return made;
}

}  // namespace mailsim::cli
