#pragma once
// The file formats Wireshark reads: classic pcap (one unnamed interface) and pcapng, whose
// interfaces have names, so that a capture taken on every link says which link each copy of a
// packet was seen on. Both hold raw IPv4 packets (LINKTYPE_RAW) with microsecond timestamps.
#include <cstdint>
#include <fstream>
#include <span>
#include <string>
#include <vector>

namespace mailsim::sim::capture {

enum class CaptureFormat { pcap, pcapng };

// pcapng unless the name ends in ".pcap".
CaptureFormat format_for(const std::string& path);

class CaptureFile {
 public:
  // `interfaces`: their names, in the order write() numbers them (pcap keeps none of them).
  CaptureFile(const std::string& path, CaptureFormat format,
              const std::vector<std::string>& interfaces);
  bool ok() const { return out_.good(); }
  void write(std::size_t interface, std::int64_t unix_us, std::span<const std::byte> packet);
  void flush() { out_.flush(); }

 private:
  std::ofstream out_;
  CaptureFormat format_;
};

}  // namespace mailsim::sim::capture
