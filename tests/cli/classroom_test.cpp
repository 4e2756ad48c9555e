// `mailsim exercise make` and `mailsim grade`: the student's copy, cuts, variants, and a class
// graded file by file in processes of their own (good, wrong, not valid, runaway files), in
// every format and in French. Each library exercise fails as given and passes with its worked
// answer (docs/exercises.md), in the lesson's world and in variants.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"
#include "scenarios/exercise/variant.hpp"
#include "scenarios/load/scenario_reader.hpp"

namespace {

namespace fs = std::filesystem;
using mailsim_test::read_file;
using mailsim_test::run;

const std::string kExercises = std::string(MAILSIM_SOURCE_DIR) + "/scenarios/exercises/";
const std::string kFixtures = std::string(MAILSIM_SOURCE_DIR) + "/tests/cli/classroom/";
const char* const kNames[] = {
    "fix-mx",     "open-port-25", "submission-settings", "relay-home-server",
    "repair-spf", "smuggling-fix"};

std::string exercise(const std::string& name) {
  return kExercises + name + ".yaml";
}
std::string answer(const std::string& name) {
  return kExercises + "answers/" + name + ".yaml";
}

// A fresh folder per test.
fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("mailsim-classroom-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

nlohmann::json grade_json(const std::string& args, int* status = nullptr) {
  // Standard error apart: the JSON alone on standard output.
  const auto r = run("grade --format json " + args + " 2>/dev/null");
  if (status) *status = r.status;
  return nlohmann::json::parse(r.out, nullptr, false);
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

TEST(ExerciseMake, CopyHasNoExpectationsAndValidates) {
  const fs::path dir = scratch("copy");
  const auto r = run("exercise make " + exercise("fix-mx") + " --hide expect -o " +
                     (dir / "ex.yaml").string() + " --lang en");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string copy = read_file(dir / "ex.yaml");
  EXPECT_EQ(copy.find("expect:"), std::string::npos);
  EXPECT_NE(copy.find("@ 300 MX 10 mail.b.example."), std::string::npos);  // the fault stays
  EXPECT_EQ(run("validate " + (dir / "ex.yaml").string()).status, 0);
  // The lesson keeps its expectations: the copy is graded against them.
  EXPECT_NE(read_file(exercise("fix-mx")).find("expect:"), std::string::npos);
}

TEST(ExerciseMake, HideQuestions) {
  const fs::path dir = scratch("questions");
  ASSERT_EQ(run("exercise make " + mailsim_test::library("submission-login.yaml") +
                " --hide expect,questions -o " + (dir / "ex.yaml").string())
                .status,
            0);
  EXPECT_EQ(read_file(dir / "ex.yaml").find("questions:"), std::string::npos);
}

TEST(ExerciseMake, CutLeavesATodoMarkerInTheReadersLanguage) {
  const fs::path dir = scratch("cut");
  const std::string path = "mail/servers/home.c.example/trusted_networks";
  auto r = run("exercise make " + exercise("relay-home-server") + " --cut " + path + " -o " +
               (dir / "en.yaml").string());
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string en = read_file(dir / "en.yaml");
  EXPECT_NE(en.find("      # TODO: the teacher took '" + path + "' out of this copy"),
            std::string::npos)
      << en;
  EXPECT_EQ(en.find("203.0.113.10/32"), std::string::npos);               // the cut part is gone
  EXPECT_NE(en.find("192.0.2.0/24, 203.0.113.9/32"), std::string::npos);  // the rest is not
  EXPECT_EQ(run("validate " + (dir / "en.yaml").string()).status, 0);

  r = run("exercise make " + exercise("relay-home-server") + " --cut " + path + " -o " +
          (dir / "fr.yaml").string() + " --lang fr");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(read_file(dir / "fr.yaml").find("# À FAIRE : l'enseignant a retiré « " + path),
            std::string::npos);

  // A whole list item, named by its host.
  r = run("exercise make " + exercise("open-port-25") + " --cut network/hosts/alice-pc -o " +
          (dir / "item.yaml").string());
  EXPECT_EQ(r.status, 2) << "the timeline names alice-pc: the copy would not load";
  EXPECT_NE(r.out.find("the student's copy would not load"), std::string::npos) << r.out;
}

TEST(ExerciseMake, WrongCutsAndOptionsAreUsageErrors) {
  const fs::path dir = scratch("wrong");
  auto r = run("exercise make " + exercise("fix-mx") + " --cut mail/servers/nowhere/spf -o " +
               (dir / "x.yaml").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("the lesson has nothing at 'nowhere'"), std::string::npos) << r.out;
  r = run("exercise make " + exercise("fix-mx") + " --cut mail/clients/alice/submit/password -o " +
          (dir / "x.yaml").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("one-line"), std::string::npos) << r.out;
  r = run("exercise make " + exercise("fix-mx") + " --seed-from-name -o " + dir.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--students"), std::string::npos) << r.out;
  r = run("exercise make " + exercise("fix-mx") + " --variants 0 -o " + dir.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(run("exercise make " + exercise("fix-mx")).status, 2);  // no -o
  EXPECT_FALSE(fs::exists(dir / "x.yaml"));
}

// Each exercise as given fails its hidden expectations; its worked answer meets them all.
TEST(Grade, EachExerciseFailsAsGivenAndItsAnswerPasses) {
  const fs::path dir = scratch("library");
  for (const std::string name : kNames) {
    const std::string copy = (dir / (name + ".yaml")).string();
    ASSERT_EQ(run("exercise make " + exercise(name) + " -o " + copy).status, 0) << name;
    int status = -1;
    const auto j =
        grade_json("--against " + exercise(name) + " " + copy + " " + answer(name), &status);
    ASSERT_FALSE(j.is_discarded()) << name;
    EXPECT_EQ(status, 0);
    const auto& given = j["files"][0];
    const auto& answered = j["files"][1];
    EXPECT_TRUE(given["validates"].get<bool>()) << name;
    EXPECT_LT(given["score"].get<int>(), given["total"].get<int>()) << name << ": " << given;
    EXPECT_GE(answered["total"].get<int>(), 2) << name;
    EXPECT_EQ(answered["score"], answered["total"]) << name << ": " << answered;
  }
}

TEST(Grade, TextTableWithEvidenceAndErrors) {
  const auto r = run("grade --against " + exercise("fix-mx") + " " + answer("fix-mx") + " " +
                     kFixtures + "not-valid.yaml --lang en");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("E1: a message for bob@b.example is delivered to a mailbox within"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(answer("fix-mx") + ": validates: yes; score 2/2"), std::string::npos);
  EXPECT_NE(r.out.find("PASS  a message for bob@b.example is delivered to a mailbox within "
                       "00:01:00: delivered to a mailbox at 00:00:01"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("not-valid.yaml: validates: no; score 0/2"), std::string::npos);
  EXPECT_NE(r.out.find("not-valid.yaml:5:"), std::string::npos) << r.out;  // file:line
  EXPECT_NE(r.out.find("2 files graded."), std::string::npos);
}

TEST(Grade, ARunawayFileIsStoppedAndTheClassGoesOn) {
  int status = -1;
  const auto j = grade_json("--time-limit 2s --against " + exercise("fix-mx") + " " + kFixtures +
                                "runaway.yaml " + answer("fix-mx"),
                            &status);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(status, 0);
  EXPECT_EQ(j["files"][0]["status"], "stopped");
  EXPECT_NE(j["files"][0]["stopped"].get<std::string>().find("stopped after 2s, the time limit"),
            std::string::npos)
      << j["files"][0];
  EXPECT_EQ(j["files"][0]["score"], 0);
  EXPECT_EQ(j["files"][1]["score"], 2);  // the next file is graded
}

TEST(Grade, AFileThatNeedsTooMuchMemoryIsStopped) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "an ASan build keeps only the time limit: the 140 MB would be allocated";
#endif
  int status = -1;
  const auto j = grade_json("--memory-limit 96 --against " + exercise("fix-mx") + " " + kFixtures +
                                "huge-message.yaml " + answer("fix-mx"),
                            &status);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(status, 0);
  EXPECT_EQ(j["files"][0]["status"], "stopped");
  EXPECT_NE(j["files"][0]["stopped"].get<std::string>().find("more than 96 MiB"),
            std::string::npos)
      << j["files"][0];
  EXPECT_EQ(j["files"][1]["score"], 2);
}

// Files graded at once give the table graded one by one: each row in its file's place, a runaway
// file stopped without holding the others.
TEST(Grade, FilesGradedAtOnceGiveTheSameTable) {
  const std::string files = kFixtures + "runaway.yaml " + answer("fix-mx") + " " + kFixtures +
                            "not-valid.yaml " + exercise("fix-mx") + " " + answer("fix-mx");
  const std::string command =
      "grade --format json --time-limit 2s --against " + exercise("fix-mx") + " " + files;
  const auto one = run(command + " --jobs 1");
  const auto four = run(command + " -j 4");
  ASSERT_EQ(one.status, 0) << one.out;
  ASSERT_EQ(four.status, 0) << four.out;
  EXPECT_EQ(four.out, one.out);
  const auto j = nlohmann::json::parse(four.out);
  ASSERT_EQ(j["files"].size(), 5u);
  EXPECT_EQ(j["files"][0]["status"], "stopped");
  EXPECT_EQ(j["files"][1]["score"], 2);
  EXPECT_EQ(j["files"][4]["score"], 2);
}

TEST(Grade, CsvAndMarkdown) {
  const std::string files = answer("fix-mx") + " " + kFixtures + "not-valid.yaml";
  auto r = run("grade --format csv --against " + exercise("fix-mx") + " " + files);
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find("\r\n")),
            "file,variant,validates,score,out of,E1,E1 evidence,E2,E2 evidence,errors");
  EXPECT_NE(r.out.find("\r\n" + answer("fix-mx") + ",,yes,2,2,met,delivered to a mailbox at "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("not-valid.yaml,,no,0,2,not met,,not met,,"), std::string::npos) << r.out;

  r = run("grade --format md --against " + exercise("fix-mx") + " " + files);
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("| file | validates | E1 | E2 | score |\n|---|---|---|---|---|\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("| yes | ✔ delivered to a mailbox at "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| no | ✘  | ✘  | 0/2 |"), std::string::npos) << r.out;
}

TEST(Grade, FrenchTable) {
  const auto r = run("grade --lang fr --against " + exercise("fix-mx") + " " + answer("fix-mx") +
                     " " + kFixtures + "not-valid.yaml");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Notation selon "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(answer("fix-mx") + " : valide : oui ; note 2/2"), std::string::npos);
  EXPECT_NE(r.out.find("RÉUSSI  "), std::string::npos);
  EXPECT_NE(r.out.find("erreur"), std::string::npos);
  EXPECT_NE(r.out.find("2 fichiers notés."), std::string::npos);
  for (const char* english : {"validates", "score", "PASS", "FAIL", "graded", "delivered"})
    EXPECT_EQ(r.out.find(english), std::string::npos) << english << " in\n" << r.out;
}

TEST(Grade, WrongUsageIsStatus2) {
  EXPECT_EQ(run("grade " + answer("fix-mx")).status, 2);              // no --against
  EXPECT_EQ(run("grade --against " + exercise("fix-mx")).status, 2);  // no file
  EXPECT_EQ(run("grade --format xml --against " + exercise("fix-mx") + " x.yaml").status, 2);
  EXPECT_EQ(run("grade --time-limit soon --against " + exercise("fix-mx") + " x.yaml").status, 2);
  EXPECT_EQ(run("grade --memory-limit 1 --against " + exercise("fix-mx") + " x.yaml").status, 2);
  for (const char* jobs : {"0", "65", "two", "-1"}) {
    const auto r = run("grade --jobs " + std::string(jobs) + " --against " + exercise("fix-mx") +
                       " x.yaml");
    EXPECT_EQ(r.status, 2) << jobs;
    EXPECT_NE(r.out.find("is not a number of files from 1 to 64"), std::string::npos) << r.out;
  }
  EXPECT_EQ(run("grade --against " + kFixtures + "not-valid.yaml x.yaml").status, 2);
}

TEST(Variants, SameNameSameWorldOtherNameOtherWorld) {
  const fs::path dir = scratch("variants");
  write_text(dir / "names.txt", "Zoé Martin\n\n# absent today\nLucas Petit\n");
  for (const char* out : {"a", "b"})
    ASSERT_EQ(run("exercise make " + exercise("relay-home-server") + " --students " +
                  (dir / "names.txt").string() + " --seed-from-name -o " + (dir / out).string())
                  .status,
              0);
  const std::string zoe = read_file(dir / "a" / "zoe-martin.yaml");
  EXPECT_EQ(zoe, read_file(dir / "b" / "zoe-martin.yaml"));
  const std::string lucas = read_file(dir / "a" / "lucas-petit.yaml");
  EXPECT_NE(zoe, lucas);
  EXPECT_NE(zoe.find("variant: Zoé Martin"), std::string::npos);
  // Renamed everywhere: no name of the lesson's mail world is left.
  for (const char* old :
       {"b.example", "c.example", "bob", "Carl", "203.0.113.", "198.51.100.", ".0.203.bl.example"})
    EXPECT_EQ(zoe.find(old), std::string::npos) << old << " in\n" << zoe;
  EXPECT_EQ(run("validate " + (dir / "a" / "zoe-martin.yaml").string()).status, 0);

  const auto r =
      run("exercise make " + exercise("fix-mx") + " --variants 3 -o " + (dir / "n").string());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("3 copies written in"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(dir / "n" / "variant-03.yaml"));
  EXPECT_NE(read_file(dir / "n" / "variant-02.yaml").find("variant: 2"), std::string::npos);
}

// A variant's answer passes in its own world; pasted into a neighbour's file (whose variant key
// stays), it fails: the expectations name the neighbour's world.
TEST(Variants, ANeighboursAnswerFails) {
  const fs::path dir = scratch("neighbour");
  write_text(dir / "names.txt", "Zoé Martin\nLucas Petit\n");
  for (const std::string name : kNames) {
    ASSERT_EQ(run("exercise make " + answer(name) + " --students " + (dir / "names.txt").string() +
                  " -o " + (dir / name).string())
                  .status,
              0)
        << name;
    ASSERT_EQ(run("exercise make " + exercise(name) + " --students " +
                  (dir / "names.txt").string() + " -o " + (dir / (name + "-given")).string())
                  .status,
              0)
        << name;
    std::string copied = read_file(dir / name / "zoe-martin.yaml");
    const std::size_t key = copied.find("variant: Zoé Martin");
    ASSERT_NE(key, std::string::npos);
    copied.replace(key, std::string("variant: Zoé Martin").size(), "variant: Lucas Petit");
    write_text(dir / name / "lucas-petit-copied.yaml", copied);
    const auto j =
        grade_json("--against " + exercise(name) + " " + (dir / name / "zoe-martin.yaml").string() +
                   " " + (dir / name / "lucas-petit-copied.yaml").string() + " " +
                   (dir / (name + "-given") / "lucas-petit.yaml").string());
    ASSERT_FALSE(j.is_discarded()) << name;
    EXPECT_EQ(j["files"][0]["score"], j["files"][0]["total"]) << name << ": " << j["files"][0];
    EXPECT_LT(j["files"][1]["score"], j["files"][1]["total"]) << name << ": " << j["files"][1];
    // Graded, not stopped: an expectation naming a host the file lacks is "not met".
    EXPECT_EQ(j["files"][1]["status"], "graded") << name << ": " << j["files"][1];
    EXPECT_LT(j["files"][2]["score"], j["files"][2]["total"]) << name << ": " << j["files"][2];
    // Zoé's whole file, variant line included, handed in as Lucas's: its world is Zoé's, so it
    // would pass; its name says whose it should be.
    fs::copy_file(dir / name / "zoe-martin.yaml", dir / name / "lucas-petit.yaml",
                  fs::copy_options::overwrite_existing);
    const auto whole = grade_json("--against " + exercise(name) + " " +
                                  (dir / name / "lucas-petit.yaml").string());
    ASSERT_FALSE(whole.is_discarded()) << name;
    EXPECT_EQ(whole["files"][0]["score"], 0) << name << ": " << whole["files"][0];
    EXPECT_NE(whole["files"][0]["results"][0]["evidence"].get<std::string>().find(
                  "carries the world made for Zoé Martin"),
              std::string::npos)
        << whole["files"][0];
  }
}

TEST(Variants, RenamesAddressesForwardAndReversed) {
  auto lesson = mailsim::scenarios::load_scenario_file(exercise("relay-home-server"));
  ASSERT_TRUE(lesson.scenario);
  const mailsim::scenarios::Variant v(*lesson.scenario, "Zoé Martin");
  const std::string address = v.rename("203.0.113.9");
  ASSERT_NE(address, "203.0.113.9");
  const std::string prefix = address.substr(0, address.rfind('.'));  // "10.x.y"
  const std::string x = prefix.substr(3, prefix.find('.', 3) - 3);
  const std::string y = prefix.substr(prefix.rfind('.') + 1);
  EXPECT_EQ(v.rename("9.113.0.203.bl.example."),
            "9." + y + "." + x + ".10." + v.rename("bl.example") + ".");
  EXPECT_EQ(v.rename("ip4:203.0.113.0/24"), "ip4:" + prefix + ".0/24");
  EXPECT_EQ(v.rename("127.0.0.2 1.5 00:00:01"), "127.0.0.2 1.5 00:00:01");  // not the lesson's
  EXPECT_EQ(v.rename("carl-pc carl@c.example"),
            "carl-pc " + v.rename("carl") + "@" + v.rename("c.example"));
  EXPECT_EQ(v.rename("mx.b.example."), "mx." + v.rename("b.example") + ".");
  EXPECT_EQ(mailsim::scenarios::file_name_for("Zoé  Martin-Núñez"), "zoe-martin-nunez");
}

}  // namespace
