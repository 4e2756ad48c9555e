#include <gtest/gtest.h>

#include "agents/proto/dns/authoritative.hpp"
#include "agents/proto/dns/message.hpp"
#include "agents/proto/dns/tcp_framing.hpp"
#include "sim/random.hpp"

using mailsim::Lang;
using mailsim::LocalizedError;
namespace sim = mailsim::sim;
using namespace mailsim::proto::dns;

namespace {

Name N(std::string_view s) {
  return Name::parse(s);
}

ResourceRecord rr(std::string_view name, std::uint32_t ttl, RecordType type,
                  std::string_view data) {
  return make_record(N(name), ttl, parse_rdata(type, data));
}

Message sample_response() {
  Message m;
  m.header = {.id = 0x1234, .qr = true, .aa = true, .rd = true, .ra = true};
  m.questions.push_back({N("b.example"), RecordType::MX});
  m.answers = {rr("b.example", 3600, RecordType::MX, "10 mx1.b.example."),
               rr("b.example", 3600, RecordType::MX, "20 mx2.b.example.")};
  m.authorities = {rr("b.example", 86400, RecordType::NS, "ns1.b.example.")};
  m.additionals = {rr("mx1.b.example", 3600, RecordType::A, "192.0.2.25"),
                   rr("mx2.b.example", 3600, RecordType::AAAA, "2001:db8::25"),
                   rr("ns1.b.example", 3600, RecordType::A, "192.0.2.53")};
  return m;
}

std::vector<std::uint8_t> bytes(std::initializer_list<int> list) {
  std::vector<std::uint8_t> out;
  for (int b : list)
    out.push_back(static_cast<std::uint8_t>(b));
  return out;
}

// A header announcing the given counts, flags zero.
std::vector<std::uint8_t> header(int qd, int an, int ns = 0, int ar = 0) {
  return bytes({0, 1, 0, 0, 0, qd, 0, an, 0, ns, 0, ar});
}

void append(std::vector<std::uint8_t>& v, std::initializer_list<int> list) {
  for (int b : list)
    v.push_back(static_cast<std::uint8_t>(b));
}

std::string decode_error_reason(const std::vector<std::uint8_t>& data) {
  try {
    decode(data);
  } catch (const DecodeError& e) {
    return e.reason_id();
  }
  return "no error";
}

}  // namespace

TEST(DnsName, ParsePrintCompare) {
  EXPECT_EQ(N("Mx.B.Example").to_string(), "Mx.B.Example.");
  EXPECT_EQ(N("Mx.B.Example").key(), "mx.b.example.");
  EXPECT_EQ(N("mx.b.example."), N("MX.b.EXAMPLE"));
  EXPECT_TRUE(N(".").is_root());
  EXPECT_TRUE(N("mx.b.example").is_subdomain_of(N("example")));
  EXPECT_TRUE(N("b.example").is_subdomain_of(N("b.example")));
  EXPECT_FALSE(N("bb.example").is_subdomain_of(N("b.example")));
  EXPECT_TRUE(N("x").is_subdomain_of(Name()));
  EXPECT_EQ(N("a\\.b.example").label_count(), 2u);
  EXPECT_EQ(N("a\\.b.example").to_string(), "a\\.b.example.");
  EXPECT_EQ(N("a\\032b.example").labels()[0], "a b");
  EXPECT_EQ(N("a\\032b.example").to_string(), "a\\032b.example.");
  EXPECT_EQ(N("mx.b.example").parent(), N("b.example"));
}

