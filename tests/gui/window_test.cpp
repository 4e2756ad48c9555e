// The window's drawing, under Xvfb (run by CTest through xvfb-run -a): nodes in their role's
// colour where the view says they are, packets in flight on their link, every library scenario
// played to its end frame by frame, going back in time giving the same picture, and the
// program's headless capture in English and French.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>
#include <SFML/Graphics.hpp>

#include "scenarios/library/builtin.hpp"
#include "tests/gui/gui_model.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/network_view.hpp"
#include "ui/gui/panels.hpp"
#include "ui/gui/player.hpp"

namespace mailsim::gui {
namespace {

using namespace std::chrono_literals;
using test::player_of;

class Window : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run under xvfb-run -a";
    font_ = new sf::Font;
    ASSERT_TRUE(font_->loadFromFile(font_path()));
  }
  static void TearDownTestSuite() { delete font_; }

  void SetUp() override { ASSERT_TRUE(target_.create(1280, 720)); }

  std::unique_ptr<NetworkView> view_of(const Player& p) {
    auto view = std::make_unique<NetworkView>(*font_, Lang::en);
    view->set_area(layout_for({1280, 720}).network);
    view->load(p.view());
    return view;
  }

  // A view that lives as long as the test.
  NetworkView* view_of_keep(const Player& p) {
    views_.push_back(view_of(p));
    return views_.back().get();
  }

  sf::Image draw(const Player& p, NetworkView& view, const Selection& selection = {}) {
    target_.clear(sf::Color::White);
    view.draw(target_, p.view(), p.scene(), p.now(), selection);
    target_.display();
    return target_.getTexture().copyToImage();
  }

  // True when a pixel of `colour` is within `radius` pixels of `at`.
  static bool colour_near(const sf::Image& image, sf::Vector2f at, sf::Color colour, int radius) {
    for (int dy = -radius; dy <= radius; ++dy)
      for (int dx = -radius; dx <= radius; ++dx) {
        const int x = static_cast<int>(at.x) + dx, y = static_cast<int>(at.y) + dy;
        if (x < 0 || y < 0 || x >= static_cast<int>(image.getSize().x) ||
            y >= static_cast<int>(image.getSize().y))
          continue;
        if (image.getPixel(x, y) == colour) return true;
      }
    return false;
  }

  static sf::Color sfml(Rgb c) { return sf::Color(c.r, c.g, c.b); }

  static sf::Font* font_;
  sf::RenderTexture target_;
  std::vector<std::unique_ptr<NetworkView>> views_;
};

sf::Font* Window::font_ = nullptr;

TEST_F(Window, EachNodeIsDrawnInItsRolesColourWhereTheViewPutsIt) {
  auto p = player_of("first-mail");
  auto& view = *view_of_keep(*p);
  const sf::Image image = draw(*p, view);
  const auto& net = p->view().network();
  std::set<NodeRole> seen;
  for (sim::net::NodeId n = 0; n < net.node_count(); ++n) {
    const NodeRole role = view.role(n);
    seen.insert(role);
    EXPECT_TRUE(colour_near(image, view.node_pixel(n), sfml(role_colour(role)), 8)) << net.name(n);
  }
  // first-mail has clients, a submission server, a mailbox server, a DNS server and routers.
  EXPECT_EQ(seen, (std::set<NodeRole>{NodeRole::client, NodeRole::submission, NodeRole::mailbox,
                                      NodeRole::dns, NodeRole::router}));
  EXPECT_EQ(view.role(net.node("alice-pc")), NodeRole::client);
  EXPECT_EQ(view.role(net.node("smtp.a.example")), NodeRole::submission);
  EXPECT_EQ(view.role(net.node("mx.b.example")), NodeRole::mailbox);
}

