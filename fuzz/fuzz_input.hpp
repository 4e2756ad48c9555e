#pragma once
// What the fuzz targets share. Choices (a configuration, where to cut the bytes) are taken from
// the end of the input with FuzzedDataProvider, the rest is the text, so that a seed that is
// plain protocol text stays plain text. Every target follows one rule: an exception the code
// documents (a LocalizedError) is an answer; anything else that escapes, a crash or a sanitizer
// report is a finding.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mailsim::fuzz {

// The text cut into pieces (lengths from `seed`): a session must give the same answer whatever
// the split of its bytes, since TCP may deliver them in any segments. Seed 0: one piece.
inline std::vector<std::string_view> segments(std::string_view text, std::uint64_t seed) {
  std::vector<std::string_view> pieces;
  while (!text.empty()) {
    std::size_t take = text.size();
    if (seed != 0) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;  // Knuth's MMIX LCG
      take = std::min<std::size_t>(text.size(), 1 + (seed >> 33) % 97);
    }
    pieces.push_back(text.substr(0, take));
    text.remove_prefix(take);
  }
  return pieces;
}

// The input's text and the choices at its end.
struct Input {
  Input(const std::uint8_t* data, std::size_t size) : choices(data, size) {}
  FuzzedDataProvider choices;
  bool flag() { return choices.ConsumeBool(); }
  template <class T>
  T pick(T lo, T hi) {
    return choices.ConsumeIntegralInRange<T>(lo, hi);
  }
  std::string rest() { return choices.ConsumeRemainingBytesAsString(); }
};

}  // namespace mailsim::fuzz
