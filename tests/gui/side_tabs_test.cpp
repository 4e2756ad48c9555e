// The side panel's tabs by name, and the panels popped out into windows of their own: out of
// the tabs, back in when closed, and brought to the front then.
#include <gtest/gtest.h>

#include "ui/gui/side_tabs.hpp"

namespace mailsim::gui {
namespace {

TEST(SideTabs, EachTabHasTheNameTheProgramTakes) {
  ASSERT_EQ(side_tab_names().size(), kSideTabCount);
  for (std::size_t i = 0; i < kSideTabCount; ++i) {
    const auto tab = static_cast<SideTab>(i);
    EXPECT_EQ(side_tab_named(side_tab_name(tab)), tab);
  }
  EXPECT_EQ(side_tab_named("console"), SideTab::console);
  EXPECT_EQ(side_tab_named("nowhere"), std::nullopt);
}

TEST(PanelWindows, APanelPoppedOutLeavesTheTabsUntilItsWindowIsClosed) {
  PanelWindows windows;
  for (std::size_t i = 0; i < kSideTabCount; ++i)
    EXPECT_FALSE(windows.popped(static_cast<SideTab>(i)));
  windows.pop_out(SideTab::dialogues);
  windows.pop_out(SideTab::queues);
  EXPECT_TRUE(windows.popped(SideTab::dialogues));
  EXPECT_TRUE(windows.popped(SideTab::queues));
  EXPECT_FALSE(windows.popped(SideTab::details));
  EXPECT_EQ(windows.take_to_front(), std::nullopt) << "nothing came back yet";
  // Closing its window puts it back among the tabs, in front, once.
  windows.dock(SideTab::queues);
  EXPECT_FALSE(windows.popped(SideTab::queues));
  EXPECT_TRUE(windows.popped(SideTab::dialogues));
  EXPECT_EQ(windows.take_to_front(), SideTab::queues);
  EXPECT_EQ(windows.take_to_front(), std::nullopt);
  // A tab not popped out is not brought forward by a stray dock.
  windows.dock(SideTab::details);
  EXPECT_EQ(windows.take_to_front(), std::nullopt);
}

}  // namespace
}  // namespace mailsim::gui
