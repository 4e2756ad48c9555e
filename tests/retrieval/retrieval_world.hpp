#pragma once
// The small network the retrieval tests share: bob's PC and the mailbox server
// mail.b.example across two routers; the server's store, its MDA delivering into it, and a
// POP3 and an IMAP server endpoint serving it; a client endpoint on bob's PC.
#include <optional>
#include <sstream>
#include <string>

#include "agents/delivery/mda.hpp"
#include "agents/proto/mailbox/mail_store.hpp"
#include "agents/retrieval/retrieval_client.hpp"
#include "agents/retrieval/retrieval_server.hpp"
#include "sim/net/network.hpp"
#include "sim/simulator.hpp"
#include "sim/trace_format.hpp"

namespace retrieval_test {

using namespace mailsim;
using namespace std::chrono_literals;

inline const sim::net::Ipv4Address kServerAddress = sim::net::Ipv4Address::parse("198.51.100.30");

inline agents::MdaConfig mda_config() {
  agents::MdaConfig c;
  c.agent = "mail.b.example";
  c.domains = {"b.example"};
  return c;
}

inline agents::RetrievalServerEndpoint::Options server_options(agents::RetrievalProtocol p) {
  agents::RetrievalServerEndpoint::Options o;
  o.protocol = p;
  return o;
}

struct RetrievalWorld {
  sim::Simulator sim;
  sim::net::Network net{sim};
  sim::net::NodeId pc, server, r1, r2;
  proto::mailbox::MailStore store;
  std::optional<agents::Mda> mda;
  std::optional<agents::RetrievalServerEndpoint> pop3_server, imap_server;
  std::optional<agents::RetrievalClientEndpoint> client;

  explicit RetrievalWorld(std::uint64_t seed = 7, sim::net::LinkParams middle = {},
                          sim::net::HostSettings host_settings = {})
      : sim(seed) {
    pc = net.add_host("bob-pc", sim::net::Ipv4Address::parse("192.0.2.20"), host_settings);
    server = net.add_host("mail.b.example", kServerAddress, host_settings);
    r1 = net.add_router("r1");
    r2 = net.add_router("r2");
    net.add_link("pc-r1", pc, r1, {.latency = 2ms});
    net.add_link("r1-r2", r1, r2, middle);
    net.add_link("r2-mail", r2, server, {.latency = 3ms});
    store.add_account("bob", "secret");
    mda.emplace(sim, store, mda_config());
    mda->add_user("bob");
    pop3_server.emplace(net, server, store, server_options(agents::RetrievalProtocol::pop3));
    imap_server.emplace(net, server, store, server_options(agents::RetrievalProtocol::imap));
    pop3_server->start();
    imap_server->start();
    client.emplace(net, pc);
  }

  // Delivers through the MDA and returns the bytes stored (Return-Path included).
  std::string deliver(const std::string& content, const std::string& qid = "4B1") {
    auto reply = mda->deliver({qid, "alice@a.example", "bob@b.example", content});
    if (!reply.delivered()) return {};
    auto messages = store.messages("bob", "INBOX");
    return messages.empty() ? std::string() : messages.back().content.str();
  }

  // One whole fetch: the outcome, or nothing if the client never reported within an hour.
  std::optional<agents::FetchOutcome> pop3(proto::pop3::ClientJob job) {
    return fetch([&](auto done) { client->fetch_pop3(kServerAddress, std::move(job), done); });
  }
  std::optional<agents::FetchOutcome> imap(proto::imap::ClientJob job) {
    return fetch([&](auto done) { client->fetch_imap(kServerAddress, std::move(job), done); });
  }

 private:
  template <typename Start>
  std::optional<agents::FetchOutcome> fetch(Start start) {
    std::optional<agents::FetchOutcome> out;
    start([&out](const agents::FetchOutcome& o) { out = o; });
    sim.run_until(sim.now() + 1h);
    return out;
  }
};

inline proto::pop3::ClientJob bob_pop3(bool delete_after = false) {
  proto::pop3::ClientJob job;
  job.user = "bob";
  job.password = "secret";
  job.delete_after_retrieve = delete_after;
  return job;
}

inline proto::imap::ClientJob bob_imap() {
  proto::imap::ClientJob job;
  job.user = "bob";
  job.password = "secret";
  return job;
}

inline const std::string kMessage =
    "From: alice@a.example\r\nTo: bob@b.example\r\nSubject: Hello\r\n\r\nHi Bob,\r\n"
    ".a line that starts with a dot\r\nAlice\r\n";

// A message of about `size` bytes with lines of varied lengths, some starting with a dot.
inline std::string long_message(std::size_t size) {
  std::string m = "From: alice@a.example\r\nTo: bob@b.example\r\nSubject: long\r\n\r\n";
  for (std::size_t i = 0; m.size() < size; ++i) {
    if (i % 7 == 0) m += ".";
    m += std::string(i % 90, static_cast<char>('a' + i % 26)) + " line " + std::to_string(i) +
         "\r\n";
  }
  return m;
}

// Every record of the run as text, one per line.
struct TraceLog {
  sim::Trace& trace;
  sim::Trace::SubscriptionId id;
  std::ostringstream out;
  explicit TraceLog(sim::Trace& t, std::string_view prefix = "") : trace(t) {
    id = trace.subscribe([this, p = std::string(prefix)](const sim::TraceRecord& r) {
      if (r.kind().name.substr(0, p.size()) == p) out << sim::format_text(r) << "\n";
    });
  }
  ~TraceLog() { trace.unsubscribe(id); }
  std::string text() const { return out.str(); }
};

}  // namespace retrieval_test
