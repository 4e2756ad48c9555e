#include "sim/trace_format.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mailsim::sim {
namespace {

bool needs_quotes(std::string_view s) {
  if (s.empty()) return true;
  for (unsigned char c : s)
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) return true;
  return false;
}

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f)
          out += fmt::format("\\x{:02x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  out += '"';
}

class TextVisitor final : public FieldVisitor {
 public:
  explicit TextVisitor(std::string& out) : out_(out) {}
  using FieldVisitor::field;
  void field(std::string_view k, std::int64_t v) override { key(k) += fmt::to_string(v); }
  void field(std::string_view k, std::uint64_t v) override { key(k) += fmt::to_string(v); }
  void field(std::string_view k, double v) override { key(k) += fmt::format("{}", v); }
  void field(std::string_view k, bool v) override { key(k) += v ? "true" : "false"; }
  void field(std::string_view k, SimTime v) override { key(k) += format_time(v); }
  void field(std::string_view k, std::string_view v) override {
    std::string& out = key(k);
    if (needs_quotes(v))
      append_quoted(out, v);
    else
      out += v;
  }

 private:
  std::string& key(std::string_view k) {
    out_ += ' ';
    out_ += k;
    out_ += '=';
    return out_;
  }
  std::string& out_;
};

class JsonVisitor final : public FieldVisitor {
 public:
  explicit JsonVisitor(nlohmann::ordered_json& j) : j_(j) {}
  using FieldVisitor::field;
  void field(std::string_view k, std::int64_t v) override { j_[std::string(k)] = v; }
  void field(std::string_view k, std::uint64_t v) override { j_[std::string(k)] = v; }
  void field(std::string_view k, double v) override { j_[std::string(k)] = v; }
  void field(std::string_view k, bool v) override { j_[std::string(k)] = v; }
  void field(std::string_view k, SimTime v) override { j_[std::string(k)] = v.count(); }
  void field(std::string_view k, std::string_view v) override {
    j_[std::string(k)] = std::string(v);
  }

 private:
  nlohmann::ordered_json& j_;
};

}  // namespace

std::string format_text(const TraceRecord& record) {
  std::string out = format_time(record.time());
  out += ' ';
  out += record.kind().name;
  TextVisitor visitor(out);
  record.visit_fields(visitor);
  return out;
}

std::string format_json(const TraceRecord& record) {
  nlohmann::ordered_json j;
  j["t_us"] = record.time().count();
  j["time"] = format_time(record.time());
  j["kind"] = std::string(record.kind().name);
  JsonVisitor visitor(j);
  record.visit_fields(visitor);
  // Replace invalid UTF-8 instead of throwing: payload text may hold any byte.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

TraceWriter::TraceWriter(Trace& trace, std::ostream& out, TraceFormat format)
    : trace_(trace), id_(trace.subscribe([&out, format](const TraceRecord& r) {
        out << (format == TraceFormat::json ? format_json(r) : format_text(r)) << '\n';
      })) {}

TraceWriter::~TraceWriter() {
  trace_.unsubscribe(id_);
}

}  // namespace mailsim::sim
