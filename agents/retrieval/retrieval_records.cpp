#include "agents/retrieval/retrieval_records.hpp"

#include <array>

#include "agents/journey/records.hpp"

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

void RetrievalRecord::visit_fields(sim::FieldVisitor& v) const {
  const sim::TraceKind* k = &kind();
  v.field("stage", stage_name(Stage::retrieval));
  v.field("protocol", protocol_name(protocol));
  if (k != &kinds::kRetrievalServerListening) {
    v.field("conn", conn);
    v.field("client", client);
  }
  v.field("server", server);
  if (k == &kinds::kRetrievalClientConnecting) v.field("address", address);
  if (k == &kinds::kRetrievalServerListening || k == &kinds::kRetrievalClientConnecting)
    v.field("port", port);
  if (k == &kinds::kRetrievalServerReceived || k == &kinds::kRetrievalServerSent ||
      k == &kinds::kRetrievalClientSent || k == &kinds::kRetrievalClientReceived)
    v.field("line", line);
  if (k == &kinds::kRetrievalServerContent || k == &kinds::kRetrievalClientContent) {
    v.field("lines", lines);
    v.field("bytes", bytes);
  }
  if (k == &kinds::kRetrievalServerState) {
    v.field("from_state", from_state);
    v.field("to_state", to_state);
  }
  if (k == &kinds::kRetrievalServerClosed) {
    v.field("reason", reason);
    v.field("state", state);
  }
  if (k == &kinds::kRetrievalClientFetched) {
    v.field("user", user);
    v.field("folder", folder);
    v.field("count", count);
  }
  if (k == &kinds::kRetrievalClientFailed) {
    v.field("user", user);
    v.field("reason", reason);
    v.field("step", step);
    v.field("reply", reply);
  }
}

}  // namespace mailsim::agents
