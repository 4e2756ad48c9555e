#include "agents/narration/narrator.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "sim/plural.hpp"
#include "sim/strings.hpp"

#include "agents/journey/records.hpp"
#include "agents/narration/diagnostics.hpp"
#include "agents/narration/dns_sentences.hpp"
#include "agents/narration/field_words.hpp"
#include "agents/narration/french_elision.hpp"
#include "agents/narration/mua_sentences.hpp"
#include "agents/narration/net_sentences.hpp"
#include "agents/narration/reply_codes.hpp"
#include "agents/narration/retrieval_sentences.hpp"
#include "agents/narration/sentence_variants.hpp"
#include "agents/narration/sentences.hpp"
#include "agents/narration/smtp_sentences.hpp"
#include "agents/narration/story_sentences.hpp"

namespace mailsim::agents {
namespace {

// The fields a kind's sentences can use: their placeholders (every variant, both languages),
// the fields variants are chosen by, and the ones derived parts are made from.
using Wanted = std::vector<std::string_view>;

void add_placeholders(std::string_view text, Wanted& out) {
  for (std::size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.push_back(text.substr(open + 1, close - open - 1));
  }
}

const Wanted& wanted_fields(std::string_view kind, const Message* sentence) {
  thread_local std::unordered_map<std::string_view, Wanted> cache;  // kind -> its fields
  auto [it, added] = cache.try_emplace(kind);
  if (!added) return it->second;
  Wanted& w = it->second;
  add_placeholders(sentence->en, w);
  add_placeholders(sentence->fr, w);
  for (const auto& v : narration::kVariants) {
    if (v.kind != kind) continue;
    w.push_back(v.field);
    add_placeholders(v.sentence->en, w);
    add_placeholders(v.sentence->fr, w);
  }
  for (std::string_view derived :
       {"proto", "flags", "payload", "reason", "reply", "address", "origin"})
    w.push_back(derived);
  for (const auto& c : narration::kCountedPhrases)
    if (c.kind == kind) w.push_back(c.field);
  return w;
}

// Collects the fields a sentence may use as text arguments; the others are not even formatted
// (a packet record has a dozen fields, and most sentences use three).
class ArgCollector final : public sim::FieldVisitor {
 public:
  ArgCollector(const Wanted& wanted, Lang lang) : wanted_(wanted), lang_(lang) {}
  using FieldVisitor::field;
  void field(std::string_view k, std::int64_t v) override {
    if (wants(k)) add(k, fmt::to_string(v));
  }
  void field(std::string_view k, std::uint64_t v) override {
    if (wants(k)) add(k, fmt::to_string(v));
  }
  void field(std::string_view k, double v) override {
    if (wants(k)) add(k, fmt::format("{}", v));
  }
  void field(std::string_view k, bool v) override {
    if (wants(k)) add(k, v ? "true" : "false");
  }
  void field(std::string_view k, std::string_view v) override {
    if (wants(k)) add(k, one_line(v));
  }
  void field(std::string_view k, sim::SimTime v) override {
    if (wants(k)) add(k, sim::format_time(v, lang_));
  }
  std::vector<Text::Arg> args;

