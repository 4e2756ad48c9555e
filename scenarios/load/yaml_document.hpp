#pragma once
// Loads YAML text for the scenario loader with the limits that keep a broken or hostile file
// from crashing or exhausting the program: size, binary data, nesting depth, alias expansion.
#include <optional>
#include <string>
#include <string_view>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/load/yaml_node.hpp"

namespace mailsim::scenarios {

struct YamlLimits {
  std::size_t max_bytes = 2 * 1000 * 1000;  // classroom scenarios are a few kB
  int max_depth = 64;                       // nesting of maps and lists
  // Values after expanding aliases. A file without aliases holds at most one value per byte
  // ("a," in a flow map is a key and its empty value), so only alias expansion passes this: a
  // long timeline within max_bytes never does.
  std::size_t max_nodes = max_bytes;
};

// Parses `text` (the content of `diag.file()`); on any problem, records it in `diag` with its
// position and returns nullopt.
std::optional<YamlNode> load_yaml(std::string_view text, Diagnostics& diag,
                                  const YamlLimits& limits = {});

// The line and column (from 1, in bytes) of the byte at `offset`.
SourcePos position_at(std::string_view text, std::size_t offset);
// A file of `size` bytes over `limit`: reported at the line where the limit is passed, found in
// `text`, the file's first bytes (at least `limit` of them).
void report_too_large(std::string_view text, std::uint64_t size, std::size_t limit,
                      Diagnostics& diag);

}  // namespace mailsim::scenarios
