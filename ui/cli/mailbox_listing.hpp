#pragma once
// `mailsim run --show-messages`: after the run, every message each mailbox holds, as the MDA
// stored it (the Received chain, Return-Path, a bounce's MIME parts), so that a student can
// read what the narration only names. In text, headers first and each line as the transcript
// shows a line (control bytes spelt out); in JSON, one object per message on its own line,
// after the trace's lines.
#include <iosfwd>

#include "scenarios/build/world_view.hpp"
#include "sim/text.hpp"

namespace mailsim::cli {

void print_mailboxes(std::ostream& out, const scenarios::WorldView& world, Lang lang, bool full);
void print_mailboxes_json(std::ostream& out, const scenarios::WorldView& world);

}  // namespace mailsim::cli
