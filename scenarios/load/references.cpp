#include "scenarios/load/references.hpp"

#include <algorithm>

#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/header.hpp"
#include "scenarios/load/messages.hpp"

namespace mailsim::scenarios {

void check_ref(const std::string& name, const NameIndex& known, const Message& kind,
               const std::string& key, SourcePos pos, Diagnostics& diag) {
  if (name.empty() || known.contains(name)) return;
  const std::string suggestion = known.closest(name);
  Text t = suggestion.empty()
               ? Text(msg::kUnknownRef, {{"name", name}})
               : Text(msg::kUnknownRefSuggest, {{"name", name}, {"suggestion", suggestion}});
  t.with("what", Text(msg::kWhatKey, {{"name", key}}));
  t.with("kind", Text(kind));
  diag.error(pos, std::move(t));
}

void check_ref(const std::string& name, const std::vector<std::string>& known, const Message& kind,
               const std::string& key, SourcePos pos, Diagnostics& diag) {
  if (name.empty() || std::find(known.begin(), known.end(), name) != known.end()) return;
  check_ref(name, NameIndex(known), kind, key, pos, diag);
}

std::vector<std::string> host_names(const NetworkModel& network) {
  std::vector<std::string> hosts;
  for (const auto& h : network.hosts)
    hosts.push_back(h.name);
  return hosts;
}

void check_mailbox(const std::string& value, const std::string& key, const std::string& section,
                   SourcePos pos, Diagnostics& diag) {
  try {
    (void)proto::imf::parse_mailbox(value);
  } catch (const proto::imf::AddressError& e) {
    Text t(msg::kBadValue, {{"key", key}});
    t.with("what", Text(msg::kWhatKey, {{"name", section}}));
    t.with("problem", e.text());
    diag.error(pos, std::move(t));
  }
}

}  // namespace mailsim::scenarios
