#include "ui/cli/starttls_hiding.hpp"

#include <algorithm>
#include <cctype>

namespace mailsim::cli {

namespace {

bool is_starttls_keyword(const std::string& line) {
  static constexpr std::string_view kKeyword = "STARTTLS";
  if (line.size() != 4 + kKeyword.size()) return false;
  return std::equal(kKeyword.begin(), kKeyword.end(), line.begin() + 4, [](char k, char c) {
    return k == std::toupper(static_cast<unsigned char>(c));
  });
}

}  // namespace

std::vector<std::string> StarttlsHiding::pass(std::string line) {
  const bool reply_250 = line.size() >= 4 && line.compare(0, 3, "250") == 0;
  if (reply_250 && line[3] == '-') {
    held_.push_back(std::move(line));
    return {};
  }
  std::vector<std::string> out = std::move(held_);
  held_.clear();
  out.push_back(std::move(line));
  if (!reply_250) return out;
  // The first line is the greeting ("250-smtp.a.example"), never a keyword.
  out.erase(std::remove_if(out.begin() + 1, out.end(), is_starttls_keyword), out.end());
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i].size() >= 4) out[i][3] = i + 1 == out.size() ? ' ' : '-';
  return out;
}

}  // namespace mailsim::cli
