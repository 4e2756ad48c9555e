// Decoder of RFC 1035 4.1. Every read is bounds-checked; compression pointers must point
// strictly before the previous jump target, so a name is read in finitely many steps.
#include <fmt/format.h>

#include <algorithm>

#include "agents/proto/dns/message.hpp"
#include "agents/proto/dns/messages.hpp"

namespace mailsim::proto::dns {

namespace {

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> data) : data_(data) {}

  std::size_t pos() const { return pos_; }
  std::size_t size() const { return data_.size(); }
  void set_what(Text what) { what_ = std::move(what); }

  [[noreturn]] void fail(std::size_t offset, const mailsim::Message& reason,
                         std::initializer_list<Text::Arg> args = {}) const {
    Text text(msg::kDecodeError, {{"offset", std::to_string(offset)}});
    text.with("what", what_).with("reason", Text(reason, args));
    throw DecodeError(std::move(text), offset, std::string(reason.id));
  }
  void need(std::size_t at, std::size_t n, std::size_t end) const {
    if (at > end || end - at < n)
      fail(std::min(end, data_.size()), msg::kReasonTruncated,
           {{"size", std::to_string(data_.size())}});
  }

  std::uint8_t u8(std::size_t end) {
    need(pos_, 1, end);
    return data_[pos_++];
  }
  std::uint16_t u16(std::size_t end) {
    need(pos_, 2, end);
    auto v = static_cast<std::uint16_t>(data_[pos_] << 8 | data_[pos_ + 1]);
    pos_ += 2;
    return v;
  }
  std::uint32_t u32(std::size_t end) {
    std::uint32_t hi = u16(end);
    return hi << 16 | u16(end);
  }
  std::span<const std::uint8_t> take(std::size_t n, std::size_t end) {
    need(pos_, n, end);
    auto s = data_.subspan(pos_, n);
    pos_ += n;
    return s;
  }

  // Reads a possibly compressed name starting at pos(); the part in place must end by `end`.
  Name name(std::size_t end) {
    std::string wire;  // the labels as they come, length octets included
    std::size_t cur = pos_;
    std::size_t limit = pos_;  // a pointer must point strictly before this
    std::size_t wire_length = 1;
    bool jumped = false;
    for (;;) {
      const std::size_t bound = jumped ? data_.size() : end;
      need(cur, 1, bound);
      const std::uint8_t len = data_[cur];
      if ((len & 0xC0) == 0xC0) {
        need(cur, 2, bound);
        const std::size_t target = static_cast<std::size_t>(len & 0x3F) << 8 | data_[cur + 1];
        if (target >= limit)
          fail(cur, msg::kReasonPointerLoop, {{"target", std::to_string(target)}});
        if (!jumped) pos_ = cur + 2;
        jumped = true;
        limit = target;
        cur = target;
        continue;
      }
      if ((len & 0xC0) != 0)
        fail(cur, msg::kReasonLabelType, {{"byte", fmt::format("{:02x}", len)}});
      if (len == 0) {
        if (!jumped) pos_ = cur + 1;
        break;
      }
      wire_length += 1 + len;
      if (wire_length > kMaxNameLength) fail(cur, msg::kReasonNameTooLong);
      need(cur + 1, len, bound);
      wire.append(reinterpret_cast<const char*>(data_.data() + cur), 1 + len);
      cur += 1 + len;
    }
    return Name::from_wire(std::move(wire));  // lengths already checked: cannot throw
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
  Text what_{msg::kWhatHeader};
};

RData rdata(Reader& r, RecordType type, std::size_t length) {
  const std::size_t start = r.pos();
  const std::size_t end = start + length;
  r.need(start, length, r.size());
  RData data;
  switch (type) {
    case RecordType::A: {
      AData a;
      auto b = r.take(4, end);
      std::copy(b.begin(), b.end(), a.address.bytes.begin());
      data = a;
      break;
    }
    case RecordType::AAAA: {
      AaaaData a;
      auto b = r.take(16, end);
      std::copy(b.begin(), b.end(), a.address.bytes.begin());
      data = a;
      break;
    }
    case RecordType::NS:
      data = NsData{r.name(end)};
      break;
    case RecordType::CNAME:
      data = CnameData{r.name(end)};
      break;
    case RecordType::PTR:
      data = PtrData{r.name(end)};
      break;
    case RecordType::MX: {
      MxData mx;
      mx.preference = r.u16(end);
      mx.exchange = r.name(end);
      data = mx;
      break;
    }
    case RecordType::SOA: {
      SoaData soa;
      soa.mname = r.name(end);
      soa.rname = r.name(end);
      soa.serial = r.u32(end);
      soa.refresh = r.u32(end);
      soa.retry = r.u32(end);
      soa.expire = r.u32(end);
      soa.minimum = r.u32(end);
      data = soa;
      break;
    }
    case RecordType::TXT: {
      TxtData txt;
      while (r.pos() < end) {
        const std::uint8_t n = r.u8(end);
        auto b = r.take(n, end);
        txt.strings.emplace_back(b.begin(), b.end());
      }
      data = txt;
      break;
    }
    default: {
      auto b = r.take(length, end);
      data = RawData{{b.begin(), b.end()}};
    }
  }
  if (r.pos() != end)
    r.fail(start, msg::kReasonRdataLength,
           {{"announced", std::to_string(length)}, {"used", std::to_string(r.pos() - start)}});
  return data;
}

ResourceRecord record(Reader& r) {
  ResourceRecord rr;
  rr.name = r.name(r.size());
  rr.type = static_cast<RecordType>(r.u16(r.size()));
  rr.klass = static_cast<RecordClass>(r.u16(r.size()));
  rr.ttl = r.u32(r.size());
  const std::uint16_t length = r.u16(r.size());
  rr.data = rdata(r, rr.type, length);
  return rr;
}

}  // namespace

