// Reachability, dead ends and refusal branches: the questions a reviewer of a regulation
// asks first. Each scope is a FlowGraph; each rule is a breadth-first search over it.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>

#include "check/graph.h"

namespace syzba::check {

using model::EventKind;
using model::FlowNode;
using model::NodeKind;

// ---------------------------------------------------------------------------------------
// The vertex of a node id in one scope: the first node of that id in the scope, as a map of
// the scope's ids says. When ids are unique in the file, the view's index says the same
// without a map per scope (which a 100,000-node process built again for every graph).
class VertexOf {
 public:
  VertexOf(const Scope& scope, const ModelView& view) : nodes_(scope.content->nodes), view_(view) {
    if (view.node_ids_unique()) return;
    for (std::size_t v = 0; v < nodes_.size(); ++v) local_.emplace(nodes_[v].id, v);
  }
  std::optional<FlowGraph::Vertex> operator()(std::string_view id) const {
    if (!view_.node_ids_unique()) {
      auto it = local_.find(id);
      return it == local_.end() ? std::nullopt : std::optional<FlowGraph::Vertex>(it->second);
    }
    return in_scope(view_.node(id));
  }
  // The vertex of a flow's end as the view resolved it: what the id says when ids are unique.
  std::optional<FlowGraph::Vertex> operator()(const model::SequenceFlow& f, bool source) const {
    if (!view_.node_ids_unique()) return (*this)(source ? f.source : f.target);
    return in_scope(source ? view_.source_of(f) : view_.target_of(f));
  }

 private:
  std::optional<FlowGraph::Vertex> in_scope(const model::FlowNode* n) const {
    std::less<const model::FlowNode*> before;
    if (!n || before(n, nodes_.data()) || !before(n, nodes_.data() + nodes_.size())) return std::nullopt;  // another scope's
    return static_cast<FlowGraph::Vertex>(n - nodes_.data());
  }
  const std::vector<model::FlowNode>& nodes_;
  const ModelView& view_;
  std::unordered_map<std::string_view, FlowGraph::Vertex> local_;
};

std::unique_ptr<FlowGraph> build_flow_graph(const Scope& scope, const ModelView& view) {
  auto built = std::make_unique<FlowGraph>(scope.content->nodes.size());
  FlowGraph& g = *built;
  VertexOf vertex_of(scope, view);
  g.nodes.reserve(scope.content->nodes.size());
  for (const auto& n : scope.content->nodes) g.nodes.push_back(&n);
  for (const auto& f : scope.content->flows) {
    auto s = vertex_of(f, true), t = vertex_of(f, false);
    if (s && t) boost::add_edge(*s, *t, FlowEdge{&f, static_cast<int>(boost::num_edges(g.graph))}, g.graph);
  }
  std::map<std::string, std::vector<FlowGraph::Vertex>> link_catches;
  for (const auto& n : scope.content->nodes)
    if (n.kind == NodeKind::intermediate_catch_event)
      for (const auto& d : n.event_definitions)
        if (d.kind == EventKind::link) link_catches[d.name].push_back(*vertex_of(n.id));
  for (const auto& n : scope.content->nodes) {
    if (n.kind == NodeKind::boundary_event)
      if (auto host = vertex_of(n.attached_to))
        boost::add_edge(*host, *vertex_of(n.id), FlowEdge{nullptr, static_cast<int>(boost::num_edges(g.graph))}, g.graph);
    if (n.kind == NodeKind::intermediate_throw_event)
      for (const auto& d : n.event_definitions)
        if (d.kind == EventKind::link)
          for (auto target : link_catches[d.name])
            boost::add_edge(*vertex_of(n.id), target, FlowEdge{nullptr, static_cast<int>(boost::num_edges(g.graph))}, g.graph);
  }
  return built;
}

namespace {

// Marks every vertex the search discovers.
struct Discover : boost::default_bfs_visitor {
  std::vector<bool>* seen;
  template <class Vertex, class Graph>
  void discover_vertex(Vertex v, const Graph&) const {
    (*seen)[v] = true;
  }
};

template <class Graph>
void search(const Graph& graph, const std::vector<FlowGraph::Vertex>& sources, std::vector<bool>& seen) {
  if (sources.empty()) return;
  Discover visitor;
  visitor.seen = &seen;
  std::vector<boost::default_color_type> colors(boost::num_vertices(graph), boost::white_color);
  auto color_map = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
  boost::queue<FlowGraph::Vertex> buffer;
  boost::breadth_first_search(graph, sources.begin(), sources.end(), buffer, visitor, color_map);
}

}  // namespace

std::vector<bool> FlowGraph::reachable(const std::vector<Vertex>& sources, bool backwards) const {
  std::vector<bool> seen(nodes.size(), false);
  if (backwards) search(boost::make_reverse_graph(graph), sources, seen);
  else search(graph, sources, seen);
  return seen;
}

// ---------------------------------------------------------------------------------------
namespace {

// Started by something other than a flow: an event sub-process by its event, a compensation
// activity by compensation. They stand apart from the scope's flow.
bool stands_apart(const FlowNode& n) {
  return n.triggered_by_event.value_or(false) || n.is_for_compensation.value_or(false);
}

// The scope as messages name it: «name», or the process's or sub-process's id.
std::string scope_name(const Scope& s) {
  const auto* named = s.sub_process ? static_cast<const model::BaseElement*>(s.sub_process) : s.process;
  std::string name = s.sub_process ? s.sub_process->name : s.process->name;
  return name.empty() ? "'" + named->id + "'" : "«" + name + "»";
}

std::string label(const FlowNode& n) { return n.name.empty() ? "'" + n.id + "'" : "«" + n.name + "»"; }

// One finding for a whole set: on its first node, naming them all, with their ids as path.
void report_set(Reporter& r, const std::vector<const FlowNode*>& set, std::string_view message, const Scope& scope) {
  if (set.empty()) return;
  std::string names;
  std::vector<std::string> ids;
  for (const auto* n : set) {
    if (!names.empty()) names += ", ";
    names += label(*n);
    ids.push_back(n->id);
  }
  r.report(*set.front(), r.say(message, {scope_name(scope), std::to_string(set.size()), names}), std::move(ids));
}

std::vector<FlowGraph::Vertex> starts_of(const FlowGraph& g) {
  std::vector<FlowGraph::Vertex> starts;
  for (std::size_t v = 0; v < g.nodes.size(); ++v)
    if (g.nodes[v]->kind == NodeKind::start_event) starts.push_back(v);
  if (!starts.empty()) return starts;
  // No start event: every node that no flow enters starts (BPMN's implicit start).
  for (std::size_t v = 0; v < g.nodes.size(); ++v)
    if (boost::in_degree(v, g.graph) == 0 && !stands_apart(*g.nodes[v])) starts.push_back(v);
  return starts;
}

bool is_ad_hoc(const Scope& s) { return s.sub_process && s.sub_process->kind == NodeKind::ad_hoc_sub_process; }

}  // namespace

void unreachable(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    if (is_ad_hoc(s)) continue;  // its activities start in any order, by design
    const FlowGraph& g = view.graph(s);
    auto reached = g.reachable(starts_of(g));
    std::vector<const FlowNode*> missed;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (!reached[v] && !stands_apart(*g.nodes[v])) missed.push_back(g.nodes[v]);
    report_set(r, missed, "unreachable", s);
  }
}

