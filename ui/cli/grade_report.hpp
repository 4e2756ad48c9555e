#pragma once
// What `mailsim grade` learns about each student's file, and how a grading process hands it to
// the grader: JSON on its standard output. The texts are already in the reader's language.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/model/scenario_model.hpp"
#include "sim/text.hpp"

namespace mailsim::cli {

struct GradedExpectation {
  bool met = false;
  std::string description;
  std::string evidence;
};

struct GradedFile {
  enum class Status { graded, invalid, stopped };
  std::string file;
  std::string variant;  // the file's `variant`, empty for a plain copy
  Status status = Status::graded;
  std::vector<std::string> errors;         // invalid: the loader's lines, file:line:column
  std::string stopped;                     // stopped: why, in words
  std::vector<GradedExpectation> results;  // one per expectation of the lesson
  bool validates() const { return status != Status::invalid; }
  int score() const;
};

struct ClassReport {
  std::string lesson;
  std::vector<std::string> expectations;  // the lesson's, described
  std::vector<GradedFile> files;
};

nlohmann::json to_json(const GradedFile& file);
// Empty when `json` is not what to_json writes.
std::optional<GradedFile> graded_from_json(const nlohmann::json& json);

// The sentence describing each expectation of `scenario`, in `lang`; empty when the scenario
// does not build (its errors then go to standard error).
std::optional<std::vector<std::string>> describe_expectations(
    const scenarios::ScenarioModel& scenario, Lang lang);

}  // namespace mailsim::cli
