#include "agents/retrieval/retrieval_records.hpp"

#include <array>

namespace mailsim::agents {

std::span<const sim::TraceKind* const> retrieval_kinds() {
  static constexpr std::array<const sim::TraceKind*, 13> kAll{
      &kinds::kRetrievalServerListening, &kinds::kRetrievalServerAccepted,
      &kinds::kRetrievalServerReceived,  &kinds::kRetrievalServerSent,
      &kinds::kRetrievalServerContent,   &kinds::kRetrievalServerState,
      &kinds::kRetrievalServerClosed,    &kinds::kRetrievalClientConnecting,
      &kinds::kRetrievalClientSent,      &kinds::kRetrievalClientReceived,
      &kinds::kRetrievalClientContent,   &kinds::kRetrievalClientFetched,
      &kinds::kRetrievalClientFailed};
  return kAll;
}

void RetrievalFetchedRecord::visit_own(sim::FieldVisitor& v) const {
  v.field("user", user);
  v.field("folder", folder);
  v.field("count", count);
}

void RetrievalFailedRecord::visit_own(sim::FieldVisitor& v) const {
  v.field("user", user);
  v.field("reason", reason);
  v.field("step", step);
  v.field("reply", reply);
}

}  // namespace mailsim::agents
