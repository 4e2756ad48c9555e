// Building a delivery status notification (see dsn.hpp for the layout).
#include <fmt/format.h>

#include <algorithm>

#include "agents/proto/imf/address.hpp"
#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/imf/dsn_messages.hpp"
#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/mime.hpp"
#include "sim/plural.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imf {
namespace {

constexpr std::size_t kWrapWidth = 72;

std::size_t display_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;  // count UTF-8 lead bytes
  return n;
}

// Wraps one paragraph at spaces; continuation lines start with `indent`.
std::string wrap(std::string_view text, std::string_view indent = "") {
  std::string out;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const auto word = text.substr(pos, end - pos);
    if (line > 0 && line + 1 + display_length(word) > kWrapWidth) {
      out += "\r\n";
      out += indent;
      line = display_length(indent);
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += display_length(word);
    pos = end + 1;
  }
  return out + "\r\n";
}

// Paragraphs separated by "\n\n" in a catalog text, each wrapped, separated by blank lines.
std::string paragraphs(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    if (!out.empty()) out += "\r\n";
    out += wrap(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

// "2026-03-07 09:00 +0100": the same in both languages.
std::string human_date(const DateTime& d) {
  const auto iso = format_iso8601(d);  // 2026-03-07T09:00:00+01:00
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " " + iso.substr(19, 3) + iso.substr(23, 2);
}

std::string human_part(const DsnRequest& r, bool any_failed) {
  const Lang lang = r.lang;
  std::string out = wrap(Text(msg::kDsnIntro, {{"host", r.reporting_mta}}).render(lang));
  out += "\r\n";
  if (any_failed) {
    out += paragraphs(Text(msg::kDsnFailedExplanation).render(lang));
  } else {
    std::string until;
    for (const auto& rcpt : r.recipients)
      if (rcpt.will_retry_until) until = human_date(*rcpt.will_retry_until);
    out += paragraphs(Text(msg::kDsnDelayedWarning, {{"until", until}}).render(lang));
  }
  out += "\r\n";
  out += "                   " + Text(msg::kDsnSignature).render(lang) + "\r\n";
  for (const auto& rcpt : r.recipients) {
    out += "\r\n";
    std::string line;
    if (!rcpt.remote_mta.empty() && !rcpt.diagnostic_code.empty())
      line = Text(msg::kDsnRecipientSaid, {{"recipient", rcpt.final_recipient},
                                           {"host", rcpt.remote_mta},
                                           {"reply", rcpt.diagnostic_code}})
                 .render(lang);
    else if (!rcpt.diagnostic_code.empty())
      line = Text(msg::kDsnRecipientReply,
                  {{"recipient", rcpt.final_recipient}, {"reply", rcpt.diagnostic_code}})
                 .render(lang);
    else
      line = Text(msg::kDsnRecipientStatus,
                  {{"recipient", rcpt.final_recipient}, {"status", rcpt.status}})
                 .render(lang);
    out += wrap(line, "    ");
  }
  return out;
}

// Exim's delay in its warning: minutes while the message has waited under 2 hours, hours after
// (deliver.c's warnmsg_delay), the time being the delay_warning time reached.
std::string exim_delay(const DsnRequest& r) {
  using std::chrono::duration_cast;
  if (r.waited < std::chrono::hours(2))
    return counted(msg::kDsnEximMinutes, duration_cast<std::chrono::minutes>(r.delayed_for).count(),
                   r.lang)
        .render(r.lang);
  return counted(msg::kDsnEximHours, duration_cast<std::chrono::hours>(r.delayed_for).count(),
                 r.lang)
      .render(r.lang);
}

// Exim's default texts (deliver.c): the address, then its error indented below it.
std::string exim_human_part(const DsnRequest& r, bool any_failed) {
  const Lang lang = r.lang;
  const auto n = static_cast<unsigned long long>(r.recipients.size());
  std::string out = wrap(Text(msg::kDsnEximCreated).render(lang));
  if (any_failed) {
    out += "\r\n" + wrap(counted(msg::kDsnEximFailed, n, lang).render(lang));
  } else {
    out += wrap(Text(msg::kDsnEximDelayed, {{"delay", exim_delay(r)}, {"host", r.reporting_mta}})
                    .render(lang));
    out += "\r\n" + Text(msg::kDsnEximIdentifier, {{"id", r.queue_id}}).render(lang) + "\r\n";
    for (const auto& f : r.original_header.fields()) {  // in the header's order, as Exim
      if (iequals(f.name, "Subject"))
        out += Text(msg::kDsnEximSubjectIs, {{"subject", f.value()}}).render(lang) + "\r\n";
      else if (iequals(f.name, "Date"))
        out += Text(msg::kDsnEximDateIs, {{"date", f.value()}}).render(lang) + "\r\n";
    }
    out += "\r\n" + counted(msg::kDsnEximNotYetDelivered, n, lang).render(lang) + "\r\n";
  }
  out += "\r\n";
  for (const auto& rcpt : r.recipients) {
    out += "  " + rcpt.final_recipient + "\r\n";
    std::string reason = rcpt.diagnostic_code.empty() ? rcpt.status : rcpt.diagnostic_code;
    // A temporary failure that ends in a bounce is Exim's retry timeout (retry.c).
    if (rcpt.action == DsnAction::failed && rcpt.status.starts_with('4'))
      reason = Text(msg::kDsnEximRetryTimeout, {{"reason", reason}}).render(lang);
    // A server's reply: the host, the command it answered, then the reply, each on its line
    // ("host mx.b.example [198.51.100.25]" / "SMTP error from remote mail server after RCPT
    // TO:<bob@b.example>:" / "550 5.1.1 ..."), as Exim's bounces show it.
    std::vector<std::string> lines;
    const bool replied =
        !rcpt.remote_mta.empty() && rcpt.diagnostic_type == "smtp" && !rcpt.diagnostic_code.empty();
    if (replied && !rcpt.remote_address.empty())
      lines.push_back(
          Text(msg::kDsnEximHost, {{"host", rcpt.remote_mta}, {"address", rcpt.remote_address}})
              .render(lang));
    if (replied && !rcpt.after.empty())
      lines.push_back(Text(msg::kDsnEximSmtpError, {{"command", rcpt.after}}).render(lang));
    lines.push_back(reason);
    // The warning says why it waits before the error itself (print_address_error's prefix).
    if (rcpt.action == DsnAction::delayed) {
      std::string& first = lines[!rcpt.remote_address.empty() && replied ? 1 : 0];
      first = Text(msg::kDsnEximDelayReason, {{"reason", first}}).render(lang);
    }
    // Exim prints the error as it came, not wrapped.
    for (const std::string& line : lines)
      out += "    " + line + "\r\n";
  }
  if (!any_failed) out += "\r\n" + paragraphs(Text(msg::kDsnEximNoAction).render(lang));
  return out;
}

std::string status_part(const DsnRequest& r) {
  Header message_fields;
  message_fields.append("Reporting-MTA", "dns; " + r.reporting_mta);
  message_fields.append("Arrival-Date", format_date(r.arrival_date));
  std::string out = message_fields.to_string();
  for (const auto& rcpt : r.recipients) {
    Header h;
    h.append("Final-Recipient", "rfc822; " + rcpt.final_recipient);
    if (!rcpt.original_recipient.empty())
      h.append("Original-Recipient", "rfc822; " + rcpt.original_recipient);
    h.append("Action", to_string(rcpt.action));
    h.append("Status", rcpt.status);
    if (!rcpt.remote_mta.empty()) h.append("Remote-MTA", "dns; " + rcpt.remote_mta);
    // Exim writes a Diagnostic-Code only for a server's reply (deliver.c's
    // print_dsn_diagnostic_code): a connection failure has none, where Postfix says X-Postfix.
    const bool exim_local = r.style == DsnStyle::exim && rcpt.diagnostic_type != "smtp";
    if (!rcpt.diagnostic_code.empty() && !exim_local)
      h.append("Diagnostic-Code", rcpt.diagnostic_type + "; " + rcpt.diagnostic_code);
    if (rcpt.last_attempt_date) h.append("Last-Attempt-Date", format_date(*rcpt.last_attempt_date));
    if (rcpt.action == DsnAction::delayed && rcpt.will_retry_until)
      h.append("Will-Retry-Until", format_date(*rcpt.will_retry_until));
    out += "\r\n" + h.to_string();
  }
  return out;
}

BodyPart part(std::string_view description, const ContentType& type, std::string body,
              bool eight_bit = false) {
  BodyPart p;
  p.header.append("Content-Description", description);
  p.header.append("Content-Type", type.to_string());
  if (eight_bit) p.header.append("Content-Transfer-Encoding", "8bit");
  p.body = std::move(body);
  return p;
}

}  // namespace

std::optional<Dsn> build_dsn(const DsnRequest& r) {
  if (r.original_sender.empty()) return std::nullopt;  // RFC 5321 4.5.5: never bounce a bounce
  if (r.recipients.empty()) throw DsnError(Text(msg::kDsnNoRecipient));
  bool any_failed = false;
  for (const auto& rcpt : r.recipients) {
    if (rcpt.action != DsnAction::failed && rcpt.action != DsnAction::delayed)
      throw DsnError(Text(
          msg::kDsnUnsupportedAction,
          {{"recipient", rcpt.final_recipient}, {"action", std::string(to_string(rcpt.action))}}));
    if (!is_status_code(rcpt.status))
      throw DsnError(
          Text(msg::kDsnBadStatus, {{"number", rcpt.final_recipient}, {"text", rcpt.status}}));
    any_failed = any_failed || rcpt.action == DsnAction::failed;
  }

  std::vector<BodyPart> parts;
  const bool exim = r.style == DsnStyle::exim;
  const std::string human = exim ? exim_human_part(r, any_failed) : human_part(r, any_failed);
  parts.push_back(
      part("Notification", {"text", "plain", {{"charset", "utf-8"}}}, human, !is_ascii(human)));
  parts.push_back(part("Delivery report", {"message", "delivery-status", {}}, status_part(r)));
  parts.push_back(part("Undelivered Message Headers", {"text", "rfc822-headers", {}},
                       r.original_header.to_string()));

  // Postfix names the boundary after the queue id, the time and the host; a suffix keeps it
  // out of the content should the content ever hold it.
  const auto seconds = r.date.utc.time_since_epoch().count();
  std::string boundary =
      fmt::format("{}.{}/{}", r.queue_id.empty() ? "dsn" : r.queue_id, seconds, r.reporting_mta);
  const auto boundary_in_content = [&] {
    return std::any_of(parts.begin(), parts.end(), [&](const BodyPart& p) {
      return p.body.find("--" + boundary) != std::string::npos;
    });
  };
  for (int n = 1; boundary_in_content(); ++n)
    boundary = fmt::format("{}.{}.{}/{}", r.queue_id.empty() ? "dsn" : r.queue_id, seconds, n,
                           r.reporting_mta);
  std::string body =
      join_multipart(parts, boundary, "This is a MIME-encapsulated message.\r\n\r\n");

  const Lang lang = r.lang;
  Message m;
  m.header.append("Date", format_date(r.date));
  m.header.append(
      "From", format_mailbox(Mailbox{Text(msg::kDsnFromName).render(lang),
                                     exim ? "Mailer-Daemon" : "MAILER-DAEMON", r.reporting_mta}));
  std::string subject;
  if (!exim)
    subject = Text(any_failed ? msg::kDsnSubjectFailed : msg::kDsnSubjectDelayed).render(lang);
  else if (any_failed)
    subject = Text(msg::kDsnEximSubjectFailed).render(lang);
  else
    subject = Text(msg::kDsnEximSubjectDelayed, {{"id", r.queue_id}, {"delay", exim_delay(r)}})
                  .render(lang);
  m.header.append("Subject", encode_unstructured(subject));
  m.header.append("To", r.original_sender);
  if (exim && any_failed) {  // Exim names the failed addresses in a header of their own
    std::string failed;
    for (const auto& rcpt : r.recipients)
      if (rcpt.action == DsnAction::failed)
        failed += (failed.empty() ? "" : ", ") + rcpt.final_recipient;
    m.header.append("X-Failed-Recipients", failed);
  }
  m.header.append("Auto-Submitted", "auto-replied");  // RFC 3834: no automatic answer to this
  if (!r.message_id.empty()) m.header.append("Message-ID", r.message_id);
  m.header.append("MIME-Version", "1.0");
  m.header.append(
      "Content-Type",
      ContentType{
          "multipart", "report", {{"report-type", "delivery-status"}, {"boundary", boundary}}}
          .to_string());
  m.header.append("Content-Transfer-Encoding", is_ascii(body) ? "7bit" : "8bit");
  m.body = std::move(body);
  return Dsn{"", r.original_sender, m.to_string()};
}

}  // namespace mailsim::proto::imf
