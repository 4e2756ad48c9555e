#pragma once
// What an SMTP reply means, for people: the basic code (RFC 5321 4.2 and 4.3.2) and the
// enhanced status code (RFC 3463), in English and French. "451 4.7.1" becomes "temporary
// failure, the client should try again later: 451 means a local error in processing, and
// 4.7.1 means ...", one clause without parentheses, as the narration puts it in its own.
#include <optional>
#include <string>
#include <string_view>

#include "sim/text.hpp"

namespace mailsim::agents {

struct ReplyCode {
  int code = 0;          // 250, 451, ...
  std::string enhanced;  // "4.7.1", or empty
  std::string text;      // the words after the codes: "Greylisted"
};

// Reads "451 4.7.1 Greylisted" or "250-PIPELINING" into its codes; nullopt if it is no reply.
std::optional<ReplyCode> parse_reply_code(std::string_view line);

// One sentence explaining the reply, e.g. for 451 4.7.1.
std::string explain_reply(const ReplyCode& reply, Lang lang);

}  // namespace mailsim::agents