void dead_end(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    if (is_ad_hoc(s)) continue;
    const FlowGraph& g = view.graph(s);
    std::vector<FlowGraph::Vertex> ends;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (g.nodes[v]->kind == NodeKind::end_event || boost::out_degree(v, g.graph) == 0) ends.push_back(v);
    auto finishing = g.reachable(ends, true);
    auto reached = g.reachable(starts_of(g));
    std::vector<const FlowNode*> trapped;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (!finishing[v] && reached[v] && !stands_apart(*g.nodes[v])) trapped.push_back(g.nodes[v]);
    report_set(r, trapped, "dead-end", s);
  }
}

// ---------------------------------------------------------------------------------------
namespace {

using model::names_any;

// A condition: an exclusive or inclusive gateway that decides (it is not only a join).
bool is_condition(const FlowGraph& g, FlowGraph::Vertex v) {
  auto kind = g.nodes[v]->kind;
  if (kind != NodeKind::exclusive_gateway && kind != NodeKind::inclusive_gateway) return false;
  return boost::out_degree(v, g.graph) > 1 || boost::in_degree(v, g.graph) <= 1;
}

enum class Outcome { onward, refusal, return_back };

// Follows one branch of a condition until it merges with another: does it refuse (a name
// that says so, an error end) or return to an earlier step (it reaches a node from which
// the condition can be reached again: one in the condition's strongly connected component)?
Outcome follow_branch(const FlowGraph& g, FlowGraph::Edge first, const std::vector<int>& component,
                      const Config& config) {
  int own = component[boost::source(first, g.graph)];
  auto said = [&](const std::string& name) {
    if (names_any(name, config.refusal_words)) return Outcome::refusal;
    if (names_any(name, config.return_words)) return Outcome::return_back;
    return Outcome::onward;
  };
  if (const auto* f = g.graph[first].flow) {
    if (auto o = said(f->name); o != Outcome::onward) return o;
  }
  std::vector<bool> seen(g.nodes.size(), false);
  std::deque<FlowGraph::Vertex> queue{boost::target(first, g.graph)};
  while (!queue.empty()) {
    auto v = queue.front();
    queue.pop_front();
    if (seen[v]) continue;
    seen[v] = true;
    const FlowNode& n = *g.nodes[v];
    if (component[v] == own) return Outcome::return_back;
    if (auto o = said(n.name); o != Outcome::onward) return o;
    if (n.kind == NodeKind::end_event && has_event(n, EventKind::error)) return Outcome::refusal;
    if (boost::in_degree(v, g.graph) > 1) continue;  // merged with another branch: stop here
    for (auto [e, end] = boost::out_edges(v, g.graph); e != end; ++e) {
      if (const auto* f = g.graph[*e].flow)
        if (auto o = said(f->name); o != Outcome::onward) return o;
      queue.push_back(boost::target(*e, g.graph));
    }
  }
  return Outcome::onward;
}

// The strongly connected component of every vertex (a loop is one component), numbered in
// no particular order: follow_branch only compares them. Tarjan's algorithm with its call
// stack as a vector of (vertex, next edge) over the targets laid out flat: Boost's
// strong_components kept a frame of iterators per vertex of the search and a deque, 14 MB on
// a 100,000-node scope.
std::vector<int> components(const FlowGraph& g) {
  const std::size_t n = g.nodes.size();
  std::vector<std::uint32_t> first(n + 1, 0), targets;  // vertex v's targets: [first[v], first[v + 1])
  targets.reserve(boost::num_edges(g.graph));
  for (std::size_t v = 0; v < n; ++v) {
    first[v] = static_cast<std::uint32_t>(targets.size());
    for (auto [e, end] = boost::out_edges(v, g.graph); e != end; ++e)
      targets.push_back(static_cast<std::uint32_t>(boost::target(*e, g.graph)));
  }
  first[n] = static_cast<std::uint32_t>(targets.size());

  constexpr int unseen = -1;
  std::vector<int> order(n, unseen), low(n, 0), component(n, unseen);
  std::vector<std::uint32_t> open;  // Tarjan's stack: seen vertices whose component is not yet known
  struct Frame {
    std::uint32_t v, next;  // the vertex, and the index in targets of its next edge to follow
  };
  std::vector<Frame> calls;
  int seen = 0, found = 0;
  auto enter = [&](std::uint32_t v) {
    order[v] = low[v] = seen++;
    open.push_back(v);
    calls.push_back({v, first[v]});
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (order[root] != unseen) continue;
    enter(root);
    while (!calls.empty()) {
      Frame& f = calls.back();
      std::uint32_t v = f.v;
      if (f.next < first[v + 1]) {
        std::uint32_t w = targets[f.next++];
        if (order[w] == unseen) enter(w);  // f may dangle from here on
        else if (component[w] == unseen) low[v] = std::min(low[v], order[w]);  // w is open
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back().v] = std::min(low[calls.back().v], low[v]);
      if (low[v] != order[v]) continue;
      std::uint32_t w;
      do {  // v is the root of a component: what is open above it belongs to it
        w = open.back();
        open.pop_back();
        component[w] = found;
      } while (w != v);
      ++found;
    }
  }
  return component;
}

// visit(graph, condition vertex, components of the graph) for every condition of every scope;
// the components are found only for a rule that asks (empty otherwise).
enum class WithComponents { no, yes };
template <class Visit>
void for_each_condition(const ModelView& view, Visit visit, WithComponents with = WithComponents::no) {
  for (const auto& s : view.scopes) {
    const FlowGraph& g = view.graph(s);
    std::vector<int> component = with == WithComponents::yes ? components(g) : std::vector<int>{};
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
      if (is_condition(g, v)) visit(g, v, component);
  }
}

}  // namespace

