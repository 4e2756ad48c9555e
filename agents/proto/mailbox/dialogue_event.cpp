#include "agents/proto/mailbox/dialogue_event.hpp"

#include <algorithm>

namespace mailsim::proto::mailbox {

std::uint64_t count_lines(std::string_view bytes) {
  const auto lfs = static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  return lfs + (!bytes.empty() && bytes.back() != '\n' ? 1 : 0);
}

}  // namespace mailsim::proto::mailbox