namespace {

Message decode_message(std::span<const std::uint8_t> bytes, bool truncated_head_only) {
  Reader r(bytes);
  Message m;
  Header& h = m.header;
  const std::size_t all = bytes.size();
  h.id = r.u16(all);
  const std::uint8_t b2 = r.u8(all);
  const std::uint8_t b3 = r.u8(all);
  h.qr = b2 & 0x80;
  h.opcode = static_cast<Opcode>(b2 >> 3 & 0xF);
  h.aa = b2 & 0x04;
  h.tc = b2 & 0x02;
  h.rd = b2 & 0x01;
  h.ra = b3 & 0x80;
  h.z = static_cast<std::uint8_t>(b3 >> 4 & 0x7);
  h.rcode = static_cast<Rcode>(b3 & 0xF);
  const std::uint16_t qd = r.u16(all), an = r.u16(all), ns = r.u16(all), ar = r.u16(all);

  for (std::uint16_t i = 0; i < qd; ++i) {
    r.set_what(Text(msg::kWhatQuestion,
                    {{"index", std::to_string(i + 1)}, {"count", std::to_string(qd)}}));
    Question q;
    q.name = r.name(all);
    q.type = static_cast<RecordType>(r.u16(all));
    q.klass = static_cast<RecordClass>(r.u16(all));
    m.questions.push_back(std::move(q));
  }
  if (truncated_head_only && h.tc) return m;  // what follows may be cut anywhere
  const struct {
    std::uint16_t count;
    std::vector<ResourceRecord>* out;
    const mailsim::Message* what;
  } sections[] = {{an, &m.answers, &msg::kWhatAnswer},
                  {ns, &m.authorities, &msg::kWhatAuthority},
                  {ar, &m.additionals, &msg::kWhatAdditional}};
  for (const auto& s : sections) {
    for (std::uint16_t i = 0; i < s.count; ++i) {
      r.set_what(
          Text(*s.what, {{"index", std::to_string(i + 1)}, {"count", std::to_string(s.count)}}));
      s.out->push_back(record(r));
    }
  }
  if (r.pos() != all) {
    r.set_what(Text(msg::kWhatEnd));
    r.fail(r.pos(), msg::kReasonTrailing, {{"count", std::to_string(all - r.pos())}});
  }
  return m;
}

}  // namespace

Message decode(std::span<const std::uint8_t> bytes) {
  return decode_message(bytes, false);
}

Message decode_response(std::span<const std::uint8_t> bytes) {
  return decode_message(bytes, true);
}

}  // namespace mailsim::proto::dns
