// The `mailsim` command as a user runs it: exit codes, narration in both languages (golden
// files), JSON lines, determinism, and every library scenario valid.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"
#include "tests/golden.hpp"

namespace {

using mailsim::test::check_golden;
using mailsim_test::library;
using mailsim_test::Result;
using mailsim_test::run;

}  // namespace

TEST(Cli, NarratesTheFirewallScenarioInEnglishAndFrench) {
  Result en = run("run " + library("firewall-port-25.yaml") + " --lang en");
  EXPECT_EQ(en.status, 0);
  check_golden("firewall-port-25.en.txt", en.out);
  Result fr = run("--lang fr run " + library("firewall-port-25.yaml"));
  EXPECT_EQ(fr.status, 0);
  check_golden("firewall-port-25.fr.txt", fr.out);
}

TEST(Cli, SameScenarioSameSeedSameTraceBytes) {
  Result a = run("run " + library("firewall-port-25.yaml") + " --format json --seed 7");
  Result b = run("run " + library("firewall-port-25.yaml") + " --format json --seed 7");
  EXPECT_EQ(a.status, 0);
  EXPECT_EQ(a.out, b.out);
  std::istringstream lines(a.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);  // throws, failing the test, on a bad line
    EXPECT_TRUE(j.contains("t_us") && j.contains("kind")) << line;
    ++n;
  }
  EXPECT_GT(n, 20);
}

TEST(Cli, UntilStopsTheRunAndBadTimesAreExplained) {
  Result r = run("run " + library("firewall-port-25.yaml") + " --until 10s");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("End of the run at 00:00:10"), std::string::npos) << r.out;
  Result bad = run("run " + library("firewall-port-25.yaml") + " --until 10parsecs");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("unknown time unit 'parsecs'"), std::string::npos) << bad.out;
}

TEST(Cli, ValidateReportsEveryErrorAndExitsWithTwo) {
  const std::string path = ::testing::TempDir() + "broken-lesson.yaml";
  std::ofstream(path) << "title: x\nnetwork:\n  hosts:\n    - name: a\n      adress: 192.0.2.1\n";
  Result r = run("validate " + path);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, path + ":4:7: error: host a needs 'address'; add a line 'address: ...'\n" +
                       path +
                       ":5:7: error: unknown key 'adress' in host a; did you mean 'address'?\n");
  std::filesystem::remove(path);
  EXPECT_EQ(run("validate /nonexistent.yaml").status, 2);
}

TEST(Cli, EveryLibraryScenarioIsValid) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(MAILSIM_SOURCE_DIR) +
                                                               "/scenarios/library")) {
    if (entry.path().extension() != ".yaml") continue;
    Result r = run("validate " + entry.path().string());
    EXPECT_EQ(r.status, 0) << r.out;
    ++count;
  }
  EXPECT_GE(count, 1);
}

TEST(Cli, ListShowAndRunBuiltInScenariosByName) {
  Result list = run("list --lang fr");
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("firewall-port-25  Un pare-feu bloque le port 25"), std::string::npos)
      << list.out;
  Result show = run("show firewall-port-25");
  EXPECT_EQ(show.status, 0);
  std::ifstream in(library("firewall-port-25.yaml"));
  std::stringstream file;
  file << in.rdbuf();
  EXPECT_EQ(show.out, file.str());
  check_golden("firewall-port-25.en.txt", run("run firewall-port-25 --lang en").out);
  Result typo = run("run firewal-port-25");
  EXPECT_EQ(typo.status, 2);
  EXPECT_EQ(typo.out,
            "firewal-port-25: error: there is no file and no built-in scenario named "
            "'firewal-port-25'; did you mean 'firewall-port-25'?\n");
}

TEST(Cli, CheckGradesTheLessonAndFailsWhenItsParameterChanges) {
  Result ok = run("check firewall-port-25 --lang fr");
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_EQ(ok.out,
            "Un pare-feu bloque le port 25\n\nRÉUSSI  une connexion de alice-pc vers mx.b.example "
            "port 25 est expirée en moins de 00:03:00 : constaté à 00:02:08\n\n1 "
            "vérification réussie sur 1\n");
  // The lesson turns on the firewall dropping packets: rejecting them must fail the check.
  std::ifstream in(library("firewall-port-25.yaml"));
  std::stringstream text;
  text << in.rdbuf();
  std::string changed = text.str();
  changed.replace(changed.find("action: drop"), 12, "action: reject");
  const std::string path = ::testing::TempDir() + "firewall-reject.yaml";
  std::ofstream(path) << changed;
  Result fail = run("check " + path);
  EXPECT_EQ(fail.status, 1);
  EXPECT_NE(fail.out.find("FAIL  a connection from alice-pc to mx.b.example port 25 is timed out "
                          "within 00:03:00: the connection was refused at 00:00:01.054044"),
            std::string::npos)
      << fail.out;
  std::filesystem::remove(path);
}

