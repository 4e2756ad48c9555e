#pragma once
// Every message the world holds at the end of a run, where a person would find it: in a
// mailbox on a server, or only in a mail client that deleted it from the server once fetched
// (POP3 without "keep on server"), which a student looking at the servers alone would think lost.
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/build/world_view.hpp"
#include "sim/time.hpp"

namespace mailsim::report {

std::vector<scenarios::ClientView> clients_holding_only_copies(const scenarios::WorldView& world);

struct KeptMessage {
  // A mailbox's message: its server, user, folder and UID; a client's copy: the client's name
  // and host (`client` set, no UID).
  std::string server, user, folder;
  std::uint64_t uid = 0;
  std::string client, host;
  sim::SimTime at{0};  // delivered into the mailbox, or fetched by the client
  std::string content;
};

// Mailboxes first (server by server, user by user, INBOX first), then the clients' copies.
std::vector<KeptMessage> kept_messages(const scenarios::WorldView& world);

}  // namespace mailsim::report
