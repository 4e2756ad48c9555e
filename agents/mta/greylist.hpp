#pragma once
// Greylisting as postgrey does it (policy server for Postfix, defaults of postgrey 1.3x).
//
// The triplet (client network, sender, recipient) is looked up: a triplet seen for the first
// time, or first seen less than `delay` ago, is deferred (450); a retry after the delay
// passes. A triplet whose only sighting is older than `retry_window` starts again; entries
// not seen for `max_age` are forgotten. With lookup by subnet, the client's /24 is used
// (except for unknown reverse DNS, or a name holding the last two numbers of the address,
// taken for a dial-up pool). Sender extensions are stripped and numbers in the local part
// replaced by '#', so that VERP addresses map to one key. A client whose greylisted mails
// passed `auto_whitelist_clients` times (counted at most once per hour) is whitelisted.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "sim/time.hpp"

namespace mailsim::agents {

using sim::SimTime;

struct GreylistSettings {
  SimTime delay = std::chrono::seconds(300);
  SimTime retry_window = std::chrono::hours(48);
  SimTime max_age = std::chrono::hours(24 * 35);
  int auto_whitelist_clients = 5;  // 0 turns it off
  bool lookup_by_subnet = true;
  // %r is replaced by the recipient's domain, as postgrey does.
  std::string text = "Greylisted, see http://postgrey.schweikert.ch/help/%r.html";
};

struct GreylistRequest {
  std::string client_address;           // dotted IPv4
  std::string client_name = "unknown";  // reverse DNS name, "unknown" when none
  std::string sender;                   // envelope sender, may be empty (<>)
  std::string recipient;
};

struct GreylistVerdict {
  bool defer = false;
  std::string reason;          // "new triplet", "retried too early", "delay passed", ...
  SimTime remaining{0};        // when deferred: how long until a retry can pass
  std::string reply_text;      // when deferred: the text for "450 4.2.0 <rcpt>: ..."
  std::string prepend_header;  // when passing after a delay: "X-Greylist: delayed N seconds ..."
  std::string key;             // the triplet as stored, for the trace
};

class Greylist {
 public:
  explicit Greylist(GreylistSettings settings = {}) : settings_(std::move(settings)) {}

  GreylistVerdict check(const GreylistRequest& request, SimTime now);

  const GreylistSettings& settings() const { return settings_; }
  std::size_t triplets() const { return triplets_.size(); }
  bool client_whitelisted(const std::string& client_key) const;

  // The key parts, exposed for explanations and tests.
  std::string client_key(const GreylistRequest& request) const;
  static std::string sender_key(const std::string& sender);

 private:
  struct Sighting {
    SimTime first;
    SimTime last;
  };
  struct ClientRecord {
    int count = 0;
    SimTime last{0};
  };
  GreylistSettings settings_;
  std::map<std::string, Sighting> triplets_;  // ordered: deterministic iteration
  std::map<std::string, ClientRecord> clients_;
};

}  // namespace mailsim::agents
