#include "agents/proto/imf/encoded_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

#include "agents/proto/base64.hpp"
#include "agents/proto/imf/header.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imf {
namespace {

constexpr std::size_t kMaxEncodedWord = 75;  // RFC 2047 section 2
constexpr std::string_view kQPrefix = "=?UTF-8?Q?";
constexpr std::string_view kBPrefix = "=?UTF-8?B?";
constexpr std::size_t kMaxPayload = kMaxEncodedWord - 10 - 2;  // prefix and "?="

bool is_wsp(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> decode_q(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') {
      out += ' ';
    } else if (c == '=') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (static_cast<unsigned char>(c) > 32 && static_cast<unsigned char>(c) < 127) {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// The bytes of one encoded word turned into UTF-8, or nullopt if the charset is unknown or the
// bytes are invalid in it.
std::optional<std::string> to_utf8(std::string_view charset, std::string bytes) {
  const auto star = charset.find('*');  // RFC 2231 language suffix: "UTF-8*fr"
  const std::string name = to_lower(charset.substr(0, star));
  if (name == "utf-8" || name == "utf8") {
    if (!is_valid_utf8(bytes)) return std::nullopt;
    return bytes;
  }
  if (name == "iso-8859-1" || name == "iso_8859-1" || name == "latin1" || name == "l1" ||
      name == "iso-8859-1:1987" || name == "cp819")
    return latin1_to_utf8(bytes);
  if (name == "us-ascii" || name == "ascii") {
    if (!is_ascii(bytes)) return std::nullopt;
    return bytes;
  }
  return std::nullopt;
}

bool delimiter_before(std::string_view text, std::size_t pos) {
  return pos == 0 || is_wsp(text[pos - 1]) || text[pos - 1] == '(' || text[pos - 1] == '"';
}

bool delimiter_after(std::string_view text, std::size_t end) {
  return end == text.size() || is_wsp(text[end]) || text[end] == ')' || text[end] == '"';
}

struct DecodedWord {
  std::string text;
  std::size_t end;
};

// "=?charset?encoding?encoded-text?=" at `pos`, decoded, or nullopt.
std::optional<DecodedWord> decode_word_at(std::string_view text, std::size_t pos) {
  if (text.substr(pos, 2) != "=?" || !delimiter_before(text, pos)) return std::nullopt;
  const auto charset_end = text.find('?', pos + 2);
  if (charset_end == std::string_view::npos || charset_end == pos + 2) return std::nullopt;
  const auto charset = text.substr(pos + 2, charset_end - pos - 2);
  if (std::any_of(charset.begin(), charset.end(), [](char c) {
        return is_wsp(c) || static_cast<unsigned char>(c) < 33 ||
               static_cast<unsigned char>(c) > 126;
      }))
    return std::nullopt;
  if (charset_end + 2 >= text.size() || text[charset_end + 2] != '?') return std::nullopt;
  const char encoding =
      static_cast<char>(std::toupper(static_cast<unsigned char>(text[charset_end + 1])));
  const auto text_start = charset_end + 3;
  const auto text_end = text.find('?', text_start);
  if (text_end == std::string_view::npos || text_end + 1 >= text.size() ||
      text[text_end + 1] != '=')
    return std::nullopt;
  const auto encoded = text.substr(text_start, text_end - text_start);
  if (std::any_of(encoded.begin(), encoded.end(), is_wsp)) return std::nullopt;
  const auto end = text_end + 2;
  if (!delimiter_after(text, end)) return std::nullopt;

  std::optional<std::string> bytes;
  if (encoding == 'Q')
    bytes = decode_q(encoded);
  else if (encoding == 'B')
    bytes = base64_decode(encoded);
  if (!bytes) return std::nullopt;
  auto utf8 = to_utf8(charset, std::move(*bytes));
  if (!utf8) return std::nullopt;
  for (char& c : *utf8)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return DecodedWord{std::move(*utf8), end};
}

// Number of bytes of the UTF-8 character starting at `pos` (1 for an invalid lead byte).
std::size_t char_length(std::string_view s, std::size_t pos) {
  const auto c = static_cast<unsigned char>(s[pos]);
  std::size_t n = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xe  ? 3
                  : (c >> 3) == 0x1e ? 4
                                     : 1;
  return std::min(n, s.size() - pos);
}

bool q_literal(unsigned char c) {
  // The characters RFC 2047 5(3) allows in a phrase; safe in every header context.
  return std::isalnum(c) != 0 || c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
}

std::string q_encode_char(std::string_view ch) {
  std::string out;
  for (const char c : ch) {
    const auto u = static_cast<unsigned char>(c);
    if (u == ' ')
      out += '_';
    else if (u < 0x80 && q_literal(u))
      out += c;
    else
      out += fmt::format("={:02X}", u);
  }
  return out;
}

// One run of text as encoded words joined by single spaces.
std::string encode_run(std::string_view run) {
  // Q keeps Latin text (French) readable on the wire; B is shorter for other scripts. Latin
  // here: one-byte characters and two-byte ones below U+0280 (lead byte below 0xCA).
  const bool use_q = std::all_of(run.begin(), run.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0xca || (u >> 6) == 0x2;  // ASCII, a Latin lead byte or a continuation byte
  });

  std::vector<std::string> words;
  std::string chunk;      // Q: the encoded text of the word being built
  std::string raw_chunk;  // its raw bytes (what B encodes)
  auto flush = [&] {
    if (raw_chunk.empty()) return;
    words.push_back(use_q ? std::string(kQPrefix) + chunk + "?="
                          : std::string(kBPrefix) + base64_encode(raw_chunk) + "?=");
    chunk.clear();
    raw_chunk.clear();
  };
  for (std::size_t pos = 0; pos < run.size();) {
    const auto n = char_length(run, pos);
    const auto ch = run.substr(pos, n);
    if (use_q) {
      const auto enc = q_encode_char(ch);
      if (chunk.size() + enc.size() > kMaxPayload) flush();
      chunk += enc;
    } else if ((raw_chunk.size() + n + 2) / 3 * 4 > kMaxPayload) {
      flush();
    }
    raw_chunk += ch;
    pos += n;
  }
  flush();
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Every byte that does not start a valid UTF-8 character becomes U+FFFD, so that display
// text is always valid UTF-8 even when a header carries raw 8-bit bytes of another charset.
std::string replace_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto n = char_length(s, i);
    const auto ch = s.substr(i, n);
    if (static_cast<unsigned char>(s[i]) < 0x80 || (n > 1 && is_valid_utf8(ch))) {
      out += ch;
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

bool looks_encoded(std::string_view word) {
  return word.find("=?") != std::string_view::npos && word.find("?=") != std::string_view::npos;
}

bool is_atext(unsigned char c) {
  return std::isalnum(c) != 0 ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) !=
             std::string_view::npos;
}

}  // namespace

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c >> 5) == 0x6) {
      n = 2;
      cp = c & 0x1f;
    } else if ((c >> 4) == 0xe) {
      n = 3;
      cp = c & 0x0f;
    } else if ((c >> 3) == 0x1e) {
      n = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
      return false;
    i += n;
  }
  return true;
}

