#include "ui/cli/bridge.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace mailsim::cli {

namespace {

// What the bridge answers a client before cutting it, in its protocol's own form.
// (in the order of answer()'s table)
enum class Cut { too_many, line_too_long, message_too_big, too_much_data, idle, unreachable };

std::string answer(BridgeProtocol protocol, Cut why) {
  struct Words {
    const char* smtp_code;
    const char* text;
  };
  static constexpr Words kWords[] = {
      {"421 4.7.0", "Too many connections, try again later"},
      {"500 5.5.0", "Line too long, closing connection"},
      {"552 5.3.4", "Message too big, closing connection"},
      {"421 4.7.0", "Too much data on one connection, closing"},
      {"421 4.4.2", "Timeout exceeded, closing connection"},
      {"421 4.4.1", "The simulated server cannot be reached, closing connection"}};
  const Words& w = kWords[static_cast<int>(why)];
  const char* prefix = protocol == BridgeProtocol::smtp   ? w.smtp_code
                       : protocol == BridgeProtocol::pop3 ? "-ERR"
                                                          : "* BYE";
  return std::string(prefix) + " " + w.text + "\r\n";
}

bool is_command(const std::string& line, const char* command) {
  const std::size_t n = std::strlen(command);
  if (line.size() != n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::toupper(static_cast<unsigned char>(line[i])) != command[i]) return false;
  return true;
}

}  // namespace

struct Bridge::Client {
  int fd = -1;
  BridgeProtocol protocol = BridgeProtocol::smtp;
  agents::TypedSession* session = nullptr;
  std::string partial;  // received after the last line end
  std::string out;      // to write to the client
  std::size_t received = 0;
  bool data_asked = false;  // SMTP: the client sent DATA, the 354 has not come yet
  bool in_data = false;     // SMTP: between the 354 and the "." line
  std::size_t message = 0;
  std::chrono::steady_clock::time_point last_heard;
  bool closing = false;  // the socket closes once `out` is written
  bool closed = false;
};

Bridge::Bridge(scenarios::ScenarioRun& run, BridgeLimits limits, double speed)
    : run_(run),
      limits_(limits),
      speed_(speed),
      wall_start_(std::chrono::steady_clock::now()),
      sim_start_(run.sim().now()) {}

Bridge::~Bridge() {
  for (const auto& c : clients_)
    if (!c->closed) ::close(c->fd);
  for (const Listener& l : listeners_)
    ::close(l.fd);
}

std::string Bridge::listen(const std::string& address, std::uint16_t port,
                           const BridgeTarget& target, std::string& error) {
  sockaddr_in at{};
  at.sin_family = AF_INET;
  at.sin_port = htons(port);
  if (inet_pton(AF_INET, address.c_str(), &at.sin_addr) != 1) {
    error = std::strerror(EINVAL);
    return "";
  }
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  const int yes = 1;
  if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) != 0 ||
      ::bind(fd, reinterpret_cast<sockaddr*>(&at), sizeof at) != 0 || ::listen(fd, 512) != 0) {
    error = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return "";
  }
  socklen_t length = sizeof at;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&at), &length);
  listeners_.push_back({fd, target});
  return address + ":" + std::to_string(ntohs(at.sin_port));
}

