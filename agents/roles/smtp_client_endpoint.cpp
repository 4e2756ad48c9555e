#include "agents/roles/smtp_client_endpoint.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "agents/connection_labels.hpp"
#include "agents/roles/smtp_dialogue_tracer.hpp"
#include "agents/session_timer.hpp"
#include "agents/stream_endpoint_state.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace smtp = proto::smtp;

SmtpFailure SmtpClientResult::failure() const {
  // A connection lost after QUIT was sent lost nothing: the transaction was over.
  if (session.status == smtp::SessionStatus::completed) return SmtpFailure::none;
  if (connection_error) return SmtpFailure::temporary;
  return session.reply && session.reply->permanent() ? SmtpFailure::permanent
                                                     : SmtpFailure::temporary;
}

namespace {

std::string reply_text(const smtp::Reply& r) {
  return r.enhanced.empty() ? fmt::format("{} {}", r.code, r.text())
                            : fmt::format("{} {} {}", r.code, r.enhanced, r.text());
}

// One session: its connection, its engine, its timer.
struct Attempt {
  Attempt(sim::Simulator& sim, sim::Trace& trace, DialogueParties parties,
          std::function<void()> on_timer)
      : tracer(trace, std::move(parties)), timer(sim, std::move(on_timer)) {}
  std::uint64_t key = 0;  // among the endpoint's attempts: its callbacks need not hold it
  SmtpClientConnection view;
  net::StreamSocket socket;
  sim::Subscription callbacks;  // the socket's: they go with the attempt
  std::unique_ptr<smtp::ClientSession> session;
  SmtpClientEndpoint::Done done;
  SmtpClientEndpoint::HandedOver handed_over;
  std::vector<bool> handed;  // recipients already told to handed_over
  SmtpDialogueTracer tracer;
  SessionTimer timer;
  NestedCalls<> calls;  // finish only when the outermost call has returned
  std::optional<net::ConnError> error;
  bool finishing = false;
};

}  // namespace

struct SmtpClientEndpoint::State : StreamEndpointState<State, Attempt, std::uint64_t> {
  State(net::Network& n, net::NodeId h, Options opt) : StreamEndpointState(n, h), options(opt) {}

  Options options;
  std::uint64_t next_key = 1;  // attempts are keyed by their order (a failed connect has no id)

  void on_host_down() {
    for (std::uint64_t key : keys())
      broken(key, net::ConnError::host_down);
  }

  net::ConnId open(net::Ipv4Address to, std::uint16_t port, smtp::ClientConfig config, Done done,
                   HandedOver handed_over) {
    watch_host();
    const std::uint64_t key = next_key++;
    const DialogueParties parties = dialogue_parties(net, DialogueProtocol::smtp, options.stage,
                                                     DialogueSide::client, host, to);
    Attempt* attempt =
        &add(key, std::make_unique<Attempt>(net.sim(), net.sim().trace(), parties,
                                            callback([key](State& st) { st.on_timer(key); })));
    attempt->key = key;
    attempt->done = std::move(done);
    attempt->handed_over = std::move(handed_over);
    attempt->view = {0, parties.server, to, port, now(), false, nullptr};
    attempt->session = std::make_unique<smtp::ClientSession>(
        std::move(config),
        [attempt](std::string bytes) { attempt->socket.send_owned(std::move(bytes)); },
        [attempt](const smtp::ClientEvent& e) { attempt->tracer.on_event(e); });
    // The message leaves from the queue's own copy: one write, in the same segments.
    attempt->session->send_message_with(
        [attempt](std::string head, std::shared_ptr<const std::string> message, std::string tail) {
          attempt->socket.send_owned(std::move(head), true);
          attempt->socket.send_shared(std::move(message), true);
          attempt->socket.send_owned(std::move(tail));
        });
    attempt->view.session = attempt->session.get();

    auto on_error = callback([key](State& st, net::ConnError e) { st.broken(key, e); });
    auto on_connected = entry_callback(key, [](State& st, Attempt& a, net::StreamSocket) {
      a.view.connected = true;
      st.enter(a.key, [&] { a.session->start(st.now()); });
    });
    attempt->socket = net.host(host).connect(to, port, on_connected, on_error);
    attempt->callbacks = attempt->socket.keep_callbacks();
    attempt->view.conn = attempt->socket.id();
    attempt->tracer.parties().conn = attempt->view.conn;
    attempt->tracer.emit<DialogueConnectingRecord>(kinds::kSmtpClientConnecting, to.to_string(),
                                                   port);
    attempt->socket.on_error(on_error);
    attempt->socket.on_data(
        entry_callback(key, [](State& st, Attempt& a, std::span<const std::byte> bytes) {
          const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
          st.enter(a.key, [&] { a.session->receive(text, st.now()); });
        }));
    attempt->socket.on_end(entry_callback(key, [](State& st, Attempt& a) {
      st.enter(a.key, [&] { a.session->connection_closed(st.now()); });
    }));
    if (options.connect_timeout > sim::SimTime(0))
      attempt->timer.follow(now() + options.connect_timeout);
    return attempt->view.conn;
  }

