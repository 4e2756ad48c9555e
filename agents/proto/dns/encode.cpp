// Encoder of RFC 1035 4.1 with name compression (4.1.4).
#include <fmt/format.h>

#include <boost/container/flat_map.hpp>
#include <string_view>

#include "agents/proto/dns/message.hpp"
#include "agents/proto/dns/messages.hpp"

namespace mailsim::proto::dns {

namespace {

class Writer {
 public:
  Writer() {
    out_.reserve(512);  // a UDP message's limit (RFC 1035 4.2.1): most fit without growing
    offsets_.reserve(32);
  }

  void u8(std::uint8_t v) { out_.push_back(v); }
  void u16(std::uint16_t v) {
    out_.push_back(static_cast<std::uint8_t>(v >> 8));
    out_.push_back(static_cast<std::uint8_t>(v));
  }
  void u32(std::uint32_t v) {
    u16(static_cast<std::uint16_t>(v >> 16));
    u16(static_cast<std::uint16_t>(v));
  }
  void bytes(std::span<const std::uint8_t> b) { out_.insert(out_.end(), b.begin(), b.end()); }

  // Writes the name, reusing the longest suffix already written when `compress` is set.
  // Every suffix written in full is remembered, as long as its offset fits in 14 bits. A
  // suffix is reused only when written in the same case, so each name keeps its own: an
  // answer's owner is spelled as the zone spells it, not as the question was.
  void name(const Name& n, bool compress) {
    // Each suffix of the name is a tail of its wire form, and two suffixes are the same labels
    // in the same case exactly when their tails are equal.
    const std::string_view wire = n.wire();
    for (std::size_t at = 0; at < wire.size();) {
      const std::string_view suffix = wire.substr(at);
      if (compress) {
        if (auto it = offsets_.find(suffix); it != offsets_.end()) {
          u16(static_cast<std::uint16_t>(0xC000 | it->second));
          return;
        }
      }
      if (out_.size() < 0x4000) offsets_.emplace(suffix, static_cast<std::uint16_t>(out_.size()));
      const std::size_t label = 1 + static_cast<unsigned char>(wire[at]);
      const auto* p = reinterpret_cast<const std::uint8_t*>(suffix.data());
      out_.insert(out_.end(), p, p + label);
      at += label;
    }
    u8(0);
  }

  std::size_t size() const { return out_.size(); }
  void patch_u16(std::size_t at, std::uint16_t v) {
    out_[at] = static_cast<std::uint8_t>(v >> 8);
    out_[at + 1] = static_cast<std::uint8_t>(v);
  }
  std::vector<std::uint8_t> take() { return std::move(out_); }

 private:
  std::vector<std::uint8_t> out_;
  // Views into the names of the message being encoded, which outlives the writer.
  boost::container::flat_map<std::string_view, std::uint16_t> offsets_;
};

[[noreturn]] void too_large(Text what, std::size_t size, std::size_t limit) {
  throw EncodeError(
      Text(msg::kEncodeTooLarge, {{"size", std::to_string(size)}, {"limit", std::to_string(limit)}})
          .with("what", std::move(what)));
}

void rdata(Writer& w, const ResourceRecord& r) {
  struct V {
    Writer& w;
    const Name& owner;
    void operator()(const AData& d) { w.bytes(d.address.bytes); }
    void operator()(const AaaaData& d) { w.bytes(d.address.bytes); }
    void operator()(const NsData& d) { w.name(d.host, true); }
    void operator()(const CnameData& d) { w.name(d.target, true); }
    void operator()(const PtrData& d) { w.name(d.target, true); }
    void operator()(const MxData& d) {
      w.u16(d.preference);
      w.name(d.exchange, true);
    }
    void operator()(const SoaData& d) {
      w.name(d.mname, true);
      w.name(d.rname, true);
      for (auto v : {d.serial, d.refresh, d.retry, d.expire, d.minimum})
        w.u32(v);
    }
    void operator()(const TxtData& d) {
      for (const auto& s : d.strings) {
        if (s.size() > 255)
          too_large(Text(msg::kWhatTxtString, {{"name", owner.to_string()}}), s.size(), 255);
        w.u8(static_cast<std::uint8_t>(s.size()));
        for (char c : s)
          w.u8(static_cast<std::uint8_t>(c));
      }
    }
    void operator()(const RawData& d) { w.bytes(d.bytes); }
  };
  std::visit(V{w, r.name}, r.data);
}

void record(Writer& w, const ResourceRecord& r) {
  w.name(r.name, true);
  w.u16(static_cast<std::uint16_t>(r.type));
  w.u16(static_cast<std::uint16_t>(r.klass));
  w.u32(r.ttl);
  const std::size_t length_at = w.size();
  w.u16(0);
  rdata(w, r);
  const std::size_t length = w.size() - length_at - 2;
  if (length > 0xFFFF)
    too_large(Text(msg::kWhatRdata, {{"name", r.name.to_string()}}), length, 0xFFFF);
  w.patch_u16(length_at, static_cast<std::uint16_t>(length));
}

std::uint16_t count(std::size_t n, const char* section) {
  if (n > 0xFFFF) too_large(Text(msg::kWhatSection, {{"section", section}}), n, 0xFFFF);
  return static_cast<std::uint16_t>(n);
}

}  // namespace

Message make_query(std::uint16_t id, const Question& question, bool recursion_desired) {
  Message m;
  m.header.id = id;
  m.header.rd = recursion_desired;
  m.questions.push_back(question);
  return m;
}

std::vector<std::uint8_t> encode(const Message& m) {
  Writer w;
  const Header& h = m.header;
  w.u16(h.id);
  w.u8(static_cast<std::uint8_t>((h.qr ? 0x80 : 0) | (static_cast<unsigned>(h.opcode) & 0xF) << 3 |
                                 (h.aa ? 0x04 : 0) | (h.tc ? 0x02 : 0) | (h.rd ? 0x01 : 0)));
  w.u8(static_cast<std::uint8_t>((h.ra ? 0x80 : 0) | (h.z & 0x7) << 4 |
                                 (static_cast<unsigned>(h.rcode) & 0xF)));
  w.u16(count(m.questions.size(), "question"));
  w.u16(count(m.answers.size(), "answer"));
  w.u16(count(m.authorities.size(), "authority"));
  w.u16(count(m.additionals.size(), "additional"));
  for (const auto& q : m.questions) {
    w.name(q.name, true);
    w.u16(static_cast<std::uint16_t>(q.type));
    w.u16(static_cast<std::uint16_t>(q.klass));
  }
  for (const auto* section : {&m.answers, &m.authorities, &m.additionals})
    for (const auto& r : *section)
      record(w, r);
  return w.take();
}

std::vector<std::uint8_t> encode_for_udp(const Message& message, std::size_t limit) {
  auto bytes = encode(message);
  if (bytes.size() <= limit) return bytes;
  Message cut;
  cut.header = message.header;
  cut.header.tc = true;
  cut.questions = message.questions;
  return encode(cut);
}

}  // namespace mailsim::proto::dns
