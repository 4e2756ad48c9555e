#include "ui/gui/text_batch.hpp"

#include <cmath>

#include <SFML/System/Utf.hpp>

namespace mailsim::gui {

namespace {

template <class F>
void each_code_point(std::string_view text, F&& f) {
  auto it = text.begin();
  while (it != text.end()) {
    sf::Uint32 c = 0;
    it = sf::Utf8::decode(it, text.end(), c);
    f(c);
  }
}

}  // namespace

float TextBatch::width(std::string_view text) const {
  float w = 0;
  sf::Uint32 previous = 0;
  each_code_point(text, [&](sf::Uint32 c) {
    w += font_.getKerning(previous, c, size_) + font_.getGlyph(c, size_, bold_).advance;
    previous = c;
  });
  return w;
}

void TextBatch::add(std::string_view text, sf::Vector2f at, sf::Color colour) {
  // SFML places glyphs on the baseline; the top of the label is one line's ascent above it.
  float x = std::round(at.x);
  const float baseline = std::round(at.y + static_cast<float>(size_));
  sf::Uint32 previous = 0;
  each_code_point(text, [&](sf::Uint32 c) {
    x += font_.getKerning(previous, c, size_);
    previous = c;
    const sf::Glyph& g = font_.getGlyph(c, size_, bold_);
    const float l = x + g.bounds.left, t = baseline + g.bounds.top;
    const float r = l + g.bounds.width, b = t + g.bounds.height;
    const auto u0 = static_cast<float>(g.textureRect.left);
    const auto v0 = static_cast<float>(g.textureRect.top);
    const auto u1 = u0 + static_cast<float>(g.textureRect.width);
    const auto v1 = v0 + static_cast<float>(g.textureRect.height);
    if (g.bounds.width > 0) {
      quads_.append(sf::Vertex({l, t}, colour, {u0, v0}));
      quads_.append(sf::Vertex({r, t}, colour, {u1, v0}));
      quads_.append(sf::Vertex({r, b}, colour, {u1, v1}));
      quads_.append(sf::Vertex({l, t}, colour, {u0, v0}));
      quads_.append(sf::Vertex({r, b}, colour, {u1, v1}));
      quads_.append(sf::Vertex({l, b}, colour, {u0, v1}));
    }
    x += g.advance;
  });
}

void TextBatch::draw(sf::RenderTarget& target) const {
  sf::RenderStates states;
  states.texture = &font_.getTexture(size_);
  target.draw(quads_, states);
}

}  // namespace mailsim::gui
