#pragma once
// What the POP3 and IMAP timer tests drive by hand: a server session over the sample store
// with its idle limit, keeping what it sends and giving its timer actions as text; and a
// client run against such a server to the end of the dialogue.
#include <string>
#include <string_view>
#include <vector>

#include "tests/mailbox/loopback.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/proto_common/timer_text.hpp"

namespace mailsim::test {

template <class Session, class Config>
struct TimedServer {
  explicit TimedServer(sim::SimTime idle_timeout)
      : store(make_sample_store()),
        session(store, config(idle_timeout), [this](std::string_view b) { sent += b; }) {}
  static Config config(sim::SimTime idle_timeout) {
    Config c;
    c.idle_timeout = idle_timeout;
    return c;
  }
  std::vector<std::string> timers() { return timer_texts(session.take_actions()); }

  proto::mailbox::MailStore store;
  std::string sent;
  Session session;
};

// Runs `client`, which sends through `net`, against a Server session over the sample store
// until neither has anything more to say; the client's timer actions, in order.
template <class Server, class Client>
std::vector<std::string> client_timers_to_the_end(Client& client, Loopback& net) {
  auto store = make_sample_store();
  Server server(store, {}, net.server_send());
  client.start(net.now);
  server.start(net.now);
  net.pump(client, server);
  return timer_texts(client.take_actions());
}

}  // namespace mailsim::test
