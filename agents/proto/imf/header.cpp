#include "agents/proto/imf/header.hpp"

#include <algorithm>

#include "agents/proto/imf/messages.hpp"
#include "agents/proto/imf/visible.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imf {
namespace {

bool is_wsp(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim_wsp(std::string_view s) {
  while (!s.empty() && is_wsp(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_wsp(s.back()))
    s.remove_suffix(1);
  return s;
}

// Two memchr instead of find_first_of("\r\n"), which looks up every octet in the set.
bool has_cr_or_lf(std::string_view s) {
  return s.find('\r') != std::string_view::npos || s.find('\n') != std::string_view::npos;
}

void check_name(std::string_view name) {
  if (!is_field_name(name))
    throw ParseError(Text(msg::kBadNewFieldName, {{"name", visible(name)}}));
}

// A folded value must be lines joined by CRLF, each continuation starting with white space,
// and no line (with the name on the first) longer than 998 octets.
void check_raw(const Field& field) {
  std::string_view rest = field.raw;
  std::size_t line_length = field.name.size() + 1;
  bool first = true;
  while (true) {
    const auto crlf = rest.find("\r\n");
    const auto line = rest.substr(0, crlf);
    if (has_cr_or_lf(line) || (!first && (line.empty() || !is_wsp(line.front()))))
      throw ParseError(
          Text(msg::kValueHasNewline, {{"name", field.name}, {"text", visible(field.raw)}}));
    if (line_length + line.size() > kMaxLineLength)
      throw ParseError(Text(msg::kWordTooLong, {{"name", field.name}, {"text", visible(line)}}));
    if (crlf == std::string_view::npos) break;
    rest.remove_prefix(crlf + 2);
    line_length = 0;
    first = false;
  }
}

Field make_field(std::string_view name, std::string_view value) {
  check_name(name);
  return Field{std::string(name), fold(name, value)};
}

}  // namespace

bool is_field_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
  });
}

std::string unfold(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r' && i + 2 < raw.size() && raw[i + 1] == '\n' && is_wsp(raw[i + 2])) {
      ++i;  // skip CR and LF, keep the white space
      continue;
    }
    if (raw[i] == '\n' && i + 1 < raw.size() && is_wsp(raw[i + 1])) continue;
    out += raw[i];
  }
  return out;
}

std::string Field::value() const {
  if (!has_cr_or_lf(raw)) return std::string(trim_wsp(raw));  // one line: nothing to unfold
  return std::string(trim_wsp(unfold(raw)));
}

std::string fold(std::string_view name, std::string_view value, std::size_t width) {
  if (has_cr_or_lf(value))
    throw ParseError(
        Text(msg::kValueHasNewline, {{"name", std::string(name)}, {"text", visible(value)}}));
  if (value.empty()) return {};
  const bool lead = !is_wsp(value.front());  // the value starts after "Name:" with one space
  // A field that fits on one line is the text as it is: no word can push past the width.
  if (name.size() + 1 + lead + value.size() <= std::min(width, kMaxLineLength)) {
    std::string out;
    out.reserve(lead + value.size());
    if (lead) out += ' ';
    out += value;
    return out;
  }
  const std::string text = lead ? " " + std::string(value) : std::string(value);

  std::string out;
  std::size_t line_length = name.size() + 1;  // "Name:"
  bool line_has_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // One segment: a run of white space, then a word.
    std::size_t word = pos;
    while (word < text.size() && is_wsp(text[word]))
      ++word;
    std::size_t end = word;
    while (end < text.size() && !is_wsp(text[end]))
      ++end;
    const std::string_view segment(text.data() + pos, end - pos);
    const bool has_word = end > word;
    if (has_word && line_has_word && line_length + segment.size() > width) {
      out += "\r\n";  // the segment's white space starts the continuation line
      line_length = 0;
    }
    out += segment;
    line_length += segment.size();
    if (line_length > kMaxLineLength)
      throw ParseError(Text(msg::kWordTooLong, {{"name", std::string(name)},
                                                {"text", visible(text.substr(word, end - word))}}));
    line_has_word = line_has_word || has_word;
    pos = end;
  }
  return out;
}

// ---- Header --------------------------------------------------------------------------------

const Field* Header::find(std::string_view name) const {
  for (const auto& f : fields_)
    if (iequals(f.name, name)) return &f;
  return nullptr;
}

std::vector<const Field*> Header::find_all(std::string_view name) const {
  std::vector<const Field*> out;
  for (const auto& f : fields_)
    if (iequals(f.name, name)) out.push_back(&f);
  return out;
}

std::size_t Header::count(std::string_view name) const {
  return static_cast<std::size_t>(std::count_if(
      fields_.begin(), fields_.end(), [&](const Field& f) { return iequals(f.name, name); }));
}

