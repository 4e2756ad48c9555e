#pragma once
// A POP3 server session (RFC 1939, with CAPA of RFC 2449), in the one engine shape of
// docs/protocols.md: inputs with the time (start, receive, on_timer), bytes out through the
// send callback, timer actions out through take_actions(). No sockets, no clock: the agent that
// owns it carries the bytes and runs the timer.
//
// States (RFC 1939 section 3): AUTHORIZATION until USER and PASS succeed; TRANSACTION works
// on a snapshot of the INBOX taken at login, where DELE only marks; QUIT in TRANSACTION enters
// UPDATE, removes the marked messages from the store, and closes. Every command has one row
// in the command table, naming the states it is valid in. A client silent for idle_timeout is
// dropped without a word and without UPDATE (RFC 1939 3: nothing it marked is deleted).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/mailbox/dialogue_event.hpp"
#include "agents/proto/mailbox/line_reader.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "agents/proto/timer_actions.hpp"

namespace mailsim::proto::pop3 {

enum class State { authorization, transaction, update, closed };
std::string_view state_name(State s);

struct ServerConfig {
  std::string hostname = "localhost";  // shown in the greeting
  std::size_t max_line = 512;          // RFC 2449: commands up to 255 octets; we allow more
  sim::SimTime idle_timeout = std::chrono::minutes(10);  // RFC 1939 3: at least 10 minutes
};

class ServerSession {
 public:
  using Send = std::function<void(std::string_view bytes)>;

  ServerSession(mailbox::MailStore& store, ServerConfig config, Send send);

  // Inputs, each with the time.
  void start(sim::SimTime now);                            // sends the greeting
  void receive(std::string_view bytes, sim::SimTime now);  // any split of the client's bytes
  void on_timer(TimerId timer, sim::SimTime now);          // the idle limit, if it has passed
  // Outputs besides the bytes: the idle timer, started with each input and cancelled at the end.
  TimerActions take_actions() { return idle_.take_actions(); }

  State state() const { return state_; }
  // Ended: QUIT done, or the client dropped for idling (the owner closes the connection).
  bool closed() const { return state_ == State::closed || idled_out_; }
  bool idled_out() const { return idled_out_; }
  const std::string& user() const { return user_; }
  // Called at every state change, for the trace and the window.
  void on_state_change(std::function<void(State from, State to)> observer) {
    observer_ = std::move(observer);
  }
  // Called with each line read or written, and with each message sent (RETR, TOP) whole.
  void on_dialogue(mailbox::DialogueObserver observer) { dialogue_ = std::move(observer); }

 private:
  struct Entry {  // one message of the maildrop as seen at login
    std::uint32_t uid;
    std::size_t size;
    bool deleted = false;
  };
  struct Command;

  void enter_state(State next);
  void handle_line(std::string_view line);
  void reply(std::string_view line);            // adds CRLF
  enum class Body : bool { listing, message };  // a listing's lines are told one by one
  void reply_multiline(std::string_view first, std::string_view body, Body what);
  // Parses "n" into an index of a message not marked deleted; replies -ERR and returns
  // nullopt otherwise.
  std::optional<std::size_t> message_arg(std::string_view arg);
  const mailbox::StoredMessage* stored(std::size_t index) const;

  void cmd_user(std::string_view arg);
  void cmd_pass(std::string_view arg);
  void cmd_quit(std::string_view arg);
  void cmd_capa(std::string_view arg);
  void cmd_stat(std::string_view arg);
  void cmd_list(std::string_view arg);
  void cmd_uidl(std::string_view arg);
  void cmd_retr(std::string_view arg);
  void cmd_top(std::string_view arg);
  void cmd_dele(std::string_view arg);
  void cmd_rset(std::string_view arg);
  void cmd_noop(std::string_view arg);

  static const Command kCommands[];

  mailbox::MailStore& store_;
  ServerConfig config_;
  Send send_;
  mailbox::LineReader reader_;
  SilenceTimer idle_;
  bool idled_out_ = false;
  bool receiving_ = false;  // inside receive(): see mailbox::ReceiveGuard
  State state_ = State::authorization;
  std::function<void(State, State)> observer_;
  mailbox::DialogueObserver dialogue_;
  std::string user_;  // after USER (and kept after login)
  bool user_given_ = false;
  std::uint32_t uid_validity_ = 0;
  std::vector<Entry> maildrop_;  // TRANSACTION snapshot
};

}  // namespace mailsim::proto::pop3