TEST_F(Window, PacketsInFlightAreDrawnOnTheirLink) {
  auto p = player_of("first-mail");
  auto& view = *view_of_keep(*p);
  p->seek(1s);
  int checked = 0;
  for (int i = 0; i < 400 && checked < 20; ++i) {
    p->step_event();
    p->advance(std::chrono::duration<double>(0));
    const sf::Image image = draw(*p, view);
    for (const auto& f : p->scene().flights()) {
      if (f.arrive <= p->now()) continue;
      const auto link = p->view().network().link_view(f.link);
      const sf::Vector2f a = view.node_pixel(link.a), b = view.node_pixel(link.b);
      const sf::Vector2f at = view.packet_pixel(p->view(), f, p->now());
      // On the segment between the link's ends, a few pixels to the side of its direction.
      const sf::Vector2f ab = b - a, aat = at - a;
      const float length = std::hypot(ab.x, ab.y);
      const float along = (aat.x * ab.x + aat.y * ab.y) / length;
      const float across = std::abs(aat.x * ab.y - aat.y * ab.x) / length;
      EXPECT_GE(along, -0.5f);
      EXPECT_LE(along, length + 0.5f);
      EXPECT_LE(across, 7.0f);
      // Nodes are drawn under packets only where they overlap: check packets clear of nodes.
      if (std::hypot(at.x - a.x, at.y - a.y) > 30 && std::hypot(at.x - b.x, at.y - b.y) > 30) {
        EXPECT_TRUE(colour_near(image, at, sfml(packet_colour(f.cls)), 3))
            << "packet " << f.packet.id << " on " << link.name;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 5);
}

TEST_F(Window, EveryLibraryScenarioPlaysToItsEndFrameByFrame) {
  for (const auto& s : scenarios::builtin_scenarios()) {
    auto p = player_of(s.name);
    auto& view = *view_of_keep(*p);
    p->speed = Player::kMaxSpeed;
    int frames = 0;
    while (!p->finished() && frames < 20000) {
      p->go_on();  // a lesson's question: the teacher presses Space
      p->advance(std::chrono::duration<double>(1.0 / 30));
      target_.clear(sf::Color::White);
      view.draw(target_, p->view(), p->scene(), p->now(), {});
      ++frames;
    }
    EXPECT_TRUE(p->finished()) << s.name;
    EXPECT_FALSE(p->failure().has_value()) << s.name << ": " << p->failure()->what;
  }
}

TEST_F(Window, GoingBackInTimeDrawsTheSamePictureAsPlaying) {
  auto played = player_of("congested-link");
  auto scrubbed = player_of("congested-link");
  auto& view = *view_of_keep(*played);
  // A moment with packets in flight, to compare more than the nodes.
  sim::SimTime t = 1s;
  played->seek(t);
  for (int i = 0; i < 10000 && played->scene().in_flight(played->now()) < 3; ++i)
    played->step_event();
  t = played->now();
  played->advance(std::chrono::duration<double>(0));
  ASSERT_GE(played->scene().in_flight(t), 3u);
  scrubbed->seek(scrubbed->end());
  scrubbed->seek(t);
  scrubbed->advance(std::chrono::duration<double>(0));
  const sf::Image a = draw(*played, view), b = draw(*scrubbed, view);
  ASSERT_EQ(a.getSize(), b.getSize());
  EXPECT_EQ(0, std::memcmp(a.getPixelsPtr(), b.getPixelsPtr(), a.getSize().x * a.getSize().y * 4));
}

int run_with(const std::string& prefix, const std::string& args) {
  const std::string command = prefix + " " + std::string(MAILSIM_GUI_BIN) + " " + args + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run(const std::string& args) {
  return run_with("", args);
}

// The first user with a mailbox in a scenario ("-" when none has one).
std::string first_user(std::string_view scenario) {
  for (const auto& server : test::builtin(scenario).mail.servers)
    if (!server.users.empty()) return server.users.begin()->first;
  return "-";
}

TEST_F(Window, TheProgramCapturesOneFrameInEnglishAndFrench) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("mailsim-gui-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (auto lang : {"en", "fr"}) {
    const auto png = dir / (std::string("first-mail-") + lang + ".png");
    std::filesystem::remove(png);
    ASSERT_EQ(run("first-mail --until 00:00:01.2 --screenshot " + png.string() + " --lang " + lang),
              0);
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile(png.string()));
    EXPECT_EQ(image.getSize(), sf::Vector2u(1280, 720));
    // The network is there: the submission server's yellow somewhere in the picture.
    bool found = false;
    for (unsigned y = 0; y < 720 && !found; ++y)
      for (unsigned x = 0; x < 1280 && !found; ++x)
        found = image.getPixel(x, y) == sfml(role_colour(NodeRole::submission));
    EXPECT_TRUE(found) << lang;
  }
  // Another size, and a scenario given by file.
  const auto png = dir / "small.png";
  ASSERT_EQ(run(std::string(MAILSIM_SOURCE_DIR) +
                "/scenarios/library/backup-mx.yaml --until 1h "
                "--size 800x600 --screenshot " +
                png.string()),
            0);
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(png.string()));
  EXPECT_EQ(image.getSize(), sf::Vector2u(800, 600));
}

