#pragma once
// The simulator's own diagnostics: the words of a reply MailSim makes up itself rather than
// one a server sent, such as a DNS failure ("550 5.1.2 the domain b.exemple. does not exist
// (NXDOMAIN): the mail cannot be delivered") or a connection that could not be made
// ("connect to mx.b.example[198.51.100.25]:25: Connection timed out"). They are English in the
// queue and in bounces (Diagnostic-Code), as Postfix writes them; the narration says them in
// the reader's language, the reply code kept. A reply a server sent is protocol bytes: none of
// these forms matches it, and it is left as it is.
#include <string>
#include <string_view>

#include "sim/text.hpp"

namespace mailsim::agents {

std::string diagnostic_in(std::string_view reply, Lang lang);
// The same as a catalog text, for a text rendered later in either language (the evidence of
// `mailsim check`); a reply a server sent is kept as it is.
Text diagnostic_text(std::string_view reply);

}  // namespace mailsim::agents
