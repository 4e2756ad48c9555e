#include "agents/roles/smtp_server_endpoint.hpp"

#include <optional>

#include "agents/connection_labels.hpp"
#include "agents/roles/smtp_dialogue_tracer.hpp"
#include "agents/session_timer.hpp"
#include "agents/stream_endpoint_state.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace smtp = proto::smtp;

std::string_view end_name(SmtpServerEnd end) {
  switch (end) {
    case SmtpServerEnd::closed:
      return "closed";
    case SmtpServerEnd::client_left:
      return "client_left";
    case SmtpServerEnd::reset:
      return "reset";
    case SmtpServerEnd::timed_out:
      return "timed_out";
    case SmtpServerEnd::host_down:
      return "host_down";
    case SmtpServerEnd::stopped:
      return "stopped";
  }
  return "?";
}

namespace {

// One accepted connection and the session that runs over it.
struct Connection {
  Connection(sim::Simulator& sim, sim::Trace& trace, DialogueParties parties,
             std::function<void()> on_timer)
      : tracer(trace, std::move(parties)), timer(sim, std::move(on_timer)) {}
  SmtpServerConnection view;
  net::StreamSocket socket;
  sim::Subscription callbacks;  // the socket's: they go with the connection
  std::unique_ptr<smtp::ServerSession> session;
  SmtpDialogueTracer tracer;
  SessionTimer timer;
  std::string last_sent;  // the last reply line, for the record of the close
  NestedCalls<SmtpServerEnd> calls;
  bool client_finished = false;  // FIN received: no command will come after the parked ones
};

}  // namespace

struct SmtpServerEndpoint::State : StreamEndpointState<State, Connection> {
  State(net::Network& n, net::NodeId h, smtp::ServerConfig c, SmtpServerOwner& o, Options opt)
      : StreamEndpointState(n, h), config(std::move(c)), owner(o), options(opt) {}

  smtp::ServerConfig config;
  SmtpServerOwner& owner;
  Options options;
  std::uint64_t accepted = 0;

  void on_listening() {
    net.sim().trace().emit<DialogueListeningRecord>(
        kinds::kSmtpServerListening,
        listening_parties(net, DialogueProtocol::smtp, options.stage, host), options.port);
  }

  void on_accept(net::StreamSocket socket) {
    const net::ConnId id = socket.id();
    const net::Ipv4Address from = socket.remote_address();
    const DialogueParties parties = dialogue_parties(net, DialogueProtocol::smtp, options.stage,
                                                     DialogueSide::server, host, from, id);
    Connection* conn =
        &add(id, std::make_unique<Connection>(net.sim(), net.sim().trace(), parties,
                                              callback([id](State& st) { st.on_timer(id); })));
    conn->view = {id, parties.client, from, socket.remote_port(), now(), nullptr};
    conn->socket = socket;
    conn->callbacks = socket.keep_callbacks();
    conn->session = std::make_unique<smtp::ServerSession>(
        config, [conn](std::string bytes) { conn->socket.send_owned(std::move(bytes)); },
        [this, conn](const smtp::PolicyQuery& q) { on_policy(*conn, q); },
        [conn](const smtp::ServerEvent& e) {
          if (e.kind == smtp::ServerEvent::Kind::line_out) conn->last_sent.assign(e.text);
          conn->tracer.on_event(e);
        });
    conn->view.session = conn->session.get();
    ++accepted;

    socket.on_data(
        entry_callback(id, [](State& st, Connection& conn, std::span<const std::byte> bytes) {
          const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
          st.enter(conn, [&] { conn.session->receive(text, st.now()); });
        }));
    // A client may type QUIT and hang up at once: what it sent before its FIN is still
    // answered (the owner may be deciding on it); then, with nothing more to come, it is over.
    socket.on_end(entry_callback(id, [id](State& st, Connection& conn) {
      conn.client_finished = true;
      if (!conn.session->waiting_for_policy()) st.end(id, SmtpServerEnd::client_left);
    }));
    socket.on_error(callback([id](State& st, net::ConnError e) {
      st.end(id, e == net::ConnError::reset ? SmtpServerEnd::reset : SmtpServerEnd::timed_out);
    }));

    conn->tracer.emit(kinds::kSmtpServerAccepted);
    enter(*conn, [&] { conn->session->start(now()); });
  }

  void on_policy(Connection& conn, const smtp::PolicyQuery& q) {
    if (conn.tracer.active()) {
      // What the question is about: the client's address at connect (what a DNSBL or an
      // access list checks), the name or address otherwise; never the password.
      conn.tracer.emit<SmtpPolicyRecord>(
          kinds::kSmtpServerPolicy, std::string(smtp::stage_name(q.stage)),
          q.stage == smtp::PolicyStage::connect ? conn.view.client_address.to_string()
                                                : std::string(q.argument),
          q.stage == smtp::PolicyStage::message && q.transaction != nullptr
              ? q.transaction->content.size()
              : 0);
    }
    owner.on_policy(conn.view, q);
  }

