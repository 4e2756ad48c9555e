// Text from a scenario is inert: escape sequences in a title, a subject or a client's name never
// reach the terminal raw, whatever the command and the language (docs/security.md). ESC is spelt
// out as \x1B, like every other control character. (Names and addresses cannot hold one at all:
// broken/names-with-line-breaks.yaml.)
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli_helpers.hpp"

using namespace mailsim_test;
namespace fs = std::filesystem;

namespace {

// The first mail, with escape sequences (clear the screen, set the window title, red, a bell,
// a C1 CSI) wherever the file has free text.
std::string hostile_first_mail() {
  std::string text = read_file(library("first-mail.yaml"));
  auto put = [&text](const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  };
  put("en: The first mail", R"(en: "\e[2JThe first mail\e]0;owned\a")");
  put("fr: Le premier courriel", R"(fr: "\e[2JLe premier courriel\x9b31m")");
  put("subject: Bonjour Bob", R"(subject: "Bonjour \e[31mBob\r")");
  put("name: alice\n", "name: \"ali\\e[5mce\"\n");
  put("client: alice\n", "client: \"ali\\e[5mce\"\n");
  return text;
}

class InertText : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mailsim-inert-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    file_ = (dir_ / "hostile.yaml").string();
    std::ofstream(file_) << hostile_first_mail();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string file_;
};

}  // namespace

TEST_F(InertText, NoEscapeByteReachesTheTerminal) {
  for (const std::string& command :
       {"run " + file_, "run " + file_ + " --transcript --show-messages", "--lang fr run " + file_,
        "check " + file_, "--lang fr check " + file_, "validate " + file_}) {
    const Result r = run(command);
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << command << "\n" << r.out;
    EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << command;
    EXPECT_EQ(r.out.find('\a'), std::string::npos) << command;
  }
}

TEST_F(InertText, EscapesAreSpeltOutWhereTheTextIsShown) {
  const Result en = run("run " + file_);
  EXPECT_NE(en.out.find(R"(\x1B[2JThe first mail\x1B]0;owned\x07)"), std::string::npos) << en.out;
  const Result fr = run("--lang fr run " + file_);
  EXPECT_NE(fr.out.find(R"(\x1B[2JLe premier courriel\u009B31m)"), std::string::npos) << fr.out;
}
