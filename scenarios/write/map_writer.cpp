#include "scenarios/write/map_writer.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "scenarios/write/block_text.hpp"
#include "scenarios/write/quantities.hpp"

namespace mailsim::scenarios {
namespace {

// Words YAML 1.1 reads as booleans. The loader reads every value as text, but an editor would
// see `password: yes` as a boolean, so such texts are quoted.
bool looks_boolean(std::string_view s) {
  static constexpr std::array<std::string_view, 8> kWords{"y",  "yes", "n",    "no",
                                                          "on", "off", "true", "false"};
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

}  // namespace

YAML::Emitter& MapWriter::key(std::string_view k) {
  return out_ << YAML::Key << std::string(k) << YAML::Value;
}

void MapWriter::value(const std::string& text) {
  if (looks_boolean(text)) out_ << YAML::DoubleQuoted;
  out_ << text;
}

void MapWriter::text(std::string_view k, const std::string& v) {
  key(k);
  value(v);
}
void MapWriter::text(std::string_view k, const std::string& v, const std::string& fallback) {
  if (v != fallback) text(k, v);
}
void MapWriter::text(std::string_view k, const std::optional<std::string>& v) {
  if (v) text(k, *v);
}

void MapWriter::flag(std::string_view k, bool v, bool fallback) {
  if (v != fallback) key(k) << v;
}

void MapWriter::integer(std::string_view k, std::int64_t v) {
  key(k) << std::to_string(v);
}
void MapWriter::integer(std::string_view k, std::int64_t v, std::int64_t fallback) {
  if (v != fallback) integer(k, v);
}
void MapWriter::integer(std::string_view k, const std::optional<std::int64_t>& v) {
  if (v) integer(k, *v);
}

void MapWriter::unsigned_integer(std::string_view k, std::uint64_t v, std::uint64_t fallback) {
  if (v != fallback) key(k) << std::to_string(v);
}

void MapWriter::duration(std::string_view k, sim::SimTime v, sim::SimTime fallback) {
  if (v != fallback) key(k) << duration_text(v);
}
void MapWriter::duration(std::string_view k, const std::optional<sim::SimTime>& v) {
  if (v) key(k) << duration_text(*v);
}
void MapWriter::instant(std::string_view k, sim::SimTime v) {
  // "00:00:00.500000" reads better as "00:00:00.5"; the loader takes one to six decimals.
  std::string text = sim::format_time(v);
  if (text.find('.') != std::string::npos)
    while (text.back() == '0')
      text.pop_back();
  key(k) << text;
}

void MapWriter::size(std::string_view k, std::uint64_t v, std::uint64_t fallback) {
  if (v != fallback) key(k) << size_text(v);
}
void MapWriter::bandwidth(std::string_view k, std::uint64_t v, std::uint64_t fallback) {
  if (v != fallback) key(k) << bandwidth_text(v);
}
void MapWriter::fraction(std::string_view k, double v, double fallback) {
  if (v != fallback) key(k) << number_text(v);
}

void MapWriter::fraction(std::string_view k, const std::optional<double>& v) {
  if (v) key(k) << number_text(*v);
}

void MapWriter::size(std::string_view k, const std::optional<std::uint64_t>& v) {
  if (v) key(k) << size_text(*v);
}

void MapWriter::numbers(std::string_view k, const std::vector<double>& values) {
  key(k) << YAML::Flow << YAML::BeginSeq;
  for (double v : values)
    out_ << number_text(v);
  out_ << YAML::EndSeq;
}

void MapWriter::texts(std::string_view k, const std::vector<std::string>& values, Keep keep) {
  if (values.empty() && keep == Keep::nonempty) return;
  YAML::Emitter scratch;
  MapWriter probe(scratch, 0);
  scratch << YAML::Flow << YAML::BeginSeq;
  for (const auto& v : values)
    probe.value(v);
  scratch << YAML::EndSeq;
  const int column = column_ + static_cast<int>(k.size()) + 2;
  if (column + static_cast<int>(scratch.size()) <= kLineWidth)
    key(k) << YAML::Flow;
  else
    key(k);
  out_ << YAML::BeginSeq;
  for (const auto& v : values)
    value(v);
  out_ << YAML::EndSeq;
}

void MapWriter::text_or_texts(std::string_view k, const std::vector<std::string>& values) {
  if (values.size() == 1)
    text(k, values.front());
  else
    texts(k, values);
}

void MapWriter::pairs(std::string_view k, const std::map<std::string, std::string>& values) {
  if (values.empty()) return;
  key(k) << YAML::Flow << YAML::BeginMap;
  for (const auto& [name, v] : values) {
    out_ << YAML::Key << name << YAML::Value;
    value(v);
  }
  out_ << YAML::EndMap;
}

void MapWriter::lines(std::string_view k, const std::string& v) {
  if (auto body = literal_body(v)) {
    key(k) << YAML::Literal << *body;
    return;
  }
  text(k, v);
}

void MapWriter::map(std::string_view k, Style style, const Body& body) {
  key(k);
  nested(column_ + static_cast<int>(k.size()) + 2, column_ + 2, style, body);
}

void MapWriter::nested(int column, int block_column, Style style, const Body& body) {
  // Written once in flow style on the side, to see whether it is empty or fits on the line.
  YAML::Emitter scratch;
  scratch << YAML::Flow << YAML::BeginMap;
  MapWriter probe(scratch, 0);
  body(probe);
  scratch << YAML::EndMap;
  const std::string_view flow = scratch.c_str();
  const bool fits = flow.find('\n') == std::string_view::npos &&
                    column + static_cast<int>(flow.size()) <= kLineWidth;
  const bool as_flow = flow == "{}" || (style == Style::flow_if_fits && fits);
  if (as_flow) out_ << YAML::Flow;
  out_ << YAML::BeginMap;
  MapWriter inner(out_, as_flow ? column : block_column);
  body(inner);
  out_ << YAML::EndMap;
}

}  // namespace mailsim::scenarios
