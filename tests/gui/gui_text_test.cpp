// The window's catalog: every label has both languages and a unique id.
#include <set>

#include <gtest/gtest.h>

#include "ui/gui/capture_text.hpp"
#include "ui/gui/console_text.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/lesson_text.hpp"
#include "ui/gui/panel_text.hpp"

namespace mailsim::gui {
namespace {

TEST(GuiText, EveryLabelHasEnglishAndFrenchAndAUniqueId) {
  std::set<std::string_view> ids;
  std::vector<const Message*> all(msg::kAll.begin(), msg::kAll.end());
  all.insert(all.end(), msg::kPanelAll.begin(), msg::kPanelAll.end());
  all.insert(all.end(), msg::kLessonAll.begin(), msg::kLessonAll.end());
  all.insert(all.end(), msg::kCaptureAll.begin(), msg::kCaptureAll.end());
  all.insert(all.end(), msg::kConsoleAll.begin(), msg::kConsoleAll.end());
  for (const Message* m : all) {
    EXPECT_FALSE(m->en.empty()) << m->id;
    EXPECT_FALSE(m->fr.empty()) << m->id;
    EXPECT_TRUE(m->id.starts_with("gui.")) << m->id;
    EXPECT_TRUE(ids.insert(m->id).second) << "twice: " << m->id;
  }
}

}  // namespace
}  // namespace mailsim::gui
