// Path enumeration: a depth-first search from each start that takes every sequence flow at
// most once per path (so every loop at most once), adding up durations on the way.
#include "check/paths.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "check/graph.h"

namespace syzba::check {

using model::NodeKind;
using model::TimeUnit;

double in_working_minutes(const Total& t, const Config& c) {
  return t.working_minutes + t.calendar_days * (c.working_week_days / 7.0) * c.working_day_hours * 60;
}

double in_calendar_days(const Total& t, const Config& c) {
  return t.calendar_days + t.working_minutes / (c.working_day_hours * 60) * (7.0 / c.working_week_days);
}

namespace {

Total total_of(const model::Duration& d, const Config& c) {
  switch (d.unit) {
    case TimeUnit::second: return {d.amount / 60, 0};
    case TimeUnit::minute: return {d.amount, 0};
    case TimeUnit::hour: return {d.amount * 60, 0};
    case TimeUnit::working_day: return {d.amount * c.working_day_hours * 60, 0};
    case TimeUnit::calendar_day: return {0, d.amount};
  }
  return {};
}

Total operator+(Total a, const Total& b) { return {a.working_minutes + b.working_minutes, a.calendar_days + b.calendar_days}; }

std::string number(double v) {
  double rounded = std::round(v * 100) / 100;
  return fmt::format("{}", rounded);
}

}  // namespace

bool exceeds(const Total& total, const model::Duration& term, const Config& c) {
  constexpr double slack = 1e-6;
  if (term.unit == TimeUnit::calendar_day) return in_calendar_days(total, c) > term.amount + slack;
  return in_working_minutes(total, c) > total_of(term, c).working_minutes + slack;
}

std::string describe(const Total& t, const Config& c) {
  double day = c.working_day_hours * 60;
  double minutes = t.working_minutes;
  double days = std::floor(minutes / day + 1e-9);
  minutes -= days * day;
  double hours = std::floor(minutes / 60 + 1e-9);
  minutes -= hours * 60;
  std::string out;
  auto add = [&](double v, const char* one, const char* many) {
    if (v <= 1e-9) return;
    if (!out.empty()) out += " ";
    out += number(v) + " " + (std::fabs(v - 1) < 1e-9 ? one : many);
  };
  add(days, "working day", "working days");
  add(hours, "h", "h");
  add(minutes, "min", "min");
  if (t.calendar_days > 1e-9) out += (out.empty() ? "" : " + ") + number(t.calendar_days) + " calendar day" + (t.calendar_days == 1 ? "" : "s");
  return out.empty() ? "0 min" : out;
}

std::string describe(const model::Duration& d) {
  const char* unit = "";
  bool one = std::fabs(d.amount - 1) < 1e-9;
  switch (d.unit) {
    case TimeUnit::second: unit = one ? "second" : "seconds"; break;
    case TimeUnit::minute: unit = one ? "minute" : "minutes"; break;
    case TimeUnit::hour: unit = one ? "hour" : "hours"; break;
    case TimeUnit::working_day: unit = one ? "working day" : "working days"; break;
    case TimeUnit::calendar_day: unit = one ? "calendar day" : "calendar days"; break;
  }
  return number(d.amount) + " " + unit;
}

namespace {

bool names_any(const std::string& name, const std::vector<std::string>& words) {
  if (name.empty()) return false;
  std::string lower = model::lowercase(name);
  return std::any_of(words.begin(), words.end(), [&](const auto& w) { return lower.find(w) != std::string::npos; });
}

class PathFinder {
 public:
  PathFinder(const ModelView& view, const Config& config, std::size_t max_paths)
      : view_(view), config_(config), max_(max_paths) {}

  ProcessPaths process(const Scope& scope) {
    visits_ = 0;
    ProcessPaths out;
    out.process = scope.process;
    out.paths = paths_of(scope, out.truncated);
    return out;
  }

