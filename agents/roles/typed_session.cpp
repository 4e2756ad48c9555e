#include "agents/roles/typed_session.hpp"

#include <array>

#include <fmt/format.h>

#include "agents/connection_labels.hpp"

namespace mailsim::agents {

std::span<const sim::TraceKind* const> typed_session_kinds() {
  static constexpr std::array<const sim::TraceKind*, 5> kAll{
      &kinds::kTypedOpened, &kinds::kTypedFailed, &kinds::kTypedSent, &kinds::kTypedReceived,
      &kinds::kTypedClosed};
  return kAll;
}

namespace {

DialogueParties typed_parties(const sim::net::Network& net, sim::net::NodeId from,
                              sim::net::Ipv4Address to, const std::string& session) {
  DialogueParties p = dialogue_parties(net, DialogueProtocol::typed, Stage::composition,
                                       DialogueSide::client, from, to);
  p.session = session;
  return p;
}

}  // namespace

struct TypedSession::State {
  sim::net::StreamSocket socket;
  bool connected = false;
  bool ended = false;
  std::vector<std::string> pending;  // typed before the connection was up
  std::string partial;               // received bytes after the last line end
};

TypedSession::TypedSession(sim::net::Network& net, sim::net::NodeId from, sim::net::Ipv4Address to,
                           std::uint16_t port, Callbacks callbacks)
    : net_(net),
      from_(from),
      to_(to),
      port_(port),
      callbacks_(std::move(callbacks)),
      name_(fmt::format("{} -> {}:{}", net.name(from), to.to_string(), port)),
      tracer_(net.sim().trace(), typed_parties(net, from, to, name_),
              {&kinds::kTypedSent, &kinds::kTypedReceived}),
      state_(std::make_unique<State>()) {}

TypedSession::~TypedSession() {
  if (state_->socket.valid()) state_->socket.abort();
}

void TypedSession::ended(const sim::TraceKind& kind, std::string reason) {
  tracer_.end(kind, [&](DialogueEndRecord& r) { r.reason = std::move(reason); });
}

void TypedSession::open() {
  auto on_connected = [this](sim::net::StreamSocket s) {
    TypedSession& self = *this;
    State* st = state_.get();
    st->connected = true;
    self.tracer_.emit(kinds::kTypedOpened);
    if (self.callbacks_.on_connected) self.callbacks_.on_connected();
    auto pending = std::move(st->pending);
    st->pending.clear();
    for (const auto& line : pending) {
      self.tracer_.sent(line);
      s.send(line + "\r\n");
    }
  };
  auto on_error = [this](sim::net::ConnError e) {
    if (state_->ended) return;
    state_->ended = true;
    TypedSession& self = *this;
    self.ended(kinds::kTypedFailed, connection_reason(e));
    if (self.callbacks_.on_failed) self.callbacks_.on_failed(e);
  };
  state_->socket = net_.host(from_).connect(to_, port_, on_connected, on_error);
  socket_callbacks_ = state_->socket.keep_callbacks();
  tracer_.parties().conn = state_->socket.id();
  state_->socket.on_data([this](std::span<const std::byte> bytes) { on_bytes(bytes); });
  state_->socket.on_error(on_error);
  state_->socket.on_end([this] {
    State* st = state_.get();
    if (st->ended) return;
    TypedSession& self = *this;
    if (!st->partial.empty()) {  // a last line without its line end
      self.received_.push_back(st->partial);
      self.tracer_.received(st->partial);
      if (self.callbacks_.on_line) self.callbacks_.on_line(st->partial);
      st->partial.clear();
    }
    st->ended = true;
    st->socket.close();
    self.ended(kinds::kTypedClosed, "server_closed");
    if (self.callbacks_.on_closed) self.callbacks_.on_closed();
  });
}

void TypedSession::on_bytes(std::span<const std::byte> bytes) {
  std::string& partial = state_->partial;
  for (std::byte b : bytes) {
    const char c = static_cast<char>(b);
    if (c == '\n') {
      if (!partial.empty() && partial.back() == '\r') partial.pop_back();
      received_.push_back(partial);
      tracer_.received(partial);
      if (callbacks_.on_line) callbacks_.on_line(partial);
      partial.clear();
    } else {
      partial += c;
    }
  }
}

bool TypedSession::type(const std::string& line) {
  if (state_->ended) return false;
  if (!state_->connected) {
    state_->pending.push_back(line);
    return true;
  }
  tracer_.sent(line);
  return state_->socket.send(line + "\r\n");
}

void TypedSession::close() {
  if (state_->ended) return;
  state_->ended = true;
  state_->socket.close();
  ended(kinds::kTypedClosed, "user_closed");
}

bool TypedSession::connected() const {
  return state_->connected && !state_->ended;
}
bool TypedSession::ended() const {
  return state_->ended;
}

}  // namespace mailsim::agents
