#include "scenarios/load/yaml_tree_builder.hpp"

#include <istream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <streambuf>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "scenarios/load/yaml_problems.hpp"

namespace mailsim::scenarios {
namespace {

// Reads the caller's text in place.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only read: std::streambuf wants char*
    setg(begin, begin, begin + text.size());
  }
};

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(YamlTree& tree) : tree_(tree) {}

  // The root of the document just handled, and where it started.
  std::uint32_t root() const { return root_; }
  const YAML::Mark& start() const { return start_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    anchors_.clear();
    root_ = kNone;
    start_ = mark;
  }
  void OnDocumentEnd() override {
    if (root_ == kNone) root_ = add(YAML::Mark(), YamlKind::null, 0, 0, false);
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    place(add(mark, YamlKind::null, 0, 0, false), anchor);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    place(anchor < anchors_.size() ? anchors_[anchor] : add_null(), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    const auto first = checked(tree_.text.size());
    tree_.text += value;
    place(add(mark, YamlKind::scalar, first, checked(value.size()), false), anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, YamlKind::sequence, anchor, style);
  }
  void OnSequenceEnd() override { close(1); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, YamlKind::map, anchor, style);
  }
  void OnMapEnd() override { close(2); }

 private:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  struct Open {
    std::uint32_t node;
    std::size_t first_child;  // in pending_
  };

  static std::uint32_t checked(std::size_t n) {
    if (n >= kNone) throw std::length_error("YAML document too large");
    return static_cast<std::uint32_t>(n);
  }
  std::uint32_t add(const YAML::Mark& mark, YamlKind kind, std::uint32_t first, std::uint32_t count,
                    bool flow) {
    const bool known = !mark.is_null();
    tree_.nodes.push_back(YamlTree::Node{first, count, known ? mark.line + 1 : 0,
                                         known ? mark.column + 1 : 0, kind, flow});
    return checked(tree_.nodes.size() - 1);
  }
  std::uint32_t add_null() { return add(YAML::Mark(), YamlKind::null, 0, 0, false); }
  // A finished value: the root, or the next child of the innermost open sequence or map.
  void place(std::uint32_t node, YAML::anchor_t anchor) {
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNone);
      anchors_[anchor] = node;
    }
    if (open_.empty())
      root_ = node;
    else
      pending_.push_back(node);
  }
  void open(const YAML::Mark& mark, YamlKind kind, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    const auto node = add(mark, kind, 0, 0, style == YAML::EmitterStyle::Flow);
    place(node, anchor);  // its place among its parent's children is where it starts
    open_.push_back(Open{node, pending_.size()});
  }
  void close(std::size_t per_entry) {
    const Open o = open_.back();
    open_.pop_back();
    auto& n = tree_.nodes[o.node];
    n.first = checked(tree_.children.size());
    n.count = checked((pending_.size() - o.first_child) / per_entry);
    tree_.children.insert(tree_.children.end(), pending_.begin() + o.first_child, pending_.end());
    pending_.resize(o.first_child);
  }

  YamlTree& tree_;
  std::vector<std::uint32_t> anchors_;  // by yaml-cpp's anchor number
  std::vector<Open> open_;
  std::vector<std::uint32_t> pending_;  // children of the open nodes, innermost last
  std::uint32_t root_ = kNone;
  YAML::Mark start_;
};

}  // namespace

std::vector<YamlNode> parse_yaml_documents(std::string_view text) {
  auto tree = std::make_shared<YamlTree>();
  std::vector<std::uint32_t> roots;
  {
    ViewBuffer buffer(text);
    std::istream in(&buffer);
    YAML::Parser parser(in);
    TreeBuilder builder(*tree);
    std::optional<int> previous_start;
    while (parser.HandleNextDocument(builder)) {
      // yaml-cpp 0.7 cannot take a ',' at the start of a document, and gives empty documents
      // there without end (found by fuzz/scenario_fuzz): a document that starts where the
      // previous one did made no progress.
      const YAML::Mark& start = builder.start();
      if (previous_start == start.pos) {
        const bool comma = start.pos >= 0 && static_cast<std::size_t>(start.pos) < text.size() &&
                           text[static_cast<std::size_t>(start.pos)] == ',';
        throw YAML::ParserException(
            start, comma ? kStrayCommaProblem : std::string(YAML::ErrorMsg::UNKNOWN_TOKEN));
      }
      previous_start = start.pos;
      roots.push_back(builder.root());
    }
  }
  tree->nodes.shrink_to_fit();
  tree->children.shrink_to_fit();
  tree->text.shrink_to_fit();
  std::vector<YamlNode> documents;
  for (const auto root : roots)
    documents.emplace_back(tree, root);
  return documents;
}

}  // namespace mailsim::scenarios
