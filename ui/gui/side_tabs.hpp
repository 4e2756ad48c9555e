#pragma once
// The side panel's tabs, by name, and which of them a person popped out of the tabs into a
// window of their own (ImGui 1.86 has no docking): moved and resized at will, and put back
// into the tabs when closed. The choice holds for the window's whole session (a replay, a
// change of language or of size keeps it).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mailsim::gui {

enum class SideTab {
  details,
  dialogues,
  console,
  mailboxes,
  queues,
  story,
  expectations,
  journey,
  dns,
  log
};
inline constexpr std::size_t kSideTabCount = 10;

// By the name `mailsim-gui --panel` takes ("dialogues"); nullopt for another name.
std::optional<SideTab> side_tab_named(std::string_view name);
const std::vector<std::string>& side_tab_names();
const std::string& side_tab_name(SideTab tab);

class PanelWindows {
 public:
  bool popped(SideTab tab) const { return popped_[index(tab)]; }
  // Out of the tabs, into its own window.
  void pop_out(SideTab tab) { popped_[index(tab)] = true; }
  // Back into the tabs, where it comes to the front (take_to_front()).
  void dock(SideTab tab);
  // The tab put back last, once: the tab bar selects it.
  std::optional<SideTab> take_to_front();

 private:
  static std::size_t index(SideTab tab) { return static_cast<std::size_t>(tab); }
  std::array<bool, kSideTabCount> popped_{};
  std::optional<SideTab> docked_;
};

}  // namespace mailsim::gui
