#pragma once
// An IMAP4rev1 server session (RFC 3501 subset), in the one engine shape of docs/protocols.md:
// inputs with the time (start, receive, on_timer), bytes out through the send callback, timer
// actions out through take_actions(); no sockets, no clock.
//
// States (RFC 3501 3): not authenticated -> LOGIN -> authenticated -> SELECT/EXAMINE ->
// selected -> CLOSE/UNSELECT back to authenticated; LOGOUT from any state. Every command has
// one row in the command table naming the states it is valid in; anything else gets BAD, and
// a valid command that cannot be done gets NO.
//
// The session keeps its own view of the selected folder: the UID of each sequence number
// and which messages are \Recent for it. Changes made by other sessions are reported at
// NOOP and CHECK (EXPUNGE, EXISTS, RECENT).
//
// A client silent for idle_timeout gets "* BYE Autologout; idle for too long" and the session
// ends (RFC 3501 5.4), in the state it was in.
#include <chrono>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/imap/arg_parser.hpp"
#include "agents/proto/imap/literal_reader.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "agents/proto/timer_actions.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::imap {

enum class State { not_authenticated, authenticated, selected, logout };
std::string_view state_name(State s);

struct ServerConfig {
  std::string hostname = "localhost";
  std::size_t max_line = 8192;          // one line of a command, literals excluded
  std::size_t max_literal = 16u << 20;  // a literal, and a whole command
  // The scenario's calendar (the date of simulated time zero and the zone), for INTERNALDATE
  // and the dates of APPEND and SEARCH; the default is imf's (2026-03-02T08:00:00Z).
  imf::ScenarioClock calendar;
  sim::SimTime idle_timeout = std::chrono::minutes(30);  // RFC 3501 5.4: at least 30 minutes
};

class ServerSession {
 public:
  using Send = std::function<void(std::string_view bytes)>;

  ServerSession(mailbox::MailStore& store, ServerConfig config, Send send);

  // Inputs, each with the time (an APPEND without a date takes the time of its input).
  void start(sim::SimTime now);  // sends the greeting
  void receive(std::string_view bytes, sim::SimTime now);
  void on_timer(TimerId timer, sim::SimTime now);  // the idle limit, if it has passed
  // Outputs besides the bytes: the idle timer, started with each input and cancelled at the end.
  TimerActions take_actions() { return idle_.take_actions(); }

  State state() const { return state_; }
  // Ended: LOGOUT done, or the client dropped for idling (the owner closes the connection).
  bool closed() const { return state_ == State::logout || idled_out_; }
  bool idled_out() const { return idled_out_; }
  // Called at every state change, for the trace and the window.
  void on_state_change(std::function<void(State from, State to)> observer) {
    observer_ = std::move(observer);
  }
  // Called with each line read or written, and with each literal read or written, whole.
  void on_dialogue(mailbox::DialogueObserver observer) {
    reader_.report_to(observer);
    dialogue_ = std::move(observer);
  }

 private:
  struct Command;
  using Handler = void (ServerSession::*)(const std::string& tag, ArgParser& args, bool uid);

  void enter_state(State next);
  void handle_command(std::string_view text);
  void handle_input();                 // every event the reader has ready
  void write(std::string_view bytes);  // tells the observer, then sends or keeps for flush()
  bool flush();                        // sends what receive() kept; false when nothing
  void untagged(std::string_view text);
  void tagged(const std::string& tag, std::string_view status, std::string_view text);
  void bad_syntax(const std::string& tag, std::string_view command, const ArgParser& args);
  bool expect_end(const std::string& tag, std::string_view command, ArgParser& args);

  // The selected folder.
  void select_folder(const std::string& tag, ArgParser& args, bool read_only);
  void leave_folder();
  void sync_updates();  // EXPUNGE / EXISTS / RECENT for changes by others
  void report_expunged(const std::vector<std::uint32_t>& uids);
  mailbox::Flags shown_flags(const mailbox::StoredMessage& m) const;
  const mailbox::StoredMessage* find(std::uint32_t uid) const;
  // Indexes (0-based sequence positions) a sequence or UID set names; nullopt after
  // answering BAD for an invalid set.
  std::optional<std::vector<std::size_t>> resolve(const std::string& tag, std::string_view command,
                                                  ArgParser& args, bool uid);

  void cmd_capability(const std::string& tag, ArgParser& args, bool uid);
  void cmd_noop(const std::string& tag, ArgParser& args, bool uid);
  void cmd_check(const std::string& tag, ArgParser& args, bool uid);
  void cmd_logout(const std::string& tag, ArgParser& args, bool uid);
  void cmd_login(const std::string& tag, ArgParser& args, bool uid);
  void cmd_list(const std::string& tag, ArgParser& args, bool uid);
  void cmd_lsub(const std::string& tag, ArgParser& args, bool uid);
  void cmd_status(const std::string& tag, ArgParser& args, bool uid);
  void cmd_create(const std::string& tag, ArgParser& args, bool uid);
  void cmd_delete(const std::string& tag, ArgParser& args, bool uid);
  void cmd_rename(const std::string& tag, ArgParser& args, bool uid);
  void cmd_subscribe(const std::string& tag, ArgParser& args, bool uid);
  void cmd_unsubscribe(const std::string& tag, ArgParser& args, bool uid);
  void cmd_select(const std::string& tag, ArgParser& args, bool uid);
  void cmd_examine(const std::string& tag, ArgParser& args, bool uid);
  void cmd_fetch(const std::string& tag, ArgParser& args, bool uid);
  void cmd_store(const std::string& tag, ArgParser& args, bool uid);
  void cmd_search(const std::string& tag, ArgParser& args, bool uid);
  void cmd_expunge(const std::string& tag, ArgParser& args, bool uid);
  void cmd_close(const std::string& tag, ArgParser& args, bool uid);
  void cmd_unselect(const std::string& tag, ArgParser& args, bool uid);
  void cmd_append(const std::string& tag, ArgParser& args, bool uid);
  void cmd_copy(const std::string& tag, ArgParser& args, bool uid);
  void cmd_uid(const std::string& tag, ArgParser& args, bool uid);
  void list_like(const std::string& tag, ArgParser& args, std::string_view command);
  // Names matching a LIST pattern, with their attributes; LSUB's when subscribed_only.
  std::vector<std::pair<std::string, std::string_view>> list_entries(std::string_view pattern,
                                                                     bool subscribed_only) const;
  bool has_name(std::string_view name) const;  // a mailbox or a \Noselect level
  std::vector<std::string> inferiors(std::string_view name) const;  // every name under it

  static const Command kCommands[];

  mailbox::MailStore& store_;
  ServerConfig config_;
  Send send_;
  LiteralReader reader_;
  SilenceTimer idle_;
  bool idled_out_ = false;
  sim::SimTime now_{0};     // the time of the input being handled
  bool receiving_ = false;  // inside receive(): see mailbox::ReceiveGuard
  std::string pending_;     // answers written inside receive(), not sent yet
  State state_ = State::not_authenticated;
  std::function<void(State, State)> observer_;
  mailbox::DialogueObserver dialogue_;
  std::string user_;
  std::string folder_;               // selected folder, as the store names it
  bool read_only_ = false;           // EXAMINE
  std::vector<std::uint32_t> uids_;  // UID of each sequence number, ascending
  std::set<std::uint32_t> recent_;   // messages \Recent for this session
};

}  // namespace mailsim::proto::imap
