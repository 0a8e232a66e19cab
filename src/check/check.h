#pragma once
// syzba::check — findings about a model, each from a named rule with a default severity.
//
// Offers: the list of rules (id, default severity, one-line description), a config (JSON
// like bpmnlint's .bpmnlintrc, and ID=LEVEL flags) that turns rules off or changes their
// severity, run_checks(), and the start-to-end paths of a process with their durations
// (enumerate_paths). The rules: the structural ones every check stands on (unique
// ids, references that resolve to an element of the right kind, DI that points at real
// elements and leaves none out), bpmnlint's recommended rules with their ids and meaning, and
// syzba's own: reachability, refusal branches, soundness, durations against the term,
// collaboration sanity and regulation numbering. Messages come in en / ru / kk.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace syzba::check {

class ModelView;
class Reporter;
struct Config;
using RuleFunction = void (*)(const ModelView&, const Config&, Reporter&);

enum class RuleOrigin {
  reader,     // found while reading the file
  structure,  // ids, references, DI (check_structure)
  bpmnlint,   // the rules of bpmnlint's recommended configuration, same ids and meaning
  syzba,      // syzba's own: reachability, refusal branches, ...
};

struct Rule {
  std::string_view id;
  model::Severity severity;  // the default
  std::string_view description;
  RuleOrigin origin;
  RuleFunction run = nullptr;  // null for reader and structure rules, which run as a group
};

// Every rule syzba knows, in a stable order.
const std::vector<Rule>& rules();
const Rule* find_rule(std::string_view id);

// The language of messages: English by default, Russian, Kazakh (the model's catalogue's).
using Lang = model::Lang;
using model::lang_from_name;  // "en", "ru", "kk"
// A message of the catalogue (model/messages.cpp) in a language, with {1}, {2}, ... filled in.
using model::say;

// Which rules run and at which severity: defaults, changed by a config file and flags.
struct Config {
  Lang lang = Lang::en;
  // rule id → severity; a rule mapped to nullopt is off. Rules not named keep their default.
  std::map<std::string, std::optional<model::Severity>, std::less<>> rules;
  // Words (lower case, matched inside names) that mark a branch as a refusal or a return for
  // correction: the regulation's vocabulary in kk / ru / en. "refusalWords" / "returnWords".
  std::vector<std::string> refusal_words = model::refusal_words();
  std::vector<std::string> return_words = model::return_words();
  // The working calendar that durations add up in: "workingDayHours", "workingWeekDays".
  double working_day_hours = 8;
  double working_week_days = 5;
  // How many states the soundness check explores before it stops and says so: "soundnessStates".
  std::size_t soundness_states = 100000;
  // Scopes with more flow nodes than this are not explored at all: "soundnessNodes".
  std::size_t soundness_nodes = 5000;
};

// A JSON config in the manner of bpmnlint's .bpmnlintrc:
//   {"extends": "syzba:recommended" | "syzba:all" | "syzba:structure" | "bpmnlint:recommended",
//    "rules": {"label-required": "off"}}
// with levels "off" | "info" | "warn" | "error" (or 0 | 1 | 2, or [level, options]).
// Returns an error message, or nothing.
std::optional<std::string> read_config(std::string_view json_text, Config& config);
// A flag "ID=LEVEL". Returns an error message, or nothing.
std::optional<std::string> set_rule_level(std::string_view spec, Config& config);

std::vector<model::Diagnostic> check_structure(const model::Definitions& definitions, Lang lang = Lang::en);

// Every rule on the model, with the config applied and findings sorted by position.
std::vector<model::Diagnostic> run_checks(const model::Definitions& definitions, const Config& config);
// The config applied to findings made elsewhere (the reader's): off rules removed, levels set.
std::vector<model::Diagnostic> apply_config(std::vector<model::Diagnostic> found, const Config& config);

// ---------------------------------------------------------------------------------------
// Start-to-end paths and their durations: what `syzba paths` lists and what the term rule
// compares with the declared service term.
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

// The regulation number a step's name carries ("3-процесс", "N 2 іс-әрекет", "1-шарт",
// "Действие 4"), if any.
std::optional<int> step_number(const std::string& name);

// Totals in the config's calendar: a working day has config.working_day_hours hours, a week
// config.working_week_days working days.
double in_working_minutes(const Total& total, const Config& config);
double in_calendar_days(const Total& total, const Config& config);
bool exceeds(const Total& total, const model::Duration& term, const Config& config);
std::string describe(const Total& total, const Config& config);  // "2 working days 3 h 15 min + 7 calendar days"
std::string describe(const model::Duration& duration, Lang lang = Lang::en);  // "5 working days"

}  // namespace syzba::check
