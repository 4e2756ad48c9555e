// Lesson mode, the Story and the Expectations, without a display: the player pauses at a
// question's time or right after its event, the answer shows on A (the window's key layer),
// Space plays on; going to a time passes the questions before it; the story is told in both
// languages with the article's roles; each expectation ticks from pending to met or failed.
#include <gtest/gtest.h>

#include "tests/gui/gui_model.hpp"
#include "ui/gui/player.hpp"
#include "ui/gui/question_panel.hpp"

namespace mailsim::gui {
namespace {

using namespace std::chrono_literals;
using scenarios::ExpectationState;

scenarios::Question at(sim::SimTime t, std::string en) {
  return {t, "", {en, en + " (fr)"}, {"answer to " + en, "réponse"}, {}};
}
scenarios::Question after(std::string kind) {
  return {std::nullopt, kind, {"after " + kind, "après " + kind}, {"yes", "oui"}, {}};
}

std::unique_ptr<Player> lesson(std::vector<scenarios::Question> questions,
                               std::string_view name = "first-mail") {
  auto model = test::builtin(name);
  model.questions = std::move(questions);
  scenarios::Diagnostics diag("");
  auto p = std::make_unique<Player>(model, std::nullopt, diag);
  EXPECT_TRUE(p->ok()) << diag.render(Lang::en);
  p->skip_idle = true;
  p->speed = 1;
  return p;
}

// Plays frame by frame until the player stops on its own (a question, or the end).
int play(Player& p, int max_frames = 100000) {
  int frames = 0;
  while (p.playing && frames++ < max_frames)
    p.advance(std::chrono::duration<double>(1.0 / 60));
  return frames;
}

sim::SimTime first_mark(const Player& p, MarkKind kind) {
  for (const auto& m : p.all_marks())
    if (m.kind == kind) return m.at;
  ADD_FAILURE() << "no such mark";
  return {};
}

TEST(Lesson, PlayingStopsAtAQuestionsTimeAndTheKeysDriveIt) {
  auto p = lesson({at(700ms, "Which port?")});
  play(*p);
  ASSERT_EQ(p->lesson().open(), 0u);
  EXPECT_EQ(p->now(), 700ms);
  EXPECT_FALSE(p->playing);
  EXPECT_FALSE(p->lesson().answer_shown());
  // Time stands still while the question is shown, even if Play is pressed.
  p->playing = true;
  p->advance(std::chrono::duration<double>(0.1));
  EXPECT_EQ(p->now(), 700ms);
  // The keys: N or another key does nothing to it; A shows the answer; Space plays on.
  EXPECT_FALSE(lesson_key(sf::Keyboard::N, *p));
  EXPECT_TRUE(lesson_key(sf::Keyboard::A, *p));
  EXPECT_TRUE(p->lesson().answer_shown());
  EXPECT_TRUE(lesson_key(sf::Keyboard::Space, *p));
  EXPECT_FALSE(p->lesson().open());
  EXPECT_TRUE(p->playing);
  // Asked once: the run goes to its end.
  play(*p);
  EXPECT_GT(p->now(), 700ms);
  EXPECT_FALSE(p->lesson().open());
  // Without a question open, the lesson's keys are the window's usual ones.
  EXPECT_FALSE(lesson_key(sf::Keyboard::Space, *p));
}

TEST(Lesson, PlayingStopsRightAfterTheFirstEventOfAKind) {
  auto p = lesson({after("mail.delivered")});
  const sim::SimTime delivered = first_mark(*p, MarkKind::delivered);
  play(*p);
  ASSERT_EQ(p->lesson().open(), 0u);
  EXPECT_EQ(p->now(), delivered);
  // Enter shows the answer as A does.
  EXPECT_TRUE(lesson_key(sf::Keyboard::Enter, *p));
  EXPECT_TRUE(p->lesson().answer_shown());
}

TEST(Lesson, StepsStopAtAQuestionToo) {
  auto p = lesson({after("mail.accepted")});
  for (int i = 0; i < 100000 && !p->lesson().open(); ++i)
    p->step_line();
  ASSERT_TRUE(p->lesson().open());
  EXPECT_EQ(p->now(), first_mark(*p, MarkKind::accepted));
  // Stepping on is moving on: the question closes and is not asked again.
  const auto events = p->view().events_executed();
  p->step_event();
  EXPECT_FALSE(p->lesson().open());
  EXPECT_EQ(p->view().events_executed(), events + 1);
}

TEST(Lesson, GoingToATimePassesTheQuestionsBeforeItAndShowsOneAtIt) {
  auto p = lesson({at(300ms, "first"), at(2s, "second")});
  p->seek(1s);
  EXPECT_FALSE(p->lesson().open());  // the first was passed over
  p->seek(2s);
  ASSERT_EQ(p->lesson().open(), 1u);  // the second is asked at its very time
  // Back to the start: both are asked again.
  p->go_on();
  p->restart();
  play(*p);
  EXPECT_EQ(p->lesson().open(), 0u);
  EXPECT_EQ(p->now(), 300ms);
}

TEST(Story, TellsTheRunInBothLanguagesWithTheArticlesRoles) {
  auto p = test::player_of("first-mail");
  p->seek(p->end());
  const auto& en = p->story().lines(Lang::en);
  const auto& fr = p->story().lines(Lang::fr);
  ASSERT_FALSE(en.empty());
  ASSERT_EQ(en.size(), fr.size());
  EXPECT_NE(en.front().text, fr.front().text);
  bool roles = false;
  for (const auto& line : en)
    roles = roles || line.text.find("smtp.a.example (MSA, MTA, MDA)") != std::string::npos;
  EXPECT_TRUE(roles);
  // Only what happened so far: going back shortens the story.
  const std::size_t all = en.size();
  p->seek(100ms);
  EXPECT_LT(p->story().lines(Lang::en).size(), all);
}

TEST(Expectations, EachTicksFromPendingToMetAsTheRunGoes) {
  auto p = test::player_of("first-mail");
  auto states = [&] {
    std::vector<ExpectationState> out;
    for (const auto& r : p->expectations())
      out.push_back(scenarios::state_at(r, p->now(), p->finished()));
    return out;
  };
  ASSERT_FALSE(p->expectations().empty());
  for (auto s : states())
    EXPECT_EQ(s, ExpectationState::pending);
  p->seek(first_mark(*p, MarkKind::delivered));
  const auto mid = states();
  EXPECT_EQ(mid[1], ExpectationState::met);      // the mail delivered
  EXPECT_EQ(mid[3], ExpectationState::pending);  // no mail lost: only the end tells
  ASSERT_TRUE(p->expectations()[1].met_at);
  EXPECT_EQ(*p->expectations()[1].met_at, p->now());
  p->seek(p->end());
  for (auto s : states())
    EXPECT_EQ(s, ExpectationState::met);
}

TEST(Expectations, OneWhoseTimeLimitPassesUnmetFails) {
  auto model = test::builtin("first-mail");
  model.expectations.push_back({scenarios::MailExpectation{"bob@b.example", "delivered", 1ms}, {}});
  scenarios::Diagnostics diag("");
  Player p(model, std::nullopt, diag);
  const auto last = [&] {
    const auto r = p.expectations().back();
    return scenarios::state_at(r, p.now(), p.finished());
  };
  EXPECT_EQ(last(), ExpectationState::pending);
  p.seek(2ms);
  EXPECT_EQ(last(), ExpectationState::failed);
}

}  // namespace
}  // namespace mailsim::gui
