#include "ui/gui/imgui_sfml.hpp"

#include <cfloat>

#include <imgui.h>

namespace mailsim::gui::imgui_sfml {

namespace {

int mouse_index(sf::Mouse::Button button) {
  switch (button) {
    case sf::Mouse::Left:
      return 0;
    case sf::Mouse::Right:
      return 1;
    case sf::Mouse::Middle:
      return 2;
    default:
      return -1;
  }
}

void set_modifiers(ImGuiIO& io, const sf::Event::KeyEvent& key) {
  io.KeyCtrl = key.control;
  io.KeyShift = key.shift;
  io.KeyAlt = key.alt;
  io.KeySuper = key.system;
}

}  // namespace

void init(ImGuiIO& io) {
  io.BackendPlatformName = "mailsim_imgui_sfml";
  io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
  io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
  io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
  io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
  io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
  io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
  io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
  io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
  io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
  io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
  io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
  io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
  io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
  io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
  io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
  io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
  io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

bool process_event(ImGuiIO& io, const sf::Event& event) {
  switch (event.type) {
    case sf::Event::MouseMoved:
      io.MousePos =
          ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
      return io.WantCaptureMouse;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
      io.MousePos =
          ImVec2(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y));
      const int i = mouse_index(event.mouseButton.button);
      if (i >= 0) io.MouseDown[i] = event.type == sf::Event::MouseButtonPressed;
      return io.WantCaptureMouse;
    }
    case sf::Event::MouseWheelScrolled:
      if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
        io.MouseWheel += event.mouseWheelScroll.delta;
      else
        io.MouseWheelH += event.mouseWheelScroll.delta;
      return io.WantCaptureMouse;
    case sf::Event::MouseLeft:
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      return false;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
      const int key = event.key.code;
      if (key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)))
        io.KeysDown[key] = event.type == sf::Event::KeyPressed;
      set_modifiers(io, event.key);
      return io.WantCaptureKeyboard;
    }
    case sf::Event::TextEntered:
      // Control characters (backspace, enter...) arrive as keys; 127 is DEL.
      if (event.text.unicode >= 32 && event.text.unicode != 127)
        io.AddInputCharacter(event.text.unicode);
      return io.WantCaptureKeyboard || io.WantTextInput;
    case sf::Event::LostFocus:
      for (bool& down : io.KeysDown)
        down = false;
      io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
      return false;
    default:
      return false;
  }
}

void new_frame(ImGuiIO& io, sf::Vector2u size, float seconds) {
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = seconds > 0.0f ? seconds : 1.0f / 60.0f;
}

}  // namespace mailsim::gui::imgui_sfml
