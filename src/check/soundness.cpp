// Soundness: each scope as a workflow net, its state space explored breadth first.
//
// Tokens lie on the scope's flows (the FlowGraph's edges). A node fires by the semantics of
// its kind: an exclusive or event-based gateway passes one token to one branch; a parallel
// gateway waits for a token on every incoming flow and puts one on every outgoing one; an
// inclusive (or complex) gateway joins what can still arrive and splits to any non-empty set
// of branches; activities and events take one token and put one on each outgoing flow (any
// non-empty set when the flows are conditional); a boundary event replaces (interrupting) or
// adds to (non-interrupting) its host's outgoing tokens; a terminate, error or cancel end
// clears the scope.
// Sub-processes are their own scopes and fire as one step in their parent.
//
// Every flow has one target, so no two nodes compete for a token: an enabled node stays
// enabled until it fires. Without inclusive joins (whose enabling looks at the whole net) it
// is therefore enough to fire one enabled node per state, with each of its choices — this
// keeps a 1,000-node structured process to a few thousand states instead of every
// interleaving of its parallel branches, and loses no deadlock or unbounded growth.
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "check/graph.h"

namespace syzba::check {

using model::EventKind;
using model::FlowNode;
using model::NodeKind;

namespace {

using Marking = std::vector<std::uint16_t>;  // tokens per edge

struct MarkingHash {
  std::size_t operator()(const Marking& m) const {
    std::size_t h = m.size();
    for (auto v : m) h = h * 1000003u ^ v;
    return h;
  }
};

struct Successor {
  Marking marking;
  bool terminated = false;  // a terminate end event fired
};

class Net {
 public:
  Net(const ModelView& view, const Scope& scope) : scope_(scope), g_(view.graph(scope)) {
    edges_.resize(boost::num_edges(g_.graph));
    for (auto [e, end] = boost::edges(g_.graph); e != end; ++e) edges_[g_.graph[*e].index] = *e;
    // Places in and out of each node, computed once: the search asks for them at every state.
    in_places_.resize(g_.nodes.size());
    out_places_.resize(g_.nodes.size());
    for (auto [e, end] = boost::edges(g_.graph); e != end; ++e) {
      if (!is_place(*e)) continue;
      in_places_[boost::target(*e, g_.graph)].push_back(g_.graph[*e].index);
      out_places_[boost::source(*e, g_.graph)].push_back(g_.graph[*e].index);
    }
    for (auto& list : in_places_) std::sort(list.begin(), list.end());
    for (auto& list : out_places_) std::sort(list.begin(), list.end());
    for (std::size_t v = 0; v < g_.nodes.size(); ++v) {
      auto kind = g_.nodes[v]->kind;
      has_inclusive_join_ = has_inclusive_join_ || ((kind == NodeKind::inclusive_gateway || kind == NodeKind::complex_gateway) &&
                                                    boost::in_degree(v, g_.graph) > 1);
    }
  }

  const FlowGraph& graph() const { return g_; }
  bool reduce() const { return !has_inclusive_join_; }

  // Places tokens are on: sequence flows and link edges, not the host → boundary edges.
  bool is_place(FlowGraph::Edge e) const {
    return g_.graph[e].flow || g_.nodes[boost::target(e, g_.graph)]->kind != NodeKind::boundary_event;
  }

  std::vector<Marking> initial_markings() const {
    std::vector<FlowGraph::Vertex> starts;
    for (std::size_t v = 0; v < g_.nodes.size(); ++v)
      if (g_.nodes[v]->kind == NodeKind::start_event && !apart(v)) starts.push_back(v);
    std::vector<Marking> out;
    if (!starts.empty()) {
      for (auto s : starts) {  // each start event is an alternative way in
        Marking m(edges_.size(), 0);
        for (auto e : outputs(s)) ++m[e];
        out.push_back(m);
      }
      return out;
    }
    Marking m(edges_.size(), 0);  // no start event: every node no flow enters starts at once
    for (std::size_t v = 0; v < g_.nodes.size(); ++v)
      if (incoming_places(v).empty() && !apart(v) && g_.nodes[v]->kind != NodeKind::boundary_event)
        for (auto e : outputs(v)) ++m[e];
    out.push_back(m);
    return out;
  }

