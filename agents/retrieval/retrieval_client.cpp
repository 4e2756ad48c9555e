#include "agents/retrieval/retrieval_client.hpp"

#include "agents/connection_labels.hpp"
#include "agents/retrieval/dialogue_tracer.hpp"
#include "agents/session_timer.hpp"
#include "agents/stream_endpoint_state.hpp"

namespace mailsim::agents {

namespace net = sim::net;
namespace pop3 = proto::pop3;
namespace imap = proto::imap;

std::string_view fetch_failure_name(FetchFailure f) {
  switch (f) {
    case FetchFailure::none:
      return "none";
    case FetchFailure::refused:
      return "refused";
    case FetchFailure::malformed:
      return "malformed";
    case FetchFailure::answer_too_long:
      return "answer_too_long";
    case FetchFailure::closed_early:
      return "closed_early";
    case FetchFailure::timed_out:
      return "timed_out";
    case FetchFailure::connection:
      return "connection";
  }
  return "?";
}

namespace {

std::string_view step_name(pop3::ClientStep s) {
  using S = pop3::ClientStep;
  switch (s) {
    case S::greeting:
      return "greeting";
    case S::user:
      return "user";
    case S::pass:
      return "pass";
    case S::uidl:
      return "uidl";
    case S::list:
      return "list";
    case S::retr:
      return "retr";
    case S::dele:
      return "dele";
    case S::quit:
      return "quit";
    case S::done:
      return "done";
    case S::failed:
      return "failed";
  }
  return "?";
}

std::string_view step_name(imap::ClientStep s) {
  using S = imap::ClientStep;
  switch (s) {
    case S::greeting:
      return "greeting";
    case S::login:
      return "login";
    case S::select:
      return "select";
    case S::search:
      return "search";
    case S::fetch:
      return "fetch";
    case S::store:
      return "store";
    case S::expunge:
      return "expunge";
    case S::logout:
      return "logout";
    case S::done:
      return "done";
    case S::failed:
      return "failed";
  }
  return "?";
}

template <class Failure>
FetchFailure convert(Failure f) {
  switch (f) {
    case Failure::none:
      return FetchFailure::none;
    case Failure::refused:
      return FetchFailure::refused;
    case Failure::malformed:
      return FetchFailure::malformed;
    case Failure::answer_too_long:
      return FetchFailure::answer_too_long;
    case Failure::timed_out:
      return FetchFailure::timed_out;
  }
  return FetchFailure::malformed;
}

// The part of a POP3 or IMAP client session the endpoint drives.
class ClientDriver {
 public:
  virtual ~ClientDriver() = default;
  virtual void start(sim::SimTime now) = 0;
  virtual void receive(std::string_view bytes, sim::SimTime now) = 0;
  virtual void on_timer(sim::SimTime now) = 0;
  virtual proto::TimerActions take_actions() = 0;
  virtual bool finished() const = 0;
  virtual std::string step() const = 0;
  virtual std::string folder() const = 0;
  // Fills the session's part of the outcome: failure, its step and line, the messages.
  virtual void report(FetchOutcome& out) const = 0;
};

class Pop3Driver final : public ClientDriver {
 public:
  Pop3Driver(pop3::ClientJob job, pop3::ClientSession::Send send,
             proto::mailbox::DialogueObserver observer, sim::SimTime answer_timeout)
      : session_(std::move(job), std::move(send), answer_timeout) {
    session_.on_dialogue(std::move(observer));
  }
  void start(sim::SimTime now) override { session_.start(now); }
  void receive(std::string_view bytes, sim::SimTime now) override { session_.receive(bytes, now); }
  void on_timer(sim::SimTime now) override { session_.on_timer(proto::SilenceTimer::kId, now); }
  proto::TimerActions take_actions() override { return session_.take_actions(); }
  bool finished() const override { return session_.finished(); }
  std::string step() const override { return std::string(step_name(session_.step())); }
  std::string folder() const override { return "INBOX"; }
  void report(FetchOutcome& out) const override {
    out.failure = convert(session_.failure());
    if (!out.ok()) {
      out.failed_step = std::string(step_name(session_.failed_step()));
      out.error_line = session_.error_line();
    }
    for (const auto& m : session_.messages())
      out.messages.push_back({m.unique_id, m.content});
  }

