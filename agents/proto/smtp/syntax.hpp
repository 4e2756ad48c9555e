#pragma once
// Syntax of SMTP command lines (RFC 5321 4.1.1 and 4.1.2): the verb, the reverse- and
// forward-paths of MAIL and RCPT with their parameters, and domains.
#include <string>
#include <string_view>
#include <vector>

#include "sim/strings.hpp"

namespace mailsim::proto::smtp {

struct CommandLine {
  std::string verb;      // upper case
  std::string_view arg;  // what follows the first space, as sent
};
CommandLine split_command(std::string_view line);

struct Parameter {
  std::string keyword;  // upper case ("SIZE", "BODY")
  std::string value;    // as sent, empty when there was no "="
};

struct PathArgument {
  std::string address;  // "user@example.com"; empty for the null path "<>"
  std::vector<Parameter> params;
};

enum class PathError {
  none,
  syntax,    // not "FROM:<path>" / "TO:<path>", or a malformed mailbox or parameter
  too_long,  // local-part over 64, domain over 255, or path over 256 octets (4.5.3.1)
};

// Parses the argument of MAIL ("FROM:<a@b> SIZE=10") or RCPT ("TO:<a@b>"). The null path is
// allowed for MAIL only, "<Postmaster>" for RCPT only; a source route ("<@x,@y:a@b>") is
// accepted and dropped (4.1.2). A space after the colon is tolerated, as real servers do.
PathError parse_path_argument(std::string_view arg, bool is_mail, PathArgument& out);

// A domain (letters, digits and hyphens in dot-separated labels) or an address literal
// ("[192.0.2.1]", "[IPv6:...]"), as EHLO and HELO take.
bool valid_domain_or_literal(std::string_view text);

using mailsim::iequals;  // sim/strings.hpp

}  // namespace mailsim::proto::smtp
