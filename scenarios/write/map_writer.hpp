#pragma once
// Writes one YAML mapping of a scenario through yaml-cpp's emitter (which does all quoting):
// one call per key, mirroring the loader's one getter per key. A call given the key's default
// leaves the key out, so a written file stays as short as a hand-written one; times, sizes and
// bandwidths get their units. Short mappings go in flow style ({...}) when they fit on their
// line, as in the library files.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/time.hpp"

namespace mailsim::scenarios {

inline constexpr int kLineWidth = 100;

enum class Style { block, flow_if_fits };
enum class Keep { nonempty, empty };

class MapWriter {
 public:
  using Body = std::function<void(MapWriter&)>;

  // `column`: where this mapping's keys start, to tell whether a nested flow mapping fits.
  MapWriter(YAML::Emitter& out, int column) : out_(out), column_(column) {}

  // Without a fallback a value is always written (required keys, and keys that name what a
  // lesson is about, such as a typed session's port).
  void text(std::string_view key, const std::string& value);
  void text(std::string_view key, const std::string& value, const std::string& fallback);
  void text(std::string_view key, const std::optional<std::string>& value);
  void flag(std::string_view key, bool value, bool fallback);
  void integer(std::string_view key, std::int64_t value);
  void integer(std::string_view key, std::int64_t value, std::int64_t fallback);
  void integer(std::string_view key, const std::optional<std::int64_t>& value);
  void unsigned_integer(std::string_view key, std::uint64_t value, std::uint64_t fallback);
  void duration(std::string_view key, sim::SimTime value, sim::SimTime fallback);
  void duration(std::string_view key, const std::optional<sim::SimTime>& value);
  void instant(std::string_view key, sim::SimTime value);  // clock form: 00:05:00
  void size(std::string_view key, std::uint64_t value, std::uint64_t fallback);
  void bandwidth(std::string_view key, std::uint64_t value, std::uint64_t fallback);
  void fraction(std::string_view key, double value, double fallback);
  void fraction(std::string_view key, const std::optional<double>& value);
  void size(std::string_view key, const std::optional<std::uint64_t>& value);
  void numbers(std::string_view key, const std::vector<double>& values);  // [0.1, 0.5]
  // A flow list ([a, b]) when it fits on the line, else one item per line; an empty list is
  // left out unless kept.
  void texts(std::string_view key, const std::vector<std::string>& values,
             Keep keep = Keep::nonempty);
  // One item as a text, several as a list ("to: bob@b.example").
  void text_or_texts(std::string_view key, const std::vector<std::string>& values);
  void pairs(std::string_view key, const std::map<std::string, std::string>& values);
  // Lines of text (a DNS zone, a message body) as a literal block (|) when that reads back the
  // same, else as one quoted line.
  void lines(std::string_view key, const std::string& value);

  void map(std::string_view key, Style style, const Body& body);
  template <class T, class Item>
  void list(std::string_view key, const std::vector<T>& items, Style style, Item item);

 private:
  YAML::Emitter& key(std::string_view k);
  void value(const std::string& text);
  // Writes a mapping whose first character lands on `column`.
  void nested(int column, int block_column, Style style, const Body& body);

  YAML::Emitter& out_;
  int column_;
};

template <class T, class Item>
void MapWriter::list(std::string_view k, const std::vector<T>& items, Style style, Item item) {
  if (items.empty()) return;
  key(k) << YAML::BeginSeq;
  // yaml-cpp indents a list under its key: "- " two columns in, the item two further.
  const int item_column = column_ + 4;
  for (const T& x : items)
    nested(item_column, item_column, style, [&](MapWriter& w) { item(w, x); });
  out_ << YAML::EndSeq;
}

}  // namespace mailsim::scenarios
