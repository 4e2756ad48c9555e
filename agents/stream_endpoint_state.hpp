#pragma once
// The plumbing the four stream endpoints (SMTP client and server, POP3/IMAP client and
// server) share, so that each keeps only its protocol:
//  - the endpoint owns its state, and the state owns everything that can call it back: the
//    host watchers (Subscription), each session's socket callbacks (Entry::callbacks, from
//    StreamSocket::keep_callbacks()) and timer (Entry::timer), the listener (stopped with the
//    state). So callbacks hold a plain pointer to the state (callback(), entry_callback()):
//    none runs once the endpoint is gone;
//  - the sessions in progress sit in a table keyed by connection id (clients key theirs by
//    the order they were opened in: a failed connect has no id), oldest first;
//  - the host is watched once, for going down and coming back;
//  - a server listens from start_listening() to stop_listening(), and again each time its
//    host comes back up (going down closed the listener);
//  - calls into a session's engine follow the reentrancy rule of NestedCalls.
//
// Derived is the endpoint's State (CRTP). It may define on_host_down() (run once listening
// has stopped); a server defines on_accept(StreamSocket) and may define on_listening() (run
// after each listen).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sim/net/network.hpp"
#include "sim/subscription.hpp"

namespace mailsim::agents {

// The endpoints' half of the one reentrancy rule (docs/architecture.md: an engine is never
// re-entered; the engines keep input given while they run). Whatever a call into an engine
// causes (a reply that closes, a host going down) is handled once the outermost call has
// returned: an end asked for meanwhile is remembered (defer) and carried out then, so nothing
// is destroyed under the engine's feet.
template <class End = std::monostate>
struct NestedCalls {
  int depth = 0;                   // calls into the session in progress
  std::optional<End> pending_end;  // the first end asked for during them

  // Runs `call`; true when it was the outermost call, whose caller then finishes the work.
  template <class F>
  bool run(F&& call) {
    ++depth;
    call();
    return --depth == 0;
  }
  // True (and the end remembered) when called from inside a call: the caller must wait.
  bool defer(End how) {
    if (depth == 0) return false;
    if (!pending_end) pending_end = how;
    return true;
  }
};

template <class Derived, class Entry, class Key = sim::net::ConnId>
class StreamEndpointState {
 public:
  StreamEndpointState(sim::net::Network& n, sim::net::NodeId h)
      : net(n), host(h), name(n.name(h)) {}
  ~StreamEndpointState() { stop_listening(); }
  StreamEndpointState(const StreamEndpointState&) = delete;
  StreamEndpointState& operator=(const StreamEndpointState&) = delete;

  sim::net::Network& net;
  sim::net::NodeId host;
  std::string name;  // the host's

  sim::SimTime now() const { return net.sim().now(); }

  // ---- The sessions in progress
  Entry* find(Key key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second.get();
  }
  Entry& add(Key key, std::unique_ptr<Entry> entry) {
    return *entries_.emplace(key, std::move(entry)).first->second;
  }
  // Removes the entry and hands it over (null when there is none).
  std::unique_ptr<Entry> take(Key key) {
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    std::unique_ptr<Entry> entry = std::move(it->second);
    entries_.erase(it);
    return entry;
  }
  // A copy of the keys, oldest first: ending one session may end or add others.
  std::vector<Key> keys() const {
    std::vector<Key> out;
    for (const auto& [key, entry] : entries_)
      out.push_back(key);
    return out;
  }
  const std::map<Key, std::unique_ptr<Entry>>& entries() const { return entries_; }
  // Drops every session without a report, its timer cancelled and its connection aborted:
  // what a client endpoint's destructor does (Entry has a `timer` and a `socket`).
  void abandon_all() {
    for (auto& [key, entry] : entries_) {
      entry->timer.cancel();
      entry->socket.abort();
    }
    entries_.clear();
  }

  // ---- Callbacks, all held by what the state owns (see above)
  // A callback running f(state, args...).
  template <class F>
  auto callback(F f) {
    return [st = static_cast<Derived*>(this), f = std::move(f)](auto&&... args) {
      f(*st, std::forward<decltype(args)>(args)...);
    };
  }
  // A callback running f(state, entry, args...) while the session of `key` is in progress.
  template <class F>
  auto entry_callback(Key key, F f) {
    static_assert(!std::is_empty_v<F> ||
                  sizeof(EntryCallback<F>) == sizeof(Derived*) + sizeof(Key));
    return EntryCallback<F>{static_cast<Derived*>(this), key, std::move(f)};
  }

  // ---- The host
  void watch_host() {
    if (down_watch_.active()) return;
    down_watch_ = net.host(host).on_down(callback([](Derived& st) {
      st.listening_ = false;  // the network has closed the listener and every connection
      st.on_host_down();
    }));
  }
  void on_host_down() {}

  // ---- Servers
  void start_listening(std::uint16_t port) {
    port_ = port;
    started_ = true;
    watch_host();
    if (!up_watch_.active()) {
      up_watch_ = net.host(host).on_up(callback([](Derived& st) {
        if (st.started_) st.listen();
      }));
    }
    listen();
  }
  void stop_listening() {
    started_ = false;
    if (listening_) net.host(host).stop_listening(port_);
    listening_ = false;
  }
  bool listening() const { return listening_; }
  void on_listening() {}

 private:
  // entry_callback()'s callable. With a captureless f it holds a pointer and a key, which
  // std::function keeps in place: the network copies a data callback for every segment it
  // delivers, and a lambda capturing f as well would be copied to the heap each time.
  template <class F>
  struct EntryCallback {
    Derived* st;
    Key key;
    [[no_unique_address]] F f;
    template <class... Args>
    void operator()(Args&&... args) const {
      if (Entry* entry = st->find(key)) f(*st, *entry, std::forward<Args>(args)...);
    }
  };

  void listen() {
    if (listening_ || !net.host(host).is_up()) return;
    net.host(host).listen(port_,
                          callback([](Derived& st, sim::net::StreamSocket s) { st.on_accept(s); }));
    listening_ = true;
    static_cast<Derived&>(*this).on_listening();
  }

  std::map<Key, std::unique_ptr<Entry>> entries_;
  sim::Subscription down_watch_, up_watch_;
  std::uint16_t port_ = 0;
  bool started_ = false;
  bool listening_ = false;
};

}  // namespace mailsim::agents
