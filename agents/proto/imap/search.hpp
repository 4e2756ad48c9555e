#pragma once
// SEARCH keys (RFC 3501 6.4.4), parsed into a tree and matched against one message.
// Supported: ALL, flag keys (SEEN UNSEEN DELETED UNDELETED ANSWERED UNANSWERED FLAGGED
// UNFLAGGED DRAFT UNDRAFT RECENT NEW OLD), FROM TO CC BCC SUBJECT BODY TEXT HEADER, LARGER
// SMALLER, BEFORE ON SINCE (the internal date, by day in the scenario's zone), UID set, sequence
// set, NOT, OR, parenthesised lists. Not: SENTBEFORE SENTON SENTSINCE (the Date field),
// KEYWORD/UNKEYWORD.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agents/proto/imap/arg_parser.hpp"
#include "agents/proto/imap/sequence_set.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/mailbox/mail_store.hpp"

namespace mailsim::proto::imap {

struct SearchKey {
  enum class Kind {
    all_of,  // children all match (the top level and parenthesised lists)
    any_of,  // OR: either child
    negate,  // NOT: the child does not match
    flag_set,
    flag_clear,
    new_,
    old,
    header,  // header field `name` contains `text`
    body,
    text,
    larger,
    smaller,
    uid_set,
    seq_set,
    before,  // internal date before `day` (BEFORE), on it (ON), on or after it (SINCE)
    on,
    since,
  };
  Kind kind = Kind::all_of;
  mailbox::Flag flag = mailbox::Flag::seen;
  std::string name;   // header field name
  std::string value;  // substring
  std::uint32_t number = 0;
  std::chrono::sys_days day{};
  std::optional<SequenceSet> set;
  std::vector<SearchKey> children;
};

// Reads "[CHARSET x] key *(SP key)" up to the end of the command.
std::optional<SearchKey> parse_search(ArgParser& parser);

struct SearchTarget {
  const mailbox::StoredMessage& message;
  mailbox::Flags flags;  // with this session's \Recent
  std::uint32_t seq;
  std::uint32_t largest_seq;  // for '*'
  std::uint32_t largest_uid;
  const imf::ScenarioClock& calendar;  // for the days of BEFORE, ON, SINCE
};

bool matches(const SearchKey& key, const SearchTarget& target);

}  // namespace mailsim::proto::imap
