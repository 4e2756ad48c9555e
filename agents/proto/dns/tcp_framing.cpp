#include "agents/proto/dns/tcp_framing.hpp"

#include "agents/proto/dns/message.hpp"
#include "agents/proto/dns/messages.hpp"

namespace mailsim::proto::dns {

std::vector<std::uint8_t> frame_for_tcp(std::span<const std::uint8_t> message) {
  if (message.size() > 0xFFFF)
    throw EncodeError(
        Text(msg::kEncodeTooLarge, {{"size", std::to_string(message.size())}, {"limit", "65535"}})
            .with("what", Text(msg::kWhatTcpMessage)));
  std::vector<std::uint8_t> out;
  out.reserve(message.size() + 2);
  out.push_back(static_cast<std::uint8_t>(message.size() >> 8));
  out.push_back(static_cast<std::uint8_t>(message.size()));
  out.insert(out.end(), message.begin(), message.end());
  return out;
}

void TcpFrameReader::feed(std::span<const std::uint8_t> bytes) {
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
}

std::optional<std::vector<std::uint8_t>> TcpFrameReader::next() {
  if (buffer_.size() < 2) return std::nullopt;
  const std::size_t length = std::size_t{buffer_[0]} << 8 | buffer_[1];
  if (buffer_.size() < 2 + length) return std::nullopt;
  std::vector<std::uint8_t> out(buffer_.begin() + 2,
                                buffer_.begin() + 2 + static_cast<std::ptrdiff_t>(length));
  buffer_.erase(buffer_.begin(), buffer_.begin() + 2 + static_cast<std::ptrdiff_t>(length));
  return out;
}

}  // namespace mailsim::proto::dns
