#pragma once
// Deterministic Message-ID values (RFC 5322 3.6.4) from the simulated time, the host and a
// counter, in the spirit of Postfix's "<YYYYMMDDhhmmss.queueid@host>".
#include <cstdint>
#include <string>

#include "agents/proto/imf/date.hpp"

namespace mailsim::proto::imf {

class MessageIdGenerator {
 public:
  explicit MessageIdGenerator(std::string host) : host_(std::move(host)) {}

  // "<20260302080000.000250.1@mx.a.example>": UTC date and microseconds of `now`, then a
  // counter that makes two identifiers of the same microsecond differ.
  std::string next(const ScenarioClock& clock, sim::SimTime now);

  const std::string& host() const { return host_; }

 private:
  std::string host_;
  std::uint64_t counter_ = 0;
};

}  // namespace mailsim::proto::imf
