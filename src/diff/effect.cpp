#include <algorithm>
#include <cmath>
#include <tuple>

#include "diff/diff.h"

namespace syzba::diff {

namespace {

std::vector<Longest> longest_paths(const model::Definitions& defs, const check::Config& config) {
  std::vector<Longest> out;
  for (const auto& p : check::enumerate_paths(defs, config, 2000)) {
    Longest l;
    l.process = p.process->id;
    l.name = p.process->name;
    for (const auto& path : p.paths)
      if (path.critical) l.total = path.total;
    l.text = check::describe(l.total, config);
    if (p.term) {
      l.term = check::describe(*p.term, config.lang);
      l.exceeds = check::exceeds(l.total, *p.term, config);
      double per_unit = p.term->unit == model::TimeUnit::working_day ? config.working_day_hours * 60
                        : p.term->unit == model::TimeUnit::hour       ? 60
                        : p.term->unit == model::TimeUnit::minute     ? 1
                                                                       : 0;
      if (per_unit > 0 && l.total.calendar_days == 0) l.over_minutes = l.total.working_minutes - p.term->amount * per_unit;
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace

Effect effect_of(const model::Definitions& old_model, const model::Definitions& new_model, const std::vector<Change>& changes,
                 const check::Config& config) {
  std::unordered_map<std::string, std::string> new_of_old;
  for (const auto& c : changes)
    if (c.kind == Kind::changed || c.kind == Kind::layout) new_of_old[c.old_element] = c.element;
  auto key = [](const model::Diagnostic& d, const std::string& element) { return std::tie(d.rule, element, d.message); };
  auto old_findings = check::run_checks(old_model, config), new_findings = check::run_checks(new_model, config);
  auto renamed = [&](const model::Diagnostic& d) {
    auto it = new_of_old.find(d.element);
    return it == new_of_old.end() ? d.element : it->second;
  };
  Effect out;
  for (const auto& n : new_findings)
    if (std::none_of(old_findings.begin(), old_findings.end(), [&](const auto& o) { return key(o, renamed(o)) == key(n, n.element); }))
      out.new_findings.push_back(n);
  for (const auto& o : old_findings)
    if (std::none_of(new_findings.begin(), new_findings.end(), [&](const auto& n) { return key(o, renamed(o)) == key(n, n.element); }))
      out.gone_findings.push_back(o);
  out.old_paths = longest_paths(old_model, config);
  out.new_paths = longest_paths(new_model, config);
  return out;
}

}  // namespace syzba::diff
