#include "ui/report/journey_svg.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ui/report/journey_layout.hpp"
#include "ui/report/markup.hpp"
#include "ui/report/report_text.hpp"

namespace mailsim::report {

namespace {

std::string colour(Channel c) {
  return fmt::format("#{:06X}", channel_colour(c));
}

// The picture is at least this wide, so that its title and the message's line are not cut when
// few hosts took part (a bounce filed by the server that wrote it: one lifeline).
constexpr float kTitleWidth = 560;

constexpr Channel kArrowChannels[] = {Channel::smtp, Channel::dns, Channel::retrieval,
                                      Channel::connection};

}  // namespace

std::string journey_svg(const JourneyChart& chart, Lang lang) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + journey_svg_element(chart, lang, "");
}

std::string journey_svg_element(const JourneyChart& chart, Lang lang, std::string_view ids) {
  const ChartLayout l = layout_chart(chart);
  const std::string title = Text(msg::kChartTitle, {{"message_id", chart.message_id}}).render(lang);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" "
      "font-size=\"12\">\n<title>{2}</title>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n<defs>\n",
      std::max(l.width, kTitleWidth), l.height, markup_escaped(title));
  for (Channel c : kArrowChannels)
    out += fmt::format(
        "<marker id=\"{}head{}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
        "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" "
        "fill=\"{}\"/></marker>\n",
        ids, static_cast<int>(c), colour(c));
  out += "</defs>\n";
  out += fmt::format("<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{}</text>\n",
                     markup_escaped(title));
  out += fmt::format("<text x=\"8\" y=\"40\">{}</text>\n", markup_escaped(chart.title));
  out += fmt::format("<text x=\"8\" y=\"{:.0f}\" fill=\"#666666\">{}</text>\n",
                     ChartLayout::kHeader + ChartLayout::kBox - 4,
                     markup_escaped(msg::kTime.text(lang)));
  // The lifelines: a box with the host and its roles, a dashed line down.
  for (std::size_t i = 0; i < chart.lifelines.size(); ++i) {
    const auto& line = chart.lifelines[i];
    const float x = l.x[i], top = ChartLayout::kHeader;
    out += fmt::format(
        "<g class=\"lifeline\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "rx=\"4\" fill=\"#F2F2F2\" stroke=\"#555555\"/>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#555555\">{}</text>\n"
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#999999\" "
        "stroke-dasharray=\"4 3\"/></g>\n",
        x - ChartLayout::kColumn / 2 + 6, top, ChartLayout::kColumn - 12, ChartLayout::kBox, x,
        top + 16, markup_escaped(line.host), x, top + 32, markup_escaped(line.roles), x,
        top + ChartLayout::kBox, x, l.height - 8);
  }
  for (std::size_t i = 0; i < chart.steps.size(); ++i) {
    const ChartStep& s = chart.steps[i];
    const float y = l.y[i];
    const std::string tip =
        s.detail.empty() ? "" : "<title>" + markup_escaped(s.detail) + "</title>";
    if (l.timed[i])
      out += fmt::format("<text x=\"8\" y=\"{:.1f}\" font-size=\"11\" fill=\"#666666\">{}</text>\n",
                         y + 4, markup_escaped(sim::format_time(s.at, lang)));
    switch (s.type) {
      case ChartStep::Type::arrow: {
        const float x1 = l.x[s.from], x2 = l.x[s.to];
        out += fmt::format(
            "<g class=\"arrow\">{}<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
            "stroke=\"{}\" stroke-width=\"1.5\" marker-end=\"url(#{}head{})\"/>"
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"{}\">{}</text></g>\n",
            tip, x1, y + 6, x2, y + 6, colour(s.channel), ids, static_cast<int>(s.channel),
            (x1 + x2) / 2, y + 1, colour(s.channel), markup_escaped(s.label));
        break;
      }
      case ChartStep::Type::note: {
        const bool left = note_on_left(l, s.from);
        out += fmt::format(
            "<g class=\"note\">{}<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"/>"
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-style=\"italic\" "
            "fill=\"{}\">{}</text></g>\n",
            tip, l.x[s.from], y, colour(s.channel), l.x[s.from] + (left ? -8 : 8), y + 4,
            left ? "end" : "start", colour(s.channel), markup_escaped(s.label));
        break;
      }
      case ChartStep::Type::gap: {
        // A break mark across the lifelines: two zigzags, the time skipped between them.
        std::string zig;
        for (float x = ChartLayout::kTimeColumn; x < l.width; x += 12)
          zig += fmt::format("{}{:.1f},{:.1f} ", zig.empty() ? "M" : "L", x,
                             y - 10 + (static_cast<int>(x / 12) % 2 ? 3.0f : -3.0f));
        out += fmt::format(
            "<g class=\"gap\"><path d=\"{}\" fill=\"none\" stroke=\"#999999\"/>"
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-style=\"italic\" "
            "fill=\"#333333\">{}</text></g>\n",
            zig, (ChartLayout::kTimeColumn + l.width) / 2, y + 8, markup_escaped(s.label));
        break;
      }
    }
  }
  out += "</svg>\n";
  return out;
}

}  // namespace mailsim::report
