#pragma once
// Turns the network part of a scenario into the running virtual network. The network checks
// what it is given (bandwidths, MTUs...); its objections are reported at the item's place in
// the file, like the loader's own.
#include <functional>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/network_model.hpp"
#include "sim/net/network.hpp"

namespace mailsim::scenarios {

// Runs one step of the build; an objection (a LocalizedError) becomes an error at `pos`, about
// `what`. Returns whether the step went through.
bool build_step(Diagnostics& diag, SourcePos pos, Text what, const std::function<void()>& step);

// Returns false (with every problem in `diag`) if some item could not be built.
bool build_network(const NetworkModel& model, sim::net::Network& net, Diagnostics& diag);

}  // namespace mailsim::scenarios
