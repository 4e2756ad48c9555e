#pragma once
// Trace fields (RFC 5321 4.4): the Received field each receiving server puts on top, the
// Return-Path added at final delivery, and reading a Received chain back into hops.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/imf/date.hpp"
#include "agents/proto/imf/header.hpp"

namespace mailsim::proto::imf {

// What a receiving server knows when it accepts a message.
struct ReceivedStamp {
  std::string helo;           // the EHLO or HELO argument; empty for local submission
  std::string reverse_dns;    // name found for the client's address; empty is written "unknown"
  std::string ip;             // the connection's client address (IPv4 or IPv6, no brackets)
  std::string by;             // the receiving host
  std::string protocol;       // with: SMTP, ESMTP, ESMTPA, ESMTPS or ESMTPSA (RFC 3848)
  std::string id;             // the receiving server's queue id
  std::string for_recipient;  // one envelope recipient, without brackets; empty when several
  DateTime date;
};

// SMTP for HELO, ESMTP for EHLO, then S after TLS and A after authentication (RFC 3848).
std::string received_protocol(bool ehlo, bool tls, bool authenticated);

// Postfix's layout, which follows the grammar of 4.4:
//   Received: from mx.a.example (mx.a.example [192.0.2.10])
//           by mx.b.example with ESMTPS id 4ABC123
//           for <bob@b.example>; Mon, 2 Mar 2026 09:00:00 +0100
// Without helo and ip the from clause is left out (a message picked up locally).
// Throws ParseError if a line would pass 998 octets, or a part holds a CR or LF.
Field received_field(const ReceivedStamp& stamp);

// "<alice@a.example>", or "<>" for the null reverse-path of a bounce.
std::string return_path_value(std::string_view reverse_path);
// Final delivery: any Return-Path already there is removed and the new one put on top.
void set_return_path(Header& header, std::string_view reverse_path);
// The reverse-path without brackets ("" for "<>"); nullopt when the field is absent.
std::optional<std::string> return_path(const Header& header);

// One Received field read back for display. Tolerant of what real servers write: Postfix,
// Sendmail, Exim ("([192.0.2.1] helo=x)"), qmail ("(HELO x) (192.0.2.1)"), Gmail, fields
// without a from clause, extra words and comments. Fields it cannot place are kept in
// `comments` and `extra`.
struct ReceivedHop {
  std::string raw;          // the unfolded value, as written
  std::string from;         // the name after "from" (usually the HELO name)
  std::string reverse_dns;  // from the TCP-info comment; "unknown" stays as written
  std::string ip;           // from the TCP-info comment (or from an address literal)
  std::string helo;         // an explicit "helo=" or "HELO" in a comment
  std::string by;
  std::string via;
  std::string with;
  std::string id;
  std::string for_recipient;  // brackets removed
  std::string date_text;      // after the last ';' outside comments
  std::optional<DateTime> date;
  std::vector<std::string> comments;  // other comments, without parentheses
  std::vector<std::string> extra;     // words no clause claimed
  // Set by received_chain: time since the previous hop's date, when both dates were read
  // (negative when clocks disagree, as real headers sometimes show).
  std::optional<std::chrono::seconds> delay;

  // True when the field has at least a from or a by clause.
  bool recognised() const { return !from.empty() || !by.empty(); }
};

ReceivedHop parse_received(std::string_view value);

// Every Received field of the header as a hop, in the order the message travelled (the
// bottom field first), each with its delay since the hop before.
std::vector<ReceivedHop> received_chain(const Header& header);

}  // namespace mailsim::proto::imf
