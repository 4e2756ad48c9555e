#include "scenarios/exercise/student_copy.hpp"

#include <charconv>

#include <yaml-cpp/yaml.h>

#include "scenarios/exercise/exercise_messages.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "sim/lines.hpp"
#include "sim/strings.hpp"

namespace mailsim::scenarios {
namespace {

namespace m = exercise_msg;

std::size_t indent_of(const std::string& line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string::npos ? line.size() : first;
}

bool blank(const std::string& line) {
  return line.find_first_not_of(' ') == std::string::npos;
}

// A list item named by its number, or by the name or host it holds.
std::optional<std::size_t> item_index(const YAML::Node& list, const std::string& part) {
  std::size_t number = 0;
  const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), number);
  if (error == std::errc{} && end == part.data() + part.size())
    return number < list.size() ? std::optional(number) : std::nullopt;
  for (std::size_t i = 0; i < list.size(); ++i)
    for (const char* key : {"name", "host"})
      if (list[i].IsMap() && list[i][key] && list[i][key].IsScalar() &&
          list[i][key].Scalar() == part)
        return i;
  return std::nullopt;
}

// Where a part starts in the written text: the line and column of its key (a mapping's entry)
// or of its content after "- " (a list item), and whether its holder is written on one line.
struct Place {
  int line = 0;
  int column = 0;
  bool in_flow = false;
  bool item = false;  // a whole list item: its "- " goes too
};

std::optional<Place> find(const YAML::Node& root, const std::vector<std::string>& parts,
                          std::string& missing) {
  YAML::Node node = root;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool last = i + 1 == parts.size();
    missing = parts[i];
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.Scalar() != parts[i]) continue;
        if (last)
          return Place{it->first.Mark().line, it->first.Mark().column,
                       node.Style() == YAML::EmitterStyle::Flow};
        node = it->second;
        goto next;
      }
      return std::nullopt;
    }
    if (node.IsSequence()) {
      const auto index = item_index(node, parts[i]);
      if (!index) return std::nullopt;
      if (last) {
        const YAML::Mark mark = node[*index].Mark();
        return Place{mark.line, mark.column, node.Style() == YAML::EmitterStyle::Flow, true};
      }
      node = node[*index];
      continue;
    }
    return std::nullopt;
  next:;
  }
  return std::nullopt;
}

// Replaces the part at `place` (its line and every deeper line after it) with a comment.
std::string cut_at(const std::string& text, const Place& place, const std::string& comment) {
  std::vector<std::string> lines = split_lines(text);
  const auto first = static_cast<std::size_t>(place.line);
  // A list item's lines are those deeper than its "- "; a key's, those deeper than the key.
  const auto column = static_cast<std::size_t>(place.column) - (place.item ? 2 : 0);
  std::size_t end = first + 1;
  while (end < lines.size() && (blank(lines[end]) || indent_of(lines[end]) > column))
    ++end;
  // A list item's first key follows its "- ": the dash stays, so that its other keys stay in
  // the item.
  const std::string marker = lines[first].substr(0, column) + "# " + comment;
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(first),
              lines.begin() + static_cast<std::ptrdiff_t>(end));
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(first), marker);
  std::string out;
  for (const auto& line : lines)
    out += line + '\n';
  return out;
}

std::vector<std::string> parts_of(const std::string& path) {
  std::vector<std::string> parts;
  for (std::string_view part : split_trimmed(path, '/'))
    if (!part.empty()) parts.emplace_back(part);
  return parts;
}

}  // namespace

StudentCopy student_copy(ScenarioModel lesson, const CopyOptions& options, Lang marker_lang) {
  if (options.hide_expect) lesson.expectations.clear();
  if (options.hide_questions) lesson.questions.clear();
  StudentCopy copy;
  std::string text = write_scenario(lesson);
  for (const std::string& path : options.cuts) {
    std::string missing = path;
    const auto parts = parts_of(path);
    const auto place = parts.empty() ? std::nullopt : find(YAML::Load(text), parts, missing);
    if (!place) {
      copy.errors.emplace_back(m::kCutNotFound,
                               std::initializer_list<Text::Arg>{{"path", path}, {"part", missing}});
      continue;
    }
    if (place->in_flow) {
      copy.errors.emplace_back(m::kCutInFlow,
                               std::initializer_list<Text::Arg>{
                                   {"path", path}, {"line", std::to_string(place->line + 1)}});
      continue;
    }
    text = cut_at(text, *place, Text(m::kCutMarker, {{"path", path}}).render(marker_lang));
  }
  if (copy.errors.empty()) copy.text = std::move(text);
  return copy;
}

}  // namespace mailsim::scenarios