 private:
  pop3::ClientSession session_;
};

class ImapDriver final : public ClientDriver {
 public:
  ImapDriver(imap::ClientJob job, imap::ClientSession::Send send,
             proto::mailbox::DialogueObserver observer, sim::SimTime answer_timeout)
      : folder_(job.folder), session_(std::move(job), std::move(send), answer_timeout) {
    session_.on_dialogue(std::move(observer));
  }
  void start(sim::SimTime now) override { session_.start(now); }
  void receive(std::string_view bytes, sim::SimTime now) override { session_.receive(bytes, now); }
  void on_timer(sim::SimTime now) override { session_.on_timer(proto::SilenceTimer::kId, now); }
  proto::TimerActions take_actions() override { return session_.take_actions(); }
  bool finished() const override { return session_.finished(); }
  std::string step() const override { return std::string(step_name(session_.step())); }
  std::string folder() const override { return folder_; }
  void report(FetchOutcome& out) const override {
    out.failure = convert(session_.failure());
    if (!out.ok()) {
      out.failed_step = std::string(step_name(session_.failed_step()));
      out.error_line = session_.error_line();
    }
    for (const auto& m : session_.messages())
      out.messages.push_back(
          {std::to_string(session_.uid_validity()) + "." + std::to_string(m.uid), m.content});
  }

 private:
  std::string folder_;
  imap::ClientSession session_;
};

struct Attempt {
  Attempt(sim::Simulator& sim, std::function<void()> on_silence, sim::Trace& trace,
          DialogueParties parties)
      : timer(sim, std::move(on_silence)), tracer(trace, std::move(parties)) {}
  std::uint64_t key = 0;  // among the endpoint's attempts: its callbacks need not hold it
  FetchOutcome outcome;   // the parts known before the end
  RetrievalClientEndpoint::Done done;
  net::StreamSocket socket;
  sim::Subscription callbacks;  // the socket's: they go with the attempt
  std::unique_ptr<ClientDriver> driver;
  SessionTimer timer;  // the engine's wait for an answer
  RetrievalDialogueTracer tracer;
  bool connected = false;
};

}  // namespace

struct RetrievalClientEndpoint::State : StreamEndpointState<State, Attempt, std::uint64_t> {
  State(net::Network& n, net::NodeId h, Options o) : StreamEndpointState(n, h), options(o) {}

  Options options;
  std::uint64_t next_key = 1;  // a failed connect has no connection id: key by order

  void on_host_down() {
    for (std::uint64_t key : keys())
      broken(key, net::ConnError::host_down);
  }

  template <class Driver, class Job>
  net::ConnId open(RetrievalProtocol protocol, net::Ipv4Address to, std::uint16_t port, Job job,
                   Done done) {
    watch_host();
    if (port == 0) port = default_port(protocol);
    const std::uint64_t key = next_key++;
    const DialogueParties parties = dialogue_parties(
        net, dialogue_protocol(protocol), Stage::retrieval, DialogueSide::client, host, to);
    Attempt* attempt = &add(
        key, std::make_unique<Attempt>(net.sim(), callback([key](State& st) { st.silent(key); }),
                                       net.sim().trace(), parties));
    attempt->key = key;
    attempt->done = std::move(done);
    attempt->outcome.protocol = protocol;
    attempt->outcome.server = parties.server;
    attempt->outcome.address = to;
    attempt->outcome.port = port;
    attempt->outcome.user = job.user;
    attempt->outcome.started = now();
    attempt->driver = std::make_unique<Driver>(
        std::move(job), [attempt](std::string_view bytes) { attempt->socket.send(bytes); },
        [attempt](const proto::mailbox::DialogueEvent& e) { attempt->tracer.on_event(e); },
        options.response_timeout);

    auto on_error = callback([key](State& st, net::ConnError e) { st.broken(key, e); });
    auto on_connected = entry_callback(key, [](State& st, Attempt& a, net::StreamSocket) {
      a.connected = true;
      a.driver->start(st.now());  // the greeting is the first answer awaited
      a.timer.carry_out(a.driver->take_actions());
    });
    attempt->socket = net.host(host).connect(to, port, on_connected, on_error);
    attempt->callbacks = attempt->socket.keep_callbacks();
    attempt->outcome.conn = attempt->socket.id();
    attempt->tracer.parties().conn = attempt->outcome.conn;
    attempt->tracer.emit<DialogueConnectingRecord>(kinds::kRetrievalClientConnecting,
                                                   to.to_string(), port);
    attempt->socket.on_error(on_error);
    attempt->socket.on_data(
        entry_callback(key, [](State& st, Attempt& a, std::span<const std::byte> bytes) {
          const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
          a.driver->receive(text, st.now());
          st.after_input(a.key, a);
        }));
    attempt->socket.on_end(entry_callback(
        key, [](State& st, Attempt& a) { st.finish(a.key, FetchFailure::closed_early); }));
    return attempt->outcome.conn;
  }

