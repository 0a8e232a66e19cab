// The rule table, the config that switches rules and sets their severity, and run_checks().
#include <nlohmann/json.hpp>

#include <variant>

#include <algorithm>
#include <tuple>

#include "check/graph.h"
#include "check/view.h"

namespace syzba::check {

using model::Severity;

const std::vector<Rule>& rules() {
  using O = RuleOrigin;
  static const std::vector<Rule> all = {
      {"unreadable", Severity::error, "the file cannot be read: not well-formed XML, not BPMN 2.0, too large or too deep", O::reader},
      {"invalid-value", Severity::error, "an attribute has a value of the wrong type (a number, a boolean)", O::reader},
      {"invalid-di", Severity::error, "a diagram element lacks what it needs (bounds, two waypoints, numbers as coordinates); render, layout and publish repair it", O::reader},
      {"invalid-encoding", Severity::warning, "the file says UTF-8 but holds other bytes (read as Windows-1252)", O::reader},
      {"impossible-duration", Severity::error, "a duration is negative, zero or more than a year holds (render, layout and publish draw without it)", O::reader},
      {"syzba-extension", Severity::warning, "a syzba extension element (duration, service, term) cannot be understood", O::reader},
      {"duplicate-id", Severity::error, "two elements share one id", O::structure},
      {"dangling-reference", Severity::error, "a reference names an id that is not in the file", O::structure},
      {"wrong-reference-kind", Severity::error, "a reference names an element of the wrong kind", O::structure},
      {"external-reference", Severity::info, "a reference that may name an element of another file is not in this one", O::structure},
      {"di-missing", Severity::warning, "an element is not drawn in any diagram of a file that has diagrams", O::structure},
      // syzba's own flow rules.
      {"unreachable", Severity::error, "every step can be reached from a start (boundary events through their host)", O::syzba, unreachable},
      {"dead-end", Severity::error, "every step can reach an end: no cycle without a way out", O::syzba, dead_end},
      {"condition-branches", Severity::error, "a condition (exclusive or inclusive gateway) has at least two outgoing flows", O::syzba, condition_branches},
      {"condition-branch-label", Severity::warning, "each branch of a condition is labelled (Иә / Жоқ) or has a condition expression", O::syzba, condition_branch_label},
      {"refusal-branch-missing", Severity::error, "a condition has a refusal branch (бас тарту, an error end) or a return for correction", O::syzba, refusal_branch_missing},
      {"message-flow-same-pool", Severity::error, "a message flow connects two different pools", O::syzba, message_flow_same_pool},
      {"black-box-pool", Severity::info, "a pool without a process is a black box", O::syzba, black_box_pool},
      {"empty-lane", Severity::warning, "every lane holds at least one step", O::syzba, empty_lane},
      {"lane-membership", Severity::error, "when a process has lanes, every step is in exactly one", O::syzba, lane_membership},
      {"duration-missing", Severity::warning, "in a service with a declared term, every activity has a duration", O::syzba, duration_missing},
      {"service-mismatch", Severity::warning, "a process that names its service names the service of the file (not another one)", O::syzba, service_mismatch},
      {"term-exceeded", Severity::error, "no start-to-end path takes longer than the declared service term", O::syzba, term_exceeded},
      {"soundness", Severity::error, "the process as a workflow net: the state space explored for the problems below", O::syzba, soundness},
      {"deadlock", Severity::error, "no execution gets stuck at a join waiting for a branch that never comes", O::syzba},
      {"lack-of-synchronisation", Severity::warning, "no step receives two tokens at once (a parallel split merged without a parallel join)", O::syzba},
      {"unbounded-tokens", Severity::error, "no loop makes tokens grow without bound", O::syzba},
      {"no-option-to-complete", Severity::error, "from every state the process can still finish", O::syzba},
      {"dead-activity", Severity::warning, "every activity runs in some execution", O::syzba},
      {"soundness-bound", Severity::info, "the soundness check stopped at its state bound", O::syzba},
      {"soundness-states", Severity::info, "how many states the soundness check explored (off by default; for measuring)", O::syzba},
      {"numbering", Severity::warning, "numbered steps (3-процесс, 2-іс-қимыл, 1-шарт) are unique, contiguous and increase along the main path", O::syzba, numbering},
      // bpmnlint's recommended configuration, with its severities.
      {"ad-hoc-sub-process", Severity::error, "an ad-hoc sub-process holds no start or end event", O::bpmnlint, ad_hoc_sub_process},
      {"conditional-flows", Severity::error, "when a node's outgoing flows are conditional, each has a condition or is the default", O::bpmnlint, conditional_flows},
      {"end-event-required", Severity::error, "every process and sub-process has an end event", O::bpmnlint, end_event_required},
      {"event-based-gateway", Severity::error, "an event-based gateway has two or more unconditional outgoing flows", O::bpmnlint, event_based_gateway},
      {"event-sub-process-typed-start-event", Severity::error, "an event sub-process starts with a typed start event", O::bpmnlint, event_sub_process_typed_start_event},
      {"fake-join", Severity::warning, "an activity or event has several incoming flows (join with a gateway)", O::bpmnlint, fake_join},
      {"global", Severity::warning, "messages, errors, escalations and signals are named, unique and used", O::bpmnlint, global},
      {"label-required", Severity::error, "flow nodes, conditional flows, pools and lanes have a label", O::bpmnlint, label_required},
      {"link-event", Severity::error, "link events are named and paired (one catch per name in a scope)", O::bpmnlint, link_event},
      {"no-bpmndi", Severity::error, "every element is drawn (bpmnlint's check; off by default: di-missing covers files that have a diagram)", O::bpmnlint, no_bpmndi},
      {"no-complex-gateway", Severity::error, "no complex gateways", O::bpmnlint, no_complex_gateway},
      {"no-disconnected", Severity::error, "no flow node without any incoming or outgoing flow", O::bpmnlint, no_disconnected},
      {"no-duplicate-sequence-flows", Severity::error, "no two sequence flows with the same source, target and condition", O::bpmnlint, no_duplicate_sequence_flows},
      {"no-gateway-join-fork", Severity::error, "a gateway either joins or forks, not both", O::bpmnlint, no_gateway_join_fork},
      {"no-implicit-split", Severity::error, "an activity or event splits only through conditions or a gateway", O::bpmnlint, no_implicit_split},
      {"no-implicit-end", Severity::error, "a path ends in an end event", O::bpmnlint, no_implicit_end},
      {"no-implicit-start", Severity::error, "a path starts at a start event", O::bpmnlint, no_implicit_start},
      {"no-inclusive-gateway", Severity::warning, "no inclusive gateways", O::bpmnlint, no_inclusive_gateway},
      {"no-overlapping-elements", Severity::warning, "shapes do not overlap and stay inside their pool or sub-process", O::bpmnlint, no_overlapping_elements},
      {"single-blank-start-event", Severity::error, "a process or sub-process has at most one blank start event", O::bpmnlint, single_blank_start_event},
      {"single-event-definition", Severity::error, "an event has at most one event definition", O::bpmnlint, single_event_definition},
      {"start-event-required", Severity::error, "every process and sub-process has a start event", O::bpmnlint, start_event_required},
      {"sub-process-blank-start-event", Severity::error, "a sub-process starts with a blank start event", O::bpmnlint, sub_process_blank_start_event},
      {"superfluous-gateway", Severity::warning, "no gateway with only one incoming and one outgoing flow", O::bpmnlint, superfluous_gateway},
      {"superfluous-label", Severity::warning, "only conditional, default and decision flows carry labels", O::bpmnlint, superfluous_label},
      {"superfluous-termination", Severity::warning, "no terminate end event where a plain end would do", O::bpmnlint, superfluous_termination},
  };
  return all;
}

const Rule* find_rule(std::string_view id) {
  const auto& all = rules();
  auto it = std::find_if(all.begin(), all.end(), [&](const Rule& r) { return r.id == id; });
  return it == all.end() ? nullptr : &*it;
}

namespace {

// A level as config files and flags write it; an error message when it is none.
std::variant<std::optional<Severity>, std::string> parse_level(const nlohmann::json& level) {
  if (level.is_array() && !level.empty()) return parse_level(level[0]);  // [level, options]
  if (level.is_number_integer()) {
    int n = level.get<int>();
    if (n == 0) return std::optional<Severity>{};
    if (n == 1) return std::optional<Severity>{Severity::warning};
    if (n == 2) return std::optional<Severity>{Severity::error};
  }
  if (level.is_string()) {
    std::string s = level.get<std::string>();
    if (s == "off") return std::optional<Severity>{};
    if (s == "info") return std::optional<Severity>{Severity::info};
    if (s == "warn" || s == "warning") return std::optional<Severity>{Severity::warning};
    if (s == "error") return std::optional<Severity>{Severity::error};
  }
  return std::string("the level ") + level.dump() + " is none of off, info, warn, error (or 0, 1, 2)";
}

std::optional<std::string> set_level(std::string_view id, const nlohmann::json& level, Config& config) {
  if (!find_rule(id)) return "unknown rule '" + std::string(id) + "' (syzba check --rules lists them)";
  auto parsed = parse_level(level);
  if (auto* error = std::get_if<std::string>(&parsed)) return "rule '" + std::string(id) + "': " + *error;
  config.rules[std::string(id)] = std::get<std::optional<Severity>>(parsed);
  return std::nullopt;
}

// Rules that run only when a config names them: no-bpmndi (di-missing covers files that have
// a diagram, and a model before layout has none) and the soundness statistics.
bool off_by_default(std::string_view id) { return id == "no-bpmndi" || id == "soundness-states"; }

// The effective level of a rule: the config's, or the default.
std::optional<Severity> level_of(const Rule& rule, const Config& config) {
  if (auto it = config.rules.find(rule.id); it != config.rules.end()) return it->second;
  if (off_by_default(rule.id)) return std::nullopt;
  return rule.severity;
}

}  // namespace

std::optional<std::string> read_config(std::string_view json_text, Config& config) {
  nlohmann::json json = nlohmann::json::parse(json_text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return "the config is not a JSON object";
  if (json.contains("extends")) {
    auto presets = json["extends"].is_array() ? json["extends"] : nlohmann::json::array({json["extends"]});
    for (const auto& preset : presets) {
      std::string name = preset.is_string() ? preset.get<std::string>() : preset.dump();
      if (name == "syzba:recommended" || name == "syzba:all") {
        if (name == "syzba:all")
          for (const auto& r : rules()) config.rules[std::string(r.id)] = r.severity;
      } else if (name == "syzba:structure") {  // only whether the file holds together
        for (const auto& r : rules())
          if (r.run) config.rules[std::string(r.id)] = std::nullopt;
      } else if (name == "bpmnlint:recommended" || name == "plugin:bpmnlint/recommended") {
        for (const auto& r : rules()) {
          if (r.origin == RuleOrigin::bpmnlint) config.rules[std::string(r.id)] = r.severity;
          if (r.origin == RuleOrigin::syzba) config.rules[std::string(r.id)] = std::nullopt;
        }
      } else {
        return "unknown preset \"" + name + "\" in extends (syzba:recommended, syzba:all, syzba:structure, bpmnlint:recommended)";
      }
    }
  }
  for (auto [key, words] : {std::pair{"refusalWords", &config.refusal_words}, std::pair{"returnWords", &config.return_words}}) {
    if (!json.contains(key)) continue;
    if (!json[key].is_array()) return std::string("\"") + key + "\" must be an array of words";
    words->clear();
    for (const auto& w : json[key]) {
      if (!w.is_string() || w.get<std::string>().empty()) return std::string("\"") + key + "\" must hold non-empty strings";
      words->push_back(model::lowercase(w.get<std::string>()));
    }
  }
  for (auto [key, value] : {std::pair{"workingDayHours", &config.working_day_hours}, std::pair{"workingWeekDays", &config.working_week_days}}) {
    if (!json.contains(key)) continue;
    if (!json[key].is_number() || json[key].get<double>() <= 0 || json[key].get<double>() > (std::string_view(key) == "workingDayHours" ? 24 : 7))
      return std::string("\"") + key + "\" must be a positive number (at most 24 hours, 7 days)";
    *value = json[key].get<double>();
  }
  if (json.contains("soundnessNodes")) {
    if (!json["soundnessNodes"].is_number_unsigned() || json["soundnessNodes"].get<std::size_t>() == 0)
      return std::string("\"soundnessNodes\" must be a positive whole number");
    config.soundness_nodes = json["soundnessNodes"].get<std::size_t>();
  }
  if (json.contains("soundnessStates")) {
    if (!json["soundnessStates"].is_number_unsigned() || json["soundnessStates"].get<std::size_t>() == 0)
      return std::string("\"soundnessStates\" must be a positive whole number");
    config.soundness_states = json["soundnessStates"].get<std::size_t>();
  }
  if (json.contains("rules")) {
    if (!json["rules"].is_object()) return "\"rules\" must be an object of rule id → level";
    for (const auto& [id, level] : json["rules"].items())
      if (auto error = set_level(id, level, config)) return error;
  }
  return std::nullopt;
}

std::optional<std::string> set_rule_level(std::string_view spec, Config& config) {
  auto eq = spec.find('=');
  if (eq == std::string_view::npos) return "expected ID=LEVEL, got '" + std::string(spec) + "'";
  return set_level(spec.substr(0, eq), std::string(spec.substr(eq + 1)), config);
}

std::vector<model::Diagnostic> apply_config(std::vector<model::Diagnostic> found, const Config& config) {
  std::vector<model::Diagnostic> kept;
  for (auto& d : found) {
    const Rule* rule = find_rule(d.rule);
    if (!rule) {
      kept.push_back(std::move(d));
      continue;
    }
    auto it = config.rules.find(rule->id);
    if (it == config.rules.end()) {
      if (!off_by_default(rule->id)) kept.push_back(std::move(d));  // the severity it was reported with stands
      continue;
    }
    if (!it->second) continue;
    d.severity = *it->second;
    kept.push_back(std::move(d));
  }
  return kept;
}

std::vector<model::Diagnostic> run_checks(const model::Definitions& definitions, const Config& config) {
  ModelView view(definitions);
  std::vector<model::Diagnostic> found = check_structure(definitions, view.ids(), &view, config.lang);
  for (const auto& rule : rules()) {
    if (!rule.run) continue;
    auto level = level_of(rule, config);
    if (!level) continue;
    std::vector<model::Diagnostic> out;
    Reporter reporter(rule, out, config.lang);
    rule.run(view, config, reporter);
    for (auto& d : out) {
      if (d.rule == rule.id) d.severity = *level;  // findings under other ids keep theirs (soundness)
      found.push_back(std::move(d));
    }
  }
  found = apply_config(std::move(found), config);
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.line, a.column, a.rule) < std::tie(b.line, b.column, b.rule);
  });
  return found;
}

}  // namespace syzba::check
