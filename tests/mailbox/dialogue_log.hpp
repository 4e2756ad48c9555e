#pragma once
// Keeps what a POP3 or IMAP session tells its dialogue observer, one entry per event:
// "< line" read, "> line" written, "<content 12 lines 315 bytes" read whole, "> content..."
// written whole.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "agents/proto/mailbox/dialogue_event.hpp"
#include "tests/mailbox/loopback.hpp"

namespace mailsim::test {

struct DialogueLog {
  std::vector<std::string> events;

  proto::mailbox::DialogueObserver observer() {
    return [this](const proto::mailbox::DialogueEvent& e) {
      using Kind = proto::mailbox::DialogueEvent::Kind;
      const bool in = e.kind == Kind::line_in || e.kind == Kind::content_in;
      if (e.kind == Kind::line_in || e.kind == Kind::line_out)
        events.push_back(fmt::format("{} {}", in ? "<" : ">", e.text));
      else
        events.push_back(
            fmt::format("{}content {} lines {} bytes", in ? "<" : ">", e.lines, e.bytes));
    };
  }
  // The entries about content only.
  std::vector<std::string> contents() const {
    std::vector<std::string> out;
    for (const auto& e : events)
      if (e.find("content ") == 1) out.push_back(e);
    return out;
  }
  // The same, as the other side reads or writes them.
  std::vector<std::string> mirrored_contents() const {
    std::vector<std::string> out = contents();
    for (auto& e : out)
      e[0] = e[0] == '<' ? '>' : '<';
    return out;
  }
};

// Runs `client` against `server` over `net`, each side telling its dialogue to its log.
template <class Client, class Server>
void run_observed(Loopback& net, Client& client, Server& server, DialogueLog& client_log,
                  DialogueLog& server_log) {
  client.on_dialogue(client_log.observer());
  server.on_dialogue(server_log.observer());
  server.start(net.now);
  net.pump(client, server);
}

}  // namespace mailsim::test