  void on_timer(net::ConnId id) {
    if (Connection* conn = find(id))
      enter(*conn, [&] { conn->session->on_timer(proto::DeadlineTimer::kId, now()); });
  }

  // Every call into a session goes through here: once the outermost call returns, a closed
  // session closes its connection, and an open one has its timer actions carried out.
  template <class F>
  void enter(Connection& conn, F&& call) {
    if (!conn.calls.run(call)) return;
    if (conn.calls.pending_end) return end(conn.view.id, *conn.calls.pending_end);
    if (conn.session->closed()) return end(conn.view.id, SmtpServerEnd::closed);
    if (conn.client_finished && !conn.session->waiting_for_policy())
      return end(conn.view.id, SmtpServerEnd::client_left);
    conn.timer.carry_out(conn.session->take_actions());
  }

  void end(net::ConnId id, SmtpServerEnd how) {
    Connection* conn = find(id);
    if (conn == nullptr) return;
    if (conn->calls.defer(how)) return;  // inside the session: finish when it returns
    std::unique_ptr<Connection> gone = take(id);
    gone->timer.cancel();
    if (how == SmtpServerEnd::stopped) {
      gone->socket.abort();
      return;
    }
    // After 221 or 421 the FIN follows the reply; otherwise the client has left (or the
    // host is down, and the socket is already gone).
    gone->socket.close();
    const std::string state(smtp::state_name(gone->session->state()));
    switch (how) {
      case SmtpServerEnd::closed:
        gone->tracer.end(kinds::kSmtpServerClosed,
                         [&](DialogueEndRecord& r) { r.reply = gone->last_sent; });
        break;
      case SmtpServerEnd::client_left:
        gone->tracer.end(kinds::kSmtpServerClientLeft,
                         [&](DialogueEndRecord& r) { r.state = state; });
        break;
      default:
        gone->tracer.end(kinds::kSmtpServerLost, [&](DialogueEndRecord& r) {
          r.reason = how == SmtpServerEnd::reset       ? "connection_reset"
                     : how == SmtpServerEnd::timed_out ? "connection_timed_out"
                                                       : "connection_host_down";
          r.state = state;
        });
        break;
    }
    owner.on_ended(gone->view, how);
  }

  void on_host_down() {
    for (net::ConnId id : keys())
      end(id, SmtpServerEnd::host_down);
  }

  void shutdown_sessions() {
    for (net::ConnId id : keys())
      if (Connection* conn = find(id)) enter(*conn, [&] { conn->session->shutdown(now()); });
  }
};

SmtpServerEndpoint::SmtpServerEndpoint(net::Network& net, net::NodeId host,
                                       smtp::ServerConfig config, SmtpServerOwner& owner,
                                       Options options)
    : state_(std::make_unique<State>(net, host, std::move(config), owner, options)) {}

// Every session ends as `stopped`, which tells the owner nothing.
SmtpServerEndpoint::~SmtpServerEndpoint() {
  state_->stop_listening();
  for (net::ConnId id : state_->keys())
    state_->end(id, SmtpServerEnd::stopped);
}

void SmtpServerEndpoint::start() {
  state_->start_listening(state_->options.port);
}

void SmtpServerEndpoint::stop() {
  state_->stop_listening();
  state_->shutdown_sessions();
}

bool SmtpServerEndpoint::accept(net::ConnId id) {
  Connection* conn = state_->find(id);
  if (conn == nullptr || !conn->session->waiting_for_policy()) return false;
  state_->enter(*conn, [&] { conn->session->accept(state_->now()); });
  return true;
}

bool SmtpServerEndpoint::answer(net::ConnId id, smtp::Reply reply) {
  Connection* conn = state_->find(id);
  if (conn == nullptr || !conn->session->waiting_for_policy()) return false;
  state_->enter(*conn, [&] { conn->session->answer(std::move(reply), state_->now()); });
  return true;
}

bool SmtpServerEndpoint::listening() const {
  return state_->listening();
}
std::uint16_t SmtpServerEndpoint::port() const {
  return state_->options.port;
}
const std::string& SmtpServerEndpoint::host_name() const {
  return state_->name;
}
std::uint64_t SmtpServerEndpoint::accepted_count() const {
  return state_->accepted;
}

std::vector<SmtpServerConnection> SmtpServerEndpoint::connections() const {
  std::vector<SmtpServerConnection> out;
  for (const auto& [id, conn] : state_->entries())
    out.push_back(conn->view);
  return out;
}

const SmtpServerConnection* SmtpServerEndpoint::connection(net::ConnId id) const {
  Connection* conn = state_->find(id);
  return conn ? &conn->view : nullptr;
}

}  // namespace mailsim::agents
