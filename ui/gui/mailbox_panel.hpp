#pragma once
// The Mailboxes panel: each user's folders and messages on each mail server; a message opened
// is read whole below the list: its header as stored (the Received chain newest first,
// Return-Path), then its body, and a delivery status notification's machine-readable fields.
#include <optional>

#include "sim/text.hpp"
#include "ui/gui/mailbox_model.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {

void mailbox_panel(const Player& player, std::optional<MessageRef>& open, Lang lang);

}  // namespace mailsim::gui
