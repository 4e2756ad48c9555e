// The SFML input glue, fed synthesised SFML events: what ImGui then believes about the mouse,
// the keys and the text typed.
#include <gtest/gtest.h>
#include <imgui.h>

#include "ui/gui/imgui_sfml.hpp"

namespace mailsim::gui {
namespace {

class Glue : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    imgui_sfml::init(ImGui::GetIO());
  }
  void TearDown() override { ImGui::DestroyContext(); }
  ImGuiIO& io() { return ImGui::GetIO(); }
};

sf::Event mouse_button(sf::Event::EventType type, sf::Mouse::Button button, int x, int y) {
  sf::Event e;
  e.type = type;
  e.mouseButton = {button, x, y};
  return e;
}

sf::Event key(sf::Event::EventType type, sf::Keyboard::Key code, bool control = false,
              bool shift = false) {
  sf::Event e;
  e.type = type;
  e.key = {code, false, control, shift, false};
  return e;
}

sf::Event text(sf::Uint32 unicode) {
  sf::Event e;
  e.type = sf::Event::TextEntered;
  e.text.unicode = unicode;
  return e;
}

TEST_F(Glue, MouseMovesAndButtons) {
  sf::Event move;
  move.type = sf::Event::MouseMoved;
  move.mouseMove = {120, 45};
  imgui_sfml::process_event(io(), move);
  EXPECT_EQ(io().MousePos.x, 120);
  EXPECT_EQ(io().MousePos.y, 45);
  imgui_sfml::process_event(io(),
                            mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Right, 7, 8));
  EXPECT_TRUE(io().MouseDown[1]);
  EXPECT_FALSE(io().MouseDown[0]);
  EXPECT_EQ(io().MousePos.x, 7);
  imgui_sfml::process_event(io(),
                            mouse_button(sf::Event::MouseButtonReleased, sf::Mouse::Right, 7, 8));
  EXPECT_FALSE(io().MouseDown[1]);
  imgui_sfml::process_event(io(),
                            mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, 1, 1));
  EXPECT_TRUE(io().MouseDown[0]);
  // Extra buttons are not ImGui's business.
  imgui_sfml::process_event(io(),
                            mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::XButton1, 1, 1));
  EXPECT_FALSE(io().MouseDown[3]);
}

TEST_F(Glue, WheelAddsUpWithinAFrame) {
  sf::Event wheel;
  wheel.type = sf::Event::MouseWheelScrolled;
  wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1.0f, 0, 0};
  imgui_sfml::process_event(io(), wheel);
  imgui_sfml::process_event(io(), wheel);
  EXPECT_FLOAT_EQ(io().MouseWheel, 2.0f);
  wheel.mouseWheelScroll = {sf::Mouse::HorizontalWheel, -1.0f, 0, 0};
  imgui_sfml::process_event(io(), wheel);
  EXPECT_FLOAT_EQ(io().MouseWheelH, -1.0f);
}

TEST_F(Glue, KeysAndModifiersThroughTheKeyMap) {
  EXPECT_EQ(io().KeyMap[ImGuiKey_Backspace], sf::Keyboard::Backspace);
  EXPECT_EQ(io().KeyMap[ImGuiKey_Enter], sf::Keyboard::Enter);
  imgui_sfml::process_event(io(), key(sf::Event::KeyPressed, sf::Keyboard::Backspace));
  EXPECT_TRUE(io().KeysDown[io().KeyMap[ImGuiKey_Backspace]]);
  imgui_sfml::process_event(io(), key(sf::Event::KeyPressed, sf::Keyboard::C, true));
  EXPECT_TRUE(io().KeyCtrl);
  EXPECT_TRUE(io().KeysDown[sf::Keyboard::C]);
  imgui_sfml::process_event(io(), key(sf::Event::KeyReleased, sf::Keyboard::C, false));
  EXPECT_FALSE(io().KeyCtrl);
  EXPECT_FALSE(io().KeysDown[sf::Keyboard::C]);
  // An unknown key (-1) must not index the array.
  imgui_sfml::process_event(io(), key(sf::Event::KeyPressed, sf::Keyboard::Unknown, false, true));
  EXPECT_TRUE(io().KeyShift);
}

TEST_F(Glue, LosingFocusReleasesEveryKey) {
  imgui_sfml::process_event(io(), key(sf::Event::KeyPressed, sf::Keyboard::A, true));
  sf::Event lost;
  lost.type = sf::Event::LostFocus;
  imgui_sfml::process_event(io(), lost);
  EXPECT_FALSE(io().KeysDown[sf::Keyboard::A]);
  EXPECT_FALSE(io().KeyCtrl);
}

TEST_F(Glue, TypedTextKeepsFrenchLettersAndDropsControlCharacters) {
  for (sf::Uint32 c : {sf::Uint32('a'), sf::Uint32(0xE9), sf::Uint32(0x153), sf::Uint32(8),
                       sf::Uint32(13), sf::Uint32(127), sf::Uint32(0x2019)})
    imgui_sfml::process_event(io(), text(c));
  ASSERT_EQ(io().InputQueueCharacters.Size, 4);
  EXPECT_EQ(io().InputQueueCharacters[0], 'a');
  EXPECT_EQ(io().InputQueueCharacters[1], 0xE9);    // é
  EXPECT_EQ(io().InputQueueCharacters[2], 0x153);   // œ
  EXPECT_EQ(io().InputQueueCharacters[3], 0x2019);  // ’
}

TEST_F(Glue, NewFrameGivesSizeAndTime) {
  imgui_sfml::new_frame(io(), {1280, 720}, 0.02f);
  EXPECT_EQ(io().DisplaySize.x, 1280);
  EXPECT_EQ(io().DisplaySize.y, 720);
  EXPECT_FLOAT_EQ(io().DeltaTime, 0.02f);
  // ImGui refuses a zero time step: the first frame gets a sixtieth of a second.
  imgui_sfml::new_frame(io(), {800, 600}, 0.0f);
  EXPECT_GT(io().DeltaTime, 0.0f);
}

TEST_F(Glue, SaysWhenImGuiTakesTheEvent) {
  io().WantCaptureMouse = true;
  EXPECT_TRUE(imgui_sfml::process_event(
      io(), mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, 1, 1)));
  io().WantCaptureMouse = false;
  EXPECT_FALSE(imgui_sfml::process_event(
      io(), mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, 1, 1)));
  io().WantCaptureKeyboard = true;
  EXPECT_TRUE(imgui_sfml::process_event(io(), key(sf::Event::KeyPressed, sf::Keyboard::Space)));
}

}  // namespace
}  // namespace mailsim::gui
