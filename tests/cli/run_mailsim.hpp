#pragma once
// Runs the `mailsim` program as a person does, standard output and error together.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace mailsim_test {

struct Result {
  int status;
  std::string out;
};

// Any command line, through the shell.
inline Result run_command(const std::string& command) {
  const std::string cmd = command + " 2>&1";
  Result r{-1, ""};
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf;
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe))
    r.out.append(buf.data(), n);
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

inline Result run(const std::string& args) {
  return run_command(std::string(MAILSIM_BIN) + " " + args);
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace mailsim_test
