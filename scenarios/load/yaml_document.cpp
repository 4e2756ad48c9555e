#include "scenarios/load/yaml_document.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <yaml-cpp/exceptions.h>

#include "scenarios/load/messages.hpp"
#include "scenarios/load/yaml_problems.hpp"
#include "scenarios/load/yaml_tree_builder.hpp"
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

// The first byte that is not part of a well-formed UTF-8 character (RFC 3629: no overlong form,
// no surrogate, nothing above U+10FFFF). yaml-cpp 0.7 loops without end on some of them (found
// by fuzz/scenario_fuzz), and YAML text is Unicode anyway.
std::optional<std::size_t> find_bad_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + n >= text.size()) return i;  // cut short at the end
    for (std::size_t k = 1; k <= n; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return i;
    }
    i += n + 1;
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
bool within_budget(const YamlNode& node, std::size_t& budget, int depth, int max_depth) {
  if (budget == 0 || depth > max_depth) return false;
  --budget;
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (node.is_map()) {
      if (!within_budget(node.key(i), budget, depth + 1, max_depth)) return false;
      if (!within_budget(node.value(i), budget, depth + 1, max_depth)) return false;
    } else if (!within_budget(node[i], budget, depth + 1, max_depth)) {
      return false;
    }
  }
  return true;
}

}  // namespace

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

SourcePos position_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column =
      line_start == std::string_view::npos ? offset + 1 : offset - line_start;
  return SourcePos{static_cast<int>(line), static_cast<int>(column)};
}

