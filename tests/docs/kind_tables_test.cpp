// The kind tables of docs/network.md and docs/agents.md list exactly the kinds the code emits
// (agents/record_kinds.hpp): a kind added, renamed or removed in the code fails here until its
// document says so.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "agents/record_kinds.hpp"

using namespace mailsim;

namespace {

// The kinds named in the first column of a document's kind tables (those whose first column
// is headed "kind"): "| `smtp.client.sent`, `smtp.client.received` |". A bare word after a full
// kind keeps its prefix: "`net.link.down` / `up`" names net.link.up, "`smtp.client.completed`,
// `refused`" smtp.client.refused.
std::set<std::string> kinds_in_tables(const std::string& doc) {
  std::ifstream in(std::string(MAILSIM_SOURCE_DIR) + "/" + doc);
  EXPECT_TRUE(in) << doc;
  std::set<std::string> out;
  std::string line;
  bool in_kind_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("| kind |", 0) == 0) in_kind_table = true;
    if (line.rfind("|", 0) != 0) in_kind_table = false;
    if (!in_kind_table || line.rfind("| `", 0) != 0) continue;
    const std::string first = line.substr(2, line.find(" |", 2) - 2);
    std::string prefix;
    for (std::size_t at = first.find('`'); at != std::string::npos;) {
      const std::size_t end = first.find('`', at + 1);
      const std::string name = first.substr(at + 1, end - at - 1);
      if (name.find('.') != std::string::npos) {
        prefix = name.substr(0, name.rfind('.') + 1);
        out.insert(name);
      } else if (!prefix.empty()) {
        out.insert(prefix + name);
      }
      at = first.find('`', end + 1);
    }
  }
  return out;
}

std::string listed(const std::set<std::string>& names) {
  std::ostringstream s;
  for (const auto& n : names)
    s << n << " ";
  return s.str();
}

}  // namespace

TEST(KindTables, EachDocumentListsExactlyTheKindsOfItsFamilies) {
  std::set<std::string> docs;
  for (const auto& family : agents::record_families())
    if (!family.doc.empty()) docs.insert(std::string(family.doc));
  ASSERT_EQ(docs, (std::set<std::string>{"docs/agents.md", "docs/network.md"}));
  for (const std::string& doc : docs) {
    std::set<std::string> code;
    for (const auto& family : agents::record_families())
      if (family.doc == doc)
        for (const sim::TraceKind* k : family.kinds)
          code.insert(std::string(k->name));
    std::set<std::string> written = kinds_in_tables(doc), missing, unknown;
    for (const auto& k : code)
      if (!written.count(k)) missing.insert(k);
    for (const auto& k : written)
      if (!code.count(k)) unknown.insert(k);
    EXPECT_TRUE(missing.empty()) << doc << " does not list: " << listed(missing);
    EXPECT_TRUE(unknown.empty()) << doc
                                 << " lists kinds the code does not emit: " << listed(unknown);
  }
}

TEST(KindTables, NoKindIsInTwoFamilies) {
  std::set<std::string> seen;
  for (const auto& family : agents::record_families())
    for (const sim::TraceKind* k : family.kinds)
      EXPECT_TRUE(seen.insert(std::string(k->name)).second) << k->name;
}

// docs/network.md also says how many kinds the network has ("`all_kinds()` lists them (22)").
TEST(KindTables, TheNetworkDocumentCountsItsKinds) {
  std::ifstream in(std::string(MAILSIM_SOURCE_DIR) + "/docs/network.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const std::string said = "lists them (";
  const std::size_t at = doc.find(said);
  ASSERT_NE(at, std::string::npos);
  const std::size_t net = agents::record_families().front().kinds.size();
  ASSERT_EQ(agents::record_families().front().name, "net");
  EXPECT_EQ(doc.substr(at + said.size(), doc.find(')', at) - at - said.size()),
            std::to_string(net));
}
