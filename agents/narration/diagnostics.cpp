#include "agents/narration/diagnostics.hpp"

#include <regex>
#include <vector>

#include "agents/narration/field_words.hpp"
#include "agents/proto/dns/mail_messages.hpp"

namespace mailsim::agents {
namespace {

// One form the simulator writes: its English words, where each {placeholder} stands for any
// text, as a pattern; the French comes from the same catalog entry.
struct Form {
  const Message* message;
  std::regex pattern;
  std::vector<std::string> names;
};

Form form_of(const Message& m) {
  static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
  Form f{&m, {}, {}};
  std::string pattern = "^";
  std::string_view en = m.en;
  for (std::size_t open = en.find('{'); open != std::string_view::npos; open = en.find('{')) {
    const std::size_t close = en.find('}', open);
    pattern += std::regex_replace(std::string(en.substr(0, open)), special, R"(\$&)") + "(.+?)";
    f.names.emplace_back(en.substr(open + 1, close - open - 1));
    en.remove_prefix(close + 1);
  }
  pattern += std::regex_replace(std::string(en), special, R"(\$&)") + "$";
  f.pattern = std::regex(pattern);
  return f;
}

const std::vector<Form>& forms() {
  static const std::vector<Form> all = [] {
    std::vector<Form> v;
    for (const Message* m : proto::dns::msg::kMailAll)
      v.push_back(form_of(*m));
    for (const Message* m : {&narration::kDiagConnect, &narration::kDiagNoRouteToDomain})
      v.push_back(form_of(*m));
    return v;
  }();
  return all;
}

// The English of a connection failure (agents/connection_labels.hpp), in words.
std::string failure_words(const std::string& what, Lang lang) {
  for (const auto& [en, words] : narration::kConnectFailures)
    if (what == en) return std::string(words->text(lang));
  return what;
}

}  // namespace

std::string diagnostic_in(std::string_view reply, Lang lang) {
  if (lang == Lang::en) return std::string(reply);
  // "550 5.1.2 " or "451 4.4.3 " before the words, or nothing.
  static const std::regex code(R"(^(\d{3} (\d\.\d{1,3}\.\d{1,3} )?)?(.*)$)");
  std::match_results<std::string_view::const_iterator> parts;
  if (!std::regex_match(reply.begin(), reply.end(), parts, code)) return std::string(reply);
  const std::string words = parts[3].str();
  for (const Form& f : forms()) {
    std::smatch m;
    if (!std::regex_match(words, m, f.pattern)) continue;
    std::vector<Text::Arg> args;
    for (std::size_t i = 0; i < f.names.size(); ++i)
      args.emplace_back(
          f.names[i], f.names[i] == "what" ? failure_words(m[i + 1].str(), lang) : m[i + 1].str());
    return parts[1].str() + Text(*f.message, std::move(args)).render(lang);
  }
  return std::string(reply);
}

}  // namespace mailsim::agents
