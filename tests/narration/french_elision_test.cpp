#include "agents/narration/french_elision.hpp"

#include <gtest/gtest.h>

using namespace mailsim;
using namespace mailsim::agents;

TEST(FrenchElision, DeBeforeAVowelBecomesDApostrophe) {
  const std::vector<Text::Arg> args{
      {"client", "alice-pc"}, {"server", "mx.b.example"}, {"name", "Élodie"}};
  EXPECT_EQ(elide_de("la session de {client}", args), "la session d'{client}");
  EXPECT_EQ(elide_de("de {client} vers {server}", args), "d'{client} vers {server}");
  EXPECT_EQ(elide_de("le courrier de {name}", args), "le courrier d'{name}");
  EXPECT_EQ(elide_de("la réponse de {server}", args), "la réponse de {server}");
}

TEST(FrenchElision, OnlyTheWordDeBeforeAPlaceholder) {
  const std::vector<Text::Arg> args{{"client", "alice-pc"}, {"host", "yahoo.fr"}};
  EXPECT_EQ(elide_de("code {client}", args), "code {client}");  // "de" ends another word
  EXPECT_EQ(elide_de("de alice", args), "de alice");            // no placeholder: the text's own
  EXPECT_EQ(elide_de("de {host}", args), "de {host}");          // y: no rule
  EXPECT_EQ(elide_de("de {unknown}", args), "de {unknown}");
}
