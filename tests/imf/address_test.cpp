#include "agents/proto/imf/address.hpp"

#include <gtest/gtest.h>

using mailsim::Lang;
using namespace mailsim::proto::imf;

namespace {
std::string error_of(std::string_view text, Lang lang = Lang::en) {
  try {
    parse_address_list(text);
  } catch (const AddressError& e) {
    return e.text().render(lang);
  }
  return "no error";
}
}  // namespace

TEST(Address, BareAngleAndNamed) {
  EXPECT_EQ(parse_mailbox("bob@b.example"), (Mailbox{"", "bob", "b.example"}));
  EXPECT_EQ(parse_mailbox("<bob@b.example>"), (Mailbox{"", "bob", "b.example"}));
  EXPECT_EQ(parse_mailbox("Bob Martin <bob@b.example>"),
            (Mailbox{"Bob Martin", "bob", "b.example"}));
  EXPECT_EQ(parse_mailbox("\"Martin, Bob\" <bob@b.example>"),
            (Mailbox{"Martin, Bob", "bob", "b.example"}));
  EXPECT_EQ(parse_mailbox("J. Smith <js@x.example>").display_name, "J. Smith");
  EXPECT_EQ(parse_mailbox("  bob @ b.example  (the boss)").address(), "bob@b.example");
  EXPECT_EQ(parse_mailbox("Bob (work) <bob@b.example> (comment (nested))").display_name, "Bob");
}

TEST(Address, EncodedDisplayNamesAreDecoded) {
  EXPECT_EQ(parse_mailbox("=?UTF-8?Q?=C3=89lodie_Martin?= <elodie@b.example>").display_name,
            "Élodie Martin");
  EXPECT_EQ(parse_mailbox("=?ISO-8859-1?Q?Andr=E9?= Pirard <andre@x.example>").display_name,
            "André Pirard");
  EXPECT_EQ(parse_mailbox("Élodie <elodie@b.example>").display_name, "Élodie");  // RFC 6532
  // IMAP's ENVELOPE sends names as written.
  EXPECT_EQ(
      parse_mailbox("=?UTF-8?Q?=C3=89lodie?= Martin <e@b.example>", DisplayNames::raw).display_name,
      "=?UTF-8?Q?=C3=89lodie?= Martin");
  EXPECT_EQ(parse_mailbox("\"Martin, Bob\" <bob@b.example>", DisplayNames::raw).display_name,
            "Martin, Bob");
}

TEST(Address, QuotedLocalPartsDomainLiteralsAndRoutes) {
  const auto m = parse_mailbox("\"john doe\"@x.example");
  EXPECT_EQ(m.local_part, "john doe");
  EXPECT_EQ(m.address(), "\"john doe\"@x.example");
  EXPECT_EQ(parse_mailbox("postmaster@[192.0.2.1]").domain, "[192.0.2.1]");
  EXPECT_EQ(parse_mailbox("<@relay.example,@r2.example:bob@b.example>").address(), "bob@b.example");
  EXPECT_EQ(parse_mailbox("first.last+tag@sub.b.example").address(),
            "first.last+tag@sub.b.example");
}

TEST(Address, ListsAndGroups) {
  const auto list = parse_address_list(
      "Alice <alice@a.example>, , team: bob@b.example, \"Carol\" <carol@c.example>;, "
      "undisclosed-recipients:;, dave@d.example");
  ASSERT_EQ(list.size(), 4u);
  const auto& team = std::get<Group>(list[1]);
  EXPECT_EQ(team.display_name, "team");
  ASSERT_EQ(team.members.size(), 2u);
  EXPECT_EQ(team.members[1].display_name, "Carol");
  EXPECT_TRUE(std::get<Group>(list[2]).members.empty());
  const auto boxes = all_mailboxes(list);
  ASSERT_EQ(boxes.size(), 4u);
  EXPECT_EQ(boxes[3].address(), "dave@d.example");
  EXPECT_EQ(format_address_list(list),
            "Alice <alice@a.example>, team: bob@b.example, Carol <carol@c.example>;, "
            "undisclosed-recipients:;, dave@d.example");
}

TEST(Address, FormattingEncodesOrQuotesNamesAndReadsBack) {
  for (const Mailbox& m :
       {Mailbox{"Élodie Martin", "elodie", "b.example"}, Mailbox{"Martin, Bob", "bob", "b.example"},
        Mailbox{"", "john doe", "x.example"}, Mailbox{"Zoë \"Zed\" Ø", "z", "z.example"},
        Mailbox{"Plain Name", "p", "p.example"}}) {
    const auto text = format_mailbox(m);
    EXPECT_EQ(parse_mailbox(text), m) << text;
  }
  EXPECT_EQ(format_mailbox({"Élodie Martin", "elodie", "b.example"}),
            "=?UTF-8?Q?=C3=89lodie_Martin?= <elodie@b.example>");
}

TEST(Address, BadInputNamesThePlace) {
  EXPECT_EQ(error_of(""), "an address is needed here, for example Alice <alice@a.example>");
  EXPECT_EQ(error_of("bob"),
            "'bob': 'bob' has no @domain (an address is written name@domain, for example "
            "bob@b.example)");
  EXPECT_EQ(error_of("Bob <bob@b.example"),
            "'Bob <bob@b.example': the '<' at position 5 has no closing '>'");
  EXPECT_EQ(error_of("\"Bob <bob@b.example>"),
            "'\"Bob <bob@b.example>': the '\"' at position 1 has no closing '\"'");
  EXPECT_EQ(error_of("bob@b.example (oops"),
            "'bob@b.example (oops': the '(' at position 15 has no closing ')'");
  EXPECT_EQ(error_of("bob@"), "'bob@': a domain is expected at position 5, for example b.example");
  EXPECT_EQ(error_of("bob@b..example"),
            "'bob@b..example': a domain is expected at position 5, for example b.example");
  EXPECT_EQ(error_of("@b.example"),
            "'@b.example': the part before @ at position 1 is missing or malformed");
  EXPECT_EQ(error_of("a@b.example; c@d.example"),
            "'a@b.example; c@d.example': unexpected ';' at position 12");
  EXPECT_EQ(error_of("team: a@b.example"),
            "'team: a@b.example' ends too soon: something is missing at the end (a group ends "
            "with ';')");
  EXPECT_EQ(error_of("x@[192.0.2.1", Lang::fr),
            "« x@[192.0.2.1 » : le « [ » en position 3 n'a pas de « ] » fermant");
  EXPECT_EQ(error_of("a\r\nb@c"),
            "'a\\r\\nb@c': the part before @ at position 1 is missing or malformed");
  EXPECT_THROW(parse_mailbox("a@b.example, c@d.example"), AddressError);
  EXPECT_THROW(parse_mailbox("g: a@b.example;"), AddressError);
  EXPECT_THROW(parse_address_list("<>"), AddressError);
  EXPECT_THROW(parse_address_list("g: h: a@b.example;;"), AddressError);
}
