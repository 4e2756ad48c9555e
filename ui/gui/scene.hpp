#pragma once
// What the window remembers of the trace: packets on the wire (to animate them), packets just
// lost (to show where and why), the marks of the timeline, and each message's journey from
// server to server. All of it is view state derived from the trace; the simulation's own state
// is read through the WorldView.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/net/packet.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"

namespace mailsim::sim::net {
class Network;
}

namespace mailsim::gui {

// How a packet is drawn: by the protocol of its port, TCP control segments apart.
enum class PacketClass : std::uint8_t { smtp, dns, retrieval, control, other };
PacketClass classify(const sim::net::Packet& packet);

// One packet crossing one link: from the first bit sent to the last bit received.
struct Flight {
  sim::net::Packet packet;  // headers and the shared payload, for the details panel
  sim::net::LinkId link = sim::net::kNoLink;
  std::uint8_t direction = 0;  // 0: from the link's first end to its second
  sim::SimTime depart{0};
  sim::SimTime arrive{0};
  PacketClass cls = PacketClass::other;
};

struct Drop {
  sim::SimTime at{0};
  sim::net::Packet packet;
  sim::net::NodeId node = sim::net::kNoNode;  // where it was lost, when not on a link
  sim::net::LinkId link = sim::net::kNoLink;
  sim::net::DropReason reason = sim::net::DropReason::loss;
  PacketClass cls = PacketClass::other;
};

enum class MarkKind : std::uint8_t {
  accepted,
  deferred,
  relayed,
  delivered,
  bounced,
  fault,
  repair
};

struct Mark {
  sim::SimTime at{0};
  MarkKind kind = MarkKind::accepted;
  std::string what;  // the host, link or queue id it is about
};

// A message's way so far: each server that took it, when, and when it left.
struct Hop {
  std::string agent;                          // the host name of the server
  sim::net::NodeId node = sim::net::kNoNode;  // the same host, by id
  std::string queue_id;
  sim::SimTime arrived{0};
  std::optional<sim::SimTime> left;
};
struct Journey {
  std::string message_id;
  std::string sender;
  std::vector<std::string> recipients;
  std::vector<Hop> hops;
  std::string outcome;  // "delivered bob@b.example/INBOX", "bounced", "deferred: 451 ..."
};

class Scene {
 public:
  // `animate`: also follow the packets (a pre-run that only wants the marks does not).
  Scene(sim::Trace& trace, const sim::net::Network& network, bool animate = true);
  ~Scene();
  Scene(const Scene&) = delete;
  Scene& operator=(const Scene&) = delete;

  // Forgets the flights that arrived before `keep_from` (the previous frame's time, so that a
  // packet shorter than a frame is still drawn once) and the drops older than `drop_from`.
  void prune(sim::SimTime keep_from, sim::SimTime drop_from);

  const std::vector<Flight>& flights() const { return flights_; }
  const std::deque<Drop>& drops() const { return drops_; }
  const std::vector<Mark>& marks() const { return marks_; }
  const std::vector<Journey>& journeys() const { return journeys_; }
  // Protocol lines said so far (SMTP, POP3, IMAP, typed), for "step to the next line".
  std::uint64_t lines() const { return lines_; }
  // Flights still on the wire at `now`.
  std::size_t in_flight(sim::SimTime now) const;

 private:
  void on_record(const sim::TraceRecord& r);
  void on_packet(const sim::TraceRecord& r);
  void on_mail(const sim::TraceRecord& r);
  Journey* journey_at(sim::net::NodeId node, const std::string& queue_id);

  sim::Trace& trace_;
  const sim::net::Network& network_;
  bool animate_;
  sim::Trace::SubscriptionId subscription_;
  std::vector<Flight> flights_;
  std::deque<Drop> drops_;
  std::vector<Mark> marks_;
  std::vector<Journey> journeys_;
  std::map<std::pair<sim::net::NodeId, std::string>, std::size_t> journey_of_queue_id_;
  std::uint64_t lines_ = 0;
};

}  // namespace mailsim::gui
