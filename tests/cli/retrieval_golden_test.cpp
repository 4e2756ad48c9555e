// Fetching mail as a student reads it: the library's mailbox-full scenario, whose mail client
// fetches by POP3, with its dialogue in English and narrated in French (golden files).
#include <gtest/gtest.h>

#include "cli_helpers.hpp"
#include "tests/golden.hpp"

using mailsim::test::check_golden;
using mailsim_test::Result;
using mailsim_test::run;

TEST(RetrievalGolden, ThePop3DialogueOfAFullMailboxInEnglish) {
  Result r = run("run mailbox-full --transcript --lang en");
  EXPECT_EQ(r.status, 0);
  check_golden("mailbox-full.transcript.en.txt", r.out);
}

TEST(RetrievalGolden, AFullMailboxNarratedInFrench) {
  Result r = run("run mailbox-full --lang fr");
  EXPECT_EQ(r.status, 0);
  check_golden("mailbox-full.fr.txt", r.out);
}
