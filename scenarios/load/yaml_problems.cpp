#include "scenarios/load/yaml_problems.hpp"

#include <string_view>
#include <utility>

#include <yaml-cpp/exceptions.h>

namespace mailsim::scenarios {

namespace {
namespace em = YAML::ErrorMsg;

// yaml-cpp's texts, whole or as a prefix followed by a detail (the escape, the directive).
struct Known {
  const char* text;
  const Message* message;
  bool prefix = false;
};
const Known kKnown[] = {
    {em::END_OF_MAP, &msg::kYamlEndOfMap},
    {em::END_OF_MAP_FLOW, &msg::kYamlEndOfMapFlow},
    {em::END_OF_SEQ, &msg::kYamlEndOfSeq},
    {em::END_OF_SEQ_FLOW, &msg::kYamlEndOfSeqFlow},
    {em::MULTIPLE_TAGS, &msg::kYamlTwoTags},
    {em::MULTIPLE_ANCHORS, &msg::kYamlTwoAnchors},
    {em::MULTIPLE_ALIASES, &msg::kYamlTwoAliases},
    {em::ALIAS_CONTENT, &msg::kYamlAliasContent},
    {em::INVALID_HEX, &msg::kYamlBadHex},
    {em::INVALID_UNICODE, &msg::kYamlBadUnicode, true},
    {em::INVALID_ESCAPE, &msg::kYamlBadEscape, true},
    {em::UNKNOWN_TOKEN, &msg::kYamlUnknownToken},
    {em::DOC_IN_SCALAR, &msg::kYamlDocInScalar},
    {em::EOF_IN_SCALAR, &msg::kYamlEofInScalar},
    {em::CHAR_IN_SCALAR, &msg::kYamlCharInScalar},
    {em::TAB_IN_INDENTATION, &msg::kYamlTab},
    {em::FLOW_END, &msg::kYamlFlowEnd},
    {kStrayCommaProblem, &msg::kYamlStrayComma},
    {em::BLOCK_ENTRY, &msg::kYamlBlockEntry},
    {em::MAP_KEY, &msg::kYamlMapKey},
    {em::MAP_VALUE, &msg::kYamlMapValue},
    {em::ALIAS_NOT_FOUND, &msg::kYamlNoAlias},
    {em::ANCHOR_NOT_FOUND, &msg::kYamlNoAnchor},
    {em::CHAR_IN_ALIAS, &msg::kYamlCharInName},
    {em::CHAR_IN_ANCHOR, &msg::kYamlCharInName},
    {em::ZERO_INDENT_IN_BLOCK, &msg::kYamlBlockIndent},
    {em::CHAR_IN_BLOCK, &msg::kYamlCharInBlock},
    {em::UNKNOWN_ANCHOR, &msg::kYamlUnknownAnchor},
    {em::YAML_DIRECTIVE_ARGS, &msg::kYamlDirective, true},
    {em::YAML_VERSION, &msg::kYamlDirective, true},
    {em::YAML_MAJOR_VERSION, &msg::kYamlDirective, true},
    {em::REPEATED_YAML_DIRECTIVE, &msg::kYamlDirective, true},
    {em::TAG_DIRECTIVE_ARGS, &msg::kYamlDirective, true},
    {em::REPEATED_TAG_DIRECTIVE, &msg::kYamlDirective, true},
};
}  // namespace

Text yaml_problem(const std::string& problem) {
  for (const auto& k : kKnown) {
    const std::string_view text = k.text;
    if (!k.prefix && problem == text) return Text(*k.message);
    if (k.prefix && problem.starts_with(text))
      return Text(
          *k.message,
          {{"detail", k.message == &msg::kYamlDirective ? problem : problem.substr(text.size())}});
  }
  return Text(msg::kYamlOther, {{"detail", problem}});
}

}  // namespace mailsim::scenarios
