// The DNS wire decoder on any datagram: a Message or a DecodeError; a decoded message encodes
// (or refuses with EncodeError) and decodes again to the same message.
#include <cstdlib>
#include <span>

#include "agents/proto/dns/message.hpp"

using mailsim::LocalizedError;
using namespace mailsim::proto::dns;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Message m;
  try {
    m = decode(std::span<const std::uint8_t>(data, size));
  } catch (const DecodeError&) {
    return 0;
  }
  try {
    const std::vector<std::uint8_t> bytes = encode(m);
    if (!(decode(bytes) == m)) std::abort();
  } catch (const EncodeError&) {
  }
  return 0;
}
