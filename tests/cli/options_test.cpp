// The options every command shares and the values `mailsim run` checks itself: --quiet,
// --seed and --until errors in both languages, the time forms, --version, --help.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "run_mailsim.hpp"

namespace {

using mailsim_test::Result;
using mailsim_test::run;

std::string last_line(const std::string& text) {
  const std::size_t end = text.find_last_not_of('\n');
  const std::size_t start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - start) + "\n";
}

}  // namespace

TEST(Options, QuietRunPrintsOnlyWhatBecameOfEachMessage) {
  Result full = run("run first-mail --lang en");
  Result quiet = run("run first-mail --lang en --quiet");
  EXPECT_EQ(quiet.status, 0);
  // The table that ends the full run, before its last line.
  const std::size_t table = full.out.find("What became of each message:");
  ASSERT_NE(table, std::string::npos) << full.out;
  const std::string end = last_line(full.out);
  EXPECT_EQ(quiet.out, full.out.substr(table, full.out.size() - table - end.size() - 1));
  EXPECT_EQ(run("-q run first-mail --lang en").out, quiet.out);  // before the command too
}

TEST(Options, QuietCannotGoWithWhatItWouldHide) {
  Result r = run("run first-mail --quiet --transcript");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "--quiet shows only the end of the run, so it cannot go with --transcript\n");
  EXPECT_EQ(run("run first-mail --quiet --packets").status, 2);
  EXPECT_EQ(run("run first-mail --quiet --format json").status, 2);
  Result fr = run("run first-mail --quiet --transcript --lang fr");
  EXPECT_EQ(fr.out,
            "--quiet ne montre que la fin de la simulation, il ne peut donc pas aller avec "
            "--transcript\n");
}

TEST(Options, QuietCheckShowsOnlyFailuresAndTheSummary) {
  Result ok = run("check first-mail --quiet --lang en");
  EXPECT_EQ(ok.status, 0);
  EXPECT_EQ(ok.out, "4 of 4 expectations met\n");
  const std::string path = ::testing::TempDir() + "quiet-firewall.yaml";
  std::string text = mailsim_test::read_file(std::string(MAILSIM_SOURCE_DIR) +
                                             "/scenarios/library/firewall-port-25.yaml");
  text.replace(text.find("action: drop"), 12, "action: reject");
  std::ofstream(path) << text;
  Result fail = run("check " + path + " --quiet --lang en");
  EXPECT_EQ(fail.status, 1);
  EXPECT_EQ(fail.out,
            "FAIL  a connection from alice-pc to mx.b.example port 25 is timed out within "
            "00:03:00: the connection was refused at 00:00:01.054044\n\n0 of 1 expectations "
            "met\n");
  std::filesystem::remove(path);
}

TEST(Options, QuietValidateAndList) {
  Result v = run("validate first-mail --quiet");
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out, "");
  Result list = run("list --quiet --lang en");
  EXPECT_EQ(list.out.find("mailsim run NAME"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("first-mail  The first mail\n"), std::string::npos) << list.out;
}

TEST(Options, SeedMustBeAWholeNumber) {
  for (const char* bad : {"abc", "-1", "7x", "1.5", "18446744073709551616"}) {
    Result r = run(std::string("run first-mail --lang en --seed=") + bad);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_EQ(r.out, std::string("--seed: '") + bad +
                         "' is not a seed; give a whole number from 0 to 18446744073709551615, "
                         "for example --seed 7\n")
        << bad;
  }
  Result fr = run("run first-mail --lang fr --seed sept");
  EXPECT_EQ(fr.status, 2);
  EXPECT_EQ(fr.out,
            "--seed : « sept » n'est pas une graine ; donnez un nombre entier de 0 à "
            "18446744073709551615, par exemple --seed 7\n");
  EXPECT_EQ(run("check first-mail --seed x").status, 2);
  EXPECT_EQ(run("run first-mail --quiet --seed 18446744073709551615").status, 0);
  EXPECT_EQ(run("check first-mail --quiet --seed 0").status, 0);
}

