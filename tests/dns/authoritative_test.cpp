#include "agents/proto/dns/authoritative.hpp"

#include <gtest/gtest.h>

#include "sample_zones.hpp"

using mailsim::LocalizedError;
using namespace mailsim::proto::dns;
using namespace mailsim::proto::dns::test;

namespace {

Name N(std::string_view s) {
  return Name::parse(s);
}

ZoneSet single(Zone zone) {
  ZoneSet set;
  set.add_zone(std::move(zone));
  return set;
}

Message ask(const ZoneSet& zones, std::string_view name, RecordType type) {
  return answer_query(zones, make_query(42, {N(name), type}, false));
}

std::vector<std::string> texts(const std::vector<ResourceRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records)
    out.push_back(to_string(r));
  return out;
}

}  // namespace

// The question keeps the asker's case (dig shows it back as asked); the answer's owner is the
// name as the zone writes it. Name compression used to point the owner at the question's
// bytes, so a resolver read the owner in the asker's case.
TEST(Authoritative, AnswerOwnersKeepTheZonesCaseOnTheWire) {
  const auto zones = single(b_zone());
  const auto query = encode(make_query(42, {N("MX1.B.Example"), RecordType::A}, false));
  const auto served = serve(zones, query, Transport::udp);
  ASSERT_TRUE(served);
  const Message m = decode(served->bytes);
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_EQ(m.questions.front().name.to_string(), "MX1.B.Example.");
  EXPECT_EQ(m.answers.front().name.to_string(), "mx1.b.example.");
  EXPECT_EQ(m.authorities.size() + m.additionals.size(), 0u);
  // Same case: the owner still points at the question (compression is kept).
  const auto lower = serve(
      zones, encode(make_query(43, {N("mx1.b.example"), RecordType::A}, false)), Transport::udp);
  EXPECT_LT(lower->bytes.size(), served->bytes.size());
}

TEST(Authoritative, AnswersWithAuthorityAndAdditionalAddresses) {
  const auto zones = single(b_zone());
  const Message r = ask(zones, "B.EXAMPLE", RecordType::MX);
  EXPECT_EQ(r.header.id, 42);
  EXPECT_TRUE(r.header.qr);
  EXPECT_TRUE(r.header.aa);
  EXPECT_FALSE(r.header.ra);
  EXPECT_EQ(r.header.rcode, Rcode::noerror);
  EXPECT_EQ(texts(r.answers),
            (std::vector<std::string>{"b.example.\t3600\tIN\tMX\t10 mx1.b.example.",
                                      "b.example.\t3600\tIN\tMX\t20 mx2.b.example."}));
  EXPECT_EQ(texts(r.additionals),
            (std::vector<std::string>{"mx1.b.example.\t3600\tIN\tA\t192.0.2.25",
                                      "mx2.b.example.\t3600\tIN\tA\t192.0.2.26",
                                      "mx2.b.example.\t3600\tIN\tAAAA\t2001:db8::26"}));
}

TEST(Authoritative, NxdomainCarriesSoaWithNegativeTtl) {
  const auto zones = single(b_zone());
  const Message r = ask(zones, "nobody.b.example", RecordType::A);
  EXPECT_EQ(r.header.rcode, Rcode::nxdomain);
  EXPECT_TRUE(r.header.aa);
  EXPECT_TRUE(r.answers.empty());
  ASSERT_EQ(r.authorities.size(), 1u);
  EXPECT_EQ(r.authorities[0].type, RecordType::SOA);
  EXPECT_EQ(r.authorities[0].ttl, 300u);  // min(3600, MINIMUM 300)
}

TEST(Authoritative, NodataForMissingTypeAndEmptyNonTerminal) {
  const auto zones = single(b_zone());
  for (auto [name, type] :
       {std::pair{"b.example", RecordType::AAAA}, std::pair{"deep.b.example", RecordType::A}}) {
    const Message r = ask(zones, name, type);
    EXPECT_EQ(r.header.rcode, Rcode::noerror) << name;
    EXPECT_TRUE(r.header.aa);
    EXPECT_TRUE(r.answers.empty());
    ASSERT_EQ(r.authorities.size(), 1u);
    EXPECT_EQ(r.authorities[0].type, RecordType::SOA);
  }
}

