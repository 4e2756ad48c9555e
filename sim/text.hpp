#pragma once
// The message catalog: every sentence a person reads (errors, narration, labels) is a
// Message with an English and a French text, rendered with named arguments.
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mailsim {

enum class Lang { en, fr };

// Parses "en" / "fr" (case-insensitive); returns false for anything else.
bool parse_lang(std::string_view text, Lang& out);

// One catalog entry. Texts use {name} placeholders; "{{" and "}}" stand for braces.
struct Message {
  std::string_view id;  // stable key, e.g. "time.unknown_unit"
  std::string_view en;
  std::string_view fr;

  std::string_view text(Lang lang) const { return lang == Lang::fr ? fr : en; }
};

// A message with its arguments, ready to render in either language.
class Text {
 public:
  using Arg = std::pair<std::string, std::string>;

  Text(const Message& message, std::initializer_list<Arg> args = {})
      : message_(&message), args_(args) {}
  Text(const Message& message, std::vector<Arg> args)
      : message_(&message), args_(std::move(args)) {}

  // Adds an argument that is itself a catalog text, rendered in the same language (an error
  // that quotes another error).
  Text& with(std::string name, Text nested) {
    nested_.emplace_back(std::move(name), std::move(nested));
    return *this;
  }

  const Message& message() const { return *message_; }
  const std::vector<Arg>& args() const { return args_; }
  std::string render(Lang lang) const;

 private:
  const Message* message_;
  std::vector<Arg> args_;
  std::vector<std::pair<std::string, Text>> nested_;
};

// An error whose text is a catalog message: what() is English, text() renders either language.
class LocalizedError : public std::runtime_error {
 public:
  explicit LocalizedError(Text text)
      : std::runtime_error(text.render(Lang::en)), text_(std::move(text)) {}
  const Text& text() const { return text_; }

 private:
  Text text_;
};

// Substitutes {name} placeholders; an unknown name is left visible as {name}.
std::string render_template(std::string_view pattern, const std::vector<Text::Arg>& args);

}  // namespace mailsim
