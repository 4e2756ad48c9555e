#include "ui/gui/network_view.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <SFML/Graphics/VertexArray.hpp>

#include "agents/narration/narrator.hpp"
#include "scenarios/model/roles.hpp"
#include "sim/net/trace_records.hpp"
#include "ui/gui/shapes.hpp"
#include "ui/gui/text_batch.hpp"

namespace mailsim::gui {

namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kSprite = 16;  // a packet sprite's side: the largest shape with its outline
const sf::Color kInk{40, 40, 48};
const sf::Color kLinkIdle{150, 150, 150};
const sf::Color kLinkDown{200, 60, 60};
const sf::Color kHighlight{0, 114, 178, 90};

sf::Color colour(Rgb c, std::uint8_t alpha = 255) {
  return sf::Color(c.r, c.g, c.b, alpha);
}

sf::Color mix(sf::Color a, sf::Color b, float t) {
  auto lerp = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(static_cast<float>(x) + (static_cast<float>(y) - x) * t);
  };
  return sf::Color(lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b), lerp(a.a, b.a));
}

// How full a link's fuller direction is, from 0 to 1.
float occupancy(const sim::net::LinkView& l) {
  float full = 0;
  for (int d = 0; d < 2; ++d) {
    if (l.params.queue_bytes > 0)
      full = std::max(
          full, static_cast<float>(l.queued_bytes[d]) / static_cast<float>(l.params.queue_bytes));
    if (l.params.queue_packets > 0)
      full = std::max(full, static_cast<float>(l.queued_packets[d]) /
                                static_cast<float>(l.params.queue_packets));
  }
  return std::clamp(full, 0.0f, 1.0f);
}

// One node's shape, drawn twice: a dark outline a little larger, then the fill.
void node_shape(sf::VertexArray& out, NodeRole role, sf::Vector2f c, float grow, sf::Color fill) {
  using shapes::polygon;
  using shapes::rect;
  const sf::Vector2f g{grow, grow};
  switch (role) {
    case NodeRole::client:  // a laptop: screen and keyboard
      rect(out, c + sf::Vector2f{0, -4}, sf::Vector2f{16, 11} + g, fill);
      rect(out, c + sf::Vector2f{0, 10}, sf::Vector2f{21, 3} + g, fill);
      break;
    case NodeRole::submission:  // a server with an intake tray
    case NodeRole::relay:
      rect(out, c + sf::Vector2f{0, -3}, sf::Vector2f{13, 17} + g, fill);
      rect(out, c + sf::Vector2f{0, 15}, sf::Vector2f{19, 4} + g, fill);
      break;
    case NodeRole::mailbox:  // a letterbox
      rect(out, c, sf::Vector2f{19, 14} + g, fill);
      break;
    case NodeRole::dns:  // a book
      rect(out, c, sf::Vector2f{14, 17} + g, fill);
      break;
    case NodeRole::resolver:
      polygon(out, c, 18 + grow, 6, 0, fill);
      break;
    case NodeRole::router:
      polygon(out, c, 16 + grow, 24, 0, fill);
      break;
    case NodeRole::attacker:
      polygon(out, c + sf::Vector2f{0, 3}, 20 + grow, 3, -kPi / 2, fill);
      break;
    case NodeRole::other:
      rect(out, c, sf::Vector2f{11, 11} + g, fill);
      break;
  }
}

// The dark details drawn over the fill: what tells a server from a book at a glance.
void node_details(sf::VertexArray& out, NodeRole role, sf::Vector2f c) {
  switch (role) {
    case NodeRole::client:
      shapes::rect(out, c + sf::Vector2f{0, -4}, {12, 7}, sf::Color(230, 240, 250));
      break;
    case NodeRole::submission:
    case NodeRole::relay:
      for (float y : {-12.f, -5.f, 2.f})
        shapes::line(out, c + sf::Vector2f{-9, y}, c + sf::Vector2f{9, y}, 2, kInk);
      break;
    case NodeRole::mailbox:
      shapes::rect(out, c + sf::Vector2f{0, -5}, {11, 2}, kInk);
      break;
    case NodeRole::dns:
      shapes::rect(out, c + sf::Vector2f{-11, 0}, {2, 17}, kInk);
      break;
    case NodeRole::router:
      shapes::line(out, c + sf::Vector2f{-10, 0}, c + sf::Vector2f{10, 0}, 2, kInk);
      shapes::line(out, c + sf::Vector2f{0, -10}, c + sf::Vector2f{0, 10}, 2, kInk);
      break;
    default:
      break;
  }
}