TEST(Authoritative, RefusesNamesOutsideItsZones) {
  const auto zones = single(b_zone());
  const Message r = ask(zones, "a.example", RecordType::MX);
  EXPECT_EQ(r.header.rcode, Rcode::refused);
  EXPECT_FALSE(r.header.aa);
  EXPECT_TRUE(r.answers.empty());
  Message chaos = make_query(1, {N("b.example"), RecordType::TXT, RecordClass::CH}, false);
  EXPECT_EQ(answer_query(zones, chaos).header.rcode, Rcode::refused);
}

TEST(Authoritative, FollowsCnameInsideTheZone) {
  const auto zones = single(b_zone());
  const Message r = ask(zones, "alias.b.example", RecordType::A);
  EXPECT_TRUE(r.header.aa);
  EXPECT_EQ(texts(r.answers),
            (std::vector<std::string>{"alias.b.example.\t600\tIN\tCNAME\twww.b.example.",
                                      "www.b.example.\t600\tIN\tCNAME\tb.example.",
                                      "b.example.\t300\tIN\tA\t192.0.2.80"}));
  // Asking for the CNAME itself gives the CNAME only.
  EXPECT_EQ(ask(zones, "alias.b.example", RecordType::CNAME).answers.size(), 1u);
  // A target outside the zones held: the CNAME alone, for the resolver to follow.
  const Message out = ask(zones, "out.b.example", RecordType::A);
  EXPECT_EQ(out.header.rcode, Rcode::noerror);
  EXPECT_EQ(out.answers.size(), 1u);
  // A loop stops after a bounded chain.
  const Message loop = ask(zones, "loop1.b.example", RecordType::A);
  EXPECT_EQ(loop.answers.size(), static_cast<std::size_t>(kMaxCnameChainInZone));
}

TEST(Authoritative, DelegatesChildZonesWithGlue) {
  const auto tld = single(tld_zone());
  const Message r = ask(tld, "mx1.b.example", RecordType::A);
  EXPECT_FALSE(r.header.aa);
  EXPECT_EQ(r.header.rcode, Rcode::noerror);
  EXPECT_TRUE(r.answers.empty());
  EXPECT_EQ(texts(r.authorities),
            (std::vector<std::string>{"b.example.\t172800\tIN\tNS\tns1.b.example."}));
  EXPECT_EQ(texts(r.additionals),
            (std::vector<std::string>{"ns1.b.example.\t172800\tIN\tA\t192.0.2.53"}));

  const auto root = single(root_zone());
  const Message from_root = ask(root, "b.example", RecordType::MX);
  EXPECT_EQ(texts(from_root.authorities),
            (std::vector<std::string>{"example.\t172800\tIN\tNS\tns1.nic.example."}));
  EXPECT_EQ(texts(from_root.additionals),
            (std::vector<std::string>{"ns1.nic.example.\t172800\tIN\tA\t198.51.100.2"}));
  // A server holding parent and child answers from the child.
  EXPECT_TRUE(ask(all_zones(), "mx1.b.example", RecordType::A).header.aa);
}

TEST(Authoritative, TruncatesOverUdpNotOverTcp) {
  Zone zone = b_zone();
  add_big_txt(zone, N("big.b.example"));
  const auto zones = single(std::move(zone));
  const auto request = encode(make_query(7, {N("big.b.example"), RecordType::TXT}, true));
  const auto udp = serve(zones, request, Transport::udp);
  ASSERT_TRUE(udp);
  EXPECT_TRUE(udp->truncated);
  EXPECT_LE(udp->bytes.size(), kUdpPayloadLimit);
  const Message cut = decode(udp->bytes);
  EXPECT_TRUE(cut.header.tc);
  EXPECT_TRUE(cut.header.rd);
  EXPECT_TRUE(cut.answers.empty());
  const auto tcp = serve(zones, request, Transport::tcp);
  ASSERT_TRUE(tcp);
  EXPECT_FALSE(tcp->truncated);
  EXPECT_EQ(decode(tcp->bytes).answers.size(), 12u);
  EXPECT_GT(tcp->bytes.size(), kUdpPayloadLimit);
}

