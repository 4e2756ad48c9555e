#include "agents/proto/imf/address.hpp"

#include <cctype>
#include <optional>

#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/messages.hpp"
#include "agents/proto/imf/visible.hpp"

namespace mailsim::proto::imf {
namespace {

bool is_atext(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;  // UTF-8 (RFC 6532)
  return std::isalnum(u) != 0 ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool is_dot_atom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos)
    return false;
  for (const char c : s)
    if (c != '.' && !is_atext(c)) return false;
  return true;
}

enum class Kind { atom, quoted, literal, special, end };

struct Token {
  Kind kind = Kind::end;
  std::string text;     // atom text, quoted content unescaped, literal with brackets, the special
  std::size_t pos = 0;  // from 0
  bool space_before = false;
};

class Parser {
 public:
  Parser(std::string_view text, DisplayNames names) : text_(text), names_(names) { advance(); }

  std::vector<Address> list() {
    std::vector<Address> out;
    while (true) {
      while (is_special(','))
        advance();
      if (token_.kind == Kind::end) break;
      out.push_back(address(true));
      if (token_.kind == Kind::end) break;
      if (!is_special(',')) unexpected();
    }
    if (out.empty()) throw AddressError(Text(msg::kAddressEmpty));
    return out;
  }

 private:
  bool is_special(char c) const { return token_.kind == Kind::special && token_.text[0] == c; }

  [[noreturn]] void unexpected() const {
    if (token_.kind == Kind::end)
      throw AddressError(Text(msg::kAddressEndsEarly, {{"text", visible(text_)}}));
    throw AddressError(Text(msg::kAddressUnexpected, {{"text", visible(text_)},
                                                      {"char", visible(token_.text)},
                                                      {"pos", std::to_string(token_.pos + 1)}}));
  }
  [[noreturn]] void unclosed(std::size_t pos, char opener, char closer) const {
    throw AddressError(Text(msg::kAddressUnclosed, {{"text", visible(text_)},
                                                    {"opener", std::string(1, opener)},
                                                    {"pos", std::to_string(pos + 1)},
                                                    {"closer", std::string(1, closer)}}));
  }

