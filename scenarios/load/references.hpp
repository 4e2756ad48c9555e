#pragma once
// Checking that a name a scenario refers to (a host, a link, a mail client...) exists, with a
// "did you mean" when one is close, and that a mail address is one.
#include <string>
#include <vector>

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

}  // namespace mailsim::scenarios