TEST(Options, UntilErrorsAreExplainedInBothLanguages) {
  Result unit = run("run first-mail --lang en --until 10parsecs");
  EXPECT_EQ(unit.status, 2);
  EXPECT_EQ(unit.out.rfind("--until: '10parsecs': unknown time unit 'parsecs'", 0), 0u) << unit.out;
  Result fr = run("run first-mail --lang fr --until 10parsecs");
  EXPECT_EQ(fr.status, 2);
  EXPECT_EQ(fr.out.rfind("--until : ", 0), 0u) << fr.out;
  EXPECT_NE(fr.out.find("parsecs"), std::string::npos) << fr.out;
  for (const char* bad : {"0", "-5s", "00:00:00"}) {
    Result r = run(std::string("run first-mail --lang en --until=") + bad);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_EQ(r.out, std::string("--until: '") + bad +
                         "' is not after the start of the run; give a later time, for example "
                         "90s, 1h30min or 00:05:00\n");
  }
  Result empty = run("run first-mail --lang en --until ''");
  EXPECT_EQ(empty.status, 2);
  EXPECT_EQ(empty.out.rfind("--until: a time is needed here", 0), 0u) << empty.out;
  EXPECT_EQ(run("run first-mail --until").status, 2);  // CLI11: a value is needed
  // Beyond 100 years: refused with the limit named (the progress slices cannot overflow).
  Result far = run("run first-mail --lang en --until 99999999d");
  EXPECT_EQ(far.status, 2);
  EXPECT_EQ(far.out,
            "--until: '99999999d' is more than 36500d (100 years, the longest a scenario may "
            "last) after the start; give an earlier time\n");
  Result far_fr = run("run first-mail --lang fr --until 99999999d");
  EXPECT_EQ(far_fr.out,
            "--until : « 99999999d » est plus de 36500d (100 ans, la plus longue durée d'un "
            "scénario) après le début ; donnez un temps plus proche\n");
}

// Every form of the one time parser (sim/time.hpp) works on the command line.
TEST(Options, UntilTakesEveryFormOfTheTimeParser) {
  const std::pair<const char*, const char*> forms[] = {
      {"90s", "00:01:30"},          {"1h30min", "01:30:00"},
      {"00:00:05", "00:00:05"},     {"'1d 02:00:00'", "1d 02:00:00"},
      {"250ms", "00:00:00.250000"}, {"1.5h", "01:30:00"},
  };
  for (const auto& [typed, shown] : forms) {
    Result r = run(std::string("run first-mail --lang en --until ") + typed);
    EXPECT_EQ(r.status, 0) << typed << "\n" << r.out;
    EXPECT_EQ(last_line(r.out).rfind(std::string("End of the run at ") + shown + " (", 0), 0u)
        << typed << "\n"
        << r.out;
  }
}

TEST(Options, VersionIsPrinted) {
  Result r = run("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(std::regex_match(r.out, std::regex("mailsim [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
}

TEST(Options, EveryCommandsHelpHasExamplesInBothLanguages) {
  for (const char* cmd : {"run", "list", "show", "check", "validate"}) {
    Result en = run(std::string(cmd) + " --help --lang en");
    EXPECT_EQ(en.status, 0) << cmd;
    EXPECT_NE(en.out.find("Examples:\n  mailsim " + std::string(cmd)), std::string::npos) << en.out;
    Result fr = run(std::string("--lang fr ") + cmd + " --help");
    EXPECT_NE(fr.out.find("Exemples :\n  mailsim " + std::string(cmd)), std::string::npos)
        << fr.out;
  }
  Result top = run("--help --lang en");
  EXPECT_EQ(top.status, 0);
  EXPECT_NE(top.out.find("mailsim run first-mail --transcript"), std::string::npos) << top.out;
}

TEST(Options, UsageMistakesExitWithTwo) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("fly first-mail").status, 2);
  EXPECT_EQ(run("run first-mail --colour").status, 2);
  EXPECT_EQ(run("run first-mail --format xml").status, 2);
}

TEST(Options, CommandLineMistakesAreSaidInTheUsersLanguage) {
  Result en = run("run --bogus first-mail --lang en");
  EXPECT_EQ(en.status, 2);
  EXPECT_EQ(en.out,
            "'--bogus' is not an option or an argument of this command. See 'mailsim --help' or "
            "'mailsim COMMAND --help'\n");
  Result fr = run("run --lang fr");
  EXPECT_EQ(fr.status, 2);
  EXPECT_EQ(fr.out,
            "il manque scenario. Voyez « mailsim --help » ou « mailsim COMMANDE --help »\n");
  Result other = run("run first-mail --format xml --lang en");
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.out.find("the command line is wrong: --format: xml not in {text,json}"),
            std::string::npos)
      << other.out;
}
