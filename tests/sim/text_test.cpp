#include "sim/text.hpp"

#include <gtest/gtest.h>

#include "sim/messages.hpp"

using namespace mailsim;

TEST(Text, RendersBothLanguagesWithNamedArguments) {
  constexpr Message m{"t.greet", "Hello {who}, {n} mails", "Bonjour {who}, {n} courriels"};
  Text t(m, {{"who", "Alice"}, {"n", "3"}});
  EXPECT_EQ(t.render(Lang::en), "Hello Alice, 3 mails");
  EXPECT_EQ(t.render(Lang::fr), "Bonjour Alice, 3 courriels");
}

TEST(Text, BracesAndUnknownNames) {
  EXPECT_EQ(render_template("{{x}} {y} {", {{"x", "1"}}), "{x} {y} {");
}

TEST(Text, ParseLang) {
  Lang l = Lang::en;
  EXPECT_TRUE(parse_lang("FR", l));
  EXPECT_EQ(l, Lang::fr);
  EXPECT_TRUE(parse_lang("en", l));
  EXPECT_EQ(l, Lang::en);
  EXPECT_FALSE(parse_lang("de", l));
}

TEST(Text, EveryKernelMessageHasBothLanguagesAndTheSamePlaceholders) {
  auto placeholders = [](std::string_view s) {
    std::vector<std::string> names;
    for (std::size_t i = s.find('{'); i != std::string_view::npos; i = s.find('{', i + 1)) {
      auto close = s.find('}', i);
      if (close != std::string_view::npos) names.emplace_back(s.substr(i, close - i + 1));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  };
  for (const Message* m : sim::msg::kAll) {
    EXPECT_FALSE(m->en.empty()) << m->id;
    EXPECT_FALSE(m->fr.empty()) << m->id;
    EXPECT_EQ(placeholders(m->en), placeholders(m->fr)) << m->id;
  }
}

TEST(Text, NestedTextsRenderInTheSameLanguage) {
  constexpr Message inner{"t.inner", "bad unit", "unité inconnue"};
  constexpr Message outer{"t.outer", "line {line}: {problem}", "ligne {line} : {problem}"};
  Text t(outer, {{"line", "3"}});
  t.with("problem", Text(inner));
  EXPECT_EQ(t.render(Lang::en), "line 3: bad unit");
  EXPECT_EQ(t.render(Lang::fr), "ligne 3 : unité inconnue");
}
