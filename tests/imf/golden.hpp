#pragma once
// Golden files of the message tests: compared byte for byte (CRLF included);
// MAILSIM_UPDATE_GOLDEN=1 rewrites them instead (review the diff before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace imf_test {

inline std::string golden_path(const std::string& name) {
  return std::string(MAILSIM_TEST_DIR) + "/golden/" + name;
}

inline std::string read_golden(const std::string& name) {
  std::ifstream in(golden_path(name), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void check_golden(const std::string& name, const std::string& actual) {
  if (std::getenv("MAILSIM_UPDATE_GOLDEN")) {
    std::ofstream(golden_path(name), std::ios::binary) << actual;
    return;
  }
  const auto expected = read_golden(name);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << golden_path(name);
  EXPECT_EQ(actual, expected) << "golden file " << name << " differs";
}

}  // namespace imf_test
