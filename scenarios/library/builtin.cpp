#include "scenarios/library/builtin.hpp"

namespace mailsim::scenarios {

const BuiltinScenario* find_builtin(std::string_view name) {
  for (const auto& s : builtin_scenarios())
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> names;
  for (const auto& s : builtin_scenarios())
    names.emplace_back(s.name);
  return names;
}

}  // namespace mailsim::scenarios
