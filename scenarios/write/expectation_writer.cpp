#include <type_traits>

#include "scenarios/write/section_writers.hpp"

namespace mailsim::scenarios {
namespace {

const FetchedExpectation kFetched{};

// The port and the outcome are what an expectation checks: written even at their defaults.
void write_connection(MapWriter& w, const ConnectionExpectation& c) {
  w.text("from", c.from);
  w.text("to", c.to);
  w.integer("port", c.port);
  w.text("outcome", c.outcome);
  w.duration("within", c.within);
}

void write_reply(MapWriter& w, const ReplyExpectation& r) {
  w.text("from", r.from);
  w.integer("code", r.code);
  w.duration("within", r.within);
}

void write_mail(MapWriter& w, const MailExpectation& m) {
  w.text("to", m.to);
  w.text("outcome", m.outcome);
  w.duration("within", m.within);
}

void write_fetched(MapWriter& w, const FetchedExpectation& f) {
  w.text("client", f.client);
  w.text("subject", f.subject, kFetched.subject);
  w.integer("count", f.count, kFetched.count);
  w.duration("within", f.within);
}

}  // namespace

void write_expectation(MapWriter& w, const ExpectationEntry& entry) {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ConnectionExpectation>) {
          w.map("connection", Style::flow_if_fits, [&](MapWriter& m) { write_connection(m, e); });
        } else if constexpr (std::is_same_v<E, ReplyExpectation>) {
          w.map("reply", Style::flow_if_fits, [&](MapWriter& m) { write_reply(m, e); });
        } else if constexpr (std::is_same_v<E, MailExpectation>) {
          w.map("mail", Style::flow_if_fits, [&](MapWriter& m) { write_mail(m, e); });
        } else if constexpr (std::is_same_v<E, FetchedExpectation>) {
          w.map("fetched", Style::flow_if_fits, [&](MapWriter& m) { write_fetched(m, e); });
        } else {
          static_assert(std::is_same_v<E, NoMailLostExpectation>,
                        "a new expectation needs its writer");
          w.flag("no_mail_lost", true, false);
        }
      },
      entry.what);
}

}  // namespace mailsim::scenarios
