#pragma once
// Our SFML platform glue for Dear ImGui 1.86 (Debian's libimgui-dev has no SFML backend): it
// feeds ImGui the display size, the time step, the mouse, the keys and typed text. ImGui 1.86
// predates AddKeyEvent, so keys go through io.KeyMap and io.KeysDown. Rendering is done by the
// OpenGL2 renderer that libimgui.a contains.
#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Event.hpp>

struct ImGuiIO;

namespace mailsim::gui::imgui_sfml {

// Sets the key map and the backend's name; call once after ImGui::CreateContext().
void init(ImGuiIO& io);

// Feeds one window event to ImGui. Returns true when ImGui takes it (a click on a panel, a key
// typed into a field), so that the network view leaves it alone.
bool process_event(ImGuiIO& io, const sf::Event& event);

// Before ImGui::NewFrame(): the window's size in pixels and the seconds since the last frame.
void new_frame(ImGuiIO& io, sf::Vector2u size, float seconds);

}  // namespace mailsim::gui::imgui_sfml
