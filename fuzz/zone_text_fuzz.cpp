// Zone text as a scenario writes it ("owner TTL TYPE data" lines): a Zone or a LocalizedError,
// and each line alone a record or a LocalizedError.
#include <string>
#include <string_view>

#include "agents/proto/dns/zone_text.hpp"

using namespace mailsim;
using namespace mailsim::proto::dns;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)zone_from_text("b.example.", text);
  } catch (const LocalizedError&) {
  }
  const Name origin = Name::parse("b.example.");
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    try {
      (void)record_from_text(rest.substr(0, end), origin);
    } catch (const LocalizedError&) {
    }
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  }
  return 0;
}
