#include "scenarios/load/yaml_document.hpp"

#include <fmt/format.h>

#include "scenarios/load/messages.hpp"
#include "sim/units.hpp"

namespace mailsim::scenarios {
namespace {

// Binary data: NUL or other control bytes that text never holds.
std::optional<std::size_t> find_binary(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return i;
    if (c == 0x7f) return i;
  }
  return std::nullopt;
}

// The parser recurses once per nesting level, so depth is checked on the raw text first:
// flow brackets outside quotes, and block nesting by the column where a line's content starts
// (after its indentation and any "- " list markers).
std::optional<SourcePos> too_deep(std::string_view text, int max_depth) {
  int flow = 0;
  int line = 1, column = 0;
  bool line_start = true;
  int block_column = 0;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      line_start = true;
      block_column = 0;
      comment = false;
      if (quote == '\'' || quote == '"') continue;  // multi-line scalars keep their quote
      continue;
    }
    if (comment) continue;
    if (line_start) {
      if (c == ' ' || c == '-') {
        ++block_column;
        if (block_column / 2 > max_depth) return SourcePos{line, column};
        continue;
      }
      line_start = false;
    }
    if (quote != 0) {
      if (c == quote) quote = 0;
      if (c == '\\' && quote == '"') ++i;
      continue;
    }
    if (c == '#') {
      comment = true;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      if (++flow > max_depth) return SourcePos{line, column};
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
    }
  }
  return std::nullopt;
}

// Counts values with aliases expanded, stopping as soon as the budget is spent.
bool within_budget(const YAML::Node& node, std::size_t& budget, int depth, int max_depth) {
  if (budget == 0 || depth > max_depth) return false;
  --budget;
  if (node.IsSequence() || node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (node.IsMap()) {
        if (!within_budget(it->first, budget, depth + 1, max_depth)) return false;
        if (!within_budget(it->second, budget, depth + 1, max_depth)) return false;
      } else if (!within_budget(*it, budget, depth + 1, max_depth)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

SourcePos position_of(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {};
  return SourcePos{m.line + 1, m.column + 1};
}

namespace {

// Line `index` (from 0) of the text, without its end.
std::string_view line_at(std::string_view text, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > text.size()) return {};
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace

std::optional<YAML::Node> load_yaml(std::string_view text, Diagnostics& diag,
                                    const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    diag.error({}, Text(msg::kTooLarge, {{"size", sim::format_size(text.size())},
                                         {"limit", sim::format_size(limits.max_bytes)}}));
    return std::nullopt;
  }
  if (auto offset = find_binary(text)) {
    diag.error({},
               Text(msg::kBinary,
                    {{"byte", fmt::format("0x{:02x}", static_cast<unsigned char>(text[*offset]))},
                     {"offset", std::to_string(*offset)}}));
    return std::nullopt;
  }
  if (auto pos = too_deep(text, limits.max_depth)) {
    diag.error(*pos, Text(msg::kTooDeep, {{"limit", std::to_string(limits.max_depth)}}));
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    const SourcePos pos{e.mark.line + 1, e.mark.column + 1};
    // A '?' just before '}' or ',' inside {...} ("body: Comment vas-tu ?}") is YAML's key
    // marker: a French question in a flow mapping breaks the file. Say so.
    const std::string_view line = line_at(text, e.mark.line);
    const bool question = line.find("?}") != std::string_view::npos ||
                          line.find("? }") != std::string_view::npos ||
                          line.find("?,") != std::string_view::npos;
    diag.error(pos, Text(question ? msg::kSyntaxQuestion : msg::kSyntax, {{"problem", e.msg}}));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diag.error({}, Text(msg::kSyntax, {{"problem", e.msg}}));
    return std::nullopt;
  }
  if (!root || root.IsNull()) {
    diag.error({}, Text(msg::kEmpty));
    return std::nullopt;
  }
  std::size_t budget = limits.max_nodes;
  if (!within_budget(root, budget, 0, limits.max_depth)) {
    diag.error({}, Text(msg::kTooManyNodes, {{"limit", std::to_string(limits.max_nodes)}}));
    return std::nullopt;
  }
  return root;
}

}  // namespace mailsim::scenarios
