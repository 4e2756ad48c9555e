#pragma once
// An SMTP server session (RFC 5321, with PIPELINING 2920, SIZE 1870, 8BITMIME 6152,
// ENHANCEDSTATUSCODES 2034, AUTH 4954 and a simulated STARTTLS 3207): bytes in through
// receive(), bytes out through the send callback. No sockets, no simulator, no clock but the
// time the owner passes in with each input; its one timer (the wait its state allows) goes out
// as timer actions (take_actions(), docs/protocols.md "One engine shape").
// docs/protocols/smtp.md describes the state machine in prose.
//
// Policy is the owner's business: at connect, HELO/EHLO, AUTH, MAIL, each RCPT, the end of
// DATA, VRFY and EXPN the session calls the policy callback and parks until the owner calls
// accept() or answer(); meanwhile further (pipelined) input is kept and handled afterwards.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/smtp/data_reader.hpp"
#include "agents/proto/smtp/reply.hpp"
#include "agents/proto/smtp/syntax.hpp"
#include "agents/proto/timer_actions.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::smtp {

using sim::SimTime;

enum class ServerState {
  connect,  // waiting for the owner's verdict on the client, nothing sent yet
  refused,  // "554" greeting sent: 503 to everything until QUIT (RFC 5321 3.1)
  greeted,  // "220" sent, waiting for HELO/EHLO
  ready,    // HELO/EHLO accepted, no mail transaction
  auth,     // inside an AUTH exchange (334 sent, waiting for the client's response)
  mail,     // MAIL accepted
  rcpt,     // at least one RCPT accepted
  data,     // "354" sent, reading the message
  closed,   // 221 or 421 sent; the owner closes the connection
};
std::string_view state_name(ServerState s);  // "MAIL", "RCPT", ...

struct ServerExtensions {  // what EHLO advertises (and therefore accepts)
  bool ehlo = true;        // false: an RFC 821 server, EHLO gets 502 and clients fall back to HELO
  bool pipelining = true;
  bool size = true;
  bool eight_bit_mime = true;
  bool enhanced_status_codes = true;
  bool auth = false;      // AUTH PLAIN LOGIN
  bool starttls = false;  // simulated
  bool help = true;
  // The owner answers EXPN (a mailing list host). Without it EXPN gets 502 and HELP does not
  // list it, as Exim lists EXPN only with an acl_smtp_expn.
  bool expn = false;
};

struct ServerTimeouts {                       // RFC 5321 4.5.3.2.7 asks at least 5 minutes
  SimTime command = std::chrono::minutes(5);  // waiting for a command or an AUTH response
  SimTime data = std::chrono::minutes(5);     // between two reads of the message (smtpd_timeout)
};

struct ServerTexts {          // texts of the positive replies, so a transcript can match the RFC's
  std::string greeting;       // after "220 "; empty: "<hostname> ESMTP MailSim"
  std::string ehlo_greeting;  // first EHLO line; empty: the hostname
  std::string ok = "Ok";
  std::string data_start = "End data with <CR><LF>.<CR><LF>";
  std::string queued = "Ok: queued";
  std::string quit = "Bye";
};

struct ServerConfig {
  std::string hostname = "localhost";
  ServerExtensions extensions;
  std::vector<std::string> extra_ehlo_keywords;  // advertised as given (e.g. "DSN")
  ServerTexts texts;
  std::size_t max_message_size = 10240000;  // Postfix message_size_limit; 0 = no limit
  std::size_t max_recipients = 1000;        // Postfix smtpd_recipient_limit
  std::size_t max_command_line = 512;       // octets with CRLF (4.5.3.1.4)
  std::size_t max_text_line = 0;      // octets with CRLF; 0: any length, as Postfix (DataLimits)
  std::size_t max_auth_line = 12288;  // RFC 4954 section 4
  EndOfDataMode end_of_data = EndOfDataMode::normalize;
  bool auth_required = false;      // submission: 530 before AUTH (RFC 6409, 4954)
  bool auth_requires_tls = false;  // AUTH offered only once encrypted
  int max_auth_failures = 3;       // then 421 and close
  ServerTimeouts timeouts;
};

