#pragma once
// The names a scenario declares (hosts, links, clients, keys), indexed for its checks: whether
// a name exists, and which one a misspelt name was meant to be. Both cost about the same
// whatever the number of names: a hash for the first; for the second, only names of a close
// length whose letters can match are compared (see closest()).
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mailsim::scenarios {

class NameIndex {
 public:
  NameIndex() = default;
  explicit NameIndex(const std::vector<std::string>& names);
  void add(std::string name);

  bool contains(std::string_view name) const;
  // The name closest to `word` if one is close enough to be a likely typo (optimal string
  // alignment distance, case-insensitive, at most a third of the word); the first added of
  // the closest ones. Empty when none is.
  std::string closest(std::string_view word) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> lowered_;
  std::unordered_set<std::string> exact_;
  std::unordered_map<std::string, std::uint32_t> lowercase_;  // -> first index
  std::vector<std::vector<std::uint32_t>> by_length_;         // indexes, in order
  std::vector<std::uint64_t> letters_;                        // per name: see letter_bits()
};

}  // namespace mailsim::scenarios
