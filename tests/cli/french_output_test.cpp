// The French output holds no English outside protocol bytes: every library scenario is run in
// French at every level, with --transcript and with --show-messages, and each line is searched
// for English words the simulator could have written itself. Protocol bytes are left out
// exactly: the same scenario is run here too, and every line that crossed the network (SMTP,
// POP3, IMAP and typed lines, a message's content), every line and header value of a message
// the mailboxes hold, and the scenario's own title and description (its author's words) are
// cut out of the output before the search. What the simulator writes itself (its diagnostics,
// state names, reasons) is not on that list, so it must be French.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "cli_helpers.hpp"
#include "french_scan.hpp"
#include "scenarios/library/builtin.hpp"

namespace {

using mailsim_test::english_in;
using mailsim_test::english_outside;
using mailsim_test::protocol_bytes;
using mailsim_test::run;

class FrenchOutput : public testing::TestWithParam<std::string> {};

TEST_P(FrenchOutput, HoldsNoEnglishOutsideProtocolBytes) {
  const std::string name = GetParam();
  const std::vector<std::string> protocol = protocol_bytes(name);
  ASSERT_FALSE(protocol.empty()) << name << " did not build";
  std::vector<std::string> failures;
  for (const char* mode : {"--level story", "--level protocol", "--level packets", "--transcript",
                           "--show-messages"}) {
    const auto r = run("run " + name + " --lang fr " + mode);
    ASSERT_EQ(r.status, 0) << name << " " << mode << "\n" << r.out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      for (const std::string& w : english_outside(line, protocol))
        failures.push_back(std::string(mode) + ": \"" + w + "\" in: " + line);
    }
  }
  // One of each, so that a word repeated on every retry is reported once.
  std::sort(failures.begin(), failures.end());
  failures.erase(std::unique(failures.begin(), failures.end()), failures.end());
  std::string report;
  for (const std::string& f : failures)
    report += f + "\n";
  EXPECT_TRUE(failures.empty()) << name << ": " << failures.size() << " lines\n" << report;
}

INSTANTIATE_TEST_SUITE_P(Library, FrenchOutput, testing::ValuesIn(mailsim_test::library_names()),
                         mailsim_test::scenario_test_name);

// The scan itself: it finds what it must, and leaves protocol bytes alone.
TEST(FrenchOutputScan, FindsEnglishWordsDaysAndPluralForms) {
  EXPECT_EQ(english_in("garde b.example. MX (records) dans son cache"),
            std::vector<std::string>{"records"});
  EXPECT_EQ(english_in("à 5d 00:55:30"), std::vector<std::string>{"<n>d"});
  EXPECT_EQ(english_in("1 destinataire(s)"), std::vector<std::string>{"(s)"});
  EXPECT_TRUE(english_in("le domaine n'existe pas (NXDOMAIN) ; 5 j 2 h").empty());
  EXPECT_TRUE(english_in("thermodynamique, recordset").empty());  // parts of words
}

}  // namespace
