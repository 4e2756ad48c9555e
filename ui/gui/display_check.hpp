#pragma once
// SFML 2.5 aborts the program when it cannot open the X display; the window asks first, so that
// `make run` can fall back to the terminal with a sentence instead of a crash.

namespace mailsim::gui {

// True when an X display can be opened (DISPLAY set and reachable). Loads libX11 at run time,
// as SFML itself uses it, to ask without linking against it. The connection it opened stays
// open (see display_check.cpp), so call it once, before the window is made.
bool display_reachable();

}  // namespace mailsim::gui