  // The nodes with a token on one of their incoming flows.
  std::vector<FlowGraph::Vertex> waiting(const Marking& m) const {
    std::vector<FlowGraph::Vertex> candidates;
    for (std::size_t e = 0; e < m.size(); ++e)
      if (m[e] > 0) candidates.push_back(target(static_cast<int>(e)));
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
  }

  // Only a node with a token on one of its incoming flows can be enabled.
  std::vector<FlowGraph::Vertex> enabled(const Marking& m) const {
    std::vector<FlowGraph::Vertex> out;
    for (auto v : waiting(m))
      if (is_enabled(v, m)) out.push_back(v);
    return out;
  }

  std::vector<Successor> fire(FlowGraph::Vertex v, const Marking& m) const {
    const FlowNode& n = *g_.nodes[v];
    std::vector<Successor> out;
    const auto& in = incoming_places(v);
    if (n.kind == NodeKind::parallel_gateway) {
      Marking next = m;
      for (auto e : in) --next[e];
      for (auto e : outputs(v)) ++next[e];
      return {{next}};
    }
    if (n.kind == NodeKind::inclusive_gateway || n.kind == NodeKind::complex_gateway) {
      Marking taken = m;
      for (auto e : in)
        if (taken[e] > 0) --taken[e];
      for (auto& set : output_sets(v, true)) {
        Marking next = taken;
        for (auto e : set) ++next[e];
        out.push_back({next});
      }
      return out;
    }
    // One token from one incoming flow.
    for (auto e : in) {
      if (m[e] == 0) continue;
      Marking taken = m;
      --taken[e];
      // A terminate end clears the net; an error or cancel end aborts the scope (its boundary
      // event, if any, takes over in the parent), which also leaves no token behind.
      if (n.kind == NodeKind::end_event &&
          (has_event(n, EventKind::terminate) || has_event(n, EventKind::error) || has_event(n, EventKind::cancel))) {
        out.push_back({Marking(m.size(), 0), true});
        continue;
      }
      bool exclusive = n.kind == NodeKind::exclusive_gateway || n.kind == NodeKind::event_based_gateway;
      for (auto& set : output_sets(v, !exclusive && has_conditional_output(v))) {
        if (exclusive && set.size() != 1) continue;
        Marking next = taken;
        for (auto o : set) ++next[o];
        out.push_back({next});
      }
      if (exclusive && outputs(v).empty()) out.push_back({taken});
      for (auto b : boundaries(v)) {  // the host completes by one of its boundary events instead, or besides
        const FlowNode& event = *g_.nodes[b];
        Marking next = taken;
        if (!event.cancel_activity.value_or(true))
          for (auto o : outputs(v)) ++next[o];
        for (auto o : outputs(b)) ++next[o];
        out.push_back({next});
      }
      break;  // which incoming token is taken does not matter: one successor set is enough
    }
    return out;
  }

  const std::vector<int>& incoming_places(FlowGraph::Vertex v) const { return in_places_[v]; }
  const std::vector<int>& outputs(FlowGraph::Vertex v) const { return out_places_[v]; }

  FlowGraph::Vertex target(int edge) const { return boost::target(edges_[edge], g_.graph); }
  const FlowNode& node(FlowGraph::Vertex v) const { return *g_.nodes[v]; }
  bool apart(FlowGraph::Vertex v) const {
    const FlowNode& n = *g_.nodes[v];
    return n.triggered_by_event.value_or(false) || n.is_for_compensation.value_or(false);
  }

 private:
  bool is_enabled(FlowGraph::Vertex v, const Marking& m) const {
    if (apart(v)) return false;
    const auto& in = incoming_places(v);
    if (in.empty()) return false;
    auto kind = g_.nodes[v]->kind;
    if (kind == NodeKind::parallel_gateway)
      return std::all_of(in.begin(), in.end(), [&](int e) { return m[e] > 0; });
    bool any = std::any_of(in.begin(), in.end(), [&](int e) { return m[e] > 0; });
    if (!any) return false;
    if ((kind == NodeKind::inclusive_gateway || kind == NodeKind::complex_gateway) && in.size() > 1) {
      // Joins once no token elsewhere can still reach one of its empty incoming flows.
      for (int e : in) {
        if (m[e] > 0) continue;
        for (std::size_t other = 0; other < m.size(); ++other)
          if (m[other] > 0 && std::find(in.begin(), in.end(), static_cast<int>(other)) == in.end() &&
              edge_reaches_edge(static_cast<int>(other), e, v))
            return false;
      }
    }
    return true;
  }

