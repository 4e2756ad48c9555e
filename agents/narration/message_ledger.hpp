#pragma once
// What became of each message, from the journey records (and the mail client's, for a
// message refused at submission): one row per message, following it from server to server,
// with its outcome for each recipient, its delivery attempts, the time it took and the hosts
// it went through. `mailsim run` prints it at the end of every run; the window can show it.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "agents/narration/narrator.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"

namespace mailsim::agents {

class MessageLedger {
 public:
  enum class Outcome {
    composed,
    queued,
    relayed,
    delivered,
    bounced,
    refused,
    postmaster,
    discarded
  };

  struct Fate {
    std::string recipient;
    Outcome outcome = Outcome::composed;
    std::string agent;           // queued, relayed (who took it), bounced, postmaster, discarded
    std::string mailbox;         // delivered
    std::size_t deliveries = 0;  // delivered: how many copies (SMTP may deliver twice)
    std::string reply;           // bounced, refused
    std::string client;          // refused: the mail client whose outbox keeps it
    sim::SimTime at{0};
    bool final() const { return outcome != Outcome::composed && outcome != Outcome::queued; }
  };

  struct Row {
    std::string id;  // the Message-ID, else the first queue id
    std::string from;
    std::string to;
    sim::SimTime start{0};
    std::vector<std::string> hops;  // hosts, from the writer's to the last server
    std::vector<Fate> fates;        // one per recipient
    std::set<std::pair<std::string, std::int64_t>> deferrals;  // agent, time of each
    bool merged = false;                                       // followed into another row

    bool ended() const;
    // Each deferral, and the last attempt when the message has ended.
    std::size_t attempts() const;
    // From the first record to the last outcome, or to `now` while it is not over.
    sim::SimTime took(sim::SimTime now) const;
  };

  // Reads one record; the others are ignored.
  void observe(const sim::TraceRecord& record);
  // The kinds observe() reads (mua.*, mail.*), to subscribe with.
  static sim::Trace::KindFilter kinds() {
    return sim::Trace::kinds_starting_with({"mua.", "mail."});
  }

  // Every message, in the order they appeared.
  std::vector<const Row*> rows() const;

  // The table: a title, then one line per message; host names with their roles.
  std::vector<std::string> render(const Narrator& names, sim::SimTime now) const;

 private:
  std::size_t row_of_message(const std::string& message_id);
  Fate& fate(Row& row, const std::string& recipient);
  void merge(std::size_t from, std::size_t into);

  std::vector<Row> rows_;
  std::map<std::string, std::size_t> by_message_id_;
  std::map<std::pair<std::string, std::string>, std::size_t> by_queue_;  // agent, queue id
};

}  // namespace mailsim::agents
