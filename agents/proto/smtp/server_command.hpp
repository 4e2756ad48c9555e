#pragma once
// The server's command table (private to the server session): one row per verb, with a
// check that validates and answers errors, and a proceed step that acts (OpenSMTPD style).
#include <string_view>

#include "agents/proto/smtp/server_session.hpp"

namespace mailsim::proto::smtp {

inline constexpr unsigned kAllowedBeforeAuth = 1;  // RFC 4954: usable before AUTH when required

struct ServerSession::Command {
  std::string_view verb;
  bool (ServerSession::*check)(std::string_view arg);  // null: nothing to check
  void (ServerSession::*proceed)(std::string_view arg);
  unsigned flags;
};

}  // namespace mailsim::proto::smtp