  // Whether a token on edge `from` can reach edge `to` without passing through `gate`.
  bool edge_reaches_edge(int from, int to, FlowGraph::Vertex gate) const {
    std::vector<bool> seen(g_.nodes.size(), false);
    std::deque<FlowGraph::Vertex> queue{target(from)};
    if (from == to) return true;
    while (!queue.empty()) {
      auto v = queue.front();
      queue.pop_front();
      if (v == gate || seen[v]) continue;
      seen[v] = true;
      for (auto [e, end] = boost::out_edges(v, g_.graph); e != end; ++e) {
        if (g_.graph[*e].index == to) return true;
        queue.push_back(boost::target(*e, g_.graph));
      }
    }
    return false;
  }

  bool has_conditional_output(FlowGraph::Vertex v) const {
    for (auto [e, end] = boost::out_edges(v, g_.graph); e != end; ++e)
      if (g_.graph[*e].flow && g_.graph[*e].flow->condition) return true;
    return false;
  }

  // The sets of outgoing flows a firing may put tokens on: all of them, every single one, or
  // (any = true) every non-empty subset — capped, past 6 flows, at singles and all.
  std::vector<std::vector<int>> output_sets(FlowGraph::Vertex v, bool any) const {
    const auto& out = outputs(v);
    std::vector<std::vector<int>> sets;
    bool exclusive = g_.nodes[v]->kind == NodeKind::exclusive_gateway || g_.nodes[v]->kind == NodeKind::event_based_gateway;
    if (exclusive) {
      for (int e : out) sets.push_back({e});
      return sets;
    }
    if (!any || out.size() <= 1) return {out};
    if (out.size() > 6) {
      for (int e : out) sets.push_back({e});
      sets.push_back(out);
      return sets;
    }
    for (unsigned mask = 1; mask < (1u << out.size()); ++mask) {
      std::vector<int> set;
      for (std::size_t k = 0; k < out.size(); ++k)
        if (mask & (1u << k)) set.push_back(out[k]);
      sets.push_back(set);
    }
    return sets;
  }

  std::vector<FlowGraph::Vertex> boundaries(FlowGraph::Vertex v) const {
    std::vector<FlowGraph::Vertex> out;
    for (auto [e, end] = boost::out_edges(v, g_.graph); e != end; ++e) {
      auto t = boost::target(*e, g_.graph);
      // A compensation boundary event does not end its host: it only starts the handler later.
      const auto& defs = g_.nodes[t]->event_definitions;
      bool compensation = !defs.empty() && std::all_of(defs.begin(), defs.end(), [](const auto& d) {
        return d.kind == EventKind::compensate;
      });
      if (!g_.graph[*e].flow && g_.nodes[t]->kind == NodeKind::boundary_event && !compensation) out.push_back(t);
    }
    return out;
  }

