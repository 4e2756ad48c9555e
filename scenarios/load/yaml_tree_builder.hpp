#pragma once
// Builds a YamlTree from yaml-cpp's parser events: the text is read once, without yaml-cpp's
// node tree and without a copy of the text.
#include <string_view>
#include <vector>

#include "scenarios/load/yaml_node.hpp"

namespace mailsim::scenarios {

// Every document of `text`, in order; a document without content is a null node. Throws what
// yaml-cpp's parser throws (YAML::ParserException, with its mark).
std::vector<YamlNode> parse_yaml_documents(std::string_view text);

}  // namespace mailsim::scenarios
