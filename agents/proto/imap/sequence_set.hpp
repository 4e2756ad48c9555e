#pragma once
// IMAP sequence sets (RFC 3501 9, "sequence-set"): "1", "2:4", "5:*", "*", "1,3:5,9".
// '*' stands for the largest number in use: the last sequence number, or the largest UID.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace mailsim::proto::imap {

class SequenceSet {
 public:
  static constexpr std::uint32_t kStar = 0;  // '*' in a range end (0 is not a valid number)

  // nullopt for anything that is not a sequence set.
  static std::optional<SequenceSet> parse(std::string_view text);

  // Whether n is in the set, '*' meaning `largest` (a range is taken in either order).
  bool contains(std::uint32_t n, std::uint32_t largest) const;
  // The largest explicit number (not '*'), to check sequence numbers against EXISTS.
  std::uint32_t max_explicit() const;

 private:
  struct Range {
    std::uint32_t first;
    std::uint32_t last;
  };
  std::vector<Range> ranges_;
};

}  // namespace mailsim::proto::imap
