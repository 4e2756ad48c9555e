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

}  // namespace

std::span<const sim::TraceKind* const> smtp_dialogue_kinds() {
  return kAll;
}

void SmtpRecipientRecord::visit_own(sim::FieldVisitor& v) const {
  v.field("recipient", recipient);
  v.field("reply", reply);
}

void SmtpPolicyRecord::visit_own(sim::FieldVisitor& v) const {
  v.field("step", step);
  v.field("argument", argument);
  if (step == "message") v.field("bytes", bytes);
}

}  // namespace mailsim::agents
