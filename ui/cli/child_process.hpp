#pragma once
// Runs a program in a process of its own, with a wall-time limit and a memory limit
// (setrlimit), and collects what it writes on its standard output: `mailsim grade` grades
// each student's file this way, so that a file that runs away cannot stall the class.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mailsim::cli {

struct ChildLimits {
  std::chrono::milliseconds wall{20000};
  std::uint64_t memory_bytes = 2048ULL << 20;  // address space; not applied under ASan
};

struct ChildOutcome {
  enum class End { exited, timed_out, signalled };
  End end = End::exited;
  int status = 0;  // the exit status, when it exited
  int signal = 0;  // the signal that ended it, when signalled
  std::string out;
};

// `argv[0]` is the program's path. Empty, with `error` set (strerror), when the process could
// not be started.
std::optional<ChildOutcome> run_child(const std::vector<std::string>& argv,
                                      const ChildLimits& limits, std::string& error);

// The path of the running program (to run mailsim itself).
std::string own_program();

}  // namespace mailsim::cli
