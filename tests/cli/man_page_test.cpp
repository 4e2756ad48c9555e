// docs/mailsim.1 and the program cannot drift apart: the manual names every command and option
// that `mailsim --help` and `mailsim COMMAND --help` declare, declares no other option, and
// renders without a warning from man (skipped where man is not installed).
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "run_mailsim.hpp"

namespace {

using mailsim_test::run;

const std::string kManPage = std::string(MAILSIM_SOURCE_DIR) + "/docs/mailsim.1";

// The commands listed under "Subcommands:" in the top help.
std::set<std::string> commands() {
  std::istringstream help(run("--help --lang en").out);
  std::set<std::string> out;
  bool in_list = false;
  for (std::string line; std::getline(help, line);) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list) {
      if (line.empty()) break;
      out.insert(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  return out;
}

// The options of one help screen: each line that starts with "  -", as "-q,--quiet".
void add_options(const std::string& help_args, std::set<std::string>& out) {
  std::istringstream help(run(help_args + " --help --lang en").out);
  const std::regex option_line(R"(^  (-[-a-z,]+))");
  for (std::string line; std::getline(help, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, option_line)) continue;
    std::istringstream names(m[1].str());
    for (std::string name; std::getline(names, name, ',');)
      out.insert(name);
  }
}

// The manual's text with roff's escaped hyphens ("\-") as plain ones.
std::string man_text() {
  std::string text = mailsim_test::read_file(kManPage);
  for (std::size_t at = text.find("\\-"); at != std::string::npos; at = text.find("\\-", at))
    text.erase(at, 1);
  return text;
}

std::string section(const std::string& text, const std::string& name) {
  const std::size_t start = text.find("\n.SH " + name + "\n");
  if (start == std::string::npos) return {};
  const std::size_t end = text.find("\n.SH ", start + 1);
  return text.substr(start, end - start);
}

}  // namespace

TEST(ManPage, NamesEveryCommandAndOption) {
  const std::string man = man_text();
  for (const char* part : {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS",
                           "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"})
    EXPECT_FALSE(section(man, part).empty()) << part;
  const std::set<std::string> declared_commands = commands();
  EXPECT_EQ(declared_commands, (std::set<std::string>{"run", "serve", "report", "list", "show",
                                                      "check", "validate", "exercise", "grade"}));
  const std::string command_part = section(man, "COMMANDS");
  std::set<std::string> declared;
  add_options("", declared);
  for (const std::string& c : declared_commands) {
    EXPECT_TRUE(command_part.find("\n.B " + c + "\n") != std::string::npos ||
                command_part.find("\n.BI " + c + " ") != std::string::npos ||
                command_part.find("\n.BI \"" + c + " ") != std::string::npos)  // "exercise make"
        << c;
    add_options(c, declared);
  }
  add_options("exercise make", declared);  // a command of a command
  EXPECT_TRUE(declared.contains("--transcript") && declared.contains("-q") &&
              declared.contains("--version"));
  const std::string option_part = section(man, "OPTIONS");
  const std::regex option_word(R"((^|[^-a-z])(--?[a-z][-a-z]*))");
  for (const std::string& o : declared) {
    bool found = false;
    for (std::sregex_iterator it(option_part.begin(), option_part.end(), option_word), end;
         it != end && !found; ++it)
      found = (*it)[2] == o;
    EXPECT_TRUE(found) << "docs/mailsim.1 does not describe " << o;
  }
  // And the manual describes no option the program does not have.
  for (std::sregex_iterator it(option_part.begin(), option_part.end(), option_word), end; it != end;
       ++it)
    EXPECT_TRUE(declared.contains((*it)[2])) << "docs/mailsim.1 describes " << (*it)[2];
  EXPECT_NE(man.find("docs/scenario-format.md"), std::string::npos);
}

TEST(ManPage, RendersWithoutWarnings) {
  if (std::system("command -v man >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "man is not installed (man-db and groff-base in tools/debian-packages.txt)";
  const std::string cmd = "MANWIDTH=80 man --warnings -l " + kManPage + " 2>&1 >/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string warnings;
  char buf[512];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe))
    warnings.append(buf, n);
  EXPECT_EQ(pclose(pipe), 0);
  EXPECT_EQ(warnings, "");
}
