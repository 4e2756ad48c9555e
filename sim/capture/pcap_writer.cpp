#include "sim/capture/pcap_writer.hpp"

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

namespace {

// The interfaces a capture point listens on: the host or the link, or every link by its id.
std::vector<std::string> interfaces(const net::Network& network, const CapturePoint& point) {
  switch (point.kind) {
    case CapturePoint::Kind::host:
      network.node(point.name);  // throws when there is no such node
      return {point.name};
    case CapturePoint::Kind::link:
      network.link(point.name);
      return {point.name};
    case CapturePoint::Kind::everywhere:
      break;
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < network.link_count(); ++i)
    names.emplace_back(network.link_view(static_cast<net::LinkId>(i)).name);
  return names;
}

}  // namespace

PcapWriter::PcapWriter(net::Network& network, const std::string& path, CapturePoint point,
                       std::int64_t epoch_unix_us)
    : trace_(network.sim().trace()),
      point_(std::move(point)),
      file_(path, format_for(path), interfaces(network, point_)),
      epoch_unix_us_(epoch_unix_us),
      subscription_(trace_.subscribe([this](const TraceRecord& r) { on_record(r); })) {}

PcapWriter::~PcapWriter() {
  trace_.unsubscribe(subscription_);
  file_.flush();
}

void PcapWriter::on_record(const TraceRecord& record) {
  const TraceKind* kind = &record.kind();
  const bool sent = kind == &net::kinds::kPacketSent;
  const bool delivered = kind == &net::kinds::kPacketDelivered;
  const bool on_wire = kind == &net::kinds::kPacketTxStart;
  if (!sent && !delivered && !on_wire) return;
  const auto& r = static_cast<const net::PacketRecord&>(record);
  std::size_t interface = 0;
  switch (point_.kind) {
    case CapturePoint::Kind::everywhere:
      if (!on_wire) return;  // once per link the packet crosses
      interface = r.place().link_id;
      break;
    case CapturePoint::Kind::host:
      if ((!sent && !delivered) || r.place().node != point_.name) return;
      break;
    case CapturePoint::Kind::link:
      if (!on_wire || r.place().link != point_.name) return;
      break;
  }
  write_packet(interface, record.time(), r.packet());
}

void PcapWriter::write_packet(std::size_t interface, SimTime when, const net::Packet& packet) {
  const std::vector<std::byte> bytes = serialize_packet(packet);
  file_.write(interface, epoch_unix_us_ + when.count(), bytes);
  ++written_;
}

}  // namespace mailsim::sim::capture
