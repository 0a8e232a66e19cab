// Path enumeration: a depth-first search from each start that takes every sequence flow at
// most once per path (so every loop at most once), adding up durations on the way.
#include "check/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <cmath>
#include <functional>
#include <tuple>

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
  std::string working_day = say(c.lang, "unit.working-day"), working_days = say(c.lang, "unit.working-days");
  std::string h = say(c.lang, "unit.hours"), min = say(c.lang, "unit.minutes");
  add(days, working_day.c_str(), working_days.c_str());
  add(hours, h.c_str(), h.c_str());
  add(minutes, min.c_str(), min.c_str());
  if (t.calendar_days > 1e-9)
    out += (out.empty() ? "" : " + ") + number(t.calendar_days) + " " +
           say(c.lang, t.calendar_days == 1 ? "unit.calendar-day" : "unit.calendar-days");
  return out.empty() ? "0 min" : out;
}

std::string describe(const model::Duration& d, Lang lang) {
  if (lang == Lang::kk && !d.text.empty()) return d.text;  // the regulation's own words
  if (lang == Lang::ru) {
    std::string_view unit = d.unit == TimeUnit::second ? "сек" : d.unit == TimeUnit::minute ? "мин" : d.unit == TimeUnit::hour ? "ч"
                            : d.unit == TimeUnit::working_day ? "раб. дн." : "календ. дн.";
    return number(d.amount) + " " + std::string(unit);
  }
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

using model::names_any;

class PathFinder {
 public:
  PathFinder(const ModelView& view, const Config& config, std::size_t max_paths)
      : view_(view), config_(config), max_(max_paths) {}

  // The heaviest start-to-end path by a weight per step: exact by dynamic programming when
  // the scope has no cycle (linear time, any size), else the heaviest of the enumerated paths.
  StepPath heaviest(const Scope& scope, const std::function<double(const StepPath&)>& weight) {
    const FlowGraph& g = view_.graph(scope);
    auto starts = starts_of(g);
    auto order = topological_order(g);
    if (!order) {
      bool truncated = false;
      auto paths = paths_of(scope, truncated);
      StepPath best;
      double best_weight = -1;
      for (auto& p : paths)
        if (double w = weight(p); w > best_weight) {
          best_weight = w;
          best = std::move(p);
        }
      return best;
    }
    // best[v]: the heaviest path from a start to v, as the step it came from and its weight.
    std::vector<double> own(g.nodes.size());
    for (std::size_t v = 0; v < g.nodes.size(); ++v) own[v] = step_weight(*g.nodes[v], weight);
    std::vector<double> best(g.nodes.size(), -1);
    std::vector<long> from(g.nodes.size(), -1);
    for (auto s : starts) best[s] = own[s];
    for (auto v : *order) {
      if (best[v] < 0) continue;
      for (auto [e, end] = boost::out_edges(v, g.graph); e != end; ++e) {
        auto t = boost::target(*e, g.graph);
        double w = best[v] + own[t];
        if (w > best[t]) {
          best[t] = w;
          from[t] = static_cast<long>(v);
        }
      }
    }
    long end = -1;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (best[v] >= 0 && boost::out_degree(v, g.graph) == 0 && (end < 0 || best[v] > best[end])) end = static_cast<long>(v);
    std::vector<FlowGraph::Vertex> chain;
    for (long v = end; v >= 0; v = from[v]) chain.push_back(static_cast<FlowGraph::Vertex>(v));
    StepPath path;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      path.steps.push_back(g.nodes[*it]);
      add_step(*g.nodes[*it], path);
    }
    path.critical = true;
    return path;
  }

  ProcessPaths process(const Scope& scope) {
    visits_ = 0;
    ProcessPaths out;
    out.process = scope.process;
    out.paths = paths_of(scope, out.truncated);
    return out;
  }

 private:
  static std::vector<FlowGraph::Vertex> starts_of(const FlowGraph& g) {
    std::vector<FlowGraph::Vertex> starts;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (g.nodes[v]->kind == NodeKind::start_event) starts.push_back(v);
    if (starts.empty())
      for (std::size_t v = 0; v < g.nodes.size(); ++v)
        if (boost::in_degree(v, g.graph) == 0 && !g.nodes[v]->triggered_by_event.value_or(false) &&
            !g.nodes[v]->is_for_compensation.value_or(false))
          starts.push_back(v);
    return starts;
  }

  // Kahn's algorithm; nothing when the graph has a cycle.
  static std::optional<std::vector<FlowGraph::Vertex>> topological_order(const FlowGraph& g) {
    std::vector<std::size_t> in(g.nodes.size());
    std::vector<FlowGraph::Vertex> order, ready;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if ((in[v] = boost::in_degree(v, g.graph)) == 0) ready.push_back(v);
    while (!ready.empty()) {
      auto v = ready.back();
      ready.pop_back();
      order.push_back(v);
      for (auto [e, end] = boost::out_edges(v, g.graph); e != end; ++e)
        if (--in[boost::target(*e, g.graph)] == 0) ready.push_back(boost::target(*e, g.graph));
    }
    if (order.size() != g.nodes.size()) return std::nullopt;
    return order;
  }

  // A step's weight: the path weight of the step alone.
  double step_weight(const model::FlowNode& n, const std::function<double(const StepPath&)>& weight) {
    StepPath alone;
    alone.steps.push_back(&n);
    add_step(n, alone);
    return weight(alone);
  }

  std::vector<StepPath> paths_of(const Scope& scope, bool& truncated) {
    const FlowGraph& g = view_.graph(scope);
    std::vector<FlowGraph::Vertex> starts = starts_of(g);
    std::vector<StepPath> found;
    // A flow that goes back to a step already on the path closes a loop: each such flow is
    // taken at most once per path, so every loop runs at most once more. The search keeps
    // its own stack: a regulation can be a chain of thousands of steps.
    std::vector<bool> loop_taken(boost::num_edges(g.graph), false);
    std::vector<int> on_path(g.nodes.size(), 0);
    struct Frame {
      FlowGraph::Vertex vertex;
      FlowGraph::Graph::out_edge_iterator next, end;
      Total total;
      bool refusal;
      std::size_t untimed;
      int closed_loop;  // the loop-closing edge taken to get here, or -1
    };
    StepPath current;
    std::vector<Frame> stack;
    auto enter = [&](FlowGraph::Vertex v, int closed_loop, bool refusal_flow) {
      stack.push_back({v, {}, {}, current.total, current.refusal, current.untimed.size(), closed_loop});
      if (refusal_flow) current.refusal = true;
      std::tie(stack.back().next, stack.back().end) = boost::out_edges(v, g.graph);
      current.steps.push_back(g.nodes[v]);
      add_step(*g.nodes[v], current, on_path[v] > 0);
      ++on_path[v];
      if (boost::out_degree(v, g.graph) == 0) found.push_back(current);
    };
    auto leave = [&] {
      Frame& f = stack.back();
      --on_path[f.vertex];
      current.steps.pop_back();
      current.total = f.total;
      current.refusal = f.refusal;
      current.untimed.resize(f.untimed);
      if (f.closed_loop >= 0) loop_taken[f.closed_loop] = false;
      stack.pop_back();
    };
    for (auto start : starts) {
      enter(start, -1, false);
      while (!stack.empty()) {
        // Paths can grow exponentially with the decisions in a row: bound the list and the search.
        if (found.size() >= max_ || ++visits_ > 100 * max_ + 100000) {
          truncated = true;
          while (!stack.empty()) leave();
          break;
        }
        Frame& f = stack.back();
        if (f.next == f.end) {
          leave();
          continue;
        }
        auto e = *f.next++;
        auto target = boost::target(e, g.graph);
        int index = g.graph[e].index;
        bool closes_loop = on_path[target] > 0;
        if (closes_loop && loop_taken[index]) continue;
        if (closes_loop) loop_taken[index] = true;
        const auto* flow = g.graph[e].flow;
        enter(target, closes_loop ? index : -1, flow && names_any(flow->name, config_.refusal_words));
      }
    }
    mark_critical(found);
    return found;
  }

  // again: the step is on the path already (a loop run once more), so it may be listed as
  // untimed already. Only then is the list searched: a chain of 300,000 steps searched it at
  // every step and took half a minute.
  void add_step(const model::FlowNode& n, StepPath& path, bool again = false) {
    if (named_refusal(n)) path.refusal = true;
    if (n.kind == NodeKind::end_event && has_event(n, model::EventKind::error)) path.refusal = true;
    if (n.duration) {
      path.total = path.total + total_of(*n.duration, config_);
    } else if (model::is_sub_process(n.kind) && !n.content->nodes.empty()) {
      // A sub-process without a duration of its own takes as long as its longest path,
      // computed once per sub-process (nested ones would otherwise be redone at every level).
      auto known = inner_longest_.find(&n);
      if (known == inner_longest_.end())
        known = inner_longest_.emplace(&n, heaviest(*view_.scope_inside(n), [&](const StepPath& p) {
                                         return in_working_minutes(p.total, config_);
                                       })).first;
      const StepPath& longest = known->second;
      path.total = path.total + longest.total;
      path.untimed.insert(path.untimed.end(), longest.untimed.begin(), longest.untimed.end());
    } else if (model::is_activity(n.kind) &&
               (!again || std::find(path.untimed.begin(), path.untimed.end(), &n) == path.untimed.end())) {
      path.untimed.push_back(&n);
    }
  }

  // Whether the step's name says refusal, read once per node: lower-casing its name at every
  // path it is on (and twice per step of a heaviest path) was half of the numbering rule.
  bool named_refusal(const model::FlowNode& n) {
    if (refusal_named_.empty()) refusal_named_.assign(view_.node_count(), Named::unknown);
    Named& known = refusal_named_[view_.ordinal(n)];
    if (known == Named::unknown) known = names_any(n.name, config_.refusal_words) ? Named::yes : Named::no;
    return known == Named::yes;
  }

  void mark_critical(std::vector<StepPath>& paths) const {
    StepPath* longest = nullptr;
    for (auto& p : paths)
      if (!longest || in_working_minutes(p.total, config_) > in_working_minutes(longest->total, config_) + 1e-9) longest = &p;
    if (longest) longest->critical = true;
  }

  const ModelView& view_;
  const Config& config_;
  std::unordered_map<const model::FlowNode*, StepPath> inner_longest_;
  enum class Named : std::uint8_t { unknown, no, yes };
  std::vector<Named> refusal_named_;  // by the node's ordinal; a cache, filled as steps are met
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
      bool timed_by_content = model::is_sub_process(n.kind) && !n.content->nodes.empty();
      if (model::is_activity(n.kind) && !n.duration && !timed_by_content && !n.triggered_by_event.value_or(false))
        r.report(n, r.say("duration-missing", {n.name.empty() ? "'" + n.id + "'" : "«" + n.name + "»"}));
    }
  }
}

