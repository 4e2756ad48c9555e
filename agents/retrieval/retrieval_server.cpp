#include "agents/retrieval/retrieval_server.hpp"

#include "agents/connection_labels.hpp"
#include "agents/proto/imap/server_session.hpp"
#include "agents/proto/pop3/server_session.hpp"
#include "agents/retrieval/dialogue_tracer.hpp"
#include "agents/session_timer.hpp"
#include "agents/stream_endpoint_state.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace pop3 = proto::pop3;
namespace imap = proto::imap;

std::string_view end_name(RetrievalServerEnd end) {
  switch (end) {
    case RetrievalServerEnd::closed:
      return "closed";
    case RetrievalServerEnd::client_left:
      return "client_left";
    case RetrievalServerEnd::reset:
      return "reset";
    case RetrievalServerEnd::timed_out:
      return "timed_out";
    case RetrievalServerEnd::host_down:
      return "host_down";
    case RetrievalServerEnd::idle_timeout:
      return "idle_timeout";
    case RetrievalServerEnd::stopped:
      return "stopped";
  }
  return "?";
}

namespace {

// The part of a POP3 or IMAP server session the endpoint drives.
class SessionDriver {
 public:
  virtual ~SessionDriver() = default;
  virtual void start(sim::SimTime now) = 0;
  virtual void receive(std::string_view bytes, sim::SimTime now) = 0;
  virtual void on_timer(sim::SimTime now) = 0;
  virtual proto::TimerActions take_actions() = 0;
  virtual bool closed() const = 0;
  virtual bool idled_out() const = 0;
  virtual std::string state() const = 0;
};

template <class Session>
class Driver final : public SessionDriver {
 public:
  template <class... Args>
  explicit Driver(Args&&... args) : session_(std::forward<Args>(args)...) {}
  Session& session() { return session_; }
  void start(sim::SimTime now) override { session_.start(now); }
  void receive(std::string_view bytes, sim::SimTime now) override { session_.receive(bytes, now); }
  void on_timer(sim::SimTime now) override { session_.on_timer(proto::SilenceTimer::kId, now); }
  proto::TimerActions take_actions() override { return session_.take_actions(); }
  bool closed() const override { return session_.closed(); }
  bool idled_out() const override { return session_.idled_out(); }
  std::string state() const override { return std::string(state_name(session_.state())); }

 private:
  Session session_;
};

// One accepted connection and the session that runs over it.
struct Connection {
  Connection(sim::Simulator& sim, std::function<void()> on_idle, sim::Trace& trace,
             DialogueParties parties)
      : idle_timer(sim, std::move(on_idle)), tracer(trace, std::move(parties)) {}
  RetrievalServerConnection view;
  net::StreamSocket socket;
  sim::Subscription callbacks;  // the socket's: they go with the connection
  std::unique_ptr<SessionDriver> session;
  SessionTimer idle_timer;  // the engine's idle limit
  RetrievalDialogueTracer tracer;
  NestedCalls<RetrievalServerEnd> calls;
};

}  // namespace

struct RetrievalServerEndpoint::State : StreamEndpointState<State, Connection> {
  State(net::Network& n, net::NodeId h, proto::mailbox::MailStore& s, Options o)
      : StreamEndpointState(n, h), store(s), options(std::move(o)) {
    if (options.port == 0) options.port = default_port(options.protocol);
    if (options.idle_timeout <= sim::SimTime(0))
      options.idle_timeout = default_idle_timeout(options.protocol);
    if (options.hostname.empty()) options.hostname = name;
  }

  proto::mailbox::MailStore& store;
  Options options;
  std::uint64_t accepted = 0;
  std::vector<RetrievalServerEnd> ended;

  void on_listening() {
    net.sim().trace().emit<DialogueListeningRecord>(
        kinds::kRetrievalServerListening,
        listening_parties(net, dialogue_protocol(options.protocol), Stage::retrieval, host),
        options.port);
  }

  std::unique_ptr<SessionDriver> make_session(Connection& conn) {
    auto send = [&conn](std::string_view bytes) { conn.socket.send(bytes); };
    auto on_dialogue = [&conn](const proto::mailbox::DialogueEvent& e) { conn.tracer.on_event(e); };
    auto on_state = [&conn](auto from, auto to) {
      conn.tracer.state(state_name(from), state_name(to));
    };
    if (options.protocol == RetrievalProtocol::pop3) {
      pop3::ServerConfig config;
      config.hostname = options.hostname;
      config.idle_timeout = options.idle_timeout;
      auto d = std::make_unique<Driver<pop3::ServerSession>>(store, config, send);
      d->session().on_state_change(on_state);
      d->session().on_dialogue(on_dialogue);
      return d;
    }
    imap::ServerConfig config;
    config.hostname = options.hostname;
    config.calendar = options.calendar;
    config.idle_timeout = options.idle_timeout;
    auto d = std::make_unique<Driver<imap::ServerSession>>(store, config, send);
    d->session().on_state_change(on_state);
    d->session().on_dialogue(on_dialogue);
    return d;
  }

