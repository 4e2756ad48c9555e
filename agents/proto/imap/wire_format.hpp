#pragma once
// How IMAP writes values (RFC 3501 4 and 7.4.2): strings quoted or as literals, NIL,
// INTERNALDATE, ENVELOPE.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "agents/proto/imf/date.hpp"
#include "sim/time.hpp"

namespace mailsim::proto::imap {

// Quoted string when every byte allows it, else a literal "{n}\r\n...".
std::string imap_string(std::string_view s);
std::string imap_nstring(const std::optional<std::string>& s);
// Atom when possible (mailbox names), else imap_string.
std::string imap_astring(std::string_view s);

// "17-Jul-1996 02:44:25 +0100" (with the quotes): simulated time t on the scenario's calendar,
// written in its zone offset.
std::string imap_date_time(sim::SimTime t, const imf::ScenarioClock& calendar);

// Reads the date-time of APPEND ("17-Jul-1996 02:44:25 -0700", quotes removed; the day may
// have one digit or a leading space) as simulated time on the scenario's calendar; nullopt if
// malformed.
std::optional<sim::SimTime> parse_imap_date_time(std::string_view text,
                                                 const imf::ScenarioClock& calendar);

// The ENVELOPE structure of a message: (date subject from sender reply-to to cc bcc
// in-reply-to message-id); sender and reply-to default to from. Addresses are read with the
// RFC 5322 address parser of agents/proto/imf.
std::string envelope(std::string_view message);

}  // namespace mailsim::proto::imap
