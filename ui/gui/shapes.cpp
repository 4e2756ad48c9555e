#include "ui/gui/shapes.hpp"

#include <cmath>
#include <numbers>

namespace mailsim::gui::shapes {

void triangle(sf::VertexArray& out, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c,
              sf::Color colour) {
  out.append(sf::Vertex(a, colour));
  out.append(sf::Vertex(b, colour));
  out.append(sf::Vertex(c, colour));
}

void rect(sf::VertexArray& out, sf::Vector2f c, sf::Vector2f h, sf::Color colour) {
  const sf::Vector2f tl{c.x - h.x, c.y - h.y}, tr{c.x + h.x, c.y - h.y}, br{c.x + h.x, c.y + h.y},
      bl{c.x - h.x, c.y + h.y};
  triangle(out, tl, tr, br, colour);
  triangle(out, tl, br, bl, colour);
}

void polygon(sf::VertexArray& out, sf::Vector2f c, float radius, int sides, float angle,
             sf::Color colour) {
  const float step = 2.0f * std::numbers::pi_v<float> / static_cast<float>(sides);
  auto corner = [&](int i) {
    const float a = angle + step * static_cast<float>(i);
    return sf::Vector2f{c.x + radius * std::cos(a), c.y + radius * std::sin(a)};
  };
  for (int i = 0; i < sides; ++i)
    triangle(out, c, corner(i), corner(i + 1), colour);
}

void line(sf::VertexArray& out, sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour) {
  const sf::Vector2f d = b - a;
  const float length = std::hypot(d.x, d.y);
  if (length <= 0.0f) return;
  const sf::Vector2f n{-d.y / length * width / 2.0f, d.x / length * width / 2.0f};
  triangle(out, a + n, b + n, b - n, colour);
  triangle(out, a + n, b - n, a - n, colour);
}

void dashed_line(sf::VertexArray& out, sf::Vector2f a, sf::Vector2f b, float width, float dash,
                 sf::Color colour) {
  const sf::Vector2f d = b - a;
  const float length = std::hypot(d.x, d.y);
  if (length <= 0.0f || dash <= 0.0f) return;
  const sf::Vector2f unit = d / length;
  for (float s = 0; s < length; s += 2 * dash)
    line(out, a + unit * s, a + unit * std::min(s + dash, length), width, colour);
}

}  // namespace mailsim::gui::shapes
