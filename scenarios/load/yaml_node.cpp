#include "scenarios/load/yaml_node.hpp"

namespace mailsim::scenarios {

SourcePos YamlNode::pos() const {
  if (!tree_) return {};
  return SourcePos{node().line, node().column};
}

std::string_view YamlNode::scalar_view() const {
  if (!is_scalar()) return {};
  return std::string_view(tree_->text).substr(node().first, node().count);
}

std::size_t YamlNode::size() const {
  return is_sequence() || is_map() ? node().count : 0;
}

YamlNode YamlNode::child(std::size_t i) const {
  return YamlNode(tree_, tree_->children[node().first + i]);
}

YamlNode YamlNode::operator[](std::size_t i) const {
  if (!is_sequence() || i >= size()) return {};
  return child(i);
}

YamlNode YamlNode::key(std::size_t i) const {
  if (!is_map() || i >= size()) return {};
  return child(2 * i);
}

YamlNode YamlNode::value(std::size_t i) const {
  if (!is_map() || i >= size()) return {};
  return child(2 * i + 1);
}

YamlNode YamlNode::get(std::string_view name) const {
  for (std::size_t i = 0; i < size() && is_map(); ++i) {
    const YamlNode k = key(i);
    if (k.is_scalar() && k.scalar_view() == name) return value(i);
  }
  return {};
}

std::vector<YamlNode> YamlNode::items() const {
  std::vector<YamlNode> out;
  if (!is_sequence()) return out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i)
    out.push_back(child(i));
  return out;
}

YamlNode empty_yaml_map() {
  auto tree = std::make_shared<YamlTree>();
  tree->nodes.push_back(YamlTree::Node{0, 0, 1, 1, YamlKind::map, true});
  return YamlNode(std::move(tree), 0);
}

}  // namespace mailsim::scenarios
