#include "agents/mta/spam_filter.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "agents/proto/envelope_address.hpp"
#include "sim/strings.hpp"

namespace mailsim::agents {
namespace {

const std::string* header(const SpamFacts& f, std::string_view name) {
  for (const auto& [n, v] : f.headers)
    if (iequals(n, name)) return &v;
  return nullptr;
}

// A From that holds no addr-spec: nothing like local@domain.
bool malformed_address(const std::string& value) {
  const auto [local, domain] = proto::split_address(value);
  if (local.empty() || domain.empty()) return true;
  const auto is_atext = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
  };
  return !is_atext(local.back()) || !is_atext(domain.front());
}

}  // namespace

std::string_view action_name(SpamVerdict::Action a) {
  switch (a) {
    case SpamVerdict::Action::accept:
      return "accept";
    case SpamVerdict::Action::tag:
      return "tag";
    case SpamVerdict::Action::reject:
      return "reject";
  }
  return "accept";
}

std::optional<proto::smtp::Reply> dnsbl_rejection(const SpamSettings& s, const SpamFacts& f) {
  if (!s.enabled || !s.reject_dnsbl_at_rcpt || !f.dnsbl_zone) return std::nullopt;
  // Postfix's wording for reject_rbl_client, with the list's TXT reason when it has one.
  return proto::smtp::Reply(
      554, "5.7.1",
      fmt::format("Service unavailable; Client host [{}] blocked using {}{}", f.client_address,
                  *f.dnsbl_zone, f.dnsbl_reason.empty() ? "" : "; " + f.dnsbl_reason));
}

SpamVerdict evaluate_spam(const SpamSettings& s, const SpamFacts& f) {
  SpamVerdict v;
  if (!s.enabled) return v;
  auto hit = [&](std::string rule, double score, std::string detail) {
    if (score == 0) return;
    v.hits.push_back(SpamHit{std::move(rule), score, std::move(detail)});
    v.score += score;
  };

  if (f.dnsbl_zone && !s.reject_dnsbl_at_rcpt)
    hit("RCVD_IN_DNSBL", s.dnsbl_score,
        fmt::format("{} is listed in {}", f.client_address, *f.dnsbl_zone));
  if (f.spf_result == "fail")
    hit("SPF_FAIL", s.spf_fail_score,
        fmt::format("{} is not allowed to send for {}", f.client_address,
                    proto::domain_of(f.envelope_sender)));
  else if (f.spf_result == "softfail")
    hit("SPF_SOFTFAIL", s.spf_softfail_score,
        fmt::format("{} is probably not allowed to send for {}", f.client_address,
                    proto::domain_of(f.envelope_sender)));

  for (const char* name : {"Date", "From", "Message-ID"}) {
    if (header(f, name) == nullptr) {
      std::string rule = "MISSING_" + std::string(name);
      std::transform(rule.begin(), rule.end(), rule.begin(), [](char c) {
        return c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      });
      hit(rule, s.missing_header_score, fmt::format("no {} header", name));
    }
  }
  if (const std::string* from = header(f, "From"); from != nullptr && malformed_address(*from))
    hit("FROM_MALFORMED", s.malformed_from_score,
        fmt::format("From \"{}\" holds no valid address", *from));

  const std::string subject =
      header(f, "Subject") ? to_lower(*header(f, "Subject")) : std::string();
  // Lowered only when a keyword is looked for: a body of 100 MB is not copied for nothing.
  const std::string body = s.keywords.empty() ? std::string() : to_lower(f.body);
  for (const auto& k : s.keywords) {
    const std::string needle = to_lower(k.pattern);
    if (needle.empty()) continue;
    if (subject.find(needle) != std::string::npos || body.find(needle) != std::string::npos)
      hit(k.name, k.score, fmt::format("contains \"{}\"", k.pattern));
  }

  const std::string sender = to_lower(f.envelope_sender);
  for (const auto& r : s.reputation) {
    const std::string who = to_lower(r.sender);
    if (who == sender || (who.find('@') == std::string::npos && who == proto::domain_of(sender))) {
      hit(r.score > 0 ? "SENDER_BAD_REPUTATION" : "SENDER_TRUSTED", r.score,
          fmt::format("reputation of {}", r.sender));
      break;
    }
  }

  std::string tests;
  for (const auto& h : v.hits)
    tests += (tests.empty() ? "" : ",") + h.rule;
  if (s.reject_threshold > 0 && v.score >= s.reject_threshold) {
    v.action = SpamVerdict::Action::reject;
    v.reply = proto::smtp::Reply(
        550, "5.7.1",
        fmt::format("Message rejected as spam (score {:.1f}, required {:.1f}: {})", v.score,
                    s.reject_threshold, tests));
  } else if (v.score >= s.tag_threshold) {
    v.action = SpamVerdict::Action::tag;
  }
  // SpamAssassin's headers, on every checked message.
  const bool spam = v.action != SpamVerdict::Action::accept;
  v.added_headers.emplace_back("X-Spam-Flag", spam ? "YES" : "NO");
  v.added_headers.emplace_back("X-Spam-Score", fmt::format("{:.1f}", v.score));
  v.added_headers.emplace_back(
      "X-Spam-Status", fmt::format("{}, score={:.1f} required={:.1f} tests={}", spam ? "Yes" : "No",
                                   v.score, s.tag_threshold, tests.empty() ? "none" : tests));
  return v;
}

}  // namespace mailsim::agents
