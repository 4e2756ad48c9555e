#pragma once
// What the CLI tests share: running `mailsim` (run_mailsim.hpp) and a library scenario's path.
// Golden files: tests/golden.hpp.
#include <string>

#include "run_mailsim.hpp"

namespace mailsim_test {

inline std::string library(const std::string& name) {
  return std::string(MAILSIM_SOURCE_DIR) + "/scenarios/library/" + name;
}

}  // namespace mailsim_test
