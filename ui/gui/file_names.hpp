#pragma once
// A file name not taken yet in the current folder: mailsim-1.png, mailsim-2.png... for what the
// window saves where the person runs it (screenshots, charts).
#include <string>
#include <string_view>

namespace mailsim::gui {

std::string free_file_name(std::string_view stem, std::string_view extension);

}  // namespace mailsim::gui
