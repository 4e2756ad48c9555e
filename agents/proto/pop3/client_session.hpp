#pragma once
// A POP3 client session (RFC 1939) as a mail user agent drives it: log in with USER/PASS,
// list the maildrop with UIDL, retrieve every message not seen before, delete what it
// retrieved when asked to, QUIT. The commands are sent one at a time, each after the previous
// answer. The one engine shape of docs/protocols.md: inputs with the time (start, receive,
// on_timer), bytes out through send, the answer timer out through take_actions(); a server
// silent for answer_timeout fails the session (timed_out) without a word.
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/mailbox/dialogue_event.hpp"
#include "agents/proto/mailbox/line_reader.hpp"
#include "agents/proto/timer_actions.hpp"

namespace mailsim::proto::pop3 {

struct ClientJob {
  std::string user;
  std::string password;
  bool delete_after_retrieve = false;  // false: leave the messages on the server
  std::set<std::string> known_ids;     // UIDL unique-ids already downloaded: not retrieved again
};

struct RetrievedMessage {
  std::size_t number = 0;  // message number in this session
  std::string unique_id;   // from UIDL; empty if the server has no UIDL
  std::string content;     // dot-stuffing removed, CRLF line ends
};

enum class ClientStep { greeting, user, pass, uidl, list, retr, dele, quit, done, failed };

// Why a session failed.
enum class ClientFailure {
  none,
  refused,          // the server answered -ERR
  malformed,        // an answer that is not POP3 (error_line() holds it)
  answer_too_long,  // a line over 64 KiB
  timed_out,        // the server said nothing for the answer timeout
};

class ClientSession {
 public:
  using Send = std::function<void(std::string_view bytes)>;

  ClientSession(ClientJob job, Send send, sim::SimTime answer_timeout = std::chrono::minutes(5));

  // Inputs, each with the time.
  void start(sim::SimTime now) { answer_.restart(now); }  // connected: the greeting is awaited
  void receive(std::string_view bytes, sim::SimTime now);
  void on_timer(TimerId timer, sim::SimTime now);  // the answer timeout, if it has passed
  // Outputs besides the bytes: the answer timer, restarted with each input, cancelled at the end.
  TimerActions take_actions() { return answer_.take_actions(); }

  ClientStep step() const { return step_; }
  bool finished() const { return step_ == ClientStep::done || step_ == ClientStep::failed; }
  // When failed: why, the step that failed and the server line that made it fail.
  ClientFailure failure() const { return failure_; }
  ClientStep failed_step() const { return failed_step_; }
  const std::string& error_line() const { return error_line_; }
  const std::vector<RetrievedMessage>& messages() const { return messages_; }
  // Called with each line read or written, and with each message retrieved, whole.
  void on_dialogue(mailbox::DialogueObserver observer) { dialogue_ = std::move(observer); }

 private:
  void read_answers();
  void handle_status(std::string_view line);
  void handle_listing_line(std::string_view line);
  void after_listing();
  void next_retrieval();
  void next_deletion();
  void send_command(ClientStep step, std::string_view command);
  void send_line(std::string_view line);
  void fail(ClientFailure why, std::string_view line);

  ClientJob job_;
  Send send_;
  mailbox::LineReader reader_;
  SilenceTimer answer_;
  bool receiving_ = false;  // inside receive(): see mailbox::ReceiveGuard
  ClientStep step_ = ClientStep::greeting;
  ClientFailure failure_ = ClientFailure::none;
  ClientStep failed_step_ = ClientStep::greeting;
  std::string error_line_;
  bool in_multiline_ = false;                      // reading the body of a multi-line answer
  std::string body_;                               // the multi-line body read so far
  std::uint64_t body_lines_ = 0, body_bytes_ = 0;  // ...and its size as it came
  mailbox::DialogueObserver dialogue_;
  struct Listed {
    std::size_t number;
    std::string unique_id;
  };
  std::vector<Listed> to_fetch_;
  std::size_t fetch_index_ = 0;
  std::size_t delete_index_ = 0;
  std::vector<RetrievedMessage> messages_;
};

}  // namespace mailsim::proto::pop3
