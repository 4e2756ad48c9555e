// [replies] The client's reaction to each reply: one case per command it waits for, and the
// steps from the greeting to QUIT (docs/protocols/smtp.md, "The client").
#include <algorithm>
#include <cstdlib>

#include "agents/proto/base64.hpp"
#include "agents/proto/smtp/client_session.hpp"
#include "agents/proto/smtp/data_reader.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::smtp {

namespace {
bool has(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

void add(std::vector<std::string>& words, std::string_view word) {
  if (!has(words, word)) words.emplace_back(word);
}
}  // namespace

// Each reply answers the oldest command still waiting (RFC 2920: in order).
void ClientSession::handle_reply(const Reply& r) {
  if (expected_.empty()) {  // an unsolicited reply: only 421 makes sense (RFC 5321 3.8)
    if (r.code == 421) {
      fail(SessionStatus::closed_by_server, r);
      finish(SessionStatus::closed_by_server);
    }
    return;
  }
  const Expected e = expected_.front();
  expected_.pop_front();
  if (r.code == 421 && e.kind != ClientState::quit) {  // service closing, at any point
    fail(SessionStatus::closed_by_server, r);
    finish(SessionStatus::closed_by_server);
    return;
  }
  switch (e.kind) {
    case ClientState::greeting:
      if (r.positive()) {
        command(ClientState::ehlo, "EHLO " + config_.helo_name);
      } else {
        fail_and_quit(SessionStatus::refused, r);  // 554: say QUIT and leave (3.1)
      }
      return;
    case ClientState::ehlo:
      if (r.positive()) {
        extensions_.clear();
        auth_mechanisms_.clear();
        std::string line;  // one buffer for every line
        for (std::size_t i = 1; i < r.lines.size(); ++i) {
          line = r.lines[i];
          upper_in_place(line);
          const std::string_view text = line;
          const std::string_view keyword = text.substr(0, text.find(' '));
          add(extensions_, keyword);
          const std::string_view params =
              text.size() > keyword.size() ? text.substr(keyword.size() + 1) : "";
          if (keyword == "SIZE")
            size_limit_ = std::strtoull(std::string(params).c_str(), nullptr, 10);
          if (keyword == "AUTH") {
            std::string_view rest = params;
            while (!rest.empty()) {
              const std::size_t sp = std::min(rest.find(' '), rest.size());
              if (sp > 0) add(auth_mechanisms_, rest.substr(0, sp));
              rest.remove_prefix(std::min(sp + 1, rest.size()));
            }
          }
        }
        after_hello();
      } else if (r.permanent()) {
        command(ClientState::helo, "HELO " + config_.helo_name);  // an RFC 821 server
      } else {
        fail_and_quit(SessionStatus::refused, r);
      }
      return;
    case ClientState::helo:
      if (r.positive()) {
        extensions_.clear();
        auth_mechanisms_.clear();
        after_hello();
      } else {
        fail_and_quit(SessionStatus::refused, r);
      }
      return;
    case ClientState::starttls:
      if (r.code == 220) {
        encrypted_ = true;
        extensions_.clear();  // RFC 3207 4.2: forget what was learned in clear text
        auth_mechanisms_.clear();
        if (observer_) observer_({ClientEvent::Kind::tls_started, state_, state_, "TLS"});
        command(ClientState::ehlo, "EHLO " + config_.helo_name);
      } else if (config_.tls == TlsPolicy::required) {
        fail_and_quit(SessionStatus::refused, r);
      } else {
        tls_declined_ = true;
        after_hello();
      }
      return;
    case ClientState::auth:
      on_auth_reply(r);
      return;
    case ClientState::mail:
      mail_accepted_ = r.positive();
      if (!mail_accepted_) {
        settle_unresolved(r, ClientState::mail);
        if (!pipelining_) command(ClientState::quit, "QUIT");
      } else if (!pipelining_) {
        send_next_recipient_or_data();
      }
      return;
    case ClientState::rcpt: {
      RecipientOutcome& out = recipients_[e.recipient];
      if (mail_accepted_) {
        out.reply = r;
        out.answered = ClientState::rcpt;
        out.status = r.positive()    ? RecipientStatus::accepted
                     : r.transient() ? RecipientStatus::deferred
                                     : RecipientStatus::rejected;
      }
      if (!pipelining_ && mail_accepted_) send_next_recipient_or_data();
      return;
    }
    case ClientState::data:
      on_data_reply(r);
      return;
    case ClientState::message:
      settle_accepted(r, RecipientStatus::delivered, ClientState::message);
      if (r.positive() && retry_too_many()) {
        begin_transaction();  // the rest of the recipients, in a transaction of their own
        return;
      }
      command(ClientState::quit, "QUIT");
      return;
    case ClientState::rset:
      command(ClientState::quit, "QUIT");
      return;
    case ClientState::quit:
      finish(failure_ ? failure_->status : SessionStatus::completed);
      return;
    case ClientState::done:
      return;
  }
}

void ClientSession::after_hello() {
  const bool tls_offered = has(extensions_, "STARTTLS");
  if (!encrypted_ && !tls_declined_ && config_.tls != TlsPolicy::never && tls_offered) {
    command(ClientState::starttls, "STARTTLS");
    return;
  }
  if (!encrypted_ && config_.tls == TlsPolicy::required) {
    outcome_.detail = "STARTTLS";
    fail_and_quit(SessionStatus::missing_feature, std::nullopt);
    return;
  }
  if (config_.credentials && !authenticated_) {
    if (!auth_mechanisms_.empty() && has(extensions_, "AUTH") &&
        (has(auth_mechanisms_, "PLAIN") || has(auth_mechanisms_, "LOGIN"))) {
      start_auth();
      return;
    }
    if (config_.credentials->required) {
      outcome_.detail = "AUTH";
      fail_and_quit(SessionStatus::missing_feature, std::nullopt);
      return;
    }
  }
  begin_transaction();
}

// PLAIN goes in one line with its initial response; LOGIN answers two challenges.
void ClientSession::start_auth() {
  const Credentials& c = *config_.credentials;
  const bool plain = (c.mechanism == AuthMechanism::plain && has(auth_mechanisms_, "PLAIN")) ||
                     !has(auth_mechanisms_, "LOGIN");
  auth_step_ = plain ? 0 : 1;
  if (plain) {
    command(ClientState::auth,
            "AUTH PLAIN " + base64_encode(std::string(1, '\0') + c.user + '\0' + c.password));
  } else {
    command(ClientState::auth, "AUTH LOGIN");
  }
}

void ClientSession::on_auth_reply(const Reply& r) {
  const Credentials& c = *config_.credentials;
  if (r.code == 235 || r.positive()) {
    authenticated_ = true;
    begin_transaction();
  } else if (r.code == 334 && auth_step_ == 1) {
    auth_step_ = 2;
    command(ClientState::auth, base64_encode(c.user));
  } else if (r.code == 334 && auth_step_ == 2) {
    auth_step_ = 3;
    command(ClientState::auth, base64_encode(c.password));
  } else if (r.code == 334) {
    command(ClientState::auth, "*");  // a challenge we did not expect: cancel (RFC 4954)
  } else {
    fail_and_quit(SessionStatus::refused, r);
  }
}

void ClientSession::begin_transaction() {
  pipelining_ = config_.use_pipelining && !config_.abort_on_refused_recipient &&
                has(extensions_, "PIPELINING");
  std::string mail = "MAIL FROM:<" + config_.mail_from + ">";
  if (config_.declare_size && has(extensions_, "SIZE")) {
    mail += " SIZE=" + std::to_string(message_size_);
  }
  // The DATA bytes hold the message's octets (stuffing adds only dots and line ends).
  if (has_eight_bit(*data_bytes_) && has(extensions_, "8BITMIME")) mail += " BODY=8BITMIME";
  command(ClientState::mail, mail);
  // This transaction's recipients: all of them at first, then those a server's limit left over.
  round_.clear();
  for (std::size_t i = 0; i < recipients_.size(); ++i)
    if (recipients_[i].status == RecipientStatus::pending) round_.push_back(i);
  next_recipient_ = 0;
  if (pipelining_) {  // the whole group at once (RFC 2920 3.1), DATA last
    while (next_recipient_ < round_.size()) {
      const std::size_t i = round_[next_recipient_];
      command(ClientState::rcpt, "RCPT TO:<" + recipients_[i].address + ">", i);
      ++next_recipient_;
    }
    command(ClientState::data, "DATA");
  }
}

// 452 4.5.3 "too many recipients" says the server's limit, not a problem with the address:
// the client sends the message again to those recipients in another transaction (RFC 5321
// 4.5.3.1.10). Only after a transaction that took some, so that it always ends.
bool ClientSession::retry_too_many() {
  std::vector<std::size_t> again;
  for (std::size_t i : round_) {
    const RecipientOutcome& x = recipients_[i];
    // 4.5.3 says "too many recipients"; a server without enhanced codes says 452 alone.
    if (x.status == RecipientStatus::deferred && x.reply && x.reply->code == 452 &&
        (x.reply->enhanced == "4.5.3" || x.reply->enhanced.empty()))
      again.push_back(i);
  }
  const bool progress = std::any_of(round_.begin(), round_.end(), [&](std::size_t i) {
    return recipients_[i].status == RecipientStatus::delivered;
  });
  if (again.empty() || !progress) return false;
  for (std::size_t i : again) {
    recipients_[i].status = RecipientStatus::pending;
    recipients_[i].reply.reset();
  }
  return true;
}

void ClientSession::send_next_recipient_or_data() {
  if (next_recipient_ < round_.size()) {
    const std::size_t i = round_[next_recipient_];
    command(ClientState::rcpt, "RCPT TO:<" + recipients_[i].address + ">", i);
    ++next_recipient_;
    return;
  }
  after_recipients();
}

void ClientSession::after_recipients() {
  const auto accepted = std::count_if(round_.begin(), round_.end(), [&](std::size_t i) {
    return recipients_[i].status == RecipientStatus::accepted;
  });
  const bool refused = static_cast<std::size_t>(accepted) < round_.size();
  if (accepted > 0 && !(refused && config_.abort_on_refused_recipient)) {
    command(ClientState::data, "DATA");
  } else if (accepted > 0) {
    for (auto& r : recipients_) {
      if (r.status == RecipientStatus::accepted) r.status = RecipientStatus::pending;
    }
    settle_unresolved(std::nullopt);
    command(ClientState::rset, "RSET");
  } else {
    command(ClientState::quit, "QUIT");
  }
}

void ClientSession::on_data_reply(const Reply& r) {
  const bool any = std::any_of(recipients_.begin(), recipients_.end(),
                               [](const auto& x) { return x.status == RecipientStatus::accepted; });
  if (r.code == 354) {
    message_acknowledged_ = false;  // its data-block timer runs until the peer has it all
    if (any) {
      expected_.push_back({ClientState::message});
      enter_state(ClientState::message);
      if (send_message_) {  // written at flush(), as it would have been from out_
        report_written(*data_bytes_);
        report_written(data_end_);
        message_head_ = std::move(out_);
        out_.clear();
        message_out_ = data_bytes_;
        return;
      }
      // Room for the message and its end at once: appending the end would otherwise copy
      // the whole message again into a buffer twice its size.
      out_.reserve(out_.size() + data_bytes_->size() + data_end_.size());
      emit(*data_bytes_);
      emit(data_end_);
    } else {
      // Pipelined DATA accepted although every RCPT failed: end it empty (RFC 2920 3.1).
      expected_.push_back({ClientState::message});
      enter_state(ClientState::message);
      emit(".\r\n");
    }
    return;
  }
  settle_accepted(r, RecipientStatus::deferred, ClientState::data);
  command(ClientState::quit, "QUIT");
}

// The reply after the dot (or a refused DATA) decides every recipient RCPT accepted.
void ClientSession::settle_accepted(const Reply& r, RecipientStatus if_positive,
                                    ClientState answered) {
  for (auto& x : recipients_) {
    if (x.status != RecipientStatus::accepted) continue;
    x.reply = r;
    x.answered = answered;
    x.status = r.positive()    ? if_positive
               : r.transient() ? RecipientStatus::deferred
                               : RecipientStatus::rejected;
  }
}

// Recipients still open when the session cannot carry them: deferred, or rejected when the
// server said no for good.
void ClientSession::settle_unresolved(const std::optional<Reply>& r,
                                      std::optional<ClientState> answered) {
  for (auto& x : recipients_) {
    if (x.status != RecipientStatus::pending && x.status != RecipientStatus::accepted) continue;
    x.reply = r;
    x.answered = answered;
    x.status = r && r->permanent() ? RecipientStatus::rejected : RecipientStatus::deferred;
  }
}

}  // namespace mailsim::proto::smtp
