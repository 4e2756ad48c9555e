// `mailsim report`: the lesson page of every library scenario, in English and in French, is
// well-formed (read by a strict XML parser, tests/cli/lesson_page_check.py), has its sections,
// a chart per message, an answer folded per question, loads nothing from outside, and in French
// holds no English outside protocol bytes and the author's words. Bad input gets an error.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_helpers.hpp"
#include "french_scan.hpp"
#include "scenarios/library/builtin.hpp"
#include "ui/cli/scenario_source.hpp"

namespace {

using mailsim_test::run;
namespace fs = std::filesystem;

fs::path temp_page(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("mailsim-report-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// The checker's findings, or null when the parser refused the page (its error in `error`).
nlohmann::json check_page(const fs::path& page, std::string& error) {
  const auto r = mailsim_test::run_command("python3 " + std::string(MAILSIM_SOURCE_DIR) +
                                           "/tests/cli/lesson_page_check.py " + page.string());
  if (r.status != 0) {
    error = r.out;
    return nullptr;
  }
  return nlohmann::json::parse(r.out);
}

struct Page {
  std::string html;
  nlohmann::json found;
};

Page report(const std::string& scenario, const std::string& lang) {
  const fs::path path = temp_page(scenario + "-" + lang + ".html");
  const auto r = run("report " + scenario + " --lang " + lang + " -o " + path.string());
  EXPECT_EQ(r.status, 0) << r.out;
  std::string error;
  Page page{mailsim_test::read_file(path.string()), check_page(path, error)};
  EXPECT_FALSE(page.found.is_null()) << scenario << " " << lang << ": " << error;
  return page;
}

class LessonPage : public testing::TestWithParam<std::string> {};

TEST_P(LessonPage, IsWellFormedWithEverySectionInBothLanguages) {
  const std::string name = GetParam();
  const auto model = mailsim::cli::load(name, mailsim::Lang::en);
  ASSERT_TRUE(model);
  std::size_t answers = 0;
  for (const auto& q : model->questions)
    answers += q.answer.en.empty() ? 0 : 1;
  for (const std::string lang : {"en", "fr"}) {
    const Page page = report(name, lang);
    if (page.found.is_null()) continue;
    const nlohmann::json& f = page.found;
    EXPECT_TRUE(page.html.starts_with("<!DOCTYPE html>\n")) << lang;
    EXPECT_EQ(f["root"], "{http://www.w3.org/1999/xhtml}html");
    EXPECT_EQ(f["lang"], lang);
    EXPECT_EQ(f["title"], model->title.in(lang == "fr" ? mailsim::Lang::fr : mailsim::Lang::en));
    EXPECT_EQ(f["sections"],
              nlohmann::json({"goal", "story", "messages", "expectations", "questions"}))
        << lang;
    EXPECT_GT(f["story"].get<int>(), 0) << lang;
    // One article per traced message, each with its chart; then, maybe, the other messages.
    std::vector<std::string> articles = f["articles"];
    if (!articles.empty() && articles.back() == "other-messages") articles.pop_back();
    EXPECT_EQ(f["charts"].get<std::size_t>(), articles.size()) << lang;
    EXPECT_LE(f["axes"].get<std::size_t>(), articles.size()) << lang;  // under a chart with waits
    for (std::size_t i = 0; i < articles.size(); ++i)
      EXPECT_EQ(articles[i], "message-" + std::to_string(i + 1)) << lang;
    EXPECT_EQ(f["details"].get<std::size_t>(), answers) << lang;
    // Each question says when it was asked, and comes once in the story, linked to its answer:
    // a library lesson asks every question it has.
    EXPECT_EQ(f["asked"].get<std::size_t>(), model->questions.size()) << lang;
    std::vector<std::string> linked = f["story_questions"], ids = f["question_ids"];
    for (std::string& l : linked)
      l = l.substr(1);
    std::sort(linked.begin(), linked.end());
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(linked, ids) << lang;
    EXPECT_EQ(f["results"].size(), model->expectations.size()) << lang;
    EXPECT_EQ(f["external"], nlohmann::json::array()) << lang << ": the page loads another file";
  }
}

TEST_P(LessonPage, InFrenchHoldsNoEnglishOutsideProtocolBytes) {
  const std::string name = GetParam();
  std::vector<std::string> protocol = mailsim_test::protocol_bytes(name);
  ASSERT_FALSE(protocol.empty()) << name << " did not build";
  protocol.push_back(name);  // the scenario as the teacher named it, in the page's last line
  const Page page = report(name, "fr");
  ASSERT_FALSE(page.found.is_null());
  std::vector<std::string> failures;
  std::istringstream text(page.found["text"].get<std::string>());
  for (std::string line; std::getline(text, line);)
    for (const std::string& w : mailsim_test::english_outside(line, protocol))
      failures.push_back("\"" + w + "\" in: " + line);
  std::sort(failures.begin(), failures.end());
  failures.erase(std::unique(failures.begin(), failures.end()), failures.end());
  std::string list;
  for (const std::string& f : failures)
    list += f + "\n";
  EXPECT_TRUE(failures.empty()) << name << ": " << failures.size() << " lines\n" << list;
}

INSTANTIATE_TEST_SUITE_P(Library, LessonPage, testing::ValuesIn(mailsim_test::library_names()),
                         mailsim_test::scenario_test_name);

// A bounce has its own article, whose stored message is the delivery status notification.
TEST(LessonReport, ABounceShowsItsDeliveryStatusNotification) {
  const Page page = report("unknown-recipient", "en");
  EXPECT_NE(page.html.find("a bounce for alice@a.example"), std::string::npos);
  EXPECT_NE(page.html.find("Content-Type: message/delivery-status"), std::string::npos);
  EXPECT_NE(page.html.find("Status: 5.1.1"), std::string::npos);
  EXPECT_NE(page.html.find("Received: from"), std::string::npos);
}

// What a scenario says is text on the page, never markup: a title, a question and an answer
// written as HTML come out escaped, and the page still parses.
TEST(LessonReport, EscapesEverythingFromTheScenario) {
  std::string yaml = mailsim_test::read_file(mailsim_test::library("first-mail.yaml"));
  const std::string title = "  en: The first mail\n";
  ASSERT_NE(yaml.find(title), std::string::npos);
  yaml.replace(yaml.find(title), title.size(),
               "  en: \"<script>alert('x')</script> & <b>bold</b>\"\n");
  const std::string ask = "smtp.a.example has just accepted Alice's message.";
  ASSERT_NE(yaml.find(ask), std::string::npos);
  yaml.replace(yaml.find(ask), ask.size(), "<img src=x> & </details>");
  const fs::path file = temp_page("escaped.yaml");
  std::ofstream(file) << yaml;
  const fs::path path = temp_page("escaped.html");
  const auto r = run("report " + file.string() + " -o " + path.string());
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string html = mailsim_test::read_file(path.string());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"),
            std::string::npos);
  std::string error;
  const nlohmann::json f = check_page(path, error);
  ASSERT_FALSE(f.is_null()) << error;
  EXPECT_EQ(f["title"], "<script>alert('x')</script> & <b>bold</b>");
  EXPECT_EQ(f["external"], nlohmann::json::array());
}

TEST(LessonReport, SameScenarioAndSeedGiveTheSamePage) {
  const fs::path a = temp_page("same-a.html"), b = temp_page("same-b.html");
  ASSERT_EQ(run("report greylisting --seed 7 -o " + a.string()).status, 0);
  ASSERT_EQ(run("report greylisting --seed 7 -o " + b.string()).status, 0);
  const std::string page = mailsim_test::read_file(a.string());
  EXPECT_EQ(page, mailsim_test::read_file(b.string()));
  EXPECT_NE(page.find("with the seed 7:"), std::string::npos);
}

TEST(LessonReport, BadInputGetsAClearErrorInBothLanguages) {
  auto r = run("report first-mail --lang en");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--output"), std::string::npos) << r.out;
  r = run("report first-mail --seed x -o /tmp/x.html --lang fr");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("n'est pas une graine"), std::string::npos) << r.out;
  r = run("report no-such-lesson -o /tmp/x.html --lang fr");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("aucun fichier ni scénario intégré"), std::string::npos) << r.out;
  r = run("report first-mail -o /no/such/folder/page.html --lang fr");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("impossible d'écrire /no/such/folder/page.html"), std::string::npos)
      << r.out;
}

}  // namespace
