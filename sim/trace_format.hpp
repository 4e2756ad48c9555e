#pragma once
// The two trace formatters: stable text (one line per record, golden-file friendly) and JSON
// lines (for scripts). Both print fields in the order the record visits them.
#include <iosfwd>
#include <string>

#include "sim/trace.hpp"

namespace mailsim::sim {

// "00:00:05.250000 net.packet.queued link=r1-r2 size=1500 text=\"250 OK\""
std::string format_text(const TraceRecord& record);

// {"t_us":5250000,"time":"00:00:05.250000","kind":"net.packet.queued","link":"r1-r2",...}
std::string format_json(const TraceRecord& record);

enum class TraceFormat { text, json };

// Subscribes to a trace and writes one line per record to `out` until destroyed.
class TraceWriter {
 public:
  TraceWriter(Trace& trace, std::ostream& out, TraceFormat format);
  ~TraceWriter();
  TraceWriter(const TraceWriter&) = delete;
  TraceWriter& operator=(const TraceWriter&) = delete;

 private:
  Trace& trace_;
  Trace::SubscriptionId id_;
};

}  // namespace mailsim::sim
