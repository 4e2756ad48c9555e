#include "agents/narration/diagnostics.hpp"

#include <cctype>
#include <optional>
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

// The English of a connection failure (agents/connection_labels.hpp), as a catalog text.
Text failure_words(const std::string& what) {
  for (const auto& [en, words] : narration::kConnectFailures)
    if (what == en) return Text(*words);
  return Text(narration::kDiagAsSent, {{"text", what}});
}

std::string without_root_dot(std::string name) {
  if (name.size() > 1 && name.back() == '.') name.pop_back();
  return name;
}

// A name ending in DNS's root dot before a space, a colon, a parenthesis or the end:
// "b.example. does not".
bool has_root_dot(std::string_view reply) {
  for (std::size_t at = reply.find('.'); at != std::string_view::npos;
       at = reply.find('.', at + 1)) {
    const bool after_name = at > 0 && std::isalnum(static_cast<unsigned char>(reply[at - 1]));
    const bool ends = at + 1 == reply.size() || reply[at + 1] == ' ' || reply[at + 1] == ':' ||
                      reply[at + 1] == ')';
    if (after_name && ends) return true;
  }
  return false;
}

// The reply as one of the simulator's forms, its code kept ("451 4.4.3 " or nothing), the
// domain named without the root dot; nullopt for a reply a server sent.
std::optional<Text> form_text(std::string_view reply) {
  // "550 5.1.2 " or "451 4.4.3 " before the words, or nothing.
  static const std::regex code(R"(^(\d{3} (\d\.\d{1,3}\.\d{1,3} )?)?(.*)$)");
  std::match_results<std::string_view::const_iterator> parts;
  if (!std::regex_match(reply.begin(), reply.end(), parts, code)) return std::nullopt;
  const std::string words = parts[3].str();
  for (const Form& f : forms()) {
    std::smatch m;
    if (!std::regex_match(words, m, f.pattern)) continue;
    Text form(*f.message);
    for (std::size_t i = 0; i < f.names.size(); ++i) {
      const std::string& name = f.names[i];
      if (name == "what")
        form.with(name, failure_words(m[i + 1].str()));
      else
        form.with(
            name,
            Text(narration::kDiagAsSent,
                 {{"text", name == "domain" ? without_root_dot(m[i + 1].str()) : m[i + 1].str()}}));
    }
    Text whole(narration::kDiagWithCode, {{"code", parts[1].str()}});
    whole.with("words", std::move(form));
    return whole;
  }
  return std::nullopt;
}

}  // namespace

std::string diagnostic_in(std::string_view reply, Lang lang) {
  // English needs only the root dot taken off the domain's name, as the narration names it.
  if (lang == Lang::en && !has_root_dot(reply)) return std::string(reply);
  if (auto text = form_text(reply)) return text->render(lang);
  return std::string(reply);
}

Text diagnostic_text(std::string_view reply) {
  if (auto text = form_text(reply)) return std::move(*text);
  return Text(narration::kDiagAsSent, {{"text", std::string(reply)}});
}

}  // namespace mailsim::agents