// A name is kept as its wire form: each operation must still see labels, not octets.
TEST(DnsName, LabelsAndSuffixesFollowTheLabelsNotTheOctets) {
  const Name name = N("Mx.B.Example");
  EXPECT_EQ(name.wire(), std::string_view("\x02"
                                          "Mx"
                                          "\x01"
                                          "B"
                                          "\x07"
                                          "Example",
                                          13));
  EXPECT_EQ(name.wire_length(), 14u);
  EXPECT_EQ(name.labels(), (std::vector<std::string_view>{"Mx", "B", "Example"}));
  EXPECT_EQ(name.suffix(2).to_string(), "B.Example.");
  EXPECT_EQ(name.suffix(0), Name());
  EXPECT_EQ(name.suffix(9), name);
  EXPECT_EQ(Name().parent(), Name());
  EXPECT_EQ(N("b.example").child("Mx").to_string(), "Mx.b.example.");
  EXPECT_EQ(N("mx").concat(N("b.example")).label_count(), 3u);
  // Octets that look like length octets inside a label change nothing.
  const Name odd = N("a\\003b.example");
  EXPECT_EQ(odd.label_count(), 2u);
  EXPECT_EQ(odd.labels()[0], std::string_view("a\x03"
                                              "b",
                                              3));
  EXPECT_FALSE(odd == N("a.b.example"));
  EXPECT_FALSE(N("a.b.example").is_subdomain_of(N("\\003b.example")));
  EXPECT_TRUE(N("x.a\\003b.example").is_subdomain_of(odd));
  EXPECT_FALSE(N("x\\001b.example").is_subdomain_of(N("b.example")));  // a tail, not a suffix
  EXPECT_FALSE(N("y.x\\001b.example").is_subdomain_of(N("b.example")));
  EXPECT_FALSE(N("b.example").is_subdomain_of(N("b")));
  EXPECT_TRUE(N("example.B").is_subdomain_of(N("b")));
  // From the wire form, as the decoder reads it.
  EXPECT_EQ(Name::from_wire(std::string("\x02"
                                        "mx"
                                        "\x01"
                                        "b",
                                        5)),
            N("mx.b"));
  EXPECT_EQ(Name::from_wire(""), Name());
  EXPECT_THROW(Name::from_wire(std::string("\x05mx", 3)), NameError);
  EXPECT_THROW(Name::from_wire(std::string("\x00", 1)), NameError);
  EXPECT_THROW(Name::from_wire(std::string(1, '\x40') + std::string(64, 'a')), NameError);
  std::string long_wire;
  for (int i = 0; i < 26; ++i)
    long_wire +=
        "\x09"
        "abcdefghi";  // 26 * 10 + 1 = 261 octets with the root
  EXPECT_THROW(Name::from_wire(long_wire), NameError);
  EXPECT_THROW(N(std::string(63, 'a')).child(std::string(64, 'b')), NameError);
  std::string near_limit;
  for (int i = 0; i < 25; ++i)
    near_limit += "abcdefghi.";                          // 251 octets with the root
  EXPECT_THROW(N(near_limit).child("abcd"), NameError);  // 256
  EXPECT_NO_THROW(N(near_limit).child("abc"));           // 255
}

TEST(DnsName, RejectsBadNames) {
  EXPECT_THROW(N(""), NameError);
  EXPECT_THROW(N("a..b"), NameError);
  EXPECT_THROW(N(".a"), NameError);
  EXPECT_THROW(N(std::string(64, 'a') + ".example"), NameError);
  EXPECT_NO_THROW(N(std::string(63, 'a') + ".example"));
  std::string long_name;
  for (int i = 0; i < 26; ++i)
    long_name += "abcdefghi.";  // 26 * 10 + 1 = 261 octets
  EXPECT_THROW(N(long_name), NameError);
  EXPECT_THROW(N("a\\999.example"), NameError);
  EXPECT_THROW(N("a\\"), NameError);
  try {
    N(std::string(64, 'a') + ".example");
  } catch (const NameError& e) {
    EXPECT_NE(std::string(e.what()).find("64 octets"), std::string::npos) << e.what();
    EXPECT_NE(e.text().render(Lang::fr).find("63 au plus"), std::string::npos);
  }
}

TEST(DnsCodec, RoundTripsEveryType) {
  Message m;
  m.header = {.id = 7,
              .qr = true,
              .opcode = Opcode::query,
              .aa = true,
              .tc = false,
              .rd = true,
              .ra = true,
              .z = 0,
              .rcode = Rcode::nxdomain};
  m.questions.push_back({N("b.example"), RecordType::ANY});
  m.answers = {
      rr("b.example", 1, RecordType::A, "192.0.2.1"),
      rr("b.example", 2, RecordType::AAAA, "2001:db8::1"),
      rr("b.example", 3, RecordType::NS, "ns.b.example."),
      rr("www.b.example", 4, RecordType::CNAME, "b.example."),
      rr("b.example", 5, RecordType::SOA,
         "ns.b.example. hostmaster.b.example. 2024 7200 900 1209600 300"),
      rr("1.2.0.192.in-addr.arpa", 6, RecordType::PTR, "b.example."),
      rr("b.example", 7, RecordType::MX, "0 ."),
      rr("b.example", 8, RecordType::TXT,
         "\"v=spf1 ip4:192.0.2.0/24 -all\" \"second \\\"part\\\"\""),
  };
  ResourceRecord unknown{N("b.example"), static_cast<RecordType>(99), RecordClass::IN, 9,
                         RawData{{1, 2, 3, 0xFF}}};
  m.authorities.push_back(unknown);
  ResourceRecord empty_txt = make_record(N("e.b.example"), 10, TxtData{});
  m.additionals.push_back(empty_txt);
  const auto wire = encode(m);
  EXPECT_EQ(decode(wire), m);
  EXPECT_EQ(to_string(m.answers[7].data),
            "\"v=spf1 ip4:192.0.2.0/24 -all\" \"second \\\"part\\\"\"");
  EXPECT_EQ(to_string(unknown), "b.example.\t9\tIN\tTYPE99\t\\# 4 010203ff");
  EXPECT_EQ(to_string(m.answers[6]), "b.example.\t7\tIN\tMX\t0 .");
}