TEST(Cli, EveryLibraryScenarioPassesItsCheck) {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(MAILSIM_SOURCE_DIR) +
                                                               "/scenarios/library")) {
    if (entry.path().extension() != ".yaml") continue;
    Result r = run("check " + entry.path().string());
    EXPECT_EQ(r.status, 0) << entry.path() << "\n" << r.out;
  }
}

// Each lesson turns on one parameter: changing it must make `mailsim check` fail.
// The whole trace of the first mail, every packet included, as scripts read it: any change in
// what the simulation does or records shows up here.
TEST(Cli, TheJsonTraceOfTheFirstMailIsGolden) {
  Result r = run("run first-mail --format json");
  EXPECT_EQ(r.status, 0);
  check_golden("first-mail.trace.jsonl", r.out);
}

TEST(Cli, TheCongestedLinkIsAvoidedAndTheNarrationSaysSo) {
  Result r = run("run congested-link --lang en");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("isp-a now sends packets for mx.b.example (MTA, MDA) over the link "
                       "isp-a-isp-c instead of direct"),
            std::string::npos)
      << r.out;
  // It says `routing: least-busy`: the narration says what the cost counts.
  EXPECT_NE(r.out.find("ms: latency plus waiting in the queues)"), std::string::npos) << r.out;
}

