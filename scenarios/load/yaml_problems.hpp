#pragma once
// yaml-cpp's parser says what went wrong in English ("end of map not found"); a French reader
// gets the same problem in French, through the catalog.
#include <array>
#include <string>

#include "sim/text.hpp"

namespace mailsim::scenarios {

// The parser's problem (YAML::Exception::msg) as a catalog text; a problem this table does not
// know is shown as the parser wrote it.
Text yaml_problem(const std::string& problem);

// The problem the loader itself gives where yaml-cpp would read a ',' without end.
inline constexpr const char* kStrayCommaProblem = "a ',' with no list or map before it";

namespace msg {
inline constexpr Message kYamlEndOfMap{"load.yaml.end_of_map", "the end of this map is missing",
                                       "la fin de ce dictionnaire manque"};
inline constexpr Message kYamlEndOfMapFlow{"load.yaml.end_of_map_flow",
                                           "a '}' closing this {...} is missing",
                                           "il manque le « } » qui ferme ce {...}"};
inline constexpr Message kYamlEndOfSeq{"load.yaml.end_of_seq", "the end of this list is missing",
                                       "la fin de cette liste manque"};
inline constexpr Message kYamlEndOfSeqFlow{"load.yaml.end_of_seq_flow",
                                           "a ']' closing this [...] is missing",
                                           "il manque le « ] » qui ferme ce [...]"};
inline constexpr Message kYamlTwoTags{"load.yaml.two_tags", "a value has two tags ('!')",
                                      "une valeur a deux étiquettes (« ! »)"};
inline constexpr Message kYamlTwoAnchors{"load.yaml.two_anchors", "a value has two anchors ('&')",
                                         "une valeur a deux ancres (« & »)"};
inline constexpr Message kYamlTwoAliases{"load.yaml.two_aliases", "a value has two aliases ('*')",
                                         "une valeur a deux alias (« * »)"};
inline constexpr Message kYamlAliasContent{"load.yaml.alias_content",
                                           "an alias ('*') cannot have a value of its own",
                                           "un alias (« * ») ne peut pas avoir de valeur propre"};
inline constexpr Message kYamlBadHex{"load.yaml.bad_hex",
                                     "a character that is not hexadecimal in an escape (\\x, \\u)",
                                     "un caractère non hexadécimal dans un échappement (\\x, \\u)"};
inline constexpr Message kYamlBadUnicode{"load.yaml.bad_unicode",
                                         "an escape names no Unicode character: {detail}",
                                         "un échappement ne désigne aucun caractère Unicode : "
                                         "{detail}"};
inline constexpr Message kYamlBadEscape{
    "load.yaml.bad_escape",
    "an unknown escape after '\\' in double quotes: {detail} (write '\\\\' for a backslash, or "
    "use single quotes)",
    "un échappement inconnu après « \\ » entre guillemets : {detail} (écrivez « \\\\ » pour une "
    "barre oblique inverse, ou utilisez des apostrophes)"};
inline constexpr Message kYamlUnknownToken{"load.yaml.unknown_token", "an unexpected sign here",
                                           "un signe inattendu ici"};
inline constexpr Message kYamlDocInScalar{"load.yaml.doc_in_scalar",
                                          "a '---' or '...' line inside a text",
                                          "une ligne « --- » ou « ... » au milieu d'un texte"};
inline constexpr Message kYamlEofInScalar{
    "load.yaml.eof_in_scalar", "the file ends inside a text: a closing quote is missing",
    "le fichier se termine au milieu d'un texte : un guillemet fermant manque"};
inline constexpr Message kYamlCharInScalar{"load.yaml.char_in_scalar",
                                           "a character not allowed in this text",
                                           "un caractère interdit dans ce texte"};
inline constexpr Message kYamlTab{"load.yaml.tab", "a tab is used to indent",
                                  "une tabulation sert d'indentation"};
inline constexpr Message kYamlStrayComma{"load.yaml.stray_comma",
                                         "a ',' with no list or map before it",
                                         "une « , » sans liste ni dictionnaire avant elle"};
inline constexpr Message kYamlFlowEnd{"load.yaml.flow_end", "a ']' or '}' that closes nothing",
                                      "un « ] » ou « } » qui ne ferme rien"};
inline constexpr Message kYamlBlockEntry{"load.yaml.block_entry",
                                         "a list item ('- ') where none can be",
                                         "un élément de liste (« - ») là où il ne peut pas y en "
                                         "avoir"};
inline constexpr Message kYamlMapKey{"load.yaml.map_key", "a key where none can be",
                                     "une clé là où il ne peut pas y en avoir"};
inline constexpr Message kYamlMapValue{"load.yaml.map_value", "a ':' where no value can start",
                                       "un « : » là où aucune valeur ne peut commencer"};
inline constexpr Message kYamlNoAlias{"load.yaml.no_alias", "a name is missing after '*'",
                                      "un nom manque après « * »"};
inline constexpr Message kYamlNoAnchor{"load.yaml.no_anchor", "a name is missing after '&'",
                                       "un nom manque après « & »"};
inline constexpr Message kYamlCharInName{"load.yaml.char_in_name",
                                         "a character not allowed in an anchor or alias name",
                                         "un caractère interdit dans un nom d'ancre ou d'alias"};
inline constexpr Message kYamlBlockIndent{"load.yaml.block_indent",
                                          "the lines of a '|' or '>' text must be indented",
                                          "les lignes d'un texte « | » ou « > » doivent être "
                                          "indentées"};
inline constexpr Message kYamlCharInBlock{"load.yaml.char_in_block",
                                          "an unexpected character after '|' or '>'",
                                          "un caractère inattendu après « | » ou « > »"};
inline constexpr Message kYamlUnknownAnchor{"load.yaml.unknown_anchor",
                                            "an alias ('*') names an anchor ('&') defined nowhere",
                                            "un alias (« * ») désigne une ancre (« & ») définie "
                                            "nulle part"};
inline constexpr Message kYamlDirective{"load.yaml.directive",
                                        "a '%' directive that MailSim does not read: {detail}",
                                        "une directive « % » que MailSim ne lit pas : {detail}"};
inline constexpr Message kYamlOther{"load.yaml.other", "{detail}",
                                    "erreur du lecteur YAML ({detail})"};

inline constexpr std::array kYamlProblems{
    &kYamlEndOfMap,    &kYamlEndOfMapFlow,  &kYamlEndOfSeq,     &kYamlEndOfSeqFlow,
    &kYamlTwoTags,     &kYamlTwoAnchors,    &kYamlTwoAliases,   &kYamlAliasContent,
    &kYamlBadHex,      &kYamlBadUnicode,    &kYamlBadEscape,    &kYamlUnknownToken,
    &kYamlDocInScalar, &kYamlEofInScalar,   &kYamlCharInScalar, &kYamlTab,
    &kYamlFlowEnd,     &kYamlBlockEntry,    &kYamlMapKey,       &kYamlMapValue,
    &kYamlNoAlias,     &kYamlNoAnchor,      &kYamlCharInName,   &kYamlBlockIndent,
    &kYamlCharInBlock, &kYamlUnknownAnchor, &kYamlDirective,    &kYamlStrayComma,
    &kYamlOther};
}  // namespace msg

}  // namespace mailsim::scenarios
