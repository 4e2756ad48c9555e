#pragma once
// Filled shapes appended to one triangle batch, so that a frame draws each kind of primitive in
// one call whatever the number of nodes, links and packets.
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace mailsim::gui::shapes {

void rect(sf::VertexArray& out, sf::Vector2f centre, sf::Vector2f half, sf::Color colour);
// A regular polygon with `sides` corners (a circle with many), the first corner at `angle`.
void polygon(sf::VertexArray& out, sf::Vector2f centre, float radius, int sides, float angle,
             sf::Color colour);
void line(sf::VertexArray& out, sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour);
void dashed_line(sf::VertexArray& out, sf::Vector2f a, sf::Vector2f b, float width, float dash,
                 sf::Color colour);
void triangle(sf::VertexArray& out, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c,
              sf::Color colour);

}  // namespace mailsim::gui::shapes
