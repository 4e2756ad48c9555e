#pragma once
// Writes what the virtual network carries as a pcap file that Wireshark and tshark read:
// each packet rebuilt byte for byte (IPv4 header with its checksum, TCP header with the MSS
// option and a checksum over the pseudo-header, or UDP, then the payload) from the trace's
// packet records. Like Wireshark on one interface, it captures at one place: a host (what it
// sends and what reaches it) or a link (what starts on the wire, both directions); or, as if
// Wireshark listened on every link at once, everywhere: each packet once per link it crosses,
// on that link's interface (pcapng names the interfaces after the links).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/capture/capture_file.hpp"
#include "sim/net/network.hpp"
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
  // (the scenario's start date), so that the capture shows real dates. The format follows the
  // file's name (format_for). A host or link the network does not have throws NetError.
  PcapWriter(net::Network& network, const std::string& path, CapturePoint point,
             std::int64_t epoch_unix_us = 0);
  ~PcapWriter();
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;

  bool ok() const { return file_.ok(); }
  std::uint64_t packets_written() const { return written_; }

 private:
  void on_record(const TraceRecord& record);
  void write_packet(std::size_t interface, SimTime when, const net::Packet& packet);

  Trace& trace_;
  CapturePoint point_;
  CaptureFile file_;
  std::int64_t epoch_unix_us_;
  std::uint64_t written_ = 0;
  Trace::SubscriptionId subscription_;  // last: records come only once the file is ready
};

}  // namespace mailsim::sim::capture
