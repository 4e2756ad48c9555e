#pragma once
// Turns the network part of a scenario into the running virtual network. The network checks
// what it is given (bandwidths, MTUs...); its objections are reported at the item's place in
// the file, like the loader's own.
#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/network_model.hpp"
#include "sim/net/network.hpp"

namespace mailsim::scenarios {

// Returns false (with every problem in `diag`) if some item could not be built.
bool build_network(const NetworkModel& model, sim::net::Network& net, Diagnostics& diag);

}  // namespace mailsim::scenarios