void packet_shape(sf::VertexArray& out, PacketClass cls, sf::Vector2f c, float grow,
                  sf::Color fill) {
  switch (cls) {
    case PacketClass::smtp:
      shapes::rect(out, c, {5 + grow, 5 + grow}, fill);
      break;
    case PacketClass::dns:
      shapes::polygon(out, c, 6.5f + grow, 4, 0, fill);
      break;
    case PacketClass::retrieval:
      shapes::polygon(out, c, 6 + grow, 16, 0, fill);
      break;
    case PacketClass::control:
      shapes::polygon(out, c, 3.5f + grow, 12, 0, fill);
      break;
    case PacketClass::other:
      shapes::polygon(out, c, 6 + grow, 3, -kPi / 2, fill);
      break;
  }
}

void cross(sf::VertexArray& out, sf::Vector2f c, float size, float width, sf::Color colour) {
  shapes::line(out, c + sf::Vector2f{-size, -size}, c + sf::Vector2f{size, size}, width, colour);
  shapes::line(out, c + sf::Vector2f{-size, size}, c + sf::Vector2f{size, -size}, width, colour);
}

}  // namespace

Rgb packet_colour(PacketClass cls) {
  switch (cls) {
    case PacketClass::smtp:
      return {0, 114, 178};
    case PacketClass::dns:
      return {230, 159, 0};
    case PacketClass::retrieval:
      return {0, 158, 115};
    case PacketClass::control:
      return {153, 153, 153};
    case PacketClass::other:
      return {86, 86, 86};
  }
  return {0, 0, 0};
}

void NetworkView::set_area(sf::FloatRect area) {
  area_ = area;
}

void NetworkView::load(const scenarios::WorldView& world) {
  const auto& net = world.network();
  positions_ = net.layout();
  roles_.clear();
  role_names_.clear();
  const agents::HostRoles article = scenarios::article_roles(world.model());
  for (sim::net::NodeId n = 0; n < net.node_count(); ++n) {
    roles_.push_back(node_role(world.model(), net, n));
    const auto it = article.find(net.name(n));
    role_names_.push_back(it == article.end() ? "" : agents::role_names(it->second, lang_));
  }
  fit();
}

void NetworkView::fit() {
  if (positions_.empty()) return;
  double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
  for (const auto& p : positions_) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  centre_ = {(x0 + x1) / 2, (y0 + y1) / 2};
  // Room for the shapes and their two lines of label around the outermost nodes.
  const float w = std::max(area_.width - 220.0f, 50.0f), h = std::max(area_.height - 130.0f, 50.0f);
  scale_x_ = w / static_cast<float>(std::max(x1 - x0, 0.05));
  scale_y_ = h / static_cast<float>(std::max(y1 - y0, 0.05));
  // Not stretched more than twice on one axis than on the other.
  scale_x_ = std::min(scale_x_, 2 * scale_y_);
  scale_y_ = std::min(scale_y_, 2 * scale_x_);
}

void NetworkView::pan(sf::Vector2f pixels) {
  centre_.x -= pixels.x / scale_x_;
  centre_.y -= pixels.y / scale_y_;
}

void NetworkView::zoom(float factor, sf::Vector2f at) {
  const sim::net::Position before{centre_.x + (at.x - area_.left - area_.width / 2) / scale_x_,
                                  centre_.y + (at.y - area_.top - area_.height / 2) / scale_y_};
  scale_x_ *= factor;
  scale_y_ *= factor;
  // Keep the point under the mouse where it is.
  centre_.x = before.x - (at.x - area_.left - area_.width / 2) / scale_x_;
  centre_.y = before.y - (at.y - area_.top - area_.height / 2) / scale_y_;
}

sim::net::Position NetworkView::move_node(sim::net::NodeId node, sf::Vector2f at) {
  sim::net::Position p{centre_.x + (at.x - area_.left - area_.width / 2) / scale_x_,
                       centre_.y + (at.y - area_.top - area_.height / 2) / scale_y_};
  p.x = std::clamp(p.x, 0.0, 1.0);
  p.y = std::clamp(p.y, 0.0, 1.0);
  positions_.at(node) = p;
  return p;
}

sf::Vector2f NetworkView::to_pixel(sim::net::Position p) const {
  return {area_.left + area_.width / 2 + static_cast<float>(p.x - centre_.x) * scale_x_,
          area_.top + area_.height / 2 + static_cast<float>(p.y - centre_.y) * scale_y_};
}

sf::Vector2f NetworkView::node_pixel(sim::net::NodeId node) const {
  return to_pixel(positions_.at(node));
}

