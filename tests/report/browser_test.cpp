// The lesson page in real browsers (Chromium and Firefox ESR, headless, from Debian; `make deps`
// installs both): the English and the French page render (a screenshot that is not blank, with
// the page's own colours: its headings' and a journey chart's arrows), and the browser logs no
// console error. Each browser not installed is skipped, saying why.
#include <gtest/gtest.h>
#include <unistd.h>

#include <SFML/Graphics/Image.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

fs::path work_dir() {
  const fs::path dir = fs::temp_directory_path() / ("mailsim-browser-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir;
}

// A browser as the tests drive it: how to take a screenshot, and how its log shows a page's
// errors (the browser's own messages, about the network it cannot reach, are not the page's).
struct Browser {
  const char* name;  // its Debian package and command
  std::string (*command)(const fs::path& page, const fs::path& png, const fs::path& profile);
  bool (*page_error)(const std::string& log_line);
};

const Browser kChromium{"chromium",
                        [](const fs::path& page, const fs::path& png, const fs::path& profile) {
                          return "chromium --headless --no-sandbox --disable-gpu --hide-scrollbars"
                                 " --enable-logging=stderr --v=0 --user-data-dir=" +
                                 profile.string() +
                                 " --window-size=1200,3000 --screenshot=" + png.string() +
                                 " file://" + page.string();
                        },
                        [](const std::string& line) {
                          return line.find(":CONSOLE") != std::string::npos ||
                                 line.find("Uncaught") != std::string::npos;
                        }};

// Firefox prints the page's console to standard output only when its profile asks for it (script
// errors need the window dump too).
const Browser kFirefox{
    "firefox-esr",
    [](const fs::path& page, const fs::path& png, const fs::path& profile) {
      fs::create_directories(profile);
      std::ofstream(profile / "user.js")
          << "user_pref(\"devtools.console.stdout.content\", true);\n"
             "user_pref(\"devtools.console.stdout.chrome\", true);\n"
             "user_pref(\"javascript.options.showInConsole\", true);\n"
             "user_pref(\"browser.dom.window.dump.enabled\", true);\n";
      return "firefox-esr --headless --no-remote --profile " + profile.string() +
             " --window-size=1200,3000 --screenshot " + png.string() + " file://" + page.string();
    },
    [](const std::string& line) {
      // A script error names the page's file; a console.error call from the page is a quoted
      // string (the browser's own console errors name their module first).
      return line.starts_with("JavaScript error: file://") || line.starts_with("console.error: \"");
    }};

bool installed(const Browser& b) {
  return std::system((std::string("command -v ") + b.name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Shot {
  bool taken = false;
  sf::Image image;
  std::string log;  // what the browser wrote on standard error
};

// A screenshot 1200 pixels wide and 3000 high of `page`, with the browser's log.
Shot screenshot(const Browser& b, const fs::path& page, const std::string& name) {
  const std::string shot_name = std::string(b.name) + "-" + name;
  const fs::path png = work_dir() / (shot_name + ".png"), log = work_dir() / (shot_name + ".log");
  const std::string cmd = "timeout 180 " +
                          b.command(page, png, work_dir() / ("profile-" + shot_name)) + " >" +
                          log.string() + " 2>&1";
  Shot shot;
  shot.taken = std::system(cmd.c_str()) == 0 && shot.image.loadFromFile(png.string());
  shot.log = read(log);
  return shot;
}

// The share of pixels that are not (nearly) white.
double ink(const sf::Image& image) {
  const auto size = image.getSize();
  std::size_t inked = 0;
  for (unsigned y = 0; y < size.y; ++y)
    for (unsigned x = 0; x < size.x; ++x) {
      const sf::Color c = image.getPixel(x, y);
      inked += (c.r < 235 || c.g < 235 || c.b < 235) ? 1 : 0;
    }
  return static_cast<double>(inked) / (static_cast<double>(size.x) * size.y);
}

bool has_colour(const sf::Image& image, sf::Color colour) {
  const auto size = image.getSize();
  for (unsigned y = 0; y < size.y; ++y)
    for (unsigned x = 0; x < size.x; ++x) {
      const sf::Color c = image.getPixel(x, y);
      if (std::abs(c.r - colour.r) < 8 && std::abs(c.g - colour.g) < 8 &&
          std::abs(c.b - colour.b) < 8)
        return true;
    }
  return false;
}

bool console_error(const Browser& b, const std::string& log) {
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);)
    if (b.page_error(line)) return true;
  return false;
}

class LessonPageInBrowser : public testing::TestWithParam<const Browser*> {
 protected:
  void SetUp() override {
    if (!installed(*GetParam()))
      GTEST_SKIP() << GetParam()->name << " is not installed: `make deps` installs it (package "
                   << GetParam()->name << " in tools/debian-packages.txt), or `apt-get install "
                   << GetParam()->name << "`";
  }
};

TEST_P(LessonPageInBrowser, RendersInEnglishAndFrenchWithoutConsoleErrors) {
  const Browser& b = *GetParam();
  for (const std::string lang : {"en", "fr"}) {
    const fs::path page = work_dir() / ("first-mail-" + lang + ".html");
    const std::string cmd = std::string(MAILSIM_BIN) + " report first-mail --quiet --lang " + lang +
                            " -o " + page.string();
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    const Shot shot = screenshot(b, page, "first-mail-" + lang);
    ASSERT_TRUE(shot.taken) << shot.log;
    EXPECT_EQ(shot.image.getSize(), sf::Vector2u(1200, 3000));
    EXPECT_GT(ink(shot.image), 0.05) << lang << ": the page looks blank";
    EXPECT_TRUE(has_colour(shot.image, sf::Color(0x0B, 0x3C, 0x5D))) << lang << ": no heading";
    EXPECT_TRUE(has_colour(shot.image, sf::Color(0x00, 0x72, 0xB2))) << lang << ": no SMTP arrow";
    EXPECT_FALSE(console_error(b, shot.log)) << lang << ":\n" << shot.log;
  }
}

// The checks above can fail: a page with nothing on it but a script error (and a console.error
// call) is seen as blank and its errors are found in the log.
TEST_P(LessonPageInBrowser, TheChecksSeeABlankPageAndAConsoleError) {
  const Browser& b = *GetParam();
  int n = 0;
  for (const std::string script : {"no_such_function()", "console.error('broken')"}) {
    const std::string name = "broken-" + std::to_string(++n);
    const fs::path page = work_dir() / (name + ".html");
    std::ofstream(page) << "<!DOCTYPE html><html><body><script>" << script
                        << "</script></body></html>";
    const Shot shot = screenshot(b, page, name);
    ASSERT_TRUE(shot.taken) << shot.log;
    EXPECT_LT(ink(shot.image), 0.01);
    EXPECT_TRUE(console_error(b, shot.log)) << script << ":\n" << shot.log;
  }
}

INSTANTIATE_TEST_SUITE_P(Debian, LessonPageInBrowser, testing::Values(&kChromium, &kFirefox),
                         [](const testing::TestParamInfo<const Browser*>& info) {
                           return std::string(info.param->name == std::string("chromium")
                                                  ? "Chromium"
                                                  : "Firefox");
                         });

}  // namespace