  void on_accept(net::StreamSocket socket) {
    const net::ConnId id = socket.id();
    const net::Ipv4Address from = socket.remote_address();
    const DialogueParties parties =
        dialogue_parties(net, dialogue_protocol(options.protocol), Stage::retrieval,
                         DialogueSide::server, host, from, id);
    Connection* conn = &add(
        id, std::make_unique<Connection>(net.sim(), callback([id](State& st) { st.on_idle(id); }),
                                         net.sim().trace(), parties));
    conn->view = {id, parties.client, from, socket.remote_port(), now(), now(), {}};
    conn->socket = socket;
    conn->callbacks = socket.keep_callbacks();
    conn->session = make_session(*conn);
    ++accepted;

    socket.on_data(
        entry_callback(id, [](State& st, Connection& conn, std::span<const std::byte> bytes) {
          const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
          conn.view.last_activity = st.now();
          st.enter(conn, [&] { conn.session->receive(text, st.now()); });
        }));
    socket.on_end(callback([id](State& st) { st.end(id, RetrievalServerEnd::client_left); }));
    socket.on_error(callback([id](State& st, net::ConnError e) {
      st.end(id, e == net::ConnError::reset ? RetrievalServerEnd::reset
                                            : RetrievalServerEnd::timed_out);
    }));

    conn->tracer.emit(kinds::kRetrievalServerAccepted);
    enter(*conn, [&] { conn->session->start(now()); });
  }

  // The engine decides what idling does (IMAP's "* BYE", POP3's silence) and ends the session.
  void on_idle(net::ConnId id) {
    Connection* conn = find(id);
    if (conn != nullptr) enter(*conn, [&] { conn->session->on_timer(now()); });
  }

  // Every call into a session goes through here: once the outermost call returns, an ended
  // session closes its connection.
  template <class F>
  void enter(Connection& conn, F&& call) {
    if (!conn.calls.run(call)) return;
    conn.idle_timer.carry_out(conn.session->take_actions());
    conn.view.state = conn.session->state();
    if (conn.calls.pending_end) return end(conn.view.id, *conn.calls.pending_end);
    if (conn.session->closed())
      return end(conn.view.id, conn.session->idled_out() ? RetrievalServerEnd::idle_timeout
                                                         : RetrievalServerEnd::closed);
  }

  void end(net::ConnId id, RetrievalServerEnd how) {
    Connection* conn = find(id);
    if (conn == nullptr) return;
    if (conn->calls.defer(how)) return;  // inside the session: finish when it returns
    std::unique_ptr<Connection> gone = take(id);
    gone->idle_timer.cancel();
    if (how == RetrievalServerEnd::stopped) {
      gone->socket.abort();
    } else {
      gone->socket.close();  // after the last answer; nothing when the connection is gone
    }
    ended.push_back(how);
    gone->tracer.end(kinds::kRetrievalServerClosed, [&](DialogueEndRecord& r) {
      r.reason = std::string(end_name(how));
      r.state = gone->session->state();
    });
  }

  void end_all(RetrievalServerEnd how) {
    for (net::ConnId id : keys())
      end(id, how);
  }

  void on_host_down() { end_all(RetrievalServerEnd::host_down); }
};

RetrievalServerEndpoint::RetrievalServerEndpoint(net::Network& net, net::NodeId host,
                                                 proto::mailbox::MailStore& store, Options options)
    : state_(std::make_unique<State>(net, host, store, std::move(options))) {}

RetrievalServerEndpoint::~RetrievalServerEndpoint() {
  stop();
}

void RetrievalServerEndpoint::start() {
  state_->start_listening(state_->options.port);
}

void RetrievalServerEndpoint::stop() {
  state_->stop_listening();
  state_->end_all(RetrievalServerEnd::stopped);
}

bool RetrievalServerEndpoint::listening() const {
  return state_->listening();
}
RetrievalProtocol RetrievalServerEndpoint::protocol() const {
  return state_->options.protocol;
}
std::uint16_t RetrievalServerEndpoint::port() const {
  return state_->options.port;
}
sim::SimTime RetrievalServerEndpoint::idle_timeout() const {
  return state_->options.idle_timeout;
}
const std::string& RetrievalServerEndpoint::host_name() const {
  return state_->name;
}
std::uint64_t RetrievalServerEndpoint::accepted_count() const {
  return state_->accepted;
}
const std::vector<RetrievalServerEnd>& RetrievalServerEndpoint::ended() const {
  return state_->ended;
}

std::vector<RetrievalServerConnection> RetrievalServerEndpoint::connections() const {
  std::vector<RetrievalServerConnection> out;
  for (const auto& [id, conn] : state_->entries())
    out.push_back(conn->view);
  return out;
}

}  // namespace mailsim::agents