// The SPF refusal's bytes are those of Postfix with policyd-spf among its sender restrictions:
// no domain written with its root dot ("a.example." before), the client's address and the
// sender in policyd-spf's "Why?" link.
TEST(Cli, TheSpfRefusalIsWordedAsPolicydSpfWordsIt) {
  Result r = run("run spf-fail --lang en --transcript");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("S: 550 5.7.1 <alice@a.example>: Sender address rejected: Message "
                       "rejected due to: SPF fail - not authorized. Please see "
                       "http://www.openspf.net/Why?s=mfrom;id=alice@a.example;ip=203.0.113.66;"
                       "r=<UNKNOWN>\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("a.example. forbids"), std::string::npos) << r.out;  // the text before
}

// The banner names the software the server imitates (issue 15): exim-retry's smtp.a.example
// runs Exim's retry rules and greets as Exim, mx.b.example as Postfix, the default. (A test of
// what landed in f3597c8 without one for Exim; it passes before and after this change.)
TEST(Cli, EachBannerNamesTheSoftwareItsServerImitates) {
  Result r = run("run exim-retry --lang en --transcript");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("S: 220 smtp.a.example ESMTP Exim\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("S: 220 mx.b.example ESMTP Postfix\n"), std::string::npos) << r.out;
}

TEST(Cli, ChangingTheParameterALessonTurnsOnFailsItsCheck) {
  struct Change {
    const char* scenario;
    const char* from;
    const char* to;
  };
  const Change changes[] = {
      {"mail-across-the-internet.yaml", "mx.b.example. 300 A 198.51.100.25",
       "mx.b.example. 300 A 198.51.100.99"},
      {"recipient-down-two-hours.yaml", "at: 2h\n    host_up", "at: 5h\n    host_up"},
      {"unknown-recipient.yaml", "to: zed@b.example\n      subject",
       "to: bob@b.example\n      subject"},
      {"greylisting.yaml", "greylisting: true", "greylisting: false"},
      {"telnet-test.yaml", "RCPT TO:<bob@b.example>", "RCPT TO:<zed@b.example>"},
      {"relay-denied.yaml", "users: {bob: builder}",
       "users: {bob: builder}\n      open_relay: true"},
      {"firewall-port-25.yaml", "action: drop", "action: reject"},
      {"first-mail.yaml", "mx.b.example. 300 A 198.51.100.25", "mx.b.example. 300 A 198.51.100.99"},
      {"submission-login.yaml", "password: wonderland\n      mail_from",
       "password: wonderlend\n      mail_from"},
      {"daily-sending-limit.yaml", "daily_limit: 2", "daily_limit: 3"},
      {"dns-no-mx.yaml", "@ 300 A 198.51.100.25", "@ 300 A 198.51.100.99"},
      {"dns-null-mx.yaml", "@ 300 MX 0 .", "@ 300 MX 10 mx.b.example."},
      {"dns-nxdomain.yaml", "to: bob@b.exemple", "to: bob@b.example"},
      {"dns-server-down.yaml", "at: 1h\n    host_up", "at: 10h\n    host_up"},
      {"backup-mx.yaml", "at: 1h\n    host_up", "at: 10h\n    host_up"},
      {"dnsbl-home-server.yaml", "dnsbl: bl.example", "dnsbl: none.example"},
      {"message-too-large.yaml", "attachment: 9MB", "attachment: 5MB"},
      {"mailbox-full.yaml", "mailbox_full: temporary", "mailbox_full: permanent"},
      {"recipient-down-six-days.yaml", "delay_warning: 4h",
       "delay_warning: 4h\n      retry: {maximal_queue_lifetime: 7d}"},
      {"same-domain.yaml", "to: carol@a.example", "to: bob@b.example"},
      {"host-crash.yaml", "at: 00:30:00\n    host_up", "at: 00:30:00\n    host_down"},
      {"direct-to-mx.yaml", "at: 00:01:00\n    host_down", "at: 00:01:00\n    host_up"},
      {"open-relay.yaml", "open_relay: true", "open_relay: false"},
      {"spf-fail.yaml", "spf: reject", "spf: off"},
      {"relay-chain.yaml", "      relayhost: relay.isp.example\n", ""},
      {"wrong-smtp-server.yaml", "submit: {server: mx.b.example",
       "submit: {server: smtp.a.example"},
      {"smtp-smuggling.yaml", "\n      end_of_data: keep", "\n      end_of_data: normalize"},
      {"slow-link.yaml", "  - at: 02:00:00\n    fetch: bob",
       "  - at: 00:30:00\n    link_down: alice-pc-isp-a\n  - at: 00:40:00\n"
       "    link_up: alice-pc-isp-a\n  - at: 02:00:00\n    fetch: bob"},
      {"congested-link.yaml",
       "    - {between: [isp-a, isp-c], latency: 15ms, bandwidth: 100Mbps}\n"
       "    - {between: [isp-c, isp-b], latency: 15ms, bandwidth: 100Mbps}\n",
       ""},
      {"congested-link.yaml", "network:\n  routing: least-busy", "network:\n  routing: shortest"},
      {"smtp-by-hand.yaml", "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", "AUTH PLAIN AGFsaWNlAHdyb25n"},
      {"dns-fix-record.yaml", "records: [mx.b.example. 3600 A 198.51.100.25]",
       "records: [mx.b.example. 3600 A 198.51.100.98]"},
      {"dns-delegation.yaml", "b.example. 3600 NS ns.example.", "b.example. 3600 NS ns2.example."},
      {"exim-retry.yaml",
       "retry: {schedule: exim, rules: \"F,2h,15m; G,16h,1h,1.5; F,4d,6h\", "
       "queue_run_interval: 30min}",
       "retry: {schedule: postfix}"},
  };
  for (const Change& c : changes) {
    std::ifstream in(library(c.scenario));
    std::stringstream text;
    text << in.rdbuf();
    std::string changed = text.str();
    const std::size_t at = changed.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.scenario;
    changed.replace(at, std::string(c.from).size(), c.to);
    const std::string path = ::testing::TempDir() + "changed-" + c.scenario;
    std::ofstream(path) << changed;
    Result r = run("check " + path);
    EXPECT_EQ(r.status, 1) << c.scenario << "\n" << r.out;
    std::filesystem::remove(path);
  }
  // Every scenario of the library has its lesson's change here, added with the scenario.
  for (const auto& entry : std::filesystem::directory_iterator(std::string(MAILSIM_SOURCE_DIR) +
                                                               "/scenarios/library")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string name = entry.path().filename().string();
    bool listed = false;
    for (const Change& c : changes)
      listed = listed || name == c.scenario;
    EXPECT_TRUE(listed) << name << " has no lesson change in this test";
  }
}

// SMTP smuggling needs both halves: an outbound server that relays bare LFs as they came and
// an inbound server that takes <LF>.<CR><LF> for the end of data. The fix on either side
// alone (normalize or reject) keeps the forged mail out, and the lesson's check fails.
TEST(Cli, TheSmugglingLessonFailsWithTheFixOnEitherSide) {
  std::ifstream in(library("smtp-smuggling.yaml"));
  std::stringstream text;
  text << in.rdbuf();
  const std::string original = text.str();
  const struct {
    const char* from;
    const char* to;
  } fixes[] = {
      {"\n      end_of_data: keep", "\n      end_of_data: normalize"},
      {"\n      end_of_data: keep", "\n      end_of_data: reject"},
      {"\n      end_of_data: lenient", "\n      end_of_data: normalize"},
      {"\n      end_of_data: lenient", "\n      end_of_data: reject"},
  };
  for (const auto& f : fixes) {
    std::string changed = original;
    const std::size_t at = changed.find(f.from);
    ASSERT_NE(at, std::string::npos) << f.from;
    changed.replace(at, std::string(f.from).size(), f.to);
    const std::string path = ::testing::TempDir() + "smuggling-fixed.yaml";
    std::ofstream(path) << changed;
    Result r = run("check " + path);
    EXPECT_EQ(r.status, 1) << f.from << " -> " << f.to << "\n" << r.out;
    EXPECT_NE(r.out.find("FAIL  the mail client bob"), std::string::npos) << r.out;
    std::filesystem::remove(path);
  }
}

TEST(Cli, TheFirstMailIsNarratedInBothLanguages) {
  check_golden("first-mail.en.txt", run("run first-mail --lang en").out);
  check_golden("first-mail.fr.txt", run("run first-mail --lang fr").out);
}

TEST(Cli, TheMailAcrossTheInternetIsNarratedInBothLanguages) {
  // At the protocol level: every dialogue line, DNS query and connection.
  check_golden("mail-across-the-internet.en.txt",
               run("run mail-across-the-internet --lang en --level protocol").out);
  check_golden("mail-across-the-internet.fr.txt",
               run("run mail-across-the-internet --lang fr --level protocol").out);
}

TEST(Cli, HelpHasExamples) {
  Result r = run("--help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("mailsim run"), std::string::npos);
}

// docs/scenarios.md gives each library scenario its learning goal and questions, in both
// languages: a scenario added without them fails here.
TEST(Cli, EveryLibraryScenarioHasTeacherNotes) {
  std::ifstream in(std::string(MAILSIM_SOURCE_DIR) + "/docs/scenarios.md");
  std::stringstream text;
  text << in.rdbuf();
  std::string headings;
  for (std::string line; std::getline(text, line);)
    if (line.starts_with("## ")) headings += line + "\n";
  for (const auto& entry : std::filesystem::directory_iterator(std::string(MAILSIM_SOURCE_DIR) +
                                                               "/scenarios/library")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string name = entry.path().stem().string();
    const bool found = headings.find(" " + name + " ") != std::string::npos ||
                       headings.find(" " + name + ",") != std::string::npos;
    EXPECT_TRUE(found) << name << " has no section in docs/scenarios.md";
  }
  EXPECT_NE(text.str().find("**Objectif.**"), std::string::npos);
}

TEST(Cli, JourneyWritesTheChartOfAMessageByRankOrMessageId) {
  const auto path = std::filesystem::temp_directory_path() / "mailsim-cli-journey.svg";
  std::filesystem::remove(path);
  Result r = run("run first-mail --quiet --journey 1 --svg " + path.string());
  EXPECT_EQ(r.status, 0) << r.out;
  const std::string svg = mailsim_test::read_file(path.string());
  EXPECT_TRUE(svg.starts_with("<?xml")) << svg.substr(0, 80);
  for (const char* host : {">alice-pc<", ">smtp.a.example<", ">ns.example<", ">mx.b.example<"})
    EXPECT_NE(svg.find(host), std::string::npos) << host;
  // By its Message-ID, without the angle brackets, in French.
  Result fr =
      run("run first-mail --quiet --lang fr --journey 20261130090001.000000.1@alice-pc "
          "--svg " +
          path.string());
  EXPECT_EQ(fr.status, 0) << fr.out;
  EXPECT_NE(mailsim_test::read_file(path.string()).find("Parcours de"), std::string::npos);
  // A message the run does not have: the ones it has are listed.
  Result none = run("run first-mail --quiet --journey 9 --svg " + path.string());
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.out.find("1 <20261130090001.000000.1@alice-pc>"), std::string::npos) << none.out;
  // Each option needs the other.
  EXPECT_EQ(run("run first-mail --journey 1").status, 2);
  EXPECT_EQ(run("run first-mail --svg " + path.string()).status, 2);
}

TEST(Cli, CaptureOptionsNameTheirMistakes) {
  auto r = run("run first-mail --capture-at alice-pc --lang en");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("give --pcap FILE too"), std::string::npos) << r.out;
  r = run("run first-mail --pcap /tmp/x.pcapng --capture-at nowhere --lang fr");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("ce scénario n'a ni hôte ni lien nommé « nowhere »"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("alice-pc, smtp.a.example"), std::string::npos) << r.out;
  r = run("run first-mail --quiet --pcap /no/such/folder/x.pcapng --lang en");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--pcap: cannot write '/no/such/folder/x.pcapng'"), std::string::npos)
      << r.out;
}