sf::Vector2f NetworkView::packet_pixel(const scenarios::WorldView& world, const Flight& f,
                                       sim::SimTime now) const {
  const auto link = world.network().link_view(f.link);
  const sf::Vector2f from = node_pixel(f.direction == 0 ? link.a : link.b);
  const sf::Vector2f to = node_pixel(f.direction == 0 ? link.b : link.a);
  float t = 0.5f;  // a packet that came and went within the frame is drawn half-way, once
  if (f.arrive > now && f.arrive > f.depart)
    t = static_cast<float>(static_cast<double>((now - f.depart).count()) /
                           static_cast<double>((f.arrive - f.depart).count()));
  else if (f.arrive > now)
    t = 0.0f;
  t = std::clamp(t, 0.0f, 1.0f);
  // Each direction on its own side of the link, so that a request and its answer do not meet.
  const sf::Vector2f d = to - from;
  const float length = std::max(std::hypot(d.x, d.y), 1.0f);
  const sf::Vector2f side{-d.y / length * 6.0f, d.x / length * 6.0f};
  return from + d * t + side;
}

void NetworkView::draw(sf::RenderTarget& target, const scenarios::WorldView& world,
                       const Scene& scene, sim::SimTime now, const Selection& selection) {
  const auto& net = world.network();
  sf::VertexArray &links = links_, &nodes = nodes_, &packets = marks_, &sprites = packet_quads_;
  links.clear();
  nodes.clear();
  packets.clear();
  sprites.clear();

  for (sim::net::LinkId l = 0; l < net.link_count(); ++l) {
    const auto view = net.link_view(l);
    const sf::Vector2f a = node_pixel(view.a), b = node_pixel(view.b);
    if (!view.up)
      shapes::dashed_line(links, a, b, 3, 9, kLinkDown);
    else
      shapes::line(links, a, b, 3 + 4 * occupancy(view),
                   mix(kLinkIdle, colour(kDropColour), occupancy(view)));
  }

  // The selected message's way: a wide band from server to server.
  if (selection.journey && *selection.journey < scene.journeys().size()) {
    const auto& hops = scene.journeys()[*selection.journey].hops;
    for (std::size_t i = 1; i < hops.size(); ++i) {
      const auto from = hops[i - 1].node, to = hops[i].node;
      if (from < net.node_count() && to < net.node_count())
        shapes::line(links, node_pixel(from), node_pixel(to), 14, kHighlight);
    }
  }

  for (sim::net::NodeId n = 0; n < net.node_count(); ++n) {
    const sf::Vector2f c = node_pixel(n);
    const NodeRole role = roles_.at(n);
    const bool up = net.is_up(n);
    if (selection.node == n) shapes::polygon(nodes, c, 30, 32, 0, kHighlight);
    node_shape(nodes, role, c, 2, kInk);
    node_shape(nodes, role, c, 0, up ? colour(role_colour(role)) : sf::Color(170, 170, 170));
    node_details(nodes, role, c);
    if (!up) cross(nodes, c, 14, 4, kLinkDown);
  }

  if (!sprites_ready_) make_sprites();
  drawn_packets_.clear();
  drawn_scene_ = &scene;
  const auto& flights = scene.flights();
  for (std::size_t i = 0; i < flights.size(); ++i) {
    const Flight& f = flights[i];
    if (f.depart > now) continue;
    const sf::Vector2f p = packet_pixel(world, f, now);
    if (selection.packet && selection.packet->packet.id == f.packet.id)
      shapes::polygon(packets, p, 12, 16, 0, kHighlight);
    // Whole pixels, so that the sprite's texels land one to one.
    const sf::Vector2f corner{std::round(p.x) - kSprite / 2, std::round(p.y) - kSprite / 2};
    const float u = static_cast<float>(f.cls) * kSprite;
    sprites.append(sf::Vertex(corner, sf::Vector2f{u, 0}));
    sprites.append(sf::Vertex(corner + sf::Vector2f{kSprite, 0}, sf::Vector2f{u + kSprite, 0}));
    sprites.append(
        sf::Vertex(corner + sf::Vector2f{kSprite, kSprite}, sf::Vector2f{u + kSprite, kSprite}));
    sprites.append(sf::Vertex(corner + sf::Vector2f{0, kSprite}, sf::Vector2f{u, kSprite}));
    drawn_packets_.emplace_back(p, i);
  }
  for (const auto& d : scene.drops())
    if (auto at = drop_anchor(net, d)) cross(packets, *at, 7, 3, colour(kDropColour));

  target.draw(links);
  target.draw(nodes);
  target.draw(packets);
  target.draw(sprites, sf::RenderStates(&sprites_.getTexture()));

  // Labels: the host's name, then its role in the article's words and its address; the
  // reasons of the latest losses beside their cross. One draw per character size.
  if (!names_) names_.emplace(font_, 17, true), details_.emplace(font_, 13, false);
  TextBatch &names = *names_, &details = *details_;
  names.clear();
  details.clear();
  const sf::Color grey(90, 90, 100);
  for (sim::net::NodeId n = 0; n < net.node_count(); ++n) {
    const sf::Vector2f c = node_pixel(n);
    if (!area_.contains(c)) continue;
    const std::string& name = net.name(n);
    names.add(name, {c.x - names.width(name) / 2, c.y + 24}, kInk);
    std::string second = role_names_.at(n);
    if (auto address = net.address(n); address && roles_.at(n) != NodeRole::router)
      second += (second.empty() ? "" : "  ") + address->to_string();
    if (!second.empty()) details.add(second, {c.x - details.width(second) / 2, c.y + 45}, grey);
  }
  int told = 0;
  for (auto it = scene.drops().rbegin(); it != scene.drops().rend() && told < 3; ++it, ++told) {
    if (it->link != sim::net::kNoLink) continue;
    const auto at = drop_anchor(net, *it);
    if (!at) continue;
    const std::string_view reason = sim::net::drop_reason_name(it->reason);
    const Message* words = agents::reason_text(sim::net::kinds::kPacketDropped.name, reason);
    details.add(words ? words->text(lang_) : reason, *at + sf::Vector2f{10, -8},
                colour(kDropColour));
  }
  names.draw(target);
  details.draw(target);
}