void condition_branches(const ModelView& view, const Config&, Reporter& r) {
  for_each_condition(view, [&](const FlowGraph& g, FlowGraph::Vertex v, const std::vector<int>&) {
    auto out = boost::out_degree(v, g.graph);
    if (out < 2)
      r.report(*g.nodes[v], r.say("condition-branches", {label(*g.nodes[v]), std::to_string(out)}));
  });
}

void condition_branch_label(const ModelView& view, const Config&, Reporter& r) {
  for_each_condition(view, [&](const FlowGraph& g, FlowGraph::Vertex v, const std::vector<int>&) {
    if (boost::out_degree(v, g.graph) < 2) return;
    for (auto [e, end] = boost::out_edges(v, g.graph); e != end; ++e) {
      const auto* f = g.graph[*e].flow;
      bool blank = f->name.find_first_not_of(" \t\r\n") == std::string::npos;
      if (blank && !f->condition)
        r.report(*f, r.say("condition-branch-label", {label(*g.nodes[v])}));
    }
  });
}

void refusal_branch_missing(const ModelView& view, const Config& config, Reporter& r) {
  for_each_condition(view, [&](const FlowGraph& g, FlowGraph::Vertex v, const std::vector<int>& component) {
    if (boost::out_degree(v, g.graph) < 2) return;
    std::vector<std::string> branches;
    for (auto [e, end] = boost::out_edges(v, g.graph); e != end; ++e) {
      if (follow_branch(g, *e, component, config) != Outcome::onward) return;
      branches.push_back(g.graph[*e].flow->id);
    }
    r.report(*g.nodes[v], r.say("refusal-branch-missing", {label(*g.nodes[v])}), std::move(branches));
  }, WithComponents::yes);
}

}  // namespace syzba::check
