#pragma once
// A trace field visitor that reads only the text fields of a record (host names, stages,
// lines): the others are skipped.
#include <string_view>

#include "sim/trace.hpp"

namespace mailsim::sim {

class TextFieldVisitor : public FieldVisitor {
 public:
  using FieldVisitor::field;
  void field(std::string_view, std::int64_t) override {}
  void field(std::string_view, std::uint64_t) override {}
  void field(std::string_view, double) override {}
  void field(std::string_view, bool) override {}
  void field(std::string_view, SimTime) override {}
  void field(std::string_view key, std::string_view value) override = 0;
};

}  // namespace mailsim::sim
