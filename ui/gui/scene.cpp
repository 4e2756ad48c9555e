#include "ui/gui/scene.hpp"

#include <algorithm>
#include <array>

#include "agents/journey/records.hpp"
#include "sim/net/network.hpp"
#include "sim/net/trace_records.hpp"

namespace mailsim::gui {

namespace {

bool is_port(std::uint16_t port, std::initializer_list<std::uint16_t> ports) {
  return std::find(ports.begin(), ports.end(), port) != ports.end();
}

// The kinds whose record is one protocol line said by a side.
constexpr std::array<std::string_view, 5> kLineKinds{"smtp.client.sent", "smtp.server.sent",
                                                     "retrieval.client.sent",
                                                     "retrieval.server.sent", "typed.sent"};

// Only what the window draws, so that a pre-run for the marks is not called for every packet.
std::vector<std::string_view> wanted_kinds(bool animate) {
  std::vector<std::string_view> kinds{"mail.", "net.host.", "net.link."};
  if (animate) {
    kinds.push_back("net.packet.");
    kinds.insert(kinds.end(), kLineKinds.begin(), kLineKinds.end());
  }
  return kinds;
}

// The host or the link that went down or came back.
std::string fault_subject(const sim::TraceRecord& r) {
  if (const auto* host = dynamic_cast<const sim::net::HostRecord*>(&r))
    return std::string(host->host());
  if (const auto* link = dynamic_cast<const sim::net::LinkRecord*>(&r))
    return std::string(link->link());
  return {};
}

}  // namespace

PacketClass classify(const sim::net::Packet& p) {
  using sim::net::Protocol;
  const auto src = p.src_port(), dst = p.dst_port();
  auto either = [&](std::initializer_list<std::uint16_t> ports) {
    return is_port(src, ports) || is_port(dst, ports);
  };
  if (either({53})) return PacketClass::dns;
  if (p.ip.protocol == Protocol::tcp && p.payload.length == 0) return PacketClass::control;
  if (either({25, 587, 465})) return PacketClass::smtp;
  if (either({110, 143, 993, 995})) return PacketClass::retrieval;
  return PacketClass::other;
}

Scene::Scene(sim::Trace& trace, const sim::net::Network& network, bool animate)
    : trace_(trace),
      network_(network),
      animate_(animate),
      subscription_(trace.subscribe([this](const sim::TraceRecord& r) { on_record(r); },
                                    sim::Trace::kinds_starting_with(wanted_kinds(animate)))) {}

Scene::~Scene() {
  trace_.unsubscribe(subscription_);
}

void Scene::on_record(const sim::TraceRecord& r) {
  const std::string_view name = r.kind().name;
  if (name.starts_with("net.packet.")) {
    if (animate_) on_packet(r);
  } else if (name.starts_with("mail.")) {
    on_mail(r);
  } else if (name == sim::net::kinds::kHostDown.name || name == sim::net::kinds::kLinkDown.name) {
    marks_.push_back({r.time(), MarkKind::fault, fault_subject(r)});
  } else if (name == sim::net::kinds::kHostUp.name || name == sim::net::kinds::kLinkUp.name) {
    marks_.push_back({r.time(), MarkKind::repair, fault_subject(r)});
  } else if (std::find(kLineKinds.begin(), kLineKinds.end(), name) != kLineKinds.end()) {
    ++lines_;
  }
}

void Scene::on_packet(const sim::TraceRecord& r) {
  namespace k = sim::net::kinds;
  const auto* rec = dynamic_cast<const sim::net::PacketRecord*>(&r);
  if (rec == nullptr) return;
  const auto& place = rec->place();
  const auto& packet = rec->packet();
  const std::string_view name = r.kind().name;
  auto find = [&]() {
    return std::find_if(flights_.rbegin(), flights_.rend(), [&](const Flight& f) {
      return f.packet.id == packet.id && f.link == place.link_id;
    });
  };
  if (name == k::kPacketTxStart.name) {
    // The arrival is known at tx_end; until then, serialisation end plus the link's latency.
    const auto latency = network_.link_view(place.link_id).params.latency;
    flights_.push_back({packet, place.link_id, place.direction, place.start, place.end + latency,
                        classify(packet)});
  } else if (name == k::kPacketTxEnd.name) {
    if (auto it = find(); it != flights_.rend()) it->arrive = place.end;
  } else if (name == k::kPacketDropped.name) {
    if (place.link_id != sim::net::kNoLink)
      if (auto it = find(); it != flights_.rend()) flights_.erase(std::next(it).base());
    drops_.push_back({r.time(), packet, place.node_id, place.link_id,
                      place.reason.value_or(sim::net::DropReason::loss), classify(packet)});
  }
}

Journey* Scene::journey_at(sim::net::NodeId node, const std::string& queue_id) {
  auto it = journey_of_queue_id_.find({node, queue_id});
  return it == journey_of_queue_id_.end() ? nullptr : &journeys_[it->second];
}

void Scene::on_mail(const sim::TraceRecord& r) {
  namespace k = agents::kinds;
  if (const auto* a = dynamic_cast<const agents::MailAcceptedRecord*>(&r)) {
    marks_.push_back({r.time(), MarkKind::accepted, a->queue_id});
    // A message keeps its Message-ID from server to server: the same id continues a journey.
    std::size_t index = journeys_.size();
    if (!a->message_id.empty())
      for (std::size_t i = 0; i < journeys_.size(); ++i)
        if (journeys_[i].message_id == a->message_id) index = i;
    if (index == journeys_.size())
      journeys_.push_back({a->message_id, a->sender, a->recipients, {}, {}});
    journeys_[index].hops.push_back({a->agent, a->node, a->queue_id, r.time(), std::nullopt});
    journey_of_queue_id_[{a->node, a->queue_id}] = index;
    return;
  }
  const auto* o = dynamic_cast<const agents::MailOutcomeRecord*>(&r);
  if (o == nullptr) return;
  const std::string_view name = r.kind().name;
  MarkKind kind = MarkKind::deferred;
  if (name == k::kMailRelayed.name)
    kind = MarkKind::relayed;
  else if (name == k::kMailDelivered.name)
    kind = MarkKind::delivered;
  else if (name == k::kMailBounced.name)
    kind = MarkKind::bounced;
  else if (name != k::kMailDeferred.name)
    return;
  marks_.push_back({r.time(), kind, o->queue_id});
  Journey* j = journey_at(o->node, o->queue_id);
  if (j == nullptr) return;
  if (kind == MarkKind::relayed || kind == MarkKind::delivered || kind == MarkKind::bounced)
    for (auto& hop : j->hops)
      if (hop.node == o->node && hop.queue_id == o->queue_id) hop.left = r.time();
  if (kind == MarkKind::delivered) j->outcome = o->mailbox;
  if (kind == MarkKind::bounced) j->outcome = o->reply;
  if (kind == MarkKind::deferred) j->outcome = o->reply;
}

void Scene::prune(sim::SimTime keep_from, sim::SimTime drop_from) {
  std::erase_if(flights_, [&](const Flight& f) { return f.arrive < keep_from; });
  while (!drops_.empty() && drops_.front().at < drop_from)
    drops_.pop_front();
}

std::size_t Scene::in_flight(sim::SimTime now) const {
  return static_cast<std::size_t>(std::count_if(flights_.begin(), flights_.end(),
                                                [&](const Flight& f) { return f.arrive > now; }));
}

}  // namespace mailsim::gui
