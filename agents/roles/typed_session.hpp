#pragma once
// A person at a keyboard, like the article's `telnet smtp.example.com 25`: opens a connection
// from one host to a host and port, sends each typed line (with CRLF, as telnet does on
// Enter), and reports every line the server answers. Servers cannot tell it from a program.
// The scenario timeline's `type` action drives it.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "agents/journey/dialogue_tracer.hpp"
#include "sim/net/network.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

namespace kinds {
inline constexpr sim::TraceKind kTypedOpened{"typed.opened", "agents"};
inline constexpr sim::TraceKind kTypedFailed{"typed.failed", "agents"};
inline constexpr sim::TraceKind kTypedSent{"typed.sent", "agents"};
inline constexpr sim::TraceKind kTypedReceived{"typed.received", "agents"};
inline constexpr sim::TraceKind kTypedClosed{"typed.closed", "agents"};
}  // namespace kinds
std::span<const sim::TraceKind* const> typed_session_kinds();

// The records are the dialogue shapes (agents/journey/dialogue_records.hpp), whose parties
// say the session as dialled ("alice-pc -> 198.51.100.25:25") and the connection's id:
//   opened: DialogueRecord;   sent, received: DialogueLineRecord (line)
//   failed, closed: DialogueEndRecord (reason: connection_refused, connection_timed_out,
//                   connection_reset, connection_host_down, server_closed, user_closed)

class TypedSession {
 public:
  struct Callbacks {
    std::function<void()> on_connected;
    std::function<void(const std::string& line)> on_line;  // each line received, without CRLF
    std::function<void(sim::net::ConnError)> on_failed;    // could not connect, or reset
    std::function<void()> on_closed;                       // the server closed (after 221...)
  };

  TypedSession(sim::net::Network& net, sim::net::NodeId from, sim::net::Ipv4Address to,
               std::uint16_t port, Callbacks callbacks = {});
  ~TypedSession();
  TypedSession(const TypedSession&) = delete;
  TypedSession& operator=(const TypedSession&) = delete;

  void open();
  // Sends `line` followed by CRLF; typed before the connection is up, it waits, as keystrokes
  // wait in a terminal. False once the session has ended.
  bool type(const std::string& line);
  void close();

  bool connected() const;
  bool ended() const;
  const std::string& name() const { return name_; }
  // The connection's id in the trace's records (0 before open()).
  std::uint64_t conn() const { return tracer_.parties().conn; }
  // Everything received so far, one entry per line, for the console and tests.
  const std::vector<std::string>& received() const { return received_; }

 private:
  struct State;
  void ended(const sim::TraceKind& kind, std::string reason);
  void on_bytes(std::span<const std::byte> bytes);

  sim::net::Network& net_;
  sim::net::NodeId from_;
  sim::net::Ipv4Address to_;
  std::uint16_t port_;
  Callbacks callbacks_;
  std::string name_;
  DialogueTracer tracer_;
  std::unique_ptr<State> state_;
  std::vector<std::string> received_;
  sim::Subscription socket_callbacks_;  // they call this object: they go with it
};

}  // namespace mailsim::agents
