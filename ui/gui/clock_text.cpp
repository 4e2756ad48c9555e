#include "ui/gui/clock_text.hpp"

#include <fmt/format.h>

#include "ui/gui/gui_text.hpp"

namespace mailsim::gui {

std::string clock_text(sim::SimTime t, Lang lang) {
  using namespace std::chrono;
  const bool negative = t < sim::SimTime(0);
  if (negative) t = -t;
  const auto days = duration_cast<hours>(t).count() / 24;
  const auto in_day = t - hours(24 * days);
  const auto h = duration_cast<hours>(in_day).count();
  const auto m = duration_cast<minutes>(in_day).count() % 60;
  const auto s = duration_cast<seconds>(in_day).count() % 60;
  const auto ms = duration_cast<milliseconds>(in_day).count() % 1000;
  std::string out = fmt::format("{}{:02}:{:02}:{:02}.{:03}", negative ? "-" : "", h, m, s, ms);
  if (days > 0)
    out = Text(msg::kClockDays, {{"days", std::to_string(days + 1)}}).render(lang) + "  " + out;
  return out;
}

std::string short_duration(sim::SimTime d, Lang lang) {
  using namespace std::chrono;
  if (d < sim::SimTime(0)) d = sim::SimTime(0);
  const auto total_s = duration_cast<seconds>(d).count();
  const auto days = total_s / 86400, h = total_s / 3600 % 24, m = total_s / 60 % 60,
             s = total_s % 60;
  const char* day = lang == Lang::fr ? "j" : "d";
  if (days > 0) return fmt::format("{} {} {} h", days, day, h);
  if (h > 0) return fmt::format("{} h {:02} min", h, m);
  if (m > 0) return fmt::format("{} min {:02} s", m, s);
  if (total_s > 0) return fmt::format("{} s", s);
  return fmt::format("{} ms", duration_cast<milliseconds>(d).count());
}

}  // namespace mailsim::gui
