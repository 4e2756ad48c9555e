#include "scenarios/build/expectation_check.hpp"

#include <cctype>

#include "agents/journey/records.hpp"
#include "agents/mua/mua_records.hpp"
#include "agents/narration/diagnostics.hpp"
#include "agents/roles/typed_session.hpp"
#include "scenarios/build/check_messages.hpp"
#include "sim/net/trace_records.hpp"
#include "sim/strings.hpp"
#include "sim/text_fields.hpp"
#include "sim/time_text.hpp"

namespace mailsim::scenarios {
namespace {

// Collects the string fields of a record (typed-session records carry their line there).
class Fields final : public sim::TextFieldVisitor {
 public:
  using TextFieldVisitor::field;
  void field(std::string_view k, std::string_view v) override {
    if (k == "session") session = v;
    if (k == "line") line = v;
    if (k == "client") client = v;
    if (k == "user") user = v;
    if (k == "subject") subject = v;
    if (k == "from") from = v;
  }
  std::string session, line, client, user, subject, from;
};

// The words of a mail expectation's outcome ("delivered", "bounced", "deferred", "not_sent").
const Message& mail_word(std::string_view outcome) {
  if (outcome == "bounced") return check::kMailBounced;
  if (outcome == "deferred") return check::kMailDeferred;
  if (outcome == "not_sent") return check::kMailNotSent;
  return check::kMailDelivered;
}

// Whether `address` is one of a record's comma-separated recipients.
bool among(const std::string& list, const std::string& address) {
  for (std::string_view r : split_trimmed(list, ','))
    if (iequals(r, address)) return true;
  return false;
}

const Message& outcome_word(std::string_view outcome) {
  if (outcome == "refused") return check::kOutcomeRefused;
  if (outcome == "timed_out") return check::kOutcomeTimedOut;
  return check::kOutcomeOpened;
}

// Adds {within}: " within 00:02:00" in the reader's language, or nothing.
void add_within(Text& t, const std::optional<sim::SimTime>& within) {
  if (within)
    t.with("within", Text(check::kWithin).with("time", sim::time_text(*within)));
  else
    t.with("within", Text(check::kNoTimeLimit));
}

// The `within` of any expectation.
std::optional<sim::SimTime> within_of(const Expectation& what) {
  return std::visit(
      [](const auto& e) -> std::optional<sim::SimTime> {
        if constexpr (requires { e.within; })
          return e.within;
        else
          return std::nullopt;
      },
      what);
}

}  // namespace

ExpectationState state_at(const ExpectationResult& r, sim::SimTime now, bool over) {
  if (r.graded_at_end && !over) return ExpectationState::pending;
  if (r.met_at && *r.met_at <= now) return ExpectationState::met;
  if (r.graded_at_end && r.passed) return ExpectationState::met;
  if (over || (r.deadline && now > *r.deadline)) return ExpectationState::failed;
  return ExpectationState::pending;
}

ExpectationChecker::ExpectationChecker(const ScenarioModel& model, sim::net::Network& network,
                                       sim::Trace& trace,
                                       agents::ConservationChecker::StillQueued still_queued)
    : model_(model),
      network_(network),
      trace_(trace),
      subscription_(trace.subscribe([this](const sim::TraceRecord& r) { on_record(r); })),
      observed_(model.expectations.size()),
      conservation_(trace),
      still_queued_(std::move(still_queued)) {}

ExpectationChecker::~ExpectationChecker() {
  trace_.unsubscribe(subscription_);
}

void ExpectationChecker::on_record(const sim::TraceRecord& record) {
  namespace k = sim::net::kinds;
  const sim::TraceKind* kind = &record.kind();
  const bool conn_end =
      kind == &k::kConnOpened || kind == &k::kConnRefused || kind == &k::kConnTimedOut;
  // Lines a client received: typed by a person, or in a mail client's SMTP session.
  const bool typed_line = kind == &agents::kinds::kTypedReceived ||
                          kind->name == std::string_view("smtp.client.received");
  const bool mail = kind == &agents::kinds::kMailDelivered ||
                    kind == &agents::kinds::kMailBounced || kind == &agents::kinds::kMailDeferred;
  const bool new_mail = kind == &agents::kinds::kMuaNewMail;
  // A mail client's server did not take the message: it stays in the client's outbox.
  const bool not_sent = kind == &agents::kinds::kMuaSendFailed;
  if (!conn_end && !typed_line && !mail && !new_mail && !not_sent) return;

  for (std::size_t i = 0; i < model_.expectations.size(); ++i) {
    Observed& o = observed_[i];
    if (o.matched) continue;
    const auto& what = model_.expectations[i].what;
    if (const auto* c = std::get_if<ConnectionExpectation>(&what); c && conn_end) {
      const auto& info = static_cast<const sim::net::ConnRecord&>(record).info();
      if (info.role != sim::net::ConnRole::client || info.host != c->from ||
          info.remote_port != c->port)
        continue;
      const bool to_address = !c->to.empty() && std::isdigit(static_cast<unsigned char>(c->to[0]));
      const auto target = to_address ? std::optional(sim::net::Ipv4Address::parse(c->to))
                                     : network_.address(network_.node(c->to));
      if (!target || info.remote != *target) continue;
      std::string_view got = kind->name.substr(kind->name.rfind('.') + 1);
      const bool in_time = !c->within || record.time() <= *c->within;
      if (got == c->outcome && in_time) {
        o.matched = record.time();
      } else if (!o.actual_at) {
        o.actual = std::string(got);
        o.actual_at = record.time();
      }
    } else if (const auto* x = std::get_if<MailExpectation>(&what); x && (mail || not_sent)) {
      std::string got, detail;
      if (not_sent) {
        const auto& rec = static_cast<const agents::MuaRecord&>(record);
        if (!among(rec.recipient, x->to)) continue;
        got = "not_sent";
        detail = rec.reply;
      } else {
        const auto& rec = static_cast<const agents::MailOutcomeRecord&>(record);
        if (!iequals(rec.recipient, x->to)) continue;
        got = std::string(kind->name.substr(kind->name.rfind('.') + 1));
        detail = rec.mailbox.empty() ? rec.reply : rec.mailbox;
      }
      const bool in_time = !x->within || record.time() <= *x->within;
      if (got == x->outcome && in_time) {
        o.matched = record.time();
        o.actual = got + "|" + detail;
      } else if (!o.actual_at || got != "deferred") {
        o.actual = got + "|" + detail;
        o.actual_at = record.time();
      }
    } else if (const auto* f = std::get_if<FetchedExpectation>(&what); f && new_mail) {
      Fields got;
      record.visit_fields(got);
      const MailClientModel* client = model_.mail.client(f->client);
      if (client == nullptr || got.client != client->host ||
          !iequals(got.user, bare_address(client->address)))
        continue;
      if (!f->subject.empty() && got.subject != f->subject) continue;
      if (f->within && record.time() > *f->within) continue;
      ++o.count;
      o.actual = got.subject + "|" + got.from;
      o.actual_at = record.time();
      if (o.count >= f->count) o.matched = record.time();
    } else if (const auto* r = std::get_if<ReplyExpectation>(&what); r && typed_line) {
      Fields f;
      record.visit_fields(f);
      if (!f.session.starts_with(r->from + " -> ") && f.client != r->from) continue;
      const bool code = f.line.size() >= 3 && f.line.compare(0, 3, std::to_string(r->code)) == 0;
      const bool in_time = !r->within || record.time() <= *r->within;
      if (code && in_time) {
        o.matched = record.time();
        o.actual = f.line;
      } else if (!o.actual_at) {
        o.actual = f.line;
        o.actual_at = record.time();
      }
    }
  }
}

std::vector<ExpectationResult> ExpectationChecker::results() const {
  std::vector<ExpectationResult> out;
  for (std::size_t i = 0; i < model_.expectations.size(); ++i) {
    const Observed& o = observed_[i];
    const auto& entry = model_.expectations[i];
    ExpectationResult r{o.matched.has_value(),
                        Text(check::kNoReply),
                        Text(check::kNoReply),
                        entry.pos,
                        o.matched,
                        within_of(entry.what),
                        false};
    if (const auto* c = std::get_if<ConnectionExpectation>(&entry.what)) {
      r.description = Text(check::kConnection,
                           {{"from", c->from}, {"to", c->to}, {"port", std::to_string(c->port)}});
      r.description.with("outcome", Text(outcome_word(c->outcome)));
      add_within(r.description, c->within);
      if (o.matched)
        r.evidence = Text(check::kSeenAt).with("time", sim::time_text(*o.matched));
      else if (o.actual_at)
        r.evidence = Text(check::kConnectionWas)
                         .with("time", sim::time_text(*o.actual_at))
                         .with("actual", Text(outcome_word(o.actual)));
      else
        r.evidence = Text(check::kNoConnection);
    } else if (const auto* x = std::get_if<MailExpectation>(&entry.what)) {
      r.description = Text(check::kMail, {{"to", x->to}});
      r.description.with("outcome", Text(mail_word(x->outcome)));
      add_within(r.description, x->within);
      const auto at = o.matched ? o.matched : o.actual_at;
      if (at) {
        const std::string kind = o.actual.substr(0, o.actual.find('|'));
        // The simulator's own diagnostic (a connection that failed) in the reader's language.
        r.evidence = Text(check::kMailSeen);
        r.evidence.with("detail", agents::diagnostic_text(o.actual.substr(o.actual.find('|') + 1)))
            .with("kind", Text(mail_word(kind)))
            .with("time", sim::time_text(*at));
      } else {
        r.evidence = Text(check::kNoMail, {{"to", x->to}});
      }
    } else if (const auto* f = std::get_if<FetchedExpectation>(&entry.what)) {
      r.description = Text(
          f->subject.empty() ? check::kFetched : check::kFetchedSubject,
          {{"client", f->client}, {"count", std::to_string(f->count)}, {"subject", f->subject}});
      add_within(r.description, f->within);
      if (o.actual_at)
        r.evidence = Text(check::kFetchedSeen, {{"count", std::to_string(o.count)},
                                                {"subject", o.actual.substr(0, o.actual.find('|'))},
                                                {"from", o.actual.substr(o.actual.find('|') + 1)}})
                         .with("time", sim::time_text(*o.actual_at));
      else
        r.evidence = Text(check::kNothingFetched);
    } else if (std::holds_alternative<NoMailLostExpectation>(entry.what)) {
      r.description = Text(check::kNoMailLost);
      r.graded_at_end = true;
      const auto violations =
          conservation_.check(still_queued_ ? still_queued_
                                            : [](const std::string&, const std::string&,
                                                 const std::string&) { return false; });
      r.passed = violations.empty();
      const auto duplicates = conservation_.smtp_duplicates();
      if (violations.empty())
        r.evidence = Text(check::kAllAccountedFor,
                          {{"count", std::to_string(conservation_.accepted_count())}});
      if (violations.empty() && !duplicates.empty())  // passes, but says so
        r.evidence = Text(check::kAccountedButSmtpDuplicate)
                         .with("accounted", r.evidence)
                         .with("duplicate", duplicates.front());
      if (!violations.empty()) r.evidence = violations.front().problem;
    } else {
      const auto& e = std::get<ReplyExpectation>(entry.what);
      r.description = Text(check::kReply, {{"from", e.from}, {"code", std::to_string(e.code)}});
      add_within(r.description, e.within);
      if (o.matched)
        r.evidence =
            Text(check::kLineAt, {{"line", o.actual}}).with("time", sim::time_text(*o.matched));
      else if (o.actual_at)
        r.evidence = Text(check::kFirstLineWas, {{"line", o.actual}})
                         .with("time", sim::time_text(*o.actual_at));
      else
        r.evidence = Text(check::kNoReply);
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace mailsim::scenarios
