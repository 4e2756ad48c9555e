#include "ui/cli/grade_table.hpp"

#include "scenarios/build/check_messages.hpp"
#include "sim/plural.hpp"
#include "ui/cli/classroom_text.hpp"

namespace mailsim::cli {
namespace {

namespace c = classroom;

std::string say(const Message& m, Lang lang, std::initializer_list<Text::Arg> args = {}) {
  return Text(m, args).render(lang);
}

std::string variant_note(const GradedFile& f, Lang lang) {
  return f.variant.empty() ? "" : say(c::kVariantOf, lang, {{"key", f.variant}});
}

std::string file_line(const GradedFile& f, std::size_t total, Lang lang) {
  return say(c::kFileLine, lang,
             {{"file", f.file},
              {"variant", variant_note(f, lang)},
              {"validates", say(f.validates() ? c::kYes : c::kNo, lang)},
              {"score", std::to_string(f.score())},
              {"total", std::to_string(total)}});
}

std::string text_table(const ClassReport& r, Lang lang) {
  std::string out =
      say(c::kHeading, lang,
          {{"lesson", r.lesson},
           {"expectations",
            counted(c::kExpectationCount, r.expectations.size(), lang).render(lang)}}) +
      "\n";
  for (std::size_t i = 0; i < r.expectations.size(); ++i)
    out += "  " +
           say(c::kLegend, lang,
               {{"number", std::to_string(i + 1)}, {"description", r.expectations[i]}}) +
           "\n";
  for (const auto& f : r.files) {
    out += "\n" + file_line(f, r.expectations.size(), lang) + "\n";
    for (const auto& e : f.errors)
      out += "  " + e + "\n";
    if (!f.stopped.empty()) out += "  " + f.stopped + "\n";
    if (!f.validates()) continue;
    for (const auto& e : f.results) {
      Text line(scenarios::check::kResultLine,
                {{"label", say(e.met ? scenarios::check::kPass : scenarios::check::kFail, lang)},
                 {"description", e.description},
                 {"evidence", e.evidence}});
      out += "  " + line.render(lang) + "\n";
    }
  }
  out += "\n" + counted(c::kGraded, r.files.size(), lang).render(lang) + "\n";
  return out;
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& items, const std::string& between) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : between) + item;
  return out;
}

std::string csv_table(const ClassReport& r, Lang lang) {
  std::vector<std::string> head{say(c::kColFile, lang), say(c::kColVariant, lang),
                                say(c::kColValidates, lang), say(c::kColScore, lang),
                                say(c::kColTotal, lang)};
  for (std::size_t i = 1; i <= r.expectations.size(); ++i) {
    head.push_back(say(c::kColExpectation, lang, {{"number", std::to_string(i)}}));
    head.push_back(say(c::kColEvidence, lang, {{"number", std::to_string(i)}}));
  }
  head.push_back(say(c::kColErrors, lang));
  std::string out;
  for (auto& h : head)
    h = csv_cell(h);
  out += joined(head, ",") + "\r\n";
  for (const auto& f : r.files) {
    std::vector<std::string> row{f.file, f.variant, say(f.validates() ? c::kYes : c::kNo, lang),
                                 std::to_string(f.score()), std::to_string(r.expectations.size())};
    for (std::size_t i = 0; i < r.expectations.size(); ++i) {
      const bool has = i < f.results.size();
      row.push_back(say(has && f.results[i].met ? c::kMet : c::kNotMet, lang));
      row.push_back(has ? f.results[i].evidence : "");
    }
    std::vector<std::string> problems = f.errors;
    if (!f.stopped.empty()) problems.push_back(f.stopped);
    row.push_back(joined(problems, "\n"));
    for (auto& cell : row)
      cell = csv_cell(cell);
    out += joined(row, ",") + "\r\n";
  }
  return out;
}

std::string json_table(const ClassReport& r) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : r.files)
    files.push_back(to_json(f));
  const nlohmann::json out{
      {"lesson", r.lesson}, {"expectations", r.expectations}, {"files", files}};
  return out.dump(2) + "\n";
}

// A Markdown cell: one line, its '|' escaped.
std::string md_cell(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|')
      out += "\\|";
    else if (ch == '\n')
      out += "<br>";
    else
      out += ch;
  }
  return out;
}

std::string md_table(const ClassReport& r, Lang lang) {
  std::string out =
      "## " +
      md_cell(say(c::kHeading, lang,
                  {{"lesson", r.lesson},
                   {"expectations",
                    counted(c::kExpectationCount, r.expectations.size(), lang).render(lang)}})) +
      "\n\n";
  for (std::size_t i = 0; i < r.expectations.size(); ++i)
    out += "- " +
           md_cell(say(c::kLegend, lang,
                       {{"number", std::to_string(i + 1)}, {"description", r.expectations[i]}})) +
           "\n";
  out += "\n| " + say(c::kColFile, lang) + " | " + say(c::kColValidates, lang);
  for (std::size_t i = 1; i <= r.expectations.size(); ++i)
    out += " | " + say(c::kColExpectation, lang, {{"number", std::to_string(i)}});
  out += " | " + say(c::kColScore, lang) + " |\n|---|---";
  for (std::size_t i = 0; i < r.expectations.size(); ++i)
    out += "|---";
  out += "|---|\n";
  for (const auto& f : r.files) {
    out += "| " + md_cell(f.file + variant_note(f, lang)) + " | " +
           say(f.validates() ? c::kYes : c::kNo, lang);
    for (std::size_t i = 0; i < r.expectations.size(); ++i) {
      const bool has = i < f.results.size();
      const bool met = has && f.results[i].met;
      out += " | " + std::string(met ? "✔ " : "✘ ") + md_cell(has ? f.results[i].evidence : "");
    }
    out += " | " + std::to_string(f.score()) + "/" + std::to_string(r.expectations.size()) + " |\n";
  }
  for (const auto& f : r.files) {
    if (f.errors.empty() && f.stopped.empty()) continue;
    out += "\n**" + md_cell(f.file) + "**\n\n";
    for (const auto& e : f.errors)
      out += "    " + e + "\n";
    if (!f.stopped.empty()) out += md_cell(f.stopped) + "\n";
  }
  return out;
}

}  // namespace

std::string grade_table(const ClassReport& report, const std::string& format, Lang lang) {
  if (format == "csv") return csv_table(report, lang);
  if (format == "json") return json_table(report);
  if (format == "md") return md_table(report, lang);
  return text_table(report, lang);
}

}  // namespace mailsim::cli
