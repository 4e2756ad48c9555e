#pragma once
// What the tests of French output share: the English words the simulator could have left in
// French text, and the protocol bytes a scenario's run shows (which are left out of the search:
// they are the bytes that crossed the network, and the scenario author's own words).
#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "agents/journey/dialogue_records.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/transcript.hpp"
#include "ui/report/journey_log.hpp"

namespace mailsim_test {

// Words that are English and not French, as the simulator's own tokens or prose would leave
// them; protocol keywords in capitals (NXDOMAIN, EHLO) are protocol, so the lower-case tokens
// are searched as written.
inline const std::vector<std::string> kEnglishWords = {
    "records", "record",   "implicit",      "listed",   "timeout",  "default",    "host_down",
    "nodata",  "nxdomain", "authenticated", "attempt",  "attempts", "deferred",   "delivered",
    "queued",  "retry",    "retries",       "bounced",  "refused",  "rejected",   "accepted",
    "failed",  "waiting",  "interval",      "topology", "initial",  "slow_start", "the",
    "and",     "with",     "from",          "not",      "has",      "was",        "none",
    "CONNECT", "GREETED",  "GREETING",      "READY",    "REFUSED",  "DONE",       "AUTHORIZATION",
    "UPDATE",  "selected", "logout",        "Usage",    "tries",    "connect",    "ok"};

// A bit of text that crossed the network, as the output may quote it: raw and as the
// transcript spells control bytes.
inline void add_protocol(std::set<std::string>& out, std::string_view text) {
  if (text.size() < 2) return;
  out.emplace(text);
  out.insert(mailsim::cli::Transcript::visible(text));
}

// Each line of `content` (CRLF ends), and each header field's value on its own, which the
// narration quotes ("Subject" in « ... »).
inline void add_content(std::set<std::string>& out, std::string_view content) {
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
inline std::vector<std::string> protocol_bytes(const std::string& name) {
  std::set<std::string> found;
  auto run = mailsim::cli::start(name, std::nullopt, mailsim::Lang::fr);
  if (!run) return {};
  const auto& model = run->model();
  // The author's words: the title, the description, and the questions the lesson page shows
  // (whole, and line by line, as a page's text may break them).
  std::vector<std::string_view> authored{model.title.fr, model.title.en, model.description.fr};
  for (const auto& q : model.questions)
    authored.insert(authored.end(), {q.ask.fr, q.ask.en, q.answer.fr, q.answer.en});
  for (std::string_view text : authored) {
    add_protocol(found, text);
    for (std::size_t end = text.find('\n'); !text.empty(); end = text.find('\n')) {
      add_protocol(found, text.substr(0, end));
      text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
  }
  // The replies a server gave (a deferral's or a bounce's, quoted by the narration and the
  // charts) and the DNS answers' data (a TXT record's words) are protocol bytes too.
  mailsim::report::JourneyLog log(run->sim().trace());
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
  for (const auto& m : log.mail())
    add_protocol(found, m.reply);
  for (const auto& d : log.dns())
    add_protocol(found, d.answer);
  for (const auto& box : run->view().mailboxes())
    for (const auto& m : box.messages)
      add_content(found, m.content);
  std::vector<std::string> out(found.begin(), found.end());
  // The longest first, so that a line is cut whole before a piece of it is.
  std::sort(out.begin(), out.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

inline bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}

// The English words of `line` (whole words, as written), days written "1d", and "(s)" plurals.
inline std::vector<std::string> english_in(const std::string& line) {
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

// The English words of `line` once every piece of `protocol` (protocol_bytes) is cut out of it.
inline std::vector<std::string> english_outside(const std::string& line,
                                                const std::vector<std::string>& protocol) {
  if (english_in(line).empty()) return {};  // most lines: no need to cut anything
  std::string prose = line;
  for (const std::string& p : protocol)
    for (std::size_t at = prose.find(p); at != std::string::npos; at = prose.find(p, at))
      prose.replace(at, p.size(), " ");
  return english_in(prose);
}

}  // namespace mailsim_test
