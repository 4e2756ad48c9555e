// `mailsim run` at the story level, the default: short enough to read, the article's roles in
// both languages, one row per message at the end, and --quiet with the table only.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <vector>

#include "cli_helpers.hpp"

namespace {

using mailsim_test::run;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

// The narration's lines: those that start with a time ("00:00:01", "5d 02:00:00.5").
std::size_t story_lines(const std::string& out) {
  static const std::regex timed(R"(^(\d+[dj] )?\d\d:\d\d:\d\d(\.\d+)?  .*)");
  std::size_t n = 0;
  for (const auto& l : lines_of(out))
    n += std::regex_match(l, timed) ? 1 : 0;
  return n;
}

// The rows of the table at the end: the lines after its title that start with two spaces.
std::vector<std::string> table_rows(const std::string& out) {
  std::vector<std::string> rows;
  bool table = false;
  for (const auto& l : lines_of(out)) {
    table =
        table || l == "What became of each message:" || l == "Ce que chaque message est devenu :";
    if (table && l.starts_with("  ")) rows.push_back(l);
  }
  return rows;
}

}  // namespace

TEST(CliStory, TheFirstMailIsTwelveLinesOrFewerAndNamesTheRoles) {
  for (const char* lang : {"en", "fr"}) {
    auto r = run(std::string("run first-mail --lang ") + lang);
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_LE(story_lines(r.out), 12u) << r.out;
    EXPECT_GE(story_lines(r.out), 6u) << r.out;
    for (const char* named : {"alice-pc (MUA)", "smtp.a.example (MSA, MTA, MDA)",
                              "mx.b.example (MTA, MDA)", "bob-pc (MUA)"})
      EXPECT_NE(r.out.find(named), std::string::npos) << lang << ": " << named << "\n" << r.out;
  }
}

TEST(CliStory, SixDaysDownIsFortyLinesOrFewerWithTheAttemptsSummedUp) {
  auto r = run("run recipient-down-six-days");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_LE(story_lines(r.out), 40u) << r.out;
  EXPECT_NE(r.out.find("more attempts failed the same way"), std::string::npos) << r.out;
  auto fr = run("run recipient-down-six-days --lang fr");
  EXPECT_LE(story_lines(fr.out), 40u) << fr.out;
  EXPECT_NE(fr.out.find("autres tentatives ont échoué de la même façon"), std::string::npos)
      << fr.out;
}

TEST(CliStory, TheLevelsTellMoreAndMore) {
  const auto story = run("run first-mail --lang en");
  const auto protocol = run("run first-mail --lang en --level protocol");
  const auto packets = run("run first-mail --lang en --level packets");
  const auto synonym = run("run first-mail --lang en --packets");
  EXPECT_LT(story_lines(story.out), story_lines(protocol.out));
  EXPECT_LT(story_lines(protocol.out), story_lines(packets.out));
  EXPECT_EQ(packets.out, synonym.out);
  EXPECT_NE(protocol.out.find("alice-pc (MUA) sends \"EHLO alice-pc\" to smtp.a.example (MSA, MTA, "
                              "MDA)"),
            std::string::npos)
      << protocol.out;
  auto wrong = run("run first-mail --level protocol --packets");
  EXPECT_EQ(wrong.status, 2);
  EXPECT_NE(wrong.out.find("--packets is the same as --level packets"), std::string::npos);
  auto unknown = run("run first-mail --level everything");
  EXPECT_EQ(unknown.status, 2);
}

