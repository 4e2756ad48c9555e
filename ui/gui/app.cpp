#include "ui/gui/app.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <backends/imgui_impl_opengl2.h>
#include <imgui.h>
#include <SFML/Graphics.hpp>

#include "ui/gui/display_check.hpp"
#include "ui/gui/file_names.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/gui_text.hpp"
#include "ui/gui/imgui_sfml.hpp"
#include "ui/gui/network_view.hpp"
#include "ui/gui/panels.hpp"
#include "ui/gui/player.hpp"
#include "ui/gui/question_panel.hpp"

namespace mailsim::gui {

namespace {

const sf::Color kBackground{247, 246, 242};

inline constexpr Message kNoFont{"gui.no_font",
                                 "cannot read the font {path}; install fonts-dejavu-core or set "
                                 "MAILSIM_FONT to a TrueType file",
                                 "impossible de lire la police {path} ; installez "
                                 "fonts-dejavu-core ou donnez un fichier TrueType dans "
                                 "MAILSIM_FONT"};
inline constexpr Message kNoWindow{"gui.no_window",
                                   "cannot open a window (is there a display? DISPLAY is unset "
                                   "or unreachable)",
                                   "impossible d'ouvrir une fenêtre (y a-t-il un écran ? "
                                   "DISPLAY est vide ou injoignable)"};

// The keyboard of the teacher at the projector: time and view (the rest is the App's).
void on_key(sf::Keyboard::Key key, Player& player) {
  switch (key) {
    case sf::Keyboard::Space:
      player.playing = !player.playing;
      break;
    case sf::Keyboard::Right:
      player.step_event();
      break;
    case sf::Keyboard::N:
      player.step_line();
      break;
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal:
      player.speed = std::min(player.speed * 2, Player::kMaxSpeed);
      break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen:
      player.speed = std::max(player.speed / 2, Player::kMinSpeed);
      break;
    case sf::Keyboard::S:
      player.skip_idle = !player.skip_idle;
      break;
    case sf::Keyboard::Home:
      player.restart();
      break;
    default:
      break;
  }
}

bool save_screenshot(sf::RenderWindow& window, const std::string& path) {
  sf::Texture texture;
  if (!texture.create(window.getSize().x, window.getSize().y)) return false;
  texture.update(window);
  return texture.copyToImage().saveToFile(path);
}

// Projector mode: black on white (its larger fonts are ui_scale's).
void set_projector_style(bool on) {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.FrameRounding = 4;
  if (!on) return;
  style.Colors[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
  style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.25f, 0.25f, 0.25f, 1);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
  style.Colors[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.6f);
  style.FrameBorderSize = 1;
}

class App {
 public:
  App(sf::RenderWindow& window, sf::String title, Player& player, Lang lang, const sf::Font& font,
      const ImGuiFonts& fonts)
      : window_(window),
        title_(std::move(title)),
        windowed_(window.getSize()),
        player_(player),
        lang_(lang),
        fonts_(fonts),
        view_(font, lang) {
    layout_ = layout_for(window.getSize());
    view_.set_area(layout_.network);
    view_.load(player.view());
  }

  void open_tab(std::optional<SideTab> tab) { state_.open_tab = tab; }
  void pop_out(SideTab tab) { state_.windows.pop_out(tab); }
  void set_modes(bool projector, bool help) {
    projector_ = projector;
    help_ = help;
    relayout();
  }
  // Opens the newest message of `user` (in any folder) in the Mailboxes panel.
  void read_newest(const std::string& user) {
    for (const auto& box : mailboxes(player_.view()))
      if (box.user == user)
        for (const auto& folder : box.folders)
          for (const auto& m : folder.messages)
            state_.open_message = MessageRef{box.server, box.user, folder.name, m.uid};
  }

