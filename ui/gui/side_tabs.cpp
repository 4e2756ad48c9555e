#include "ui/gui/side_tabs.hpp"

#include <algorithm>
#include <utility>

namespace mailsim::gui {

const std::vector<std::string>& side_tab_names() {
  static const std::vector<std::string> names{"details", "dialogues", "console",      "mailboxes",
                                              "queues",  "story",     "expectations", "journey",
                                              "dns",     "log"};
  return names;
}

std::optional<SideTab> side_tab_named(std::string_view name) {
  const auto& names = side_tab_names();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<SideTab>(it - names.begin());
}

const std::string& side_tab_name(SideTab tab) {
  return side_tab_names().at(static_cast<std::size_t>(tab));
}

void PanelWindows::dock(SideTab tab) {
  if (!popped_[index(tab)]) return;
  popped_[index(tab)] = false;
  docked_ = tab;
}

std::optional<SideTab> PanelWindows::take_to_front() {
  return std::exchange(docked_, std::nullopt);
}

}  // namespace mailsim::gui
