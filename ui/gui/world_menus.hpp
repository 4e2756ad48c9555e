#pragma once
// The menus and dialogs a person acts on the world with: a right click on a host or a link of
// the network, and the toolbar's "Act" menu (a domain's MX, a mail to write, saving the run as
// a scenario, or the run so far as a capture for Wireshark). They call the command layer
// (commands.hpp) and record what it returns through the Player; a refusal stays in its dialog, in
// the person's language.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sim/net/network.hpp"
#include "sim/text.hpp"
#include "ui/gui/commands.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

// Records what `command` returns through the player, with a notice of when; or keeps its
// refusal for the dialog. True when done.
bool record_command(Player& player, const Command& command, Lang lang, std::string& refusal,
                    std::string& notice);

class WorldMenus {
 public:
  // A right click: the menu opens at the next frame.
  void open_host_menu(sim::net::NodeId host);
  void open_link_menu(sim::net::LinkId link);

  // The toolbar's button and its menu; `screenshot` is set when the menu asks for one.
  void act_button(Player& player, Lang lang, bool& screenshot);
  // The open menu or dialog, each frame; `notice` receives what was done.
  void draw(Player& player, Lang lang, std::string& notice);

 private:
  enum class Dialog { none, link, mx, compose, save, capture };
  void host_menu(Player& player, Lang lang, std::string& notice);
  void link_menu(Player& player, Lang lang, std::string& notice);
  void link_dialog(Player& player, Lang lang, std::string& notice);
  void mx_dialog(Player& player, Lang lang, std::string& notice);
  void compose_dialog(Player& player, Lang lang, std::string& notice);
  void save_dialog(Player& player, Lang lang, std::string& notice);
  void capture_dialog(Player& player, Lang lang, std::string& notice);
  void start_link_dialog(const Player& player, sim::net::LinkId link);
  void start_mx_dialog(const Player& player, const std::string& domain);
  void start_compose(const std::string& client);
  // Records the command, or keeps its refusal for the dialog; true when done.
  bool run(Player& player, const Command& command, Lang lang, std::string& notice);

  std::optional<sim::net::NodeId> host_;
  std::optional<sim::net::LinkId> link_;
  bool open_menu_ = false;
  Dialog dialog_ = Dialog::none;
  bool open_dialog_ = false;
  std::string refusal_;
  // The dialogs' fields.
  std::string link_name_;
  std::array<char, 32> latency_{}, bandwidth_{}, loss_{};
  std::string domain_;
  struct MxRow {
    int preference = 10;
    std::array<char, 128> exchange{};
  };
  std::vector<MxRow> mx_rows_;
  int ttl_ = 300;
  std::string client_;
  std::array<char, 256> to_{}, cc_{}, subject_{}, attachment_{};
  std::array<char, 2048> body_{};
  std::array<char, 512> path_{};
};

}  // namespace mailsim::gui
