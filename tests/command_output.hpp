#pragma once
// What a shell command writes on its standard output, for the tests that run programs
// (tshark, python3, mailsim).
#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace mailsim::test {

inline std::string command_output(const std::string& cmd) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return out;
  std::array<char, 65536> buf;
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe.get()))
    out.append(buf.data(), n);
  return out;
}

}  // namespace mailsim::test
