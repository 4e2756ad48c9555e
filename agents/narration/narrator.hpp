#pragma once
// Turns trace records into one plain sentence each, in English or French, for the command
// line and the window: "mx.b.example answered 451 4.7.1 ...; next try at 00:05:00". Sentences
// are catalog messages keyed by the record kind; their placeholders are the record's field
// names, plus {explain}, the meaning of the record's SMTP reply if it has one.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/text.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

// How much of the trace a person reads, from the least to the most:
//   story     what a person following the article needs: who writes to whom, the submission
//             and its verdict, the MX lookup, each hand-over, refusal, deferral and retry, the
//             delivery into the mailbox, the fetch, the bounce;
//   protocol  every dialogue line, state change, DNS query and connection as well;
//   packets   every packet and TCP detail as well.
enum class Level { story, protocol, packets };
// "story", "protocol", "packets"; false for anything else.
bool parse_level(std::string_view text, Level& out);

// The roles the article names, as a host plays them: the mail client (MUA), the submission
// service (MSA), the transfer agent (MTA), the delivery agent that files into mailboxes (MDA).
enum class ArticleRole { mua, msa, mta, mda };
// Host name -> its roles in the article's order; the narration names them beside the host:
// "smtp.a.example (MSA, MTA)".
using HostRoles = std::map<std::string, std::vector<ArticleRole>, std::less<>>;
// "MSA, MTA": the roles' short names in the article's order, for the narration and the window.
std::string role_names(const std::vector<ArticleRole>& roles, Lang lang);
// {reason_text}: a record's `reason` in words ("the host is down" for a packet dropped with
// host_down), the kind's own meaning first; nullptr when the catalog has none.
const Message* reason_text(std::string_view kind, std::string_view reason);

class Narrator {
 public:
  explicit Narrator(Lang lang, HostRoles roles = {}) : lang_(lang), roles_(std::move(roles)) {}

  std::optional<std::string> narrate(const sim::TraceRecord& record) const;

  // The catalog entry for a kind, or nullptr if it has none.
  static const Message* sentence_for(const sim::TraceKind& kind);
  // Every sentence, for the coverage test.
  static std::span<const Message* const> sentences();
  // The least level that tells a record: the one place that decides what each level leaves
  // out (`mailsim run --level`, the window, the benchmark). The story is chosen by kind name,
  // and for mail.accepted by stage (the submission; a relay's acceptance is told by the
  // hand-over); the packet-by-packet records are for `packets` only (a lost packet is told at
  // `protocol`).
  static Level level_of(const sim::TraceRecord& record);
  // The least level that may tell a record of this kind (for mail.accepted, the story's).
  static Level level_of(const sim::TraceKind& kind);
  // The kinds told at `level`, to subscribe with: the trace then skips the others (the story
  // does not pay for every packet).
  static sim::Trace::KindFilter kinds_for(Level level);
  static bool tells(const sim::TraceRecord& record, Level level) {
    return level_of(record) <= level;
  }

  // "smtp.a.example (MSA, MTA)" for a host that plays roles, else the name itself.
  std::string with_roles(std::string_view host) const;
  Lang lang() const { return lang_; }

 private:
  Lang lang_;
  HostRoles roles_;
};

}  // namespace mailsim::agents
