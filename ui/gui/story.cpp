#include "ui/gui/story.hpp"

#include "scenarios/model/roles.hpp"

namespace mailsim::gui {

Story::Story(scenarios::ScenarioRun& run)
    : trace_(run.sim().trace()),
      en_(Lang::en, agents::Level::story, scenarios::article_roles(run.model())),
      fr_(Lang::fr, agents::Level::story, scenarios::article_roles(run.model())) {
  subscription_ = trace_.subscribe(
      [this](const sim::TraceRecord& r) {
        for (auto& line : en_.tell(r))
          en_lines_.push_back(std::move(line));
        for (auto& line : fr_.tell(r))
          fr_lines_.push_back(std::move(line));
      },
      agents::Narrator::kinds_for(agents::Level::story));
}

Story::~Story() {
  trace_.unsubscribe(subscription_);
}

}  // namespace mailsim::gui
