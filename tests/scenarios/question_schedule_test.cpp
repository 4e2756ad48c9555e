// When a lesson's questions are asked along a told run: a timed question before the first thing
// told after its time (or at the end), an `after:` question right after the first event of its
// kind, each once, in time order whatever the file's order.
#include "scenarios/build/question_schedule.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace {

using mailsim::scenarios::Question;
using mailsim::scenarios::QuestionSchedule;
using namespace std::chrono_literals;

Question timed(mailsim::sim::SimTime at) {
  Question q;
  q.at = at;
  return q;
}

Question after(std::string kind) {
  Question q;
  q.after = std::move(kind);
  return q;
}

struct Asked {
  std::size_t index;
  mailsim::sim::SimTime at;
  bool operator==(const Asked&) const = default;
};

TEST(QuestionSchedule, TimedQuestionsComeInTimeOrderBeforeWhatIsToldAfterThem) {
  std::vector<Asked> asked;
  QuestionSchedule s({timed(60s), timed(10s), timed(30s)},
                     [&](auto at, std::size_t i, const Question&) { asked.push_back({i, at}); });
  s.before(10s);  // a sentence at 10 s comes before the question at 10 s
  EXPECT_TRUE(asked.empty());
  s.before(45s);
  EXPECT_EQ(asked, (std::vector<Asked>{{1, 10s}, {2, 30s}}));
  s.before(45s);
  EXPECT_EQ(asked.size(), 2u) << "asked twice";
  s.before(60s, true);  // the end of the run
  EXPECT_EQ(asked.back(), (Asked{0, 60s}));
}

TEST(QuestionSchedule, AnAfterQuestionFollowsTheFirstEventOfItsKindOnly) {
  std::vector<Asked> asked;
  QuestionSchedule s({after("mail.delivered"), after("mail.bounced")},
                     [&](auto at, std::size_t i, const Question&) { asked.push_back({i, at}); });
  s.after("mail.accepted", 1s);
  s.before(1h, true);
  EXPECT_TRUE(asked.empty()) << "an after: question has no time of its own";
  s.after("mail.delivered", 2s);
  s.after("mail.delivered", 3s);
  EXPECT_EQ(asked, (std::vector<Asked>{{0, 2s}}));
}

}  // namespace