TEST(CliStory, TheTableHasOneRowPerMessageWithItsOutcome) {
  auto first = run("run first-mail --lang en");
  auto rows = table_rows(first.out);
  ASSERT_EQ(rows.size(), 1u) << first.out;
  EXPECT_NE(rows[0].find("from alice@a.example to bob@b.example: delivered to "
                         "bob@b.example/INBOX; 1 attempt"),
            std::string::npos)
      << rows[0];
  EXPECT_NE(rows[0].find("via alice-pc (MUA) → smtp.a.example"), std::string::npos) << rows[0];

  // Alice's mail bounces after 5 days; the delay warning and the bounce reach her mailbox.
  auto down = run("run recipient-down-six-days --lang en");
  rows = table_rows(down.out);
  ASSERT_EQ(rows.size(), 3u) << down.out;
  EXPECT_NE(rows[0].find("to bob@b.example: bounced by smtp.a.example"), std::string::npos)
      << rows[0];
  EXPECT_NE(rows[1].find("to alice@a.example: delivered to alice@a.example/INBOX"),
            std::string::npos)
      << rows[1];
  EXPECT_NE(rows[2].find("to alice@a.example: delivered to alice@a.example/INBOX"),
            std::string::npos)
      << rows[2];

  // The table ends every level.
  auto packets = run("run first-mail --lang en --level packets");
  EXPECT_EQ(table_rows(packets.out), table_rows(first.out));
}

TEST(CliStory, QuietPrintsTheTableAndNothingElse) {
  auto r = run("run first-mail --quiet --lang fr");
  EXPECT_EQ(r.status, 0);
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0], "Ce que chaque message est devenu :");
  EXPECT_TRUE(lines[1].starts_with("  <")) << lines[1];
  EXPECT_NE(lines[1].find("distribué dans bob@b.example/INBOX ; 1 tentative"), std::string::npos)
      << lines[1];
  auto level = run("run first-mail --quiet --level protocol");
  EXPECT_EQ(level.status, 2);
}

TEST(CliStory, TheFrenchStoryHoldsNoEnglishWords) {
  auto r = run("run recipient-down-six-days --lang fr");
  // Protocol bytes stay as they are ("250 2.0.0 Ok: queued as ..."); the words around them are
  // French.
  for (const char* english : {" the ", " more ", "attempt", " from ", "delivered to", "bounced by",
                              "still queued", " in all", " apart", " writes ", " sends "})
    EXPECT_EQ(r.out.find(english), std::string::npos) << english << "\n" << r.out;
}

// A message delivered twice is told where the second copy arrives, with what explains it: here
// the 250 after the final dot was lost on a cut link, so the sender sent it again (RFC 1047).
TEST(CliStory, ASecondDeliveryIsToldWithWhatExplainsIt) {
  const std::string file =
      std::string(MAILSIM_SOURCE_DIR) + "/tests/cli/story/lost-250-after-the-dot.yaml";
  const auto en = run("run " + file);
  ASSERT_EQ(en.status, 0) << en.out;
  const std::string told =
      "was delivered 2 times to bob@b.example: a server took it, but its 250 "
      "reply after the final dot never reached the sender";
  ASSERT_NE(en.out.find(told), std::string::npos) << en.out;
  // Right after the second delivery, not at the first.
  const std::size_t second = en.out.find("delivered 20C4C2A9DB to the mailbox");
  ASSERT_NE(second, std::string::npos) << en.out;
  EXPECT_LT(second, en.out.find(told));
  EXPECT_EQ(en.out.find(told), en.out.rfind(told));
  const auto fr = run("run " + file + " --lang fr");
  ASSERT_EQ(fr.status, 0) << fr.out;
  EXPECT_NE(fr.out.find("a été distribué 2 fois à bob@b.example : un serveur l'a pris"),
            std::string::npos)
      << fr.out;
  // The table at the end counts the copies.
  EXPECT_NE(en.out.find("delivered 2 times to bob@b.example/INBOX"), std::string::npos) << en.out;
  EXPECT_NE(fr.out.find("distribué 2 fois dans bob@b.example/INBOX"), std::string::npos) << fr.out;
  // One delivery: nothing of the kind.
  EXPECT_EQ(run("run mail-across-the-internet").out.find("delivered 2 times"), std::string::npos);
}
