// The delivery status notification parser on any message text.
#include <string>

#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/imf/header.hpp"

using namespace mailsim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)proto::imf::parse_dsn(text);
  } catch (const LocalizedError&) {
  }
  (void)proto::imf::parse_dsn_action(text);
  (void)proto::imf::is_status_code(text);
  return 0;
}