std::optional<sf::Vector2f> NetworkView::drop_anchor(const sim::net::Network& net,
                                                     const Drop& d) const {
  if (d.link != sim::net::kNoLink) {
    const auto view = net.link_view(d.link);
    return (node_pixel(view.a) + node_pixel(view.b)) / 2.0f;
  }
  if (d.node < net.node_count()) return node_pixel(d.node) + sf::Vector2f{22, -22};
  return std::nullopt;
}

std::optional<sim::net::NodeId> NetworkView::node_at(sf::Vector2f pixel) const {
  std::optional<sim::net::NodeId> best;
  float best_d = 24.0f;
  for (sim::net::NodeId n = 0; n < positions_.size(); ++n) {
    const sf::Vector2f d = node_pixel(n) - pixel;
    const float dist = std::hypot(d.x, d.y);
    if (dist < best_d) best_d = dist, best = n;
  }
  return best;
}

std::optional<sim::net::LinkId> NetworkView::link_at(const sim::net::Network& net,
                                                     sf::Vector2f pixel) const {
  std::optional<sim::net::LinkId> best;
  float best_d = 8.0f;
  for (sim::net::LinkId l = 0; l < net.link_count(); ++l) {
    const auto view = net.link_view(l);
    const sf::Vector2f a = node_pixel(view.a), ab = node_pixel(view.b) - a, ap = pixel - a;
    const float length2 = ab.x * ab.x + ab.y * ab.y;
    if (length2 <= 0) continue;
    const float along = std::clamp((ap.x * ab.x + ap.y * ab.y) / length2, 0.0f, 1.0f);
    const sf::Vector2f d = ap - ab * along;
    const float dist = std::hypot(d.x, d.y);
    if (dist < best_d) best_d = dist, best = l;
  }
  return best;
}

std::optional<Flight> NetworkView::flight_at(sf::Vector2f pixel) const {
  std::optional<Flight> best;
  float best_d = 10.0f;
  for (const auto& [at, i] : drawn_packets_) {
    const sf::Vector2f d = at - pixel;
    const float dist = std::hypot(d.x, d.y);
    if (dist < best_d && i < drawn_scene_->flights().size())
      best_d = dist, best = drawn_scene_->flights()[i];
  }
  return best;
}

void NetworkView::make_sprites() {
  constexpr int kClasses = 5;
  sprites_.create(kClasses * static_cast<unsigned>(kSprite), static_cast<unsigned>(kSprite));
  sprites_.clear(sf::Color::Transparent);
  sf::VertexArray shapes(sf::Triangles);
  for (int c = 0; c < kClasses; ++c) {
    const auto cls = static_cast<PacketClass>(c);
    const sf::Vector2f centre{(static_cast<float>(c) + 0.5f) * kSprite, kSprite / 2};
    packet_shape(shapes, cls, centre, 1.5f, kInk);
    packet_shape(shapes, cls, centre, 0, colour(packet_colour(cls)));
  }
  sprites_.draw(shapes);
  sprites_.display();
  sprites_ready_ = true;
}

}  // namespace mailsim::gui
