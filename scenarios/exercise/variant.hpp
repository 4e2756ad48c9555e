#pragma once
// A variant of an exercise: the same world under other names, so that a neighbour's answer
// does not fit. From a key (a student's name, or "3" for the third of --variants N), every
// domain gets another first label (b.example -> heron.example, mx.b.example -> mx.heron.example),
// every user another name (bob -> nora, Bob -> Nora), every network /24 another prefix
// (198.51.100.25 -> 10.83.14.25, and 25.100.51.198.bl.example in reverse), and every link
// another latency (within 20% of its own). The same key gives the same variant, on any machine.
//
// The renaming is done on the written scenario, everywhere at once (zones, MX, addresses,
// timeline, expectations, texts), and the result is loaded again: what the loader accepts is
// a world that is consistent by construction.
#include <map>
#include <string>
#include <string_view>

#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/model/scenario_model.hpp"

namespace mailsim::scenarios {

class Variant {
 public:
  // The names are chosen from `lesson`'s names: its answer, which has the same domains, users
  // and networks, gets the same ones.
  Variant(const ScenarioModel& lesson, std::string key);

  const std::string& key() const { return key_; }
  // Any text with the lesson's names replaced (a --cut path, a line of a zone).
  std::string rename(std::string_view text) const;
  // The whole scenario renamed, its latencies changed, and `variant` set to the key; the
  // loader's errors when the renamed text does not load (a fault of the renaming).
  LoadResult apply(const ScenarioModel& scenario) const;

 private:
  std::string key_;
  std::map<std::string, std::string> names_;     // "b.example" -> "heron.example", "bob" -> "nora"
  std::map<std::string, std::string> prefixes_;  // "198.51.100" -> "10.83.14"
  std::uint64_t latency_seed_ = 0;
};

// The file name a student's copy gets from the student's name: lower case ASCII letters and
// digits, other characters as '-' ("Zoé Martin" -> "zoe-martin").
std::string file_name_for(std::string_view student);

}  // namespace mailsim::scenarios
