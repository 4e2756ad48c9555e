#pragma once
// Checking that a name a scenario refers to (a host, a link, a mail client...) exists, with a
// "did you mean" when one is close, and that a mail address is one.
#include <string>
#include <vector>

#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/load/name_index.hpp"
#include "scenarios/model/network_model.hpp"

namespace mailsim::scenarios {

// Reports "'key': there is no <kind> named 'name'" at `pos` unless `name` is empty or known.
void check_ref(const std::string& name, const NameIndex& known, const Message& kind,
               const std::string& key, SourcePos pos, Diagnostics& diag);
// The same for a reference or two against a short list.
void check_ref(const std::string& name, const std::vector<std::string>& known, const Message& kind,
               const std::string& key, SourcePos pos, Diagnostics& diag);

std::vector<std::string> host_names(const NetworkModel& network);

// Reports a mail address that is not one ("bob@b.example", "Bob <bob@b.example>"), at `pos`.
// `section` names the mapping it is in ("send", "clients").
void check_mailbox(const std::string& value, const std::string& key, const std::string& section,
                   SourcePos pos, Diagnostics& diag);

// A host name or a mail domain as it may appear in a protocol line (RFC 1123 2.1, RFC 5321
// 4.1.2): labels of letters, digits and hyphens, 1 to 63 characters, no hyphen first or last,
// at most 253 characters, and one final dot allowed. Nothing else reaches an SMTP, POP3 or IMAP
// line through a name: no CR or LF, no space, no escape.
bool is_host_name(std::string_view name);
// Reports `value` at `pos` unless it is empty or a host name; `what` names the mapping.
void check_host_name(const std::string& value, const std::string& key, const Text& what,
                     SourcePos pos, Diagnostics& diag);
// Each item of the list under `key` (a list of domains), at its own place.
void check_host_names(const YamlNode& list, const std::string& key, const Text& what,
                      Diagnostics& diag);
// A login or a password, sent in USER, PASS, LOGIN or AUTH: no control character.
void check_one_line(const std::string& value, const std::string& key, const Text& what,
                    SourcePos pos, Diagnostics& diag);

}  // namespace mailsim::scenarios
