#pragma once
// The window's command layer: what its menus and dialogs do to the world. Each command checks
// what a person chose against the running scenario and returns the timeline action to record,
// or why it cannot be done, in the person's language. Player::record() then runs the action now
// and keeps it in the scenario's timeline, so that a replay and a saved scenario do it again.
// No ImGui here: the tests drive the same commands without a display.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/build/world_view.hpp"
#include "scenarios/model/scenario_model.hpp"
#include "sim/text.hpp"

namespace mailsim::gui {

// An action to record, or the reason there is none.
struct Command {
  std::optional<scenarios::Action> action;
  std::string refusal;
  explicit operator bool() const { return action.has_value(); }
};

// A host switched off or on (a router too).
Command set_host_up(const scenarios::WorldView& world, std::string_view host, bool up, Lang lang);
// A link cut or restored.
Command set_link_up(const scenarios::WorldView& world, std::string_view link, bool up, Lang lang);

// A link's new latency, bandwidth or loss; what is not given keeps its value now.
struct LinkChange {
  std::optional<sim::SimTime> latency = std::nullopt;
  std::optional<std::uint64_t> bandwidth_bps = std::nullopt;
  std::optional<double> loss = std::nullopt;  // probability, 0 to 1
};
Command change_link(const scenarios::WorldView& world, std::string_view link,
                    const LinkChange& change, Lang lang);
// The link dialog's fields as typed, in a scenario's units ("20ms", "10Mbps", "5%" or "0.05");
// an empty field keeps its value.
Command change_link(const scenarios::WorldView& world, std::string_view link,
                    std::string_view latency, std::string_view bandwidth, std::string_view loss,
                    Lang lang);

// The mail exchangers of a domain (one of the scenario's zones) and the TTL of their records.
struct MxRecord {
  std::uint16_t preference = 10;
  std::string exchange;  // "mx.b.example" or "mx.b.example."
  bool operator==(const MxRecord&) const = default;
};
struct MxChange {
  std::string domain;  // the zone's origin, "b.example."
  std::vector<MxRecord> exchangers;
  std::uint32_t ttl = 300;
};
// The zones a person may change (the lesson's DNS server's).
std::vector<std::string> dns_zones(const scenarios::WorldView& world);
// The domain's MX records at the current time (the file's, then the changes recorded up to
// now), for a dialog to start from.
MxChange current_mx(const scenarios::WorldView& world, std::string_view domain);
// No exchanger removes the domain's MX records (mail then goes to the domain's own address).
Command change_mx(const scenarios::WorldView& world, const MxChange& change, Lang lang);

// A mail written in a client's compose dialog.
struct Compose {
  std::string client;
  std::vector<std::string> to, cc;
  std::string subject, body;
  std::uint64_t attachment = 0;  // bytes
};
// The compose dialog's fields as typed: addresses separated by commas, the attachment's size
// in a scenario's units ("2MB"; empty: none).
Command send_mail(const scenarios::WorldView& world, const std::string& client, std::string_view to,
                  std::string_view cc, const std::string& subject, const std::string& body,
                  std::string_view attachment, Lang lang);
// The mail clients that can send (they have a submission server).
std::vector<std::string> sending_clients(const scenarios::WorldView& world);
Command send_mail(const scenarios::WorldView& world, const Compose& mail, Lang lang);
// "bob@b.example, carol@c.example" -> each address, trimmed.
std::vector<std::string> split_addresses(std::string_view text);

// Writes the run so far as a capture for Wireshark at `path` (pcapng, one interface per link,
// unless the name ends in .pcap): `scenario` (the run's, with every recorded action) played
// again from its start to `until` with the same seed, every link listened to, as
// `mailsim run --pcap FILE --until TIME` does. The run being deterministic, it is the same run.
// The error, in the person's language, when the file cannot be written.
std::optional<std::string> save_capture(const scenarios::ScenarioModel& scenario,
                                        std::optional<std::uint64_t> seed, sim::SimTime until,
                                        const std::string& path, Lang lang);

// The console: a person at a terminal of a host, as with `telnet mx.b.example 25`. Opening
// it is a timeline `type` action with no line, under a session name free in the timeline
// ("console-1"); each line typed then is a `type` action naming that session, typed at once.
// The hosts a console opens from, and the machines it may reach (with an address).
std::vector<std::string> console_hosts(const scenarios::WorldView& world);
std::vector<std::string> console_targets(const scenarios::WorldView& world);
// `to`: a host, a router with an address or an IPv4 address; `port` as typed ("25").
Command open_console(const scenarios::WorldView& world, std::string_view from, std::string_view to,
                     std::string_view port, Lang lang);
Command type_in_console(const scenarios::WorldView& world, std::string_view session,
                        std::string_view line, Lang lang);

// Writes `scenario` (the run's, with every recorded action) as YAML at `path`: the error, in
// the person's language, when the file cannot be written.
std::optional<std::string> save_scenario(const scenarios::ScenarioModel& scenario,
                                         const std::string& path, Lang lang);

}  // namespace mailsim::gui
