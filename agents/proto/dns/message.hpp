#pragma once
// A DNS message (RFC 1035 4.1): header, questions and three sections of records, with the
// wire codec. Decoding any byte string ends in a Message or a DecodeError naming the offset,
// the part being read and the reason; it never reads out of bounds and never loops.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/dns/record.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::dns {

inline constexpr std::size_t kUdpPayloadLimit = 512;  // RFC 1035 2.3.4
inline constexpr std::uint16_t kDnsPort = 53;

enum class Transport { udp, tcp };
std::string_view transport_name(Transport t);  // "UDP", "TCP"

enum class Opcode : std::uint8_t { query = 0, iquery = 1, status = 2, notify = 4, update = 5 };
enum class Rcode : std::uint8_t {
  noerror = 0,
  formerr = 1,
  servfail = 2,
  nxdomain = 3,
  notimp = 4,
  refused = 5
};
std::string opcode_name(Opcode op);  // "QUERY", or the number
std::string rcode_name(Rcode rc);    // "NOERROR", "NXDOMAIN", ..., or "RCODE9"

struct Header {
  std::uint16_t id = 0;
  bool qr = false;  // response
  Opcode opcode = Opcode::query;
  bool aa = false;     // authoritative answer
  bool tc = false;     // truncated
  bool rd = false;     // recursion desired
  bool ra = false;     // recursion available
  std::uint8_t z = 0;  // three reserved bits, kept as received
  Rcode rcode = Rcode::noerror;
  friend bool operator==(const Header&, const Header&) = default;
};

struct Question {
  Name name;
  RecordType type = RecordType::A;
  RecordClass klass = RecordClass::IN;
  friend bool operator==(const Question&, const Question&) = default;
};

struct Message {
  Header header;
  std::vector<Question> questions;
  std::vector<ResourceRecord> answers;
  std::vector<ResourceRecord> authorities;
  std::vector<ResourceRecord> additionals;
  friend bool operator==(const Message&, const Message&) = default;
};

// A query for one question, as a stub (rd = true) or an iterative resolver sends it.
Message make_query(std::uint16_t id, const Question& question, bool recursion_desired);

class EncodeError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

class DecodeError : public LocalizedError {
 public:
  DecodeError(Text text, std::size_t offset, std::string reason_id)
      : LocalizedError(std::move(text)), offset_(offset), reason_id_(std::move(reason_id)) {}
  std::size_t offset() const { return offset_; }
  const std::string& reason_id() const { return reason_id_; }  // e.g. "dns.decode.pointer_loop"

 private:
  std::size_t offset_;
  std::string reason_id_;
};

// Names are compressed (RFC 1035 4.1.4) in the owner names and in the data of NS, CNAME, PTR,
// MX and SOA, the types RFC 3597 4 allows. Throws EncodeError when a field cannot fit.
std::vector<std::uint8_t> encode(const Message& message);
// For UDP: when the encoding exceeds `limit`, the answer is cut to its header and question with
// TC set (RFC 2181 9: the client then retries over TCP and must not use a partial answer).
std::vector<std::uint8_t> encode_for_udp(const Message& message,
                                         std::size_t limit = kUdpPayloadLimit);
Message decode(std::span<const std::uint8_t> bytes);  // throws DecodeError
// A response as a resolver reads it: with TC set, only the header and the question are read
// and the rest is left alone, whole or cut in the middle of a record (RFC 1035 4.2.1,
// RFC 2181 9, RFC 7766 5: a truncated answer's records are not used; ask again over TCP).
// Otherwise as decode(). Throws DecodeError.
Message decode_response(std::span<const std::uint8_t> bytes);

// dig-style text of a whole message, for the window and the narration.
std::string to_string(const Message& message);
std::string to_string(const Question& question);  // "b.example. IN MX"

}  // namespace mailsim::proto::dns