TEST_F(Window, EachPanelRendersForEveryLibraryScenario) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("mailsim-gui-panels-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const auto& s : scenarios::builtin_scenarios()) {
    // At the end of the run, where each panel has the most to show; the newest message of the
    // scenario's first mailbox user opened. One picture per panel.
    const auto png = dir / (std::string(s.name) + ".png");
    for (const auto& panel : side_tab_names())
      std::filesystem::remove(dir / (std::string(s.name) + "-" + panel + ".png"));
    const std::string lang = s.name.size() % 2 == 0 ? "en" : "fr";
    EXPECT_EQ(run(std::string(s.name) + " --until 30d --panel all --read " + first_user(s.name) +
                  " --lang " + lang + " --screenshot " + png.string()),
              0)
        << s.name;
    for (const auto& panel : side_tab_names())
      EXPECT_TRUE(std::filesystem::exists(dir / (std::string(s.name) + "-" + panel + ".png")))
          << s.name << " " << panel;
  }
}

TEST_F(Window, TheProjectorModeAndTheShortcutsRenderInBothLanguages) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("mailsim-gui-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (auto lang : {"en", "fr"}) {
    const auto png = dir / (std::string("keys-") + lang + ".png");
    std::filesystem::remove(png);
    EXPECT_EQ(run("first-mail --until 1s --projector --keys --lang " + std::string(lang) +
                  " --screenshot " + png.string()),
              0);
    EXPECT_TRUE(std::filesystem::exists(png)) << lang;
  }
  // The panels grow with the fonts, the network keeps the rest.
  const Layout normal = layout_for({1280, 720}), large = layout_for({1280, 720}, 1.5f);
  EXPECT_GT(large.toolbar, normal.toolbar);
  EXPECT_GT(large.side, normal.side);
  EXPECT_LT(large.network.width, normal.network.width);
  EXPECT_LE(large.side, 640);
  // The text grows with the window's size (a full-screen projector), within bounds; a wide but
  // low window keeps it as it is.
  EXPECT_FLOAT_EQ(ui_scale({1280, 720}, false), 1.0f);
  EXPECT_FLOAT_EQ(ui_scale({800, 600}, false), 1.0f);
  EXPECT_FLOAT_EQ(ui_scale({1920, 1080}, false), 1.5f);
  EXPECT_FLOAT_EQ(ui_scale({3840, 2160}, false), 2.0f);
  EXPECT_FLOAT_EQ(ui_scale({2560, 720}, false), 1.0f);
  EXPECT_FLOAT_EQ(ui_scale({1280, 720}, true), 1.5f);
  EXPECT_FLOAT_EQ(ui_scale({3840, 2160}, true), 2.5f);
}

TEST_F(Window, ACaptureAtAQuestionsTimeShowsItAndItsAnswerOnRequest) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("mailsim-gui-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // first-mail asks its third question at 00:01:01; 00:01:02 shows none.
  auto shot = [&](const std::string& args, const std::string& name) {
    const auto png = dir / name;
    EXPECT_EQ(run("first-mail --panel story " + args + " --screenshot " + png.string()), 0);
    sf::Image image;
    EXPECT_TRUE(image.loadFromFile(png.string()));
    return image;
  };
  const sf::Image none = shot("--until 62s", "no-question.png");
  const sf::Image asked = shot("--until 61s", "question.png");
  const sf::Image answered = shot("--until 61s --answer", "answer.png");
  shot("--until 61s --answer --lang fr", "answer-fr.png");
  // The question covers the middle of the network, where the ground shows otherwise.
  auto ground_in_middle = [](const sf::Image& image) {
    int n = 0;
    for (unsigned y = 340; y < 400; ++y)
      for (unsigned x = 360; x < 440; ++x)
        n += image.getPixel(x, y) == sf::Color(247, 246, 242) ? 1 : 0;
    return n;
  };
  EXPECT_GT(ground_in_middle(none), 1000);
  EXPECT_EQ(ground_in_middle(asked), 0);
  // The answer adds lines under the question.
  EXPECT_FALSE(std::equal(asked.getPixelsPtr(),
                          asked.getPixelsPtr() + asked.getSize().x * asked.getSize().y * 4,
                          answered.getPixelsPtr()));
}

