#include "sim/capture/pcap_writer.hpp"

#include <array>

#include "sim/net/trace_records.hpp"

namespace mailsim::sim::capture {
namespace {

void put16(std::vector<std::byte>& out, std::uint16_t v) {
  out.push_back(std::byte(v >> 8));
  out.push_back(std::byte(v & 0xff));
}
void put32(std::vector<std::byte>& out, std::uint32_t v) {
  put16(out, static_cast<std::uint16_t>(v >> 16));
  put16(out, static_cast<std::uint16_t>(v & 0xffff));
}
void set16(std::vector<std::byte>& out, std::size_t at, std::uint16_t v) {
  out[at] = std::byte(v >> 8);
  out[at + 1] = std::byte(v & 0xff);
}

// RFC 1071 ones' complement sum over bytes (odd length padded with zero).
std::uint32_t sum_bytes(std::uint32_t sum, const std::byte* data, std::size_t n) {
  for (std::size_t i = 0; i + 1 < n; i += 2)
    sum += (std::to_integer<std::uint32_t>(data[i]) << 8) |
           std::to_integer<std::uint32_t>(data[i + 1]);
  if (n % 2 == 1) sum += std::to_integer<std::uint32_t>(data[n - 1]) << 8;
  return sum;
}
std::uint16_t fold(std::uint32_t sum) {
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum & 0xffff);
}

// pcap record header, little-endian as the file header's magic says.
void put_le32(std::ofstream& out, std::uint32_t v) {
  const char b[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
                     static_cast<char>((v >> 16) & 0xff), static_cast<char>((v >> 24) & 0xff)};
  out.write(b, 4);
}
void put_le16(std::ofstream& out, std::uint16_t v) {
  const char b[2] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff)};
  out.write(b, 2);
}

constexpr std::uint32_t kLinktypeRaw = 101;  // raw IPv4/IPv6, no link-layer header

}  // namespace

std::vector<std::byte> serialize_packet(const net::Packet& p) {
  std::vector<std::byte> out;
  const auto payload = p.payload.bytes();
  out.reserve(net::kIpHeaderBytes + 24 + payload.size());
  // IPv4 header (RFC 791): version 4, IHL 5, no options.
  out.push_back(std::byte{0x45});
  out.push_back(std::byte{0});
  const std::size_t transport_bytes = p.ip.protocol == net::Protocol::tcp
                                          ? p.tcp.header_bytes() + payload.size()
                                          : net::kUdpHeaderBytes + payload.size();
  const auto total = static_cast<std::uint16_t>(net::kIpHeaderBytes + transport_bytes);
  put16(out, total);
  put16(out, p.ip.id);
  put16(out, 0x4000);  // DF: the transport keeps segments below the path MTU
  out.push_back(std::byte{p.ip.ttl});
  out.push_back(std::byte{static_cast<std::uint8_t>(p.ip.protocol)});
  put16(out, 0);  // checksum, filled below
  put32(out, p.ip.src.value());
  put32(out, p.ip.dst.value());
  set16(out, 10, fold(sum_bytes(0, out.data(), net::kIpHeaderBytes)));

  const std::size_t start = out.size();
  if (p.ip.protocol == net::Protocol::tcp) {
    put16(out, p.tcp.src_port);
    put16(out, p.tcp.dst_port);
    put32(out, p.tcp.seq);
    put32(out, p.tcp.ack);
    const auto words = static_cast<std::uint8_t>(p.tcp.header_bytes() / 4);
    out.push_back(std::byte(words << 4));
    out.push_back(std::byte{p.tcp.flags});
    put16(out, p.tcp.window);
    put16(out, 0);  // checksum
    put16(out, 0);  // urgent pointer
    if (p.tcp.mss_option != 0) {
      out.push_back(std::byte{2});  // kind: MSS
      out.push_back(std::byte{4});  // length
      put16(out, p.tcp.mss_option);
    }
  } else {
    put16(out, p.udp.src_port);
    put16(out, p.udp.dst_port);
    put16(out, static_cast<std::uint16_t>(net::kUdpHeaderBytes + payload.size()));
    put16(out, 0);  // checksum
  }
  out.insert(out.end(), payload.begin(), payload.end());

  // Transport checksum over the pseudo-header (RFC 9293 3.1, RFC 768).
  const auto length = static_cast<std::uint32_t>(out.size() - start);
  std::uint32_t sum = (p.ip.src.value() >> 16) + (p.ip.src.value() & 0xffff) +
                      (p.ip.dst.value() >> 16) + (p.ip.dst.value() & 0xffff) +
                      static_cast<std::uint32_t>(p.ip.protocol) + length;
  sum = sum_bytes(sum, out.data() + start, length);
  std::uint16_t checksum = fold(sum);
  if (p.ip.protocol == net::Protocol::udp && checksum == 0) checksum = 0xffff;
  set16(out, start + (p.ip.protocol == net::Protocol::tcp ? 16 : 6), checksum);
  return out;
}

PcapWriter::PcapWriter(Trace& trace, const std::string& path, CapturePoint point,
                       std::int64_t epoch_unix_us)
    : trace_(trace),
      subscription_(trace.subscribe([this](const TraceRecord& r) { on_record(r); })),
      out_(path, std::ios::binary | std::ios::trunc),
      point_(std::move(point)),
      epoch_unix_us_(epoch_unix_us) {
  // pcap file header: magic (microsecond timestamps), version 2.4, zone 0, sigfigs 0,
  // snaplen, link type.
  put_le32(out_, 0xa1b2c3d4);
  put_le16(out_, 2);
  put_le16(out_, 4);
  put_le32(out_, 0);
  put_le32(out_, 0);
  put_le32(out_, 262144);
  put_le32(out_, kLinktypeRaw);
  out_.flush();
}

PcapWriter::~PcapWriter() {
  trace_.unsubscribe(subscription_);
  out_.flush();
}

void PcapWriter::on_record(const TraceRecord& record) {
  const TraceKind* kind = &record.kind();
  const bool sent = kind == &net::kinds::kPacketSent;
  const bool delivered = kind == &net::kinds::kPacketDelivered;
  const bool on_wire = kind == &net::kinds::kPacketTxStart;
  if (!sent && !delivered && !on_wire) return;
  const auto& r = static_cast<const net::PacketRecord&>(record);
  switch (point_.kind) {
    case CapturePoint::Kind::everywhere:
      if (!sent) return;  // each packet once, as its sender emits it
      break;
    case CapturePoint::Kind::host:
      if ((!sent && !delivered) || r.place().node != point_.name) return;
      break;
    case CapturePoint::Kind::link:
      if (!on_wire || r.place().link != point_.name) return;
      break;
  }
  write_packet(record.time(), r.packet());
}

void PcapWriter::write_packet(SimTime when, const net::Packet& packet) {
  const std::vector<std::byte> bytes = serialize_packet(packet);
  const std::int64_t us = epoch_unix_us_ + when.count();
  put_le32(out_, static_cast<std::uint32_t>(us / 1000000));
  put_le32(out_, static_cast<std::uint32_t>(us % 1000000));
  put_le32(out_, static_cast<std::uint32_t>(bytes.size()));
  put_le32(out_, static_cast<std::uint32_t>(bytes.size()));
  out_.write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  ++written_;
}

}  // namespace mailsim::sim::capture