// The mail transaction: created at MAIL, dropped at RSET, EHLO, HELO or the end of DATA.
struct Transaction {
  std::string reverse_path;  // empty for "<>"
  std::vector<Parameter> mail_parameters;
  std::optional<std::size_t> declared_size;  // SIZE=
  bool eight_bit = false;                    // BODY=8BITMIME
  std::vector<std::string> recipients;       // accepted RCPTs, in order
  std::string content;                       // the message, after the final dot
};

enum class PolicyStage { connect, helo, auth, mail, rcpt, message, vrfy, expn };
std::string_view stage_name(PolicyStage s);

struct PolicyQuery {
  PolicyStage stage;
  std::string_view argument;  // HELO name, MAIL/RCPT address, VRFY/EXPN string, AUTH mechanism
  std::string_view user;      // AUTH: authentication identity
  std::string_view password;  // AUTH
  const Transaction* transaction = nullptr;  // MAIL (parameters), RCPT, message
};

struct ServerEvent {
  // content_in: lines of the message in DATA as they came (dot-stuffed), each ending in CRLF:
  // a run of them at once, so that a session spends nothing per line when no one listens.
  // A line kept short of its full length, or ended by a bare LF, is given as kept, with CRLF.
  enum class Kind { line_in, line_out, content_in, transition, policy_query, tls_started };
  Kind kind;
  ServerState from;
  ServerState to;
  std::string_view text;  // the line (without CRLF), the content's lines, or the stage's name
};

class ServerSession {
 public:
  // The bytes to write, handed over: a transport may keep them instead of copying.
  using Send = std::function<void(std::string bytes)>;
  using Policy = std::function<void(const PolicyQuery&)>;
  using Observer = std::function<void(const ServerEvent&)>;

  ServerSession(ServerConfig config, Send send, Policy policy = {}, Observer observer = {});
  ~ServerSession();
  ServerSession(const ServerSession&) = delete;
  ServerSession& operator=(const ServerSession&) = delete;

  void start(SimTime now);                            // the client connected
  void receive(std::string_view bytes, SimTime now);  // any split of the client's bytes

  // The owner's verdict on the pending query: accept() gives the standard positive reply;
  // answer() gives the owner's own reply (2xx accepts, 4xx/5xx refuses; at connect 554 enters
  // the refusing mode and 421 closes). Throws std::logic_error when nothing is pending.
  void accept(SimTime now);
  void answer(Reply reply, SimTime now);
  bool waiting_for_policy() const { return pending_.has_value(); }

  // The owner's timer (DeadlineTimer::kId) fired at `now`: closes with 421 if the state's wait
  // has passed; an early or stale firing does nothing. True if it closed.
  bool on_timer(TimerId timer, SimTime now);
  // The timer actions decided since the last call: after each input, the owner carries them
  // out. The timer runs while the session waits for the client (none while closed or while
  // the owner decides a policy question).
  TimerActions take_actions() { return timer_.take_actions(); }
  void shutdown(SimTime now);  // 421, then closed

  ServerState state() const { return state_; }
  bool closed() const { return state_ == ServerState::closed; }
  bool encrypted() const { return encrypted_; }
  bool esmtp() const { return esmtp_; }
  const std::string& helo_name() const { return helo_name_; }
  const std::string& authenticated_user() const { return auth_user_; }
  const Transaction* transaction() const { return transaction_.get(); }
  // The "with" word of the Received: header (RFC 3848): SMTP, ESMTP, ESMTPA, ESMTPS, ESMTPSA.
  std::string_view received_protocol() const;
  const ServerConfig& config() const { return config_; }

 private:
  struct Command;
  enum class AuthStep { none, plain_response, login_user, login_password };