std::optional<std::string> Header::value(std::string_view name) const {
  if (const auto* f = find(name)) return f->value();
  return std::nullopt;
}

void Header::append(std::string_view name, std::string_view value) {
  fields_.push_back(make_field(name, value));
}

void Header::prepend(std::string_view name, std::string_view value) {
  fields_.insert(fields_.begin(), make_field(name, value));
}

void check_field(const Field& field) {
  check_name(field.name);
  check_raw(field);
}

void Header::append_field(Field field) {
  check_field(field);
  fields_.push_back(std::move(field));
}

void Header::prepend_field(Field field) {
  check_field(field);
  fields_.insert(fields_.begin(), std::move(field));
}

void Header::set(std::string_view name, std::string_view value) {
  for (auto& f : fields_) {
    if (iequals(f.name, name)) {
      f = make_field(f.name, value);
      return;
    }
  }
  append(name, value);
}

std::size_t Header::remove(std::string_view name) {
  return std::erase_if(fields_, [&](const Field& f) { return iequals(f.name, name); });
}

std::size_t Header::wire_size() const {
  std::size_t size = 0;
  for (const auto& f : fields_)
    size += f.name.size() + 1 + f.raw.size() + 2;
  return size;
}

void Header::append_to(std::string& out) const {
  out.reserve(out.size() + wire_size());
  for (const auto& f : fields_) {
    out += f.name;
    out += ':';
    out += f.raw;
    out += "\r\n";
  }
}

std::string Header::to_string() const {
  std::string out;
  append_to(out);
  return out;
}

std::string Message::to_string() const& {
  std::string out;
  out.reserve(header.wire_size() + 2 + body.size());  // a body may be 100MB: copied once
  header.append_to(out);
  return out.append("\r\n").append(body);
}

std::string Message::to_string() && {
  body.insert(0, header.to_string().append("\r\n"));
  return std::move(body);
}

// ---- Parsing -------------------------------------------------------------------------------

MessageView parse_message_view(std::string_view text) {
  MessageView out;
  std::vector<Field> fields;
  fields.reserve(16);  // a composed message has about ten; more grow as usual
  std::size_t pos = 0;
  std::size_t line_number = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    const auto next = nl == std::string_view::npos ? text.size() : nl + 1;
    auto line = text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    pos = next;
    if (line.empty()) {
      out.body = text.substr(pos);
      break;
    }
    // The line's number is written out only for an error: this loop runs on every header line
    // of every message each agent reads.
    const auto number = [line_number] { return std::to_string(line_number); };
    if (line.size() > kMaxLineLength)
      throw ParseError(Text(msg::kLineTooLong, {{"line", number()},
                                                {"length", std::to_string(line.size())},
                                                {"text", visible(line, 40)}}));
    if (is_wsp(line.front())) {
      if (fields.empty())
        throw ParseError(
            Text(msg::kContinuationFirst, {{"line", number()}, {"text", visible(line)}}));
      fields.back().raw += "\r\n";
      fields.back().raw += line;
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
      throw ParseError(Text(msg::kNoColon, {{"line", number()}, {"text", visible(line)}}));
    auto name = line.substr(0, colon);
    while (!name.empty() && is_wsp(name.back()))  // "Subject : x" (obs-optional, 4.5.3)
      name.remove_suffix(1);
    if (!is_field_name(name))
      throw ParseError(Text(msg::kBadFieldName, {{"line", number()}, {"name", visible(name)}}));
    fields.push_back(Field{std::string(name), std::string(line.substr(colon + 1))});
  }
  // One more than parsed: the trace field the next agent puts on top (Received, Return-Path)
  // then moves the others without a new array.
  out.header.reserve(fields.size() + 1);
  for (auto& f : fields)
    out.header.append_field(std::move(f));
  return out;
}

Message parse_message(std::string_view text) {
  auto split = parse_message_view(text);
  return Message{std::move(split.header), std::string(split.body)};
}

Header parse_header(std::string_view text) {
  return parse_message_view(text).header;
}

std::vector<Text> check_required(const Header& header) {
  std::vector<Text> problems;
  for (std::string_view name : {"Date", "From"})
    if (header.count(name) == 0)
      problems.emplace_back(msg::kMissingField,
                            std::initializer_list<Text::Arg>{{"name", std::string(name)}});
  for (std::string_view name : {"Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc",
                                "Message-ID", "In-Reply-To", "References", "Subject"}) {
    const auto n = header.count(name);
    if (n > 1)
      problems.emplace_back(msg::kDuplicateField,
                            std::initializer_list<Text::Arg>{{"name", std::string(name)},
                                                             {"count", std::to_string(n)}});
  }
  return problems;
}

}  // namespace mailsim::proto::imf