TEST(Authoritative, MalformedRequestsAndOtherOpcodes) {
  const auto zones = single(b_zone());
  auto request = encode(make_query(0xBEEF, {N("b.example"), RecordType::MX}, true));
  request.resize(request.size() - 1);
  const auto formerr = serve(zones, request, Transport::udp);
  ASSERT_TRUE(formerr);
  const Message m = decode(formerr->bytes);
  EXPECT_EQ(m.header.id, 0xBEEF);
  EXPECT_EQ(m.header.rcode, Rcode::formerr);
  EXPECT_FALSE(serve(zones, std::vector<std::uint8_t>{1, 2, 3}, Transport::udp));
  Message response = ask(zones, "b.example", RecordType::MX);
  EXPECT_FALSE(serve(zones, encode(response), Transport::udp));  // responses are not answered
  Message status = make_query(3, {N("b.example"), RecordType::A}, false);
  status.header.opcode = Opcode::status;
  EXPECT_EQ(answer_query(zones, status).header.rcode, Rcode::notimp);
  Message two = make_query(3, {N("b.example"), RecordType::A}, false);
  two.questions.push_back(two.questions[0]);
  EXPECT_EQ(answer_query(zones, two).header.rcode, Rcode::formerr);
}

TEST(Authoritative, RecordsChangeAtRunTime) {
  ZoneSet zones = single(b_zone());
  Zone* zone = zones.zone(N("b.example"));
  ASSERT_TRUE(zone);
  zone->replace(N("b.example"), RecordType::MX,
                {record_from_text("b.example. 600 MX 5 mx2.b.example.")});
  EXPECT_EQ(texts(ask(zones, "b.example", RecordType::MX).answers),
            (std::vector<std::string>{"b.example.\t600\tIN\tMX\t5 mx2.b.example."}));
  EXPECT_EQ(zone->remove(N("b.example"), RecordType::MX), 1u);
  EXPECT_TRUE(ask(zones, "b.example", RecordType::MX).answers.empty());
  zone->add(record_from_text("new.b.example. 60 A 192.0.2.7"));
  EXPECT_EQ(ask(zones, "new.b.example", RecordType::A).answers.size(), 1u);
}

