#pragma once
// The two retrieval protocols, their well-known ports and the inactivity limits of their RFCs.
#include <cstdint>
#include <string_view>

#include "agents/journey/dialogue_records.hpp"
#include "sim/time.hpp"

namespace mailsim::agents {

enum class RetrievalProtocol : std::uint8_t { pop3, imap };

std::string_view protocol_name(RetrievalProtocol p);  // "pop3", "imap"
DialogueProtocol dialogue_protocol(RetrievalProtocol p);
// 110 (RFC 1939 3) or 143 (RFC 3501 2.1).
std::uint16_t default_port(RetrievalProtocol p);
// How long a server waits for a client that says nothing before closing: at least 10 minutes
// for POP3 (RFC 1939 3), at least 30 minutes for IMAP (RFC 3501 5.4).
sim::SimTime default_idle_timeout(RetrievalProtocol p);

}  // namespace mailsim::agents
