#pragma once
// The DNS and mail parts of a scenario: who serves which zones, the mail servers with their
// domains, users and policies, and the people's mail clients.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/choices.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

// One more authoritative DNS server of a delegation tree (a root or a TLD server).
struct DnsServerModel {
  std::string host;
  std::map<std::string, std::string> zones;  // origin -> records, one per line
  SourcePos pos;
  bool operator==(const DnsServerModel&) const = default;
};

struct DnsModel {
  std::string server;                         // the host that serves the lesson's zones
  std::map<std::string, std::string> zones;   // origin -> records, one per line
  std::vector<DnsServerModel> other_servers;  // the rest of a delegation tree
  // A recursive server the mail servers ask, which follows the delegations from the root;
  // without one they ask `server` directly.
  std::optional<std::string> resolver;
  SourcePos pos;
  bool operator==(const DnsModel&) const = default;

  std::vector<std::string> origins() const;  // every zone served, for references
};

// The queue's retry schedule: Postfix's (the default) or Exim's, each with its own settings;
// unset ones keep the program's defaults.
struct RetryModel {
  RetryKind schedule = RetryKind::postfix;
  std::optional<sim::SimTime> queue_run_delay, minimal_backoff_time, maximal_backoff_time,
      maximal_queue_lifetime;                      // postfix
  std::string rules;                               // exim: "F,2h,15m; G,16h,1h,1.5; F,4d,6h"
  std::optional<sim::SimTime> queue_run_interval;  // exim
  std::optional<sim::SimTime> retry_interval_max;  // exim: no gap between tries is longer (24h)
  bool operator==(const RetryModel&) const = default;
};

struct KeywordModel {
  std::string name;
  std::string pattern;
  double score = 1.0;
  bool operator==(const KeywordModel&) const = default;
};

struct FilingRuleModel {
  std::string header;
  std::string contains;
  std::string folder;
  bool operator==(const FilingRuleModel&) const = default;
};

struct MailServerModel {
  std::string host;  // its host name is also its mail name ("mx.b.example")
  std::vector<std::string> domains;
  std::map<std::string, std::string> users;   // login -> password (mailboxes)
  std::vector<std::string> trusted_networks;  // "192.0.2.0/24": may relay (Postfix mynetworks)
  std::vector<std::string> relay_domains;
  bool open_relay = false;
  bool greylisting = false;
  std::optional<std::string> dnsbl;  // a list zone, e.g. "bl.example"
  agents::SpfPolicy spf = agents::SpfPolicy::off;
  bool submission = false;                        // a submission service on port 587 for its users
  std::optional<int> daily_limit;                 // messages per user per 24 hours on port 587
  bool auth = false;                              // AUTH on port 25 too (the article's telnet test)
  std::optional<std::uint64_t> max_message_size;  // bytes; default Postfix's 10240000
  std::optional<std::uint64_t> mailbox_quota;     // bytes per mailbox; none by default
  MailboxFull mailbox_full = MailboxFull::temporary;
  std::optional<std::string> relayhost;  // every remote mail goes to this host
  std::optional<RetryModel> retry;
  // Postfix delay_warning_time (one time), or Exim's delay_warning list ([4h, 8h, 24h]);
  // empty: the software's default (Postfix never, Exim 24h).
  std::vector<sim::SimTime> delay_warning;
  std::optional<int> hopcount_limit;         // Postfix hopcount_limit (50)
  std::optional<int> smtp_mx_address_limit;  // Postfix smtp_mx_address_limit (5; 0: no limit)
  std::optional<double> spam_tag_threshold, spam_reject_threshold;
  std::vector<KeywordModel> spam_keywords;
  std::map<std::string, double> spam_reputation;  // sender or domain -> score
  std::vector<FilingRuleModel> filing;
  // normalize, reject, lenient (inbound open to SMTP smuggling) or keep (outbound open to it)
  proto::smtp::EndOfDataMode end_of_data = proto::smtp::EndOfDataMode::normalize;
  // Its SMTP server's waits for a command and for the message, its client's for a connection.
  std::optional<sim::SimTime> command_timeout, data_timeout, connect_timeout;
  SourcePos pos;
  bool operator==(const MailServerModel&) const = default;
};

// A person's mail client (MUA) on a host: where it sends (submit) and where it fetches.
struct SubmitModel {
  std::string server;        // a mail server's host
  std::uint16_t port = 587;  // 25 when there is no password
  std::string user;          // defaults to the local part of the client's address
  std::string password;      // empty: no login
  bool operator==(const SubmitModel&) const = default;
};
struct FetchModel {
  std::string server;
  agents::RetrievalProtocol protocol = agents::RetrievalProtocol::imap;
  std::optional<std::uint16_t> port;  // default 143 or 110
  std::string user;
  std::string password;
  bool keep_on_server = true;
  std::optional<sim::SimTime> every;  // fetch at this interval
  bool operator==(const FetchModel&) const = default;
};
struct MailClientModel {
  std::string name;  // how the timeline and expectations name it; defaults to the host
  std::string host;
  std::string address;  // "Alice <alice@a.example>"
  std::optional<SubmitModel> submit;
  std::optional<FetchModel> fetch;
  SourcePos pos;
  bool operator==(const MailClientModel&) const = default;
};

// The default login of an address: its local part ("bob" for "Bob <bob@b.example>"), empty
// when it is not an address (the loader reports that).
std::string login_of(const std::string& address);
// The address without its display name ("bob@b.example"), or the text itself when it is not
// an address.
std::string bare_address(const std::string& address);

struct MailModel {
  std::optional<DnsModel> dns;
  std::vector<MailServerModel> servers;
  std::vector<MailClientModel> clients;

  const MailClientModel* client(const std::string& name) const;  // null when none has it
  std::vector<std::string> client_names() const;
  bool operator==(const MailModel&) const = default;
};

}  // namespace mailsim::scenarios
