#include "scenarios/exercise/variant.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <vector>

#include "scenarios/write/scenario_writer.hpp"
#include "sim/random.hpp"
#include "sim/strings.hpp"

namespace mailsim::scenarios {
namespace {

// Words for the first label of a domain, and names for users: plain ASCII, none a key of the
// scenario format.
constexpr std::array kPlaces{"alder",  "birch",  "cedar",   "dune",    "ember",  "fjord",  "glade",
                             "heron",  "iris",   "juniper", "kestrel", "larch",  "maple",  "nectar",
                             "osprey", "pine",   "quartz",  "raven",   "sorrel", "tern",   "umber",
                             "vale",   "willow", "yarrow",  "zephyr",  "acorn",  "brook",  "coral",
                             "delta",  "elm",    "fern",    "grove",   "harbor", "island", "jasper",
                             "kelp",   "lagoon", "meadow",  "north",   "orchard"};
constexpr std::array kPeople{
    "amina", "bruno", "chloe",  "diego", "elena", "farid", "gaelle",  "hugo",  "ines",  "jules",
    "karim", "lea",   "malik",  "nora",  "oscar", "paula", "quentin", "rosa",  "samir", "tess",
    "ugo",   "vera",  "wassim", "yara",  "zoe",   "anton", "berit",   "camil", "dalia", "emil",
    "flora", "gabin", "hana",   "ivan",  "jade",  "kenza", "lucas",   "mila",  "nael",  "olga"};
// User names that are words of the format too: renaming them would rename keys.
const std::set<std::string> kKeptUsers{"from", "to",   "host", "name",       "user", "server",
                                       "port", "mail", "root", "postmaster", "admin"};

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

std::string capitalized(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

std::string without_dot(std::string name) {
  if (!name.empty() && name.back() == '.') name.pop_back();
  return name;
}

std::vector<std::string> labels(const std::string& name) {
  std::vector<std::string> out;
  for (std::string_view label : split_trimmed(name, '.'))
    if (!label.empty()) out.emplace_back(label);
  return out;
}

std::string prefix_of(sim::net::Ipv4Address address) {
  const std::string text = address.to_string();
  return text.substr(0, text.rfind('.'));
}

// The domains a lesson names: its mail domains and its zones, with two labels or more (a
// top-level zone such as "example." stays).
std::set<std::string> domains_of(const ScenarioModel& s) {
  std::set<std::string> out;
  for (const auto& server : s.mail.servers)
    for (const auto& d : server.domains)
      out.insert(without_dot(d));
  if (s.mail.dns) {
    for (const auto& origin : s.mail.dns->origins())
      out.insert(without_dot(origin));
  }
  std::erase_if(out, [](const std::string& d) { return labels(d).size() < 2; });
  return out;
}

std::set<std::string> users_of(const ScenarioModel& s) {
  std::set<std::string> out;
  for (const auto& server : s.mail.servers)
    for (const auto& [login, password] : server.users)
      out.insert(login);
  for (const auto& client : s.mail.clients)
    out.insert(login_of(client.address));
  std::erase_if(out, [](const std::string& u) {
    return u.size() < 3 || kKeptUsers.contains(u) ||
           !std::all_of(u.begin(), u.end(), [](char c) { return name_char(c); });
  });
  return out;
}

// Every label and name the lesson uses: a new name must be none of them.
std::set<std::string> words_of(const ScenarioModel& s) {
  std::set<std::string> out;
  for (const auto& h : s.network.hosts)
    for (auto& l : labels(h.name))
      out.insert(l);
  for (const auto& r : s.network.routers)
    out.insert(r.name);
  for (const auto& d : domains_of(s))
    for (auto& l : labels(d))
      out.insert(l);
  for (const auto& u : users_of(s))
    out.insert(u);
  for (const auto& c : s.mail.clients)
    out.insert(c.name);
  return out;
}

template <std::size_t N>
std::string pick(sim::RandomStream& numbers, const std::array<const char*, N>& words,
                 std::set<std::string>& taken) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    std::string word = words[numbers.below(N)];
    if (attempt >= 100) word += std::to_string(numbers.below(100));  // every word taken
    if (taken.insert(word).second) return word;
  }
  return "x" + std::to_string(numbers());
}

// "9.113.0.203." and the like: the numbers of a dotted token, when it is an IPv4 address
// (forward) or one written backwards before a zone (a DNSBL or PTR name).
bool split_quad(std::string_view token, std::array<std::string, 4>& octets) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    const std::size_t end = std::min(token.find('.', pos), token.size());
    if (end == pos || end - pos > 3 || (i < 3 && end == token.size())) return false;
    octets[i] = std::string(token.substr(pos, end - pos));
    if (std::stoi(octets[i]) > 255) return false;
    pos = end + 1;
  }
  return pos == token.size() + 1;
}

