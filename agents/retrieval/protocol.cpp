#include "agents/retrieval/protocol.hpp"

namespace mailsim::agents {

using namespace std::chrono_literals;

DialogueProtocol dialogue_protocol(RetrievalProtocol p) {
  return p == RetrievalProtocol::pop3 ? DialogueProtocol::pop3 : DialogueProtocol::imap;
}

std::string_view protocol_name(RetrievalProtocol p) {
  return protocol_name(dialogue_protocol(p));
}

std::uint16_t default_port(RetrievalProtocol p) {
  return p == RetrievalProtocol::pop3 ? 110 : 143;
}

sim::SimTime default_idle_timeout(RetrievalProtocol p) {
  return p == RetrievalProtocol::pop3 ? sim::SimTime(10min) : sim::SimTime(30min);
}

}  // namespace mailsim::agents