TEST(DnsCodec, CompressesRepeatedNames) {
  const Message m = sample_response();
  const auto wire = encode(m);
  std::size_t uncompressed = 12 + m.questions[0].name.wire_length() + 4;
  for (const auto* s : {&m.answers, &m.authorities, &m.additionals})
    for (const auto& r : *s)
      uncompressed += r.name.wire_length() + 10 + 30;
  EXPECT_LT(wire.size(), uncompressed);
  // The first answer's owner is a pointer to the question name at offset 12.
  const std::size_t answer_at = 12 + N("b.example").wire_length() + 4;
  EXPECT_EQ(wire[answer_at], 0xC0);
  EXPECT_EQ(wire[answer_at + 1], 12);
  EXPECT_EQ(decode(wire), m);
}

TEST(DnsCodec, EachNameKeepsItsOwnCaseThroughCompression) {
  Message m;
  m.questions.push_back({N("B.Example"), RecordType::MX});
  m.answers.push_back(rr("b.example", 60, RecordType::MX, "5 MX.b.EXAMPLE."));
  m.answers.push_back(rr("b.example", 60, RecordType::MX, "6 mx2.b.example."));
  const auto wire = encode(m);
  const auto d = decode(wire);
  EXPECT_EQ(d, m);
  // A pointer is used only for a suffix written in the same case: the owner is the zone's
  // "b.example.", not the question's "B.Example." (which it used to point to).
  EXPECT_EQ(d.answers[0].name.to_string(), "b.example.");
  EXPECT_EQ(std::get<MxData>(d.answers[0].data).exchange.to_string(), "MX.b.EXAMPLE.");
  EXPECT_EQ(std::get<MxData>(d.answers[1].data).exchange.to_string(), "mx2.b.example.");
  EXPECT_EQ(wire.size(), 84u);  // still compressed: 102 octets without any pointer
}

TEST(DnsCodec, PrintsLikeDig) {
  const std::string text = to_string(sample_response());
  EXPECT_NE(text.find(";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4660"),
            std::string::npos);
  EXPECT_NE(text.find(";; flags: qr aa rd ra; QUERY: 1, ANSWER: 2, AUTHORITY: 1, ADDITIONAL: 3"),
            std::string::npos);
  EXPECT_NE(text.find(";b.example.\tIN\tMX"), std::string::npos);
  EXPECT_NE(text.find(";; ANSWER SECTION:\nb.example.\t3600\tIN\tMX\t10 mx1.b.example."),
            std::string::npos);
}

TEST(DnsCodec, UdpTruncationKeepsHeaderAndQuestion) {
  Message m = sample_response();
  for (int i = 0; i < 40; ++i)
    m.answers.push_back(rr("b.example", 60, RecordType::TXT, "\"" + std::string(40, 'x') + "\""));
  ASSERT_GT(encode(m).size(), kUdpPayloadLimit);
  const auto cut_wire = encode_for_udp(m);
  EXPECT_LE(cut_wire.size(), kUdpPayloadLimit);
  const Message cut = decode(cut_wire);
  EXPECT_TRUE(cut.header.tc);
  EXPECT_EQ(cut.questions, m.questions);
  EXPECT_TRUE(cut.answers.empty());
  EXPECT_EQ(encode_for_udp(sample_response()), encode(sample_response()));
}