// A latency times `factor`, to the nearest 0.1 ms and at least that.
sim::SimTime scaled(sim::SimTime latency, double factor) {
  if (latency.count() <= 0) return latency;
  const auto step = std::chrono::duration_cast<sim::SimTime>(std::chrono::microseconds(100));
  const double steps =
      static_cast<double>(latency.count()) * factor / static_cast<double>(step.count());
  return step * std::max<std::int64_t>(1, static_cast<std::int64_t>(steps + 0.5));
}

}  // namespace

Variant::Variant(const ScenarioModel& lesson, std::string key) : key_(std::move(key)) {
  // FNV-1a and xoshiro256**, as the simulator's random streams: the same on every machine.
  const std::uint64_t seed = sim::hash_name(key_);
  latency_seed_ = seed ^ 0x5DEECE66DULL;
  sim::RandomStream numbers(seed);
  std::set<std::string> taken = words_of(lesson);

  // Parents before children: mx.b.example keeps its renamed parent.
  const std::set<std::string> named = domains_of(lesson);
  std::vector<std::string> domains(named.begin(), named.end());
  std::sort(domains.begin(), domains.end(), [](const std::string& a, const std::string& b) {
    return labels(a).size() != labels(b).size() ? labels(a).size() < labels(b).size() : a < b;
  });
  for (const auto& d : domains) {
    const std::string rest = d.substr(d.find('.') + 1);
    const auto parent = names_.find(rest);
    names_[d] =
        pick(numbers, kPlaces, taken) + "." + (parent != names_.end() ? parent->second : rest);
  }
  for (const auto& u : users_of(lesson)) {
    const std::string name = pick(numbers, kPeople, taken);
    names_[u] = name;
    names_[capitalized(u)] = capitalized(name);
  }
  std::set<std::string> prefixes, new_prefixes;
  for (const auto& h : lesson.network.hosts)
    prefixes.insert(prefix_of(h.address));
  for (const auto& r : lesson.network.routers)
    if (r.address) prefixes.insert(prefix_of(*r.address));
  for (const auto& p : prefixes) {
    std::string fresh;
    do {
      fresh =
          "10." + std::to_string(1 + numbers.below(254)) + "." + std::to_string(numbers.below(256));
    } while (!new_prefixes.insert(fresh).second);
    prefixes_[p] = fresh;
  }
}

