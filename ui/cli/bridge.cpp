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

#include "ui/cli/starttls_hiding.hpp"
#include "ui/cli/tls_channel.hpp"

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
  std::string out;      // to write to the client (encrypted once TLS has started)
  std::size_t received = 0;
  bool data_asked = false;  // SMTP: the client sent DATA, the 354 has not come yet
  bool in_data = false;     // SMTP: between the 354 and the "." line
  // Its last command ended in CR LF: in its message a bare LF is the message's own byte, passed
  // on as it came (a real client's <LF>.<CR><LF> reaches the simulated server, SMTP smuggling);
  // a client that ends its lines in LF alone (nc) has each LF taken as a line end.
  bool crlf = false;
  std::size_t message = 0;
  std::chrono::steady_clock::time_point last_heard;
  bool closing = false;  // the socket closes once `out` is written
  bool closed = false;
  // SMTP answers each line but the message's with one reply; the greeting comes first.
  std::size_t unanswered = 1;
  bool starttls_asked = false;      // STARTTLS typed, the simulated server's reply not yet in
  std::size_t starttls_after = 0;   // replies due before STARTTLS's (commands pipelined before it)
  std::unique_ptr<TlsChannel> tls;  // from the simulated server's 220 to STARTTLS
  StarttlsHiding hiding;            // without TLS

  void send(std::string_view bytes) {
    if (!tls) {
      out += bytes;
      return;
    }
    tls->write(bytes);
    out += tls->take_output();
  }
};

Bridge::Bridge(scenarios::ScenarioRun& run, BridgeLimits limits, double speed, BridgeTls tls)
    : run_(run),
      limits_(limits),
      speed_(speed),
      tls_(std::move(tls)),
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
    callbacks.on_line = [this, weak](const std::string& line) {
      auto c = weak.lock();
      if (!c || c->closed) return;
      take_reply(*c, line);
    };
    callbacks.on_closed = [weak] {
      if (auto c = weak.lock()) c->closing = true;
    };
    callbacks.on_failed = [weak](sim::net::ConnError) {
      auto c = weak.lock();
      if (!c || c->closing) return;
      c->send(answer(c->protocol, Cut::unreachable));
      c->closing = true;
    };
    const BridgeTarget& t = listener.target;
    client->session = &run_.open_session(t.from, t.address, t.port, std::move(callbacks));
  }
}

void Bridge::cut(Client& client, const std::string& reason) {
  client.send(reason);
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
      if (line == ".") ++c.unanswered;
    } else if (is_command(line, "STARTTLS") && !c.tls) {
      if (tls_.context == nullptr) {
        // Not offered (--no-tls): refused as by a server without it, the simulation untold.
        c.send("502 5.5.1 Error: command not implemented\r\n");
        return;
      }
      c.starttls_after = c.unanswered++;
      c.starttls_asked = true;
    } else {
      ++c.unanswered;
      if (is_command(line, "DATA")) c.data_asked = true;
    }
  }
  c.session->type(line);
}

void Bridge::take_reply(Client& c, std::string line) {
  if (c.protocol != BridgeProtocol::smtp) {
    c.send(line + "\r\n");
    return;
  }
  if (c.data_asked && line.rfind("354", 0) == 0) c.in_data = true;
  if (c.data_asked && !line.empty() && line[0] != '3') c.data_asked = false;  // refused
  const bool last_line = line.size() < 4 || line[3] != '-';
  if (last_line && c.unanswered > 0) --c.unanswered;
  if (c.starttls_asked && last_line && c.starttls_after-- == 0) {
    c.starttls_asked = false;
    c.send(line + "\r\n");  // in clear: the client starts its handshake when it reads it
    if (line.rfind("220", 0) == 0) c.tls = std::make_unique<TlsChannel>(*tls_.context);
    return;
  }
  if (tls_.context == nullptr) {
    for (const std::string& passed : c.hiding.pass(std::move(line)))
      c.send(passed + "\r\n");
    return;
  }
  c.send(line + "\r\n");
}

