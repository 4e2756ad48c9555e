#pragma once
// A server session with its output captured, and a scriptable policy, for the tests.
#include <map>
#include <string>
#include <vector>

#include "agents/proto/smtp/server_session.hpp"

namespace mailsim::proto::smtp::testing {

inline SimTime at(int seconds) {
  return std::chrono::seconds(seconds);
}

struct ServerHarness {
  std::string out;                               // every byte the server sent
  std::vector<std::string> messages;             // contents accepted at the end of DATA
  std::vector<PolicyQuery> queries;              // stages asked, in order (views not kept)
  std::vector<std::string> transitions;          // "MAIL -> RCPT"
  std::map<std::string, Reply> refuse_rcpt;      // address -> reply
  std::map<std::string, std::string> passwords;  // user -> password for AUTH
  bool defer_answers = false;                    // the test answers later, by hand
  ServerSession session;

  explicit ServerHarness(ServerConfig config = {})
      : session(
            std::move(config), [this](std::string_view b) { out += b; },
            [this](const PolicyQuery& q) { on_query(q); },
            [this](const ServerEvent& e) {
              if (e.kind == ServerEvent::Kind::transition) {
                transitions.push_back(std::string(state_name(e.from)) + " -> " +
                                      std::string(state_name(e.to)));
              }
            }) {}

  void on_query(const PolicyQuery& q) {
    queries.push_back(PolicyQuery{q.stage, {}, {}, {}, nullptr});
    if (defer_answers) return;
    switch (q.stage) {
      case PolicyStage::rcpt:
        if (auto it = refuse_rcpt.find(std::string(q.argument)); it != refuse_rcpt.end()) {
          session.answer(it->second, at(0));
          return;
        }
        break;
      case PolicyStage::auth: {
        auto it = passwords.find(std::string(q.user));
        if (it == passwords.end() || it->second != q.password) {
          session.answer(Reply(535, "5.7.8", "Authentication credentials invalid"), at(0));
          return;
        }
        break;
      }
      case PolicyStage::message:
        messages.push_back(q.transaction->content);
        break;
      default:
        break;
    }
    session.accept(at(0));
  }

  // Sends bytes and returns what the server answered to them.
  std::string send(std::string_view bytes, SimTime now = at(0)) {
    const std::size_t before = out.size();
    session.receive(bytes, now);
    return out.substr(before);
  }
  std::string start() {
    session.start(at(0));
    return out;
  }
  std::string greeted() {  // started and past EHLO
    start();
    send("EHLO client.example\r\n");
    return out;
  }
};

}  // namespace mailsim::proto::smtp::testing
