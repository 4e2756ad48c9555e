// [auth] AUTH PLAIN and LOGIN (RFC 4954, MS-XLOGIN for LOGIN) and the simulated STARTTLS
// (RFC 3207) of the server session.
#include "agents/proto/base64.hpp"
#include "agents/proto/smtp/server_command.hpp"

namespace mailsim::proto::smtp {

bool ServerSession::auth_offered() const {
  return config_.extensions.auth && (!config_.auth_requires_tls || encrypted_);
}

bool ServerSession::check_auth(std::string_view arg) {
  if (!config_.extensions.auth) {
    reply(503, "5.5.1", "Error: authentication not enabled");
  } else if (helo_name_.empty() || !esmtp_) {
    reply(503, "5.5.1", "Error: send EHLO first");
  } else if (!auth_user_.empty()) {
    reply(503, "5.5.1", "Error: already authenticated");
  } else if (transaction_) {
    reply(503, "5.5.1", "Error: MAIL transaction in progress");
  } else if (!auth_offered()) {
    // Postfix's words (smtpd_sasl_proto.c, smtpd_tls_auth_only): 504 5.5.4 with the text of
    // RFC 4954 4's 538 5.7.11, a code no mail client needs to know.
    reply(504, "5.5.4", "Encryption required for requested authentication mechanism");
  } else if (arg.empty()) {
    reply(501, "5.5.4", "Syntax: AUTH mechanism");
  } else {
    const CommandLine mech = split_command(arg);
    if (mech.verb == "PLAIN" || mech.verb == "LOGIN") return true;
    reply(504, "5.5.4", "Unrecognized authentication type");
  }
  return false;
}

void ServerSession::proceed_auth(std::string_view arg) {
  const CommandLine mech = split_command(arg);
  const std::string_view initial = mech.arg;
  enter_state(ServerState::auth);
  if (mech.verb == "PLAIN") {
    auth_step_ = AuthStep::plain_response;
    if (initial.empty()) {
      reply(334, "", "");  // RFC 4954: an empty challenge is "334 "
      return;
    }
  } else {
    auth_step_ = AuthStep::login_user;
    if (initial.empty()) {
      reply(334, "", base64_encode("Username:"));
      return;
    }
  }
  auth_response(initial);
}

void ServerSession::auth_abort(int code, std::string_view enhanced, std::string_view text) {
  auth_step_ = AuthStep::none;
  auth_login_user_.clear();
  reply(code, enhanced, text);
  enter_state(ServerState::ready);
}

// One client response in the exchange: "*" cancels, "=" is an empty initial response.
void ServerSession::auth_response(std::string_view line) {
  if (line == "*") {
    auth_abort(501, "5.7.0", "Authentication aborted");
    return;
  }
  std::optional<std::string> decoded =
      line == "=" ? std::optional<std::string>(std::string()) : base64_decode(line);
  if (!decoded) {
    auth_abort(501, "5.5.2", "Cannot decode response");
    return;
  }
  switch (auth_step_) {
    case AuthStep::plain_response:
      auth_credentials(*decoded);
      return;
    case AuthStep::login_user:
      auth_login_user_ = std::move(*decoded);
      auth_step_ = AuthStep::login_password;
      reply(334, "", base64_encode("Password:"));
      return;
    case AuthStep::login_password:
      auth_step_ = AuthStep::none;
      auth_password_ = std::move(*decoded);
      ask(PolicyStage::auth,
          PolicyQuery{PolicyStage::auth, "LOGIN", auth_login_user_, auth_password_, nullptr});
      return;
    case AuthStep::none:
      break;
  }
  auth_abort(503, "5.5.1", "Error: no authentication in progress");
}

// PLAIN (RFC 4616): "authzid NUL authcid NUL passwd".
void ServerSession::auth_credentials(std::string_view plain) {
  auth_step_ = AuthStep::none;
  const std::size_t first = plain.find('\0');
  const std::size_t second = first == std::string_view::npos ? first : plain.find('\0', first + 1);
  if (second == std::string_view::npos || plain.find('\0', second + 1) != std::string_view::npos) {
    auth_abort(501, "5.5.2", "Invalid PLAIN response: expected authzid NUL user NUL password");
    return;
  }
  auth_login_user_ = std::string(plain.substr(first + 1, second - first - 1));
  auth_password_ = std::string(plain.substr(second + 1));
  ask(PolicyStage::auth,
      PolicyQuery{PolicyStage::auth, "PLAIN", auth_login_user_, auth_password_, nullptr});
}

void ServerSession::auth_finished(const Reply& verdict) {
  auth_password_.clear();
  if (verdict.code == 235 || verdict.positive()) {
    auth_user_ = auth_login_user_;
    auth_login_user_.clear();
    reply(verdict);
    enter_state(ServerState::ready);
    return;
  }
  auth_login_user_.clear();
  ++auth_failures_;
  if (verdict.permanent() && auth_failures_ >= config_.max_auth_failures) {
    reply(verdict);
    close_with(421, "4.7.0", config_.hostname + " Error: too many authentication failures");
    return;
  }
  reply(verdict);
  enter_state(ServerState::ready);
}

bool ServerSession::check_starttls(std::string_view arg) {
  if (!config_.extensions.starttls) {
    reply(502, "5.5.1", "Error: command not implemented");
  } else if (encrypted_) {
    reply(554, "5.5.1", "Error: TLS already active");
  } else if (!arg.empty()) {
    reply(501, "5.5.4", "Syntax: STARTTLS");
  } else if (helo_name_.empty()) {
    reply(503, "5.5.1", "Error: send HELO/EHLO first");
  } else if (transaction_) {
    reply(503, "5.5.1", "Error: MAIL transaction in progress");
  } else {
    return true;
  }
  return false;
}

// After "220" both sides forget everything learned so far (RFC 3207 section 4.2), and bytes
// pipelined after STARTTLS are dropped: they were sent in clear text (CVE-2011-0411).
void ServerSession::proceed_starttls(std::string_view) {
  reply(220, "2.0.0", "Ready to start TLS");
  encrypted_ = true;
  helo_name_.clear();
  esmtp_ = false;
  auth_user_.clear();
  reset_transaction();
  drop_input_ = true;
  enter_state(ServerState::greeted);
  if (observer_) observer_({ServerEvent::Kind::tls_started, state_, state_, "TLS"});
}

}  // namespace mailsim::proto::smtp