// A UDP answer cut in the middle of a record with TC set (the counts still announce every
// record): decode() refuses it; decode_response() reads the header and the question only, as
// a resolver must before asking again over TCP (RFC 7766 5).
TEST(DnsCodec, TruncatedResponseIsReadUpToItsQuestion) {
  Message m = sample_response();
  m.header.tc = true;
  auto wire = encode(m);
  wire.resize(wire.size() - 5);
  EXPECT_EQ(decode_error_reason(wire), "dns.decode.truncated");
  const Message head = decode_response(wire);
  EXPECT_TRUE(head.header.tc);
  EXPECT_EQ(head.header.id, m.header.id);
  EXPECT_EQ(head.questions, m.questions);
  EXPECT_TRUE(head.answers.empty() && head.authorities.empty() && head.additionals.empty());
  // Without TC, a cut answer is still an error.
  m.header.tc = false;
  auto plain = encode(m);
  plain.resize(plain.size() - 5);
  EXPECT_THROW(decode_response(plain), DecodeError);
}

TEST(DnsCodecErrors, Truncated) {
  const auto wire = encode(sample_response());
  for (std::size_t n = 0; n < wire.size(); ++n) {
    std::vector<std::uint8_t> cut(wire.begin(), wire.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_EQ(decode_error_reason(cut), "dns.decode.truncated") << "cut at " << n;
  }
}

TEST(DnsCodecErrors, MessageNamesOffsetAndPart) {
  auto data = header(1, 0);
  append(data, {1, 'a', 0, 0, 1});  // question cut before its class ends
  try {
    decode(data);
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.offset(), 17u);
    EXPECT_EQ(std::string(e.what()),
              "invalid DNS packet at offset 17, while reading question 1 of 1: the packet ends "
              "here (17 octets in all), more data was announced");
    EXPECT_NE(e.text().render(Lang::fr).find("la question 1 sur 1"), std::string::npos);
  }
}

TEST(DnsCodecErrors, PointerLoops) {
  auto self = header(1, 0);
  append(self, {0xC0, 12, 0, 1, 0, 1});  // points at itself
  EXPECT_EQ(decode_error_reason(self), "dns.decode.pointer_loop");

  auto forward = header(1, 0);
  append(forward, {0xC0, 14, 0, 0, 1, 0, 1});  // points forwards
  EXPECT_EQ(decode_error_reason(forward), "dns.decode.pointer_loop");

  // a -> label "x" then pointer back to a: each jump alone points backwards, together a loop.
  auto cycle = header(2, 0);
  append(cycle, {1, 'x', 0, 0, 1, 0, 1});         // question 1 at 12: "x."
  append(cycle, {1, 'y', 0xC0, 19, 0, 1, 0, 1});  // question 2 at 19: "y" + pointer to 19
  EXPECT_EQ(decode_error_reason(cycle), "dns.decode.pointer_loop");

  auto chain = header(2, 0);
  append(chain, {1, 'a', 0xC0, 14, 0, 1, 0, 1});  // at 12: "a" + pointer to 14 (its own pointer)
  EXPECT_EQ(decode_error_reason(chain), "dns.decode.pointer_loop");
}

TEST(DnsCodecErrors, LabelTypesAndLengths) {
  auto long_label = header(1, 0);
  append(long_label, {64});  // 0x40: a length over 63 is a reserved label type on the wire
  for (int i = 0; i < 64; ++i)
    long_label.push_back('a');
  append(long_label, {0, 0, 1, 0, 1});
  EXPECT_EQ(decode_error_reason(long_label), "dns.decode.label_type");

  auto long_name = header(1, 0);
  for (int i = 0; i < 5; ++i) {  // 5 * 64 octets > 255
    long_name.push_back(63);
    for (int k = 0; k < 63; ++k)
      long_name.push_back('a');
  }
  append(long_name, {0, 0, 1, 0, 1});
  EXPECT_EQ(decode_error_reason(long_name), "dns.decode.name_too_long");
}

TEST(DnsCodecErrors, CountsLargerThanData) {
  auto data = header(1, 3);
  append(data, {0, 0, 1, 0, 1});
  append(data, {0, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1});  // one answer of three
  EXPECT_EQ(decode_error_reason(data), "dns.decode.truncated");
  EXPECT_EQ(decode_error_reason(header(65535, 65535, 65535, 65535)), "dns.decode.truncated");
}