void Bridge::take_bytes(const std::shared_ptr<Client>& client, std::string_view bytes) {
  Client& c = *client;
  // After STARTTLS, what came in clear with it is dropped, as the simulated server drops it
  // (CVE-2011-0411): the next bytes that count are the TLS handshake's.
  for (std::size_t i = 0; i < bytes.size() && !c.closing && !c.starttls_asked; ++i) {
    const char byte = bytes[i];
    const bool after_cr = !c.partial.empty() && c.partial.back() == '\r';
    if (byte == '\n' && (after_cr || !(c.in_data && c.crlf))) {
      std::string line = std::move(c.partial);
      c.partial.clear();
      if (!c.in_data) c.crlf = after_cr;
      if (after_cr) line.pop_back();
      take_line(client, std::move(line));
    } else {
      c.partial += byte;
      // A message's line may be longer than a command's: the simulated server keeps it whole,
      // as Postfix does, so only the message's own limit bounds it.
      if (c.in_data) {
        if (c.message + c.partial.size() + 2 > limits_.message_bytes)
          cut(c, answer(c.protocol, Cut::message_too_big));
      } else if (c.partial.size() + 2 > limits_.line_bytes) {
        cut(c, answer(c.protocol, Cut::line_too_long));
      }
    }
  }
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
  const std::string_view bytes(buffer, static_cast<std::size_t>(n));
  if (!c.tls) {
    take_bytes(client, bytes);
    return;
  }
  std::string plain;
  const TlsChannel::Status status = c.tls->feed(bytes, plain);
  c.out += c.tls->take_output();  // the handshake's messages, or an alert
  if (status == TlsChannel::Status::failed) {
    // Not TLS, or a client that refused the certificate: nothing more to say to it.
    c.closing = true;
    c.partial.clear();
    if (c.session != nullptr) c.session->close();
    if (tls_.on_failed) tls_.on_failed();
    return;
  }
  take_bytes(client, plain);
}

void Bridge::flush(Client& c) {
  if (c.closing && c.tls) {
    c.tls->close();  // close_notify, once
    c.out += c.tls->take_output();
  }
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

bool Bridge::receive(int timeout_ms) {
  std::vector<pollfd> fds;
  for (const Listener& l : listeners_)
    fds.push_back({l.fd, POLLIN, 0});
  const std::vector<std::shared_ptr<Client>> polled = clients_;
  for (const auto& c : polled)
    fds.push_back({c->fd, static_cast<short>(POLLIN | (c->out.empty() ? 0 : POLLOUT)), 0});
  if (::poll(fds.data(), fds.size(), timeout_ms) < 0) return errno == EINTR;
  for (std::size_t i = 0; i < listeners_.size(); ++i)
    if (fds[i].revents & POLLIN) accept_from(listeners_[i]);
  for (std::size_t i = 0; i < polled.size(); ++i)
    if (!polled[i]->closed && (fds[listeners_.size() + i].revents & (POLLIN | POLLHUP | POLLERR)))
      read_from(polled[i]);
  return true;
}

void Bridge::answer_all() {
  const auto now = std::chrono::steady_clock::now();
  for (const auto& c : clients_) {
    if (c->closed) continue;
    if (!c->closing && now - c->last_heard > limits_.idle) cut(*c, answer(c->protocol, Cut::idle));
    flush(*c);
  }
  std::erase_if(clients_, [](const auto& c) { return c->closed; });
}

void Bridge::serve(const volatile bool& stop) {
  while (!stop && !run_.failure()) {
    if (!receive(poll_timeout_ms())) break;
    advance_simulation();
    answer_all();
  }
}

void Bridge::pump() {
  // What the simulation answered since the last frame goes out first.
  answer_all();
  receive(0);
}

}  // namespace mailsim::cli