  // The engine decides whether the server's silence ends the fetch (FetchFailure::timed_out).
  void silent(std::uint64_t key) {
    Attempt* a = find(key);
    if (a == nullptr) return;
    a->driver->on_timer(now());
    after_input(key, *a);
  }

  void after_input(std::uint64_t key, Attempt& a) {
    a.timer.carry_out(a.driver->take_actions());
    if (a.driver->finished()) finish(key, std::nullopt);
  }

  void broken(std::uint64_t key, net::ConnError e) {
    Attempt* a = find(key);
    if (a == nullptr) return;
    a->outcome.connection_error = e;
    finish(key, FetchFailure::connection);
  }

  // The dialogue ended (`cut` empty) or was cut short.
  void finish(std::uint64_t key, std::optional<FetchFailure> cut) {
    std::unique_ptr<Attempt> a = take(key);
    a->timer.cancel();
    FetchOutcome out = std::move(a->outcome);
    const std::string step = a->driver->step();
    a->driver->report(out);
    if (cut && out.ok()) {  // the session itself had not failed: the connection did
      out.failure = *cut;
      out.failed_step = step;
      if (*cut == FetchFailure::closed_early) out.error_line = a->tracer.last_received();
    }
    out.finished = now();
    // A broken connection has nothing left to close; otherwise close in order (after the
    // QUIT or LOGOUT the session may just have sent).
    if (!out.connection_error) a->socket.close();

    if (out.ok()) {
      a->tracer.emit<RetrievalFetchedRecord>(kinds::kRetrievalClientFetched, out.user,
                                             a->driver->folder(), out.messages.size());
    } else if (a->tracer.active()) {
      a->tracer.emit<RetrievalFailedRecord>(
          kinds::kRetrievalClientFailed, out.user,
          out.failure == FetchFailure::connection && out.connection_error
              ? connection_reason(*out.connection_error)
              : std::string(fetch_failure_name(out.failure)),
          out.failed_step, out.error_line);
    }
    if (a->done) a->done(out);
  }
};

RetrievalClientEndpoint::RetrievalClientEndpoint(net::Network& net, net::NodeId host,
                                                 Options options)
    : state_(std::make_unique<State>(net, host, options)) {}

RetrievalClientEndpoint::~RetrievalClientEndpoint() {
  state_->abandon_all();
}

net::ConnId RetrievalClientEndpoint::fetch_pop3(net::Ipv4Address server, pop3::ClientJob job,
                                                Done done, std::uint16_t port) {
  return state_->open<Pop3Driver>(RetrievalProtocol::pop3, server, port, std::move(job),
                                  std::move(done));
}

net::ConnId RetrievalClientEndpoint::fetch_imap(net::Ipv4Address server, imap::ClientJob job,
                                                Done done, std::uint16_t port) {
  return state_->open<ImapDriver>(RetrievalProtocol::imap, server, port, std::move(job),
                                  std::move(done));
}

std::vector<RetrievalClientEndpoint::InProgress> RetrievalClientEndpoint::in_progress() const {
  std::vector<InProgress> out;
  for (const auto& [key, a] : state_->entries())
    out.push_back(
        {a->outcome.conn, a->outcome.server, a->outcome.protocol, a->connected, a->driver->step()});
  return out;
}

}  // namespace mailsim::agents
