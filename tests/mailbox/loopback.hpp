#pragma once
// Connects a client session and a server session in process. Each side's output is queued
// and delivered on the next pump round, as a network would: no side is re-entered while it
// is still handling input. A round can cut the bytes into small chunks to exercise parsing.
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include "sim/time.hpp"

namespace mailsim::test {

struct Loopback {
  std::string to_server;
  std::string to_client;
  std::string transcript;  // "C: " / "S: " lines, one per line sent
  std::size_t chunk = 0;   // 0: deliver everything at once
  sim::SimTime now{0};     // the time each delivery is told

  std::function<void(std::string_view)> client_send() {
    return [this](std::string_view b) {
      to_server.append(b);
      record("C: ", b);
    };
  }
  std::function<void(std::string_view)> server_send() {
    return [this](std::string_view b) {
      to_client.append(b);
      record("S: ", b);
    };
  }

  // Delivers queued bytes until both queues stay empty; returns the number of rounds.
  template <class Client, class Server>
  int pump(Client& client, Server& server, int max_rounds = 100000) {
    int rounds = 0;
    while ((!to_server.empty() || !to_client.empty()) && rounds++ < max_rounds) {
      deliver(to_server, [&](std::string_view b) { server.receive(b, now); });
      deliver(to_client, [&](std::string_view b) { client.receive(b, now); });
    }
    return rounds;
  }

 private:
  void record(std::string_view who, std::string_view bytes) {
    for (std::size_t pos = 0; pos < bytes.size();) {
      std::size_t end = bytes.find("\r\n", pos);
      std::size_t next = end == std::string_view::npos ? bytes.size() : end + 2;
      if (end == std::string_view::npos) end = bytes.size();
      transcript.append(who).append(bytes.substr(pos, end - pos)).append("\n");
      pos = next;
    }
  }

  void deliver(std::string& queue, const std::function<void(std::string_view)>& receive) {
    std::string bytes;
    bytes.swap(queue);
    std::size_t step = chunk == 0 ? bytes.size() : chunk;
    for (std::size_t pos = 0; pos < bytes.size(); pos += step)
      receive(std::string_view(bytes).substr(pos, std::min(step, bytes.size() - pos)));
  }
};

// Connects the two sides directly: each send is delivered at once, inside the sender's own
// call, as an owner that forwards bytes synchronously would. Sessions must cope with being
// called back while they are still handling input.
struct DirectWire {
  std::string transcript;
  std::function<void(std::string_view)> to_client;
  std::function<void(std::string_view)> to_server;

  std::function<void(std::string_view)> client_send() {
    return [this](std::string_view b) {
      transcript.append("C: ").append(b);
      to_server(b);
    };
  }
  std::function<void(std::string_view)> server_send() {
    return [this](std::string_view b) {
      transcript.append("S: ").append(b);
      to_client(b);
    };
  }
};

}  // namespace mailsim::test
