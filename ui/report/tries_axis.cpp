#include "ui/report/tries_axis.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>

#include "ui/report/journey_layout.hpp"
#include "ui/report/markup.hpp"
#include "ui/report/report_text.hpp"

namespace mailsim::report {

namespace {

using Moment = ChartStep::Moment;
using std::chrono::seconds;

// The round steps the ticks may take, the shortest first.
constexpr std::array<std::int64_t, 22> kTickSeconds{
    1,    2,    5,    10,    15,    30,    60,    120,    300,    600,    900,
    1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 432000, 864000, 2592000};
constexpr std::size_t kMaxTicks = 6;
constexpr int kRows = 3;
constexpr float kLabelRoom = 18;  // the least distance between two labels on one row

// How a try ended: the first thing that happened to the message after it.
Moment outcome_after(const JourneyChart& chart, std::size_t i) {
  for (std::size_t k = i + 1; k < chart.steps.size(); ++k)
    switch (chart.steps[k].moment) {
      case Moment::failed:
      case Moment::deferred:
      case Moment::bounced:
      case Moment::queued:
      case Moment::delivered:
        return chart.steps[k].moment;
      default:
        break;
    }
  return Moment::none;
}

bool got_through(Moment m) {
  return m == Moment::queued || m == Moment::delivered;
}

unsigned mark_colour(const AxisMark& m) {
  if (m.moment == Moment::fetch) return channel_colour(Channel::smtp);
  if (m.moment == Moment::bounced) return channel_colour(Channel::failure);
  if (got_through(m.outcome)) return channel_colour(Channel::retrieval);
  if (m.outcome == Moment::none) return 0x8C8C8C;
  return channel_colour(Channel::dns);
}

std::string hex(unsigned c) {
  return fmt::format("#{:06X}", c);
}

// The mark's shape at (x, y): a try is a disc, a return a square, a fetch a triangle.
std::string shape(const AxisMark& m, float x, float y) {
  const std::string fill = hex(mark_colour(m));
  if (m.moment == Moment::bounced)
    return fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>",
                       x - 5, y - 5, fill);
  if (m.moment == Moment::fetch)
    return fmt::format("<path d=\"M{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} z\" fill=\"{}\"/>",
                       x, y - 6, x + 6, y + 5, x - 6, y + 5, fill);
  return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"{}\"/>", x, y, fill);
}

}  // namespace

TriesAxis tries_axis(const JourneyChart& chart) {
  TriesAxis axis;
  bool gap = false;
  for (const ChartStep& s : chart.steps)
    gap = gap || s.type == ChartStep::Type::gap;
  if (!gap) return axis;
  axis.from = chart.steps.front().at;
  axis.to = chart.steps.back().at;
  const double span = static_cast<double>((axis.to - axis.from).count());
  auto x_of = [&](sim::SimTime t) {
    return TriesAxis::kLeft + static_cast<float>(static_cast<double>((t - axis.from).count()) /
                                                 span * (TriesAxis::kRight - TriesAxis::kLeft));
  };
  // The shortest round step that needs no more than kMaxTicks ticks.
  std::int64_t step = kTickSeconds.back() * 1'000'000;
  for (std::int64_t s : kTickSeconds)
    if (span / static_cast<double>(s * 1'000'000) <= static_cast<double>(kMaxTicks)) {
      step = s * 1'000'000;
      break;
    }
  for (std::int64_t t = (axis.from.count() + step - 1) / step * step; t <= axis.to.count();
       t += step)
    axis.ticks.push_back({sim::SimTime(t), x_of(sim::SimTime(t))});

  std::array<float, kRows> last{};
  last.fill(-1e9f);
  int tries = 0;
  for (std::size_t i = 0; i < chart.steps.size(); ++i) {
    const ChartStep& s = chart.steps[i];
    if (s.moment != Moment::attempt && s.moment != Moment::fetch && s.moment != Moment::bounced)
      continue;
    AxisMark m;
    m.moment = s.moment;
    m.at = s.at;
    m.x = x_of(s.at);
    if (s.moment == Moment::attempt) {
      m.number = ++tries;
      m.outcome = outcome_after(chart, i);
    }
    const auto host = [&](int l) {
      return l < 0 ? std::string() : chart.lifelines[static_cast<std::size_t>(l)].host;
    };
    m.detail = s.to >= 0 ? host(s.from) + " → " + host(s.to) : host(s.from);
    m.row = -1;  // no room for its label: the mark alone, its tooltip says the rest
    for (int r = 0; r < kRows; ++r)
      if (m.x - last[static_cast<std::size_t>(r)] >= kLabelRoom) {
        m.row = r;
        last[static_cast<std::size_t>(r)] = m.x;
        break;
      }
    axis.marks.push_back(std::move(m));
  }
  return axis;
}

