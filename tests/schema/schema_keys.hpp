#pragma once
// Key paths of the scenario format, as the JSON schema declares them and as a YAML file uses
// them: "network.hosts[].firewall[].port", "dns.zones.*" for a map of names.
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

namespace mailsim::schema_test {

struct SchemaKeys {
  std::set<std::string> paths;
  std::set<std::string> open_objects;  // objects with properties but no additionalProperties: false
};

// Follows $ref (to #/definitions/...), properties, additionalProperties, items and
// oneOf/anyOf/allOf.
SchemaKeys schema_keys(const nlohmann::json& schema);

// The key paths a YAML document uses; a map at a path whose "path.*" is in `maps_of_names`
// has names for keys, recorded as "path.*".
std::set<std::string> yaml_keys(const YAML::Node& root, const std::set<std::string>& maps_of_names);

}  // namespace mailsim::schema_test
