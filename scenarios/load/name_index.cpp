#include "scenarios/load/name_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>

#include "sim/strings.hpp"

namespace mailsim::scenarios {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// One bit per letter (folded on 64): a letter of one word whose bit the other lacks costs at
// least one edit, so the letters alone bound the distance from below.
std::uint64_t letter_bits(std::string_view s) {
  std::uint64_t bits = 0;
  for (char c : s)
    bits |= std::uint64_t{1} << (static_cast<unsigned char>(lower(c)) & 63);
  return bits;
}

std::size_t letters_bound(std::uint64_t a, std::uint64_t b) {
  return static_cast<std::size_t>(std::max(std::popcount(a & ~b), std::popcount(b & ~a)));
}

// Optimal string alignment distance of two lowercased words, or limit + 1 as soon as it is
// sure to pass `limit`.
std::size_t osa_distance(std::string_view a, std::string_view b, std::size_t limit) {
  constexpr std::size_t kMax = 128;
  const std::size_t n = a.size(), m = b.size();
  if (m + 1 > kMax) return limit + 1;
  std::array<std::array<std::size_t, kMax>, 3> rows{};
  std::size_t* before = rows[0].data();
  std::size_t* previous = rows[1].data();
  std::size_t* current = rows[2].data();
  for (std::size_t j = 0; j <= m; ++j)
    previous[j] = j;
  std::size_t previous_min = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d = std::min(d, before[j - 2] + 1);
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    // A cell is at least the smaller of the row above's minimum and the one before's plus one
    // (a transposition), so two rows like these make every later row pass the limit too.
    if (row_min > limit && previous_min >= limit) return limit + 1;
    previous_min = row_min;
    std::size_t* oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return std::min(previous[m], limit + 1);
}

}  // namespace

NameIndex::NameIndex(const std::vector<std::string>& names) {
  for (const auto& n : names)
    add(n);
}

void NameIndex::add(std::string name) {
  const auto index = static_cast<std::uint32_t>(names_.size());
  exact_.insert(name);
  lowercase_.emplace(to_lower(name), index);  // keeps the first
  if (by_length_.size() <= name.size()) by_length_.resize(name.size() + 1);
  by_length_[name.size()].push_back(index);
  letters_.push_back(letter_bits(name));
  lowered_.push_back(to_lower(name));
  names_.push_back(std::move(name));
}

bool NameIndex::contains(std::string_view name) const {
  return exact_.count(std::string(name)) != 0;
}

std::string NameIndex::closest(std::string_view word) const {
  if (word.size() > 64) return {};
  const std::string low = to_lower(word);
  if (auto it = lowercase_.find(low); it != lowercase_.end()) return names_[it->second];
  const std::size_t most = std::max<std::size_t>(1, word.size() / 3);
  const std::uint64_t bits = letter_bits(word);
  std::size_t best = names_.size();
  std::size_t best_distance = most + 1;
  const std::size_t shortest = word.size() > most ? word.size() - most : 0;
  for (std::size_t length = shortest; length <= word.size() + most && length < by_length_.size();
       ++length) {
    const std::size_t length_bound =
        length > word.size() ? length - word.size() : word.size() - length;
    for (std::uint32_t index : by_length_[length]) {
      // Ties go to the first name: once a best is found, an earlier one may equal its
      // distance, a later one must beat it; before that, at most `most` edits.
      const bool found = best < names_.size();
      const std::size_t limit = found && index < best ? best_distance : best_distance - 1;
      if (length_bound > limit || letters_bound(bits, letters_[index]) > limit) continue;
      const std::size_t d = osa_distance(low, lowered_[index], limit);
      if (d <= limit) {
        best = index;
        best_distance = d;
      }
    }
  }
  return best < names_.size() ? names_[best] : std::string();
}

}  // namespace mailsim::scenarios
