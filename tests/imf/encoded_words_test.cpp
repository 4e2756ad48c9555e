#include "agents/proto/imf/encoded_words.hpp"

#include <gtest/gtest.h>

#include "agents/proto/imf/header.hpp"

using namespace mailsim::proto::imf;

TEST(EncodedWords, Rfc2047Section8Examples) {
  EXPECT_EQ(decode_encoded_words("(=?ISO-8859-1?Q?a?=)"), "(a)");
  EXPECT_EQ(decode_encoded_words("(=?ISO-8859-1?Q?a?= b)"), "(a b)");
  EXPECT_EQ(decode_encoded_words("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)"), "(ab)");
  EXPECT_EQ(decode_encoded_words("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)"), "(ab)");
  EXPECT_EQ(decode_encoded_words("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)"), "(ab)");
  EXPECT_EQ(decode_encoded_words("(=?ISO-8859-1?Q?a_b?=)"), "(a b)");
  EXPECT_EQ(decode_encoded_words("=?ISO-8859-1?Q?Andr=E9?= Pirard"), "André Pirard");
  EXPECT_EQ(decode_encoded_words("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?="),
            "If you can read this yo");
}

TEST(EncodedWords, Utf8AndLatin1InQAndB) {
  EXPECT_EQ(decode_encoded_words("=?UTF-8?B?UsOpdW5pb24gZGUgcMOpZGFnb2dpZQ==?="),
            "Réunion de pédagogie");
  EXPECT_EQ(decode_encoded_words("=?utf-8?q?R=C3=A9union_de_p=c3=a9dagogie?="),
            "Réunion de pédagogie");
  EXPECT_EQ(decode_encoded_words("=?iso-8859-1?b?yXTp?= 2026"), "Été 2026");
  EXPECT_EQ(decode_encoded_words("=?latin1?Q?=C9t=E9?="), "Été");
  EXPECT_EQ(decode_encoded_words("=?UTF-8*fr?Q?=C3=A9t=C3=A9?="), "été");  // RFC 2231 language
  EXPECT_EQ(decode_encoded_words("=?US-ASCII?Q?plain?="), "plain");
  // Each word must hold whole characters (section 5): a character split across two is malformed.
  EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?="),
            "=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=");
  EXPECT_EQ(decode_encoded_words("Re: =?UTF-8?Q?caf=C3=A9?= au lait"), "Re: café au lait");
  EXPECT_EQ(decode_encoded_words("\"=?UTF-8?Q?=C3=89lodie?= Martin\" <e@x>"),
            "\"Élodie Martin\" <e@x>");
}

TEST(EncodedWords, MalformedWordsAreLeftAsTheyAre) {
  for (const std::string_view bad : {
           "=?UTF-8?X?abc?=",     // unknown encoding
           "=?KOI8-R?Q?abc?=",    // charset not supported
           "=?UTF-8?B?!!!!?=",    // not base64
           "=?UTF-8?B?YWJj?",     // no closing "?="
           "=?UTF-8?Q?a=ZZ?=",    // bad hex
           "=?UTF-8?Q?a=C?=",     // truncated hex
           "=?UTF-8?Q?=FF=FE?=",  // not UTF-8
           "=?US-ASCII?Q?=E9?=",  // not ASCII
           "=??Q?abc?=",          // empty charset
           "=?UTF-8?Q?a b?=",     // white space inside
           "x=?UTF-8?Q?abc?=",    // glued to text before
           "=?UTF-8?Q?abc?=y",    // glued to text after
           "=?UTF-8?Q?",          // cut short
           "=?",
       }) {
    EXPECT_EQ(decode_encoded_words(bad), bad);
  }
  // A good word next to a bad one: the good one is decoded, the space kept.
  EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?ok?= =?UTF-8?Q?a=ZZ?="), "ok =?UTF-8?Q?a=ZZ?=");
  // A CR LF smuggled inside a word does not break the display line.
  EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?a=0D=0ABcc:_x?="), "a  Bcc: x");
}

TEST(EncodedWords, AsciiTextIsNotEncoded) {
  EXPECT_EQ(encode_unstructured("Hello world"), "Hello world");
  EXPECT_EQ(encode_unstructured(""), "");
  EXPECT_EQ(encode_phrase("Alice Martin"), "Alice Martin");
  EXPECT_EQ(encode_phrase("Martin, Alice"), "\"Martin, Alice\"");
  EXPECT_EQ(encode_phrase("J. \"Bob\" Smith"), "\"J. \\\"Bob\\\" Smith\"");
}

TEST(EncodedWords, FrenchSubjectsAreEncodedAndReadBack) {
  EXPECT_EQ(encode_unstructured("Réunion à 10h"), "=?UTF-8?Q?R=C3=A9union_=C3=A0?= 10h");
  EXPECT_EQ(encode_unstructured("Re: Été"), "Re: =?UTF-8?Q?=C3=89t=C3=A9?=");
  EXPECT_EQ(encode_phrase("Élodie Martin"), "=?UTF-8?Q?=C3=89lodie_Martin?=");
  for (const std::string_view text :
       {"Réunion à 10h", "Re: Été", "café  crème", "déjà vu =?x?Q?y?=", "  à  ",
        "Ceci est un très long sujet où chaque mot accentué compte : élève, été, hôpital, "
        "forêt, château, naïf, Noël, œuvre, garçon, déjà, très, où, voilà",
        "日本語のメール"}) {
    const auto encoded = encode_unstructured(text);
    EXPECT_TRUE(is_ascii(encoded)) << encoded;
    EXPECT_EQ(decode_encoded_words(encoded), text) << encoded;
    // Folded into a header line, no encoded word is longer than 75 characters.
    const auto raw = fold("Subject", encoded);
    EXPECT_EQ(decode_encoded_words(raw),
              text.front() == ' ' ? std::string(text) : " " + std::string(text));
    std::size_t start = 0;
    while (start < encoded.size()) {
      auto end = encoded.find(' ', start);
      if (end == std::string::npos) end = encoded.size();
      EXPECT_LE(end - start, 75u);
      start = end + 1;
    }
  }
}

TEST(EncodedWords, BIsUsedForOtherScripts) {
  const auto encoded = encode_unstructured("日本語");
  EXPECT_EQ(encoded, "=?UTF-8?B?5pel5pys6Kqe?=");
  EXPECT_EQ(decode_encoded_words(encoded), "日本語");
}

TEST(EncodedWords, CharsetHelpers) {
  EXPECT_TRUE(is_valid_utf8("é日本"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_EQ(latin1_to_utf8("\xE9t\xE9"), "été");
}

TEST(EncodedWords, RawBytesOfAnotherCharsetShowAsReplacementCharacters) {
  EXPECT_EQ(decode_encoded_words("caf\xE9 cr\xC3\xA8me"), "caf\xEF\xBF\xBD crème");
  EXPECT_EQ(decode_encoded_words("\xC3"), "\xEF\xBF\xBD");
}
