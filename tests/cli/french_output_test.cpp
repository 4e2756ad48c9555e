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
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "agents/journey/dialogue_records.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "cli_helpers.hpp"
#include "scenarios/library/builtin.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/transcript.hpp"

namespace {

using mailsim_test::run;

// Words that are English and not French, as the simulator's own tokens or prose would leave
// them; protocol keywords in capitals (NXDOMAIN, EHLO) are protocol, so the lower-case tokens
// are searched as written.
const std::vector<std::string> kEnglishWords = {
    "records", "record",   "implicit",      "listed",   "timeout",  "default",    "host_down",
    "nodata",  "nxdomain", "authenticated", "attempt",  "attempts", "deferred",   "delivered",
    "queued",  "retry",    "retries",       "bounced",  "refused",  "rejected",   "accepted",
    "failed",  "waiting",  "interval",      "topology", "initial",  "slow_start", "the",
    "and",     "with",     "from",          "not",      "has",      "was",        "none",
    "CONNECT", "GREETED",  "GREETING",      "READY",    "REFUSED",  "DONE",       "AUTHORIZATION",
    "UPDATE",  "selected", "logout",        "Usage",    "tries",    "connect",    "ok"};

// A bit of text that crossed the network, as the output may quote it: raw and as the
// transcript spells control bytes.
void add_protocol(std::set<std::string>& out, std::string_view text) {
  if (text.size() < 2) return;
  out.emplace(text);
  out.insert(mailsim::cli::Transcript::visible(text));
}

// Each line of `content` (CRLF ends), and each header field's value on its own, which the
// narration quotes ("Subject" in « ... »).
void add_content(std::set<std::string>& out, std::string_view content) {
  bool header = true;
  while (!content.empty()) {
    const std::size_t end = content.find("\r\n");
    const std::string_view line = content.substr(0, end);
    add_protocol(out, line);
    if (line.empty()) header = false;
    if (header && line.find(':') != std::string_view::npos) {
      std::string_view value = line.substr(line.find(':') + 1);
      while (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
      add_protocol(out, value);
    }
    content = end == std::string_view::npos ? std::string_view{} : content.substr(end + 2);
  }
}

// Runs the scenario here as the command line does, and keeps every protocol byte it shows.
std::vector<std::string> protocol_bytes(const std::string& name) {
  std::set<std::string> found;
  auto run = mailsim::cli::start(name, std::nullopt, mailsim::Lang::fr);
  if (!run) return {};
  const auto& model = run->model();
  for (std::string_view line : {model.title.fr, model.title.en, model.description.fr})
    add_protocol(found, line);
  auto id = run->sim().trace().subscribe([&](const mailsim::sim::TraceRecord& r) {
    if (const auto* line = dynamic_cast<const mailsim::agents::DialogueLineRecord*>(&r))
      add_protocol(found, line->line);
    if (const auto* content = dynamic_cast<const mailsim::agents::DialogueContentRecord*>(&r))
      add_content(found, content->text);
  });
  if (model.duration)
    run->run_until(*model.duration);
  else
    run->run_to_completion();
  run->sim().trace().unsubscribe(id);
  for (const auto& box : run->view().mailboxes())
    for (const auto& m : box.messages)
      add_content(found, m.content);
  std::vector<std::string> out(found.begin(), found.end());
  // The longest first, so that a line is cut whole before a piece of it is.
  std::sort(out.begin(), out.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}

// The English words of `line` (whole words, as written), days written "1d", and "(s)" plurals.
std::vector<std::string> english_in(const std::string& line) {
  std::vector<std::string> found;
  for (const std::string& w : kEnglishWords)
    for (std::size_t at = line.find(w); at != std::string::npos; at = line.find(w, at + 1)) {
      const bool starts = at == 0 || !word_char(line[at - 1]);
      const bool ends = at + w.size() == line.size() || !word_char(line[at + w.size()]);
      if (starts && ends) found.push_back(w);
    }
  static const std::regex days(R"((^|[^\w])\d+d\b)");
  if (std::regex_search(line, days)) found.push_back("<n>d");
  for (const char* plural : {"(s)", "(x)", "(es)", "(ies)"})
    if (line.find(plural) != std::string::npos) found.push_back(plural);
  return found;
}

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
      if (english_in(line).empty()) continue;  // most lines: no need to cut anything
      std::string prose = line;
      for (const std::string& p : protocol)
        for (std::size_t at = prose.find(p); at != std::string::npos; at = prose.find(p, at))
          prose.replace(at, p.size(), " ");
      for (const std::string& w : english_in(prose))
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

std::vector<std::string> library() {
  std::vector<std::string> names;
  for (const auto& s : mailsim::scenarios::builtin_scenarios())
    names.emplace_back(s.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(Library, FrenchOutput, testing::ValuesIn(library()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

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