  void on_timer(std::uint64_t key) {
    Attempt* a = find(key);
    if (a == nullptr) return;
    if (!a->view.connected) return broken(key, net::ConnError::timed_out);  // connect timeout
    // While the message goes out, what counts is the peer acknowledging it (RFC 5321
    // 4.5.3.2.5), which only the transport knows.
    const net::TcpInfo tcp = a->socket.info();
    enter(key, [&] {
      a->session->transport_progress(tcp.last_ack, tcp.bytes_acked >= tcp.bytes_sent);
      a->session->on_timer(proto::DeadlineTimer::kId, now());
    });
  }

  // The connection failed, broke, or this host went down: the session cannot go on.
  void broken(std::uint64_t key, net::ConnError e) {
    Attempt* a = find(key);
    if (a == nullptr || a->finishing) return;
    if (!a->error) a->error = e;
    // The engine settles what it was waiting for (recipients deferred, no reply).
    enter(key, [&] {
      if (!a->session->done()) a->session->connection_closed(now());
    });
  }

  template <class F>
  void enter(std::uint64_t key, F&& call) {
    Attempt* a = find(key);
    if (!a->calls.run(call)) return;
    hand_over(*a);
    if (a->session->done() || a->error) return finish(key);
    a->timer.carry_out(a->session->take_actions());
  }

  // Tells the recipients delivered since the last call (a session may run several transactions
  // when a server limits the recipients of each).
  void hand_over(Attempt& a) {
    if (!a.handed_over) return;
    const auto& recipients = a.session->recipients();
    a.handed.resize(recipients.size());
    std::vector<smtp::RecipientOutcome> fresh;
    for (std::size_t i = 0; i < recipients.size(); ++i) {
      if (recipients[i].status != smtp::RecipientStatus::delivered || a.handed[i]) continue;
      a.handed[i] = true;
      fresh.push_back(recipients[i]);
    }
    if (!fresh.empty()) a.handed_over(a.view.server, fresh);
  }

  void finish(std::uint64_t key) {
    std::unique_ptr<Attempt> a = take(key);
    a->finishing = true;
    a->timer.cancel();
    // An SMTP end (221 seen, 421, timeout...) closes in order; a failed or broken connection
    // has nothing left to close (a connect timeout forgets the SYN).
    // A message not all sent when its timer ran out is not sent on: the bytes still queued are
    // dropped (RST), so that the server never reads a final dot the client gave up on.
    const bool cut_message = a->session->outcome().status == smtp::SessionStatus::timed_out &&
                             a->session->outcome().state == smtp::ClientState::message &&
                             !a->session->message_acknowledged();
    if (cut_message)
      a->socket.abort();
    else if (!a->error || *a->error == net::ConnError::timed_out)
      a->socket.close();

    SmtpClientResult result;
    result.conn = a->view.conn;
    result.server = a->view.server;
    result.address = a->view.address;
    result.port = a->view.port;
    result.connection_error = a->error;
    if (a->view.connected) result.session = a->session->outcome();
    result.recipients = a->session->recipients();
    trace_end(*a, result);
    if (a->done) a->done(result);
  }

