#include "sim/trace.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/simulator.hpp"
#include "sim/trace_format.hpp"

using namespace mailsim::sim;
using namespace std::chrono_literals;

namespace {
constexpr TraceKind kSample{"test.sample", "test"};

int constructed = 0;

struct SampleRecord : TraceRecord {
  SampleRecord(std::string_view who, int n) : TraceRecord(kSample), who(who), n(n) {
    ++constructed;
  }
  void visit_fields(FieldVisitor& v) const override {
    v.field("who", who);
    v.field("n", n);
    v.field("big", std::uint64_t{18446744073709551615ULL});
    v.field("ratio", 0.5);
    v.field("ok", true);
    v.field("after", SimTime(1500ms));
    v.field("text", "250 2.0.0 Ok\r\n\"q\"");
    v.field("empty", "");
  }
  std::string_view who;
  int n;
};
// A record of a chosen kind with no fields, for the kind filters.
constexpr TraceKind kPacket{"net.packet.sent", "net"};
constexpr TraceKind kMail{"mail.accepted", "agents"};
struct Plain : TraceRecord {
  using TraceRecord::TraceRecord;
  void visit_fields(FieldVisitor&) const override {}
};

}  // namespace

TEST(Trace, NoSubscriberMeansNoRecordIsBuilt) {
  Simulator sim;
  constructed = 0;
  sim.trace().emit<SampleRecord>("a", 1);
  EXPECT_EQ(constructed, 0);
  EXPECT_FALSE(sim.trace().active());
}

TEST(Trace, EverySubscriberGetsStampedRecords) {
  Simulator sim;
  std::vector<std::string> a, b;
  auto ida = sim.trace().subscribe([&](const TraceRecord& r) { a.push_back(format_text(r)); });
  sim.trace().subscribe([&](const TraceRecord& r) { b.push_back(std::string(r.kind().name)); });
  sim.schedule_at(2s, [&] { sim.trace().emit<SampleRecord>("x", 1); });
  sim.schedule_at(3s, [&] {
    sim.trace().unsubscribe(ida);
    sim.trace().emit<SampleRecord>("y", 2);
  });
  sim.run();
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(b.size(), 2u);
  EXPECT_EQ(a[0].substr(0, 21), "00:00:02 test.sample ");
}

TEST(Trace, UnsubscribeFromInsideASubscriber) {
  Simulator sim;
  int calls = 0;
  Trace::SubscriptionId id = 0;
  id = sim.trace().subscribe([&](const TraceRecord&) {
    ++calls;
    sim.trace().unsubscribe(id);
  });
  sim.trace().emit<SampleRecord>("x", 1);
  sim.trace().emit<SampleRecord>("x", 1);
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(sim.trace().active());
}

TEST(TraceFormat, StableText) {
  Simulator sim;
  std::ostringstream out;
  {
    TraceWriter w(sim.trace(), out, TraceFormat::text);
    sim.schedule_at(1204ms, [&] { sim.trace().emit<SampleRecord>("smtp.a.example", -3); });
    sim.run();
  }
  EXPECT_EQ(out.str(),
            "00:00:01.204000 test.sample who=smtp.a.example n=-3 big=18446744073709551615 "
            "ratio=0.5 ok=true after=00:00:01.500000 text=\"250 2.0.0 Ok\\r\\n\\\"q\\\"\" "
            "empty=\"\"\n");
}

TEST(TraceFormat, JsonLines) {
  Simulator sim;
  std::ostringstream out;
  TraceWriter w(sim.trace(), out, TraceFormat::json);
  sim.schedule_at(5s, [&] { sim.trace().emit<SampleRecord>("h\xff", 7); });
  sim.run();
  EXPECT_EQ(
      out.str(),
      "{\"t_us\":5000000,\"time\":\"00:00:05\",\"kind\":\"test.sample\",\"who\":\"h\xef\xbf\xbd\","
      "\"n\":7,\"big\":18446744073709551615,\"ratio\":0.5,\"ok\":true,\"after\":1500000,"
      "\"text\":\"250 2.0.0 Ok\\r\\n\\\"q\\\"\",\"empty\":\"\"}\n");
}

TEST(Trace, SameSeedSameTraceBytes) {
  auto run = [] {
    Simulator sim(2024);
    std::ostringstream out;
    TraceWriter w(sim.trace(), out, TraceFormat::text);
    auto& rng = sim.rng("demo");
    for (int i = 0; i < 200; ++i) {
      sim.schedule_at(rng.exponential(1s), [&sim, i] { sim.trace().emit<SampleRecord>("h", i); });
    }
    sim.run();
    return out.str();
  };
  std::string first = run();
  EXPECT_EQ(first, run());
  EXPECT_GT(first.size(), 1000u);
}

// A subscriber that wants some kinds is called for those only; the others still get everything.
TEST(Trace, ASubscriberCanChooseItsKinds) {
  SimTime now{0};
  Trace trace(&now);
  std::vector<std::string_view> chosen, all;
  trace.subscribe([&](const TraceRecord& r) { chosen.push_back(r.kind().name); },
                  Trace::kinds_starting_with({"mail."}));
  trace.subscribe([&](const TraceRecord& r) { all.push_back(r.kind().name); });
  trace.emit<Plain>(kPacket);
  trace.emit<Plain>(kMail);
  trace.emit<Plain>(kPacket);
  EXPECT_EQ(chosen, (std::vector<std::string_view>{"mail.accepted"}));
  EXPECT_EQ(all.size(), 3u);
}

// The filter is asked once for each kind, not for each record; and a subscriber added from
// inside another is safe (none moves while it is called) and called from that record on.
TEST(Trace, AFilterIsAskedOncePerKind) {
  SimTime now{0};
  Trace trace(&now);
  int asked = 0, mails = 0, late = 0;
  trace.subscribe(
      [&](const TraceRecord&) {
        ++mails;
        if (mails == 1)
          for (int i = 0; i < 100; ++i)
            trace.subscribe([&](const TraceRecord&) { ++late; });
      },
      [&](const TraceKind& k) {
        ++asked;
        return k.name.starts_with("mail.");
      });
  for (int i = 0; i < 1000; ++i)
    trace.emit<Plain>(i % 2 ? kMail : kPacket);
  EXPECT_EQ(asked, 2);
  EXPECT_EQ(mails, 500);
  EXPECT_EQ(late, 100 * 999);
}
