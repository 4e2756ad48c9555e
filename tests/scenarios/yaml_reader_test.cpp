#include <gtest/gtest.h>

#include <chrono>

#include "scenarios/load/diagnostics.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"

using namespace mailsim;
using namespace mailsim::scenarios;
using namespace std::chrono_literals;

namespace {
// Reads a "link" mapping the way a loader would; returns the rendered diagnostics.
std::string read_link(const std::string& yaml, Lang lang = Lang::en) {
  Diagnostics diag("lesson.yaml");
  auto root = load_yaml(yaml, diag);
  if (root) {
    YamlMap link(*root, Text(msg::kWhatLink, {{"name", "r1-r2"}}), diag);
    link.text("from", Need::required);
    link.text("to", Need::required);
    link.time("latency");
    link.bandwidth("bandwidth");
    link.size("mtu");
    link.number("loss", 0, 1);
    link.integer("queue", 1, 100000);
    link.boolean("up");
    link.choice("kind", {"ethernet", "wifi", "fibre"});
    link.finish();
  }
  return diag.render(lang);
}
}  // namespace

TEST(YamlReader, AValidMappingGivesTypedValues) {
  Diagnostics diag("ok.yaml");
  auto root = load_yaml(
      "from: r1\nto: r2\nlatency: 20ms\nbandwidth: 10Mbps\nmtu: 1500B\n"
      "loss: 0.05\nqueue: 64\nup: false\nkind: wifi\n",
      diag);
  ASSERT_TRUE(root);
  YamlMap m(*root, Text(msg::kWhatLink, {{"name", "r1-r2"}}), diag);
  EXPECT_EQ(m.text("from"), "r1");
  EXPECT_EQ(m.time("latency"), 20ms);
  EXPECT_EQ(m.bandwidth("bandwidth"), 10000000u);
  EXPECT_EQ(m.size("mtu"), 1500u);
  EXPECT_EQ(m.number("loss", 0, 1), 0.05);
  EXPECT_EQ(m.integer("queue", 1, 1000), 64);
  EXPECT_EQ(m.boolean("up"), false);
  EXPECT_EQ(m.choice("kind", {"ethernet", "wifi"}), "wifi");
  EXPECT_EQ(m.text("absent"), std::nullopt);
  m.text("to");
  m.finish();
  EXPECT_TRUE(diag.empty()) << diag.render(Lang::en);
  EXPECT_EQ(m.known_keys().size(), 10u);
}

TEST(YamlReader, EveryErrorOfAFileIsReportedAtOnceWithItsPlace) {
  const std::string out = read_link(
      "from: r1\n"
      "latancy: 20ms\n"
      "bandwidth: 10\n"
      "mtu: 1500 parsecs\n"
      "loss: 1.5\n"
      "queue: lots\n"
      "up: maybe\n"
      "kind: wify\n"
      "colour: red\n");
  EXPECT_EQ(
      out,
      "lesson.yaml:1:1: error: link r1-r2 needs 'to'; add a line 'to: ...'\n"
      "lesson.yaml:2:1: error: unknown key 'latancy' in link r1-r2; did you mean 'latency'?\n"
      "lesson.yaml:3:12: error: 'bandwidth' in link r1-r2: '10': a bandwidth needs a unit "
      "(bps, kbps, Mbps, Gbps, bit/s, kbit/s, Mbit/s, Gbit/s), for example 10Mbps: a bare "
      "number could mean bits or bytes\n"
      "lesson.yaml:4:6: error: 'mtu' in link r1-r2: '1500 parsecs': unknown size unit "
      "'parsecs'; use one of B, kB, MB, GB, KiB, MiB, GiB, o, ko, Mo, Go, Kio, Mio, Gio (for "
      "example 1500B, 25MB or 10MiB)\n"
      "lesson.yaml:5:7: error: 'loss' in link r1-r2 must be a number from 0 to 1, not '1.5'\n"
      "lesson.yaml:6:8: error: 'queue' in link r1-r2 must be a whole number from 1 to 100000, "
      "not 'lots'\n"
      "lesson.yaml:7:5: error: 'up' in link r1-r2 must be true or false, not 'maybe'\n"
      "lesson.yaml:8:7: error: 'kind' in link r1-r2 must be one of ethernet, wifi, fibre, not "
      "'wify'; did you mean 'wifi'?\n"
      "lesson.yaml:9:1: error: unknown key 'colour' in link r1-r2; the known keys are: from, "
      "to, latency, bandwidth, mtu, loss, queue, up, kind\n");
}

