// Broken scenario files (broken/NAME.yaml) and the exact errors `mailsim validate` prints for
// each (broken/NAME.expected, and NAME.fr.expected for a French rendering).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenarios/build/scenario_run.hpp"
#include "scenarios/load/scenario_reader.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
namespace fs = std::filesystem;

namespace {

const fs::path kBroken = fs::path(MAILSIM_TEST_DIR) / "broken";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The errors as `mailsim validate NAME.yaml` prints them from the file's folder: the loader's,
// then (for a file it accepts) those of building the run, as `validate` builds it.
std::string validate(const fs::path& file, Lang lang) {
  LoadResult loaded = load_scenario_file(file.string());
  if (loaded.scenario) ScenarioRun built(*loaded.scenario, loaded.diagnostics);
  std::string out = loaded.diagnostics.render(lang);
  const std::string dir = file.parent_path().string() + "/";
  for (auto at = out.find(dir); at != std::string::npos; at = out.find(dir, at))
    out.erase(at, dir.size());
  return out;
}

std::vector<std::string> broken_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kBroken))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class BrokenFile : public testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(BrokenFile, GivesTheExpectedErrors) {
  const fs::path yaml = kBroken / (GetParam() + ".yaml");
  const fs::path expected = kBroken / (GetParam() + ".expected");
  ASSERT_TRUE(fs::exists(expected)) << expected << " is missing";
  EXPECT_EQ(validate(yaml, Lang::en), read(expected));
  const fs::path french = kBroken / (GetParam() + ".fr.expected");
  if (fs::exists(french)) {
    EXPECT_EQ(validate(yaml, Lang::fr), read(french));
  }
}

INSTANTIATE_TEST_SUITE_P(Library, BrokenFile, testing::ValuesIn(broken_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(BrokenFiles, ThereAreEnoughOfThem) {
  EXPECT_GE(broken_names().size(), 25u);
}

// 20 MB is made here, not kept in the repository; it is refused from its size, unread (the one
// error is the size's, none from parsing). No wall-clock limit: a timed test fails on a busy
// machine; the alias bomb's budget (broken/alias-bomb.expected) is checked the same way.
TEST(BrokenFiles, A20MegabyteFileIsRefusedFromItsSize) {
  const fs::path dir = fs::temp_directory_path() / ("mailsim-broken-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path huge = dir / "huge.yaml";
  {
    std::ofstream out(huge, std::ios::binary);
    const std::string line = "# " + std::string(97, 'x') + "\n";  // 100 bytes
    for (int i = 0; i < 200000; ++i)
      out << line;
  }
  const std::string errors = validate(huge, Lang::en);
  fs::remove_all(dir);
  EXPECT_EQ(errors, read(kBroken / "huge.expected"));
}
