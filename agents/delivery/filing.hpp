#pragma once
// Where a delivered message is filed: the simple rules a mailbox server applies (Sieve's
// "header :contains", reduced to what a lesson needs). A message the inbound checks tagged as
// spam (X-Spam-Flag: YES, SpamAssassin's header) goes to Junk; otherwise the first rule whose
// header contains its text names the folder; otherwise INBOX.
#include <string>
#include <vector>

#include "agents/proto/imf/header.hpp"

namespace mailsim::agents {

// "If the header field `header` contains `contains` (ASCII case ignored), file into `folder`."
struct FilingRule {
  std::string header;    // "Subject", "From", "List-Id"...
  std::string contains;  // matched against the unfolded value
  std::string folder;    // created when missing
};

struct FilingConfig {
  bool junk_tagged_spam = true;      // X-Spam-Flag: YES -> junk_folder
  std::string junk_folder = "Junk";  // created with every account by the store
  std::vector<FilingRule> rules;     // tried in order after the spam check
};

struct FilingDecision {
  std::string folder;  // "INBOX", "Junk", or a rule's folder
  std::string reason;  // "spam_tagged", "rule 1: Subject contains 'invoice'", "default"
};

// `header` may be null when the message's header does not parse: it then goes to INBOX.
FilingDecision decide_folder(const FilingConfig& config, const proto::imf::Header* header);

}  // namespace mailsim::agents
