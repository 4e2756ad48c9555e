// The Log panel's model, without a display: the narrated lines of a run, filtered by host,
// stage, kind, the story level and a text, in English and French.
#include <gtest/gtest.h>

#include "tests/gui/gui_model.hpp"
#include "ui/gui/event_log.hpp"
#include "ui/gui/log_panel.hpp"

namespace mailsim::gui {
namespace {

std::vector<const LogLine*> shown(const EventLog& log, const LogFilter& f, Lang lang) {
  std::vector<const LogLine*> out;
  for (std::size_t i : filter_log(log, f, lang))
    out.push_back(&log.lines()[i]);
  return out;
}

TEST(EventLog, FiltersByHostStageKindAndStory) {
  auto p = test::player_of("first-mail");
  p->seek(p->end());
  const EventLog& log = p->event_log();
  ASSERT_GT(log.lines().size(), 50u);
  EXPECT_EQ(shown(log, {}, Lang::en).size(), log.lines().size());

  LogFilter dns;
  dns.stage = LogStage::dns;
  const auto questions = shown(log, dns, Lang::en);
  ASSERT_FALSE(questions.empty());
  for (const LogLine* l : questions)
    EXPECT_TRUE(l->kind.starts_with("dns.")) << l->kind;

  LogFilter bob;
  bob.host = "bob-pc";
  const auto fetch = shown(log, bob, Lang::en);
  ASSERT_FALSE(fetch.empty());
  for (const LogLine* l : fetch)
    EXPECT_NE(std::find(l->hosts.begin(), l->hosts.end(), "bob-pc"), l->hosts.end());
  bob.stage = LogStage::retrieval;
  EXPECT_FALSE(shown(log, bob, Lang::en).empty());
  bob.stage = LogStage::submission;
  EXPECT_TRUE(shown(log, bob, Lang::en).empty());  // Bob sends nothing

  LogFilter delivered;
  delivered.kind = "mail.delivered";
  EXPECT_EQ(shown(log, delivered, Lang::en).size(), 1u);

  LogFilter story;
  story.story_only = true;
  const auto told = shown(log, story, Lang::en);
  EXPECT_LT(told.size(), log.lines().size() / 2);
  EXPECT_GE(told.size(), 4u);
}

TEST(EventLog, SearchesTheTextInTheLanguageShownWhateverTheCase) {
  auto p = test::player_of("recipient-down-two-hours");
  p->seek(p->end());
  const EventLog& log = p->event_log();
  LogFilter f;
  f.search = "MX.B.EXAMPLE";
  const auto en = shown(log, f, Lang::en);
  ASSERT_FALSE(en.empty());
  for (const LogLine* l : en)
    EXPECT_NE(l->in(Lang::en).find("mx.b.example"), std::string::npos);
  // A word only the French lines hold.
  f.search = "réessaie";
  f.story_only = false;
  const auto none = shown(log, f, Lang::en);
  EXPECT_TRUE(none.empty());
  f.search = "essai";
  EXPECT_FALSE(shown(log, f, Lang::fr).empty());
}

TEST(EventLog, ThePanelFiltersOnlyTheLinesAddedSinceItsLastLook) {
  auto p = test::player_of("first-mail");
  p->seek(std::chrono::seconds(1) + std::chrono::milliseconds(100));
  LogView view;
  view.filter.host = "mx.b.example";
  refresh(view, p->event_log(), Lang::en);
  const auto before = view.shown.size();
  p->seek(p->end());
  refresh(view, p->event_log(), Lang::en);
  EXPECT_GT(view.shown.size(), before);
  EXPECT_EQ(view.shown, filter_log(p->event_log(), view.filter, Lang::en));
  // Going back replays the run: a new log, filtered from its start.
  p->seek(std::chrono::seconds(1));
  refresh(view, p->event_log(), Lang::en);
  EXPECT_EQ(view.shown, filter_log(p->event_log(), view.filter, Lang::en));
}

// A message delivered twice is told in the Story panel and the Log, right after the second
// delivery, as `mailsim run` tells it (tests/cli/story_test.cpp): here the 250 after the final
// dot was lost on a cut link, so the sender sent the message again (RFC 1047).
TEST(EventLog, ASecondDeliveryIsToldInTheStoryAndTheLogInBothLanguages) {
  auto loaded = scenarios::load_scenario_file(std::string(MAILSIM_TEST_DIR) +
                                              "/../cli/story/lost-250-after-the-dot.yaml");
  ASSERT_TRUE(loaded.scenario);
  scenarios::Diagnostics diag("");
  Player p(*loaded.scenario, std::nullopt, diag);
  ASSERT_TRUE(p.ok()) << diag.render(Lang::en);
  p.seek(p.end());
  const std::string en = "was delivered 2 times to bob@b.example: a server took it, but its 250";
  const std::string fr = "a été distribué 2 fois à bob@b.example : un serveur l'a pris";
  for (const auto& [lang, told] : {std::pair{Lang::en, en}, std::pair{Lang::fr, fr}}) {
    const auto& lines = p.story().lines(lang);
    std::vector<std::size_t> again;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (lines[i].text.find(told) != std::string::npos) again.push_back(i);
    ASSERT_EQ(again.size(), 1u) << "story, " << (lang == Lang::fr ? "fr" : "en");
    EXPECT_EQ(lines[again[0]].kind, "journey.delivered_again");
    // Right after the second delivery.
    ASSERT_GT(again[0], 0u);
    EXPECT_EQ(lines[again[0] - 1].kind, "mail.delivered");
  }
  LogFilter f;
  f.kind = "journey.delivered_again";
  const auto in_log = shown(p.event_log(), f, Lang::en);
  ASSERT_EQ(in_log.size(), 1u);
  EXPECT_NE(in_log[0]->in(Lang::en).find(en), std::string::npos);
  EXPECT_NE(in_log[0]->in(Lang::fr).find(fr), std::string::npos);
  EXPECT_TRUE(in_log[0]->story);
  EXPECT_EQ(in_log[0]->stage, LogStage::delivery);
  EXPECT_NE(std::find(in_log[0]->hosts.begin(), in_log[0]->hosts.end(), "mx.b.example"),
            in_log[0]->hosts.end());
  // One delivery: nothing of the kind.
  auto once = test::player_of("first-mail");
  once->seek(once->end());
  EXPECT_TRUE(shown(once->event_log(), f, Lang::en).empty());
}

}  // namespace
}  // namespace mailsim::gui
