#pragma once
// Labels drawn in one call per character size: the glyphs of every label are appended as
// textured quads to one vertex array over the font's glyph page, instead of one sf::Text draw
// per label (400 draws for 200 hosts made a frame twice as slow as the 16 ms it may take).
#include <string_view>

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace mailsim::gui {

class TextBatch {
 public:
  TextBatch(const sf::Font& font, unsigned size, bool bold)
      : font_(font), size_(size), bold_(bold), quads_(sf::Triangles) {}

  // The width `text` (UTF-8) takes, in pixels.
  float width(std::string_view text) const;
  // Appends `text` with its top-left corner at `at` (pixels, rounded so glyphs stay sharp).
  void add(std::string_view text, sf::Vector2f at, sf::Color colour);
  void draw(sf::RenderTarget& target) const;
  void clear() { quads_.clear(); }
  unsigned size() const { return size_; }

 private:
  const sf::Font& font_;
  unsigned size_;
  bool bold_;
  sf::VertexArray quads_;
};

}  // namespace mailsim::gui
