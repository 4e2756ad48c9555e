#pragma once
// Resource records (RFC 1035 3.2 and 3.3; AAAA from RFC 3596): typed data for the types mail
// depends on, raw octets for every other type (RFC 3597), and the presentation form dig prints.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "agents/proto/dns/ip_address.hpp"
#include "agents/proto/dns/name.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::dns {

// Any 16-bit value is a valid type; the names are the ones given meaning here.
enum class RecordType : std::uint16_t {
  A = 1,
  NS = 2,
  CNAME = 5,
  SOA = 6,
  PTR = 12,
  MX = 15,
  TXT = 16,
  AAAA = 28,
  ANY = 255
};
enum class RecordClass : std::uint16_t { IN = 1, CH = 3, ANY = 255 };

// A record type or record data that does not read.
class RecordError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

std::string type_name(RecordType type);        // "MX", or "TYPE99" (RFC 3597 5)
RecordType parse_type(std::string_view text);  // "mx", "TYPE99"; throws RecordError
std::string class_name(RecordClass klass);

struct AData {
  Ipv4 address;
  friend bool operator==(const AData&, const AData&) = default;
};
struct AaaaData {
  Ipv6 address;
  friend bool operator==(const AaaaData&, const AaaaData&) = default;
};
struct NsData {
  Name host;
  friend bool operator==(const NsData&, const NsData&) = default;
};
struct CnameData {
  Name target;
  friend bool operator==(const CnameData&, const CnameData&) = default;
};
struct PtrData {
  Name target;
  friend bool operator==(const PtrData&, const PtrData&) = default;
};
struct MxData {
  std::uint16_t preference = 0;
  Name exchange;  // "." is the null MX of RFC 7505
  friend bool operator==(const MxData&, const MxData&) = default;
};
struct SoaData {
  Name mname;  // primary server
  Name rname;  // mailbox of the person responsible, '@' written as the first dot
  std::uint32_t serial = 0, refresh = 0, retry = 0, expire = 0;
  std::uint32_t minimum = 0;  // the negative-caching TTL (RFC 2308 4)
  friend bool operator==(const SoaData&, const SoaData&) = default;
};
struct TxtData {
  std::vector<std::string> strings;  // each at most 255 octets on the wire
  std::string joined() const;        // the strings concatenated (how SPF reads them)
  friend bool operator==(const TxtData&, const TxtData&) = default;
};
struct RawData {  // a type this codec does not interpret
  std::vector<std::uint8_t> bytes;
  friend bool operator==(const RawData&, const RawData&) = default;
};

using RData =
    std::variant<AData, AaaaData, NsData, CnameData, PtrData, MxData, SoaData, TxtData, RawData>;

// The type that a typed RData carries; RawData has none of its own (nullopt-like: 0).
RecordType type_of(const RData& data);

struct ResourceRecord {
  Name name;
  RecordType type = RecordType::A;
  RecordClass klass = RecordClass::IN;
  std::uint32_t ttl = 0;  // seconds
  RData data;

  friend bool operator==(const ResourceRecord&, const ResourceRecord&) = default;
};

// Builds a record whose type follows from its data.
ResourceRecord make_record(const Name& name, std::uint32_t ttl, RData data);
// Parses zone-file style data for one type: "10 mx.b.example.", "192.0.2.1", "\"v=spf1 -all\"",
// "ns1.example. hostmaster.example. 1 7200 900 1209600 300". Throws RecordError.
RData parse_rdata(RecordType type, std::string_view text, const Name& origin = Name());

// Presentation form (RFC 1035 5.1), as dig prints it.
std::string to_string(const RData& data);
std::string to_string(
    const ResourceRecord& record);  // "b.example.\t3600\tIN\tMX\t10 mx.b.example."

}  // namespace mailsim::proto::dns
