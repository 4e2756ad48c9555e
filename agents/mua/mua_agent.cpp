#include "agents/mua/mua_agent.hpp"

#include <algorithm>
#include <utility>

#include "agents/connection_labels.hpp"
#include "agents/mua/messages.hpp"
#include "agents/mua/mua_records.hpp"
#include "agents/proto/imf/encoded_words.hpp"
#include "agents/proto/imf/header.hpp"
#include "agents/retrieval/retrieval_client.hpp"
#include "agents/roles/smtp_client_endpoint.hpp"

namespace mailsim::agents {
namespace {

namespace imf = proto::imf;

// From and Subject as the user reads them: unfolded, encoded words decoded. A message the
// client cannot read still counts; it shows neither.
std::pair<std::string, std::string> from_and_subject(const std::string& content) {
  try {
    const imf::Header header = imf::parse_message(content).header;
    auto shown = [&](std::string_view name) {
      return imf::decode_encoded_words(header.value(name).value_or(""));
    };
    return {shown("From"), shown("Subject")};
  } catch (const imf::ParseError&) {
    return {};
  }
}

// "bob@b.example, carol@c.example": the recipients as the records name them.
std::string recipient_list(const std::vector<std::string>& addresses) {
  std::string out;
  for (const auto& a : addresses)
    out += (out.empty() ? "" : ", ") + a;
  return out;
}

}  // namespace

struct MuaAgent::WaitingSubmission {
  std::size_t index;  // in sent_
  proto::smtp::ClientConfig config;
};

MuaAgent::MuaAgent(sim::net::Network& net, sim::net::NodeId host, MuaConfig config,
                   const imf::ScenarioClock& clock)
    : net_(net),
      host_(host),
      config_(std::move(config)),
      clock_(clock),
      ids_(net.name(host)),
      smtp_(std::make_unique<SmtpClientEndpoint>(
          // No connect timeout of its own: a mail program waits for TCP to give up.
          net, host, SmtpClientEndpoint::Options{Stage::submission, sim::SimTime(0)})),
      retrieval_(std::make_unique<RetrievalClientEndpoint>(net, host)),
      fetch_timer_(net.sim(), [this] {
        fetch();
        schedule_next_fetch();
      }) {}

// The endpoints and the timer are members: nothing of theirs calls back once they are gone.
MuaAgent::~MuaAgent() = default;

const std::string& MuaAgent::host_name() const {
  return smtp_->host_name();
}

void MuaAgent::start() {
  if (config_.fetch && config_.fetch->every) schedule_next_fetch();
}

void MuaAgent::schedule_next_fetch() {
  fetch_timer_.arm_after(*config_.fetch->every);
}

std::string MuaAgent::send(imf::Draft draft, std::string envelope_from) {
  const std::string user = config_.address.address();
  if (!config_.submit) throw LocalizedError(Text(mua_msg::kNoSubmitServer, {{"user", user}}));
  if (draft.from.local_part.empty()) draft.from = config_.address;
  OutgoingMail out;
  {
    // Held once: the outbox and the SMTP client share the bytes compose() wrote.
    imf::Message message = imf::compose(draft, clock_, net_.sim().now(), ids_);
    out.message_id = message.header.value("Message-ID").value_or("");
    out.content = std::make_shared<const std::string>(std::move(message).to_string());
  }
  out.subject = draft.subject;
  for (const auto& box : draft.to)
    out.to.push_back(box.address());
  for (const auto& box : draft.cc)
    out.to.push_back(box.address());
  out.composed = net_.sim().now();
  const std::string& content = *out.content;

  const MuaSubmitSettings& s = *config_.submit;
  const std::string server = host_label(net_, s.server);
  auto& trace = net_.sim().trace();
  if (trace.active()) {
    MuaRecord r(kinds::kMuaComposed);
    r.client = host_name();
    r.user = user;
    r.message_id = out.message_id;
    r.to = recipient_list(out.to);
    r.subject = out.subject;
    r.size = content.size();
    trace.publish(r);
  }

  proto::smtp::ClientConfig c;
  c.helo_name = host_name();
  c.mail_from = envelope_from.empty() ? user : envelope_from;
  c.recipients = out.to;
  c.message = out.content;
  c.pass_bare_lf = !draft.raw_tail.empty();  // the smuggling lesson's bytes go out unchanged
  if (!s.user.empty()) c.credentials = proto::smtp::Credentials{s.user, s.password, {}, true};
  sent_.push_back(std::move(out));
  WaitingSubmission w{sent_.size() - 1, std::move(c)};
  const std::string id = sent_.back().message_id;
  if (submitting_ < kMaxOpenSubmissions) {
    submit(std::move(w));
  } else {
    if (trace.active()) {
      MuaRecord r(kinds::kMuaSendWaiting);
      r.client = host_name();
      r.user = user;
      r.message_id = id;
      r.server = server;
      r.open = submitting_;
      trace.publish(r);
    }
    waiting_.push_back(std::make_unique<WaitingSubmission>(std::move(w)));
  }
  return id;
}

void MuaAgent::submit(WaitingSubmission w) {
  const MuaSubmitSettings& s = *config_.submit;
  const std::string server = host_label(net_, s.server);
  ++submitting_;
  smtp_->open(s.server, s.port, std::move(w.config),
              [this, index = w.index, server](const SmtpClientResult& r) {
                --submitting_;
                submitted(index, server, r);
                submit_waiting();
              });
}

void MuaAgent::submit_waiting() {
  while (submitting_ < kMaxOpenSubmissions && !waiting_.empty()) {
    std::unique_ptr<WaitingSubmission> next = std::move(waiting_.front());
    waiting_.pop_front();
    submit(std::move(*next));
  }
}

void MuaAgent::submitted(std::size_t index, const std::string& server, const SmtpClientResult& r) {
  using proto::smtp::RecipientStatus;
  OutgoingMail& out = sent_[index];
  auto& trace = net_.sim().trace();
  auto record = [&](const sim::TraceKind& kind, const std::string& recipient,
                    const std::string& reply) {
    if (!trace.active()) return;
    MuaRecord rec(kind);
    rec.client = host_name();
    rec.user = config_.address.address();
    rec.message_id = out.message_id;
    rec.server = server;
    rec.recipient = recipient;
    rec.reply = reply;
    trace.publish(rec);
  };
  std::size_t accepted = 0;
  for (const auto& ro : r.recipients)
    accepted += ro.status == RecipientStatus::delivered ? 1 : 0;
  if (accepted == 0) {
    // Nothing was taken: the user sees one error, the first that explains it.
    std::string reply =
        r.connection_error ? connection_failure_text(server, r.address, r.port, *r.connection_error)
        : r.session.reply  ? r.session.reply->summary()
                           : std::string(proto::smtp::status_name(r.session.status));
    for (const auto& ro : r.recipients)
      if (ro.reply && !ro.reply->positive() && !r.connection_error) {
        reply = ro.reply->summary();
        break;
      }
    out.status = OutgoingMail::Status::refused;  // it stays in the outbox, with its content
    out.reply = reply;
    record(kinds::kMuaSendFailed, recipient_list(out.to), reply);
    return;
  }
  out.status = accepted == r.recipients.size() ? OutgoingMail::Status::accepted
                                               : OutgoingMail::Status::partly_refused;
  // Out of the outbox once a server took it for everyone; a recipient refused keeps it there.
  if (out.status == OutgoingMail::Status::accepted) out.content.reset();
  for (const auto& ro : r.recipients) {
    const std::string reply = ro.reply ? ro.reply->summary() : std::string();
    if (ro.status == RecipientStatus::delivered) {
      out.reply = reply;
      record(kinds::kMuaSent, ro.address, reply);
    } else {
      record(kinds::kMuaSendFailed, ro.address, reply);
    }
  }
}

std::vector<const OutgoingMail*> MuaAgent::outbox() const {
  std::vector<const OutgoingMail*> out;
  for (const auto& m : sent_)
    if (m.status == OutgoingMail::Status::refused ||
        m.status == OutgoingMail::Status::partly_refused)
      out.push_back(&m);
  return out;
}

void MuaAgent::fetch() {
  if (!config_.fetch)
    throw LocalizedError(Text(mua_msg::kNoFetchServer, {{"user", config_.address.address()}}));
  if (fetching_) return;  // the interval came round while the last fetch still runs
  fetching_ = true;
  const MuaFetchSettings& f = *config_.fetch;
  auto done = [this](const FetchOutcome& o) { fetched(o); };
  if (f.protocol == RetrievalProtocol::pop3) {
    proto::pop3::ClientJob job;
    job.user = f.user;
    job.password = f.password;
    job.delete_after_retrieve = !f.keep_on_server;
    for (const auto& kept : inbox_)
      job.known_ids.insert(kept.id);
    retrieval_->fetch_pop3(f.server, std::move(job), std::move(done), f.port);
  } else {
    proto::imap::ClientJob job;
    job.user = f.user;
    job.password = f.password;
    job.delete_after_fetch = !f.keep_on_server;
    retrieval_->fetch_imap(f.server, std::move(job), std::move(done), f.port);
  }
}

void MuaAgent::fetched(const FetchOutcome& o) {
  fetching_ = false;
  auto& trace = net_.sim().trace();
  for (const auto& m : o.messages) {
    // Already shown (POP3 without UIDL, or IMAP flags reset): indexed, a big mailbox stays linear.
    if (!inbox_ids_.insert(m.id).second) continue;
    auto [from, subject] = from_and_subject(m.content);
    KeptMail kept{m.id, std::move(from), std::move(subject), m.content, net_.sim().now()};
    if (trace.active()) {
      MuaRecord r(kinds::kMuaNewMail);
      r.client = host_name();
      r.user = config_.address.address();
      r.id = kept.id;
      r.from = kept.from;
      r.subject = kept.subject;
      r.server = o.server;
      trace.publish(r);
    }
    inbox_.push_back(std::move(kept));
  }
}

}  // namespace mailsim::agents
