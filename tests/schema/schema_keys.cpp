#include "schema_keys.hpp"

#include <stdexcept>

namespace mailsim::schema_test {
namespace {

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

void walk(const nlohmann::json& root, const nlohmann::json& node, const std::string& path,
          SchemaKeys& out, int depth) {
  if (depth > 64) throw std::runtime_error("the schema refers to itself at " + path);
  if (!node.is_object()) return;
  if (auto ref = node.find("$ref"); ref != node.end()) {
    const std::string prefix = "#/definitions/";
    const std::string target = ref->get<std::string>();
    if (target.rfind(prefix, 0) != 0) throw std::runtime_error("unsupported $ref " + target);
    walk(root, root.at("definitions").at(target.substr(prefix.size())), path, out, depth + 1);
  }
  if (auto props = node.find("properties"); props != node.end()) {
    auto extra = node.find("additionalProperties");
    if (extra == node.end() || *extra != false)
      out.open_objects.insert(path.empty() ? "(top)" : path);
    for (const auto& [name, sub] : props->items()) {
      out.paths.insert(join(path, name));
      walk(root, sub, join(path, name), out, depth + 1);
    }
  }
  if (auto extra = node.find("additionalProperties"); extra != node.end() && extra->is_object()) {
    out.paths.insert(join(path, "*"));
    walk(root, *extra, join(path, "*"), out, depth + 1);
  }
  if (auto items = node.find("items"); items != node.end())
    walk(root, *items, path + "[]", out, depth + 1);
  for (const char* kw : {"oneOf", "anyOf", "allOf"})
    if (auto subs = node.find(kw); subs != node.end())
      for (const auto& sub : *subs)
        walk(root, sub, path, out, depth + 1);
}

void walk_yaml(const YAML::Node& node, const std::string& path,
               const std::set<std::string>& maps_of_names, std::set<std::string>& out) {
  if (node.IsSequence()) {
    for (const auto& item : node)
      walk_yaml(item, path + "[]", maps_of_names, out);
  } else if (node.IsMap()) {
    const bool names = maps_of_names.count(join(path, "*")) != 0;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string key = join(path, names ? "*" : it->first.Scalar());
      out.insert(key);
      walk_yaml(it->second, key, maps_of_names, out);
    }
  }
}

}  // namespace

SchemaKeys schema_keys(const nlohmann::json& schema) {
  SchemaKeys out;
  walk(schema, schema, "", out, 0);
  return out;
}

std::set<std::string> yaml_keys(const YAML::Node& root,
                                const std::set<std::string>& maps_of_names) {
  std::set<std::string> out;
  walk_yaml(root, "", maps_of_names, out);
  return out;
}

}  // namespace mailsim::schema_test