 private:
  std::vector<StepPath> paths_of(const Scope& scope, bool& truncated) {
    FlowGraph g = build_flow_graph(scope);
    std::vector<FlowGraph::Vertex> starts;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (g.nodes[v]->kind == NodeKind::start_event) starts.push_back(v);
    if (starts.empty())
      for (std::size_t v = 0; v < g.nodes.size(); ++v)
        if (boost::in_degree(v, g.graph) == 0 && !g.nodes[v]->triggered_by_event.value_or(false) &&
            !g.nodes[v]->is_for_compensation.value_or(false))
          starts.push_back(v);
    std::vector<StepPath> found;
    // A flow that goes back to a step already on the path closes a loop: each such flow is
    // taken at most once per path, so every loop runs at most once more.
    std::vector<bool> loop_taken(boost::num_edges(g.graph), false);
    std::vector<int> on_path(g.nodes.size(), 0);
    StepPath current;
    std::function<void(FlowGraph::Vertex)> walk = [&](FlowGraph::Vertex v) {
      // Paths can grow exponentially with the decisions in a row: bound the list and the search.
      if (found.size() >= max_ || ++visits_ > 100 * max_ + 100000) {
        truncated = true;
        return;
      }
      const model::FlowNode& n = *g.nodes[v];
      StepPath saved = current;
      current.steps.push_back(&n);
      add_step(n, current);
      ++on_path[v];
      for (auto [e, end] = boost::out_edges(v, g.graph); e != end; ++e) {
        auto target = boost::target(*e, g.graph);
        int index = g.graph[*e].index;
        bool closes_loop = on_path[target] > 0;
        if (closes_loop && loop_taken[index]) continue;
        if (closes_loop) loop_taken[index] = true;
        bool refusal_before = current.refusal;
        if (const auto* f = g.graph[*e].flow; f && names_any(f->name, config_.refusal_words)) current.refusal = true;
        walk(target);
        current.refusal = refusal_before;
        if (closes_loop) loop_taken[index] = false;
      }
      if (boost::out_degree(v, g.graph) == 0) found.push_back(current);
      --on_path[v];
      current = std::move(saved);
    };
    for (auto s : starts) walk(s);
    mark_critical(found);
    return found;
  }

  void add_step(const model::FlowNode& n, StepPath& path) {
    if (names_any(n.name, config_.refusal_words)) path.refusal = true;
    if (n.kind == NodeKind::end_event && has_event(n, model::EventKind::error)) path.refusal = true;
    if (n.duration) {
      path.total = path.total + total_of(*n.duration, config_);
    } else if (model::is_sub_process(n.kind) && !n.content.nodes.empty()) {
      // A sub-process without a duration of its own takes as long as its longest path.
      Scope inner{&n, &n.content, &n, view_.scope_of(n)->process, view_.scope_of(n)};
      bool inner_truncated = false;
      auto inner_paths = paths_of(inner, inner_truncated);
      for (const auto& p : inner_paths)
        if (p.critical) {
          path.total = path.total + p.total;
          path.untimed.insert(path.untimed.end(), p.untimed.begin(), p.untimed.end());
        }
    } else if (model::is_activity(n.kind) && std::find(path.untimed.begin(), path.untimed.end(), &n) == path.untimed.end()) {
      path.untimed.push_back(&n);
    }
  }

  void mark_critical(std::vector<StepPath>& paths) const {
    StepPath* longest = nullptr;
    for (auto& p : paths)
      if (!longest || in_working_minutes(p.total, config_) > in_working_minutes(longest->total, config_) + 1e-9) longest = &p;
    if (longest) longest->critical = true;
  }

  const ModelView& view_;
  const Config& config_;
  std::size_t max_;
  std::size_t visits_ = 0;
};

}  // namespace

std::vector<ProcessPaths> enumerate_paths(const model::Definitions& defs, const Config& config, std::size_t max_paths) {
  ModelView view(defs);
  PathFinder finder(view, config, max_paths);
  std::vector<ProcessPaths> out;
  for (const auto& scope : view.scopes) {
    if (scope.sub_process) continue;
    ProcessPaths p = finder.process(scope);
    if (scope.process->service && scope.process->service->term) p.term = scope.process->service->term;
    else if (defs.service && defs.service->term) p.term = defs.service->term;
    out.push_back(std::move(p));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
void duration_missing(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    bool has_term = (s.process->service && s.process->service->term) || (view.defs.service && view.defs.service->term);
    if (!has_term) continue;
    for (const auto& n : s.content->nodes) {
      bool timed_by_content = model::is_sub_process(n.kind) && !n.content.nodes.empty();
      if (model::is_activity(n.kind) && !n.duration && !timed_by_content && !n.triggered_by_event.value_or(false))
        r.report(n, (n.name.empty() ? "'" + n.id + "'" : "«" + n.name + "»") +
                        " has no duration (Орындалу ұзақтығы), though the service declares a term");
    }
  }
}

void term_exceeded(const ModelView& view, const Config& config, Reporter& r) {
  for (const auto& p : enumerate_paths(view.defs, config)) {
    if (!p.term) continue;
    for (const auto& path : p.paths) {
      if (!exceeds(path.total, *p.term, config)) continue;
      std::string steps;
      std::vector<std::string> ids;
      for (const auto* n : path.steps) {
        steps += (steps.empty() ? "" : " → ") + (n->name.empty() ? n->id : n->name);
        ids.push_back(n->id);
      }
      r.report(*p.process, "the path " + steps + " takes " + describe(path.total, config) +
                               ", more than the declared term of " + describe(*p.term),
               std::move(ids));
    }
  }
}

}  // namespace syzba::check
