#pragma once
// `mailsim run --pcap FILE [--capture-at HOST|LINK|all]`: the run written as a capture for
// Wireshark and tshark, its clock starting at the scenario's start date.
#include <memory>
#include <optional>
#include <string>

#include "scenarios/build/scenario_run.hpp"
#include "sim/capture/pcap_writer.hpp"
#include "sim/text.hpp"

namespace mailsim::cli {

// Where --capture-at listens: "all" (every link), a host's name or a link's name. False, with
// the reason and the names to choose from on standard error, for any other name.
bool parse_capture_at(const std::string& text, const scenarios::ScenarioModel& scenario, Lang lang,
                      sim::capture::CapturePoint& out);

// The writer for --pcap, listening from now on; null, with the reason on standard error, when
// the file cannot be written.
std::unique_ptr<sim::capture::PcapWriter> open_capture(const std::string& path,
                                                       const sim::capture::CapturePoint& point,
                                                       scenarios::ScenarioRun& run, Lang lang);

}  // namespace mailsim::cli
