#include "agents/narration/french_elision.hpp"

#include <array>

namespace mailsim::agents {
namespace {

bool starts_with_vowel(std::string_view s) {
  static constexpr std::string_view kAscii = "aeiouAEIOU";
  // UTF-8 accented vowels a name may start with.
  static constexpr std::array<std::string_view, 16> kAccented{
      "à", "â", "é", "è", "ê", "ë", "î", "ï", "ô", "ù", "û", "À", "Â", "É", "È", "Ê"};
  if (s.empty()) return false;
  if (kAscii.find(s.front()) != std::string_view::npos) return true;
  for (std::string_view a : kAccented)
    if (s.starts_with(a)) return true;
  return false;
}

const std::string* value_of(const std::vector<Text::Arg>& args, std::string_view name) {
  for (const auto& [k, v] : args)
    if (k == name) return &v;
  return nullptr;
}

}  // namespace

std::string elide_de(std::string_view pattern, const std::vector<Text::Arg>& args) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    // "de " as a word (at the start or after a space), right before a placeholder.
    const bool word_de = pattern.substr(i).starts_with("de {") && (i == 0 || pattern[i - 1] == ' ');
    if (word_de) {
      const std::size_t open = i + 3;
      const std::size_t close = pattern.find('}', open);
      const std::string* value = close == std::string_view::npos
                                     ? nullptr
                                     : value_of(args, pattern.substr(open + 1, close - open - 1));
      if (value && starts_with_vowel(*value)) {
        out += "d'";
        i = open - 1;  // the loop's ++i lands on the placeholder's '{'
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace mailsim::agents
