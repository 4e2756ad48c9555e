#include "scenarios/load/diagnostics.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "scenarios/load/messages.hpp"
#include "scenarios/load/name_index.hpp"

namespace mailsim::scenarios {

std::string Diagnostics::render(Lang lang) const {
  std::vector<const Diagnostic*> sorted;
  for (const auto* list : {&items_, &warnings_})
    for (const auto& d : *list)
      sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return a->pos.line != b->pos.line ? a->pos.line < b->pos.line : a->pos.column < b->pos.column;
  });
  const std::string error(msg::kErrorLabel.text(lang));
  const std::string warning(msg::kWarningLabel.text(lang));
  std::string out;
  for (const Diagnostic* d : sorted) {
    out += d->file;
    if (d->pos.line > 0) out += fmt::format(":{}:{}", d->pos.line, d->pos.column);
    out += ": " + (d->warning ? warning : error) + d->message.render(lang) + "\n";
  }
  return out;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  return NameIndex(candidates).closest(word);
}

}  // namespace mailsim::scenarios
