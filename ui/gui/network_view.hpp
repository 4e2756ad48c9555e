#pragma once
// The network drawn with SFML: nodes by role (shape and colour), links coloured by how full
// their queues are and dashed when down, and packets moving along the links at the speed the
// simulation gives them, shaped and coloured by protocol. Everything is drawn in batches
// (vertex arrays), one per kind of primitive. Holds view state only: camera, positions a
// person dragged, the selection.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include "scenarios/build/world_view.hpp"
#include "sim/net/network.hpp"
#include "sim/text.hpp"
#include "ui/gui/node_roles.hpp"
#include "ui/gui/scene.hpp"
#include "ui/gui/text_batch.hpp"

namespace mailsim::gui {

Rgb packet_colour(PacketClass cls);
inline constexpr Rgb kDropColour{213, 94, 0};  // Okabe-Ito vermilion

// What a click picked.
struct Selection {
  std::optional<sim::net::NodeId> node;
  std::optional<Flight> packet;  // a copy: the flight may land while it is looked at
  std::optional<std::size_t> journey;
};

class NetworkView {
 public:
  NetworkView(const sf::Font& font, Lang lang) : font_(font), lang_(lang) {}

  // The language of its labels; the roles' names are read again from `world`.
  void set_lang(Lang lang, const scenarios::WorldView& world) {
    lang_ = lang;
    load(world);
  }
  // The part of the window it draws in, in pixels.
  void set_area(sf::FloatRect area);
  // Reads the nodes, their roles and positions (the scenario's, else the computed layout).
  void load(const scenarios::WorldView& world);
  void fit();
  void pan(sf::Vector2f pixels);
  void zoom(float factor, sf::Vector2f at);
  // Moves a node to the pixel `at` (a drag); returns its new position in [0, 1] x [0, 1].
  sim::net::Position move_node(sim::net::NodeId node, sf::Vector2f at);

  // Flights that arrived since the previous frame are still in `scene` and drawn half-way.
  void draw(sf::RenderTarget& target, const scenarios::WorldView& world, const Scene& scene,
            sim::SimTime now, const Selection& selection);

  std::optional<sim::net::NodeId> node_at(sf::Vector2f pixel) const;
  // The link whose line passes within a few pixels of `pixel`, the nearest.
  std::optional<sim::net::LinkId> link_at(const sim::net::Network& net, sf::Vector2f pixel) const;
  // The flight drawn nearest to `pixel` at the last draw, within a few pixels.
  std::optional<Flight> flight_at(sf::Vector2f pixel) const;
  sf::Vector2f node_pixel(sim::net::NodeId node) const;
  // Where a flight is drawn at `now`: along its link, on the side of its direction.
  sf::Vector2f packet_pixel(const scenarios::WorldView& world, const Flight& f,
                            sim::SimTime now) const;
  NodeRole role(sim::net::NodeId node) const { return roles_.at(node); }
  const std::vector<NodeRole>& roles() const { return roles_; }
  float node_radius() const { return 18.0f; }

 private:
  sf::Vector2f to_pixel(sim::net::Position p) const;
  // Where a lost packet's cross is drawn: half-way along its link, or beside the node.
  std::optional<sf::Vector2f> drop_anchor(const sim::net::Network& net, const Drop& d) const;

  const sf::Font& font_;
  Lang lang_;
  sf::FloatRect area_{0, 0, 800, 600};
  std::vector<sim::net::Position> positions_;
  std::vector<NodeRole> roles_;
  std::vector<std::string> role_names_;  // "MSA, MTA, MDA", as the narration says them
  // Camera: world point at the centre of the area, and pixels per world unit on each axis.
  sim::net::Position centre_{0.5, 0.5};
  float scale_x_ = 600, scale_y_ = 400;
  // Where each flight of the scene was drawn at the last draw (index into scene.flights()).
  const Scene* drawn_scene_ = nullptr;
  std::vector<std::pair<sf::Vector2f, std::size_t>> drawn_packets_;
  // Each packet shape drawn once, outline and fill, into a texture: a packet is then one
  // textured quad (4 vertices instead of about 30), which the software renderer of a school PC
  // draws by the thousand within a frame.
  sf::RenderTexture sprites_;
  // The frame's batches, kept between frames so that their memory is reused, not reallocated.
  sf::VertexArray links_{sf::Triangles}, nodes_{sf::Triangles}, marks_{sf::Triangles},
      packet_quads_{sf::Quads};
  std::optional<TextBatch> names_, details_;
  bool sprites_ready_ = false;
  void make_sprites();
};

}  // namespace mailsim::gui
