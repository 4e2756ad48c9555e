#pragma once
// The student's copy of an exercise: the lesson written again (scenarios/write) without what
// the student must not see (the expectations, the questions and their answers), and with the
// parts the teacher cut out replaced by a TODO comment.
#include <optional>
#include <string>
#include <vector>

#include "scenarios/model/scenario_model.hpp"
#include "sim/text.hpp"

namespace mailsim::scenarios {

struct CopyOptions {
  bool hide_expect = true;
  bool hide_questions = false;
  // Parts to cut: keys and list items separated by '/', a list item by its name, its host or
  // its number from 0 ("mail/servers/home.c.example/relayhost", "dns/zones/b.example.").
  std::vector<std::string> cuts;
};

struct StudentCopy {
  std::optional<std::string> text;  // set when every cut was found
  std::vector<Text> errors;
};

// `marker_lang`: the language of the TODO comments.
StudentCopy student_copy(ScenarioModel lesson, const CopyOptions& options, Lang marker_lang);

}  // namespace mailsim::scenarios
