// The writer must write back every key of the format: every-key.yaml uses every key of the
// schema with a value other than its default (which the writer would leave out), so its written
// form must use every key too. A key added to the loader and the schema but forgotten by the
// writer fails here.
#include <gtest/gtest.h>

#include <fstream>

#include "scenarios/load/scenario_reader.hpp"
#include "scenarios/write/scenario_writer.hpp"
#include "schema_keys.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
using namespace mailsim::schema_test;

TEST(SchemaKeys, TheWriterWritesEveryKeyOfEveryKeyYaml) {
  const std::string dir = MAILSIM_TEST_DIR;
  std::ifstream in(dir + "/../../docs/scenario.schema.json");
  const auto schema = schema_keys(nlohmann::json::parse(in)).paths;
  auto loaded = load_scenario_file(dir + "/every-key.yaml");
  ASSERT_TRUE(loaded.scenario) << loaded.diagnostics.render(Lang::en);
  const std::string written = write_scenario(*loaded.scenario);
  const auto used = yaml_keys(YAML::Load(written), schema);
  std::string missing;
  for (const auto& k : schema)
    if (used.count(k) == 0) missing += "  " + k + "\n";
  EXPECT_EQ(missing, "") << "keys the writer left out of every-key.yaml (forgotten in "
                            "scenarios/write/, or at their default in every-key.yaml):\n"
                         << written;
}
