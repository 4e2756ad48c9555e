#pragma once
// Golden transcripts for the retrieval protocols (POP3, IMAP). A golden file is both the
// script and the expected result:
//   "C: text"      a line the client sends (CRLF added)
//   "S: text"      a line the server sent (regenerated, then compared)
//   "# text"       a comment, kept as is
//   "--- session"  closes nothing, starts a fresh server session on the same store
// The test runs the C: lines through a new session and rebuilds the file; it must come out
// byte for byte equal. MAILSIM_UPDATE_GOLDEN=1 rewrites the file instead (tests/golden.hpp).
// The same client bytes are also fed one byte at a time and in pseudo-random chunks; the
// server's output must not depend on how the input was split.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "sim/lines.hpp"
#include "tests/golden.hpp"

namespace mailsim::test {

struct Endpoint {
  std::function<void()> start;
  std::function<void(std::string_view)> receive;
};
using Send = std::function<void(std::string_view)>;
// Builds a new server session that writes through send; called once per "--- session".
using SessionFactory = std::function<Endpoint(Send send)>;

// Server bytes as "S: " lines; an unterminated tail is shown as "S~ " so it cannot hide.
inline std::string server_lines(std::string_view out) {
  std::string text;
  std::size_t pos = 0;
  while (pos < out.size()) {
    std::size_t crlf = out.find("\r\n", pos);
    if (crlf == std::string_view::npos) {
      text += "S~ " + std::string(out.substr(pos)) + "\n";
      break;
    }
    text += "S: " + std::string(out.substr(pos, crlf - pos)) + "\n";
    pos = crlf + 2;
  }
  return text;
}

struct GoldenResult {
  std::string rebuilt;                       // the transcript, fed line by line
  std::vector<std::string> sessions_output;  // raw server bytes per session
  std::vector<std::string> sessions_input;   // raw client bytes per session
};

inline GoldenResult run_line_by_line(const std::vector<std::string>& script,
                                     const SessionFactory& factory) {
  GoldenResult r;
  std::string out;
  Endpoint session;
  auto begin = [&] {
    out.clear();
    session = factory([&out](std::string_view b) { out.append(b); });
    r.sessions_input.emplace_back();
    r.sessions_output.emplace_back();
    session.start();
    r.rebuilt += server_lines(out);
    r.sessions_output.back() += out;
  };
  begin();
  for (const std::string& line : script) {
    if (line.rfind("C: ", 0) == 0) {
      r.rebuilt += line + "\n";
      std::string bytes = line.substr(3) + "\r\n";
      r.sessions_input.back() += bytes;
      out.clear();
      session.receive(bytes);
      r.rebuilt += server_lines(out);
      r.sessions_output.back() += out;
    } else if (line == "--- session") {
      r.rebuilt += line + "\n";
      begin();
    } else if (line.rfind("S: ", 0) != 0 && line.rfind("S~ ", 0) != 0) {
      r.rebuilt += line + "\n";  // comments and blank lines
    }
  }
  return r;
}

// Feeds one session's input in chunks whose sizes come from next_size.
inline std::string run_chunked(const std::string& input, const SessionFactory& factory,
                               const std::function<std::size_t()>& next_size) {
  std::string out;
  Endpoint session = factory([&out](std::string_view b) { out.append(b); });
  session.start();
  for (std::size_t pos = 0; pos < input.size();) {
    std::size_t n = std::min(next_size(), input.size() - pos);
    session.receive(std::string_view(input).substr(pos, n));
    pos += n;
  }
  return out;
}

// The whole check for one golden file. make_factory is called before every run, so each run
// starts from the same fresh store.
inline void check_golden(const std::string& name,
                         const std::function<SessionFactory()>& make_factory) {
  const std::string expected = read_golden(name);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << golden_path(name);
  GoldenResult r = run_line_by_line(split_lines(expected), make_factory());
  check_golden(name, r.rebuilt);
  // Same bytes, other splits: one byte at a time, then pseudo-random chunks of 1..17 bytes.
  {
    SessionFactory f = make_factory();
    for (std::size_t s = 0; s < r.sessions_input.size(); ++s)
      EXPECT_EQ(run_chunked(r.sessions_input[s], f, [] { return std::size_t{1}; }),
                r.sessions_output[s])
          << name << ": session " << s + 1 << " fed one byte at a time";
  }
  {
    SessionFactory f = make_factory();
    std::mt19937 rng(12345);
    for (std::size_t s = 0; s < r.sessions_input.size(); ++s)
      EXPECT_EQ(run_chunked(r.sessions_input[s], f, [&] { return std::size_t{1 + rng() % 17}; }),
                r.sessions_output[s])
          << name << ": session " << s + 1 << " fed in random chunks";
  }
}

}  // namespace mailsim::test