namespace {

// Where the values of the root start: the key of each top-level entry, so that a value that
// expands too much is reported at the line that names it.
struct TopEntry {
  SourcePos pos;
  YamlNode key;  // none for the items of a list
  YamlNode value;
};
std::vector<TopEntry> top_entries(const YamlNode& root) {
  std::vector<TopEntry> out;
  for (std::size_t i = 0; i < root.size(); ++i) {
    if (root.is_map())
      out.push_back({position_of(root.key(i)), root.key(i), root.value(i)});
    else
      out.push_back({position_of(root[i]), YamlNode(), root[i]});
  }
  return out;
}

// A file of comments and blank lines only: the first comment's place (none for a blank file, or
// one with something else in it).
std::optional<SourcePos> only_comments(std::string_view text) {
  std::optional<SourcePos> first;
  std::size_t start = 0;
  for (int line = 1; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(start, end - start);
    const std::size_t at = l.find_first_not_of(" \t\r");
    if (at != std::string_view::npos && l[at] != '#') return std::nullopt;
    if (at != std::string_view::npos && !first) first = SourcePos{line, static_cast<int>(at) + 1};
    start = end + 1;
  }
  return first;
}

// "[URGENT] meeting": a value that opens a list (or map), closes it, and goes on with text.
bool bracket_then_text(std::string_view value) {
  if (value.empty() || (value.front() != '[' && value.front() != '{')) return false;
  const std::size_t close = value.find(value.front() == '[' ? ']' : '}');
  if (close == std::string_view::npos) return false;
  const std::size_t next = value.find_first_not_of(" \t\r", close + 1);
  return next != std::string_view::npos && value[next] != '#' && value[next] != ',';
}

// UTF-16 (Notepad's "Unicode"): a byte-order mark, or ASCII text with a zero byte beside each
// character. Its zero bytes would otherwise be reported as binary data.
bool is_utf16(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  if (text.size() >= 2 &&
      ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
    return true;
  if (text.size() < 4) return false;
  const bool little = byte(0) != 0 && byte(1) == 0 && byte(2) != 0 && byte(3) == 0;
  const bool big = byte(0) == 0 && byte(1) != 0 && byte(2) == 0 && byte(3) != 0;
  return little || big;
}

// Where the second document starts: its first value, or (when it is empty) its '---' line.
SourcePos second_document(std::string_view text, const std::vector<YamlNode>& documents) {
  const SourcePos pos = position_of(documents[1]);
  if (pos.line > 0) return pos;
  const int first = position_of(documents[0]).line;
  for (int i = std::max(first, 1);; ++i) {
    const std::string_view l = line_at(text, i - 1);
    if (l.data() == nullptr) return {};
    if (l.substr(0, 3) == "---") return SourcePos{i, 1};
  }
}

}  // namespace

void report_too_large(std::string_view text, std::uint64_t size, std::size_t limit,
                      Diagnostics& diag) {
  diag.error(position_at(text, limit), Text(msg::kTooLarge, {{"size", sim::format_size(size)},
                                                             {"limit", sim::format_size(limit)}}));
}

std::optional<YamlNode> load_yaml(std::string_view text, Diagnostics& diag,
                                  const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    report_too_large(text, text.size(), limits.max_bytes, diag);
    return std::nullopt;
  }
  if (is_utf16(text)) {
    diag.error(SourcePos{1, 1}, Text(msg::kUtf16));
    return std::nullopt;
  }
  if (auto offset = find_binary(text)) {
    diag.error(position_at(text, *offset),
               Text(msg::kBinary,
                    {{"byte", fmt::format("0x{:02x}", static_cast<unsigned char>(text[*offset]))},
                     {"offset", std::to_string(*offset)}}));
    return std::nullopt;
  }
  if (auto offset = find_bad_utf8(text)) {
    diag.error(position_at(text, *offset),
               Text(msg::kNotUtf8,
                    {{"byte", fmt::format("0x{:02x}", static_cast<unsigned char>(text[*offset]))},
                     {"offset", std::to_string(*offset)}}));
    return std::nullopt;
  }
  if (auto pos = too_deep(text, limits.max_depth)) {
    diag.error(*pos, Text(msg::kTooDeep, {{"limit", std::to_string(limits.max_depth)}}));
    return std::nullopt;
  }
  std::vector<YamlNode> documents;
  try {
    documents = parse_yaml_documents(text);
  } catch (const YAML::ParserException& e) {
    const SourcePos pos{e.mark.line + 1, e.mark.column + 1};
    // A '?' just before '}' or ',' inside {...} ("body: Comment vas-tu ?}") is YAML's key
    // marker: a French question in a flow mapping breaks the file. Say so.
    const std::string_view line = line_at(text, e.mark.line);
    const bool question = line.find("?}") != std::string_view::npos ||
                          line.find("? }") != std::string_view::npos ||
                          line.find("?,") != std::string_view::npos;
    const Message* hint = question ? &msg::kSyntaxQuestion : &msg::kSyntax;
    if (!question) {
      // "subject: [URGENT] meeting" (a list, then text) and "subject: Re: hello" (a second
      // ': ' in a value): texts a beginner writes unquoted. Quoting is the fix for both.
      const std::size_t colon = line.find(": ");
      const std::string_view value =
          colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 2);
      if (bracket_then_text(value))
        hint = &msg::kSyntaxBracket;
      else if (value.find(": ") != std::string_view::npos && value.front() != '"' &&
               value.front() != '\'')
        hint = &msg::kSyntaxColon;
    }
    Text t(*hint);
    t.with("problem", yaml_problem(e.msg));
    diag.error(pos, std::move(t));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Text t(msg::kSyntax);
    t.with("problem", yaml_problem(e.msg));
    diag.error({}, std::move(t));
    return std::nullopt;
  }
  // yaml-cpp reads every document; a scenario is one (a second used to be silently ignored).
  if (documents.size() > 1) {
    diag.error(second_document(text, documents), Text(msg::kTwoDocuments));
    return std::nullopt;
  }
  const YamlNode root = documents.empty() ? YamlNode() : documents.front();
  if (!root || root.is_null()) {
    if (const auto comment = only_comments(text))
      diag.error(*comment, Text(msg::kOnlyComments));
    else
      diag.error(root ? position_of(root) : SourcePos{}, Text(msg::kEmpty));
    return std::nullopt;
  }
  std::size_t budget = limits.max_nodes - 1;
  for (const auto& entry : top_entries(root)) {
    if ((entry.key && !within_budget(entry.key, budget, 1, limits.max_depth)) ||
        !within_budget(entry.value, budget, 1, limits.max_depth)) {
      diag.error(entry.pos,
                 Text(msg::kTooManyNodes, {{"limit", std::to_string(limits.max_nodes)}}));
      return std::nullopt;
    }
  }
  return root;
}

}  // namespace mailsim::scenarios