void term_exceeded(const ModelView& view, const Config& config, Reporter& r) {
  for (const auto& scope : view.scopes) {
    if (scope.sub_process) continue;
    std::optional<model::Duration> term;
    if (scope.process->service && scope.process->service->term) term = scope.process->service->term;
    else if (view.defs.service && view.defs.service->term) term = view.defs.service->term;
    if (!term) continue;
    // The longest path decides: if it fits the term, every path does.
    StepPath longest = heaviest_path(view, scope, config, [&](const StepPath& p) { return in_working_minutes(p.total, config); });
    if (!exceeds(longest.total, *term, config)) continue;
    // One readable line: how long the path is, not every step of it (those are in the path,
    // and `syzba paths` lists them).
    std::vector<std::string> ids;
    for (const auto* n : longest.steps) ids.push_back(n->id);
    std::string message =
        r.say("term-exceeded", {std::to_string(ids.size()), describe(longest.total, config), describe(*term, config.lang)});
    r.report(*scope.process, std::move(message), std::move(ids));
  }
}

// A diagram's header that names another service is a copy-paste error the seeds show (000:
// appendix 2 headed with the guardianship benefit). Names are compared without case, quotes
// and spacing.
void service_mismatch(const ModelView& view, const Config&, Reporter& r) {
  if (!view.defs.service || view.defs.service->name.empty()) return;
  auto normal = [](std::string_view name) {
    std::string lower = model::lowercase(name), out;
    for (std::size_t i = 0; i < lower.size();) {
      std::string_view rest(lower.data() + i, lower.size() - i);
      std::size_t skip = 0;
      for (std::string_view q : {"\"", "'", "«", "»", "“", "”", "„"})
        if (rest.substr(0, q.size()) == q) skip = q.size();
      if (skip) {
        i += skip;
        continue;
      }
      char c = lower[i++];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += c;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  std::string file_service = normal(view.defs.service->name);
  for (const auto& p : view.defs.processes)
    if (p.service && !p.service->name.empty() && normal(p.service->name) != file_service)
      r.report(p, r.say("service-mismatch", {p.service->name, view.defs.service->name}));
}

StepPath heaviest_path(const ModelView& view, const Scope& scope, const Config& config,
                       const std::function<double(const StepPath&)>& weight) {
  PathFinder finder(view, config, 10000);
  return finder.heaviest(scope, weight);
}

}  // namespace syzba::check
