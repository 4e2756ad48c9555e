// dig-style text of messages (the layout of ISC dig's output, without the statistics).
#include <fmt/format.h>

#include "agents/proto/dns/message.hpp"

namespace mailsim::proto::dns {

std::string_view transport_name(Transport t) {
  return t == Transport::udp ? "UDP" : "TCP";
}

std::string opcode_name(Opcode op) {
  switch (op) {
    case Opcode::query:
      return "QUERY";
    case Opcode::iquery:
      return "IQUERY";
    case Opcode::status:
      return "STATUS";
    case Opcode::notify:
      return "NOTIFY";
    case Opcode::update:
      return "UPDATE";
  }
  return fmt::format("OPCODE{}", static_cast<unsigned>(op));
}

std::string rcode_name(Rcode rc) {
  switch (rc) {
    case Rcode::noerror:
      return "NOERROR";
    case Rcode::formerr:
      return "FORMERR";
    case Rcode::servfail:
      return "SERVFAIL";
    case Rcode::nxdomain:
      return "NXDOMAIN";
    case Rcode::notimp:
      return "NOTIMP";
    case Rcode::refused:
      return "REFUSED";
  }
  return fmt::format("RCODE{}", static_cast<unsigned>(rc));
}

std::string to_string(const Question& q) {
  return fmt::format("{}\t{}\t{}", q.name.to_string(), class_name(q.klass), type_name(q.type));
}

std::string to_string(const Message& m) {
  const Header& h = m.header;
  std::string flags;
  for (auto [on, name] :
       {std::pair{h.qr, "qr"}, {h.aa, "aa"}, {h.tc, "tc"}, {h.rd, "rd"}, {h.ra, "ra"}})
    if (on) flags += fmt::format(" {}", name);
  std::string out = fmt::format(";; ->>HEADER<<- opcode: {}, status: {}, id: {}\n",
                                opcode_name(h.opcode), rcode_name(h.rcode), h.id);
  out +=
      fmt::format(";; flags:{}; QUERY: {}, ANSWER: {}, AUTHORITY: {}, ADDITIONAL: {}\n", flags,
                  m.questions.size(), m.answers.size(), m.authorities.size(), m.additionals.size());
  if (!m.questions.empty()) {
    out += "\n;; QUESTION SECTION:\n";
    for (const auto& q : m.questions)
      out += ";" + to_string(q) + "\n";
  }
  const struct {
    const char* title;
    const std::vector<ResourceRecord>& records;
  } sections[] = {
      {"ANSWER", m.answers}, {"AUTHORITY", m.authorities}, {"ADDITIONAL", m.additionals}};
  for (const auto& s : sections) {
    if (s.records.empty()) continue;
    out += fmt::format("\n;; {} SECTION:\n", s.title);
    for (const auto& r : s.records)
      out += to_string(r) + "\n";
  }
  return out;
}

}  // namespace mailsim::proto::dns
