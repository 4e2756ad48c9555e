#pragma once
// Reads the `questions:` section (lesson mode): each question at a time or after an event, with
// its question and answer in English and French.
#include <vector>

#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/question_model.hpp"

namespace mailsim::scenarios {

std::vector<Question> read_questions(const std::vector<YamlNode>& entries, Diagnostics& diag);

}  // namespace mailsim::scenarios
