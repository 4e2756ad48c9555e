#include "ui/gui/display_check.hpp"

#include <dlfcn.h>

#include <cstdlib>

namespace mailsim::gui {

bool display_reachable() {
  const char* display = std::getenv("DISPLAY");
  if (display == nullptr || *display == '\0') return false;
  void* x11 = dlopen("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
  if (x11 == nullptr) return false;
  using Open = void* (*)(const char*);
  using Close = int (*)(void*);
  auto open = reinterpret_cast<Open>(dlsym(x11, "XOpenDisplay"));
  auto close = reinterpret_cast<Close>(dlsym(x11, "XCloseDisplay"));
  bool reachable = false;
  if (open != nullptr && close != nullptr) {
    if (void* d = open(nullptr)) {
      reachable = true;
      close(d);
    }
  }
  dlclose(x11);
  return reachable;
}

}  // namespace mailsim::gui
