#include "scenarios/population/population.hpp"
#include "scenarios/write/section_writers.hpp"
#include "sim/time_text.hpp"

namespace mailsim::scenarios {
namespace {

const PopulationModel kPopulation{};

// A clock time of the day as the file writes it: "09:00:00".
std::string clock_text(sim::SimTime t) {
  std::string text = sim::format_time(t);
  if (text.find('.') != std::string::npos)
    while (text.back() == '0' || text.back() == '.')
      text.pop_back();
  return text;
}

}  // namespace

void write_population(MapWriter& w, const PopulationModel& p) {
  if (!p.domain_names.empty())
    w.texts("domains", p.domain_names);
  else
    w.integer("domains", p.domains);
  w.integer("users", p.users);
  w.text("access", p.access == PopulationAccess::lan ? "lan" : "home", "home");
  w.duration("fetch_every", p.fetch_every);
  const PopulationTraffic& t = p.traffic;
  const PopulationTraffic& d = kPopulation.traffic;
  if (t != d)
    w.map("traffic", Style::block, [&](MapWriter& m) {
      m.integer("messages", static_cast<std::int64_t>(t.messages), 0);
      m.integer("days", t.days, d.days);
      std::vector<std::string> peaks;
      for (const auto peak : t.peaks)
        peaks.push_back(clock_text(peak));
      m.texts("peaks", peaks);
      if (t.until > t.from) m.texts("hours", {clock_text(t.from), clock_text(t.until)});
      if (t.same_domain != d.same_domain || t.other_domains != d.other_domains ||
          t.unknown != d.unknown)
        m.map("recipients", Style::flow_if_fits, [&](MapWriter& r) {
          r.fraction("same_domain", t.same_domain, d.same_domain);
          r.fraction("other_domains", t.other_domains, d.other_domains);
          r.fraction("unknown", t.unknown, d.unknown);
        });
      if (t.median_size != d.median_size || t.max_size != d.max_size)
        m.map("size", Style::flow_if_fits, [&](MapWriter& s) {
          s.size("median", t.median_size, d.median_size);
          s.size("max", t.max_size, d.max_size);
        });
    });
  if (p.faults.mx_down > 0)
    w.map("faults", Style::flow_if_fits, [&](MapWriter& f) {
      f.fraction("mx_down", p.faults.mx_down, -1);  // required
      f.duration("at", p.faults.at, kPopulation.faults.at);
      f.duration("for", p.faults.lasting, kPopulation.faults.lasting);
    });
}

ScenarioModel without_generated(const ScenarioModel& s) {
  ScenarioModel out = s;
  if (!s.population) return out;
  auto made = [&](const auto& thing) { return generated(s, thing.pos); };
  std::erase_if(out.network.hosts, made);
  std::erase_if(out.network.routers, made);
  std::erase_if(out.network.links, made);
  std::erase_if(out.mail.servers, made);
  std::erase_if(out.mail.clients, made);
  std::erase_if(out.timeline, made);
  if (out.mail.dns) {
    if (generated(s, out.mail.dns->pos)) {
      out.mail.dns.reset();
    } else {
      for (const auto& domain : population_domains(*s.population))
        out.mail.dns->zones.erase(domain + ".");
    }
  }
  return out;
}

}  // namespace mailsim::scenarios
