#include "agents/proto/imf/header.hpp"

#include <gtest/gtest.h>

#include <set>

#include "agents/proto/imf/dsn_messages.hpp"
#include "agents/proto/imf/messages.hpp"

using mailsim::Lang;
using namespace mailsim::proto::imf;

namespace {

constexpr std::string_view kSample =
    "Received: from mx.a.example (mx.a.example [192.0.2.10])\r\n"
    "\tby mx.b.example with ESMTP id 4ABC; Mon, 2 Mar 2026 09:00:00 +0100\r\n"
    "From: Alice <alice@a.example>\r\n"
    "SUBJECT: Hello\r\n"
    "  world\r\n"
    "Date: Mon, 2 Mar 2026 09:00:00 +0100\r\n"
    "X-Empty:\r\n"
    "\r\n"
    "Body line 1\r\n"
    "\r\n"
    "Body line 3\r\n";

std::string error_text(std::string_view text, Lang lang = Lang::en) {
  try {
    parse_message(text);
  } catch (const ParseError& e) {
    return e.text().render(lang);
  }
  return "no error";
}

}  // namespace

TEST(Header, ParsesFieldsInOrderWithOriginalSpellingAndRoundTrips) {
  const auto m = parse_message(kSample);
  ASSERT_EQ(m.header.fields().size(), 5u);
  EXPECT_EQ(m.header.fields()[0].name, "Received");
  EXPECT_EQ(m.header.fields()[2].name, "SUBJECT");
  EXPECT_EQ(m.header.fields()[2].raw, " Hello\r\n  world");
  EXPECT_EQ(m.header.fields()[4].value(), "");
  EXPECT_EQ(m.body, "Body line 1\r\n\r\nBody line 3\r\n");
  EXPECT_EQ(m.to_string(), kSample);
}

TEST(Header, LookupIgnoresCaseAndUnfolds) {
  const auto m = parse_message(kSample);
  EXPECT_EQ(m.header.value("subject"), "Hello  world");
  EXPECT_EQ(m.header.value("RECEIVED"),
            "from mx.a.example (mx.a.example [192.0.2.10])\tby mx.b.example with ESMTP id 4ABC; "
            "Mon, 2 Mar 2026 09:00:00 +0100");
  EXPECT_FALSE(m.header.value("Cc").has_value());
  EXPECT_EQ(m.header.count("from"), 1u);
}

TEST(Header, BareLineFeedsAreAcceptedAndFoldsStoredWithCrlf) {
  const auto m = parse_message("Subject: a\n b\nFrom: x@y\n\nbody\n");
  EXPECT_EQ(m.header.fields()[0].raw, " a\r\n b");
  EXPECT_EQ(m.header.value("Subject"), "a b");
  EXPECT_EQ(m.body, "body\n");
}

TEST(Header, NoBlankLineMeansAllHeaderAndObsoleteSpaceBeforeColon) {
  const auto m = parse_message("Subject : hi\r\nTo: b@c");
  EXPECT_EQ(m.header.fields()[0].name, "Subject");
  EXPECT_EQ(m.header.value("to"), "b@c");
  EXPECT_EQ(m.body, "");
  EXPECT_TRUE(parse_message("").header.empty());
  EXPECT_EQ(parse_message("\r\nonly body").body, "only body");
}

TEST(Header, FoldsAtWhiteSpaceNear78Columns) {
  const std::string value =
      "this subject is long enough that it has to be folded somewhere near the seventy-eighth "
      "column and then once more for good measure because it keeps going on";
  const auto raw = fold("Subject", value);
  EXPECT_EQ(raw,
            " this subject is long enough that it has to be folded somewhere near\r\n"
            " the seventy-eighth column and then once more for good measure because it\r\n"
            " keeps going on");
  std::size_t start = 0;
  const std::string line = "Subject:" + raw;
  while (start < line.size()) {
    auto end = line.find("\r\n", start);
    if (end == std::string::npos) end = line.size();
    EXPECT_LE(end - start, 78u);
    start = end + 2;
  }
  EXPECT_EQ(unfold(raw).substr(1), value);
}

TEST(Header, FoldingKeepsShortValuesAndMultipleSpacesAndNeverLeavesAnEmptyLine) {
  EXPECT_EQ(fold("To", "b@c"), " b@c");
  EXPECT_EQ(fold("To", ""), "");
  const std::string spaced(75, 'a');  // "X: " + 75 + "   bb" passes 78
  const auto raw = fold("X", spaced + "   bb  ");
  EXPECT_EQ(raw, " " + spaced + "\r\n   bb  ");
  EXPECT_EQ(unfold(raw), " " + spaced + "   bb  ");
  // A word longer than the width stays whole on its own line.
  const std::string word(200, 'w');
  EXPECT_EQ(fold("X", "a " + word + " b"), " a\r\n " + word + "\r\n b");
}

TEST(Header, AFieldOfExactlyTheWidthStaysOnOneLineAndOneOctetMoreFolds) {
  const std::string words(70, 'a');
  EXPECT_EQ(fold("X", words + " bcde"), " " + words + " bcde");        // "X: " and 75: 78 octets
  EXPECT_EQ(fold("X", words + " bcdef"), " " + words + "\r\n bcdef");  // 79
  EXPECT_EQ(fold("X", "\tb@c"), "\tb@c");  // white space of its own gets no other
  EXPECT_EQ(fold("X", "aa bb", 8), " aa bb");
  EXPECT_EQ(fold("X", "aa bb", 7), " aa\r\n bb");
  // A width past the line limit does not let a line pass it.
  const std::string long_words = std::string(600, 'w') + " " + std::string(600, 'v');
  EXPECT_THROW(fold("X", long_words, 2000), ParseError);
}

