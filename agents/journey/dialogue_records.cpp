#include "agents/journey/dialogue_records.hpp"

namespace mailsim::agents {

std::string_view protocol_name(DialogueProtocol p) {
  switch (p) {
    case DialogueProtocol::smtp:
      return "smtp";
    case DialogueProtocol::pop3:
      return "pop3";
    case DialogueProtocol::imap:
      return "imap";
    case DialogueProtocol::typed:
      return "typed";
  }
  return "?";
}

std::string_view side_name(DialogueSide side) {
  return side == DialogueSide::client ? "client" : "server";
}

void DialogueParties::visit_fields(sim::FieldVisitor& v) const {
  switch (protocol) {
    case DialogueProtocol::typed:
      v.field("session", session);
      v.field("conn", conn);
      return;
    case DialogueProtocol::smtp:
      v.field("stage", stage_name(stage));
      v.field("conn", conn);
      v.field("side", side_name(side));
      break;
    case DialogueProtocol::pop3:
    case DialogueProtocol::imap:
      v.field("stage", stage_name(stage));
      v.field("protocol", protocol_name(protocol));
      v.field("conn", conn);
      break;
  }
  v.field("client", client);
  v.field("server", server);
}

void DialogueListeningRecord::visit_fields(sim::FieldVisitor& v) const {
  v.field("stage", stage_name(parties.stage));
  if (parties.protocol != DialogueProtocol::smtp)
    v.field("protocol", protocol_name(parties.protocol));
  v.field("server", parties.server);
  v.field("port", port);
}

void DialogueEndRecord::visit_own(sim::FieldVisitor& v) const {
  for (const auto& [key, value] :
       {std::pair{"reason", &reason}, std::pair{"state", &state}, std::pair{"reply", &reply},
        std::pair{"feature", &feature}, std::pair{"line", &line}})
    if (*value) v.field(key, **value);
  for (const auto& [key, value] :
       {std::pair{"delivered", &delivered}, std::pair{"deferred", &deferred},
        std::pair{"rejected", &rejected}})
    if (*value) v.field(key, **value);
}

}  // namespace mailsim::agents
