// The lesson page in a real browser (Chromium, headless, from Debian; `make deps` installs it):
// the English and the French page render (a screenshot that is not blank, with the page's own
// colours: its headings' and a journey chart's arrows), and the browser logs no console error.
// Skipped, saying why, where Chromium is not installed.
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

std::string browser() {
  for (const char* name : {"chromium", "chromium-browser"})
    if (std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0)
      return name;
  return {};
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
Shot screenshot(const fs::path& page, const std::string& name) {
  const fs::path png = work_dir() / (name + ".png"), log = work_dir() / (name + ".log");
  const std::string cmd = "timeout 180 " + browser() +
                          " --headless --no-sandbox --disable-gpu --hide-scrollbars"
                          " --enable-logging=stderr --v=0 --user-data-dir=" +
                          (work_dir() / ("profile-" + name)).string() +
                          " --window-size=1200,3000 --screenshot=" + png.string() + " file://" +
                          page.string() + " >/dev/null 2>" + log.string();
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

bool console_error(const std::string& log) {
  return log.find(":CONSOLE") != std::string::npos || log.find("Uncaught") != std::string::npos;
}

class LessonPageInBrowser : public testing::Test {
 protected:
  void SetUp() override {
    if (browser().empty())
      GTEST_SKIP() << "Chromium is not installed: `make deps` installs it (package chromium in "
                      "tools/debian-packages.txt), or `apt-get install chromium`";
  }
};

TEST_F(LessonPageInBrowser, RendersInEnglishAndFrenchWithoutConsoleErrors) {
  for (const std::string lang : {"en", "fr"}) {
    const fs::path page = work_dir() / ("first-mail-" + lang + ".html");
    const std::string cmd = std::string(MAILSIM_BIN) + " report first-mail --quiet --lang " + lang +
                            " -o " + page.string();
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    const Shot shot = screenshot(page, "first-mail-" + lang);
    ASSERT_TRUE(shot.taken) << shot.log;
    EXPECT_EQ(shot.image.getSize(), sf::Vector2u(1200, 3000));
    EXPECT_GT(ink(shot.image), 0.05) << lang << ": the page looks blank";
    EXPECT_TRUE(has_colour(shot.image, sf::Color(0x0B, 0x3C, 0x5D))) << lang << ": no heading";
    EXPECT_TRUE(has_colour(shot.image, sf::Color(0x00, 0x72, 0xB2))) << lang << ": no SMTP arrow";
    EXPECT_FALSE(console_error(shot.log)) << lang << ":\n" << shot.log;
  }
}

// The checks above can fail: a page with nothing on it but a script error is seen as blank and
// its error is found in the log.
TEST_F(LessonPageInBrowser, TheChecksSeeABlankPageAndAConsoleError) {
  const fs::path page = work_dir() / "broken.html";
  std::ofstream(page) << "<!DOCTYPE html><html><body><script>no_such_function()</script>"
                         "</body></html>";
  const Shot shot = screenshot(page, "broken");
  ASSERT_TRUE(shot.taken) << shot.log;
  EXPECT_LT(ink(shot.image), 0.01);
  EXPECT_TRUE(console_error(shot.log)) << shot.log;
}

}  // namespace
