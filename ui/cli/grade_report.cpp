#include "ui/cli/grade_report.hpp"

#include "scenarios/build/expectation_check.hpp"
#include "ui/cli/scenario_source.hpp"

namespace mailsim::cli {
namespace {

const char* status_name(GradedFile::Status s) {
  switch (s) {
    case GradedFile::Status::invalid:
      return "invalid";
    case GradedFile::Status::stopped:
      return "stopped";
    case GradedFile::Status::graded:
      break;
  }
  return "graded";
}

}  // namespace

int GradedFile::score() const {
  int met = 0;
  for (const auto& r : results)
    met += r.met ? 1 : 0;
  return met;
}

nlohmann::json to_json(const GradedFile& f) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& r : f.results)
    results.push_back({{"met", r.met}, {"description", r.description}, {"evidence", r.evidence}});
  return {{"file", f.file},
          {"variant", f.variant},
          {"status", status_name(f.status)},
          {"validates", f.validates()},
          {"errors", f.errors},
          {"stopped", f.stopped},
          {"score", f.score()},
          {"total", f.results.size()},
          {"results", results}};
}

std::optional<GradedFile> graded_from_json(const nlohmann::json& j) {
  try {
    GradedFile f;
    f.file = j.at("file").get<std::string>();
    f.variant = j.at("variant").get<std::string>();
    const std::string status = j.at("status").get<std::string>();
    f.status = status == "invalid"   ? GradedFile::Status::invalid
               : status == "stopped" ? GradedFile::Status::stopped
                                     : GradedFile::Status::graded;
    f.errors = j.at("errors").get<std::vector<std::string>>();
    f.stopped = j.at("stopped").get<std::string>();
    for (const auto& r : j.at("results"))
      f.results.push_back({r.at("met").get<bool>(), r.at("description").get<std::string>(),
                           r.at("evidence").get<std::string>()});
    return f;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::optional<std::vector<std::string>> describe_expectations(
    const scenarios::ScenarioModel& scenario, Lang lang) {
  auto run = start(scenario, std::nullopt, lang);
  if (!run) return std::nullopt;
  scenarios::ExpectationChecker checker(run->model(), run->network(), run->sim().trace());
  std::vector<std::string> out;
  for (const auto& r : checker.results())
    out.push_back(r.description.render(lang));
  return out;
}

}  // namespace mailsim::cli
