#include "agents/proto/base64.hpp"

#include <gtest/gtest.h>

using mailsim::proto::base64_decode;
using mailsim::proto::base64_encode;

TEST(Base64, Rfc4648TestVectors) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (auto [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), std::string(plain));
  }
}

TEST(Base64, AuthPlainExampleOfRfc4954) {
  EXPECT_EQ(base64_decode("dGVzdAB0ZXN0ADEyMzQ="), std::string("test\0test\0"
                                                               "1234",
                                                               14));
  EXPECT_EQ(base64_encode("Username:"), "VXNlcm5hbWU6");
}

TEST(Base64, RejectsMalformedInput) {
  for (const char* bad : {"Zg", "Zg=", "Z===", "=Zg=", "Zm9v!A==", "Zg==Zg==", "Zm 9v", "Zg=a"})
    EXPECT_FALSE(base64_decode(bad).has_value()) << bad;
}

TEST(Base64, AllByteValuesRoundTrip) {
  std::string all;
  for (int i = 0; i < 256; ++i)
    all += static_cast<char>(i);
  EXPECT_EQ(base64_decode(base64_encode(all)), all);
}
