#include "ui/cli/capture_option.hpp"

#include <iostream>

#include "ui/cli/cli_text.hpp"

namespace mailsim::cli {

bool parse_capture_at(const std::string& text, const scenarios::ScenarioModel& scenario, Lang lang,
                      sim::capture::CapturePoint& out) {
  using Kind = sim::capture::CapturePoint::Kind;
  if (text == "all") {
    out = {Kind::everywhere, ""};
    return true;
  }
  std::string hosts, links;
  for (const auto& h : scenario.network.hosts) {
    if (h.name == text) {
      out = {Kind::host, text};
      return true;
    }
    hosts += (hosts.empty() ? "" : ", ") + h.name;
  }
  for (const auto& l : scenario.network.links) {
    if (l.name == text) {
      out = {Kind::link, text};
      return true;
    }
    links += (links.empty() ? "" : ", ") + l.name;
  }
  std::cerr << Text(msg::kBadCaptureAt, {{"value", text}, {"hosts", hosts}, {"links", links}})
                   .render(lang)
            << "\n";
  return false;
}

std::unique_ptr<sim::capture::PcapWriter> open_capture(const std::string& path,
                                                       const sim::capture::CapturePoint& point,
                                                       scenarios::ScenarioRun& run, Lang lang) {
  auto writer = std::make_unique<sim::capture::PcapWriter>(
      run.network(), path, point, run.model().start_unix_seconds * 1'000'000);
  if (!writer->ok()) {
    std::cerr << Text(msg::kCannotWriteCapture, {{"file", path}}).render(lang) << "\n";
    return nullptr;
  }
  return writer;
}

}  // namespace mailsim::cli
