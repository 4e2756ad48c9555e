#include <gtest/gtest.h>

#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "agents/journey/messages.hpp"
#include "agents/mta/messages.hpp"
#include "agents/mua/messages.hpp"
#include "agents/narration/dns_sentences.hpp"
#include "agents/narration/field_words.hpp"
#include "agents/narration/mua_sentences.hpp"
#include "agents/narration/net_sentences.hpp"
#include "agents/narration/retrieval_sentences.hpp"
#include "agents/narration/sentence_variants.hpp"
#include "agents/narration/sentences.hpp"
#include "agents/narration/smtp_sentences.hpp"
#include "agents/narration/story_sentences.hpp"
#include "agents/proto/dns/mail_messages.hpp"
#include "agents/proto/dns/messages.hpp"
#include "agents/proto/dns/spf_messages.hpp"
#include "agents/proto/imf/dsn_messages.hpp"
#include "agents/proto/imf/messages.hpp"
#include "agents/proto/smtp/messages.hpp"
#include "scenarios/build/check_messages.hpp"
#include "scenarios/exercise/exercise_messages.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/yaml_problems.hpp"
#include "sim/messages.hpp"
#include "sim/net/messages.hpp"
#include "ui/cli/classroom_text.hpp"
#include "ui/cli/cli_text.hpp"
#include "ui/cli/help_text.hpp"
#include "ui/cli/lesson_report_text.hpp"
#include "ui/cli/serve_text.hpp"
#include "ui/report/lesson_text.hpp"
#include "ui/report/report_text.hpp"

using mailsim::Message;

namespace {

struct Section {
  std::string name;
  std::vector<const Message*> entries;
};

template <std::size_t N>
Section section(std::string name, const std::array<const Message*, N>& entries) {
  return Section{std::move(name), std::vector<const Message*>(entries.begin(), entries.end())};
}

std::vector<Section> catalog() {
  namespace a = mailsim::agents;
  namespace p = mailsim::proto;
  std::vector<Section> all{
      section("sim", mailsim::sim::msg::kAll),
      section("sim/net", mailsim::sim::net::msg::kAll),
      section("smtp", p::smtp::msg::kAll),
      section("imf", p::imf::msg::kAll),
      section("imf/dsn", p::imf::msg::kDsnAll),
      section("dns", p::dns::msg::kAll),
      section("dns/mail", p::dns::msg::kMailAll),
      section("dns/spf", p::dns::msg::kSpfAll),
      section("journey", a::msg::kJourneyAll),
      section("mta", a::msg::kMtaAll),
      section("narration", a::narration::kAll),
      section("narration/net", a::narration::kNetAll),
      section("narration/smtp", a::narration::kSmtpAll),
      section("narration/retrieval", a::narration::kRetrievalAll),
      section("narration/dns", a::narration::kDnsAll),
      section("narration/mua", a::narration::kMuaAll),
      section("narration/variants", a::narration::kVariantAll),
      section("narration/story", a::narration::kStoryAll),
      section("narration/words", a::narration::kFieldWordAll),
      section("mua", a::mua_msg::kAll),
      section("scenarios", mailsim::scenarios::msg::kAll),
      section("scenarios/yaml", mailsim::scenarios::msg::kYamlProblems),
      section("check", mailsim::scenarios::check::kAll),
      section("cli", mailsim::cli::msg::kAll),
      section("cli/help", mailsim::cli::help::kAll),
      section("report", mailsim::report::msg::kAll),
      section("cli/serve", mailsim::cli::msg::kServeAll),
      section("cli/report", mailsim::cli::msg::kReportAll),
      section("report/lesson", mailsim::report::lesson::kAll),
      section("cli/classroom", mailsim::cli::classroom::kAll),
      section("exercise", mailsim::scenarios::exercise_msg::kAll),
  };
  all.push_back(Section{"narration/derived",
                        {&a::narration::kNoSmtpReply, &a::narration::kSegmentData,
                         &a::narration::kLiteralSummary, &a::narration::kUnknownHost}});
  Section reasons{"narration/reasons", {}};
  for (const auto& r : a::narration::kReasons)
    reasons.entries.push_back(&r.text);
  all.push_back(reasons);
  Section retrieval_reasons{"narration/retrieval_reasons", {}};
  for (const auto& r : a::narration::kRetrievalReasons)
    retrieval_reasons.entries.push_back(&r.text);
  all.push_back(retrieval_reasons);
  return all;
}

std::set<std::string> placeholders(std::string_view s) {
  std::set<std::string> out;
  for (std::size_t i = s.find('{'); i != std::string_view::npos; i = s.find('{', i + 1)) {
    if (i + 1 < s.size() && s[i + 1] == '{') {
      ++i;
      continue;
    }
    const std::size_t close = s.find('}', i);
    if (close != std::string_view::npos) out.insert(std::string(s.substr(i, close - i + 1)));
  }
  return out;
}

}  // namespace

TEST(Catalog, EveryEntryInBothLanguagesWithTheSamePlaceholders) {
  std::size_t count = 0;
  for (const auto& sec : catalog()) {
    for (const Message* m : sec.entries) {
      ++count;
      EXPECT_FALSE(m->id.empty()) << sec.name;
      EXPECT_FALSE(m->en.empty()) << sec.name << " " << m->id;
      EXPECT_FALSE(m->fr.empty()) << sec.name << " " << m->id;
      EXPECT_EQ(placeholders(m->en), placeholders(m->fr)) << sec.name << " " << m->id;
    }
  }
  EXPECT_GT(count, 200u);
}

TEST(Catalog, NoIdIsUsedTwice) {
  std::map<std::string, std::string> seen;  // id -> section
  for (const auto& sec : catalog()) {
    for (const Message* m : sec.entries) {
      auto [it, fresh] = seen.emplace(std::string(m->id), sec.name);
      EXPECT_TRUE(fresh) << "'" << m->id << "' is in " << it->second << " and in " << sec.name;
    }
  }
}
