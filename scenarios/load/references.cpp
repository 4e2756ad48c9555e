#include "scenarios/load/references.hpp"

#include <algorithm>

#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/header.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "sim/inert.hpp"

namespace mailsim::scenarios {
namespace {

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
}

bool is_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

bool is_host_name(std::string_view name) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (name.empty() || name.size() > 253) return false;
  for (std::size_t start = 0;;) {
    const std::size_t dot = name.find('.', start);
    if (!is_label(name.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

void check_host_name(const std::string& value, const std::string& key, const Text& what,
                     SourcePos pos, Diagnostics& diag) {
  if (value.empty() || is_host_name(value)) return;
  Text t(msg::kNotHostName, {{"key", key}, {"name", value}});
  t.with("what", what);
  diag.error(pos, std::move(t));
}

void check_host_names(const YamlNode& list, const std::string& key, const Text& what,
                      Diagnostics& diag) {
  if (!list.is_sequence()) return;
  for (const auto& item : list.items())
    if (item.is_scalar()) check_host_name(item.scalar(), key, what, position_of(item), diag);
}

void check_one_line(const std::string& value, const std::string& key, const Text& what,
                    SourcePos pos, Diagnostics& diag) {
  if (!has_control(value)) return;
  // Spelt here, tab included: the reader must see which character is wrong.
  Text t(msg::kControlCharacter, {{"key", key}, {"name", spell_controls(value)}});
  t.with("what", what);
  diag.error(pos, std::move(t));
}

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
  const Text what(msg::kWhatKey, {{"name", section}});
  if (has_control(value)) {  // even where the parser would take a line break for folding
    check_one_line(value, key, what, pos, diag);
    return;
  }
  try {
    const auto mailbox = proto::imf::parse_mailbox(value);
    if (mailbox.domain.empty() || mailbox.domain.front() != '[')  // [192.0.2.1] is checked
      check_host_name(mailbox.domain, key, what, pos, diag);      // by the parser
  } catch (const proto::imf::AddressError& e) {
    Text t(msg::kBadValue, {{"key", key}});
    t.with("what", what);
    t.with("problem", e.text());
    diag.error(pos, std::move(t));
  }
}

}  // namespace mailsim::scenarios
