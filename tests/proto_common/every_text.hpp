#pragma once
// Every text over a small alphabet, up to a length: what an exhaustive test of a text rule
// against its plain reference walks ("a", "\r", "\n" up to 9 octets is 29,524 texts).
#include <string>
#include <string_view>
#include <vector>

namespace mailsim::test {

inline std::vector<std::string> every_text(std::string_view alphabet, std::size_t max_length) {
  std::vector<std::string> texts{""};
  for (std::size_t from = 0; from < texts.size(); ++from) {
    if (texts[from].size() == max_length) continue;
    for (char c : alphabet)
      texts.push_back(texts[from] + c);
  }
  return texts;
}

}  // namespace mailsim::test
