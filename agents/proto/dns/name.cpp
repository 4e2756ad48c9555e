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
// Calls f with each label of a well-formed wire form (a name's own), leftmost first.
template <class F>
void for_each_label(std::string_view wire, F f) {
  for (std::size_t at = 0; at < wire.size(); at += 1 + static_cast<unsigned char>(wire[at]))
    f(wire.substr(at + 1, static_cast<unsigned char>(wire[at])));
}
}  // namespace

bool label_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

// The length octets (at most 63) are never letters, so a case-insensitive comparison of the
// wire forms compares the labels one by one.
bool operator==(const Name& a, const Name& b) {
  return a.count_ == b.count_ && label_equal(a.wire_, b.wire_);
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
  return make(labels, shown);
}

Name Name::from_labels(std::vector<std::string> labels) {
  std::string shown;
  for (const auto& label : labels) {
    append_label(shown, label);
    shown += '.';
  }
  return make(labels, shown.empty() ? "." : shown);
}

Name Name::make(const std::vector<std::string>& labels, std::string_view shown) {
  std::size_t size = 0;
  for (const auto& label : labels) {
    check_label(label, shown);
    size += 1 + label.size();
  }
  check_length(size + 1, shown);
  std::string wire;
  wire.reserve(size);
  for (const auto& label : labels) {
    wire += static_cast<char>(label.size());
    wire += label;
  }
  return Name(std::move(wire), labels.size());
}

Name Name::from_wire(std::string wire) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < wire.size(); ++count) {
    const auto length = static_cast<unsigned char>(wire[at]);
    if (length > wire.size() - at - 1)
      throw NameError(Text(msg::kNameWireCut, {{"length", std::to_string(length)}}));
    check_label(std::string_view(wire).substr(at + 1, length), "");
    at += 1 + length;
  }
  Name name(std::move(wire), count);
  check_length(name.wire_length(), name.to_string());
  return name;
}

void Name::check_label(std::string_view label, std::string_view shown) {
  const auto name = [&] { return std::string(shown.empty() ? label : shown); };
  if (label.empty()) throw NameError(Text(msg::kNameEmptyLabel, {{"name", name()}}));
  if (label.size() > kMaxLabelLength) {
    std::string printable;
    append_label(printable, label);
    throw NameError(
        Text(msg::kNameLabelTooLong,
             {{"name", name()}, {"label", printable}, {"length", std::to_string(label.size())}}));
  }
}

void Name::check_length(std::size_t wire_length, std::string_view shown) {
  if (wire_length > kMaxNameLength)
    throw NameError(Text(msg::kNameTooLong,
                         {{"name", std::string(shown)}, {"length", std::to_string(wire_length)}}));
}

std::size_t Name::offset_of_label(std::size_t index) const {
  std::size_t at = 0;
  for (; index > 0; --index)
    at += 1 + static_cast<unsigned char>(wire_[at]);
  return at;
}

std::vector<std::string_view> Name::labels() const {
  std::vector<std::string_view> out;
  out.reserve(count_);
  for_each_label(wire_, [&](std::string_view label) { out.push_back(label); });
  return out;
}

std::string Name::to_string() const {
  if (is_root()) return ".";
  std::string out;
  out.reserve(wire_length());  // the text without escapes is as long as the wire form
  for_each_label(wire_, [&](std::string_view label) {
    append_label(out, label);
    out += '.';
  });
  return out;
}

std::string Name::key() const {
  std::string s = to_string();
  std::transform(s.begin(), s.end(), s.begin(), ascii_lower);
  return s;
}

Name Name::parent() const {
  return suffix(count_ == 0 ? 0 : count_ - 1);
}

Name Name::child(std::string_view label) const {
  std::string shown;  // the name it would make, for an error
  append_label(shown, label);
  shown += '.';
  if (!is_root()) shown += to_string();
  check_label(label, shown);
  check_length(1 + label.size() + wire_length(), shown);
  std::string wire;
  wire.reserve(1 + label.size() + wire_.size());
  wire += static_cast<char>(label.size());
  wire += label;
  wire += wire_;
  return Name(std::move(wire), count_ + 1);
}

Name Name::suffix(std::size_t label_count) const {
  label_count = std::min(label_count, count_);
  return Name(wire_.substr(offset_of_label(count_ - label_count)), label_count);
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
  Name name(wire_ + origin.wire_, count_ + origin.count_);
  check_length(name.wire_length(), name.to_string());
  return name;
}

bool Name::is_subdomain_of(const Name& ancestor) const {
  if (ancestor.count_ > count_) return false;
  const std::size_t at = offset_of_label(count_ - ancestor.count_);
  return label_equal(std::string_view(wire_).substr(at), ancestor.wire_);
}

}  // namespace mailsim::proto::dns
