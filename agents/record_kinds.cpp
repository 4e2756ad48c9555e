#include "agents/record_kinds.hpp"

#include "agents/delivery/delivery_records.hpp"
#include "agents/dns/records.hpp"
#include "agents/journey/records.hpp"
#include "agents/mua/mua_records.hpp"
#include "agents/proto/dns/trace_records.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "agents/roles/smtp_dialogue_records.hpp"
#include "agents/roles/typed_session.hpp"
#include "sim/net/trace_records.hpp"

namespace mailsim::agents {

std::span<const RecordFamily> record_families() {
  static const RecordFamily families[] = {
      {"net", sim::net::all_kinds(), "docs/network.md"},
      {"smtp dialogue", smtp_dialogue_kinds(), "docs/agents.md"},
      {"delivery", delivery_kinds(), "docs/agents.md"},
      {"retrieval", retrieval_kinds(), "docs/agents.md"},
      {"journey", journey_kinds(), ""},
      {"typed session", typed_session_kinds(), ""},
      {"mail client", mua_kinds(), ""},
      {"dns", proto::dns::all_kinds(), ""},
      {"dns agents", dns_agent_kinds(), ""},
  };
  return families;
}

}  // namespace mailsim::agents