TEST(DnsCodecErrors, RdataLengthAndTrailingBytes) {
  auto a5 = header(0, 1);
  append(a5, {0, 0, 1, 0, 1, 0, 0, 0, 60, 0, 5, 192, 0, 2, 1, 9});  // A with 5 octets
  EXPECT_EQ(decode_error_reason(a5), "dns.decode.rdata_length");    // one octet after the address
  auto mx = header(0, 1);
  append(mx, {0, 0, 15, 0, 1, 0, 0, 0, 60, 0, 5, 0, 10, 0, 7, 7});  // MX "." then 2 extra octets
  EXPECT_EQ(decode_error_reason(mx), "dns.decode.rdata_length");
  auto name_past = header(0, 1);
  append(name_past, {0, 0, 2, 0, 1, 0, 0, 0, 60, 0, 2, 3, 'a', 'b', 'c', 0});  // NS name overflows
  EXPECT_EQ(decode_error_reason(name_past), "dns.decode.truncated");
  auto trailing = header(0, 0);
  trailing.push_back(0);
  EXPECT_EQ(decode_error_reason(trailing), "dns.decode.trailing");
}

TEST(DnsCodecFuzz, RandomAndMutatedPacketsEndInMessageOrError) {
  sim::RandomStream rng(20240601);
  const auto base = encode(sample_response());
  ZoneSet zones;
  zones.add_zone(Zone(N("b.example"), rr("b.example", 60, RecordType::SOA,
                                         "ns.b.example. h.b.example. 1 2 3 4 5")));
  zones.zone(N("b.example"))->add(rr("b.example", 60, RecordType::MX, "10 mx1.b.example."));
  int decoded = 0, errors = 0;
  for (int i = 0; i < 30000; ++i) {
    std::vector<std::uint8_t> data;
    if (i % 3 == 0) {
      data.resize(rng.below(80));
      for (auto& b : data)
        b = static_cast<std::uint8_t>(rng.below(256));
    } else {
      data = base;
      const auto flips = 1 + rng.below(6);
      for (std::uint64_t k = 0; k < flips; ++k)
        data[rng.below(data.size())] = static_cast<std::uint8_t>(rng.below(256));
      if (rng.chance(0.3)) data.resize(rng.below(data.size() + 1));
    }
    // A server given the same bytes answers or stays silent, never fails.
    if (auto served = serve(zones, data, i % 2 ? Transport::udp : Transport::tcp)) {
      EXPECT_NO_THROW(decode(served->bytes));
    }
    try {
      const Message m = decode(data);
      ++decoded;
      // Whatever decodes re-encodes, and decodes again to the same message.
      EXPECT_EQ(decode(encode(m)), m);
      (void)to_string(m);
    } catch (const DecodeError&) {
      ++errors;
    }
  }
  EXPECT_GT(decoded, 100);
  EXPECT_GT(errors, 100);
}

TEST(DnsTcpFraming, ReassemblesFromAnyChunks) {
  const auto a = encode(sample_response());
  Message q = make_query(9, {N("c.example"), RecordType::A}, true);
  const auto b = encode(q);
  std::vector<std::uint8_t> stream = frame_for_tcp(a);
  const auto fb = frame_for_tcp(b);
  stream.insert(stream.end(), fb.begin(), fb.end());
  EXPECT_EQ(stream[0], a.size() >> 8);
  EXPECT_EQ(stream[1], a.size() & 0xFF);
  for (std::size_t chunk : {1u, 2u, 3u, 7u, 1000u}) {
    TcpFrameReader reader;
    std::vector<std::vector<std::uint8_t>> out;
    for (std::size_t i = 0; i < stream.size(); i += chunk) {
      const auto n = std::min(chunk, stream.size() - i);
      reader.feed(std::span(stream).subspan(i, n));
      while (auto m = reader.next())
        out.push_back(std::move(*m));
    }
    ASSERT_EQ(out.size(), 2u) << "chunk " << chunk;
    EXPECT_EQ(out[0], a);
    EXPECT_EQ(out[1], b);
    EXPECT_EQ(reader.buffered(), 0u);
  }
}

TEST(DnsRdata, ParseErrorsNameTheType) {
  EXPECT_THROW(parse_rdata(RecordType::A, "300.1.1.1"), LocalizedError);
  EXPECT_THROW(parse_rdata(RecordType::MX, "mx.b.example."), LocalizedError);
  EXPECT_THROW(parse_rdata(RecordType::AAAA, "192.0.2.1"), LocalizedError);
  try {
    parse_rdata(RecordType::MX, "ten mx.b.example.");
  } catch (const LocalizedError& e) {
    EXPECT_NE(std::string(e.what()).find("10 mx.b.example."), std::string::npos) << e.what();
  }
  EXPECT_EQ(parse_type("mx"), RecordType::MX);
  EXPECT_EQ(parse_type("TYPE99"), static_cast<RecordType>(99));
  EXPECT_THROW(parse_type("MXX"), LocalizedError);
}
