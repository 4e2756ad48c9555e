#include "ui/gui/file_names.hpp"

#include <filesystem>

namespace mailsim::gui {

std::string free_file_name(std::string_view stem, std::string_view extension) {
  for (int i = 1;; ++i) {
    const std::string name = std::string(stem) + "-" + std::to_string(i) + std::string(extension);
    if (!std::filesystem::exists(name)) return name;
  }
}

}  // namespace mailsim::gui
