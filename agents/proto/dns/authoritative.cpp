#include "agents/proto/dns/authoritative.hpp"

#include <algorithm>

namespace mailsim::proto::dns {

namespace {

void add_unique(std::vector<ResourceRecord>& out, const ResourceRecord& r) {
  if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
}

ResourceRecord negative_soa(const Zone& zone) {
  ResourceRecord soa = zone.soa();
  soa.ttl = zone.negative_ttl();
  return soa;
}

void referral(const ZoneSet& zones, const Zone& zone, const Name& cut, Message& response) {
  response.authorities = zone.find(cut, RecordType::NS);
  for (const auto& ns : response.authorities)
    for (const auto& glue : zones.addresses_of(std::get<NsData>(ns.data).host))
      add_unique(response.additionals, glue);
}

void additional_addresses(const ZoneSet& zones, Message& response) {
  for (const auto& r : response.answers) {
    const Name* target = nullptr;
    if (const auto* mx = std::get_if<MxData>(&r.data)) target = &mx->exchange;
    if (const auto* ns = std::get_if<NsData>(&r.data)) target = &ns->host;
    if (!target || target->is_root()) continue;
    for (const auto& a : zones.addresses_of(*target))
      add_unique(response.additionals, a);
  }
}

}  // namespace

Message answer_query(const ZoneSet& zones, const Message& query) {
  Message response;
  response.header.id = query.header.id;
  response.header.qr = true;
  response.header.opcode = query.header.opcode;
  response.header.rd = query.header.rd;
  response.questions = query.questions;
  if (query.header.opcode != Opcode::query) {
    response.header.rcode = Rcode::notimp;
    return response;
  }
  if (query.questions.size() != 1) {
    response.header.rcode = Rcode::formerr;
    return response;
  }
  const Question& q = query.questions.front();
  const Zone* zone = zones.zone_for(q.name);
  if (!zone || (q.klass != RecordClass::IN && q.klass != RecordClass::ANY)) {
    response.header.rcode = Rcode::refused;
    return response;
  }

  Name current = q.name;
  for (int chain = 0;; ++chain) {
    if (auto cut = zone->delegation_for(current)) {
      referral(zones, *zone, *cut, response);
      response.header.aa = !response.answers.empty();  // AA covers the CNAMEs already given
      return response;
    }
    response.header.aa = true;
    const auto records = zone->find(current, q.type);
    if (!records.empty()) {
      response.answers.insert(response.answers.end(), records.begin(), records.end());
      break;
    }
    const auto cname = zone->find(current, RecordType::CNAME);
    if (!cname.empty() && q.type != RecordType::CNAME) {
      response.answers.push_back(cname.front());
      current = std::get<CnameData>(cname.front().data).target;
      zone = zones.zone_for(current);
      if (!zone || chain + 1 >= kMaxCnameChainInZone) break;  // the resolver goes on from here
      continue;
    }
    if (!zone->has_name(current) && !zone->has_descendants(current))
      response.header.rcode = Rcode::nxdomain;
    response.authorities.push_back(negative_soa(*zone));
    break;
  }
  additional_addresses(zones, response);
  return response;
}

void encode_response(ServeResult& result, Transport transport) {
  result.bytes = encode(result.response);
  result.truncated = transport == Transport::udp && result.bytes.size() > kUdpPayloadLimit;
  if (result.truncated) result.bytes = encode_for_udp(result.response);
}

std::optional<ServeResult> serve(const ZoneSet& zones, std::span<const std::uint8_t> request,
                                 Transport transport) {
  ServeResult result;
  try {
    result.query = decode(request);
  } catch (const DecodeError&) {
    if (request.size() < 12 || (request[2] & 0x80)) return std::nullopt;
    result.response.header.id = static_cast<std::uint16_t>(request[0] << 8 | request[1]);
    result.response.header.qr = true;
    result.response.header.opcode = static_cast<Opcode>(request[2] >> 3 & 0xF);
    result.response.header.rcode = Rcode::formerr;
    result.bytes = encode(result.response);
    return result;
  }
  if (result.query->header.qr) return std::nullopt;  // a response is never answered
  result.response = answer_query(zones, *result.query);
  encode_response(result, transport);
  return result;
}

std::vector<ServeResult> TcpServerConnection::receive(std::span<const std::uint8_t> bytes) {
  reader_.feed(bytes);
  std::vector<ServeResult> out;
  while (auto message = reader_.next())
    if (auto result = serve(zones_, *message, Transport::tcp)) out.push_back(std::move(*result));
  return out;
}

}  // namespace mailsim::proto::dns
