// The keys the loader knows must be the keys the JSON schema declares, so that adding a key to
// one and forgetting the other fails here. The loader's keys are recorded while it reads
// every-key.yaml (which must use every key of the schema) and the library's scenarios.
#include <gtest/gtest.h>

#include <fstream>

#include "scenarios/library/builtin.hpp"
#include "scenarios/load/key_recorder.hpp"
#include "scenarios/load/scenario_reader.hpp"
#include "schema_keys.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
using namespace mailsim::schema_test;

namespace {

const std::string kDir = MAILSIM_TEST_DIR;

nlohmann::json read_schema() {
  std::ifstream in(kDir + "/../../docs/scenario.schema.json");
  return nlohmann::json::parse(in);
}

// Items of `a` not in `b`, one per line.
std::string missing(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::string out;
  for (const auto& k : a)
    if (b.count(k) == 0) out += "  " + k + "\n";
  return out;
}

std::set<std::string> loader_keys() {
  KeyCollector collector;
  auto every = load_scenario_file(kDir + "/every-key.yaml");
  EXPECT_TRUE(every.diagnostics.empty()) << every.diagnostics.render(Lang::en);
  for (const auto& s : builtin_scenarios()) {
    auto r = load_scenario_text(s.text, std::string(s.name));
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.render(Lang::en);
  }
  return collector.keys();
}

}  // namespace

TEST(SchemaKeys, TheLoaderAndTheSchemaKnowTheSameKeys) {
  const auto schema = schema_keys(read_schema()).paths;
  const auto loader = loader_keys();
  EXPECT_EQ(missing(loader, schema), "")
      << "keys the loader reads but docs/scenario.schema.json does not declare";
  EXPECT_EQ(missing(schema, loader), "")
      << "keys docs/scenario.schema.json declares but the loader never asked about (add them "
         "to tests/schema/every-key.yaml, or remove them from the schema)";
  EXPECT_GT(schema.size(), 80u);
}

TEST(SchemaKeys, EveryKeyYamlUsesEveryKeyOfTheSchema) {
  const auto schema = schema_keys(read_schema()).paths;
  const auto file = yaml_keys(YAML::LoadFile(kDir + "/every-key.yaml"), schema);
  EXPECT_EQ(missing(schema, file), "") << "keys of the schema that every-key.yaml does not use";
  EXPECT_EQ(missing(file, schema), "") << "keys of every-key.yaml the schema does not declare";
}

TEST(SchemaKeys, EveryObjectOfTheSchemaRefusesUnknownKeys) {
  EXPECT_EQ(schema_keys(read_schema()).open_objects, std::set<std::string>{})
      << "objects without additionalProperties: false";
}

TEST(SchemaKeys, CollectorsNestAndRecordPaths) {
  std::set<std::string> before;
  {
    KeyCollector outer;
    { KeyCollector inner; }  // restores `outer`
    (void)load_scenario_text("title: t\nnetwork: {}\n", "t.yaml");
    before = outer.keys();
  }
  EXPECT_EQ(before.count("title"), 1u);
  EXPECT_EQ(before.count("network.hosts"), 1u);
}
