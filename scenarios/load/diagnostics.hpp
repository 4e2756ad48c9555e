#pragma once
// Errors found while loading a scenario file, each with its place (file:line:column) and a
// catalog message, so that every error of a file is reported at once, in English or French.
#include <string>
#include <vector>

#include "sim/text.hpp"

namespace mailsim::scenarios {

struct SourcePos {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  bool operator==(const SourcePos&) const = default;
};

struct Diagnostic {
  std::string file;
  SourcePos pos;
  Text message;
  bool warning = false;  // a file that loads but will surprise at run time
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  void error(SourcePos pos, Text message) {
    items_.push_back(Diagnostic{file_, pos, std::move(message)});
  }
  // A setting that loads and runs but will not do what its writer likely meant.
  void warning(SourcePos pos, Text message) {
    warnings_.push_back(Diagnostic{file_, pos, std::move(message), true});
  }
  bool empty() const { return items_.empty(); }  // no error (warnings do not count)
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& all() const { return items_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  const std::string& file() const { return file_; }

  // One line per error or warning: "lesson.yaml:12:5: error: ..." ("erreur", "avertissement"
  // in French), in file order.
  std::string render(Lang lang) const;

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
  std::vector<Diagnostic> warnings_;
};

// The closest candidate to a misspelt word, if one is close enough to be a likely typo
// (optimal string alignment distance, case-insensitive, at most a third of the word). For many
// words against the same names, build a NameIndex once (name_index.hpp).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace mailsim::scenarios
