#include "sim/inert.hpp"

#include <gtest/gtest.h>

#include "sim/text.hpp"

using namespace mailsim;

TEST(Inert, ControlCharactersAreSpeltOut) {
  EXPECT_EQ(spell_controls("a\x1b[31mb\r\n\t\x7f\x01"), R"(a\x1B[31mb\r\n\t\x7F\x01)");
  EXPECT_EQ(spell_controls("\xc2\x9b"
                           "2J \xc2\xa0 é"),
            "\\u009B2J \xc2\xa0 é");  // C1 CSI; NBSP
  EXPECT_EQ(spell_controls("line\n\tnext\r", Keep::layout), "line\n\tnext\\r");
  EXPECT_EQ(spell_controls("abcdef", Keep::nothing, 3), "abc...");
  EXPECT_EQ(spell_controls("\xc2"), "\xc2");  // a cut UTF-8 sequence is left alone
}

TEST(Inert, ArgumentsOfACatalogTextCannotDriveATerminal) {
  constexpr Message m{"t.subject", "Subject: {subject}\n", "Objet : {subject}\n"};
  EXPECT_EQ(Text(m, {{"subject", "\x1b]0;owned\x07Hi"}}).render(Lang::en),
            "Subject: \\x1B]0;owned\\x07Hi\n");  // the catalog's own line feed stays
  EXPECT_EQ(render_template("{a}", {{"a", "x\ny\tz"}}), "x\\ny\tz");  // one line stays one

  constexpr Message outer{"t.outer", "Error: {problem}", "Erreur : {problem}"};
  constexpr Message inner{"t.inner", "two\nlines {x}", "deux\nlignes {x}"};
  EXPECT_EQ(Text(outer).with("problem", Text(inner, {{"x", "\r"}})).render(Lang::fr),
            "Erreur : deux\nlignes \\r");  // a nested catalog text is not escaped twice
}
