// The Queues panel's model, without a display: each waiting message with its attempts, their
// times, its last error and its next try.
#include <gtest/gtest.h>

#include "tests/gui/gui_model.hpp"
#include "ui/gui/queue_model.hpp"

namespace mailsim::gui {
namespace {

using namespace std::chrono_literals;

TEST(QueueModel, AMessageWaitingForItsRecipientShowsItsTriesAndTheNextOne) {
  auto p = test::player_of("recipient-down-two-hours");
  p->seek(1h);
  const auto entries = queue_entries(p->view(), p->scene());
  ASSERT_EQ(entries.size(), 1u);
  const QueueEntry& e = entries[0];
  EXPECT_EQ(e.server, "smtp.a.example");
  EXPECT_EQ(e.sender, "alice@a.example");
  EXPECT_EQ(e.pending, std::vector<std::string>{"bob@b.example"});
  EXPECT_GE(e.failures, 2);
  // One deferral traced for each failed attempt, in time order, all before now.
  ASSERT_EQ(e.deferrals.size(), static_cast<std::size_t>(e.failures));
  EXPECT_TRUE(std::is_sorted(e.deferrals.begin(), e.deferrals.end()));
  EXPECT_LE(e.deferrals.back(), p->now());
  EXPECT_GE(e.deferrals.front(), e.arrival);
  ASSERT_TRUE(e.next_try.has_value());
  EXPECT_GT(*e.next_try, p->now());
  EXPECT_FALSE(e.last_error.empty());
  // Delivered at last: the queue is empty.
  p->seek(p->end());
  EXPECT_TRUE(queue_entries(p->view(), p->scene()).empty());
}

TEST(QueueModel, TheSchedulesLaterTriesArePlannedFromTheNextOne) {
  auto p = test::player_of("recipient-down-two-hours");
  p->seek(1h + 30min);
  const auto entries = queue_entries(p->view(), p->scene());
  ASSERT_FALSE(entries.empty());
  const QueueEntry& e = entries.front();
  ASSERT_TRUE(e.next_try.has_value());
  EXPECT_EQ(*e.next_try, 1h + 55min);
  ASSERT_EQ(e.planned.size(), static_cast<std::size_t>(kPlannedTries));
  EXPECT_TRUE(std::is_sorted(e.planned.begin(), e.planned.end()));
  EXPECT_GT(e.planned.front(), *e.next_try);
  // The first planned try is the one the run makes after the 01:55 try fails: at 03:05, when
  // the message is delivered.
  EXPECT_EQ(e.planned.front(), 3h + 5min);
}

}  // namespace
}  // namespace mailsim::gui
