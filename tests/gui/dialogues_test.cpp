// The Dialogues panel's model, without a display: each connection's lines in order, from the
// side that tells it, who said each, the session's state, and SMTP replies' codes.
#include <gtest/gtest.h>

#include "tests/gui/gui_model.hpp"
#include "ui/gui/dialogues.hpp"

namespace mailsim::gui {
namespace {

const Dialogue* dialogue_to(const Player& p, std::string_view connection) {
  for (const auto& d : p.dialogues().all())
    if (d.connection == connection) return &d;
  return nullptr;
}

TEST(Dialogues, EachConnectionHasItsLinesWhoSaidThemAndItsState) {
  auto p = test::player_of("first-mail");
  p->seek(p->end());
  const Dialogue* relay = dialogue_to(*p, "smtp.a.example -> mx.b.example:25");
  ASSERT_NE(relay, nullptr);
  EXPECT_EQ(relay->protocol, agents::DialogueProtocol::smtp);
  ASSERT_GE(relay->lines.size(), 8u);
  EXPECT_FALSE(relay->lines[0].client);
  EXPECT_EQ(relay->lines[0].in(Lang::en).substr(0, 4), "220 ");
  ASSERT_TRUE(relay->lines[0].reply);
  EXPECT_EQ(relay->lines[0].reply->code, 220);
  EXPECT_TRUE(relay->lines[1].client);
  EXPECT_EQ(relay->lines[1].in(Lang::en), "EHLO smtp.a.example");
  EXPECT_FALSE(relay->lines[1].reply);  // a command has no code
  // In time order, and the content summed up in each language.
  bool content = false;
  for (std::size_t i = 1; i < relay->lines.size(); ++i) {
    EXPECT_GE(relay->lines[i].at, relay->lines[i - 1].at);
    if (relay->lines[i].in(Lang::en) != relay->lines[i].in(Lang::fr)) content = true;
  }
  EXPECT_TRUE(content);
  EXPECT_FALSE(relay->state.empty());

  const Dialogue* imap = dialogue_to(*p, "bob-pc -> mx.b.example:143");
  ASSERT_NE(imap, nullptr);
  EXPECT_EQ(imap->protocol, agents::DialogueProtocol::imap);
  for (const auto& line : imap->lines)
    EXPECT_FALSE(line.reply) << line.in(Lang::en);  // IMAP answers are not SMTP codes
}

TEST(Dialogues, AreRebuiltWhenTheRunIsReplayed) {
  auto p = test::player_of("first-mail");
  p->seek(p->end());
  const auto count = p->dialogues().all().size();
  EXPECT_GE(count, 3u);
  p->seek(std::chrono::milliseconds(500));
  EXPECT_TRUE(p->dialogues().all().empty());
  p->seek(p->end());
  EXPECT_EQ(p->dialogues().all().size(), count);
}

TEST(Dialogues, ATypedSessionIsADialogueToo) {
  auto p = test::player_of("telnet-test");
  p->seek(p->end());
  bool typed = false;
  for (const auto& d : p->dialogues().all())
    if (d.protocol == agents::DialogueProtocol::typed && !d.lines.empty()) {
      typed = true;
      EXPECT_TRUE(std::any_of(d.lines.begin(), d.lines.end(),
                              [](const DialogueLine& l) { return l.reply.has_value(); }));
    }
  EXPECT_TRUE(typed);
}

}  // namespace
}  // namespace mailsim::gui