  void handle(const sf::Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    const bool taken = imgui_sfml::process_event(io, e);
    switch (e.type) {
      case sf::Event::Closed:
        window_.close();
        break;
      case sf::Event::Resized:
        window_.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(e.size.width),
                                               static_cast<float>(e.size.height))));
        relayout();
        break;
      case sf::Event::KeyPressed:
        if (!taken) key(e.key.code);
        break;
      case sf::Event::TextEntered:
        if (!taken && e.text.unicode == '?') help_ = !help_;
        break;
      case sf::Event::MouseWheelScrolled:
        if (!taken && inside(e.mouseWheelScroll.x, e.mouseWheelScroll.y))
          view_.zoom(
              e.mouseWheelScroll.delta > 0 ? 1.15f : 1 / 1.15f,
              {static_cast<float>(e.mouseWheelScroll.x), static_cast<float>(e.mouseWheelScroll.y)});
        break;
      case sf::Event::MouseButtonPressed:
        if (!taken && inside(e.mouseButton.x, e.mouseButton.y)) press(e.mouseButton);
        break;
      case sf::Event::MouseButtonReleased:
        if (dragging_ && moved_)
          player_.place(player_.view().network().name(*dragging_),
                        view_.move_node(*dragging_, last_mouse_));
        dragging_.reset();
        moved_ = false;
        panning_ = false;
        break;
      case sf::Event::MouseMoved:
        move({static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y)});
        break;
      default:
        break;
    }
  }

  // A key the teacher pressed (handle() passes those ImGui does not take).
  void key(sf::Keyboard::Key code) {
    if (lesson_key(code, player_)) return;
    switch (code) {
      case sf::Keyboard::L:
        lang_ = lang_ == Lang::en ? Lang::fr : Lang::en;
        view_.set_lang(lang_, player_.view());
        break;
      case sf::Keyboard::P:
        projector_ = !projector_;
        set_projector_style(projector_);
        relayout();
        break;
      case sf::Keyboard::C:
        state_.screenshot = true;
        break;
      case sf::Keyboard::F:
        toggle_full_screen();
        break;
      case sf::Keyboard::F1:
        help_ = !help_;
        break;
      case sf::Keyboard::Escape:
        help_ = false;
        break;
      default:
        on_key(code, player_);
    }
  }

  void frame(float seconds) {
    ImGuiIO& io = ImGui::GetIO();
    imgui_sfml::new_frame(io, window_.getSize(), seconds);
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
    toolbar(player_, state_, fonts_, lang_, layout_);
    side_panel(player_, state_, view_, lang_, layout_);
    const bool relayout_wanted = state_.wide != layout_.wide;
    bottom_panel(player_, state_, lang_, layout_);
    state_.menus.draw(player_, lang_, state_.notice);
    question_overlay(player_, fonts_, lang_);
    if (help_) help_overlay(lang_);
    hover_tooltip(io);
    ImGui::Render();

    window_.clear(kBackground);
    view_.draw(window_, player_.view(), player_.scene(), player_.now(), state_.selection);
    window_.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    window_.popGLStates();
    if (state_.screenshot) {
      state_.screenshot = false;
      const std::string path = free_file_name("mailsim", ".png");
      state_.notice = save_screenshot(window_, path)
                          ? Text(msg::kShotSaved, {{"path", path}}).render(lang_)
                          : Text(msg::kCannotWrite, {{"path", path}}).render(lang_);
    }
    // A tab that wants the width (or gives it back): the next frame is laid out for it.
    if (relayout_wanted) relayout();
  }

 private:
  void relayout() {
    const float scale = ui_scale(window_.getSize(), projector_);
    ImGui::GetIO().FontGlobalScale = scale;
    layout_ = layout_for(window_.getSize(), scale, state_.wide);
    view_.set_area(layout_.network);
    view_.fit();
  }

  // F: the whole screen for the projector, or back to the window it was.
  void toggle_full_screen() {
    full_screen_ = !full_screen_;
    if (full_screen_) windowed_ = window_.getSize();
    const sf::VideoMode mode =
        full_screen_ ? sf::VideoMode::getDesktopMode() : sf::VideoMode(windowed_.x, windowed_.y);
    const sf::ContextSettings settings = window_.getSettings();
    window_.create(mode, title_, full_screen_ ? sf::Style::Fullscreen : sf::Style::Default,
                   settings);
    window_.setFramerateLimit(60);
    const sf::Vector2u size = window_.getSize();
    window_.setView(
        sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
    relayout();
  }

  // What is under the mouse on the network, in one line.
  void hover_tooltip(const ImGuiIO& io) {
    if (io.WantCaptureMouse ||
        !inside(static_cast<int>(io.MousePos.x), static_cast<int>(io.MousePos.y)))
      return;
    if (auto f = view_.flight_at({io.MousePos.x, io.MousePos.y}))
      ImGui::SetTooltip("%s", packet_summary(*f, lang_).c_str());
  }

  bool inside(int x, int y) const {
    return layout_.network.contains(static_cast<float>(x), static_cast<float>(y));
  }

  void press(const sf::Event::MouseButtonEvent& b) {
    const sf::Vector2f at{static_cast<float>(b.x), static_cast<float>(b.y)};
    last_mouse_ = at;
    if (b.button == sf::Mouse::Right) {
      // A host's or a link's menu: what a person may do to it.
      if (auto node = view_.node_at(at))
        state_.menus.open_host_menu(*node);
      else if (auto link = view_.link_at(player_.view().network(), at))
        state_.menus.open_link_menu(*link);
      else
        panning_ = true;
      return;
    }
    if (b.button != sf::Mouse::Left) {
      panning_ = true;
      return;
    }
    state_.selection.packet = view_.flight_at(at);
    state_.selection.node.reset();
    if (state_.selection.packet) return;
    state_.selection.node = view_.node_at(at);
    if (!state_.selection.node) {
      panning_ = true;  // a drag on empty ground moves the view
      return;
    }
    dragging_ = state_.selection.node;
    // A mail server selects the last message it took, to show that message's way.
    const sim::net::NodeId node = *state_.selection.node;
    const auto& journeys = player_.scene().journeys();
    for (std::size_t i = journeys.size(); i-- > 0;)
      if (std::any_of(journeys[i].hops.begin(), journeys[i].hops.end(),
                      [&](const Hop& h) { return h.node == node; })) {
        state_.selection.journey = i;
        break;
      }
  }

  void move(sf::Vector2f at) {
    if (dragging_) {
      view_.move_node(*dragging_, at);
      moved_ = true;
    } else if (panning_)
      view_.pan(at - last_mouse_);
    last_mouse_ = at;
  }

  sf::RenderWindow& window_;
  sf::String title_;
  sf::Vector2u windowed_;  // the window's size before full screen
  bool full_screen_ = false;
  Player& player_;
  Lang lang_;
  const ImGuiFonts& fonts_;
  NetworkView view_;
  Layout layout_;
  PanelState state_;
  bool projector_ = false;
  bool help_ = false;
  std::optional<sim::net::NodeId> dragging_;
  bool panning_ = false;
  bool moved_ = false;
  sf::Vector2f last_mouse_;
};

}  // namespace

