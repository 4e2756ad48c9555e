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

  // The name in wire form without the root's empty label: each label as its length octet,
  // then its octets, case kept ("\x02mx\x01b\x07example").
  static Name from_wire(std::string wire);  // checks lengths; throws NameError

  std::string_view wire() const { return wire_; }
  std::vector<std::string_view> labels() const;  // leftmost first; views into this name
  std::size_t label_count() const { return count_; }
  bool is_root() const { return count_ == 0; }
  std::size_t wire_length() const { return wire_.size() + 1; }

  std::string to_string() const;  // "mx.b.example.", "." for the root
  std::string key() const;        // to_string() in lower case: a map key

  Name parent() const;                               // the root's parent is the root
  Name child(std::string_view label) const;          // throws NameError
  Name suffix(std::size_t label_count) const;        // the last label_count labels
  Name concat(const Name& origin) const;             // this name's labels, then origin's; throws
  bool is_subdomain_of(const Name& ancestor) const;  // true for the name itself too

  friend bool operator==(const Name& a, const Name& b);

 private:
  Name(std::string wire, std::size_t count) : wire_(std::move(wire)), count_(count) {}
  // Builds a name from labels checked first; errors show `shown`.
  static Name make(const std::vector<std::string>& labels, std::string_view shown);
  static void check_label(std::string_view label, std::string_view shown);
  static void check_length(std::size_t wire_length, std::string_view shown);
  // Where the label `index` (0: the leftmost) starts in wire_.
  std::size_t offset_of_label(std::size_t index) const;

  // One string rather than a string per label: copying a name (it goes into questions,
  // records, cache keys and events) is then one copy, often within the string itself.
  std::string wire_;
  std::size_t count_ = 0;  // labels in wire_
};

bool label_equal(std::string_view a, std::string_view b);  // ASCII case-insensitive

}  // namespace mailsim::proto::dns
