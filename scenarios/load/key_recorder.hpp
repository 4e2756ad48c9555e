#pragma once
// Reports every key the scenario readers ask about, with the path of its mapping
// ("network.hosts[].firewall[].port"), to a collector that only the schema consistency test
// installs: the keys the loader knows are then compared with the keys the JSON schema declares.
// Without a collector, recording costs one pointer test. Not thread-safe: tests only.
#include <set>
#include <string>
#include <string_view>

namespace mailsim::scenarios {

class KeyCollector {
 public:
  KeyCollector();  // installs itself until destroyed
  ~KeyCollector();
  KeyCollector(const KeyCollector&) = delete;
  KeyCollector& operator=(const KeyCollector&) = delete;

  // "title", "network.hosts[].name", "dns.zones.*" (a map whose keys are names: any key).
  const std::set<std::string>& keys() const { return keys_; }

 private:
  friend void record_key(std::string_view map_path, std::string_view key);
  std::set<std::string> keys_;
  KeyCollector* previous_;
};

// `map_path` is the path of the mapping ("" for the top level); a path ending in ".*" is a
// map of names, recorded as itself whatever the key.
void record_key(std::string_view map_path, std::string_view key);

}  // namespace mailsim::scenarios
