#pragma once
// DNS over TCP (RFC 1035 4.2.2): each message is preceded by its length in two octets. The
// reader reassembles messages from a stream delivered in arbitrary pieces.
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <vector>

namespace mailsim::proto::dns {

// Prefixes the length; throws EncodeError above 65535 octets.
std::vector<std::uint8_t> frame_for_tcp(std::span<const std::uint8_t> message);

class TcpFrameReader {
 public:
  void feed(std::span<const std::uint8_t> bytes);
  // The next complete message (without its prefix), or nullopt until more bytes arrive.
  std::optional<std::vector<std::uint8_t>> next();
  std::size_t buffered() const { return buffer_.size(); }  // octets waiting, prefixes included

 private:
  std::deque<std::uint8_t> buffer_;
};

}  // namespace mailsim::proto::dns
