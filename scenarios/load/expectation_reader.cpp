#include "scenarios/load/expectation_reader.hpp"

#include <algorithm>

#include "scenarios/load/client_reader.hpp"
#include "scenarios/load/messages.hpp"
#include "scenarios/load/references.hpp"
#include "scenarios/load/yaml_document.hpp"
#include "scenarios/load/yaml_map.hpp"

namespace mailsim::scenarios {
namespace {

void check_host(const std::string& name, const NetworkModel& net, const std::string& key,
                SourcePos pos, Diagnostics& diag) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return;  // an address
  check_ref(name, host_names(net), msg::kKindHost, key, pos, diag);
}

}  // namespace

const std::vector<std::string>& expectation_keys() {
  static const std::vector<std::string> keys{"connection", "reply", "mail", "fetched",
                                             "no_mail_lost"};
  return keys;
}

std::vector<ExpectationEntry> read_expectations(const std::vector<YamlNode>& entries,
                                                const NetworkModel& network, const MailModel& mail,
                                                Diagnostics& diag) {
  std::vector<ExpectationEntry> out;
  std::string kinds;
  for (const auto& k : expectation_keys())
    kinds += (kinds.empty() ? "" : ", ") + k;
  for (const auto& node : entries) {
    YamlMap m(node, Text(msg::kWhatExpectation), diag, "expect[]");
    if (!m.ok()) continue;
    std::vector<std::string> present;
    for (const auto& k : expectation_keys())
      if (m.has(k)) present.push_back(k);
    if (present.size() != 1) {
      diag.error(m.pos(), present.empty() ? Text(msg::kNoExpectation, {{"kinds", kinds}})
                                          : Text(msg::kTwoExpectations,
                                                 {{"first", present[0]}, {"second", present[1]}}));
      m.finish();
      continue;
    }
    const std::string key = present[0];
    if (key == "no_mail_lost") {
      // `false` checks nothing; anything but a boolean is reported.
      if (m.boolean(key).value_or(false))
        out.push_back(ExpectationEntry{NoMailLostExpectation{}, m.pos()});
      m.finish();
      continue;
    }
    auto child = m.child(key);
    m.finish();
    if (key == "mail") {
      YamlMap e(*child, Text(msg::kWhatKey, {{"name", key}}), diag, "expect[].mail");
      if (!e.ok()) continue;
      MailExpectation x;
      if (auto v = e.text("to", Need::required)) x.to = *v;
      if (auto v = e.choice("outcome", {"delivered", "bounced", "deferred", "not_sent"}))
        x.outcome = *v;
      x.within = e.time("within");
      e.finish();
      out.push_back(ExpectationEntry{x, m.pos()});
      continue;
    }
    YamlMap e(*child, Text(msg::kWhatKey, {{"name", key}}), diag,
              key == "connection" ? "expect[].connection"
              : key == "fetched"  ? "expect[].fetched"
                                  : "expect[].reply");
    if (!e.ok()) continue;
    if (key == "fetched") {
      FetchedExpectation f;
      if (auto v = e.text("client", Need::required)) f.client = *v;
      check_ref(f.client, mail.client_names(), msg::kKindClient, key, e.pos(), diag);
      if (auto v = e.text("subject")) f.subject = *v;
      if (auto v = e.integer("count", 1, 100000)) f.count = static_cast<int>(*v);
      f.within = e.time("within");
      out.push_back(ExpectationEntry{f, m.pos()});
    } else if (key == "connection") {
      ConnectionExpectation c;
      if (auto v = e.text("from", Need::required)) c.from = *v;
      if (auto v = e.text("to", Need::required)) c.to = *v;
      if (auto v = e.integer("port", 1, 65535)) c.port = static_cast<std::uint16_t>(*v);
      if (auto v = e.choice("outcome", {"opened", "refused", "timed_out"}, Need::required))
        c.outcome = *v;
      c.within = e.time("within");
      check_host(c.from, network, key, e.pos(), diag);
      // A `to` that names no host stopped the checker at run time (an event that threw).
      check_host(c.to, network, key, e.pos(), diag);
      out.push_back(ExpectationEntry{c, m.pos()});
    } else {
      ReplyExpectation r;
      if (auto v = e.text("from", Need::required)) r.from = *v;
      if (auto v = e.integer("code", 200, 599, Need::required)) r.code = static_cast<int>(*v);
      r.within = e.time("within");
      check_host(r.from, network, key, e.pos(), diag);
      out.push_back(ExpectationEntry{r, m.pos()});
    }
    e.finish();
  }
  return out;
}

}  // namespace mailsim::scenarios
