#include "agents/mua/mua_records.hpp"

#include <array>

#include "agents/journey/records.hpp"

namespace mailsim::agents {

std::span<const sim::TraceKind* const> mua_kinds() {
  static constexpr std::array<const sim::TraceKind*, 5> kAll{
      &kinds::kMuaComposed, &kinds::kMuaSent, &kinds::kMuaSendFailed, &kinds::kMuaSendWaiting,
      &kinds::kMuaNewMail};
  return kAll;
}

void MuaRecord::visit_fields(sim::FieldVisitor& v) const {
  const sim::TraceKind* k = &kind();
  const Stage stage = k == &kinds::kMuaComposed  ? Stage::composition
                      : k == &kinds::kMuaNewMail ? Stage::retrieval
                                                 : Stage::submission;
  v.field("stage", stage_name(stage));
  v.field("client", client);
  v.field("user", user);
  if (k == &kinds::kMuaComposed) {
    v.field("message_id", message_id);
    v.field("to", to);
    v.field("subject", subject);
    v.field("size", size);
  } else if (k == &kinds::kMuaSendWaiting) {
    v.field("message_id", message_id);
    v.field("server", server);
    v.field("open", open);
  } else if (k == &kinds::kMuaNewMail) {
    v.field("id", id);
    v.field("from", from);
    v.field("subject", subject);
    v.field("server", server);
  } else {
    v.field("message_id", message_id);
    v.field("server", server);
    v.field("recipient", recipient);
    v.field("reply", reply);
  }
}

}  // namespace mailsim::agents
