// mailsim-gui [FILE|NAME]: the live window. Opens a scenario (the first mail when none is named)
// and plays it; with --screenshot, runs to --until, saves one frame as PNG and exits. With
// --smtp, --pop3 or --imap, real mail clients come into the run as with `mailsim serve`, and the
// window shows their mail travelling.
#include <iostream>

#include <CLI/CLI.hpp>

#include "ui/cli/bridge_setup.hpp"
#include "ui/cli/help_text.hpp"
#include "ui/cli/options.hpp"
#include "ui/cli/scenario_source.hpp"
#include "ui/cli/serve_tls.hpp"
#include "ui/gui/app.hpp"
#include "ui/gui/panels.hpp"
#include "ui/gui/player.hpp"

namespace {

using mailsim::Lang;
using mailsim::Message;
using mailsim::Text;

inline constexpr Message kAbout{"gui.about",
                                "MailSim's live window: a scenario played with its packets, "
                                "queues and retry timers.",
                                "La fenêtre de MailSim : un scénario joué avec ses paquets, ses "
                                "files d'attente et ses délais de nouvel essai."};
inline constexpr Message kScenarioHelp{"gui.help_scenario",
                                       "a scenario file or a built-in scenario's name",
                                       "un fichier de scénario ou le nom d'un scénario intégré"};
inline constexpr Message kLangHelp{"gui.help_lang", "en or fr", "en ou fr"};
inline constexpr Message kSeedHelp{"gui.help_seed", "the seed of the run",
                                   "la graine de la simulation"};
inline constexpr Message kPausedHelp{"gui.help_paused", "open paused on the first event",
                                     "ouvrir en pause sur le premier événement"};
inline constexpr Message kSpeedHelp{"gui.help_speed", "simulated seconds per real second",
                                    "secondes simulées par seconde réelle"};
inline constexpr Message kUntilHelp{"gui.help_until", "with --screenshot: the time to show",
                                    "avec --screenshot : l'instant à montrer"};
inline constexpr Message kShotHelp{"gui.help_screenshot",
                                   "render one frame into this PNG file and exit",
                                   "dessiner une image dans ce fichier PNG et quitter"};
inline constexpr Message kSizeHelp{"gui.help_size", "window size, e.g. 1280x720",
                                   "taille de la fenêtre, ex. 1280x720"};
inline constexpr Message kPanelHelp{"gui.help_panel",
                                    "the panel to open: {panels} (all: with --screenshot, one "
                                    "picture each)",
                                    "le panneau à ouvrir : {panels} (all : avec --screenshot, "
                                    "une image chacun)"};
inline constexpr Message kReadHelp{"gui.help_read",
                                   "with --screenshot: open this user's newest message",
                                   "avec --screenshot : ouvrir le dernier message de cet "
                                   "utilisateur"};
inline constexpr Message kAnswerHelp{"gui.help_answer",
                                     "with --screenshot: a question shown at --until shows its "
                                     "answer too",
                                     "avec --screenshot : une question posée à --until montre "
                                     "aussi sa réponse"};
inline constexpr Message kProjectorHelp{"gui.help_projector",
                                        "projector mode: larger fonts, stronger contrast (P)",
                                        "mode projecteur : police plus grande, contraste plus "
                                        "fort (P)"};
inline constexpr Message kShowKeysHelp{"gui.help_keys", "show the keyboard shortcuts (F1)",
                                       "montrer les raccourcis clavier (F1)"};
inline constexpr Message kPopOutOption{"gui.help_pop_out",
                                       "show this panel in a window of its own (repeatable)",
                                       "montrer ce panneau dans sa propre fenêtre (répétable)"};
inline constexpr Message kFullScreenHelp{"gui.help_full_screen", "open full screen (F)",
                                         "ouvrir en plein écran (F)"};
inline constexpr Message kBadPanel{"gui.bad_panel",
                                   "{option}: there is no panel '{value}'; write one of {panels}",
                                   "{option} : il n'y a pas de panneau « {value} » ; écrivez "
                                   "l'un de {panels}"};
inline constexpr Message kBadSize{"gui.bad_size",
                                  "--size: '{value}' is not a size; write it as WIDTHxHEIGHT, "
                                  "for example 1280x720",
                                  "--size : « {value} » n'est pas une taille ; écrivez "
                                  "LARGEURxHAUTEUR, par exemple 1280x720"};

bool parse_size(const std::string& text, unsigned& w, unsigned& h) {
  const auto x = text.find('x');
  if (x == std::string::npos) return false;
  try {
    std::size_t used = 0;
    const auto width = std::stoul(text.substr(0, x), &used);
    if (used != x) return false;
    const auto height = std::stoul(text.substr(x + 1), &used);
    if (used != text.size() - x - 1) return false;
    if (width < 320 || height < 240 || width > 8192 || height > 8192) return false;
    w = static_cast<unsigned>(width);
    h = static_cast<unsigned>(height);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Lang lang = mailsim::cli::language(argc, argv);
  auto tr = [lang](const Message& m) { return Text(m).render(lang); };
  CLI::App app(tr(kAbout), "mailsim-gui");
  std::string scenario = "first-mail", lang_text, size = "1280x720";
  std::optional<std::string> seed, until, screenshot;
  std::optional<double> speed;
  bool paused = false;
  app.add_option("scenario", scenario, tr(kScenarioHelp));
  app.add_option("--lang", lang_text, tr(kLangHelp));
  app.add_option("--seed", seed, tr(kSeedHelp));
  app.add_flag("--paused", paused, tr(kPausedHelp));
  app.add_option("--speed", speed, tr(kSpeedHelp))->check(CLI::Range(0.01, 100000.0));
  app.add_option("--until", until, tr(kUntilHelp));
  app.add_option("--screenshot", screenshot, tr(kShotHelp));
  app.add_option("--size", size, tr(kSizeHelp));
  std::string panel = "details";
  std::string panels;
  for (const auto& name : mailsim::gui::side_tab_names())
    panels += (panels.empty() ? "" : ", ") + name;
  app.add_option("--panel", panel, Text(kPanelHelp, {{"panels", panels}}).render(lang));
  std::string read;
  app.add_option("--read", read, tr(kReadHelp));
  bool answer = false;
  app.add_flag("--answer", answer, tr(kAnswerHelp));
  std::vector<std::string> pop_out;
  app.add_option("--pop-out", pop_out, tr(kPopOutOption));
  bool full_screen = false;
  app.add_flag("--full-screen", full_screen, tr(kFullScreenHelp));
  bool projector = false, keys = false;
  app.add_flag("--projector", projector, tr(kProjectorHelp));
  app.add_flag("--keys", keys, tr(kShowKeysHelp));
  // Real clients in, read as `mailsim serve` reads them.
  namespace help = mailsim::cli::help;
  mailsim::cli::Options bridged;
  const std::string address = lang == Lang::fr ? "ADRESSE:PORT" : "ADDRESS:PORT";
  app.add_option("--smtp", bridged.smtp, tr(help::kServeSmtp))->type_name(address);
  app.add_option("--pop3", bridged.pop3, tr(help::kServePop3))->type_name(address);
  app.add_option("--imap", bridged.imap, tr(help::kServeImap))->type_name(address);
  app.add_option("--host", bridged.host, tr(help::kServeHost));
  app.add_flag("--no-tls", bridged.no_tls, tr(help::kServeNoTls));
  app.add_option("--cert", bridged.cert, tr(help::kServeCert));
  app.add_option("--key", bridged.key, tr(help::kServeKey));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  mailsim::gui::AppOptions options;
  options.lang = lang;
  options.paused = paused;
  options.speed = speed;
  options.screenshot = screenshot;
  if (!mailsim::gui::side_tab_named(panel) && !(panel == "all" && screenshot)) {
    std::cerr << Text(kBadPanel, {{"option", "--panel"}, {"value", panel}, {"panels", panels}})
                     .render(lang)
              << "\n";
    return 2;
  }
  for (const auto& name : pop_out)
    if (!mailsim::gui::side_tab_named(name)) {
      std::cerr << Text(kBadPanel, {{"option", "--pop-out"}, {"value", name}, {"panels", panels}})
                       .render(lang)
                << "\n";
      return 2;
    }
  options.panel = panel;
  options.pop_out = pop_out;
  options.full_screen = full_screen;
  options.read = read;
  options.answer = answer;
  options.projector = projector;
  options.help = keys;
  if (!parse_size(size, options.width, options.height)) {
    std::cerr << Text(kBadSize, {{"value", size}}).render(lang) << "\n";
    return 2;
  }
  if (!mailsim::cli::parse_seed(seed, lang, options.seed) ||
      !mailsim::cli::parse_until(until, lang, options.until))
    return 2;
  if (bridged.smtp || bridged.pop3 || bridged.imap) {
    if (!mailsim::cli::check_tls_options(bridged, lang)) return 2;
    options.live = [&bridged, lang](mailsim::gui::Player& player) -> std::function<void()> {
      std::shared_ptr<mailsim::cli::BridgeSetup> opened =
          mailsim::cli::open_bridges(bridged, player.run(), {}, 1, lang);
      if (!opened) return {};
      std::cout << std::flush;
      return [opened] { opened->bridge->pump(); };
    };
  }
  auto model = mailsim::cli::load(scenario, lang);
  if (!model) return 2;
  return mailsim::gui::run_window(*model, options);
}
