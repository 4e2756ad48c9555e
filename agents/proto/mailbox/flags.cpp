#include "agents/proto/mailbox/flags.hpp"

#include <cctype>

namespace mailsim::proto::mailbox {

std::string_view flag_name(Flag f) {
  switch (f) {
    case Flag::seen:
      return "\\Seen";
    case Flag::answered:
      return "\\Answered";
    case Flag::flagged:
      return "\\Flagged";
    case Flag::deleted:
      return "\\Deleted";
    case Flag::draft:
      return "\\Draft";
    case Flag::recent:
      return "\\Recent";
  }
  return "";
}

std::optional<Flag> parse_flag(std::string_view name) {
  for (Flag f : kAllFlags) {
    std::string_view known = flag_name(f);
    if (known.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(known[i])) ==
             std::tolower(static_cast<unsigned char>(name[i]));
    if (same) return f;
  }
  return std::nullopt;
}

std::string format_flags(Flags flags) {
  std::string out;
  for (Flag f : kAllFlags) {
    if (!flags.has(f)) continue;
    if (!out.empty()) out += ' ';
    out += flag_name(f);
  }
  return out;
}

}  // namespace mailsim::proto::mailbox
