#pragma once
// `mailsim serve` in the background for the bridge tests, and Python clients run against it.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "tests/command_output.hpp"

namespace mailsim::test {

// What the Python clients share: the ports from the command line, a TLS context that takes a
// self-signed certificate, an SMTP reply read whole, and the POP3 message count of a user.
inline const std::string kPythonClients = R"py(
import hashlib, imaplib, poplib, smtplib, socket, ssl, sys, threading, time
smtp_port, pop3_port, imap_port = map(int, sys.argv[1:])
def unverified():
    c = ssl.create_default_context()
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    return c
def reply(f):
    line = f.readline()
    while line[3:4] == b"-": line = f.readline()
    return line.decode().strip()
def past_ehlo(name):
    """A raw SMTP connection past the greeting and EHLO: its socket and its reader."""
    s = socket.create_connection(("127.0.0.1", smtp_port), timeout=10)
    f = s.makefile("rb")
    reply(f)
    s.sendall(b"EHLO " + name + b"\r\n"); reply(f)
    return s, f
def pop3_count(user="alice", password="wonderland"):
    p = poplib.POP3("127.0.0.1", pop3_port, timeout=10)
    p.user(user); p.pass_(password)
    n = p.stat()[0]
    p.quit()
    return n
)py";

// Runs a Python script with the ports as its arguments; its standard output and error.
inline std::string python(const std::string& script, const std::map<std::string, int>& ports) {
  // ctest runs the tests in parallel processes: one file each.
  const std::string path =
      ::testing::TempDir() + "mailsim_serve_client_" + std::to_string(getpid()) + ".py";
  std::ofstream(path) << script;
  std::string cmd = "timeout 60 python3 " + path;
  for (const char* p : {"SMTP", "POP3", "IMAP"})
    cmd += " " + std::to_string(ports.count(p) ? ports.at(p) : 0);
  std::string out = command_output(cmd + " 2>&1");
  std::remove(path.c_str());  // the temporary directory is shared: leave nothing behind
  return out;
}

// `mailsim serve` (or `mailsim-gui --smtp`) in the background, its output in a file (a pipe
// nobody reads would fill and stop it): the ports it printed once `ready` shows, then its whole
// output after Ctrl-C.
class Server {
 public:
  explicit Server(const std::string& command, const char* ready = "Ctrl-C")
      : path_(::testing::TempDir() + "mailsim_serve_" + std::to_string(getpid()) + ".out") {
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), nullptr);
      _exit(127);
    }
    // Wait for the line that follows the listening addresses (at most 30 s).
    std::string out;
    for (int i = 0; i < 300 && out.find(ready) == std::string::npos; ++i) {
      usleep(100'000);
      out = output();
    }
    const std::regex listening(R"((SMTP|POP3|IMAP): listening on 127\.0\.0\.1:(\d+))");
    for (std::sregex_iterator it(out.begin(), out.end(), listening), end; it != end; ++it)
      ports_[(*it)[1]] = std::stoi((*it)[2]);
  }
  ~Server() {
    if (pid_ > 0 && !stopped_) stop();
    std::remove(path_.c_str());
  }
  const std::map<std::string, int>& ports() const { return ports_; }
  // Ctrl-C, then everything it wrote; its exit status in `status`.
  std::string stop() {
    stopped_ = true;
    kill(pid_, SIGINT);
    int raw = 0;
    waitpid(pid_, &raw, 0);
    status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return output();
  }
  int status = -1;

 private:
  std::string output() const {
    std::ifstream in(path_);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::string path_;
  pid_t pid_ = -1;
  bool stopped_ = false;
  std::map<std::string, int> ports_;
};

}  // namespace mailsim::test
