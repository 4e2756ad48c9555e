#include "sim/text.hpp"

#include "sim/inert.hpp"
#include "sim/strings.hpp"

namespace mailsim {

bool parse_lang(std::string_view text, Lang& out) {
  if (iequals(text, "en")) {
    out = Lang::en;
    return true;
  }
  if (iequals(text, "fr")) {
    out = Lang::fr;
    return true;
  }
  return false;
}

namespace {

// Arguments from `verbatim` on are catalog texts already rendered (a Text's nested ones).
std::string substitute(std::string_view pattern, const std::vector<Text::Arg>& args,
                       std::size_t verbatim) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool found = false;
        for (std::size_t a = 0; a < args.size() && !found; ++a) {
          if (args[a].first != name) continue;
          // The one door through which names, subjects and replies (a scenario's text, a
          // peer's bytes) enter what a person reads: an ESC must not drive their terminal, a
          // line break must not cut a sentence.
          out += a < verbatim ? spell_controls(args[a].second, Keep::tabs) : args[a].second;
          found = true;
        }
        if (found) {
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string render_template(std::string_view pattern, const std::vector<Text::Arg>& args) {
  return substitute(pattern, args, args.size());
}

std::string Text::render(Lang lang) const {
  if (nested_.empty()) return render_template(message_->text(lang), args_);
  std::vector<Arg> all = args_;
  for (const auto& [name, text] : nested_)
    all.emplace_back(name, text.render(lang));
  return substitute(message_->text(lang), all, args_.size());
}

}  // namespace mailsim
