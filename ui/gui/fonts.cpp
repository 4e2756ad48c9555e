#include "ui/gui/fonts.hpp"

#include <cstdlib>
#include <fstream>

#include <imgui.h>

namespace mailsim::gui {

std::string font_path() {
  if (const char* given = std::getenv("MAILSIM_FONT"); given != nullptr && *given != '\0')
    return given;
  return "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}

const ImWchar* glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin and Latin-1: accents, « », no-break space
      0x0152, 0x0153,  // Œ œ
      0x2013, 0x2014,  // – —
      0x2018, 0x201D,  // ‘ ’ “ ”
      0x2026, 0x2026,  // …
      0x202F, 0x202F,  // narrow no-break space (before ; : ! ? in French)
      0x2190, 0x2199,  // arrows (↗: a panel out into its own window)
      0x2713, 0x2713,  // ✓ (an expectation met)
      0x2717, 0x2717,  // ✗ (an expectation failed)
      0,
  };
  return ranges;
}

bool load_imgui_fonts(ImGuiIO& io, float body_px, float clock_px, ImGuiFonts& out) {
  const std::string path = font_path();
  if (!std::ifstream(path).good()) return false;
  ImFontConfig config;
  config.OversampleH = 2;
  out.body = io.Fonts->AddFontFromFileTTF(path.c_str(), body_px, &config, glyph_ranges());
  out.clock = io.Fonts->AddFontFromFileTTF(path.c_str(), clock_px, &config, glyph_ranges());
  return out.body != nullptr && out.clock != nullptr;
}

}  // namespace mailsim::gui
