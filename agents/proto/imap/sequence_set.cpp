#include "agents/proto/imap/sequence_set.hpp"

#include <algorithm>
#include <charconv>

namespace mailsim::proto::imap {
namespace {

std::optional<std::uint32_t> parse_seq_number(std::string_view s) {
  if (s == "*") return SequenceSet::kStar;
  if (s.empty() || s[0] == '0') return std::nullopt;  // nz-number
  std::uint32_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

}  // namespace

std::optional<SequenceSet> SequenceSet::parse(std::string_view text) {
  SequenceSet set;
  if (text.empty()) return std::nullopt;
  std::size_t pos = 0;
  while (true) {
    std::size_t comma = text.find(',', pos);
    std::string_view item =
        text.substr(pos, comma == std::string_view::npos ? text.npos : comma - pos);
    std::size_t colon = item.find(':');
    auto first = parse_seq_number(item.substr(0, colon));
    auto last = colon == std::string_view::npos ? first : parse_seq_number(item.substr(colon + 1));
    if (!first || !last) return std::nullopt;
    set.ranges_.push_back({*first, *last});
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return set;
}

bool SequenceSet::contains(std::uint32_t n, std::uint32_t largest) const {
  for (const Range& r : ranges_) {
    std::uint32_t a = r.first == kStar ? largest : r.first;
    std::uint32_t b = r.last == kStar ? largest : r.last;
    if (a > b) std::swap(a, b);
    if (n >= a && n <= b) return true;
  }
  return false;
}

std::uint32_t SequenceSet::max_explicit() const {
  std::uint32_t m = 0;
  for (const Range& r : ranges_)
    m = std::max({m, r.first, r.last});
  return m;
}

}  // namespace mailsim::proto::imap
