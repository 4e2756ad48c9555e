#include "ui/cli/exercise_command.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "scenarios/exercise/exercise_messages.hpp"
#include "scenarios/exercise/student_copy.hpp"
#include "scenarios/exercise/variant.hpp"
#include "ui/cli/classroom_text.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/scenario_source.hpp"

namespace mailsim::cli {
namespace {

namespace c = classroom;
namespace fs = std::filesystem;

// One copy to write: its file and the key of its world (empty: the lesson's own world).
struct Copy {
  std::string key;
  fs::path file;
};

std::optional<std::vector<std::string>> read_names(const std::string& path, Lang lang) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << Text(c::kCannotReadNames, {{"file", path}}).render(lang) << "\n";
    return std::nullopt;
  }
  std::vector<std::string> names;
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    names.push_back(line.substr(first, line.find_last_not_of(" \t\r") + 1 - first));
  }
  if (names.empty()) {
    std::cerr << Text(c::kNoNames, {{"file", path}}).render(lang) << "\n";
    return std::nullopt;
  }
  return names;
}

std::optional<std::size_t> parse_variants(const std::optional<std::string>& text, Lang lang) {
  std::size_t n = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (error != std::errc{} || end != text->data() + text->size() || n < 1 || n > 1000) {
    std::cerr << Text(c::kVariantsRange, {{"value", *text}}).render(lang) << "\n";
    return std::nullopt;
  }
  return n;
}

// The copies the options ask for; empty after an error.
std::optional<std::vector<Copy>> plan(const Options& o, Lang lang) {
  if (o.seed_from_name && !o.students) {
    std::cerr << Text(c::kSeedFromNameAlone).render(lang) << "\n";
    return std::nullopt;
  }
  std::optional<std::size_t> variants;
  if (o.variants && !(variants = parse_variants(o.variants, lang))) return std::nullopt;
  if (!o.students && !variants) return std::vector<Copy>{{"", o.output}};
  std::vector<Copy> copies;
  if (o.students) {
    const auto names = read_names(*o.students, lang);
    if (!names) return std::nullopt;
    if (variants && *variants != names->size()) {
      std::cerr << Text(c::kVariantsCount, {{"variants", *o.variants},
                                            {"file", *o.students},
                                            {"count", std::to_string(names->size())}})
                       .render(lang)
                << "\n";
      return std::nullopt;
    }
    std::map<std::string, std::string> taken;  // file -> the name that got it
    for (const auto& name : *names) {
      const std::string file = scenarios::file_name_for(name) + ".yaml";
      if (auto [it, fresh] = taken.emplace(file, name); !fresh) {
        std::cerr << Text(c::kSameCopyName,
                          {{"first", it->second}, {"second", name}, {"file", file}})
                         .render(lang)
                  << "\n";
        return std::nullopt;
      }
      copies.push_back({name, fs::path(o.output) / file});
    }
  } else {
    const int width = *variants >= 100 ? 3 : 2;
    for (std::size_t i = 1; i <= *variants; ++i)
      copies.push_back(
          {std::to_string(i), fs::path(o.output) / fmt::format("variant-{:0{}}.yaml", i, width)});
  }
  std::error_code ec;
  if (fs::exists(o.output, ec) && !fs::is_directory(o.output, ec)) {
    std::cerr << Text(c::kOutputNotFolder, {{"path", o.output}}).render(lang) << "\n";
    return std::nullopt;
  }
  fs::create_directories(o.output, ec);
  return copies;
}

// The copy's text, or nullopt after its errors are written to standard error.
std::optional<std::string> copy_text(const scenarios::ScenarioModel& lesson, const Copy& copy,
                                     const Options& o, Lang lang) {
  scenarios::CopyOptions options;
  options.hide_questions = std::find(o.hide.begin(), o.hide.end(), "questions") != o.hide.end();
  options.cuts = o.cuts;
  scenarios::ScenarioModel world = lesson;
  if (!copy.key.empty()) {
    const scenarios::Variant variant(lesson, copy.key);
    scenarios::LoadResult renamed = variant.apply(lesson);
    if (!renamed.scenario) {
      std::cerr
          << renamed.diagnostics.render(lang)
          << Text(scenarios::exercise_msg::kVariantDoesNotLoad, {{"key", copy.key}}).render(lang)
          << "\n";
      return std::nullopt;
    }
    world = std::move(*renamed.scenario);
    for (auto& cut : options.cuts)
      cut = variant.rename(cut);
  }
  scenarios::StudentCopy made = scenarios::student_copy(std::move(world), options, lang);
  for (const auto& e : made.errors)
    std::cerr << e.render(lang) << "\n";
  if (!made.text) return std::nullopt;
  const scenarios::LoadResult check = scenarios::load_scenario_text(*made.text, copy.file.string());
  if (!check.scenario) {
    std::cerr << check.diagnostics.render(lang)
              << Text(scenarios::exercise_msg::kCopyDoesNotLoad).render(lang) << "\n";
    return std::nullopt;
  }
  return made.text;
}

}  // namespace

int exercise_command(const Options& o, Lang lang) {
  const auto lesson = load(o.scenario, lang);
  if (!lesson) return 2;
  const auto copies = plan(o, lang);
  if (!copies) return 2;
  for (const auto& copy : *copies) {
    const auto text = copy_text(*lesson, copy, o, lang);
    if (!text) return 2;
    std::ofstream out(copy.file, std::ios::binary);
    out << *text;
    if (!out.flush()) {
      std::cerr << Text(msg::kCannotWriteFile, {{"path", copy.file.string()}}).render(lang) << "\n";
      return 2;
    }
    if (!o.quiet && copies->size() == 1 && copy.key.empty())
      std::cout << Text(c::kWroteCopy, {{"file", copy.file.string()}}).render(lang) << "\n";
  }
  if (!o.quiet && (copies->size() > 1 || !copies->front().key.empty()))
    std::cout << counted(c::kWroteCopies, copies->size(), lang, {{"folder", o.output}}).render(lang)
              << "\n";
  return 0;
}

}  // namespace mailsim::cli
