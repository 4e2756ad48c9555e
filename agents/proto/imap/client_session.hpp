#pragma once
// An IMAP client session as a mail user agent drives it: LOGIN, SELECT the folder, find the
// messages to fetch (UID SEARCH UNSEEN, or ALL), UID FETCH them with BODY.PEEK[], mark them
// \Seen (and \Deleted + EXPUNGE when asked), LOGOUT. Strings that need it go as literals,
// each sent after the server's "+"; literals in the server's answers are read whatever the
// split of the bytes. The one engine shape of docs/protocols.md: inputs with the time (start,
// receive, on_timer), bytes out through send, the answer timer out through take_actions(); a
// server silent for answer_timeout fails the session (timed_out) without a word.
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/imap/literal_reader.hpp"
#include "agents/proto/mailbox/flags.hpp"
#include "agents/proto/timer_actions.hpp"

namespace mailsim::proto::imap {

struct ClientJob {
  std::string user;
  std::string password;
  std::string folder = "INBOX";
  bool only_unseen = true;          // false: fetch every message of the folder
  bool delete_after_fetch = false;  // flag \Deleted and EXPUNGE what was fetched
};

struct FetchedMessage {
  std::uint32_t uid = 0;
  mailbox::Flags flags;  // as the server listed them, before this client marked them
  std::string content;
};

enum class ClientStep {
  greeting,
  login,
  select,
  search,
  fetch,
  store,
  expunge,
  logout,
  done,
  failed
};

// Why a session failed.
enum class ClientFailure {
  none,
  refused,          // NO, BAD, or BYE from the server (error_line() holds it)
  malformed,        // an answer that is not what IMAP allows here (error_line() holds it)
  answer_too_long,  // a line over 64 KiB (16 MiB for "* SEARCH") or a literal over 64 MiB
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
  ClientFailure failure() const { return failure_; }
  ClientStep failed_step() const { return failed_step_; }
  const std::string& error_line() const { return error_line_; }  // the answer that failed
  const std::vector<FetchedMessage>& messages() const { return messages_; }
  std::uint32_t uid_validity() const { return uid_validity_; }
  std::uint32_t exists() const { return exists_; }
  // Called with each line read or written, and with each literal read or written, whole.
  void on_dialogue(mailbox::DialogueObserver observer) {
    reader_.report_to(observer);
    dialogue_ = std::move(observer);
  }

 private:
  void read_answers();
  void send_command(ClientStep step, std::string_view text);
  void send_next_piece();
  void handle_response(std::string_view text);
  void handle_untagged(std::string_view text);
  void handle_fetch(std::uint32_t seq, std::string_view items);
  void advance();  // the current command completed with OK
  void send_fetch_batch();
  void send_store_batch();
  void fail(ClientFailure why, std::string_view line);

  ClientJob job_;
  Send send_;
  LiteralReader reader_;
  SilenceTimer answer_;
  bool receiving_ = false;  // inside receive(): see mailbox::ReceiveGuard
  ClientStep step_ = ClientStep::greeting;
  ClientFailure failure_ = ClientFailure::none;
  ClientStep failed_step_ = ClientStep::greeting;
  std::string error_line_;
  unsigned next_tag_ = 1;
  std::string tag_;                 // of the command in progress
  std::deque<std::string> pieces_;  // the rest of a command, each sent after a "+"
  std::size_t literal_ = 0;         // the size of the literal the next piece starts with
  mailbox::DialogueObserver dialogue_;
  std::uint32_t uid_validity_ = 0;
  std::uint32_t exists_ = 0;
  std::vector<std::uint32_t> found_;  // UIDs from SEARCH
  std::vector<FetchedMessage> messages_;
  std::vector<std::string> batches_;  // UID sets of the FETCH or STORE commands to send
  std::size_t next_batch_ = 0;
};

// "1:3,7" for {1,2,3,7}: a UID set kept short for long lists.
std::string compact_uid_set(std::vector<std::uint32_t> uids);
// The same set cut into sets of at most `max_chars` (one range may pass it), in order.
std::vector<std::string> uid_set_batches(std::vector<std::uint32_t> uids, std::size_t max_chars);

}  // namespace mailsim::proto::imap