TEST(Header, AppendPrependSetRemove) {
  Header h;
  h.append("From", "alice@a.example");
  h.append("Subject", "one");
  h.prepend("Received", "from x by y; Mon, 2 Mar 2026 09:00:00 +0000");
  h.set("subject", "two");
  h.set("To", "bob@b.example");
  EXPECT_EQ(h.to_string(),
            "Received: from x by y; Mon, 2 Mar 2026 09:00:00 +0000\r\n"
            "From: alice@a.example\r\n"
            "Subject: two\r\n"
            "To: bob@b.example\r\n");
  EXPECT_EQ(h.remove("SUBJECT"), 1u);
  EXPECT_EQ(h.count("Subject"), 0u);
  h.prepend_field(Field{"Received", " from a\r\n\tby b; date"});
  EXPECT_EQ(h.fields()[0].value(), "from a\tby b; date");
  EXPECT_EQ(h.wire_size(), h.to_string().size());
  std::string onto = "before\r\n";
  h.append_to(onto);
  EXPECT_EQ(onto, "before\r\n" + h.to_string());
}

TEST(Header, RejectsHeaderInjectionAndBadNames) {
  Header h;
  EXPECT_THROW(h.append("Subject", "hi\r\nBcc: victim@x"), ParseError);
  EXPECT_THROW(h.append("Bad Name", "x"), ParseError);
  EXPECT_THROW(h.append("", "x"), ParseError);
  EXPECT_THROW(h.append("X", std::string(1200, 'z')), ParseError);
  EXPECT_THROW(h.append_field(Field{"X", " a\r\nb"}), ParseError);  // continuation without WSP
  EXPECT_THROW(h.append_field(Field{"X", " a\rb"}), ParseError);
  EXPECT_TRUE(h.empty());
  try {
    h.append("Subject", "a\nb");
  } catch (const ParseError& e) {
    EXPECT_EQ(e.text().render(Lang::en),
              "the value of Subject holds a line break ('a\\nb'); a field value is one line of "
              "text");
  }
}

TEST(Header, BadInputGetsAnErrorNamingTheLineAndTheBytes) {
  EXPECT_EQ(error_text("From: a@b\r\nthis is not a field\r\n\r\n"),
            "header line 2: 'this is not a field' is not a field (a field is a name, a colon and "
            "a value)");
  EXPECT_EQ(error_text(" folded: first\r\n"),
            "header line 1: ' folded: first' starts with white space but no field comes before it");
  EXPECT_EQ(error_text("Bad\x01Name: x\r\n"),
            "header line 1: 'Bad\\x01Name' is not a field name (printable ASCII without ':' or "
            "space)");
  EXPECT_EQ(error_text(": no name\r\n"),
            "header line 1: '' is not a field name (printable ASCII without ':' or space)");
  const std::string long_line = "X: " + std::string(1000, 'a') + "\r\n";
  EXPECT_EQ(error_text(long_line),
            "header line 1 has 1003 octets; RFC 5322 allows at most 998 (it starts 'X: "
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...')");
  EXPECT_EQ(error_text("From x@y Mon Mar  2 2026\r\n", Lang::fr),
            "ligne 1 de l'en-tête : « From x@y Mon Mar  2 2026 » n'est pas un champ (un "
            "champ est un nom, deux-points et une valeur)");
  EXPECT_EQ(error_text("From x@y Mon Mar  2 09:00:00 2026\r\n"),  // an mbox separator line
            "header line 1: 'From x@y Mon Mar  2 09' is not a field name (printable ASCII without "
            "':' or space)");
  // A long body line is the SMTP layer's business, not the header parser's.
  EXPECT_NO_THROW(parse_message("X: y\r\n\r\n" + std::string(2000, 'b')));
}

TEST(Header, RequiredFields) {
  auto h = parse_header("From: a@b\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\n");
  EXPECT_TRUE(check_required(h).empty());
  h = parse_header("Subject: x\r\nSubject: y\r\nfrom: a@b\r\nFROM: c@d\r\n");
  const auto problems = check_required(h);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].render(Lang::en), "the header has no Date field; RFC 5322 requires one");
  EXPECT_EQ(problems[1].render(Lang::en), "the header has 2 From fields; RFC 5322 allows only one");
  EXPECT_EQ(problems[2].render(Lang::fr),
            "l'en-tête a 2 champs Subject ; la RFC 5322 n'en permet qu'un");
}

namespace {
std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.emplace(text.substr(open + 1, close - open - 1));
  }
  return out;
}
}  // namespace

TEST(Header, CatalogEntriesHaveBothLanguagesAndTheSamePlaceholders) {
  std::vector<const mailsim::Message*> all(msg::kAll.begin(), msg::kAll.end());
  all.insert(all.end(), msg::kDsnAll.begin(), msg::kDsnAll.end());
  std::set<std::string_view> ids;
  for (const auto* m : all) {
    EXPECT_TRUE(ids.insert(m->id).second) << "duplicate id " << m->id;
    EXPECT_EQ(m->id.substr(0, 4), "imf.") << m->id;
    EXPECT_FALSE(m->en.empty()) << m->id;
    EXPECT_FALSE(m->fr.empty()) << m->id;
    EXPECT_NE(m->en, m->fr) << m->id;
    EXPECT_EQ(placeholders(m->en), placeholders(m->fr)) << m->id;
  }
}
