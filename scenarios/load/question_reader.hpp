#pragma once
// Reads the `questions:` section (lesson mode): each question at a time or after an event, with
// its question and answer in English and French.
#include <vector>

#include <yaml-cpp/yaml.h>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/question_model.hpp"

namespace mailsim::scenarios {

std::vector<Question> read_questions(const std::vector<YAML::Node>& entries, Diagnostics& diag);

}  // namespace mailsim::scenarios
