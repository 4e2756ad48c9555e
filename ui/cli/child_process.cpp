#include "ui/cli/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace mailsim::cli {
namespace {

// AddressSanitizer reserves terabytes of address space at start: a limit on it would stop
// every child, so an ASan build relies on the time limit alone.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLimitAddressSpace = false;
#else
constexpr bool kLimitAddressSpace = true;
#endif

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void become(const std::vector<char*>& argv, int out, const ChildLimits& limits) {
  dup2(out, STDOUT_FILENO);
  const int null = open("/dev/null", O_WRONLY);
  if (null >= 0) dup2(null, STDERR_FILENO);
  const rlimit core{0, 0};
  setrlimit(RLIMIT_CORE, &core);
  // The processor time too, a second after the wall time: a guard should the parent die.
  const auto seconds = static_cast<rlim_t>(
      std::chrono::duration_cast<std::chrono::seconds>(limits.wall).count() + 1);
  const rlimit cpu{seconds, seconds + 1};
  setrlimit(RLIMIT_CPU, &cpu);
  if (kLimitAddressSpace) {
    const rlimit memory{limits.memory_bytes, limits.memory_bytes};
    setrlimit(RLIMIT_AS, &memory);
  }
  execv(argv[0], argv.data());
  _exit(127);
}

}  // namespace

std::string own_program() {
  std::error_code ec;
  const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("/proc/self/exe") : path.string();
}

std::optional<ChildOutcome> run_child(const std::vector<std::string>& args,
                                      const ChildLimits& limits, std::string& error) {
  std::vector<char*> argv;
  for (const auto& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::array<int, 2> fds{};
  if (pipe2(fds.data(), O_CLOEXEC) != 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  const pid_t pid = fork();
  if (pid < 0) {
    error = std::strerror(errno);
    close(fds[0]);
    close(fds[1]);
    return std::nullopt;
  }
  if (pid == 0) become(argv, fds[1], limits);
  close(fds[1]);

  ChildOutcome outcome;
  const auto deadline = std::chrono::steady_clock::now() + limits.wall;
  bool timed_out = false;
  std::array<char, 65536> buf{};
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = read(fds[0], buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the end of its output: it is ending
    outcome.out.append(buf.data(), static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int raw = 0;
  while (waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
  }
  if (timed_out || (WIFSIGNALED(raw) && (WTERMSIG(raw) == SIGXCPU))) {
    outcome.end = ChildOutcome::End::timed_out;
  } else if (WIFSIGNALED(raw)) {
    outcome.end = ChildOutcome::End::signalled;
    outcome.signal = WTERMSIG(raw);
  } else {
    outcome.status = WEXITSTATUS(raw);
  }
  return outcome;
}

}  // namespace mailsim::cli
