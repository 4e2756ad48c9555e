#pragma once
// The classroom scenarios of scenarios/library/, built into the program.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mailsim::scenarios {

struct BuiltinScenario {
  std::string_view name;  // the file name without .yaml: "firewall-port-25"
  std::string_view text;  // the YAML, as in the file
};

std::span<const BuiltinScenario> builtin_scenarios();  // sorted by name
const BuiltinScenario* find_builtin(std::string_view name);
std::vector<std::string> builtin_names();

}  // namespace mailsim::scenarios
