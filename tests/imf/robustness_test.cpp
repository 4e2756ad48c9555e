// Random and mutated input: every parser either succeeds or throws its LocalizedError, never
// crashes or hangs (the ASan+UBSan build runs this too).
#include <gtest/gtest.h>

#include <random>

#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/date.hpp"
#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/header.hpp"
#include "agents/proto/imf/mime.hpp"
#include "agents/proto/imf/received.hpp"
#include "tests/golden.hpp"

using namespace mailsim::proto::imf;

namespace {

// Bytes drawn mostly from the characters these grammars care about.
std::string random_text(std::mt19937& rng, std::size_t max_length) {
  static constexpr std::string_view kAlphabet =
      "abcXYZ019 \t\r\n:;,.<>@()[]\"\\=?_-/*+QBqb\xC3\xA9\xE9\xFF\x01";
  std::string s(rng() % (max_length + 1), ' ');
  for (auto& c : s)
    c = kAlphabet[rng() % kAlphabet.size()];
  return s;
}

std::string mutate(std::mt19937& rng, std::string s) {
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < edits && !s.empty(); ++i) {
    const auto pos = rng() % s.size();
    switch (rng() % 3) {
      case 0:
        s.erase(pos, 1 + rng() % 8);
        break;
      case 1:
        s.insert(pos, random_text(rng, 6));
        break;
      default:
        s[pos] = static_cast<char>(rng() % 256);
    }
  }
  return s;
}

template <typename F>
void survives(F&& f) {
  try {
    f();
  } catch (const mailsim::LocalizedError&) {
  }
}

}  // namespace

TEST(Robustness, RandomTextThroughEveryParser) {
  std::mt19937 rng(2026);
  for (int i = 0; i < 3000; ++i) {
    const auto text = random_text(rng, 120);
    survives([&] { parse_message(text); });
    survives([&] { parse_address_list(text); });
    survives([&] { parse_dsn(text); });
    survives([&] { split_multipart(text, "b"); });
    survives([&] { parse_iso8601(text); });
    // Display text is valid UTF-8; without control characters it survives encoding.
    auto decoded = decode_encoded_words(text);
    EXPECT_TRUE(is_valid_utf8(decoded)) << text;
    for (char& c : decoded)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    EXPECT_EQ(decode_encoded_words(encode_unstructured(decoded)), decoded) << text;
    parse_received(text);
    parse_date(text);
    parse_content_type(text);
  }
}

TEST(Robustness, MutatedGoldenMessages) {
  std::mt19937 rng(7);
  for (const auto* name : {"dsn_failed_en.eml", "dsn_delayed_fr.eml", "compose_fr.eml"}) {
    const auto good = mailsim::test::read_golden(name);
    ASSERT_FALSE(good.empty()) << name;
    for (int i = 0; i < 400; ++i) {
      const auto text = mutate(rng, good);
      survives([&] { parse_dsn(text); });
      survives([&] {
        const auto m = parse_message(text);
        for (const auto& hop : received_chain(m.header))
          (void)hop.recognised();
        if (const auto from = m.header.value("From")) parse_address_list(*from);
      });
    }
  }
}
