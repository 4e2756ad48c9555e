#pragma once
// What a scenario expects to happen, so that `mailsim check` can grade a run: each expectation
// passes or fails with the evidence.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "scenarios/load/diagnostics.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

// A TCP connection from a host to a host (or address) and port ends as `outcome`.
struct ConnectionExpectation {
  std::string from;
  std::string to;
  std::uint16_t port = 25;
  std::string outcome = "opened";  // opened | refused | timed_out
  std::optional<sim::SimTime> within;
  bool operator==(const ConnectionExpectation&) const = default;
};

// A typed session from `from` receives a reply line with this code (220, 250, 535...).
struct ReplyExpectation {
  std::string from;
  int code = 250;
  std::optional<sim::SimTime> within;
  bool operator==(const ReplyExpectation&) const = default;
};

// A message for `to` is delivered into a mailbox (or bounced), within a time.
struct MailExpectation {
  std::string to;
  std::string outcome = "delivered";  // delivered | bounced | deferred | not_sent
  std::optional<sim::SimTime> within;
  bool operator==(const MailExpectation&) const = default;
};

// A mail client shows at least `count` new messages (with this subject, when given).
struct FetchedExpectation {
  std::string client;
  std::string subject;  // empty: any
  int count = 1;
  std::optional<sim::SimTime> within;
  bool operator==(const FetchedExpectation&) const = default;
};

// Every message accepted ends delivered, bounced or still queued (the conservation invariant).
struct NoMailLostExpectation {
  bool operator==(const NoMailLostExpectation&) const = default;
};

using Expectation = std::variant<ConnectionExpectation, ReplyExpectation, MailExpectation,
                                 FetchedExpectation, NoMailLostExpectation>;

struct ExpectationEntry {
  Expectation what;
  SourcePos pos;
  bool operator==(const ExpectationEntry&) const = default;
};

}  // namespace mailsim::scenarios
