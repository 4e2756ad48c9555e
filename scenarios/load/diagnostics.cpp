#include "scenarios/load/diagnostics.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "scenarios/load/messages.hpp"

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

namespace {
std::size_t osa_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j)
    d[0][j] = j;
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return {};
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t dist = osa_distance(word, c);
    if (dist < best_distance) {
      best_distance = dist;
      best = c;
    }
  }
  return best;
}

}  // namespace mailsim::scenarios
