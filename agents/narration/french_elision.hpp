#pragma once
// French elides "de" before a vowel: "d'alice-pc", not "de alice-pc". A catalog sentence cannot
// know which name a placeholder will get, so the rule is applied where a placeholder follows
// the word "de", once the argument is known.
#include <string>
#include <string_view>
#include <vector>

#include "sim/text.hpp"

namespace mailsim::agents {

// `pattern` with "de {name}" written "d'{name}" wherever the argument `name` starts with a
// vowel (h and y are left alone: "de hôte" and "de yahoo" need a dictionary, not a rule).
std::string elide_de(std::string_view pattern, const std::vector<Text::Arg>& args);

}  // namespace mailsim::agents
