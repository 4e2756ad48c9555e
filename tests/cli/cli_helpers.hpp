#pragma once
// What the CLI tests share: running `mailsim` (run_mailsim.hpp) and a library scenario's path.
// Golden files: tests/golden.hpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "run_mailsim.hpp"
#include "scenarios/library/builtin.hpp"

namespace mailsim_test {

inline std::string library(const std::string& name) {
  return std::string(MAILSIM_SOURCE_DIR) + "/scenarios/library/" + name;
}

// Every built-in scenario's name, for a test run on each (INSTANTIATE_TEST_SUITE_P).
inline std::vector<std::string> library_names() {
  std::vector<std::string> names;
  for (const auto& s : mailsim::scenarios::builtin_scenarios())
    names.emplace_back(s.name);
  return names;
}

// A test's name for a scenario: "first-mail" becomes "first_mail".
inline std::string scenario_test_name(const testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
}

}  // namespace mailsim_test
