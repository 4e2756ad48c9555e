#pragma once
// The answer of an authoritative server (RFC 1034 4.3.2, simplified: no wildcards), as a pure
// function of the zones it holds and the query. The server agent only moves bytes: it calls
// serve() for each datagram or TCP message and sends back what comes out.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "agents/proto/dns/message.hpp"
#include "agents/proto/dns/tcp_framing.hpp"
#include "agents/proto/dns/zone.hpp"

namespace mailsim::proto::dns {

inline constexpr int kMaxCnameChainInZone = 8;

// The full response to a decoded query:
// - no zone holds the name (or the class is not IN): REFUSED;
// - a name below a delegation: a referral, no AA, the NS RRset in authority and the glue
//   addresses found in the zones in additional;
// - data of the asked type: AA, the RRset in answer (ANY: every record at the name);
// - a CNAME (and another type asked): the CNAME, then the chase goes on inside the zones held;
// - the name exists, or has names below it, but not that type: NODATA, NOERROR with the SOA;
// - the name does not exist: NXDOMAIN with the SOA (its TTL min(SOA TTL, MINIMUM)).
// MX and NS answers bring the addresses of their targets as additional data. Other opcodes
// get NOTIMP, more or fewer than one question FORMERR.
Message answer_query(const ZoneSet& zones, const Message& query);

struct ServeResult {
  std::optional<Message> query;     // nullopt when the request did not decode
  Message response;                 // as computed, before any truncation
  std::vector<std::uint8_t> bytes;  // what goes on the wire
  bool truncated = false;           // TC set because the UDP answer was over 512 octets
};

// Sets result.bytes to result.response's wire form for `transport`: over UDP, a response
// over 512 octets is cut to its question with TC set (RFC 2181 9), and result.truncated says so.
// Encodes once when the response fits.
void encode_response(ServeResult& result, Transport transport);

// From request bytes to response bytes. A request that does not decode gets FORMERR when its
// header can be read and nothing otherwise, like a response arriving at the server.
std::optional<ServeResult> serve(const ZoneSet& zones, std::span<const std::uint8_t> request,
                                 Transport transport);

// The server's side of one TCP connection (RFC 1035 4.2.2, RFC 7766): the stream arrives in
// any pieces, each complete message is answered in order. Send frame_for_tcp(result.bytes).
class TcpServerConnection {
 public:
  explicit TcpServerConnection(const ZoneSet& zones) : zones_(zones) {}
  std::vector<ServeResult> receive(std::span<const std::uint8_t> bytes);

 private:
  const ZoneSet& zones_;
  TcpFrameReader reader_;
};

}  // namespace mailsim::proto::dns
