#include "ui/gui/story.hpp"

#include "scenarios/model/roles.hpp"

namespace mailsim::gui {

Story::Story(scenarios::ScenarioRun& run, const agents::ConservationChecker& conservation)
    : trace_(run.sim().trace()),
      en_(Lang::en, agents::Level::story, scenarios::article_roles(run.model())),
      fr_(Lang::fr, agents::Level::story, scenarios::article_roles(run.model())) {
  subscription_ = trace_.subscribe(
      [this, &conservation](const sim::TraceRecord& r) {
        for (auto& line : en_.tell(r))
          en_lines_.push_back(std::move(line));
        for (auto& line : fr_.tell(r))
          fr_lines_.push_back(std::move(line));
        if (auto again = conservation.delivered_again(r)) {
          en_lines_.push_back({r.time(), again->render(Lang::en), "journey.delivered_again"});
          fr_lines_.push_back({r.time(), again->render(Lang::fr), "journey.delivered_again"});
        }
      },
      agents::Narrator::kinds_for(agents::Level::story));
}

Story::~Story() {
  trace_.unsubscribe(subscription_);
}

}  // namespace mailsim::gui
