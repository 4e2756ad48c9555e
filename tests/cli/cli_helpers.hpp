#pragma once
// What the CLI tests share: running `mailsim` (run_mailsim.hpp), a library scenario's path and
// a golden file's text.
#include <string>

#include "run_mailsim.hpp"

namespace mailsim_test {

inline std::string library(const std::string& name) {
  return std::string(MAILSIM_SOURCE_DIR) + "/scenarios/library/" + name;
}

inline std::string golden(const std::string& name) {
  return read_file(std::string(MAILSIM_TEST_DIR) + "/golden/" + name);
}

}  // namespace mailsim_test
