#pragma once
// The mail client (MUA) of one person on one host, as in the article: it composes messages and
// submits them to its server (the MSA on port 587, logging in with STARTTLS and AUTH when it
// has a login; or port 25 without one), then shows its user what the server said; and it
// fetches mail by POP3 or IMAP, on command or at an interval, keeping what it fetched.
//
// It owns nothing of the servers: it talks to them over the network like any mail program,
// through the SMTP client endpoint and the retrieval client endpoint.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "agents/proto/imf/compose.hpp"
#include "agents/retrieval/protocol.hpp"
#include "sim/net/address.hpp"
#include "sim/net/packet.hpp"
#include "sim/time.hpp"
#include "sim/timer.hpp"

namespace mailsim::sim::net {
class Network;
}

namespace mailsim::agents {

class SmtpClientEndpoint;
class RetrievalClientEndpoint;
struct SmtpClientResult;
struct FetchOutcome;

struct MuaSubmitSettings {
  sim::net::Ipv4Address server;
  std::uint16_t port = 587;
  std::string user;  // empty: no login (port 25, as a program sending straight to an MX)
  std::string password;
};

struct MuaFetchSettings {
  RetrievalProtocol protocol = RetrievalProtocol::imap;
  sim::net::Ipv4Address server;
  std::uint16_t port = 0;  // 0: the protocol's own (110 or 143)
  std::string user;
  std::string password;
  bool keep_on_server = true;         // false: POP3 deletes, IMAP expunges what was fetched
  std::optional<sim::SimTime> every;  // fetch again at this interval, from start()
};

struct MuaConfig {
  proto::imf::Mailbox address;  // its user: "Alice <alice@a.example>"
  std::optional<MuaSubmitSettings> submit;
  std::optional<MuaFetchSettings> fetch;
};

// A message the user sent, and what became of it. A client never retries by itself: a
// message no server took stays in its outbox, for the user to send again.
struct OutgoingMail {
  enum class Status { sending, accepted, partly_refused, refused };
  std::string message_id;
  std::string subject;
  std::vector<std::string> to;
  Status status = Status::sending;
  std::string reply;  // the server's last word about it
  sim::SimTime composed{0};
  // The message as composed, kept while it is in the outbox (shared with the SMTP client).
  std::shared_ptr<const std::string> content;
};

// A message the client fetched and keeps.
struct KeptMail {
  std::string id;  // the server's unique id
  std::string from;
  std::string subject;
  std::string content;
  sim::SimTime fetched{0};
};

class MuaAgent {
 public:
  // Connections a mail program opens to its server at once; further messages wait in its outbox
  // and go, in order, as those connections end (a burst of thousands never runs out of ports).
  static constexpr std::size_t kMaxOpenSubmissions = 10;

  MuaAgent(sim::net::Network& net, sim::net::NodeId host, MuaConfig config,
           const proto::imf::ScenarioClock& clock);
  ~MuaAgent();
  MuaAgent(const MuaAgent&) = delete;
  MuaAgent& operator=(const MuaAgent&) = delete;

  void start();  // fetches at the configured interval, if any

  // Composes `draft` (From is the client's address when empty) and submits it to the
  // configured server; the envelope sender is `envelope_from`, or the client's address.
  // Returns the Message-ID. Throws LocalizedError when the client has no server to send to.
  std::string send(proto::imf::Draft draft, std::string envelope_from = {});
  // Fetches now, unless a fetch is already in progress. Throws LocalizedError when the
  // client has no mailbox server to fetch from.
  void fetch();

  const MuaConfig& config() const { return config_; }
  const std::string& host_name() const;
  const std::vector<OutgoingMail>& sent() const { return sent_; }
  // The messages a server did not take for every recipient (refused, no connection): what the
  // user still has to send.
  std::vector<const OutgoingMail*> outbox() const;
  const std::vector<KeptMail>& inbox() const { return inbox_; }
  bool fetching() const { return fetching_; }

 private:
  struct WaitingSubmission;  // a message of sent_ and its SMTP settings, kept until it goes
  void submit(WaitingSubmission w);
  void submit_waiting();
  void submitted(std::size_t index, const std::string& server, const SmtpClientResult& r);
  void fetched(const FetchOutcome& outcome);
  void schedule_next_fetch();

  sim::net::Network& net_;
  sim::net::NodeId host_;
  MuaConfig config_;
  const proto::imf::ScenarioClock& clock_;
  proto::imf::MessageIdGenerator ids_;
  std::unique_ptr<SmtpClientEndpoint> smtp_;
  std::unique_ptr<RetrievalClientEndpoint> retrieval_;
  std::vector<OutgoingMail> sent_;
  std::size_t submitting_ = 0;  // connections open to the submission server
  std::deque<std::unique_ptr<WaitingSubmission>> waiting_;
  std::vector<KeptMail> inbox_;
  std::unordered_set<std::string> inbox_ids_;  // the ids in inbox_
  bool fetching_ = false;
  sim::Timer fetch_timer_;  // the next fetch of config_.fetch->every
};

}  // namespace mailsim::agents