void Bridge::accept_from(const Listener& listener) {
  for (;;) {
    const int fd = ::accept4(listener.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // none left (EAGAIN), or the client left before we took it
    ++accepted_;
    auto client = std::make_shared<Client>();
    client->fd = fd;
    client->protocol = listener.target.protocol;
    client->last_heard = std::chrono::steady_clock::now();
    clients_.push_back(client);
    const auto open =
        std::count_if(clients_.begin(), clients_.end(), [](const auto& c) { return !c->closing; });
    if (static_cast<std::size_t>(open) > limits_.connections) {
      client->out = answer(client->protocol, Cut::too_many);
      client->closing = true;
      continue;
    }
    std::weak_ptr<Client> weak = client;
    agents::TypedSession::Callbacks callbacks;
    callbacks.on_line = [weak](const std::string& line) {
      auto c = weak.lock();
      if (!c || c->closed) return;
      if (c->data_asked && line.rfind("354", 0) == 0) c->in_data = true;
      if (c->data_asked && !line.empty() && line[0] != '3') c->data_asked = false;  // refused
      c->out += line + "\r\n";
    };
    callbacks.on_closed = [weak] {
      if (auto c = weak.lock()) c->closing = true;
    };
    callbacks.on_failed = [weak](sim::net::ConnError) {
      auto c = weak.lock();
      if (!c || c->closing) return;
      c->out += answer(c->protocol, Cut::unreachable);
      c->closing = true;
    };
    const BridgeTarget& t = listener.target;
    client->session = &run_.open_session(t.from, t.address, t.port, std::move(callbacks));
  }
}

void Bridge::cut(Client& client, const std::string& reason) {
  client.out += reason;
  client.closing = true;
  client.partial.clear();
  // The simulated server sees the connection end: a message cut in DATA is never queued.
  if (client.session != nullptr) client.session->close();
}

void Bridge::take_line(const std::shared_ptr<Client>& client, std::string line) {
  Client& c = *client;
  // Idle is counted in whole lines: a client dribbling a byte at a time is still idle.
  c.last_heard = std::chrono::steady_clock::now();
  if (c.protocol == BridgeProtocol::smtp) {
    if (c.in_data) {
      c.message += line.size() + 2;
      if (c.message > limits_.message_bytes) {
        cut(c, answer(c.protocol, Cut::message_too_big));
        return;
      }
      if (line == ".") {
        c.in_data = false;
        c.data_asked = false;
        c.message = 0;
      }
    } else if (is_command(line, "DATA")) {
      c.data_asked = true;
    }
  }
  c.session->type(line);
}

void Bridge::read_from(const std::shared_ptr<Client>& client) {
  Client& c = *client;
  char buffer[16384];
  const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
  if (n <= 0) {
    // The client left: a line it did not end is dropped, as a server drops it.
    if (c.session != nullptr) c.session->close();
    ::close(c.fd);
    c.closed = true;
    return;
  }
  if (c.closing) return;  // what comes after the cut is not read into the simulation
  c.received += static_cast<std::size_t>(n);
  if (c.received > limits_.connection_bytes) {
    cut(c, answer(c.protocol, Cut::too_much_data));
    return;
  }
  for (ssize_t i = 0; i < n && !c.closing; ++i) {
    const char byte = buffer[i];
    if (byte == '\n') {
      std::string line = std::move(c.partial);
      c.partial.clear();
      if (!line.empty() && line.back() == '\r') line.pop_back();
      take_line(client, std::move(line));
    } else {
      c.partial += byte;
      if (c.partial.size() + 2 > limits_.line_bytes) cut(c, answer(c.protocol, Cut::line_too_long));
    }
  }
}

void Bridge::flush(Client& c) {
  while (!c.out.empty()) {
    const ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
      c.out.clear();  // the client is gone
      c.closing = true;
      break;
    }
    c.out.erase(0, static_cast<std::size_t>(n));
  }
  if (c.closing) {
    if (c.session != nullptr) c.session->close();
    ::shutdown(c.fd, SHUT_WR);
    ::close(c.fd);
    c.closed = true;
  }
}

void Bridge::advance_simulation() {
  const auto wall = std::chrono::steady_clock::now() - wall_start_;
  const auto simulated = std::chrono::duration_cast<sim::SimTime>(wall * speed_);
  run_.run_until(std::max(sim_start_ + simulated, run_.sim().now()));
}

int Bridge::poll_timeout_ms() const {
  // Wake for the next simulated event, at most every 20 ms (a client's bytes wake us anyway).
  constexpr int kMost = 20;
  const auto next = run_.sim().next_event_time();
  if (!next) return kMost;
  const auto wall_due =
      std::chrono::duration_cast<std::chrono::milliseconds>((*next - sim_start_) / speed_);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - wall_start_);
  return static_cast<int>(std::clamp<std::int64_t>((wall_due - elapsed).count(), 0, kMost));
}

void Bridge::serve(const volatile bool& stop) {
  std::vector<pollfd> fds;
  while (!stop && !run_.failure()) {
    fds.clear();
    for (const Listener& l : listeners_)
      fds.push_back({l.fd, POLLIN, 0});
    const std::vector<std::shared_ptr<Client>> polled = clients_;
    for (const auto& c : polled)
      fds.push_back({c->fd, static_cast<short>(POLLIN | (c->out.empty() ? 0 : POLLOUT)), 0});
    if (::poll(fds.data(), fds.size(), poll_timeout_ms()) < 0 && errno != EINTR) break;
    for (std::size_t i = 0; i < listeners_.size(); ++i)
      if (fds[i].revents & POLLIN) accept_from(listeners_[i]);
    for (std::size_t i = 0; i < polled.size(); ++i)
      if (!polled[i]->closed && (fds[listeners_.size() + i].revents & (POLLIN | POLLHUP | POLLERR)))
        read_from(polled[i]);
    advance_simulation();
    const auto now = std::chrono::steady_clock::now();
    for (const auto& c : clients_) {
      if (c->closed) continue;
      if (!c->closing && now - c->last_heard > limits_.idle)
        cut(*c, answer(c->protocol, Cut::idle));
      flush(*c);
    }
    std::erase_if(clients_, [](const auto& c) { return c->closed; });
  }
}

}  // namespace mailsim::cli
