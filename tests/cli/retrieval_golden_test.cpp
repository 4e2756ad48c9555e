// Fetching mail as a student reads it: the library's mailbox-full scenario, whose mail client
// fetches by POP3, with its dialogue in English and narrated in French (golden files).
#include <gtest/gtest.h>

#include "cli_helpers.hpp"

using mailsim_test::golden;
using mailsim_test::Result;
using mailsim_test::run;

TEST(RetrievalGolden, ThePop3DialogueOfAFullMailboxInEnglish) {
  Result r = run("run mailbox-full --transcript --lang en");
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.out == golden("mailbox-full.transcript.en.txt"))
      << "the output differs from tests/cli/golden/mailbox-full.transcript.en.txt; regenerate it "
         "with `mailsim run mailbox-full --transcript --lang en` after reading the difference";
}

TEST(RetrievalGolden, AFullMailboxNarratedInFrench) {
  Result r = run("run mailbox-full --lang fr");
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.out == golden("mailbox-full.fr.txt"))
      << "the output differs from tests/cli/golden/mailbox-full.fr.txt; regenerate it with "
         "`mailsim run mailbox-full --lang fr` after reading the difference";
}