TEST(Zone, RejectsInconsistentData) {
  Zone zone = b_zone();
  EXPECT_THROW(zone.add(record_from_text("www.b.example. 60 A 192.0.2.1")), ZoneError);
  EXPECT_THROW(zone.add(record_from_text("b.example. 60 CNAME c.example.")), ZoneError);
  EXPECT_THROW(zone.add(record_from_text("a.example. 60 A 192.0.2.1")), ZoneError);
  try {
    zone_from_text("x.example.", "@ 60 SOA a. b. 1 2 3 4 5\n\nwww.x.example. 60 MX mx\n");
    FAIL();
  } catch (const ZoneError& e) {
    EXPECT_NE(std::string(e.what()).find("zone x.example., line 3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(zone_from_text("x.example.", "www.x.example. 60 A 192.0.2.1\n"), ZoneError);
}

// RFC 1035 5.1: in a zone file a name without a final dot is relative to the origin; the
// scenario format's documentation promises it ("mx" in b.example. is mx.b.example.).
TEST(Zone, NamesWithoutAFinalDotAreRelativeToTheOrigin) {
  const Zone zone = zone_from_text("b.example.", R"(
@ 3600 SOA ns hostmaster 1 7200 900 1209600 300
@ 300 MX 10 mx
mx 300 A 198.51.100.25
www 300 CNAME mx
abs.b.example. 300 A 198.51.100.26
)");
  const Name origin = Name::parse("b.example.");
  const auto& soa = std::get<SoaData>(zone.soa().data);
  EXPECT_EQ(soa.mname.to_string(), "ns.b.example.");
  EXPECT_EQ(soa.rname.to_string(), "hostmaster.b.example.");
  const auto mx = record_from_text("@ 300 MX 10 mx", origin);
  EXPECT_EQ(std::get<MxData>(mx.data).exchange.to_string(), "mx.b.example.");
  EXPECT_EQ(record_from_text("mx 300 A 198.51.100.25", origin).name.to_string(), "mx.b.example.");
  EXPECT_EQ(record_from_text("abs.b.example. 300 A 192.0.2.1", origin).name.to_string(),
            "abs.b.example.");
  // An escaped final dot is part of the last label: the name is still relative.
  EXPECT_EQ(Name::parse("a\\.", origin).label_count(), 3u);
  EXPECT_EQ(Name::parse("@", origin), origin);
}

TEST(Authoritative, TcpConnectionAnswersEachMessageOfTheStream) {
  const auto zones = all_zones();
  TcpServerConnection conn(zones);
  std::vector<std::uint8_t> stream;
  for (std::uint16_t id : {1, 2}) {
    const auto framed =
        frame_for_tcp(encode(make_query(id, {N("b.example"), RecordType::MX}, true)));
    stream.insert(stream.end(), framed.begin(), framed.end());
  }
  std::vector<ServeResult> results;
  for (auto b : stream)
    for (auto& r : conn.receive(std::span(&b, 1)))
      results.push_back(std::move(r));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(decode(results[0].bytes).header.id, 1);
  EXPECT_EQ(decode(results[1].bytes).header.id, 2);
  EXPECT_EQ(decode(results[1].bytes).answers.size(), 2u);
}

TEST(Authoritative, ScriptedChangeThroughTheZoneSet) {
  ZoneSet zones = all_zones();
  zones.replace(N("b.example"), RecordType::MX, {record_from_text("b.example. 60 MX 0 .")});
  EXPECT_EQ(texts(ask(zones, "b.example", RecordType::MX).answers),
            (std::vector<std::string>{"b.example.\t60\tIN\tMX\t0 ."}));
  ZoneSet only_b = single(b_zone());
  EXPECT_THROW(only_b.replace(N("x.test"), RecordType::A, {}), ZoneError);
  EXPECT_THROW(only_b.replace(N("b.example"), RecordType::MX,
                              {record_from_text("b.example. 60 A 192.0.2.1")}),
               ZoneError);
}

// A server holding many zones finds the one for a name by its ancestors, not by looking at each
// zone: the deepest origin wins whatever the case, an origin is found exactly, and the
// additional addresses come from every zone above the host (glue first when it was added first).
TEST(ZoneSet, FindsTheDeepestZoneAmongManyAndAddressesFromEachZoneAbove) {
  ZoneSet set;
  set.add_zone(zone_from_text("example.",
                              "@ 3600 SOA ns.example. h.example. 1 2 3 4 60\n"
                              "b 3600 NS ns1.b\n"
                              "ns1.b 3600 A 192.0.2.53\n"));
  for (int i = 0; i < 300; ++i) {
    const std::string origin = "d" + std::to_string(i) + ".example.";
    set.add_zone(zone_from_text(origin, "@ 3600 SOA ns h 1 2 3 4 60\nmx 3600 A 192.0.2.1\n"));
  }
  set.add_zone(zone_from_text("b.example.",
                              "@ 3600 SOA ns1 h 1 2 3 4 60\n"
                              "ns1 3600 A 192.0.2.54\n"));
  ASSERT_NE(set.zone_for(N("MX.D7.Example")), nullptr);
  EXPECT_EQ(set.zone_for(N("MX.D7.Example"))->origin().to_string(), "d7.example.");
  EXPECT_EQ(set.zone_for(N("ns1.b.example"))->origin().to_string(), "b.example.");
  EXPECT_EQ(set.zone_for(N("c.example"))->origin().to_string(), "example.");
  EXPECT_EQ(set.zone_for(N("other.test")), nullptr);
  EXPECT_NE(set.zone(N("d299.example")), nullptr);
  EXPECT_EQ(set.zone(N("x.d299.example")), nullptr);
  EXPECT_EQ(texts(set.addresses_of(N("ns1.b.example"))),
            (std::vector<std::string>{"ns1.b.example.\t3600\tIN\tA\t192.0.2.53",
                                      "ns1.b.example.\t3600\tIN\tA\t192.0.2.54"}));
  // Replacing a zone keeps its place among the others.
  set.add_zone(zone_from_text("example.",
                              "@ 3600 SOA ns.example. h.example. 2 2 3 4 60\n"
                              "ns1.b 3600 A 192.0.2.55\n"));
  EXPECT_EQ(texts(set.addresses_of(N("ns1.b.example"))),
            (std::vector<std::string>{"ns1.b.example.\t3600\tIN\tA\t192.0.2.55",
                                      "ns1.b.example.\t3600\tIN\tA\t192.0.2.54"}));
  EXPECT_EQ(set.zones().size(), 302u);
}
