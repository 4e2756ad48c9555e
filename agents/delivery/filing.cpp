#include "agents/delivery/filing.hpp"

#include <fmt/format.h>

#include "sim/strings.hpp"

namespace mailsim::agents {

namespace {

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
  return to_lower(text).find(to_lower(needle)) != std::string::npos;
}

}  // namespace

FilingDecision decide_folder(const FilingConfig& config, const proto::imf::Header* header) {
  if (header == nullptr) return {"INBOX", "header_unreadable"};
  if (config.junk_tagged_spam) {
    for (const auto* field : header->find_all("X-Spam-Flag"))
      if (iequals(field->value(), "YES")) return {config.junk_folder, "spam_tagged"};
  }
  for (std::size_t i = 0; i < config.rules.size(); ++i) {
    const FilingRule& rule = config.rules[i];
    for (const auto* field : header->find_all(rule.header)) {
      if (contains_ignoring_case(field->value(), rule.contains))
        return {rule.folder,
                fmt::format("rule {}: {} contains '{}'", i + 1, rule.header, rule.contains)};
    }
  }
  return {"INBOX", "default"};
}

}  // namespace mailsim::agents
