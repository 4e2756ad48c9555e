#include <gtest/gtest.h>

#include <memory>

#include "agents/proto/imap/server_session.hpp"
#include "tests/mailbox/sample_store.hpp"
#include "tests/mailbox/test_time.hpp"
#include "tests/mailbox/transcript.hpp"

using namespace mailsim;

namespace {

std::function<test::SessionFactory()> imap_sessions() {
  return [] {
    auto store = std::make_shared<proto::mailbox::MailStore>(test::make_sample_store());
    store->add_account("zoé", "mot de passe été");  // needs literals to log in
    return test::SessionFactory([store](test::Send send) {
      proto::imap::ServerConfig config;
      config.hostname = "imap.example.com";
      config.max_literal = 4096;
      // The calendar of the sample messages' Date fields.
      config.calendar = proto::imf::ScenarioClock(
          std::chrono::sys_days{std::chrono::year{2024} / 1 / 1}, std::chrono::minutes(0));
      auto session = std::make_shared<proto::imap::ServerSession>(*store, config, std::move(send));
      return test::Endpoint{[session] { session->start(test::kT0); },
                            [session](std::string_view b) { session->receive(b, test::kT0); }};
    });
  };
}

}  // namespace

TEST(ImapGolden, SelectFetchStoreSearchExpunge) {
  test::check_golden("imap_session.txt", imap_sessions());
}
TEST(ImapGolden, EveryErrorReply) {
  test::check_golden("imap_errors.txt", imap_sessions());
}
TEST(ImapGolden, LiteralsFromTheClient) {
  test::check_golden("imap_literals.txt", imap_sessions());
}
TEST(ImapGolden, FoldersExamineAndRecent) {
  test::check_golden("imap_folders.txt", imap_sessions());
}
TEST(ImapGolden, AppendAndCopy) {
  test::check_golden("imap_append_copy.txt", imap_sessions());
}
TEST(ImapGolden, FolderHierarchyDeleteRenameSubscribe) {
  test::check_golden("imap_hierarchy.txt", imap_sessions());
}
TEST(ImapGolden, BodyStructureAndPartSections) {
  test::check_golden("imap_mime.txt", imap_sessions());
}