  // [framing] server_session.cpp
  void drive(SimTime now);
  void pump();
  void handle_line(std::string_view line, bool crlf);
  void finish_data();
  void enter_state(ServerState next);
  void reply(const Reply& r);
  void reply(int code, std::string_view enhanced, std::string_view text);
  void close_with(int code, std::string_view enhanced, std::string_view text);
  void ask(PolicyStage stage, PolicyQuery query);
  void give_verdict(Reply verdict, SimTime now);
  void take_verdict();
  void resolve(const Reply& verdict);
  Reply default_verdict(PolicyStage stage) const;
  std::size_t line_limit() const;
  void reset_transaction();
  std::optional<SimTime> deadline() const;

  // [commands] server_commands.cpp: one check and one proceed per command.
  bool check_helo(std::string_view arg);
  bool check_ehlo(std::string_view arg);
  bool check_hello_name(std::string_view arg, std::string_view verb);
  void proceed_helo(std::string_view arg);
  void proceed_ehlo(std::string_view arg);
  bool check_mail(std::string_view arg);
  void proceed_mail(std::string_view arg);
  bool check_rcpt(std::string_view arg);
  void proceed_rcpt(std::string_view arg);
  bool check_data(std::string_view arg);
  void proceed_data(std::string_view arg);
  bool check_no_argument(std::string_view arg);
  void proceed_rset(std::string_view arg);
  void proceed_noop(std::string_view arg);
  void proceed_quit(std::string_view arg);
  bool check_vrfy(std::string_view arg);
  bool check_expn(std::string_view arg);
  void proceed_vrfy(std::string_view arg);
  void proceed_expn(std::string_view arg);
  bool check_help(std::string_view arg);
  void proceed_help(std::string_view arg);
  bool accepts_now(std::string_view verb) const;  // what HELP lists
  void send_ehlo_reply_with(Reply first);
  void resolve_stage(PolicyStage stage, const Reply& verdict);
  static const Command* find_command(std::string_view verb);

  // [auth] server_auth.cpp: AUTH PLAIN/LOGIN and STARTTLS.
  bool check_auth(std::string_view arg);
  void proceed_auth(std::string_view arg);
  void auth_response(std::string_view line);
  void auth_credentials(std::string_view decoded_plain);
  void auth_finished(const Reply& verdict);
  void auth_abort(int code, std::string_view enhanced, std::string_view text);
  bool check_starttls(std::string_view arg);
  void proceed_starttls(std::string_view arg);
  bool auth_offered() const;

  ServerConfig config_;
  Send send_;
  Policy policy_;
  Observer observer_;

  ServerState state_ = ServerState::connect;
  SimTime last_activity_{0};
  DeadlineTimer timer_;  // runs until deadline(), moved when drive() returns
  static constexpr std::size_t kMaxParkedInput = 256 * 1024;  // input kept while the owner decides
  std::string in_;                                            // received bytes not yet handled
  std::string incoming_;     // bytes received while in_ was being parsed
  std::size_t scanned_ = 0;  // in_[0, scanned_) holds no LF
  bool discarding_ = false;  // inside a command line over the limit
  bool drop_input_ = false;  // STARTTLS accepted: forget the rest of the input
  std::string out_;          // replies waiting to be flushed in one write
  // Inside drive() or the policy call: a call from inside only leaves its input (bytes in
  // incoming_, a verdict in verdict_) for the running code (docs/architecture.md).
  bool busy_ = false;

  std::optional<PolicyStage> pending_;
  std::optional<Reply> verdict_;  // the owner's verdict, until the running code takes it
  std::string pending_argument_;  // the HELO name or address the query was about

  std::string helo_name_;
  bool esmtp_ = false;
  bool encrypted_ = false;
  std::string auth_user_;
  AuthStep auth_step_ = AuthStep::none;
  std::string auth_login_user_;
  std::string auth_password_;
  int auth_failures_ = 0;
  std::unique_ptr<Transaction> transaction_;
  std::unique_ptr<DataReader> data_;
};

}  // namespace mailsim::proto::smtp
