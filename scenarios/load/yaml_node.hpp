#pragma once
// A scenario file's YAML, kept compact for the readers: one array of nodes and one of scalar
// text, built from yaml-cpp's parser events (yaml_document.cpp). yaml-cpp's own node tree costs
// about 50 bytes of memory per byte of YAML (issue 19); this one a few. YamlNode is a cheap,
// read-only handle that keeps its document alive.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/load/diagnostics.hpp"

namespace mailsim::scenarios {

enum class YamlKind : std::uint8_t { null, scalar, sequence, map };

// What a document holds. Filled by the parser's events (yaml_document.cpp), then only read.
struct YamlTree {
  struct Node {
    // A scalar: text[first, first + count). A sequence: children[first, first + count). A map:
    // children[first, first + 2 * count), key then value.
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    std::int32_t line = 0;    // from 1
    std::int32_t column = 0;  // from 1
    YamlKind kind = YamlKind::null;
    bool flow = false;  // a sequence or map written [..] or {..}
  };
  std::vector<Node> nodes;
  std::vector<std::uint32_t> children;  // an alias is its anchor's node, shared
  std::string text;
};

class YamlNode {
 public:
  YamlNode() = default;  // no node: an absent key
  YamlNode(std::shared_ptr<const YamlTree> tree, std::uint32_t index)
      : tree_(std::move(tree)), index_(index) {}

  explicit operator bool() const { return tree_ != nullptr; }
  YamlKind kind() const { return tree_ ? node().kind : YamlKind::null; }
  bool is_null() const { return tree_ && node().kind == YamlKind::null; }
  bool is_scalar() const { return kind() == YamlKind::scalar; }
  bool is_sequence() const { return kind() == YamlKind::sequence; }
  bool is_map() const { return kind() == YamlKind::map; }
  bool flow() const { return tree_ && node().flow; }
  SourcePos pos() const;

  // A scalar's text; empty for anything else.
  std::string_view scalar_view() const;
  std::string scalar() const { return std::string(scalar_view()); }
  // Items of a sequence, entries of a map; 0 for anything else.
  std::size_t size() const;
  // Item i of a sequence.
  YamlNode operator[](std::size_t i) const;
  // Entry i of a map.
  YamlNode key(std::size_t i) const;
  YamlNode value(std::size_t i) const;
  // The value of the first entry whose key is the scalar `name`; none if absent or not a map.
  YamlNode get(std::string_view name) const;
  // Every item of a sequence.
  std::vector<YamlNode> items() const;

 private:
  const YamlTree::Node& node() const { return tree_->nodes[index_]; }
  YamlNode child(std::size_t i) const;

  std::shared_ptr<const YamlTree> tree_;
  std::uint32_t index_ = 0;
};

inline SourcePos position_of(const YamlNode& node) {
  return node.pos();
}

// An empty mapping, for the readers that list their keys without a file (the schema test).
YamlNode empty_yaml_map();

}  // namespace mailsim::scenarios
