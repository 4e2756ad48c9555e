#pragma once
// A bare TCP connection from bob's PC to the retrieval server, for the tests that play a
// misbehaving client by hand (idle, hanging up, resetting): what the server sent, and whether
// it closed.
#include <span>
#include <string>
#include <string_view>

#include "retrieval_world.hpp"

namespace retrieval_test {

struct RawConnection {
  RawConnection(RetrievalWorld& w, std::uint16_t port)
      : socket(w.net.host(w.pc).connect(
            kServerAddress, port, [](sim::net::StreamSocket) {}, [](sim::net::ConnError) {})) {
    socket.on_data([this](std::span<const std::byte> b) {
      received.append(reinterpret_cast<const char*>(b.data()), b.size());
    });
    socket.on_end([this] { ended = true; });
  }
  // The callbacks point at this object.
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send(std::string_view text) { socket.send(text); }

  sim::net::StreamSocket socket;
  std::string received;  // every byte the server sent
  bool ended = false;    // the server closed its side
};

}  // namespace retrieval_test
