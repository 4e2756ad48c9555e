#pragma once
// The inbound MTA's spam checks, each visible and explained: the client's IP on a DNS
// blocklist, the SPF result, missing or malformed headers, keyword rules and a sender
// reputation table. Like SpamAssassin, every rule that fires adds its score and names itself;
// the total decides: accept, tag (X-Spam-* headers, delivery to Junk) or reject
// (550 5.7.1). A DNSBL hit can instead reject at once, as Postfix's reject_rbl_client does
// (554 5.7.1 at RCPT time).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agents/proto/smtp/reply.hpp"

namespace mailsim::agents {

struct KeywordRule {
  std::string name;     // "LOTTERY_WIN"
  std::string pattern;  // matched case-insensitively in the Subject and the body
  double score = 1.0;
};

struct ReputationEntry {
  std::string sender;  // "spammer@bad.example" or a whole domain "bad.example"
  double score = 0.0;  // positive: suspicious; negative: trusted
};

struct SpamSettings {
  bool enabled = true;
  bool reject_dnsbl_at_rcpt = true;  // Postfix reject_rbl_client; false: score it instead
  double dnsbl_score = 5.0;
  double spf_fail_score = 5.0;
  double spf_softfail_score = 2.0;
  double missing_header_score = 1.5;  // each of Date, From, Message-ID
  double malformed_from_score = 2.5;
  double tag_threshold = 5.0;      // SpamAssassin's required_score
  double reject_threshold = 10.0;  // 0: never reject on score
  std::vector<KeywordRule> keywords;
  std::vector<ReputationEntry> reputation;
};

// What the MTA knows when it decides; DNS answers come from the resolver beforehand.
struct SpamFacts {
  std::string client_address;
  std::optional<std::string> dnsbl_zone;  // set when the client is listed, e.g. "zen.dnsbl.example"
  std::string dnsbl_reason;               // the list's TXT reason, when it gives one
  std::string spf_result = "none";        // none neutral pass fail softfail temperror permerror
  std::string envelope_sender;
  std::vector<std::pair<std::string, std::string>> headers;  // unfolded, in order
  std::string_view body;  // the message's body, read during evaluate_spam
};

struct SpamHit {
  std::string rule;  // "RCVD_IN_DNSBL", "SPF_FAIL", "MISSING_DATE", keyword names...
  double score;
  std::string detail;
};

struct SpamVerdict {
  enum class Action { accept, tag, reject };
  Action action = Action::accept;
  double score = 0;
  std::vector<SpamHit> hits;
  proto::smtp::Reply reply;  // for reject: 550 5.7.1 with the score and the rules
  std::vector<std::pair<std::string, std::string>> added_headers;  // X-Spam-*
};

std::string_view action_name(SpamVerdict::Action a);

// The connection-time check: a listed client is refused at RCPT when configured so.
std::optional<proto::smtp::Reply> dnsbl_rejection(const SpamSettings& s, const SpamFacts& facts);

// The content check, after DATA.
SpamVerdict evaluate_spam(const SpamSettings& s, const SpamFacts& facts);

}  // namespace mailsim::agents
