#pragma once
// Domain names (RFC 1035 3.1): a sequence of labels, compared without regard to ASCII case.
// Every name in the simulator is absolute; "b.example" and "b.example." are the same name
// (in zone files, names without a final dot are relative to the zone: see parse(text, origin)).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sim/text.hpp"

namespace mailsim::proto::dns {

inline constexpr std::size_t kMaxLabelLength = 63;
inline constexpr std::size_t kMaxNameLength = 255;  // wire octets, length bytes and root included

class NameError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

class Name {
 public:
  Name() = default;  // the root, "."

  // Presentation form with RFC 1035 5.1 escapes (\. and \DDD); throws NameError.
  static Name parse(std::string_view text);
  // A name as a zone file writes it (RFC 1035 5.1): "@" is `origin`, a name without a final
  // dot is relative to `origin`, one with it is absolute. Throws NameError.
  static Name parse(std::string_view text, const Name& origin);
  // Checks label and name lengths; throws NameError.
  static Name from_labels(std::vector<std::string> labels);

  const std::vector<std::string>& labels() const { return labels_; }
  std::size_t label_count() const { return labels_.size(); }
  bool is_root() const { return labels_.empty(); }
  std::size_t wire_length() const;

  std::string to_string() const;  // "mx.b.example.", "." for the root
  std::string key() const;        // to_string() in lower case: a map key

  Name parent() const;                               // the root's parent is the root
  Name child(std::string_view label) const;          // throws NameError
  Name suffix(std::size_t label_count) const;        // the last label_count labels
  Name concat(const Name& origin) const;             // this name's labels, then origin's; throws
  bool is_subdomain_of(const Name& ancestor) const;  // true for the name itself too

  friend bool operator==(const Name& a, const Name& b);

 private:
  explicit Name(std::vector<std::string> labels) : labels_(std::move(labels)) {}
  void check(std::string_view shown) const;

  std::vector<std::string> labels_;  // leftmost first; raw octets, no escapes
};

bool label_equal(std::string_view a, std::string_view b);  // ASCII case-insensitive

}  // namespace mailsim::proto::dns