 private:
  bool wants(std::string_view k) const {
    for (std::string_view w : wanted_)
      if (w == k) return true;
    return false;
  }
  void add(std::string_view k, std::string v) { args.emplace_back(std::string(k), std::move(v)); }
  const Wanted& wanted_;
  Lang lang_;
  // A sentence is one line of prose: the TABs of zone-file lines read as spaces.
  static std::string one_line(std::string_view v) {
    std::string s(v);
    for (char& c : s)
      if (c == '\t') c = ' ';
    return s;
  }
};

const std::string* find(const std::vector<Text::Arg>& args, std::string_view key) {
  for (const auto& [k, v] : args)
    if (k == key) return &v;
  return nullptr;
}

// The outcome's own sentence when the kind has one for it, else the kind's.
const Message* variant_for(std::string_view kind, const std::vector<Text::Arg>& args,
                           const Message* sentence) {
  for (const auto& v : narration::kVariants) {
    if (v.kind != kind) continue;
    const std::string* value = find(args, v.field);
    if (value && (v.exact ? *value == v.value : value->starts_with(v.value))) return v.sentence;
  }
  return sentence;
}

// A FieldWord's field: one name, or kStates for the fields that name a session state.
bool names_field(std::string_view field, std::string_view key) {
  if (field == narration::kStates) return key == "from" || key == "to" || key == "state";
  return field == key;
}

// {segment}: "TCP SYN", "TCP PSH,ACK, 512 bytes of data"; {reason_text}: why a packet died.
void add_derived(std::string_view kind, std::vector<Text::Arg>& args, Lang lang) {
  if (const std::string* proto = find(args, "proto")) {
    std::string segment = to_upper(*proto);
    if (const std::string* flags = find(args, "flags")) segment += " " + *flags;
    if (const std::string* payload = find(args, "payload"); payload && *payload != "0")
      segment += ", " + Text(narration::kSegmentData, {{"payload", *payload}}).render(lang);
    args.emplace_back("segment", std::move(segment));
  }
  // A server known only by its address (no host has it): "an unknown host (198.51.100.99)"
  // rather than the address twice.
  if (const std::string* address = find(args, "address"))
    for (auto& [k, v] : args)
      if (k == "server" && v == *address) v = std::string(narration::kUnknownHost.text(lang));
  // Protocol names as people write them: "IMAP", "POP3" (records keep the lower-case token);
  // a mail domain or a blocklist as in addresses, without DNS's root dot ("a.example").
  for (auto& [k, v] : args) {
    if (k == "protocol") v = to_upper(v);
    if ((k == "domain" || k == "list") && v.size() > 1 && v.back() == '.') v.pop_back();
  }
  // Looked up before appending: emplace_back may move the strings `find` points into.
  if (const std::string* found = find(args, "reason")) {
    if (const Message* text = reason_text(kind, *found))
      args.emplace_back("reason_text", std::string(text->text(lang)));
  }
  // {client}: the host a message came from, in an origin "smtp alice-pc [192.0.2.10]".
  if (const std::string* origin = find(args, "origin"); origin && origin->starts_with("smtp ")) {
    std::string client = origin->substr(5, origin->find(" [") - 5);
    args.emplace_back("client", std::move(client));
  }
  // Counts with their noun, by the plural rule ("1 answer record", "2 answer records").
  for (const auto& c : narration::kCountedPhrases) {
    if (c.kind != kind) continue;
    const std::string* value = find(args, c.field);
    if (value == nullptr) continue;
    std::string phrase = counted(c.phrase, std::stoull(*value), lang).render(lang);
    args.emplace_back(std::string(c.placeholder), std::move(phrase));
  }
  // The simulator's own tokens and diagnostics in the reader's words (field_words.hpp).
  for (auto& [k, v] : args) {
    if (k == "reply") v = diagnostic_in(v, lang);
    for (const auto& w : narration::kFieldWords) {
      if (!kind.starts_with(w.kinds) || !names_field(w.field, k)) continue;
      if (!w.part && v == w.value) {
        v = std::string(w.words->text(lang));
        break;
      }
      if (!w.part) continue;
      const std::string_view words = w.words->text(lang);
      for (std::size_t at = v.find(w.value); at != std::string::npos;
           at = v.find(w.value, at + words.size()))
        v.replace(at, w.value.size(), words);
    }
  }
}

// The story's kinds: what a person following the article needs (narrator.hpp).
constexpr std::string_view kStoryKinds[] = {
    "mua.composed",
    "mua.sent",
    "mua.send_failed",
    "mua.send_waiting",
    "mua.new_mail",
    "mail.relayed",
    "mail.delivered",
    "mail.deferred",
    "mail.bounced",
    "mail.delay_warned",
    "mail.double_bounced",
    "mail.double_bounce_discarded",
    "dns.mail.route",
    "dns.zone.changed",
    "dns.server.stopped",
    "retrieval.client.fetched",
    "retrieval.client.failed",
    "typed.opened",
    "typed.failed",
    "typed.sent",
    "typed.received",
    "typed.closed",
    "net.host.down",
    "net.host.up",
    "net.link.down",
    "net.link.up",
    "net.link.changed",
    "net.route.changed",
    "dns.spf.checked",
    "dns.dnsbl.checked",
};

}  // namespace

const Message* reason_text(std::string_view kind, std::string_view reason) {
  for (const auto& r : narration::kRetrievalReasons)
    if (r.kind == kind && r.reason == reason) return &r.text;
  for (const auto& r : narration::kReasons)
    if (r.reason == reason) return &r.text;
  return nullptr;
}

const Message* Narrator::sentence_for(const sim::TraceKind& kind) {
  // Every record asks once: a hash lookup, not a walk through the whole catalog.
  static const std::unordered_map<std::string_view, const Message*> by_kind = [] {
    std::unordered_map<std::string_view, const Message*> map;
    for (const Message* m : sentences())
      map.emplace(m->id, m);  // the first entry of an id wins, as the walk did
    return map;
  }();
  const auto it = by_kind.find(kind.name);
  return it == by_kind.end() ? nullptr : it->second;
}

bool parse_level(std::string_view text, Level& out) {
  if (text == "story")
    out = Level::story;
  else if (text == "protocol")
    out = Level::protocol;
  else if (text == "packets")
    out = Level::packets;
  else
    return false;
  return true;
}

Level Narrator::level_of(const sim::TraceRecord& record) {
  // The submission is the story's; a relay's acceptance is told by the sender's hand-over, a
  // notice's by the bounce or the warning that queued it.
  if (const auto* accepted = dynamic_cast<const MailAcceptedRecord*>(&record))
    return accepted->stage == Stage::submission || !accepted->user.empty() ? Level::story
                                                                           : Level::protocol;
  return level_of(record.kind());
}

sim::Trace::KindFilter Narrator::kinds_for(Level level) {
  return [level](const sim::TraceKind& kind) { return level_of(kind) <= level; };
}

Level Narrator::level_of(const sim::TraceKind& record_kind) {
  const std::string_view kind = record_kind.name;
  for (std::string_view k : kStoryKinds)
    if (k == kind) return Level::story;
  if (&record_kind == &kinds::kMailAccepted) return Level::story;
  if (kind == "net.packet.dropped") return Level::protocol;
  if (kind.starts_with("net.packet.") || kind == "net.tcp.cwnd" || kind == "net.tcp.state" ||
      kind == "net.route.recomputed")
    return Level::packets;
  return Level::protocol;
}

std::string role_names(const std::vector<ArticleRole>& roles, Lang lang) {
  std::string names;
  for (ArticleRole role : roles) {
    const Message& m = role == ArticleRole::mua   ? narration::kRoleMua
                       : role == ArticleRole::msa ? narration::kRoleMsa
                       : role == ArticleRole::mta ? narration::kRoleMta
                                                  : narration::kRoleMda;
    names += (names.empty() ? "" : ", ") + std::string(m.text(lang));
  }
  return names;
}

std::string Narrator::with_roles(std::string_view host) const {
  const auto it = roles_.find(host);
  if (it == roles_.end() || it->second.empty()) return std::string(host);
  return Text(narration::kRoleLabel,
              {{"host", std::string(host)}, {"roles", role_names(it->second, lang_)}})
      .render(lang_);
}

std::span<const Message* const> Narrator::sentences() {
  static const std::vector<const Message*> all = [] {
    std::vector<const Message*> v(narration::kAll.begin(), narration::kAll.end());
    v.insert(v.end(), narration::kNetAll.begin(), narration::kNetAll.end());
    v.insert(v.end(), narration::kSmtpAll.begin(), narration::kSmtpAll.end());
    v.insert(v.end(), narration::kRetrievalAll.begin(), narration::kRetrievalAll.end());
    v.insert(v.end(), narration::kDnsAll.begin(), narration::kDnsAll.end());
    v.insert(v.end(), narration::kMuaAll.begin(), narration::kMuaAll.end());
    v.insert(v.end(), narration::kVariantAll.begin(), narration::kVariantAll.end());
    return v;
  }();
  return all;
}

std::optional<std::string> Narrator::narrate(const sim::TraceRecord& record) const {
  const Message* m = sentence_for(record.kind());
  if (m == nullptr) return std::nullopt;
  ArgCollector c(wanted_fields(record.kind().name, m), lang_);
  record.visit_fields(c);
  m = variant_for(record.kind().name, c.args, m);
  add_derived(record.kind().name, c.args, lang_);
  if (const std::string* reply = find(c.args, "reply")) {
    auto code = parse_reply_code(*reply);
    // Computed before the vector may grow and move the string `reply` points into.
    std::string explanation =
        code ? explain_reply(*code, lang_) : std::string(narration::kNoSmtpReply.text(lang_));
    c.args.emplace_back("explain", std::move(explanation));
  }
  // The article's roles beside every host that plays one (after the variants and derived
  // parts, which read the bare names).
  if (!roles_.empty())
    for (auto& [k, v] : c.args)
      if (roles_.contains(v)) v = with_roles(v);
  if (lang_ == Lang::fr) return render_template(elide_de(m->fr, c.args), c.args);
  return Text(*m, std::move(c.args)).render(lang_);
}

}  // namespace mailsim::agents
