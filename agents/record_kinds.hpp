#pragma once
// Every trace record kind MailSim emits, in one table: each family of records with the kinds it
// carries and the document whose table describes them. Tests check the narrator against it (a
// sentence for every kind) and the documents' kind tables against it
// (tests/docs/kind_tables_test.cpp).
#include <span>
#include <string_view>

#include "sim/trace.hpp"

namespace mailsim::agents {

struct RecordFamily {
  std::string_view name;  // "net", "smtp dialogue", ...
  std::span<const sim::TraceKind* const> kinds;
  // The document whose kind table lists exactly these kinds; empty when prose describes them.
  std::string_view doc;
};

std::span<const RecordFamily> record_families();

}  // namespace mailsim::agents