TEST(YamlReader, ErrorsInFrench) {
  EXPECT_EQ(read_link("from: r1\nto: r2\nlatency: 5 parsecs\n", Lang::fr),
            "lesson.yaml:3:10: erreur : « latency » dans le lien r1-r2 : « 5 parsecs » : unité de "
            "temps « parsecs » inconnue ; utilisez us, ms, s, min, mn, h, d, j (par exemple 250ms, "
            "1h30min ou 00:05:00)\n");
}

TEST(YamlReader, SyntaxErrorsNameLineAndColumn) {
  const std::string out = read_link("from: r1\nto: [r2\nlatency: 5s\n");
  EXPECT_EQ(out.rfind("lesson.yaml:", 0), 0u) << out;
  EXPECT_NE(out.find("this is not valid YAML"), std::string::npos) << out;
  EXPECT_NE(read_link("from: r1\n\tto: r2\n").find("not valid YAML"), std::string::npos);
}

TEST(YamlReader, DuplicateKeysAndWrongShapes) {
  EXPECT_EQ(read_link("from: r1\nto: r2\nfrom: r3\n"),
            "lesson.yaml:3:1: error: 'from' appears twice in link r1-r2; keep only one\n");
  EXPECT_EQ(read_link("- a\n- b\n"),
            "lesson.yaml:1:1: error: link r1-r2 must be a set of 'key: value' lines\n");
  EXPECT_EQ(read_link("from: [r1, r2]\nto: r2\n"),
            "lesson.yaml:1:7: error: 'from' in link r1-r2 takes one value, not a list: write it on "
            "the key's line, for example from: r1\n");
}

TEST(YamlReader, HostileFilesAreRejectedQuickly) {
  EXPECT_EQ(read_link(""),
            "lesson.yaml: error: the file is empty; a scenario starts with 'title:' "
            "and 'network:'\n");
  EXPECT_EQ(
      read_link(std::string("title: x\0y", 10)),
      "lesson.yaml:1:9: error: the file contains binary data (byte 0x00 at offset 8), not text\n");
  EXPECT_EQ(read_link(std::string(3 * 1000 * 1000, '#')),
            "lesson.yaml:1:2000001: error: the file is 3MB; a scenario file may be at most 2MB, "
            "and this line passes the limit. Is this really a scenario?\n");
  EXPECT_EQ(read_link("a: " + std::string(100000, '[')),
            "lesson.yaml:1:68: error: the values are nested more than 64 levels deep; simplify the "
            "file\n");
  std::string block;
  for (int i = 0; i < 200; ++i)
    block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  EXPECT_NE(read_link(block).find("nested more than 64 levels"), std::string::npos);
  EXPECT_NE(read_link(std::string(20000, '-') + " x\n").find("nested more than 64 levels"),
            std::string::npos);
  // Billion laughs: each level doubles ten times.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
  }
  EXPECT_EQ(read_link(bomb),
            "lesson.yaml:7:1: error: this value expands to more than 2000000 values in all (YAML "
            "aliases '*' repeat what they point to); use fewer aliases\n");
  // Without aliases, the size limit comes first: 250000 of the smallest values pass
  // the alias budget (it was reported as an alias bomb when the budget was 200000 values).
  std::string flat = "a: [";
  while (flat.size() < 500 * 1000)
    flat += "1,";
  flat += "1]\n";
  EXPECT_EQ(read_link(flat).find("aliases"), std::string::npos) << read_link(flat);
}

TEST(ClosestMatch, FindsLikelyTyposOnly) {
  std::vector<std::string> keys{"latency", "bandwidth", "mtu", "loss"};
  EXPECT_EQ(closest_match("latancy", keys), "latency");
  EXPECT_EQ(closest_match("Bandwith", keys), "bandwidth");
  EXPECT_EQ(closest_match("lsos", keys), "loss");
  EXPECT_EQ(closest_match("colour", keys), "");
  EXPECT_EQ(closest_match("m", keys), "");
  // At most a third of the word's letters may differ, for the first candidate as for the rest:
  // "mail.arrived" is 5 edits from "mail.accepted", one too many.
  EXPECT_EQ(closest_match("mail.arrived", {"mail.accepted", "mail.relayed", "mail.delivered"}), "");
  EXPECT_EQ(closest_match("mail.acepted", {"mail.accepted", "mail.relayed"}), "mail.accepted");
}

TEST(LoaderMessages, BothLanguagesPresent) {
  for (const Message* m : msg::kAll) {
    EXPECT_FALSE(m->en.empty()) << m->id;
    EXPECT_FALSE(m->fr.empty()) << m->id;
  }
}
