#pragma once
// Message flags as IMAP names them (RFC 3501 2.3.2). POP3 only reads and sets \Seen.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mailsim::proto::mailbox {

enum class Flag : std::uint8_t {
  seen = 1 << 0,
  answered = 1 << 1,
  flagged = 1 << 2,
  deleted = 1 << 3,
  draft = 1 << 4,
  recent = 1 << 5,  // set on delivery, cleared by the first session that selects the folder
};

// A small set of Flag values, a value type.
class Flags {
 public:
  constexpr Flags() = default;
  constexpr Flags(Flag f) : bits_(static_cast<std::uint8_t>(f)) {}

  constexpr bool has(Flag f) const { return (bits_ & static_cast<std::uint8_t>(f)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr Flags& add(Flags other) {
    bits_ |= other.bits_;
    return *this;
  }
  constexpr Flags& remove(Flags other) {
    bits_ &= static_cast<std::uint8_t>(~other.bits_);
    return *this;
  }
  constexpr Flags operator|(Flags other) const { return Flags(*this).add(other); }
  constexpr bool operator==(const Flags&) const = default;

 private:
  std::uint8_t bits_ = 0;
};

// Every flag in the order IMAP lists them.
inline constexpr Flag kAllFlags[] = {Flag::answered, Flag::flagged, Flag::deleted,
                                     Flag::seen,     Flag::draft,   Flag::recent};

// "\Seen", "\Deleted", ...
std::string_view flag_name(Flag f);
// Case-insensitive: "\seen" -> Flag::seen; nullopt for keywords and unknown names.
std::optional<Flag> parse_flag(std::string_view name);
// "\Seen \Deleted" (space separated, no parentheses).
std::string format_flags(Flags flags);

}  // namespace mailsim::proto::mailbox
