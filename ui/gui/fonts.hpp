#pragma once
// The window's one typeface, DejaVu Sans (Debian's fonts-dejavu-core), for SFML's labels and
// Dear ImGui's panels alike: SFML has no built-in font and ImGui's own lacks French letters.
#include <string>

struct ImFont;
struct ImGuiIO;
using ImWchar = unsigned short;

namespace mailsim::gui {

// Where the font is; MAILSIM_FONT in the environment overrides it.
std::string font_path();

// Latin-1 (accents, « », non-breaking space), œ Œ, ’ and the few punctuation marks the
// French and English catalogs use.
const ImWchar* glyph_ranges();

struct ImGuiFonts {
  ImFont* body = nullptr;
  ImFont* clock = nullptr;  // the large clock
};

// Loads both sizes into ImGui's atlas; false when the file cannot be read.
bool load_imgui_fonts(ImGuiIO& io, float body_px, float clock_px, ImGuiFonts& out);

}  // namespace mailsim::gui