std::string tries_axis_svg(const JourneyChart& chart, Lang lang) {
  const TriesAxis axis = tries_axis(chart);
  if (axis.marks.empty()) return {};
  constexpr float kAxisY = 92, kRowY = 34, kRowStep = 15, kHeight = 150;
  const std::string caption = Text(msg::kAxisCaption, {{"from", sim::format_time(axis.from, lang)},
                                                       {"to", sim::format_time(axis.to, lang)}})
                                  .render(lang);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tries\" width=\"{0:.0f}\" "
      "height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"DejaVu Sans, Verdana, "
      "sans-serif\" font-size=\"11\">\n<title>{2}</title>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
      "<text x=\"8\" y=\"16\" font-size=\"12\" font-weight=\"bold\">{2}</text>\n"
      "<line x1=\"{3:.1f}\" y1=\"{4:.1f}\" x2=\"{5:.1f}\" y2=\"{4:.1f}\" stroke=\"#555555\"/>\n",
      TriesAxis::kWidth, kHeight, markup_escaped(caption), TriesAxis::kLeft, kAxisY,
      TriesAxis::kRight);
  for (const AxisTick& t : axis.ticks)
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#555555\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\" fill=\"#666666\">{4}</text>\n",
        t.x, kAxisY, kAxisY + 5, kAxisY + 18, markup_escaped(sim::format_time(t.at, lang)));
  for (const AxisMark& m : axis.marks) {
    const std::string what =
        m.moment == Moment::attempt
            ? Text(msg::kAxisTry, {{"number", std::to_string(m.number)}, {"who", m.detail}})
                  .render(lang)
        : m.moment == Moment::fetch ? Text(msg::kAxisFetch, {{"who", m.detail}}).render(lang)
                                    : Text(msg::kAxisReturn, {{"who", m.detail}}).render(lang);
    out += fmt::format("<g class=\"mark\"><title>{} {}</title>",
                       markup_escaped(sim::format_time(m.at, lang)), markup_escaped(what));
    if (m.number > 0 && m.row >= 0) {
      const float y = kRowY + kRowStep * static_cast<float>(m.row);
      out += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#BBBBBB\"/>"
          "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>",
          m.x, y + 3, kAxisY - 6, y, m.number);
    }
    out += shape(m, m.x, kAxisY) + "</g>\n";
  }
  // The legend: what each mark means.
  const auto legend_mark = [](Moment moment, Moment outcome) {
    AxisMark m;
    m.moment = moment;
    m.outcome = outcome;
    return m;
  };
  const std::array<std::pair<AxisMark, const Message*>, 4> legend{{
      {legend_mark(Moment::attempt, Moment::queued), &msg::kAxisGotThrough},
      {legend_mark(Moment::attempt, Moment::failed), &msg::kAxisFailed},
      {legend_mark(Moment::bounced, Moment::none), &msg::kAxisReturned},
      {legend_mark(Moment::fetch, Moment::none), &msg::kAxisFetched},
  }};
  float x = TriesAxis::kLeft;
  for (const auto& [mark, words] : legend) {
    const std::string text(words->text(lang));
    out += shape(mark, x, kHeight - 18) + fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                                                      x + 10, kHeight - 14, markup_escaped(text));
    x += 24 + 6.2f * static_cast<float>(text.size());
  }
  return out + "</svg>\n";
}

}  // namespace mailsim::report