  void trace_end(Attempt& a, const SmtpClientResult& result) {
    if (!a.tracer.active()) return;
    std::uint64_t delivered = 0, deferred = 0, rejected = 0;
    for (const auto& r : result.recipients) {
      const sim::TraceKind* kind = nullptr;
      switch (r.status) {
        case smtp::RecipientStatus::delivered:
          ++delivered;
          kind = &kinds::kSmtpClientDelivered;
          break;
        case smtp::RecipientStatus::rejected:
          ++rejected;
          kind = &kinds::kSmtpClientRejected;
          break;
        default:
          ++deferred;
          kind = &kinds::kSmtpClientDeferred;
          break;
      }
      // Recipients settled without a reply (no connection, timeout) are told by the
      // session's own record: it counts them.
      if (r.reply) a.tracer.emit<SmtpRecipientRecord>(*kind, r.address, reply_text(*r.reply));
    }
    const smtp::SessionOutcome& s = result.session;
    const std::string state = a.view.connected ? std::string(smtp::state_name(s.state)) : "";
    const std::string reply = s.reply ? reply_text(*s.reply) : "";
    // Each ending tells where the session was and the recipients it leaves deferred, and
    // what decided it.
    auto ended = [&](const sim::TraceKind& kind, auto&& more) {
      a.tracer.end(kind, [&](DialogueEndRecord& rec) {
        rec.state = state;
        rec.deferred = deferred;
        more(rec);
      });
    };
    auto refused = [&](DialogueEndRecord& rec) {
      rec.reply = reply;
      rec.rejected = rejected;
    };
    auto failed = [&](std::string reason) {
      ended(kinds::kSmtpClientFailed, [&](DialogueEndRecord& rec) { rec.reason = reason; });
    };
    if (result.connection_error && s.status != smtp::SessionStatus::completed)
      return failed(connection_reason(*result.connection_error));
    switch (s.status) {
      case smtp::SessionStatus::completed:
        return a.tracer.end(kinds::kSmtpClientCompleted, [&](DialogueEndRecord& rec) {
          rec.delivered = delivered;
          rec.deferred = deferred;
          rec.rejected = rejected;
        });
      case smtp::SessionStatus::refused:
        return ended(kinds::kSmtpClientRefused, refused);
      case smtp::SessionStatus::missing_feature:
        return ended(kinds::kSmtpClientMissingFeature,
                     [&](DialogueEndRecord& rec) { rec.feature = s.detail; });
      case smtp::SessionStatus::closed_by_server:
        if (s.reply) return ended(kinds::kSmtpClientClosedByServer, refused);
        // The server hung up without a word (no 421): told like a typed session's end.
        return failed("server_closed");
      case smtp::SessionStatus::timed_out:
        return ended(kinds::kSmtpClientTimedOut, [](DialogueEndRecord&) {});
      case smtp::SessionStatus::protocol_error:
      case smtp::SessionStatus::in_progress:
        return ended(kinds::kSmtpClientProtocolError,
                     [&](DialogueEndRecord& rec) { rec.line = s.detail; });
    }
  }
};

SmtpClientEndpoint::SmtpClientEndpoint(net::Network& net, net::NodeId host, Options options)
    : state_(std::make_unique<State>(net, host, options)) {}

SmtpClientEndpoint::~SmtpClientEndpoint() {
  state_->abandon_all();
}

net::ConnId SmtpClientEndpoint::open(net::Ipv4Address to, std::uint16_t port,
                                     smtp::ClientConfig config, Done done, HandedOver handed_over) {
  return state_->open(to, port, std::move(config), std::move(done), std::move(handed_over));
}

std::vector<SmtpClientConnection> SmtpClientEndpoint::sessions() const {
  std::vector<SmtpClientConnection> out;
  for (const auto& [key, a] : state_->entries())
    out.push_back(a->view);
  return out;
}

const std::string& SmtpClientEndpoint::host_name() const {
  return state_->name;
}

}  // namespace mailsim::agents
