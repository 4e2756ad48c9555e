#include "scenarios/write/quantities.hpp"
#include "scenarios/write/section_writers.hpp"

namespace mailsim::scenarios {
namespace {

const MailServerModel kServer{};
const FetchModel kFetch{};

void write_retry(MapWriter& w, const RetryModel& r) {
  w.text("schedule",
         choice_word(kRetryChoices,
                     r.schedule));  // written even at postfix: it names what the keys belong to
  w.duration("queue_run_delay", r.queue_run_delay);
  w.duration("minimal_backoff_time", r.minimal_backoff_time);
  w.duration("maximal_backoff_time", r.maximal_backoff_time);
  w.duration("maximal_queue_lifetime", r.maximal_queue_lifetime);
  w.text("rules", r.rules, "");
  w.duration("queue_run_interval", r.queue_run_interval);
  w.duration("retry_interval_max", r.retry_interval_max);
}

void write_keyword(MapWriter& w, const KeywordModel& k) {
  w.text("name", k.name);
  w.text("pattern", k.pattern);
  w.fraction("score", k.score, KeywordModel{}.score);
}

void write_filing_rule(MapWriter& w, const FilingRuleModel& f) {
  w.text("header", f.header);
  w.text("contains", f.contains);
  w.text("folder", f.folder);
}

void write_spam(MapWriter& w, const MailServerModel& s) {
  w.fraction("tag_threshold", s.spam_tag_threshold);
  w.fraction("reject_threshold", s.spam_reject_threshold);
  w.list("keywords", s.spam_keywords, Style::flow_if_fits, write_keyword);
  std::map<std::string, std::string> reputation;
  for (const auto& [sender, score] : s.spam_reputation)
    reputation[sender] = number_text(score);
  w.pairs("reputation", reputation);
}

void write_server(MapWriter& w, const MailServerModel& s) {
  w.text("host", s.host);
  w.texts("domains", s.domains);
  w.pairs("users", s.users);
  w.texts("trusted_networks", s.trusted_networks);
  w.texts("relay_domains", s.relay_domains);
  w.flag("open_relay", s.open_relay, kServer.open_relay);
  w.flag("greylisting", s.greylisting, kServer.greylisting);
  w.text("dnsbl", s.dnsbl);
  w.text("spf", choice_word(kSpfChoices, s.spf), choice_word(kSpfChoices, kServer.spf));
  w.flag("submission", s.submission, kServer.submission);
  w.integer("daily_limit", s.daily_limit);
  w.flag("auth", s.auth, kServer.auth);
  w.size("max_message_size", s.max_message_size);
  w.size("mailbox_quota", s.mailbox_quota);
  w.text("mailbox_full", choice_word(kMailboxFullChoices, s.mailbox_full),
         choice_word(kMailboxFullChoices, kServer.mailbox_full));
  w.text("relayhost", s.relayhost);
  if (s.retry) w.map("retry", Style::flow_if_fits, [&](MapWriter& r) { write_retry(r, *s.retry); });
  if (s.delay_warning.size() == 1) {
    w.duration("delay_warning", s.delay_warning.front());
  } else if (!s.delay_warning.empty()) {  // Exim's list
    std::vector<std::string> times;
    for (const sim::SimTime t : s.delay_warning)
      times.push_back(duration_text(t));
    w.texts("delay_warning", times);
  }
  w.integer("hopcount_limit", s.hopcount_limit);
  w.integer("smtp_mx_address_limit", s.smtp_mx_address_limit);
  w.text("end_of_data", choice_word(kEndOfDataChoices, s.end_of_data),
         choice_word(kEndOfDataChoices, kServer.end_of_data));
  if (s.command_timeout || s.data_timeout || s.connect_timeout)
    w.map("timeouts", Style::flow_if_fits, [&](MapWriter& t) {
      t.duration("command", s.command_timeout);
      t.duration("data", s.data_timeout);
      t.duration("connect", s.connect_timeout);
    });
  if (s.spam_tag_threshold || s.spam_reject_threshold || !s.spam_keywords.empty() ||
      !s.spam_reputation.empty())
    w.map("spam", Style::block, [&](MapWriter& m) { write_spam(m, s); });
  w.list("filing", s.filing, Style::block, write_filing_rule);
}

void write_submit(MapWriter& w, const SubmitModel& s, const std::string& address) {
  const bool login = !s.password.empty();
  w.text("server", s.server);
  w.text("user", s.user, login ? login_of(address) : "");
  w.text("password", s.password, "");
  w.integer("port", s.port, login ? 587 : 25);
}

void write_fetch(MapWriter& w, const FetchModel& f, const std::string& address) {
  w.text("server", f.server);
  w.text("protocol",
         choice_word(kFetchProtocolChoices,
                     f.protocol));  // written even at its default: it is what the lesson shows
  w.integer("port", f.port);
  w.text("user", f.user, login_of(address));
  w.text("password", f.password);
  w.flag("keep_on_server", f.keep_on_server, kFetch.keep_on_server);
  w.duration("every", f.every);
}

void write_client(MapWriter& w, const MailClientModel& c) {
  w.text("name", c.name, c.host);
  w.text("host", c.host);
  w.text("address", c.address);
  if (c.submit)
    w.map("submit", Style::flow_if_fits,
          [&](MapWriter& s) { write_submit(s, *c.submit, c.address); });
  if (c.fetch)
    w.map("fetch", Style::flow_if_fits, [&](MapWriter& f) { write_fetch(f, *c.fetch, c.address); });
}

}  // namespace

namespace {

void write_zones(MapWriter& w, const std::map<std::string, std::string>& zones) {
  w.map("zones", Style::block, [&](MapWriter& z) {
    for (const auto& [origin, records] : zones)
      z.lines(origin, records);
  });
}

}  // namespace

void write_dns(MapWriter& w, const DnsModel& dns) {
  w.text("server", dns.server);
  write_zones(w, dns.zones);
  w.list("other_servers", dns.other_servers, Style::block,
         [](MapWriter& s, const DnsServerModel& server) {
           s.text("host", server.host);
           write_zones(s, server.zones);
         });
  w.text("resolver", dns.resolver);
}

void write_mail(MapWriter& w, const MailModel& mail) {
  w.list("servers", mail.servers, Style::block, write_server);
  w.list("clients", mail.clients, Style::block, write_client);
}

}  // namespace mailsim::scenarios
