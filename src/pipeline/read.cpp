#include <algorithm>
#include <tuple>

#include "pipeline/pipeline.h"
#include "text/text.h"

namespace syzba::pipeline {

Read read(std::string bytes, const std::string& name, const io::ReadLimits& limits, Reading reading,
          std::optional<model::Lang> lang) {
  auto got = text::read_model_bytes(std::move(bytes), name, limits);
  if (reading == Reading::drawing && got.definitions)
    for (auto& d : got.diagnostics)
      if (d.rule == "invalid-di" || d.rule == "impossible-duration") d.severity = model::Severity::warning;
  if (lang) model::translate(got.diagnostics, *lang);
  Read out;
  out.diagnostics = std::move(got.diagnostics);
  out.unreadable = !got.definitions;
  bool refused = std::any_of(out.diagnostics.begin(), out.diagnostics.end(),
                             [](const auto& d) { return d.severity == model::Severity::error; });
  if (got.definitions && !refused) out.definitions = std::move(got.definitions);
  return out;
}

std::vector<model::Diagnostic> findings(std::vector<model::Diagnostic> read_diagnostics, const model::Definitions* definitions,
                                        const check::Config& config) {
  model::translate(read_diagnostics, config.lang);  // the reader speaks English; the findings speak the config's language
  auto out = check::apply_config(std::move(read_diagnostics), config);
  if (!definitions) return out;
  auto found = check::run_checks(*definitions, config);
  out.insert(out.end(), found.begin(), found.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
  return out;
}

nlohmann::ordered_json paths_json(const model::Definitions& definitions, const check::Config& config, std::size_t max_paths) {
  nlohmann::ordered_json processes = nlohmann::ordered_json::array();
  for (const auto& p : check::enumerate_paths(definitions, config, max_paths)) {
    nlohmann::ordered_json paths = nlohmann::ordered_json::array();
    for (const auto& path : p.paths) {
      nlohmann::ordered_json steps = nlohmann::ordered_json::array(), untimed = nlohmann::ordered_json::array();
      for (const auto* n : path.steps) steps.push_back(n->id);
      for (const auto* n : path.untimed) untimed.push_back(n->id);
      paths.push_back({{"steps", steps},
                       {"total", {{"workingMinutes", path.total.working_minutes},
                                  {"calendarDays", path.total.calendar_days},
                                  {"text", check::describe(path.total, config)}}},
                       {"outcome", path.refusal ? "refusal" : "result"},
                       {"critical", path.critical},
                       {"exceedsTerm", p.term ? check::exceeds(path.total, *p.term, config) : false},
                       {"untimed", untimed}});
    }
    nlohmann::ordered_json process = {{"process", p.process->id}, {"name", p.process->name}};
    if (p.term)
      process["term"] = {{"amount", p.term->amount}, {"unit", model::unit_name(p.term->unit)}, {"text", check::describe(*p.term, config.lang)}};
    process["paths"] = paths;
    process["truncated"] = p.truncated;
    processes.push_back(std::move(process));
  }
  return processes;
}

nlohmann::ordered_json keywords_json() {
  auto lang_name = [](text::Lang l) { return l == text::Lang::kk ? "kk" : l == text::Lang::ru ? "ru" : "en"; };
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& k : text::keyword_spellings())
    all.push_back({{"meaning", k.meaning}, {"kind", k.kind}, {"lang", lang_name(k.lang)}, {"spelling", k.spelling}});
  return all;
}

}  // namespace syzba::pipeline
