#pragma once
// The console: a terminal on a host of the network, as in the article's telnet test. A person
// picks a host, a server and a port, connects, types SMTP, POP3 or IMAP command lines and reads
// the replies as the simulation brings them. Connecting and each line go through the command
// layer (open_console, type_in_console) and are recorded in the run's timeline.
#include <array>
#include <string>

#include "sim/text.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

// What the console remembers between frames.
struct ConsoleView {
  bool chosen = false;  // the host and server have their first values
  int from = 0;         // into console_hosts()
  int to = 0;           // into console_targets()
  std::array<char, 8> port{'2', '5'};
  std::string session;  // the session typed into ("console-1"), once connected
  std::array<char, 1000> line{};
  std::string refusal;
  std::size_t shown_lines = 0;  // to scroll to a line when it arrives
};

// The session `view` types into, as the Dialogues panel tells it; null before its first line.
const Dialogue* console_dialogue(const Player& player, const ConsoleView& view);

void console_panel(Player& player, ConsoleView& view, std::string& notice, Lang lang);

}  // namespace mailsim::gui