  // Skips white space and (nested) comments.
  bool skip_cfws() {
    bool skipped = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++pos_;
        skipped = true;
      } else if (c == '(') {
        const auto start = pos_;
        int depth = 0;
        do {
          if (pos_ >= text_.size()) unclosed(start, '(', ')');
          if (text_[pos_] == '\\')
            ++pos_;
          else if (text_[pos_] == '(')
            ++depth;
          else if (text_[pos_] == ')')
            --depth;
          ++pos_;
        } while (depth > 0);
        skipped = true;
      } else {
        break;
      }
    }
    return skipped;
  }

  void advance() {
    token_ = Token{};
    token_.space_before = skip_cfws();
    token_.pos = pos_;
    if (pos_ >= text_.size()) return;
    const char c = text_[pos_];
    if (c == '"') {
      token_.kind = Kind::quoted;
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) unclosed(token_.pos, '"', '"');
        const char q = text_[pos_++];
        if (q == '"') break;
        if (q == '\\' && pos_ < text_.size()) {
          token_.text += text_[pos_++];
        } else if (q != '\r' && q != '\n') {  // folds inside quotes unfold
          token_.text += q;
        }
      }
    } else if (c == '[') {
      token_.kind = Kind::literal;
      const auto close = text_.find(']', pos_);
      if (close == std::string_view::npos) unclosed(token_.pos, '[', ']');
      token_.text = std::string(text_.substr(pos_, close + 1 - pos_));
      pos_ = close + 1;
    } else if (is_atext(c)) {
      token_.kind = Kind::atom;
      while (pos_ < text_.size() && is_atext(text_[pos_]))
        token_.text += text_[pos_++];
    } else {
      token_.kind = Kind::special;
      token_.text = std::string(1, c);
      ++pos_;
    }
  }

  // Atoms, quoted strings and dots up to the next other special.
  std::vector<Token> words() {
    std::vector<Token> out;
    while (token_.kind == Kind::atom || token_.kind == Kind::quoted || is_special('.')) {
      out.push_back(token_);
      advance();
    }
    return out;
  }

  std::string phrase(const std::vector<Token>& words) const {
    std::string out;
    for (const auto& w : words) {
      if (!out.empty() && w.space_before) out += ' ';
      out += w.text;
    }
    return names_ == DisplayNames::decoded ? decode_encoded_words(out) : out;
  }

  std::string local_part(const std::vector<Token>& words, std::size_t pos) const {
    // word *("." word)
    std::string out;
    bool want_word = true;
    bool ok = !words.empty();
    for (const auto& w : words) {
      const bool dot = w.kind == Kind::special;
      if (dot == want_word) {
        ok = false;
        break;
      }
      out += w.text;
      want_word = dot;
    }
    if (ok && !want_word) return out;
    throw AddressError(Text(msg::kAddressBadLocalPart,
                            {{"text", visible(text_)}, {"pos", std::to_string(pos + 1)}}));
  }

  std::string domain() {
    const auto start = token_.pos;
    if (token_.kind == Kind::literal) {
      auto out = token_.text;
      advance();
      return out;
    }
    std::string out;
    bool want_label = true;
    while (want_label ? token_.kind == Kind::atom : is_special('.')) {
      out += token_.text;
      want_label = !want_label;
      advance();
    }
    if (out.empty() || want_label || !is_dot_atom(out))
      throw AddressError(Text(msg::kAddressBadDomain,
                              {{"text", visible(text_)}, {"pos", std::to_string(start + 1)}}));
    return out;
  }

  Mailbox angle_address(std::string display_name) {
    const auto open = token_.pos;
    advance();              // '<'
    if (is_special('@')) {  // obsolete route "@a,@b:" is read and dropped
      while (!is_special(':')) {
        if (token_.kind == Kind::end) unclosed(open, '<', '>');
        advance();
      }
      advance();
    }
    Mailbox m = addr_spec(words());
    m.display_name = std::move(display_name);
    if (token_.kind == Kind::end) unclosed(open, '<', '>');
    if (!is_special('>')) unexpected();
    advance();
    return m;
  }

  Mailbox addr_spec(const std::vector<Token>& local) {
    const auto pos = local.empty() ? token_.pos : local.front().pos;
    if (!is_special('@')) {
      if (local.empty()) unexpected();
      throw AddressError(
          Text(msg::kAddressMissingAt, {{"text", visible(text_)}, {"word", phrase(local)}}));
    }
    Mailbox m;
    m.local_part = local_part(local, pos);
    advance();  // '@'
    m.domain = domain();
    return m;
  }

  Address address(bool allow_group) {
    auto w = words();
    if (is_special('<')) return angle_address(phrase(w));
    if (allow_group && is_special(':')) {
      Group g{phrase(w), {}};
      advance();
      while (!is_special(';')) {
        if (token_.kind == Kind::end) unexpected();
        if (is_special(',')) {
          advance();
          continue;
        }
        g.members.push_back(std::get<Mailbox>(address(false)));
      }
      advance();
      return g;
    }
    return addr_spec(w);
  }

  std::string_view text_;
  DisplayNames names_;
  std::size_t pos_ = 0;
  Token token_;
};

std::string quote_local_part(std::string_view local) {
  if (is_dot_atom(local)) return std::string(local);
  std::string out = "\"";
  for (const char c : local) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string Mailbox::address() const {
  return quote_local_part(local_part) + "@" + domain;
}

std::vector<Address> parse_address_list(std::string_view text, DisplayNames names) {
  return Parser(text, names).list();
}

Mailbox parse_mailbox(std::string_view text, DisplayNames names) {
  const auto list = parse_address_list(text, names);
  const auto boxes = all_mailboxes(list);
  if (list.size() != 1 || !std::holds_alternative<Mailbox>(list.front()))
    throw AddressError(Text(msg::kAddressNotOne,
                            {{"text", visible(text)}, {"count", std::to_string(boxes.size())}}));
  return std::get<Mailbox>(list.front());
}

std::vector<Mailbox> all_mailboxes(const std::vector<Address>& list) {
  std::vector<Mailbox> out;
  for (const auto& a : list) {
    if (const auto* m = std::get_if<Mailbox>(&a))
      out.push_back(*m);
    else
      for (const auto& member : std::get<Group>(a).members)
        out.push_back(member);
  }
  return out;
}

std::string format_mailbox(const Mailbox& mailbox) {
  if (mailbox.display_name.empty()) return mailbox.address();
  return encode_phrase(mailbox.display_name) + " <" + mailbox.address() + ">";
}

std::string format_address_list(const std::vector<Address>& list) {
  std::string out;
  for (const auto& a : list) {
    if (!out.empty()) out += ", ";
    if (const auto* m = std::get_if<Mailbox>(&a)) {
      out += format_mailbox(*m);
      continue;
    }
    const auto& g = std::get<Group>(a);
    out += encode_phrase(g.display_name) + ":";
    for (std::size_t i = 0; i < g.members.size(); ++i)
      out += (i == 0 ? " " : ", ") + format_mailbox(g.members[i]);
    out += ";";
  }
  return out;
}

}  // namespace mailsim::proto::imf
