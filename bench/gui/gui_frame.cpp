// The window's frame time: a generated network of 200 nodes (a 20 x 10 grid of hosts and
// routers) with 2,000 packets in flight, drawn at 1280x720 into an off-screen target, against
// an empty frame (clear and flush) in the same run. Needs a display: run it under Xvfb, whose
// Mesa software renderer is what a school PC without a GPU driver has. See bench/README.md.
//
//   xvfb-run -a build/bench/gui/gui_frame [--frames F] [--packets P]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <SFML/Graphics.hpp>
#include <SFML/OpenGL.hpp>

#include "scenarios/build/scenario_run.hpp"
#include "sim/net/trace_records.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/network_view.hpp"
#include "ui/gui/panels.hpp"

namespace {

using namespace mailsim;
using Clock = std::chrono::steady_clock;

scenarios::ScenarioModel grid(int columns, int rows) {
  scenarios::ScenarioModel m;
  auto name = [](int x, int y) { return "n" + std::to_string(x) + "-" + std::to_string(y); };
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < columns; ++x) {
      const scenarios::PositionModel at{(x + 0.5) / columns, (y + 0.5) / rows};
      if ((x + y) % 3 == 0) {
        scenarios::RouterModel r;
        r.name = name(x, y);
        r.position = at;
        m.network.routers.push_back(r);
      } else {
        scenarios::HostModel h;
        h.name = name(x, y);
        h.address =
            sim::net::Ipv4Address::parse("10.0." + std::to_string(y) + "." + std::to_string(x + 1));
        h.position = at;
        m.network.hosts.push_back(h);
      }
    }
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < columns; ++x) {
      auto link = [&](int x2, int y2) {
        scenarios::LinkModel l;
        l.a = name(x, y);
        l.b = name(x2, y2);
        l.name = l.a + "_" + l.b;
        m.network.links.push_back(l);
      };
      if (x + 1 < columns) link(x + 1, y);
      if (y + 1 < rows) link(x, y + 1);
    }
  return m;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int frames = 200, packets = 2000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--frames") == 0) frames = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--packets") == 0) packets = std::max(0, std::atoi(argv[i + 1]));
  }
  scenarios::Diagnostics diag("grid");
  scenarios::ScenarioRun run(grid(20, 10), diag);
  if (!run.ok()) {
    std::fputs(diag.render(Lang::en).c_str(), stderr);
    return 2;
  }
  gui::Scene scene(run.sim().trace(), run.network());
  // Packets on every link, both ways, all mid-flight at t = 5 s.
  const auto links = static_cast<std::uint32_t>(run.network().link_count());
  for (int i = 0; i < packets; ++i) {
    sim::net::Packet p;
    p.id = static_cast<std::uint64_t>(i);
    p.ip.protocol = i % 7 == 0 ? sim::net::Protocol::udp : sim::net::Protocol::tcp;
    p.tcp.dst_port = i % 3 == 0 ? 25 : 143;
    p.udp.dst_port = 53;
    p.payload.length = i % 4 == 0 ? 0 : 100;
    sim::net::PacketPlace place;
    place.link_id = static_cast<sim::net::LinkId>(i) % links;
    place.direction = static_cast<std::uint8_t>(i % 2);
    place.start = sim::SimTime(0);
    place.end = std::chrono::seconds(2 + i % 7);
    run.sim().trace().emit<sim::net::PacketRecord>(sim::net::kinds::kPacketTxStart, p, place);
  }
  const sim::SimTime now = std::chrono::seconds(1);

  sf::RenderTexture target;
  if (!target.create(1280, 720)) return 4;
  sf::Font font;
  if (!font.loadFromFile(gui::font_path())) return 4;
  gui::NetworkView view(font, Lang::en);
  view.set_area(gui::layout_for({1280, 720}).network);
  view.load(run.view());

  std::vector<double> empty, full;
  for (int f = 0; f < frames; ++f) {
    auto start = Clock::now();
    target.clear(sf::Color::White);
    target.display();
    glFinish();
    empty.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    start = Clock::now();
    target.clear(sf::Color::White);
    view.draw(target, run.view(), scene, now, {});
    target.display();
    glFinish();
    full.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::printf("nodes=%zu links=%u packets_in_flight=%zu frames=%d\n", run.network().node_count(),
              links, scene.in_flight(now), frames);
  std::printf("empty_frame_ms=%.2f frame_ms=%.2f ratio=%.1f target_ms=16 (medians)\n",
              median(empty), median(full), median(full) / std::max(median(empty), 1e-3));
  std::printf("fastest_empty_frame_ms=%.2f fastest_frame_ms=%.2f\n",
              *std::min_element(empty.begin(), empty.end()),
              *std::min_element(full.begin(), full.end()));
  return 0;
}
