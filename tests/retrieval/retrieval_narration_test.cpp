// Every kind the MDA and the retrieval endpoints emit has a sentence in kRetrievalAll, in both
// languages, with the same placeholders, each of them a field the records really carry.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "agents/delivery/delivery_records.hpp"
#include "agents/narration/retrieval_sentences.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "retrieval_world.hpp"

using namespace retrieval_test;
using namespace mailsim::agents;

namespace {

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  const std::string s(text);
  static const std::regex kPlaceholder(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

const mailsim::Message* sentence(std::string_view kind) {
  for (const auto* m : narration::kRetrievalAll)
    if (m->id == kind) return m;
  return nullptr;
}

// The field names of every record seen, by kind.
struct FieldNames : mailsim::sim::FieldVisitor {
  std::set<std::string> names;
  void add(std::string_view k) { names.insert(std::string(k)); }
  void field(std::string_view k, std::int64_t) override { add(k); }
  void field(std::string_view k, std::uint64_t) override { add(k); }
  void field(std::string_view k, double) override { add(k); }
  void field(std::string_view k, bool) override { add(k); }
  void field(std::string_view k, std::string_view) override { add(k); }
  void field(std::string_view k, mailsim::sim::SimTime) override { add(k); }
};

}  // namespace

TEST(RetrievalNarration, EveryKindHasASentenceInBothLanguagesWithTheSamePlaceholders) {
  std::vector<const mailsim::sim::TraceKind*> all;
  for (const auto* k : delivery_kinds())
    all.push_back(k);
  for (const auto* k : retrieval_kinds())
    all.push_back(k);
  EXPECT_EQ(all.size(), narration::kRetrievalAll.size());
  for (const auto* kind : all) {
    const auto* m = sentence(kind->name);
    ASSERT_NE(m, nullptr) << "no sentence for " << kind->name;
    EXPECT_FALSE(m->en.empty()) << kind->name;
    EXPECT_FALSE(m->fr.empty()) << kind->name;
    EXPECT_NE(m->en, m->fr) << kind->name;
    EXPECT_EQ(placeholders(m->en), placeholders(m->fr)) << kind->name;
  }
}

// A real run: every record the MDA and the endpoints emit names only fields it carries, so
// each sentence is filled in completely.
TEST(RetrievalNarration, EveryPlaceholderIsAFieldOfTheRecordsARealRunEmits) {
  RetrievalWorld w;
  std::map<std::string, std::set<std::string>> fields;  // kind -> field names
  auto id = w.sim.trace().subscribe([&](const mailsim::sim::TraceRecord& r) {
    FieldNames names;
    r.visit_fields(names);
    fields[std::string(r.kind().name)].insert(names.names.begin(), names.names.end());
  });
  MdaConfig config = mda_config();
  config.filing.rules = {{"Subject", "hello", "Greetings"}};
  Mda mda(w.sim, w.store, config);
  mda.add_user("bob", 200);
  mda.deliver({"4B1", "alice@a.example", "bob@b.example", kMessage});
  mda.deliver({"4B2", "alice@a.example", "bob@b.example", kMessage});  // over quota now
  mda.deliver({"4B3", "alice@a.example", "nobody@b.example", kMessage});
  w.imap_server->stop();
  w.imap_server->start();      // listening records for both
  w.deliver(kMessage, "4B4");  // into INBOX: the fetch tells a message's content
  w.pop3(bob_pop3());
  auto job = bob_imap();
  job.password = "wrong";
  w.imap(job);
  w.sim.trace().unsubscribe(id);

  for (const auto* m : narration::kRetrievalAll) {
    auto it = fields.find(std::string(m->id));
    ASSERT_NE(it, fields.end()) << m->id << " was not emitted by the run";
    for (const auto& p : placeholders(m->en)) {
      const std::string field = p == "reason_text" ? "reason" : p;  // derived from it
      EXPECT_TRUE(it->second.count(field)) << m->id << ": {" << p << "} is not a field";
    }
  }
}
