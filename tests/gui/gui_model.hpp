#pragma once
// A built-in scenario, loaded, and a player on it, for the window's tests.
#include <memory>
#include <string_view>

#include <gtest/gtest.h>

#include "scenarios/library/builtin.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui::test {

inline scenarios::ScenarioModel builtin(std::string_view name) {
  const auto* found = scenarios::find_builtin(name);
  if (found == nullptr) throw std::runtime_error("no built-in scenario " + std::string(name));
  auto loaded = scenarios::load_scenario_text(found->text, std::string(name) + ".yaml");
  if (!loaded.scenario) throw std::runtime_error("cannot load " + std::string(name));
  return *loaded.scenario;
}

inline std::unique_ptr<Player> player_of(std::string_view name) {
  scenarios::Diagnostics diag("");
  auto p = std::make_unique<Player>(builtin(name), std::nullopt, diag);
  EXPECT_TRUE(p->ok()) << diag.render(Lang::en);
  return p;
}

}  // namespace mailsim::gui::test
