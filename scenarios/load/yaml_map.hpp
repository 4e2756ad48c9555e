#pragma once
// Reads one YAML mapping of a scenario file. Typed getters convert values with the one parser
// of each unit (times, sizes, bandwidths), remember which keys exist, and report problems with
// their position; finish() reports every key nobody asked for, with a "did you mean".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/load/yaml_node.hpp"

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/model/choices.hpp"
#include "sim/time.hpp"

namespace mailsim::scenarios {

enum class Need { optional, required };

class YamlMap {
 public:
  // `what` names the mapping in messages ("the scenario", "link r1-r2"), in both languages;
  // `path` is where it sits in the format ("network.links[]"), a string literal, for the key
  // recorder of the schema test (see key_recorder.hpp).
  YamlMap(const YamlNode& node, Text what, Diagnostics& diag, std::string_view path = {});

  bool ok() const { return ok_; }
  SourcePos pos() const { return pos_; }
  const Text& what() const { return what_; }
  // A message about this mapping: `args` plus {what}, rendered in the reader's language.
  Text about(const Message& m, std::vector<Text::Arg> args = {}) const;
  bool has(std::string_view key);  // also declares the key as known

  std::optional<std::string> text(std::string_view key, Need need = Need::optional);
  std::optional<sim::SimTime> time(std::string_view key, Need need = Need::optional);
  std::optional<std::uint64_t> size(std::string_view key, Need need = Need::optional);
  // Over `max`: the error `too_large` (placeholders key, limit, value; by default "must be at
  // most"), for a limit that wants its reason said.
  std::optional<std::uint64_t> size(std::string_view key, std::uint64_t max,
                                    Need need = Need::optional, const Message* too_large = nullptr);
  std::optional<std::uint64_t> bandwidth(std::string_view key, Need need = Need::optional);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                      Need need = Need::optional);
  std::optional<std::uint64_t> unsigned_integer(std::string_view key, Need need = Need::optional);
  std::optional<double> number(std::string_view key, double min, double max,
                               Need need = Need::optional);
  // A probability: 0.05 or 5%.
  std::optional<double> probability(std::string_view key, Need need = Need::optional);
  std::optional<bool> boolean(std::string_view key, Need need = Need::optional);
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& choices,
                                    Need need = Need::optional);
  // A choice read into its value through its table (scenarios/model/choices.hpp).
  template <class E, std::size_t N>
  std::optional<E> choice(std::string_view key, const Choice<E> (&table)[N],
                          Need need = Need::optional) {
    const auto word = choice(key, choice_words(table), need);
    if (!word) return std::nullopt;
    return choice_value(table, *word);
  }
  // Any value (a nested map or list is read by its own reader).
  std::optional<YamlNode> child(std::string_view key, Need need = Need::optional);
  // A list; anything else is reported. Empty when absent.
  std::vector<YamlNode> list(std::string_view key, Need need = Need::optional);
  // A list of texts; an item that is a list or a map is reported at its place and left out.
  std::vector<std::string> texts(std::string_view key, Need need = Need::optional);

  // Reports unknown keys; call once, after every getter.
  void finish();
  // Every key this reader was asked about, in order (for the schema consistency test).
  const std::vector<std::string>& known_keys() const { return known_; }

 private:
  struct Entry {
    std::string key;
    YamlNode key_node;
    YamlNode value;
    bool used = false;
  };
  void declare(std::string_view key);
  Entry* find(std::string_view key, Need need);
  std::optional<std::string> scalar(std::string_view key, Need need, Entry** entry);
  void bad_value(const Entry& e, Text problem);
  Text one_value_expected(const Entry& e) const;
  template <class T, class Parse>
  std::optional<T> convert(std::string_view key, Need need, Parse parse);
  template <class T>
  std::optional<T> whole(std::string_view key, T min, T max, Need need);

  Text what_;
  Diagnostics& diag_;
  std::string_view path_;
  SourcePos pos_;
  bool flow_ = false;  // written {key: value, ...} on one line
  bool ok_ = false;
  std::vector<Entry> entries_;
  std::vector<std::string> known_;
};

}  // namespace mailsim::scenarios
