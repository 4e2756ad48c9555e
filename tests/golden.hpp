#pragma once
// Golden files, the one way every test compares with them: a file under the test folder's
// golden/ (MAILSIM_TEST_DIR), compared byte for byte (CRLF included). With
// MAILSIM_UPDATE_GOLDEN=1 in the environment the test writes what it got into the file instead
// and passes: regenerate, then read `git diff` before committing.
//
//   MAILSIM_UPDATE_GOLDEN=1 ctest --test-dir build -R Cli   # or any test's name
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace mailsim::test {

inline std::string golden_path(const std::string& name) {
  return std::string(MAILSIM_TEST_DIR) + "/golden/" + name;
}

// True when the golden files are being regenerated rather than checked.
inline bool updating_golden() {
  const char* v = std::getenv("MAILSIM_UPDATE_GOLDEN");
  return v != nullptr && *v != '\0';
}

// The file's bytes; empty when it is missing.
inline std::string read_golden(const std::string& name) {
  std::ifstream in(golden_path(name), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_golden(const std::string& name, const std::string& text) {
  std::ofstream(golden_path(name), std::ios::binary) << text;
}

// Compares `actual` with golden/<name>, or rewrites the file under MAILSIM_UPDATE_GOLDEN=1.
inline void check_golden(const std::string& name, const std::string& actual) {
  if (updating_golden()) return write_golden(name, actual);
  const std::string expected = read_golden(name);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << golden_path(name)
                                 << " (MAILSIM_UPDATE_GOLDEN=1 creates it)";
  const char* hint =
      "; if the change is meant, regenerate it with MAILSIM_UPDATE_GOLDEN=1 and "
      "read the diff";
  if (expected.size() + actual.size() < 64 * 1024) {
    EXPECT_EQ(actual, expected) << "differs from " << golden_path(name) << hint;
  } else {  // a whole trace: printing both would bury the message
    EXPECT_TRUE(actual == expected) << "differs from " << golden_path(name) << hint;
  }
}

}  // namespace mailsim::test
