#pragma once
// The writer of each section of a scenario file, one file each (network_writer.cpp,
// mail_writer.cpp, timeline_writer.cpp, expectation_writer.cpp, question_writer.cpp). Each writes
// its keys in the order the loader reads them, one MapWriter call per key.
#include "scenarios/model/scenario_model.hpp"
#include "scenarios/write/map_writer.hpp"

namespace mailsim::scenarios {

void write_network(MapWriter& w, const NetworkModel& network);
void write_dns(MapWriter& w, const DnsModel& dns);
void write_mail(MapWriter& w, const MailModel& mail);
// `network`: a change_link writes only what differs from the link's values in the file.
void write_timeline_entry(MapWriter& w, const TimelineEntry& entry, const NetworkModel& network);
void write_expectation(MapWriter& w, const ExpectationEntry& entry);
void write_question(MapWriter& w, const Question& question);
void write_population(MapWriter& w, const PopulationModel& population);
// The scenario as its file says it: what its population generates left out.
ScenarioModel without_generated(const ScenarioModel& s);

}  // namespace mailsim::scenarios
