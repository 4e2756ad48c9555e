#pragma once
// Addresses of From, To, Cc, Reply-To (RFC 5322 3.4): display names, angle addresses and
// groups, with comments skipped and encoded words in display names decoded. Used by DSNs and
// by IMAP's ENVELOPE.
//
// Simplifications: a group keeps its name and members but not comments; obsolete routes
// ("<@relay:user@host>") are read and dropped; a comment is never taken as a display name;
// an address must have a domain (no "<postmaster>" alone).
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/text.hpp"

namespace mailsim::proto::imf {

class AddressError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

struct Mailbox {
  std::string display_name;  // UTF-8 for display, empty when none
  std::string local_part;    // without quotes: "john doe" for "\"john doe\"@x"
  std::string domain;        // "b.example" or a literal "[192.0.2.1]"

  // The addr-spec: local@domain, with the local part quoted when it is not a dot-atom.
  std::string address() const;
  bool operator==(const Mailbox&) const = default;
};

struct Group {
  std::string display_name;
  std::vector<Mailbox> members;  // may be empty: "undisclosed-recipients:;"
  bool operator==(const Group&) const = default;
};

using Address = std::variant<Mailbox, Group>;

// How display names are returned: decoded to UTF-8 for display, or as written with quotes
// removed and encoded words kept (what IMAP's ENVELOPE sends, RFC 3501 7.4.2).
enum class DisplayNames { decoded, raw };

// Throws AddressError naming the text, the position (from 1) and the offending character.
// Empty items between commas are skipped (obsolete syntax, 4.4).
std::vector<Address> parse_address_list(std::string_view text,
                                        DisplayNames names = DisplayNames::decoded);
// Exactly one mailbox (Sender, or a From with one author).
Mailbox parse_mailbox(std::string_view text, DisplayNames names = DisplayNames::decoded);
// Mailboxes in order, group members in place of their group.
std::vector<Mailbox> all_mailboxes(const std::vector<Address>& list);

// "Élodie Martin <elodie@b.example>" with the name encoded or quoted as needed; the bare
// address when there is no name.
std::string format_mailbox(const Mailbox& mailbox);
std::string format_address_list(const std::vector<Address>& list);

}  // namespace mailsim::proto::imf
