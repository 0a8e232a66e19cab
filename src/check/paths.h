#pragma once
// Start-to-end paths of each process and their durations: what `syzba paths` lists and what
// the term rule compares with the declared service term. Part of syzba::check's public API.
#include <string>
#include <vector>

#include "check/check.h"

namespace syzba::check {

// A duration total: time counted in working minutes, calendar days counted apart (they run
// on weekends too), as the regulations count them.
struct Total {
  double working_minutes = 0;
  double calendar_days = 0;
};

struct StepPath {
  std::vector<const model::FlowNode*> steps;
  Total total;
  bool refusal = false;                        // ends in a refusal (a name that says so, an error end)
  std::vector<const model::FlowNode*> untimed;  // activities on the path without a duration
  bool critical = false;                       // the longest path of its process
};

struct ProcessPaths {
  const model::Process* process = nullptr;
  std::optional<model::Duration> term;  // the process's, else the definitions'
  std::vector<StepPath> paths;
  bool truncated = false;  // more paths than the limit: the list is incomplete
};

// Every start-to-end path of every process (each sequence flow taken at most once, so each
// loop at most once), up to max_paths per process.
std::vector<ProcessPaths> enumerate_paths(const model::Definitions& definitions, const Config& config,
                                          std::size_t max_paths = 10000);

// Totals in the config's calendar: a working day has config.working_day_hours hours, a week
// config.working_week_days working days.
double in_working_minutes(const Total& total, const Config& config);
double in_calendar_days(const Total& total, const Config& config);
bool exceeds(const Total& total, const model::Duration& term, const Config& config);
std::string describe(const Total& total, const Config& config);  // "2 working days 3 h 15 min + 7 calendar days"
std::string describe(const model::Duration& duration, Lang lang = Lang::en);  // "5 working days"

}  // namespace syzba::check
