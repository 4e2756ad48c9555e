// [commands] The command table and each command's check and proceed steps (RFC 5321 4.1.1,
// replies of 4.3.2, order rules of 4.1.4).
#include <algorithm>
#include <charconv>

#include "agents/proto/smtp/server_command.hpp"

namespace mailsim::proto::smtp {

namespace {
constexpr unsigned kAny = kAllowedBeforeAuth;
}

const ServerSession::Command* ServerSession::find_command(std::string_view verb) {
  static const Command table[] = {
      {"HELO", &ServerSession::check_helo, &ServerSession::proceed_helo, kAny},
      {"EHLO", &ServerSession::check_ehlo, &ServerSession::proceed_ehlo, kAny},
      {"STARTTLS", &ServerSession::check_starttls, &ServerSession::proceed_starttls, kAny},
      {"AUTH", &ServerSession::check_auth, &ServerSession::proceed_auth, kAny},
      {"MAIL", &ServerSession::check_mail, &ServerSession::proceed_mail, 0},
      {"RCPT", &ServerSession::check_rcpt, &ServerSession::proceed_rcpt, 0},
      {"DATA", &ServerSession::check_data, &ServerSession::proceed_data, 0},
      {"RSET", &ServerSession::check_no_argument, &ServerSession::proceed_rset, kAny},
      {"NOOP", nullptr, &ServerSession::proceed_noop, kAny},
      {"QUIT", &ServerSession::check_no_argument, &ServerSession::proceed_quit, kAny},
      {"VRFY", &ServerSession::check_vrfy, &ServerSession::proceed_vrfy, 0},
      {"EXPN", &ServerSession::check_expn, &ServerSession::proceed_expn, 0},
      {"HELP", &ServerSession::check_help, &ServerSession::proceed_help, kAny},
  };
  for (const auto& row : table) {
    if (row.verb == verb) return &row;
  }
  return nullptr;
}

// The policy's verdict, applied to the stage that asked for it.
void ServerSession::resolve_stage(PolicyStage stage, const Reply& verdict) {
  switch (stage) {
    case PolicyStage::connect:
      reply(verdict);
      if (verdict.code == 421) {
        enter_state(ServerState::closed);
      } else {
        enter_state(verdict.positive() ? ServerState::greeted : ServerState::refused);
      }
      return;
    case PolicyStage::helo:
      if (!verdict.positive()) {
        reply(verdict);
        return;
      }
      helo_name_ = pending_argument_;
      reset_transaction();
      enter_state(ServerState::ready);
      if (esmtp_) {
        Reply first = verdict;
        first.enhanced.clear();
        send_ehlo_reply_with(std::move(first));
      } else {
        Reply r = verdict;
        r.enhanced.clear();
        reply(r);
      }
      return;
    case PolicyStage::auth:
      auth_finished(verdict);
      return;
    case PolicyStage::mail:
      reply(verdict);
      if (verdict.positive())
        enter_state(ServerState::mail);
      else
        reset_transaction();
      return;
    case PolicyStage::rcpt:
      reply(verdict);
      if (verdict.positive()) {
        transaction_->recipients.push_back(pending_argument_);
        enter_state(ServerState::rcpt);
      }
      return;
    case PolicyStage::message:
      reply(verdict);
      reset_transaction();
      enter_state(ServerState::ready);
      return;
    case PolicyStage::vrfy:
    case PolicyStage::expn:
      reply(verdict);
      return;
  }
}

bool ServerSession::check_helo(std::string_view arg) {
  return check_hello_name(arg, "HELO");
}

bool ServerSession::check_ehlo(std::string_view arg) {
  return check_hello_name(arg, "EHLO");
}

// Postfix names the command it was given: "501 5.5.4 Syntax: EHLO hostname".
bool ServerSession::check_hello_name(std::string_view arg, std::string_view verb) {
  if (arg.empty() || !valid_domain_or_literal(arg)) {
    reply(501, "5.5.4", "Syntax: " + std::string(verb) + " hostname");
    return false;
  }
  return true;
}

void ServerSession::proceed_helo(std::string_view arg) {
  esmtp_ = false;
  ask(PolicyStage::helo, PolicyQuery{PolicyStage::helo, arg, {}, {}, nullptr});
}

void ServerSession::proceed_ehlo(std::string_view arg) {
  if (!config_.extensions.ehlo) {
    reply(502, "5.5.1", "Error: command not implemented");
    return;
  }
  esmtp_ = true;
  ask(PolicyStage::helo, PolicyQuery{PolicyStage::helo, arg, {}, {}, nullptr});
}

// EHLO answers with the greeting line, then one keyword per line (RFC 5321 4.1.1.1).
void ServerSession::send_ehlo_reply_with(Reply first) {
  const ServerExtensions& ext = config_.extensions;
  first.enhanced.clear();  // EHLO's lines are keywords: no enhanced code before them
  ReplyLines& lines = first.lines;
  lines.reserve(lines.size() + 7 + config_.extra_ehlo_keywords.size());  // the 7 below, at most
  if (ext.pipelining) lines.emplace_back("PIPELINING");
  if (ext.eight_bit_mime) lines.emplace_back("8BITMIME");
  if (ext.size) {
    lines.emplace_back(config_.max_message_size == 0
                           ? std::string("SIZE")
                           : "SIZE " + std::to_string(config_.max_message_size));
  }
  if (ext.starttls && !encrypted_) lines.emplace_back("STARTTLS");
  if (auth_offered()) lines.emplace_back("AUTH PLAIN LOGIN");
  if (ext.enhanced_status_codes) lines.emplace_back("ENHANCEDSTATUSCODES");
  for (const auto& keyword : config_.extra_ehlo_keywords)
    lines.push_back(keyword);
  if (ext.help) lines.emplace_back("HELP");
  if (lines.empty()) lines.emplace_back();
  reply(std::move(first));
}

bool ServerSession::check_mail(std::string_view arg) {
  if (helo_name_.empty()) {
    reply(503, "5.5.1", "Error: send HELO/EHLO first");
    return false;
  }
  if (transaction_) {
    reply(503, "5.5.1", "Error: nested MAIL command");
    return false;
  }
  PathArgument path;
  switch (parse_path_argument(arg, true, path)) {
    case PathError::none:
      break;
    case PathError::syntax:
      reply(501, "5.1.7", "Bad sender address syntax");
      return false;
    case PathError::too_long:
      reply(553, "5.1.7", "Sender address too long");
      return false;
  }
  auto t = std::make_unique<Transaction>();
  for (const Parameter& p : path.params) {
    const ServerExtensions& ext = config_.extensions;
    if (esmtp_ && p.keyword == "SIZE" && ext.size) {
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(p.value.data(), p.value.data() + p.value.size(), n);
      if (ec != std::errc{} || end != p.value.data() + p.value.size()) {
        reply(501, "5.5.4", "Bad message size syntax");
        return false;
      }
      if (config_.max_message_size != 0 && n > config_.max_message_size) {
        reply(552, "5.3.4", "Message size exceeds fixed limit");
        return false;
      }
      t->declared_size = n;
    } else if (esmtp_ && p.keyword == "BODY" && ext.eight_bit_mime &&
               (iequals(p.value, "8BITMIME") || iequals(p.value, "7BIT"))) {
      t->eight_bit = iequals(p.value, "8BITMIME");
    } else if (esmtp_ && p.keyword == "AUTH" && auth_offered() && !p.value.empty()) {
      // RFC 4954 section 5: accepted; the identity is not trusted further.
    } else {
      reply(555, "5.5.4",
            "Unsupported option: " + p.keyword + (p.value.empty() ? "" : "=" + p.value));
      return false;
    }
  }
  t->reverse_path = path.address;
  t->mail_parameters = std::move(path.params);
  transaction_ = std::move(t);
  return true;
}

void ServerSession::proceed_mail(std::string_view) {
  ask(PolicyStage::mail,
      PolicyQuery{PolicyStage::mail, transaction_->reverse_path, {}, {}, transaction_.get()});
}

bool ServerSession::check_rcpt(std::string_view arg) {
  if (!transaction_) {
    reply(503, "5.5.1", "Error: need MAIL command");
    return false;
  }
  PathArgument path;
  switch (parse_path_argument(arg, false, path)) {
    case PathError::none:
      break;
    case PathError::syntax:
      reply(501, "5.1.3", "Bad recipient address syntax");
      return false;
    case PathError::too_long:
      reply(553, "5.1.3", "Recipient address too long");
      return false;
  }
  if (!path.params.empty()) {
    const Parameter& p = path.params.front();
    reply(555, "5.5.4",
          "Unsupported option: " + p.keyword + (p.value.empty() ? "" : "=" + p.value));
    return false;
  }
  if (transaction_->recipients.size() >= config_.max_recipients) {
    reply(452, "4.5.3", "Error: too many recipients");
    return false;
  }
  pending_argument_ = path.address;
  return true;
}

void ServerSession::proceed_rcpt(std::string_view) {
  const std::string address = pending_argument_;
  ask(PolicyStage::rcpt, PolicyQuery{PolicyStage::rcpt, address, {}, {}, transaction_.get()});
}

bool ServerSession::check_data(std::string_view arg) {
  if (!arg.empty()) {
    reply(501, "5.5.4", "Syntax: DATA");
    return false;
  }
  if (!transaction_) {
    reply(503, "5.5.1", "Error: need RCPT command");
    return false;
  }
  if (transaction_->recipients.empty()) {
    reply(554, "5.5.1", "Error: no valid recipients");
    return false;
  }
  return true;
}

void ServerSession::proceed_data(std::string_view) {
  DataReader::LinesSeen seen;
  if (observer_) {
    seen = [this](std::string_view lines) {
      observer_({ServerEvent::Kind::content_in, state_, state_, lines});
    };
  }
  data_ = std::make_unique<DataReader>(config_.end_of_data,
                                       DataLimits{config_.max_text_line, config_.max_message_size},
                                       std::move(seen));
  // A client's SIZE= is a hint, never trusted beyond the limit (or 16 MiB without one).
  if (transaction_->declared_size) {
    const std::size_t cap = config_.max_message_size != 0 ? config_.max_message_size : 16u << 20;
    data_->reserve(std::min(*transaction_->declared_size, cap));
  }
  reply(354, "", config_.texts.data_start);
  enter_state(ServerState::data);
}

bool ServerSession::check_no_argument(std::string_view arg) {
  if (arg.empty()) return true;
  reply(501, "5.5.4", "Syntax: no parameters allowed");
  return false;
}

void ServerSession::proceed_rset(std::string_view) {
  reset_transaction();
  reply(250, "2.0.0", config_.texts.ok);
  enter_state(helo_name_.empty() ? ServerState::greeted : ServerState::ready);
}

void ServerSession::proceed_noop(std::string_view) {
  reply(250, "2.0.0", config_.texts.ok);
}

void ServerSession::proceed_quit(std::string_view) {
  reply(221, "2.0.0", config_.texts.quit);
  reset_transaction();
  enter_state(ServerState::closed);
}

bool ServerSession::check_vrfy(std::string_view arg) {
  if (!arg.empty()) return true;
  reply(501, "5.5.4", "Syntax: VRFY/EXPN string");
  return false;
}

bool ServerSession::check_expn(std::string_view arg) {
  if (config_.extensions.expn) return check_vrfy(arg);
  reply(502, "5.5.1", "EXPN not available");
  return false;
}

void ServerSession::proceed_vrfy(std::string_view arg) {
  ask(PolicyStage::vrfy, PolicyQuery{PolicyStage::vrfy, arg, {}, {}, nullptr});
}

void ServerSession::proceed_expn(std::string_view arg) {
  ask(PolicyStage::expn, PolicyQuery{PolicyStage::expn, arg, {}, {}, nullptr});
}

bool ServerSession::check_help(std::string_view) {
  if (config_.extensions.help) return true;
  reply(502, "5.5.1", "Error: command not implemented");
  return false;
}

namespace {
struct HelpTopic {
  std::string_view verb;
  std::string_view syntax;
};
constexpr HelpTopic kHelpTopics[] = {
    {"EHLO", "EHLO <domain>"},
    {"HELO", "HELO <domain>"},
    {"MAIL", "MAIL FROM:<address> [SIZE=<octets>] [BODY=7BIT|8BITMIME]"},
    {"RCPT", "RCPT TO:<address>"},
    {"DATA", "DATA, then the message, ended by a line holding only \".\""},
    {"RSET", "RSET"},
    {"NOOP", "NOOP [<string>]"},
    {"QUIT", "QUIT"},
    {"VRFY", "VRFY <string>"},
    {"EXPN", "EXPN <string>"},
    {"HELP", "HELP [<command>]"},
    {"STARTTLS", "STARTTLS"},
    {"AUTH", "AUTH PLAIN [<initial response>] | AUTH LOGIN [<initial response>]"},
};
}  // namespace

// Whether the command would be taken now, in this configuration: HELP does not offer what
// would then get 502, 503 or 504 (AUTH before STARTTLS).
bool ServerSession::accepts_now(std::string_view verb) const {
  // Before the login a submission server takes only what RFC 4954 6 exempts from 530.
  if (config_.auth_required && auth_user_.empty() &&
      !(find_command(verb)->flags & kAllowedBeforeAuth))
    return false;
  if (verb == "EHLO") return config_.extensions.ehlo;
  if (verb == "STARTTLS") return config_.extensions.starttls && !encrypted_;
  if (verb == "AUTH") return auth_offered() && auth_user_.empty();
  if (verb == "EXPN") return config_.extensions.expn;
  return true;
}

// HELP alone lists the commands; HELP <command> gives its syntax; anything else is 504.
void ServerSession::proceed_help(std::string_view arg) {
  if (arg.empty()) {
    std::string verbs = "Commands:";
    for (const auto& t : kHelpTopics)
      if (accepts_now(t.verb)) verbs += " " + std::string(t.verb);
    reply(Reply(214, "2.0.0", std::vector<std::string>{verbs, "HELP <command> for its syntax"}));
    return;
  }
  const CommandLine topic = split_command(arg);
  for (const auto& t : kHelpTopics) {
    if (t.verb == topic.verb && accepts_now(t.verb)) {
      reply(214, "2.0.0", t.syntax);
      return;
    }
  }
  reply(504, "5.5.4", "HELP topic unknown");
}

}  // namespace mailsim::proto::smtp
