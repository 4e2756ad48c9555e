#include "agents/proto/mailbox/mail_store.hpp"

#include <cctype>

namespace mailsim::proto::mailbox {

bool same_folder_name(std::string_view a, std::string_view b) {
  auto is_inbox = [](std::string_view n) {
    if (n.size() != 5) return false;
    for (std::size_t i = 0; i < 5; ++i)
      if (std::toupper(static_cast<unsigned char>(n[i])) != "INBOX"[i]) return false;
    return true;
  };
  if (is_inbox(a) || is_inbox(b)) return is_inbox(a) && is_inbox(b);
  return a == b;
}

}  // namespace mailsim::proto::mailbox
