// measure_layout: quality figures of any diagram, read from its DI alone (so another tool's
// layout is measured exactly like syzba's).
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "layout/buckets.h"
#include "layout/graph.h"

namespace syzba::layout {
namespace {

struct Ends {
  std::string from, to;
  bool sequence = false;
};

// What the DI elements stand for: nodes and their containers, lanes' members, edges' ends.
struct Semantics {
  std::unordered_map<std::string, std::string> parent;  // node → enclosing sub-process
  std::unordered_map<std::string, std::string> host;    // boundary event → activity
  std::unordered_set<std::string> nodes;                // flow nodes, data, annotations
  std::unordered_map<std::string, std::vector<std::string>> lane_members;
  std::unordered_map<std::string, Ends> edges;

  void add_lanes(const std::vector<model::LaneSet>& sets) {
    for (const auto& s : sets)
      for (const auto& l : s.lanes) {
        lane_members[l.id] = l.flow_node_refs;
        add_lanes(l.child_lane_sets);
      }
  }
  void add(const model::Container& c, const std::string& owner) {
    add_lanes(c.lane_sets);
    for (const auto& n : c.nodes) {
      nodes.insert(n.id);
      if (!owner.empty()) parent[n.id] = owner;
      if (!n.attached_to.empty()) host[n.id] = n.attached_to;
      for (const auto& a : n.data_inputs)
        if (!a.sources.empty()) edges[a.id] = {a.sources.front(), n.id};
      for (const auto& a : n.data_outputs) edges[a.id] = {n.id, a.target};
      add(n.content, n.id);
    }
    for (const auto& d : c.data_object_refs) nodes.insert(d.id), parent[d.id] = owner;
    for (const auto& d : c.data_store_refs) nodes.insert(d.id), parent[d.id] = owner;
    for (const auto& f : c.flows) edges[f.id] = {f.source, f.target, true};
    add_artifacts(c.artifacts, owner);
  }
  void add_artifacts(const std::vector<model::Artifact>& artifacts, const std::string& owner) {
    for (const auto& a : artifacts) {
      if (a.kind == model::ArtifactKind::text_annotation) nodes.insert(a.id), parent[a.id] = owner;
      if (a.kind == model::ArtifactKind::association) edges[a.id] = {a.source, a.target};
    }
  }
  explicit Semantics(const model::Definitions& defs) {
    for (const auto& p : defs.processes) add(p.content, "");
    for (const auto& c : defs.collaborations) {
      add_artifacts(c.artifacts, "");
      for (const auto& m : c.message_flows) edges[m.id] = {m.source, m.target};
    }
  }
  bool encloses(const std::string& outer, std::string inner) const {
    for (auto it = parent.find(inner); it != parent.end() && !it->second.empty(); it = parent.find(inner)) {
      if (it->second == outer) return true;
      inner = it->second;
    }
    return false;
  }
  bool related(const std::string& a, const std::string& b) const {
    auto h = host.find(a);
    if (h != host.end() && (h->second == b || encloses(b, h->second))) return true;
    h = host.find(b);
    if (h != host.end() && (h->second == a || encloses(a, h->second))) return true;
    return encloses(a, b) || encloses(b, a);
  }
};

Rect rect(const model::Bounds& b) { return {b.x, b.y, b.width, b.height}; }

Rect shrink(const Rect& r, double by) { return {r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by}; }

bool segment_through(const Point& a, const Point& b, const Rect& r) {
  Rect inner = shrink(r, 1);
  if (inner.w <= 0 || inner.h <= 0) return false;
  // Liang–Barsky clipping: does any part of the segment lie inside the open rectangle?
  double t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
  auto clip = [&](double p, double q) {
    if (p == 0) return q > 0;
    double t = q / p;
    if (p < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    return t0 < t1;
  };
  return clip(-dx, a.x - inner.x) && clip(dx, inner.right() - a.x) && clip(-dy, a.y - inner.y) &&
         clip(dy, inner.bottom() - a.y);
}

bool proper_crossing(const Point& a, const Point& b, const Point& c, const Point& d) {
  auto cross = [](const Point& o, const Point& p, const Point& q) { return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x); };
  double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

Stats measure_plane(const model::DiPlane& plane, const Semantics& sem) {
  Stats s;
  s.diagram = plane.element;
  std::unordered_map<std::string, Rect> shape_of;
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  Buckets<std::string> shapes;
  for (const auto& e : plane.elements) {
    if (e.kind != model::DiKind::shape) continue;
    Rect r = rect(e.bounds);
    shape_of.emplace(e.element, r);
    x0 = std::min(x0, r.x), y0 = std::min(y0, r.y), x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
    if (!sem.nodes.count(e.element)) continue;
    ++s.nodes;
    shapes.near(r, [&](int, const Rect& other, const std::string& id) {
      if (shrink(other, 0.5).overlaps(shrink(r, 0.5)) && !sem.related(id, e.element)) ++s.overlapping_nodes;
    });
    shapes.add(r, e.element);
  }
  if (std::isfinite(x0)) s.width = x1 - x0, s.height = y1 - y0;
  for (const auto& [lane, members] : sem.lane_members) {
    auto band = shape_of.find(lane);
    if (band == shape_of.end()) continue;
    Rect outer{band->second.x - 0.5, band->second.y - 0.5, band->second.w + 1, band->second.h + 1};
    for (const auto& m : members)
      if (auto it = shape_of.find(m); it != shape_of.end() && !outer.contains(it->second)) ++s.nodes_outside_lane;
  }
  struct Segment {
    Point a, b;
    int edge;
  };
  Buckets<Segment> segments;
  int bends = 0, sequence = 0, forward = 0, edge_index = 0;
  for (const auto& e : plane.elements) {
    if (e.kind != model::DiKind::edge) continue;
    ++s.edges;
    ++edge_index;
    bends += std::max(0, static_cast<int>(e.waypoints.size()) - 2);
    auto ends = sem.edges.find(e.element);
    const Ends* end = ends != sem.edges.end() ? &ends->second : nullptr;
    if (end && end->sequence && shape_of.count(end->from) && shape_of.count(end->to)) {
      ++sequence;
      if (shape_of[end->to].cx() > shape_of[end->from].cx()) ++forward;
    }
    bool through = false;
    for (std::size_t k = 1; k < e.waypoints.size(); ++k) {
      Point a{e.waypoints[k - 1].x, e.waypoints[k - 1].y}, b{e.waypoints[k].x, e.waypoints[k].y};
      if (std::abs(a.x - b.x) > 0.5 && std::abs(a.y - b.y) > 0.5) ++s.non_orthogonal_segments;
      Rect box{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
      shapes.near(box, [&](int, const Rect& r, const std::string& id) {
        if (end && (id == end->from || id == end->to || sem.encloses(id, end->from) || sem.encloses(id, end->to))) return;
        if (end && (sem.host.count(end->from) && sem.host.at(end->from) == id)) return;  // leaves its host's border
        if (segment_through(a, b, r)) through = true;
      });
      segments.near(box, [&](int, const Rect&, const Segment& other) {
        if (other.edge != edge_index && proper_crossing(a, b, other.a, other.b)) ++s.edge_crossings;
      });
      segments.add(box, {a, b, edge_index});
    }
    if (through) ++s.edges_through_shapes;
  }
  s.bends_per_edge = s.edges ? static_cast<double>(bends) / s.edges : 0;
  s.left_to_right = sequence ? static_cast<double>(forward) / sequence : 1;
  return s;
}

}  // namespace

std::vector<Stats> measure_layout(const model::Definitions& defs) {
  Semantics sem(defs);
  std::vector<Stats> all;
  for (const auto& d : defs.diagrams) all.push_back(measure_plane(d.plane, sem));
  return all;
}

}  // namespace syzba::layout
