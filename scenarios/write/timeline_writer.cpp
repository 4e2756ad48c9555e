#include <type_traits>

#include "scenarios/write/section_writers.hpp"

namespace mailsim::scenarios {
namespace {

const TypedSessionAction kTyped{};
const SendMailAction kSend{};

// The loader starts a change_link from the link's values in the file.
sim::net::LinkParams file_params(const NetworkModel& network, const std::string& link) {
  for (const auto& l : network.links)
    if (l.name == link) return l.params;
  return {};
}

void write_change(MapWriter& w, const ChangeLink& c, const NetworkModel& network) {
  const sim::net::LinkParams before = file_params(network, c.link);
  w.text("link", c.link);
  w.duration("latency", c.params.latency, before.latency);
  w.bandwidth("bandwidth", c.params.bandwidth_bps, before.bandwidth_bps);
  w.fraction("loss", c.params.loss, before.loss);
  w.integer("mtu", c.params.mtu, before.mtu);
  w.size("queue_bytes", c.params.queue_bytes, before.queue_bytes);
  w.integer("queue_packets", c.params.queue_packets, before.queue_packets);
}

void write_typed(MapWriter& w, const TypedSessionAction& t) {
  w.text("session", t.session, "");
  if (!t.from.empty()) {  // else more lines for a session opened earlier
    w.text("from", t.from);
    w.text("to", t.to);
    w.integer("port", t.port);  // written even at 25: "telnet mx.b.example 25" is the lesson
  }
  w.duration("pause", t.pause, kTyped.pause);
  w.texts("lines", t.lines, Keep::empty);  // required, even empty
}

void write_send(MapWriter& w, const SendMailAction& s) {
  w.text("client", s.client, "");
  w.text("from", s.from, "");
  w.text("server", s.server, "");
  w.text("user", s.user, "");
  w.text("password", s.password, "");
  w.integer("port", s.port, s.user.empty() ? 25 : 587);
  w.text("mail_from", s.mail_from, "");
  w.text_or_texts("to", s.to);
  w.text_or_texts("cc", s.cc);
  w.text("subject", s.subject, kSend.subject);
  if (s.body != kSend.body) w.lines("body", s.body);
  w.size("attachment", s.attachment, kSend.attachment);
  if (s.smuggle) {
    w.map("smuggle", Style::block, [&](MapWriter& m) {
      const SmuggledMail& x = *s.smuggle;
      m.text("mail_from", x.mail_from);
      m.text("to", x.to);
      m.text("from", x.from, x.mail_from);
      m.text("subject", x.subject, "");
      if (!x.body.empty()) m.lines("body", x.body);
    });
  }
}

}  // namespace

void write_timeline_entry(MapWriter& w, const TimelineEntry& entry, const NetworkModel& network) {
  w.instant("at", entry.at);
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, SetLinkUp>) {
          w.text(a.up ? "link_up" : "link_down", a.link);
        } else if constexpr (std::is_same_v<A, SetHostUp>) {
          w.text(a.up ? "host_up" : "host_down", a.host);
        } else if constexpr (std::is_same_v<A, ChangeLink>) {
          w.map("change_link", Style::flow_if_fits,
                [&](MapWriter& c) { write_change(c, a, network); });
        } else if constexpr (std::is_same_v<A, TypedSessionAction>) {
          w.map("type", Style::block, [&](MapWriter& t) { write_typed(t, a); });
        } else if constexpr (std::is_same_v<A, SendMailAction>) {
          w.map("send", Style::block, [&](MapWriter& s) { write_send(s, a); });
        } else if constexpr (std::is_same_v<A, ChangeDnsAction>) {
          w.map("change_dns", Style::block, [&](MapWriter& c) {
            c.text("zone", a.zone);
            c.texts("records", a.lines);
            if (!a.name.empty()) c.text("remove", a.name + " " + a.type);
          });
        } else {
          static_assert(std::is_same_v<A, FetchMailAction>, "a new action needs its writer");
          w.text("fetch", a.client);
        }
      },
      entry.action);
}

}  // namespace mailsim::scenarios