int run_window(const scenarios::ScenarioModel& scenario, const AppOptions& o) {
  scenarios::Diagnostics diag("");
  Player player(scenario, o.seed, diag);
  if (!player.ok()) {
    std::cerr << diag.render(o.lang);
    return 2;
  }
  std::function<void()> pump_bridge;
  if (o.live) {
    player.go_live();
    if (!(pump_bridge = o.live(player))) return 2;
  }
  if (o.speed) player.speed = std::clamp(*o.speed, Player::kMinSpeed, Player::kMaxSpeed);
  player.playing = !o.paused && !o.screenshot;

  if (!display_reachable()) {
    std::cerr << Text(kNoWindow).render(o.lang) << "\n";
    return 4;
  }
  sf::Font font;
  if (!font.loadFromFile(font_path())) {
    std::cerr << Text(kNoFont, {{"path", font_path()}}).render(o.lang) << "\n";
    return 4;
  }
  sf::ContextSettings gl;
  gl.antialiasingLevel = 4;
  const std::string title = "MailSim - " + scenario.title.in(o.lang);
  sf::RenderWindow window(sf::VideoMode(o.width, o.height),
                          sf::String::fromUtf8(title.begin(), title.end()), sf::Style::Default, gl);
  if (!window.isOpen()) {
    std::cerr << Text(kNoWindow).render(o.lang) << "\n";
    return 4;
  }
  if (!o.screenshot) window.setFramerateLimit(60);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini left in the user's folder
  imgui_sfml::init(io);
  ImGuiFonts fonts;
  if (!load_imgui_fonts(io, 17.0f, 34.0f, fonts)) {
    std::cerr << Text(kNoFont, {{"path", font_path()}}).render(o.lang) << "\n";
    ImGui::DestroyContext();
    return 4;
  }
  set_projector_style(o.projector);
  ImGui_ImplOpenGL2_Init();

  int status = 0;
  {
    App app(window, sf::String::fromUtf8(title.begin(), title.end()), player, o.lang, font, fonts);
    app.open_tab(side_tab_named(o.panel));
    for (const auto& name : o.pop_out)
      if (auto tab = side_tab_named(name)) app.pop_out(*tab);
    app.set_modes(o.projector, o.help);
    if (o.full_screen) app.key(sf::Keyboard::F);  // as the teacher's key does it
    if (o.screenshot) {
      if (o.until) player.seek(*o.until);
      if (o.answer) player.reveal_answer();
      if (!o.read.empty()) app.read_newest(o.read);
      // One picture, or with --panel all one per tab: out-details.png, out-dialogues.png...
      std::vector<std::pair<std::optional<SideTab>, std::string>> shots{
          {std::nullopt, *o.screenshot}};
      if (o.panel == "all") {
        shots.clear();
        const std::filesystem::path path(*o.screenshot);
        for (const auto& name : side_tab_names())
          shots.emplace_back(
              side_tab_named(name),
              (path.parent_path() / (path.stem().string() + "-" + name + path.extension().string()))
                  .string());
      }
      for (const auto& [tab, file] : shots) {
        if (tab) app.open_tab(tab);
        // A few frames, so that ImGui has measured its windows before the one captured. Each
        // counts as a second for ImGui: a tab bar scrolling to the tab asked for ends its slide
        // (it moves 70 font sizes a second), rather than being caught halfway with the first
        // tab cut and the one asked for out of sight.
        for (int i = 0; i < 3; ++i) {
          player.advance(std::chrono::duration<double>(0));
          app.frame(1.0f);
        }
        if (!save_screenshot(window, file)) {
          std::cerr << Text(msg::kCannotWrite, {{"path", file}}).render(o.lang) << "\n";
          status = 4;
        }
        window.display();
      }
      if (status == 0 && player.failure()) status = 3;
    } else {
      sf::Clock clock;
      while (window.isOpen()) {
        sf::Event e;
        while (window.pollEvent(e))
          app.handle(e);
        const float dt = clock.restart().asSeconds();
        if (pump_bridge) pump_bridge();
        player.advance(std::chrono::duration<double>(dt));
        app.frame(dt);
        window.display();
      }
    }
  }
  ImGui_ImplOpenGL2_Shutdown();
  ImGui::DestroyContext();
  return status;
}

}  // namespace mailsim::gui
