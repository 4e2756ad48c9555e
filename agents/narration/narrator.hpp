#pragma once
// Turns trace records into one plain sentence each, in English or French, for the command
// line and the window: "mx.b.example answered 451 4.7.1 ...; next try at 00:05:00". Sentences
// are catalog messages keyed by the record kind; their placeholders are the record's field
// names, plus {explain}, the meaning of the record's SMTP reply if it has one.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sim/text.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

class Narrator {
 public:
  explicit Narrator(Lang lang) : lang_(lang) {}

  std::optional<std::string> narrate(const sim::TraceRecord& record) const;

  // The catalog entry for a kind, or nullptr if it has none.
  static const Message* sentence_for(const sim::TraceKind& kind);
  // Every sentence, for the coverage test.
  static std::span<const Message* const> sentences();
  // Packet-by-packet records are for the window and `mailsim run --packets`; the story leaves
  // them out (a lost packet is part of the story).
  static bool is_detail(std::string_view kind);

 private:
  Lang lang_;
};

}  // namespace mailsim::agents
