#include "agents/proto/dns/name.hpp"

#include <algorithm>
#include <cctype>

#include "agents/proto/dns/messages.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::dns {

namespace {

bool needs_escape(unsigned char c) {
  return c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';' || c == '@' ||
         c == '$';
}

void append_label(std::string& out, std::string_view label) {
  const bool plain = std::all_of(label.begin(), label.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x21 && c <= 0x7E && !needs_escape(c);
  });
  if (plain) {  // almost every label: one append instead of one per octet
    out += label;
    return;
  }
  for (unsigned char c : label) {
    if (c < 0x21 || c > 0x7E) {
      out += '\\';
      out += static_cast<char>('0' + c / 100);
      out += static_cast<char>('0' + c / 10 % 10);
      out += static_cast<char>('0' + c % 10);
    } else {
      if (needs_escape(c)) out += '\\';
      out += static_cast<char>(c);
    }
  }
}
}  // namespace

bool label_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

bool operator==(const Name& a, const Name& b) {
  return a.labels_.size() == b.labels_.size() &&
         std::equal(a.labels_.begin(), a.labels_.end(), b.labels_.begin(), label_equal);
}

Name Name::parse(std::string_view text) {
  const std::string shown(text);
  if (text.empty()) throw NameError(Text(msg::kNameEmpty));
  if (text == ".") return Name();
  std::vector<std::string> labels;
  std::string label;
  bool label_started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (!label_started) throw NameError(Text(msg::kNameEmptyLabel, {{"name", shown}}));
      labels.push_back(std::move(label));
      label.clear();
      label_started = false;
      continue;
    }
    label_started = true;
    if (c != '\\') {
      label += c;
      continue;
    }
    // \DDD (three decimal digits) or \X (X taken literally).
    const auto bad = [&] {
      return NameError(
          Text(msg::kNameBadEscape, {{"name", shown}, {"rest", std::string(text.substr(i))}}));
    };
    if (i + 1 >= text.size()) throw bad();
    if (std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      int value = 0;
      for (std::size_t k = 1; k <= 3; ++k) {
        if (i + k >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i + k])))
          throw bad();
        value = value * 10 + (text[i + k] - '0');
      }
      if (value > 255) throw bad();
      label += static_cast<char>(value);
      i += 3;
    } else {
      label += text[i + 1];
      i += 1;
    }
  }
  if (label_started) labels.push_back(std::move(label));
  Name name(std::move(labels));
  name.check(shown);
  return name;
}

Name Name::from_labels(std::vector<std::string> labels) {
  Name name(std::move(labels));
  name.check(name.to_string());
  return name;
}

void Name::check(std::string_view shown) const {
  for (const auto& label : labels_) {
    if (label.empty()) throw NameError(Text(msg::kNameEmptyLabel, {{"name", std::string(shown)}}));
    if (label.size() > kMaxLabelLength) {
      std::string printable;
      append_label(printable, label);
      throw NameError(Text(msg::kNameLabelTooLong, {{"name", std::string(shown)},
                                                    {"label", printable},
                                                    {"length", std::to_string(label.size())}}));
    }
  }
  if (wire_length() > kMaxNameLength)
    throw NameError(Text(msg::kNameTooLong, {{"name", std::string(shown)},
                                             {"length", std::to_string(wire_length())}}));
}

std::size_t Name::wire_length() const {
  std::size_t n = 1;
  for (const auto& label : labels_)
    n += 1 + label.size();
  return n;
}

std::string Name::to_string() const {
  if (labels_.empty()) return ".";
  std::string out;
  out.reserve(wire_length());  // the text without escapes is as long as the wire form
  for (const auto& label : labels_) {
    append_label(out, label);
    out += '.';
  }
  return out;
}

std::string Name::key() const {
  std::string s = to_string();
  std::transform(s.begin(), s.end(), s.begin(), ascii_lower);
  return s;
}

Name Name::parent() const {
  if (labels_.empty()) return Name();
  return Name(std::vector<std::string>(labels_.begin() + 1, labels_.end()));
}

Name Name::child(std::string_view label) const {
  std::vector<std::string> labels;
  labels.reserve(labels_.size() + 1);
  labels.emplace_back(label);
  labels.insert(labels.end(), labels_.begin(), labels_.end());
  return from_labels(std::move(labels));
}

Name Name::suffix(std::size_t label_count) const {
  label_count = std::min(label_count, labels_.size());
  return Name(std::vector<std::string>(labels_.end() - static_cast<std::ptrdiff_t>(label_count),
                                       labels_.end()));
}

Name Name::parse(std::string_view text, const Name& origin) {
  if (text == "@") return origin;
  // The final dot ends the name unless escaped by an odd number of backslashes (a\.).
  std::size_t slashes = 0;
  if (!text.empty() && text.back() == '.')
    while (slashes + 1 < text.size() && text[text.size() - 2 - slashes] == '\\')
      ++slashes;
  const bool absolute = !text.empty() && text.back() == '.' && slashes % 2 == 0;
  const Name name = parse(text);
  return absolute ? name : name.concat(origin);
}

Name Name::concat(const Name& origin) const {
  std::vector<std::string> labels = labels_;
  labels.insert(labels.end(), origin.labels_.begin(), origin.labels_.end());
  return from_labels(std::move(labels));
}

bool Name::is_subdomain_of(const Name& ancestor) const {
  if (ancestor.labels_.size() > labels_.size()) return false;
  return suffix(ancestor.labels_.size()) == ancestor;
}

}  // namespace mailsim::proto::dns
