#pragma once
// Writes what the virtual network carries as a pcap file that Wireshark and tshark read:
// each packet rebuilt byte for byte (IPv4 header with its checksum, TCP header with the MSS
// option and a checksum over the pseudo-header, or UDP, then the payload) from the trace's
// packet records. Like Wireshark on one interface, it captures at one place: a host (what it
// sends and what reaches it) or a link (what starts on the wire, both directions).
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "sim/net/packet.hpp"
#include "sim/trace.hpp"

namespace mailsim::sim::capture {

// The bytes of one IPv4 packet as it travels: headers with valid checksums, then the payload.
std::vector<std::byte> serialize_packet(const net::Packet& packet);

struct CapturePoint {
  enum class Kind { host, link, everywhere } kind = Kind::everywhere;
  std::string name;  // host or link name
};

class PcapWriter {
 public:
  // `epoch_unix_us`: the wall-clock time of simulated time 0, in microseconds since 1970
  // (the scenario's start date), so that the capture shows real dates.
  PcapWriter(Trace& trace, const std::string& path, CapturePoint point,
             std::int64_t epoch_unix_us = 0);
  ~PcapWriter();
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;

  bool ok() const { return out_.good(); }
  std::uint64_t packets_written() const { return written_; }

 private:
  void on_record(const TraceRecord& record);
  void write_packet(SimTime when, const net::Packet& packet);

  Trace& trace_;
  Trace::SubscriptionId subscription_;
  std::ofstream out_;
  CapturePoint point_;
  std::int64_t epoch_unix_us_;
  std::uint64_t written_ = 0;
};

}  // namespace mailsim::sim::capture
