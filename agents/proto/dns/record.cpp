#include "agents/proto/dns/record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "agents/proto/dns/messages.hpp"

namespace mailsim::proto::dns {

namespace {
struct TypeEntry {
  RecordType type;
  std::string_view name;
  std::string_view example;  // presentation form of its data, for error messages
};
constexpr TypeEntry kTypes[] = {
    {RecordType::A, "A", "192.0.2.1"},
    {RecordType::NS, "NS", "ns1.b.example."},
    {RecordType::CNAME, "CNAME", "www.b.example."},
    {RecordType::SOA, "SOA", "ns1.b.example. hostmaster.b.example. 1 7200 900 1209600 300"},
    {RecordType::PTR, "PTR", "mail.b.example."},
    {RecordType::MX, "MX", "10 mx.b.example."},
    {RecordType::TXT, "TXT", "\"v=spf1 mx -all\""},
    {RecordType::AAAA, "AAAA", "2001:db8::25"},
    {RecordType::ANY, "ANY", ""},
};

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// Splits zone-file data into tokens; a quoted string is one token, its quotes kept.
std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::string token;
    if (text[i] == '"') {
      token += text[i++];
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < text.size()) token += text[i++];
        token += text[i++];
      }
      if (i < text.size()) token += text[i++];
    } else {
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
        token += text[i++];
    }
    out.push_back(std::move(token));
  }
  return out;
}