  const Scope& scope_;
  const FlowGraph& g_;
  std::vector<std::vector<int>> in_places_, out_places_;
  std::vector<FlowGraph::Edge> edges_;
  bool has_inclusive_join_ = false;
};

struct State {
  Marking marking;
  bool terminated = false;
  int parent = -1;
  FlowGraph::Vertex fired = 0;  // what fired to get here from the parent
  long tokens = 0;              // the marking's total, to skip coverage checks that cannot hold
};

long total(const Marking& m) {
  long sum = 0;
  for (auto v : m) sum += v;
  return sum;
}

std::string label(const FlowNode& n) { return n.name.empty() ? "'" + n.id + "'" : "«" + n.name + "»"; }

std::vector<std::string> witness(const std::vector<State>& states, int at, const Net& net) {
  std::vector<std::string> path;
  for (int s = at; s >= 0 && states[s].parent >= 0; s = states[s].parent) path.push_back(net.node(states[s].fired).id);
  std::reverse(path.begin(), path.end());
  return path;
}

std::string where_tokens_wait(const Marking& m, const Net& net) {
  std::string out;
  for (std::size_t e = 0; e < m.size(); ++e)
    if (m[e] > 0) out += (out.empty() ? "" : ", ") + label(net.node(net.target(static_cast<int>(e))));
  return out;
}

}  // namespace

void soundness(const ModelView& view, const Config& config, Reporter& r) {
  for (const auto& scope : view.scopes) {
    if (scope.sub_process && (scope.sub_process->kind == NodeKind::ad_hoc_sub_process ||
                              scope.sub_process->triggered_by_event.value_or(false)))
      continue;
    if (scope.content->nodes.size() > config.soundness_nodes) {
      const auto* at = scope.sub_process ? static_cast<const model::BaseElement*>(scope.sub_process) : scope.process;
      r.report_as("soundness-bound", *at,
                  r.say("soundness-bound.nodes", {std::to_string(scope.content->nodes.size()), std::to_string(config.soundness_nodes)}));
      continue;
    }
    Net net(view, scope);
    const auto& g = net.graph();
    std::vector<State> states;
    std::unordered_map<Marking, int, MarkingHash> index;
    std::deque<int> queue;
    for (auto& m : net.initial_markings()) {
      if (index.count(m)) continue;
      index.emplace(m, static_cast<int>(states.size()));
      queue.push_back(static_cast<int>(states.size()));
      states.push_back({m, false, -1, 0, total(m)});
    }
    std::vector<std::vector<int>> successors;
    std::vector<bool> fired(g.nodes.size(), false);
    bool bounded_out = false, reported_unbounded = false;
    std::set<std::pair<FlowGraph::Vertex, int>> reported_sync;
    while (!queue.empty()) {
      int s = queue.front();
      queue.pop_front();
      if (successors.size() < states.size()) successors.resize(states.size());
      Marking marking = states[s].marking;
      // Lack of synchronisation: two tokens wait at once before a node that is no join.
      for (auto v : net.waiting(marking)) {
        auto kind = g.nodes[v]->kind;
        if (kind == NodeKind::parallel_gateway || kind == NodeKind::inclusive_gateway || kind == NodeKind::complex_gateway ||
            kind == NodeKind::end_event)
          continue;
        int waiting = 0;
        for (int e : net.incoming_places(v)) waiting += marking[e];
        if (waiting >= 2 && reported_sync.empty() && reported_sync.insert({v, 0}).second)  // the first place it shows
          r.report_as("lack-of-synchronisation", *g.nodes[v],
                      r.say("lack-of-synchronisation", {label(*g.nodes[v])}),
                      witness(states, s, net));
      }
      auto enabled = net.enabled(marking);
      if (net.reduce() && enabled.size() > 1) enabled.resize(1);  // see the file comment
      for (auto v : enabled) {
        fired[v] = true;
        for (auto& next : net.fire(v, marking)) {
          // Unbounded growth: the new marking covers one on its way here and holds more.
          long next_tokens = total(next.marking);
          if (!reported_unbounded) {
            for (int a = s; a >= 0; a = states[a].parent) {
              if (states[a].tokens >= next_tokens) continue;  // a strict cover holds more tokens
              const Marking& old = states[a].marking;
              bool covers = true, more = false;
              for (std::size_t e = 0; e < old.size() && covers; ++e) {
                covers = next.marking[e] >= old[e];
                more = more || next.marking[e] > old[e];
              }
              if (covers && more) {
                reported_unbounded = true;
                std::vector<std::string> path = witness(states, s, net);
                path.push_back(g.nodes[v]->id);
                const auto* at = scope.sub_process ? static_cast<const model::BaseElement*>(scope.sub_process) : scope.process;
                r.report_as("unbounded-tokens", *at,
                            r.say("unbounded-tokens", {where_tokens_wait(next.marking, net)}),
                            std::move(path));
                break;
              }
            }
          }
          if (reported_unbounded) break;
          auto [it, fresh] = index.emplace(next.marking, static_cast<int>(states.size()));
          if (fresh) {
            if (states.size() >= config.soundness_states) {
              bounded_out = true;
              index.erase(it);
              continue;
            }
            states.push_back({next.marking, next.terminated, s, v, next_tokens});
            queue.push_back(it->second);
          }
          successors[s].push_back(it->second);
        }
        if (reported_unbounded) break;
      }
      if (reported_unbounded) break;
    }
    if (reported_unbounded) continue;
    successors.resize(states.size());

    // Final states: no token left (every path reached an end), or terminated. A state that
    // reaches neither a final nor a dead state runs forever (a livelock).
    std::vector<std::vector<int>> predecessors(states.size());
    for (std::size_t s = 0; s < states.size(); ++s)
      for (int t : successors[s]) predecessors[t].push_back(static_cast<int>(s));
    auto backwards_from = [&](auto is_goal) {
      std::vector<bool> reach(states.size(), false);
      std::deque<int> back;
      for (std::size_t s = 0; s < states.size(); ++s)
        if (is_goal(s)) {
          reach[s] = true;
          back.push_back(static_cast<int>(s));
        }
      while (!back.empty()) {
        int s = back.front();
        back.pop_front();
        for (int p : predecessors[s])
          if (!reach[p]) {
            reach[p] = true;
            back.push_back(p);
          }
      }
      return reach;
    };
    auto is_final = [&](std::size_t s) {
      return states[s].terminated ||
             std::all_of(states[s].marking.begin(), states[s].marking.end(), [](auto v) { return v == 0; });
    };
    auto can_finish = backwards_from(is_final);
    auto can_stop = backwards_from([&](std::size_t s) { return is_final(s) || successors[s].empty(); });
    const auto* scope_element = scope.sub_process ? static_cast<const model::BaseElement*>(scope.sub_process) : scope.process;
    bool deadlock_reported = false, livelock_reported = false;
    for (std::size_t s = 0; s < states.size() && !bounded_out; ++s) {
      if (can_finish[s]) continue;
      bool dead = successors[s].empty();
      if (dead && !deadlock_reported) {
        deadlock_reported = true;
        // The join that waits: a parallel or inclusive gateway with some, not all, tokens.
        const FlowNode* join = nullptr;
        for (std::size_t v = 0; v < g.nodes.size() && !join; ++v) {
          const auto& in = net.incoming_places(v);
          bool some = std::any_of(in.begin(), in.end(), [&](int e) { return states[s].marking[e] > 0; });
          if (some && model::is_gateway(g.nodes[v]->kind) && g.nodes[v]->kind != NodeKind::exclusive_gateway) join = g.nodes[v];
        }
        const model::BaseElement& at = join ? static_cast<const model::BaseElement&>(*join) : *scope_element;
        r.report_as("deadlock", at,
                    join ? r.say("deadlock.join", {label(*join), where_tokens_wait(states[s].marking, net)})
                         : r.say("deadlock.stuck", {where_tokens_wait(states[s].marking, net)}),
                    witness(states, static_cast<int>(s), net));
      } else if (!dead && !can_stop[s] && !livelock_reported) {
        livelock_reported = true;
        r.report_as("no-option-to-complete", *scope_element,
                    r.say("no-option-to-complete", {where_tokens_wait(states[s].marking, net)}),
                    witness(states, static_cast<int>(s), net));
      }
    }
    r.report_as("soundness-states", *(scope.sub_process ? static_cast<const model::BaseElement*>(scope.sub_process) : scope.process),
                r.say("soundness-states", {std::to_string(states.size())}));
    if (bounded_out) {
      r.report_as("soundness-bound", *scope_element,
                  r.say("soundness-bound.states", {std::to_string(config.soundness_states)}));
      continue;
    }
    // Dead activities: nodes that can be reached in the graph but never fire.
    std::vector<FlowGraph::Vertex> sources;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (g.nodes[v]->kind == NodeKind::start_event) sources.push_back(v);
    auto reachable = g.reachable(sources);
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
      const FlowNode& n = *g.nodes[v];
      if (fired[v] || !reachable[v] || net.apart(v) || n.kind == NodeKind::start_event || n.kind == NodeKind::boundary_event)
        continue;
      if (!model::is_activity(n.kind)) continue;
      r.report_as("dead-activity", n, r.say("dead-activity", {label(n)}));
    }
  }
}

}  // namespace syzba::check
