#include "ui/report/journey_log.hpp"

#include "agents/dns/records.hpp"
#include "agents/journey/records.hpp"
#include "agents/mua/mua_records.hpp"
#include "agents/proto/dns/trace_records.hpp"
#include "agents/retrieval/retrieval_records.hpp"
#include "sim/text_fields.hpp"

namespace mailsim::report {

namespace {

namespace dns = proto::dns;

// What a resolver's answer says, in a few words: its code, then its first record.
std::string answer_outline(const dns::Message& m) {
  std::string out = dns::rcode_name(m.header.rcode);
  if (m.header.rcode != dns::Rcode::noerror) return out;
  if (!m.answers.empty()) {
    out = dns::type_name(m.answers.front().type) + " " + dns::to_string(m.answers.front().data);
    if (m.answers.size() > 1) out += " +" + std::to_string(m.answers.size() - 1);
  } else if (!m.authorities.empty()) {
    out = dns::type_name(m.authorities.front().type) + " " +
          dns::to_string(m.authorities.front().data);
  }
  return out;
}

// The server that answered (the record keeps its name private).
struct AnswerFields final : sim::TextFieldVisitor {
  using TextFieldVisitor::field;
  std::string agent;
  void field(std::string_view key, std::string_view v) override {
    if (key == "agent") agent = v;
  }
};

bool client_kind(std::string_view kind) {
  return kind.starts_with("smtp.client.") || kind.starts_with("retrieval.client.");
}

}  // namespace

JourneyLog::JourneyLog(sim::Trace& trace)
    : trace_(trace),
      subscription_(
          trace.subscribe([this](const sim::TraceRecord& r) { on_record(r); },
                          sim::Trace::kinds_starting_with({"smtp.", "retrieval.", "dns.", "mail.",
                                                           "mua.composed", "mua.sent"}))) {}

JourneyLog::~JourneyLog() {
  trace_.unsubscribe(subscription_);
}

void JourneyLog::on_record(const sim::TraceRecord& r) {
  const std::string_view kind = r.kind().name;
  if (kind.starts_with("dns."))
    on_dns(r);
  else if (kind.starts_with("mail.") || kind.starts_with("mua."))
    on_mail(r);
  else
    on_dialogue(r);
}

LoggedConnection& JourneyLog::connection(const agents::DialogueParties& who, sim::SimTime at) {
  const auto [it, fresh] = by_conn_.try_emplace(who.conn, connections_.size());
  if (!fresh) return connections_[it->second];
  LoggedConnection& c = connections_.emplace_back();
  c.conn = who.conn;
  c.protocol = who.protocol;
  c.client = who.client;
  c.server = who.server;
  c.opened = at;
  return c;
}

void JourneyLog::on_dialogue(const sim::TraceRecord& r) {
  const auto* d = dynamic_cast<const agents::DialogueRecord*>(&r);
  if (d == nullptr || d->parties.conn == 0) return;
  const std::string_view kind = r.kind().name;
  const bool client = client_kind(kind);
  LoggedLine line;
  line.at = r.time();
  line.client = client;
  line.seq = ++seq_;
  if (kind.ends_with(".connecting")) {
    line.type = LoggedLine::Type::connect;
  } else if (kind.ends_with(".sent")) {
    // Each line once, at the time its speaker sent it.
    const auto* l = dynamic_cast<const agents::DialogueLineRecord*>(&r);
    if (l == nullptr) return;
    line.text = std::string(l->line);
  } else if (kind.ends_with(".content") && client) {
    const auto* c = dynamic_cast<const agents::DialogueContentRecord*>(&r);
    if (c == nullptr) return;
    line.type = LoggedLine::Type::content;
    line.text = std::to_string(c->bytes);
  } else if (const auto* f = dynamic_cast<const agents::RetrievalFetchedRecord*>(&r)) {
    LoggedConnection& c = connection(d->parties, r.time());
    c.user = f->user;
    c.fetched = f->count;
    c.ended = r.time();
    return;
  } else if (const auto* e = dynamic_cast<const agents::DialogueEndRecord*>(&r); e && client) {
    line.type = LoggedLine::Type::end;
    line.text = std::string(kind);
    line.reason = e->reason.value_or("");
  } else if (const auto* failed = dynamic_cast<const agents::RetrievalFailedRecord*>(&r)) {
    line.type = LoggedLine::Type::end;
    line.text = std::string(kind);
    line.reason = failed->reason;
    connection(d->parties, r.time()).user = failed->user;
  } else {
    return;
  }
  LoggedConnection& c = connection(d->parties, r.time());
  if (line.type == LoggedLine::Type::end) c.ended = r.time();
  c.lines.push_back(std::move(line));
}

void JourneyLog::on_dns(const sim::TraceRecord& r) {
  if (const auto* answer = dynamic_cast<const dns::ServerRecord*>(&r)) {
    // The query it answers (by its id, among the latest) was sent to this server's address.
    AnswerFields f;
    r.visit_fields(f);
    const std::uint16_t id = answer->result().response.header.id;
    const std::size_t stop = dns_.size() > 256 ? dns_.size() - 256 : 0;
    for (std::size_t i = dns_.size(); i-- > stop;)
      if (dns_[i].type == LoggedDns::Type::query && dns_[i].id == id) {
        dns_servers_[dns_[i].address] = f.agent;
        dns_[i].server = f.agent;
        break;
      }
    return;
  }
  if (const auto* route = dynamic_cast<const agents::DnsMailRouteRecord*>(&r)) {
    LoggedMail m;
    m.kind = std::string(r.kind().name);
    m.at = r.time();
    m.agent = route->agent;
    m.recipients = {route->domain};
    m.targets = route->targets;
    m.seq = ++seq_;
    mail_.push_back(std::move(m));
    return;
  }
  const auto* rec = dynamic_cast<const dns::ResolverRecord*>(&r);
  if (rec == nullptr) return;
  const dns::ResolverEvent& e = rec->event();
  using K = dns::ResolverEvent::Kind;
  LoggedDns d;
  switch (e.kind) {
    case K::lookup_started:
      d.type = LoggedDns::Type::started;
      break;
    case K::query_sent:
      d.type = LoggedDns::Type::query;
      if (e.message) d.id = e.message->header.id;
      break;
    case K::response:
      d.type = LoggedDns::Type::answer;
      if (e.message) d.answer = answer_outline(*e.message);
      break;
    case K::timeout:
    case K::unreachable:
      d.type = LoggedDns::Type::timeout;
      break;
    case K::lookup_done:
      d.type = LoggedDns::Type::done;
      break;
    case K::cache:
      if (e.cache->kind != dns::CacheEvent::Kind::hit) return;
      d.type = LoggedDns::Type::cache_hit;
      break;
    default:
      return;
  }
  d.at = r.time();
  d.agent = std::string(rec->agent());
  d.lookup = e.lookup;
  if (e.kind == K::cache) {
    d.name = e.cache->name.to_string();
    d.type_name = dns::type_name(e.cache->type);
  } else {
    d.name = e.question.name.to_string();
    d.type_name = dns::type_name(e.question.type);
  }
  if (e.server) {
    d.address = dns::to_string(e.server->address);
    const auto known = dns_servers_.find(d.address);
    d.server = known == dns_servers_.end() ? d.address : known->second;
  }
  d.seq = ++seq_;
  dns_.push_back(std::move(d));
}

void JourneyLog::on_mail(const sim::TraceRecord& r) {
  LoggedMail m;
  m.kind = std::string(r.kind().name);
  m.at = r.time();
  if (const auto* a = dynamic_cast<const agents::MailAcceptedRecord*>(&r)) {
    m.agent = a->agent;
    m.queue_id = a->queue_id;
    m.message_id = a->message_id;
    m.sender = a->sender;
    m.recipients = a->recipients;
  } else if (const auto* o = dynamic_cast<const agents::MailOutcomeRecord*>(&r)) {
    m.agent = o->agent;
    m.queue_id = o->queue_id;
    m.recipients = {o->recipient};
    m.reply = o->reply;
    m.next_agent = o->next_agent;
    m.next_queue_id = o->next_queue_id;
    m.mailbox = o->mailbox;
  } else if (const auto* u = dynamic_cast<const agents::MuaRecord*>(&r)) {
    m.agent = u->client;
    m.message_id = u->message_id;
    m.sender = u->user;
    m.recipients = {u->recipient};
    m.reply = u->reply;
    m.next_agent = u->server;
    m.subject = u->subject;
  } else {
    return;
  }
  m.seq = ++seq_;
  mail_.push_back(std::move(m));
}

}  // namespace mailsim::report