// Unquotes a TXT string token, resolving \X and \DDD; nullopt when not well formed.
std::optional<std::string> unquote(std::string_view token) {
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') {
    if (token.find('"') != std::string_view::npos) return std::nullopt;
    return std::string(token);  // a bare word
  }
  token = token.substr(1, token.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '\\') {
      out += token[i];
      continue;
    }
    if (i + 1 < token.size() && std::isdigit(static_cast<unsigned char>(token[i + 1]))) {
      int v = 0;
      for (std::size_t k = 1; k <= 3; ++k) {
        if (i + k >= token.size() || !std::isdigit(static_cast<unsigned char>(token[i + k])))
          return std::nullopt;
        v = v * 10 + (token[i + k] - '0');
      }
      if (v > 255) return std::nullopt;
      out += static_cast<char>(v);
      i += 3;
    } else if (i + 1 < token.size()) {
      out += token[++i];
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7E) {
      out += fmt::format("\\{:03}", c);
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

template <class T>
bool number(std::string_view s, T& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

std::string type_name(RecordType type) {
  for (const auto& e : kTypes)
    if (e.type == type) return std::string(e.name);
  return fmt::format("TYPE{}", static_cast<unsigned>(type));
}

RecordType parse_type(std::string_view text) {
  const std::string u = upper(text);
  for (const auto& e : kTypes)
    if (e.name == u) return e.type;
  std::uint16_t value = 0;
  if (u.rfind("TYPE", 0) == 0 && number(std::string_view(u).substr(4), value))
    return static_cast<RecordType>(value);
  throw RecordError(Text(msg::kUnknownType, {{"text", std::string(text)}}));
}

std::string class_name(RecordClass klass) {
  switch (klass) {
    case RecordClass::IN:
      return "IN";
    case RecordClass::CH:
      return "CH";
    case RecordClass::ANY:
      return "ANY";
  }
  return fmt::format("CLASS{}", static_cast<unsigned>(klass));
}

std::string TxtData::joined() const {
  std::string out;
  for (const auto& s : strings)
    out += s;
  return out;
}

RecordType type_of(const RData& data) {
  struct V {
    RecordType operator()(const AData&) const { return RecordType::A; }
    RecordType operator()(const AaaaData&) const { return RecordType::AAAA; }
    RecordType operator()(const NsData&) const { return RecordType::NS; }
    RecordType operator()(const CnameData&) const { return RecordType::CNAME; }
    RecordType operator()(const PtrData&) const { return RecordType::PTR; }
    RecordType operator()(const MxData&) const { return RecordType::MX; }
    RecordType operator()(const SoaData&) const { return RecordType::SOA; }
    RecordType operator()(const TxtData&) const { return RecordType::TXT; }
    RecordType operator()(const RawData&) const { return static_cast<RecordType>(0); }
  };
  return std::visit(V{}, data);
}

ResourceRecord make_record(const Name& name, std::uint32_t ttl, RData data) {
  const RecordType type = type_of(data);
  return ResourceRecord{name, type, RecordClass::IN, ttl, std::move(data)};
}

RData parse_rdata(RecordType type, std::string_view text, const Name& origin) {
  const auto t = tokens(text);
  std::string_view example;
  for (const auto& e : kTypes)
    if (e.type == type) example = e.example;
  const auto bad = [&] {
    return RecordError(Text(msg::kBadRdata, {{"text", std::string(text)},
                                             {"type", type_name(type)},
                                             {"example", std::string(example)}}));
  };
  try {
    switch (type) {
      case RecordType::A:
        if (t.size() != 1) throw bad();
        return AData{Ipv4::parse(t[0])};
      case RecordType::AAAA:
        if (t.size() != 1) throw bad();
        return AaaaData{Ipv6::parse(t[0])};
      case RecordType::NS:
        if (t.size() != 1) throw bad();
        return NsData{Name::parse(t[0], origin)};
      case RecordType::CNAME:
        if (t.size() != 1) throw bad();
        return CnameData{Name::parse(t[0], origin)};
      case RecordType::PTR:
        if (t.size() != 1) throw bad();
        return PtrData{Name::parse(t[0], origin)};
      case RecordType::MX: {
        std::uint16_t pref = 0;
        if (t.size() != 2 || !number(t[0], pref)) throw bad();
        return MxData{pref, Name::parse(t[1], origin)};
      }
      case RecordType::SOA: {
        SoaData soa;
        if (t.size() != 7) throw bad();
        soa.mname = Name::parse(t[0], origin);
        soa.rname = Name::parse(t[1], origin);
        std::uint32_t* fields[] = {&soa.serial, &soa.refresh, &soa.retry, &soa.expire,
                                   &soa.minimum};
        for (std::size_t i = 0; i < 5; ++i)
          if (!number(t[2 + i], *fields[i])) throw bad();
        return soa;
      }
      case RecordType::TXT: {
        TxtData txt;
        if (t.empty()) throw bad();
        for (const auto& token : t) {
          auto s = unquote(token);
          if (!s || s->size() > 255) throw bad();
          txt.strings.push_back(std::move(*s));
        }
        return txt;
      }
      default:
        throw bad();
    }
  } catch (const NameError&) {
    throw bad();
  } catch (const AddressError&) {
    throw bad();
  }
}

std::string to_string(const RData& data) {
  struct V {
    std::string operator()(const AData& d) const { return d.address.to_string(); }
    std::string operator()(const AaaaData& d) const { return d.address.to_string(); }
    std::string operator()(const NsData& d) const { return d.host.to_string(); }
    std::string operator()(const CnameData& d) const { return d.target.to_string(); }
    std::string operator()(const PtrData& d) const { return d.target.to_string(); }
    std::string operator()(const MxData& d) const {
      return fmt::format("{} {}", d.preference, d.exchange.to_string());
    }
    std::string operator()(const SoaData& d) const {
      return fmt::format("{} {} {} {} {} {} {}", d.mname.to_string(), d.rname.to_string(), d.serial,
                         d.refresh, d.retry, d.expire, d.minimum);
    }
    std::string operator()(const TxtData& d) const {
      std::string out;
      for (const auto& s : d.strings) {
        if (!out.empty()) out += ' ';
        out += quote(s);
      }
      return out;
    }
    std::string operator()(const RawData& d) const {  // RFC 3597 5
      std::string out = fmt::format("\\# {}", d.bytes.size());
      if (!d.bytes.empty()) out += ' ';
      for (auto b : d.bytes)
        out += fmt::format("{:02x}", b);
      return out;
    }
  };
  return std::visit(V{}, data);
}

std::string to_string(const ResourceRecord& r) {
  return fmt::format("{}\t{}\t{}\t{}\t{}", r.name.to_string(), r.ttl, class_name(r.klass),
                     type_name(r.type), to_string(r.data));
}

}  // namespace mailsim::proto::dns
