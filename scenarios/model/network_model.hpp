#pragma once
// The network part of a scenario, as written in its file: plain data that the loader fills,
// the builder turns into a running network, and the writer saves back.
#include <optional>
#include <string>
#include <vector>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/choices.hpp"
#include "sim/net/address.hpp"
#include "sim/net/settings.hpp"

namespace mailsim::scenarios {

// A link's queue_bytes must fit LinkParams' 32 bits: 4GB, far more than any lesson needs.
inline constexpr std::uint64_t kMaxQueueBytes = 4'000'000'000;

struct PositionModel {
  double x = 0;
  double y = 0;
  bool operator==(const PositionModel&) const = default;
};

struct FilterModel {
  std::uint16_t port = 0;
  sim::net::FilterDirection direction = sim::net::FilterDirection::incoming;
  sim::net::FilterAction action = sim::net::FilterAction::drop;
  sim::net::FilterProtocol protocol = sim::net::FilterProtocol::tcp;
  bool operator==(const FilterModel&) const = default;
};

struct HostModel {
  std::string name;
  sim::net::Ipv4Address address;
  std::optional<PositionModel> position;
  std::string role;  // empty: told by what runs on it (host_role in scenarios/model/roles.hpp)
  sim::net::HostSettings settings;
  std::vector<FilterModel> filters;  // the host's firewall
  SourcePos pos;
  bool operator==(const HostModel&) const = default;
};

struct RouterModel {
  std::string name;
  std::optional<sim::net::Ipv4Address> address;
  std::optional<PositionModel> position;
  SourcePos pos;
  bool operator==(const RouterModel&) const = default;
};

struct LinkModel {
  std::string name;  // defaults to "<a>-<b>"
  std::string a, b;
  sim::net::LinkParams params;
  bool up = true;
  SourcePos pos;
  bool operator==(const LinkModel&) const = default;
};

struct NetworkModel {
  sim::net::RoutingPolicy routing = sim::net::RoutingPolicy::shortest;
  std::vector<HostModel> hosts;
  std::vector<RouterModel> routers;
  std::vector<LinkModel> links;
  bool operator==(const NetworkModel&) const = default;
};

}  // namespace mailsim::scenarios