// The number of pixels of the network's ground colour in a rectangle of the picture.
int ground_in(const sf::Image& image, unsigned x0, unsigned y0, unsigned x1, unsigned y1) {
  int n = 0;
  for (unsigned y = y0; y < y1; ++y)
    for (unsigned x = x0; x < x1; ++x)
      n += image.getPixel(x, y) == sf::Color(247, 246, 242) ? 1 : 0;
  return n;
}

TEST_F(Window, APanelPoppedOutIsAWindowOverTheNetwork) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("mailsim-gui-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto shot = [&](const std::string& args, const std::string& name) {
    const auto png = dir / name;
    EXPECT_EQ(run("first-mail --until 5s " + args + " --screenshot " + png.string()), 0);
    sf::Image image;
    EXPECT_TRUE(image.loadFromFile(png.string()));
    return image;
  };
  // Its window opens at the top left of the network, where the ground shows otherwise.
  const sf::Image docked = shot("--panel dialogues", "docked.png");
  const sf::Image popped = shot("--pop-out dialogues", "popped.png");
  shot("--pop-out console --pop-out queues --lang fr", "popped-fr.png");
  EXPECT_GT(ground_in(docked, 60, 120, 300, 300), 30000);
  EXPECT_LT(ground_in(popped, 60, 120, 300, 300), 1000);
}

TEST_F(Window, ACaptureShowsTheTabAskedForInTheTabBarInFrench) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("mailsim-gui-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto shot = [&](const std::string& panel) {
    const auto png = dir / ("tab-" + panel + ".png");
    EXPECT_EQ(
        run("first-mail --until 30s --lang fr --panel " + panel + " --screenshot " + png.string()),
        0);
    sf::Image image;
    EXPECT_TRUE(image.loadFromFile(png.string()));
    return image;
  };
  // The selected tab's colour, read on Détails, the first tab, selected by default.
  const sf::Image details = shot("details");
  const sf::Color selected = details.getPixel(911, 76);
  // A tab further on: the bar has scrolled to it when the picture is taken.
  for (const std::string panel : {"queues", "story", "expectations"}) {
    const sf::Image image = shot(panel);
    int n = 0;
    for (unsigned y = 72; y < 93; ++y)  // above the line under the tabs, of the same colour
      for (unsigned x = 880; x < 1280; ++x)
        n += image.getPixel(x, y) == selected ? 1 : 0;
    EXPECT_GT(n, 200) << panel << ": its tab is not in sight";
  }
}

TEST_F(Window, TheFKeyFillsTheScreen) {
  // xvfb-run's screen is 1600x1000 (the test's command); the window opens at 1280x720.
  const auto png = std::filesystem::temp_directory_path() /
                   ("mailsim-gui-full-" + std::to_string(::getpid()) + ".png");
  ASSERT_EQ(run("first-mail --until 1s --full-screen --screenshot " + png.string()), 0);
  sf::Image image;
  ASSERT_TRUE(image.loadFromFile(png.string()));
  EXPECT_EQ(image.getSize(), sf::VideoMode::getDesktopMode().width == 0
                                 ? sf::Vector2u(1280, 720)
                                 : sf::Vector2u(sf::VideoMode::getDesktopMode().width,
                                                sf::VideoMode::getDesktopMode().height));
  EXPECT_NE(image.getSize(), sf::Vector2u(1280, 720));
  std::filesystem::remove(png);
}

TEST_F(Window, TheProgramRefusesWrongArgumentsWithStatus2) {
  EXPECT_EQ(run("no-such-scenario --screenshot /tmp/x.png"), 2);
  EXPECT_EQ(run("first-mail --size big --screenshot /tmp/x.png"), 2);
  EXPECT_EQ(run("first-mail --until soon --screenshot /tmp/x.png"), 2);
  EXPECT_EQ(run("first-mail --panel nowhere --screenshot /tmp/x.png"), 2);
  EXPECT_EQ(run("first-mail --pop-out nowhere --screenshot /tmp/x.png"), 2);
}

TEST_F(Window, WithoutADisplayTheProgramSaysSoWithStatus4) {
  // What `make run` relies on to fall back to the terminal (SFML alone would abort).
  EXPECT_EQ(run_with("env -u DISPLAY", "first-mail"), 4);
  EXPECT_EQ(run_with("env DISPLAY=:9999", "first-mail"), 4);
}

}  // namespace
}  // namespace mailsim::gui
