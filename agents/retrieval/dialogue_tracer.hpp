#pragma once
// Cuts the bytes of one retrieval connection into lines, each way, and writes one trace
// record per line: what the side that owns the tracer sent, and what it received. Bytes
// arrive in any split; a line is recorded once its LF has come (CR dropped). A line longer
// than kMaxTracedLine is recorded in pieces of that size, so memory stays bounded.
#include <functional>
#include <string>
#include <string_view>

#include "agents/retrieval/retrieval_records.hpp"

namespace mailsim::agents {

enum class RetrievalSide : std::uint8_t { client, server };

struct RetrievalParties {
  RetrievalProtocol protocol = RetrievalProtocol::pop3;
  RetrievalSide side = RetrievalSide::server;
  std::uint64_t conn = 0;
  std::string client;
  std::string server;
};

class DialogueTracer {
 public:
  static constexpr std::size_t kMaxTracedLine = 8192;

  DialogueTracer(sim::Trace& trace, RetrievalParties parties)
      : trace_(trace), parties_(std::move(parties)) {}

  void sent(std::string_view bytes) { split(bytes, out_, true); }
  void received(std::string_view bytes) { split(bytes, in_, false); }

  // A record of `kind` with the parties filled in; `fill` adds the rest. Built only when
  // someone listens.
  void emit(const sim::TraceKind& kind,
            const std::function<void(RetrievalRecord&)>& fill = nullptr) const;

  RetrievalParties& parties() { return parties_; }
  const RetrievalParties& parties() const { return parties_; }
  // The last complete line received: what a failure quotes.
  const std::string& last_received() const { return last_in_; }

 private:
  void split(std::string_view bytes, std::string& pending, bool outgoing);
  void line(std::string_view text, bool outgoing);

  sim::Trace& trace_;
  RetrievalParties parties_;
  std::string out_, in_;  // partial lines
  std::string last_in_;
};

}  // namespace mailsim::agents