std::string Variant::rename(std::string_view text) const {
  // Longest names first: mx.b.example before b.example.
  std::vector<const std::pair<const std::string, std::string>*> names;
  for (const auto& entry : names_)
    names.push_back(&entry);
  std::sort(names.begin(), names.end(),
            [](const auto* a, const auto* b) { return a->first.size() > b->first.size(); });
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool starts =
        (i == 0 || !name_char(text[i - 1])) && std::isalnum(static_cast<unsigned char>(text[i]));
    if (!starts) {
      out += text[i++];
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      std::size_t j = i;
      while (j < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.'))
        ++j;
      const std::string_view token = text.substr(i, j - i);
      const bool before_name = j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]));
      std::array<std::string, 4> o;
      const std::size_t quad_end =
          token.size() > 0 && token.back() == '.' ? token.size() - 1 : token.size();
      if (split_quad(token.substr(0, quad_end), o)) {
        const std::string tail(token.substr(quad_end));
        if (auto f = prefixes_.find(o[0] + "." + o[1] + "." + o[2]);
            f != prefixes_.end() && !before_name) {
          out += f->second + "." + o[3] + tail;
          i = j;
          continue;
        }
        if (auto r = prefixes_.find(o[3] + "." + o[2] + "." + o[1]);
            r != prefixes_.end() && before_name && !tail.empty()) {
          const auto l = labels(r->second);
          out += o[0] + "." + l[2] + "." + l[1] + "." + l[0] + tail;
          i = j;
          continue;
        }
      }
      out += token;
      i = j;
      continue;
    }
    bool renamed = false;
    for (const auto* entry : names) {
      const std::string& from = entry->first;
      if (text.compare(i, from.size(), from) != 0) continue;
      const std::size_t end = i + from.size();
      if (end < text.size() && name_char(text[end])) continue;
      out += entry->second;
      i = end;
      renamed = true;
      break;
    }
    if (!renamed) out += text[i++];
  }
  return out;
}

LoadResult Variant::apply(const ScenarioModel& scenario) const {
  ScenarioModel plain = scenario;
  plain.variant.clear();
  LoadResult result = load_scenario_text(rename(write_scenario(plain)), scenario.file);
  if (!result.scenario) return result;
  ScenarioModel& s = *result.scenario;
  s.variant = key_;
  // Each link's latency within 20% of its own, in steps of 0.1 ms; a link changed by the
  // timeline gets the same factor.
  std::map<std::string, double> factors;
  sim::RandomStream numbers(latency_seed_);
  for (auto& link : s.network.links) {
    const double factor = 0.8 + 0.4 * static_cast<double>(numbers.below(1001)) / 1000.0;
    factors[link.name] = factor;
    link.params.latency = scaled(link.params.latency, factor);
  }
  for (auto& entry : s.timeline)
    if (auto* change = std::get_if<ChangeLink>(&entry.action);
        change && factors.contains(change->link))
      change->params.latency = scaled(change->params.latency, factors[change->link]);
  return result;
}

std::string file_name_for(std::string_view student) {
  // The accented letters of French names and their neighbours, in UTF-8.
  static const std::array<std::pair<std::string_view, std::string_view>, 25> kAccents{
      {{"à", "a"}, {"á", "a"},  {"â", "a"},  {"ä", "a"}, {"ç", "c"}, {"è", "e"}, {"é", "e"},
       {"ê", "e"}, {"ë", "e"},  {"ì", "i"},  {"í", "i"}, {"î", "i"}, {"ï", "i"}, {"ò", "o"},
       {"ó", "o"}, {"ô", "o"},  {"ö", "o"},  {"ù", "u"}, {"ú", "u"}, {"û", "u"}, {"ü", "u"},
       {"ÿ", "y"}, {"œ", "oe"}, {"æ", "ae"}, {"ñ", "n"}}};
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < student.size();) {
    std::string_view ascii;
    std::size_t length = 1;
    const char c = student[i];
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      dash = false;
      ++i;
      continue;
    }
    for (const auto& [accented, plain] : kAccents) {
      std::string lower(accented);
      if (student.substr(i, lower.size()) == lower) {
        ascii = plain;
        length = lower.size();
      }
    }
    if (!ascii.empty()) {
      out += ascii;
      dash = false;
    } else if (!dash && !out.empty()) {
      out += '-';
      dash = true;
    }
    i += length;
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out.empty() ? "student" : out;
}

}  // namespace mailsim::scenarios
