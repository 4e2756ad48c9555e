#include "agents/roles/smtp_dialogue_records.hpp"

#include <array>

namespace mailsim::agents {

namespace {
constexpr std::array<const sim::TraceKind*, 27> kAll{&kinds::kSmtpClientConnecting,
                                                     &kinds::kSmtpClientSent,
                                                     &kinds::kSmtpClientReceived,
                                                     &kinds::kSmtpClientContent,
                                                     &kinds::kSmtpClientState,
                                                     &kinds::kSmtpClientTls,
                                                     &kinds::kSmtpClientDelivered,
                                                     &kinds::kSmtpClientDeferred,
                                                     &kinds::kSmtpClientRejected,
                                                     &kinds::kSmtpClientCompleted,
                                                     &kinds::kSmtpClientRefused,
                                                     &kinds::kSmtpClientMissingFeature,
                                                     &kinds::kSmtpClientClosedByServer,
                                                     &kinds::kSmtpClientTimedOut,
                                                     &kinds::kSmtpClientProtocolError,
                                                     &kinds::kSmtpClientFailed,
                                                     &kinds::kSmtpServerListening,
                                                     &kinds::kSmtpServerAccepted,
                                                     &kinds::kSmtpServerReceived,
                                                     &kinds::kSmtpServerSent,
                                                     &kinds::kSmtpServerContent,
                                                     &kinds::kSmtpServerState,
                                                     &kinds::kSmtpServerTls,
                                                     &kinds::kSmtpServerPolicy,
                                                     &kinds::kSmtpServerClosed,
                                                     &kinds::kSmtpServerClientLeft,
                                                     &kinds::kSmtpServerLost};

bool is(const sim::TraceKind& k, const sim::TraceKind& a) {
  return &k == &a;
}
template <class... K>
bool is(const sim::TraceKind& k, const sim::TraceKind& a, const K&... more) {
  return &k == &a || is(k, more...);
}
}  // namespace

std::span<const sim::TraceKind* const> smtp_dialogue_kinds() {
  return kAll;
}

std::string_view side_name(SmtpSide side) {
  return side == SmtpSide::client ? "client" : "server";
}

void SmtpRecord::visit_fields(sim::FieldVisitor& v) const {
  using namespace kinds;
  const sim::TraceKind& k = kind();
  v.field("stage", stage_name(parties.stage));
  if (is(k, kSmtpServerListening)) {  // no connection yet: the server and its port
    v.field("server", parties.server);
    v.field("port", port);
    return;
  }
  v.field("conn", parties.conn);
  v.field("side", side_name(parties.side));
  v.field("client", parties.client);
  v.field("server", parties.server);
  if (is(k, kSmtpClientConnecting)) {
    v.field("address", address);
    v.field("port", port);
  } else if (is(k, kSmtpClientSent, kSmtpClientReceived, kSmtpServerSent, kSmtpServerReceived)) {
    v.field("line", line);
  } else if (is(k, kSmtpClientContent, kSmtpServerContent)) {
    v.field("lines", lines);
    v.field("bytes", bytes);
  } else if (is(k, kSmtpClientState, kSmtpServerState)) {
    v.field("from", from);
    v.field("to", to);
  } else if (is(k, kSmtpServerPolicy)) {
    v.field("step", step);
    v.field("argument", argument);
    if (step == "message") v.field("bytes", bytes);
  } else if (is(k, kSmtpClientDelivered, kSmtpClientDeferred, kSmtpClientRejected)) {
    v.field("recipient", recipient);
    v.field("reply", reply);
  } else if (is(k, kSmtpClientCompleted)) {
    v.field("delivered", delivered);
    v.field("deferred", deferred);
    v.field("rejected", rejected);
  } else if (is(k, kSmtpClientRefused, kSmtpClientClosedByServer)) {
    v.field("state", state);
    v.field("reply", reply);
    v.field("deferred", deferred);
    v.field("rejected", rejected);
  } else if (is(k, kSmtpClientMissingFeature)) {
    v.field("state", state);
    v.field("feature", feature);
    v.field("deferred", deferred);
  } else if (is(k, kSmtpClientTimedOut)) {
    v.field("state", state);
    v.field("deferred", deferred);
  } else if (is(k, kSmtpClientProtocolError)) {
    v.field("state", state);
    v.field("line", line);
    v.field("deferred", deferred);
  } else if (is(k, kSmtpClientFailed)) {
    v.field("reason", reason);
    v.field("state", state);
    v.field("deferred", deferred);
  } else if (is(k, kSmtpServerClosed)) {
    v.field("reply", reply);
  } else if (is(k, kSmtpServerClientLeft)) {
    v.field("state", state);
  } else if (is(k, kSmtpServerLost)) {
    v.field("reason", reason);
    v.field("state", state);
  }
}

}  // namespace mailsim::agents
