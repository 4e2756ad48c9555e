// Reading a delivery status notification back into its fields.
#include <algorithm>

#include "agents/proto/imf/dsn.hpp"
#include "agents/proto/imf/dsn_messages.hpp"
#include "agents/proto/imf/mime.hpp"
#include "agents/proto/imf/visible.hpp"
#include "sim/strings.hpp"

namespace mailsim::proto::imf {
namespace {

// "rfc822; bob@b.example" -> "bob@b.example" (the type is dropped).
std::string without_type(std::string_view value) {
  const auto semi = value.find(';');
  return std::string(trim(semi == std::string_view::npos ? value : value.substr(semi + 1)));
}

std::string strip_comment(std::string_view value) {
  const auto paren = value.find('(');
  return std::string(trim(value.substr(0, paren)));
}

// Field groups of a message/delivery-status body, separated by blank lines.
std::vector<Header> field_groups(std::string_view body) {
  std::vector<Header> groups;
  std::string current;
  std::size_t pos = 0;
  auto flush = [&] {
    if (!current.empty()) groups.push_back(parse_header(current));
    current.clear();
  };
  while (pos < body.size()) {
    const auto nl = body.find('\n', pos);
    const auto next = nl == std::string_view::npos ? body.size() : nl + 1;
    auto line = body.substr(pos, next - pos);
    if (trim(line).empty())
      flush();
    else
      current += line;
    pos = next;
  }
  flush();
  return groups;
}

std::string required(const Header& h, std::string_view field, const Text& where) {
  const auto v = h.value(field);
  if (!v || v->empty())
    throw DsnError(
        Text(msg::kDsnMissingField, {{"field", std::string(field)}}).with("where", where));
  return *v;
}

DsnRecipient read_recipient(const Header& h, std::size_t number) {
  const auto n = std::to_string(number);
  const Text where(msg::kDsnWhereRecipient, {{"number", n}});
  DsnRecipient r;
  r.final_recipient = without_type(required(h, "Final-Recipient", where));
  if (const auto v = h.value("Original-Recipient")) r.original_recipient = without_type(*v);
  const auto action_text = required(h, "Action", where);
  const auto action = parse_dsn_action(action_text);
  if (!action)
    throw DsnError(Text(msg::kDsnBadAction, {{"number", n}, {"text", visible(action_text)}}));
  r.action = *action;
  r.status = strip_comment(required(h, "Status", where));
  if (!is_status_code(r.status))
    throw DsnError(Text(msg::kDsnBadStatus, {{"number", n}, {"text", visible(r.status)}}));
  if (const auto v = h.value("Remote-MTA")) r.remote_mta = without_type(*v);
  if (const auto v = h.value("Diagnostic-Code")) {
    r.diagnostic_code = without_type(*v);
    if (const auto semi = v->find(';'); semi != std::string_view::npos)
      r.diagnostic_type = std::string(trim(std::string_view(*v).substr(0, semi)));
  }
  if (const auto v = h.value("Last-Attempt-Date")) r.last_attempt_date = parse_date(*v);
  if (const auto v = h.value("Will-Retry-Until")) r.will_retry_until = parse_date(*v);
  return r;
}

}  // namespace

std::string_view to_string(DsnAction action) {
  switch (action) {
    case DsnAction::failed:
      return "failed";
    case DsnAction::delayed:
      return "delayed";
    case DsnAction::delivered:
      return "delivered";
    case DsnAction::relayed:
      return "relayed";
    case DsnAction::expanded:
      return "expanded";
  }
  return "failed";
}

std::optional<DsnAction> parse_dsn_action(std::string_view text) {
  const auto word = strip_comment(text);
  for (const auto a : {DsnAction::failed, DsnAction::delayed, DsnAction::delivered,
                       DsnAction::relayed, DsnAction::expanded})
    if (iequals(word, to_string(a))) return a;
  return std::nullopt;
}

bool is_status_code(std::string_view code) {
  // class "." subject "." detail, digits only, no white space anywhere
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = code.find('.', start);
    parts.push_back(code.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (parts.size() != 3) return false;
  for (const auto p : parts)
    if (p.empty() || p.size() > 3 ||
        !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
  return parts[0] == "2" || parts[0] == "4" || parts[0] == "5";
}

ParsedDsn parse_dsn(std::string_view message_text) {
  const auto m = parse_message(message_text);
  const auto type_text = m.header.value("Content-Type").value_or("");
  const auto type = parse_content_type(type_text);
  if (!type || !type->is("multipart", "report") ||
      !iequals(type->param("report-type").value_or(""), "delivery-status"))
    throw DsnError(Text(msg::kDsnNotReport, {{"type", visible(type_text, 200)}}));
  const auto boundary = type->param("boundary");
  if (!boundary || boundary->empty())
    throw DsnError(Text(msg::kDsnNoBoundary, {{"type", visible(type_text, 200)}}));

  ParsedDsn out;
  bool have_status = false;
  bool have_text = false;
  for (const auto& p : split_multipart(m.body, *boundary)) {
    // A part without Content-Type is text/plain (RFC 2045 5.2).
    const auto pt = parse_content_type(p.header.value("Content-Type").value_or("text/plain"));
    if (!pt) continue;
    if (pt->is("message", "delivery-status") && !have_status) {
      have_status = true;
      const auto groups = field_groups(p.body);
      if (groups.empty())
        throw DsnError(Text(msg::kDsnMissingField, {{"field", "Reporting-MTA"}})
                           .with("where", Text(msg::kDsnWherePerMessage)));
      out.report.reporting_mta =
          without_type(required(groups[0], "Reporting-MTA", Text(msg::kDsnWherePerMessage)));
      if (const auto v = groups[0].value("Arrival-Date")) out.report.arrival_date = parse_date(*v);
      for (std::size_t i = 1; i < groups.size(); ++i)
        out.report.recipients.push_back(read_recipient(groups[i], i));
    } else if (pt->is("text", "plain") && !have_text) {
      have_text = true;
      out.human_text = p.body;
    } else if (pt->is("text", "rfc822-headers")) {
      out.original_header = parse_header(p.body);
    } else if (pt->is("message", "rfc822")) {
      out.original_header = parse_message(p.body).header;
    }
  }
  if (!have_status) throw DsnError(Text(msg::kDsnNoStatusPart));
  if (out.report.recipients.empty())
    throw DsnError(Text(msg::kDsnMissingField, {{"field", "Final-Recipient"}})
                       .with("where", Text(msg::kDsnWhereRecipient, {{"number", "1"}})));
  return out;
}

}  // namespace mailsim::proto::imf
