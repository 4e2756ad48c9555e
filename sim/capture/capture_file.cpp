#include "sim/capture/capture_file.hpp"

namespace mailsim::sim::capture {
namespace {

// Both formats are written little-endian, as their magic numbers tell the reader.
void put_le(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void pad4(std::string& out) {
  while (out.size() % 4 != 0)
    out.push_back('\0');
}

constexpr std::uint32_t kLinktypeRaw = 101;  // raw IPv4/IPv6, no link-layer header
constexpr std::uint32_t kSnapLength = 262144;

// A pcapng block: type, total length, body (padded to 32 bits), total length again.
std::string block(std::uint32_t type, const std::string& body) {
  std::string padded = body;
  pad4(padded);
  const auto length = static_cast<std::uint32_t>(padded.size() + 12);
  std::string out;
  put_le(out, type, 4);
  put_le(out, length, 4);
  out += padded;
  put_le(out, length, 4);
  return out;
}

std::string section_header() {
  std::string body;
  put_le(body, 0x1a2b3c4d, 4);  // byte-order magic
  put_le(body, 1, 2);           // version 1.0
  put_le(body, 0, 2);
  put_le(body, ~0ULL, 8);  // section length not given
  return block(0x0a0d0d0a, body);
}

std::string interface_description(const std::string& name) {
  std::string body;
  put_le(body, kLinktypeRaw, 2);
  put_le(body, 0, 2);
  put_le(body, kSnapLength, 4);
  put_le(body, 2, 2);  // option if_name
  put_le(body, name.size(), 2);
  body += name;
  pad4(body);
  put_le(body, 0, 4);  // opt_endofopt (timestamps stay in microseconds, the default)
  return block(1, body);
}

}  // namespace

CaptureFormat format_for(const std::string& path) {
  const std::string suffix = ".pcap";
  const bool classic = path.size() >= suffix.size() &&
                       path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  return classic ? CaptureFormat::pcap : CaptureFormat::pcapng;
}

CaptureFile::CaptureFile(const std::string& path, CaptureFormat format,
                         const std::vector<std::string>& interfaces)
    : out_(path, std::ios::binary | std::ios::trunc), format_(format) {
  std::string head;
  if (format_ == CaptureFormat::pcap) {
    // Magic (microsecond timestamps), version 2.4, zone 0, sigfigs 0, snaplen, link type.
    put_le(head, 0xa1b2c3d4, 4);
    put_le(head, 2, 2);
    put_le(head, 4, 2);
    put_le(head, 0, 4);
    put_le(head, 0, 4);
    put_le(head, kSnapLength, 4);
    put_le(head, kLinktypeRaw, 4);
  } else {
    head = section_header();
    for (const std::string& name : interfaces)
      head += interface_description(name);
  }
  out_.write(head.data(), static_cast<std::streamsize>(head.size()));
  out_.flush();
}

void CaptureFile::write(std::size_t interface, std::int64_t unix_us,
                        std::span<const std::byte> packet) {
  std::string rec;
  const auto length = static_cast<std::uint32_t>(packet.size());
  const auto us = static_cast<std::uint64_t>(unix_us);
  if (format_ == CaptureFormat::pcap) {
    put_le(rec, us / 1000000, 4);
    put_le(rec, us % 1000000, 4);
    put_le(rec, length, 4);
    put_le(rec, length, 4);
    rec.append(reinterpret_cast<const char*>(packet.data()), packet.size());
  } else {
    // Enhanced packet block: interface, 64-bit timestamp in two halves, lengths, data.
    std::string body;
    put_le(body, interface, 4);
    put_le(body, us >> 32, 4);
    put_le(body, us & 0xffffffff, 4);
    put_le(body, length, 4);
    put_le(body, length, 4);
    body.append(reinterpret_cast<const char*>(packet.data()), packet.size());
    rec = block(6, body);
  }
  out_.write(rec.data(), static_cast<std::streamsize>(rec.size()));
}

}  // namespace mailsim::sim::capture
