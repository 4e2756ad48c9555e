#pragma once
// A text a person reads, in English and in French (a title, a lesson's question).
#include <string>

#include "sim/text.hpp"

namespace mailsim::scenarios {

struct LocalizedText {
  std::string en;
  std::string fr;
  const std::string& in(Lang lang) const { return lang == Lang::fr && !fr.empty() ? fr : en; }
  bool operator==(const LocalizedText&) const = default;
};

}  // namespace mailsim::scenarios
