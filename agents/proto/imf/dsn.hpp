#pragma once
// Delivery status notifications (RFC 3464), laid out like Postfix's bounce_notify_util.c:
//   multipart/report; report-type=delivery-status
//     1. text/plain, the human-readable notice in the sender's language (English or French)
//     2. message/delivery-status: Reporting-MTA, Arrival-Date, then per recipient
//        Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code, Will-Retry-Until
//     3. text/rfc822-headers: the original message's header
// A notice is always sent from the null reverse-path "<>" (RFC 5321 4.5.5), and never about
// a message that itself came from "<>" (no bounce of a bounce, 4.5.4).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/proto/imf/date.hpp"
#include "agents/proto/imf/header.hpp"
#include "sim/text.hpp"

namespace mailsim::proto::imf {

class DsnError : public LocalizedError {
 public:
  using LocalizedError::LocalizedError;
};

enum class DsnAction { failed, delayed, delivered, relayed, expanded };

// Whose default notice the subject and the human-readable part follow: Postfix's
// (bounce_notify_util.c, the default) or Exim's (deliver.c: "Mail delivery failed: returning
// message to sender", "Warning: message ID delayed 24 hours").
enum class DsnStyle { postfix, exim };

std::string_view to_string(DsnAction action);
std::optional<DsnAction> parse_dsn_action(std::string_view text);  // ignores case and comments

// Per-recipient fields. Typed fields are stored without their type: Final-Recipient
// "rfc822; bob@b.example" is "bob@b.example", Remote-MTA "dns; mx.b.example" is
// "mx.b.example", Diagnostic-Code "smtp; 550 5.1.1 ..." is "550 5.1.1 ..." (type "smtp").
struct DsnRecipient {
  std::string final_recipient;
  std::string original_recipient;  // optional (the RCPT TO ORCPT or address as given)
  DsnAction action = DsnAction::failed;
  std::string status;           // RFC 3463 code: "5.1.1", "4.4.1"
  std::string remote_mta;       // optional
  std::string diagnostic_code;  // optional: the remote server's SMTP reply, or what failed
  // The Diagnostic-Code's type (RFC 3464 2.3.6): "smtp" only for a reply an SMTP server sent;
  // a connection that failed or a local reason is the MTA's own, as Postfix's "X-Postfix".
  std::string diagnostic_type = "smtp";
  // For Exim's text only (not in the delivery-status part): the answering host's address and
  // the command its reply answered ("RCPT TO:<bob@b.example>", "end of data").
  std::string remote_address;
  std::string after;
  std::optional<DateTime> last_attempt_date;
  std::optional<DateTime> will_retry_until;  // delayed recipients only

  bool operator==(const DsnRecipient&) const = default;
};

// The message/delivery-status part.
struct DsnReport {
  std::string reporting_mta;
  std::optional<DateTime> arrival_date;
  std::vector<DsnRecipient> recipients;

  bool operator==(const DsnReport&) const = default;
};

struct DsnRequest {
  std::string reporting_mta;    // the host writing the notice ("mx.a.example")
  std::string original_sender;  // the original envelope reverse-path, which receives the notice
  Lang lang = Lang::en;         // the sender's language when known
  DateTime arrival_date;        // when the original message entered the reporting MTA
  DateTime date;                // now: the notice's Date
  std::string message_id;       // the notice's Message-ID ("<...>")
  std::string queue_id;         // the original's queue id (names the MIME boundary)
  Header original_header;
  std::vector<DsnRecipient> recipients;  // failed or delayed
  DsnStyle style = DsnStyle::postfix;
  // Exim's warning: the delay_warning time reached ("24 hours" in its subject) and how long
  // the message has waited (under 2 hours, Exim counts the time in minutes).
  sim::SimTime delayed_for{0};
  sim::SimTime waited{0};
};

// A notice ready for the queue: envelope and message.
struct Dsn {
  std::string reverse_path;  // always "" (written MAIL FROM:<>)
  std::string recipient;     // the original sender
  std::string message_text;  // the whole message, CRLF lines
};

// nullopt when the original sender is the null reverse-path (no notice about a notice).
// Throws DsnError when there is no recipient, a recipient is neither failed nor delayed, or a
// status code is malformed.
std::optional<Dsn> build_dsn(const DsnRequest& request);

// A notice read back.
struct ParsedDsn {
  DsnReport report;
  std::string human_text;  // the body of the first text/plain part, as is
  Header original_header;  // from text/rfc822-headers or message/rfc822 (empty if absent)
};

// Throws DsnError (or ParseError for a malformed header) naming what is wrong: not a
// multipart/report of type delivery-status, no boundary, no message/delivery-status part, a
// required field missing (Reporting-MTA, Final-Recipient, Action, Status), a bad Action or
// Status.
ParsedDsn parse_dsn(std::string_view message_text);

// "5.1.1": class 2, 4 or 5, subject 1-3 digits, detail 1-3 digits (RFC 3463).
bool is_status_code(std::string_view code);

}  // namespace mailsim::proto::imf