std::string latin1_to_utf8(std::string_view latin1) {
  std::string out;
  out.reserve(latin1.size() * 2);
  for (const char c : latin1) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      out += c;
    } else {
      out += static_cast<char>(0xc0 | (u >> 6));
      out += static_cast<char>(0x80 | (u & 0x3f));
    }
  }
  return out;
}

std::string decode_encoded_words(std::string_view folded) {
  const std::string text = unfold(folded);
  const std::string_view t = text;
  std::string out;
  bool last_encoded = false;
  for (std::size_t i = 0; i < t.size();) {
    if (is_wsp(t[i])) {
      std::size_t j = i;
      while (j < t.size() && is_wsp(t[j]))
        ++j;
      if (last_encoded) {
        if (auto word = decode_word_at(t, j)) {  // white space between encoded words goes
          out += word->text;
          i = word->end;
          continue;
        }
      }
      out += t.substr(i, j - i);
      i = j;
      last_encoded = false;
      continue;
    }
    if (auto word = decode_word_at(t, i)) {
      out += word->text;
      i = word->end;
      last_encoded = true;
      continue;
    }
    out += t[i];
    ++i;
    last_encoded = false;
  }
  return replace_invalid_utf8(out);
}

std::string encode_unstructured(std::string_view utf8) {
  // Tokens alternate between white space runs and words.
  struct Token {
    std::string_view text;
    bool space;
    bool encode;
  };
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < utf8.size();) {
    const bool space = utf8[i] == ' ' || utf8[i] == '\t';
    std::size_t j = i;
    while (j < utf8.size() && (utf8[j] == ' ' || utf8[j] == '\t') == space)
      ++j;
    const auto text = utf8.substr(i, j - i);
    // A word longer than a 78-character line (after the space that folds it) is encoded too,
    // since encoded words can be split and folded (RFC 2047 2, RFC 5322 2.1.1).
    const bool too_long = text.size() > 77;
    tokens.push_back({text, space, !space && (!is_ascii(text) || looks_encoded(text) || too_long)});
    i = j;
  }
  std::string out;
  for (std::size_t i = 0; i < tokens.size();) {
    if (!tokens[i].encode) {
      out += tokens[i].text;
      ++i;
      continue;
    }
    // Extend the run over "space word" pairs while the next word needs encoding too: the
    // space inside the run is encoded, since space between encoded words is dropped.
    std::size_t last = i;
    while (last + 2 < tokens.size() && tokens[last + 1].space && tokens[last + 2].encode)
      last += 2;
    const auto begin = tokens[i].text.data() - utf8.data();
    const auto end = tokens[last].text.data() + tokens[last].text.size() - utf8.data();
    out += encode_run(utf8.substr(begin, end - begin));
    i = last + 1;
  }
  return out;
}

std::string encode_phrase(std::string_view utf8) {
  if (utf8.empty()) return {};
  if (!is_ascii(utf8) || looks_encoded(utf8)) return encode_run(utf8);
  bool atoms =
      utf8.front() != ' ' && utf8.back() != ' ' && utf8.find("  ") == std::string_view::npos;
  for (const char c : utf8)
    if (c != ' ' && !is_atext(static_cast<unsigned char>(c))) atoms = false;
  if (atoms) return std::string(utf8);
  std::string out = "\"";
  for (const char c : utf8) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace mailsim::proto::imf
