// Phase 6a, routing along the layers: a forward sequence flow follows the path crossing
// minimisation gave it — along its rows, turning only in the gap between two columns, where
// each turn gets a track of its own (so no two flows share a vertical segment, and parallel
// turns do not cross), the turns of one split or merge sharing one — and a gateway sends its
// branches below out of its bottom and those above out of its top; a shape takes its inputs
// from above at its top and from below at its bottom likewise. Boundary events' flows leave
// downwards; returns run back along their dummies' rows where they cross nothing. Whatever
// would touch a shape on the way is left to the grid router (routing.cpp), and so are
// associations; messages are messages.cpp's.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "layout/buckets.h"
#include "layout/graph.h"

namespace syzba::layout {
namespace {


enum class Side { left, right, top, bottom };

struct Jog {
  int link = -1;
  double from_y = 0, to_y = 0;  // the rows it joins, left of the gap and right of it
  // Turns of one fan share a track: those leaving one shape the same way as their first
  // turn, and those entering one shape as their last (as a person draws a split or a merge).
  long fan = -1;
  double x = 0;
};



struct Plan {
  int link = -1;
  int frame = 0;
  std::vector<int> chain;     // layer nodes from source to target
  Side exit = Side::right, entry = Side::left;
  std::vector<int> jogs;      // indices into the gap's jogs, per rank step (-1: none)
  std::vector<int> gaps;      // the gap of each jog
  bool boundary = false;      // leaves a boundary event: always by its bottom
  bool reversed = false;      // a return: the chain runs from its target to its source
};

bool is_gateway(const Item& item) { return item.kind == ItemKind::flow_node && model::is_gateway(item.node_kind); }


struct Router {
  Graph& g;
  Buckets<int> shapes;                                   // every shape but groups, by item
  std::vector<Plan> plans;
  std::map<std::pair<int, int>, std::vector<Jog>> gaps;  // (frame, gap after rank) → jogs
  std::unordered_map<int, int> leaving, entering;         // planned flows per item

  double node_y(const Frame& f, int v) const {
    const LayerNode& n = f.layered.nodes[v];
    if (n.item >= 0) return g.items[n.item].box.cy();
    return f.row_centre[n.band][n.row];
  }

  void plan_all() {
    for (int fi = 0; fi < static_cast<int>(g.frames.size()); ++fi) {
      Frame& f = g.frames[fi];
      const Layered& L = f.layered;
      // Layer edges of each flow edge, in order along it.
      std::vector<std::vector<int>> steps(f.flow_edges.size());
      for (int k = 0; k < static_cast<int>(L.edges.size()); ++k) steps[L.edges[k].edge].push_back(k);
      for (int e = 0; e < static_cast<int>(f.flow_edges.size()); ++e) {
        const FlowEdge& fe = f.flow_edges[e];
        const Link& link = g.links[fe.link];
        if (link.kind != LinkKind::sequence || steps[e].empty() || (fe.reversed && steps[e].size() < 2)) continue;
        int source = fe.reversed ? fe.to : fe.from, target = fe.reversed ? fe.from : fe.to;
        bool boundary = link.from >= 0 && g.items[link.from].kind == ItemKind::boundary_event && g.items[link.from].anchor == source;
        if ((link.from != source && !boundary) || link.to != target || (fe.reversed && boundary)) continue;  // into or out of a sub-process
        Plan p{fe.link, fi};
        p.boundary = boundary;
        p.reversed = fe.reversed;
        if (boundary) p.exit = Side::bottom;
        p.chain.push_back(L.edges[steps[e].front()].from);
        for (int k : steps[e]) p.chain.push_back(L.edges[k].to);
        plans.push_back(std::move(p));
      }
    }
    choose_sides();
    for (const auto& p : plans) ++leaving[g.links[p.link].from], ++entering[g.links[p.link].to];
    for (int k = 0; k < static_cast<int>(plans.size()); ++k) add_jogs(k);
    widen_gaps();
    for (auto& [key, jogs] : gaps) assign_tracks(key, jogs);
  }

  // A gateway's branches below leave by its bottom, those above by its top, sharing the
  // vertical there (as a person draws a split); into any shape, the flows from above come in
  // at the top and those from below at the bottom likewise, but for a one-step flow whose
  // exit turned already.
  void choose_sides() {
    for (auto& p : plans) {
      if (p.reversed) continue;
      const Frame& f = g.frames[p.frame];
      const Rect& from = g.items[g.links[p.link].from].box;
      const Rect& to = g.items[g.links[p.link].to].box;
      double first = node_y(f, p.chain[1]), last = node_y(f, p.chain[p.chain.size() - 2]);
      if (is_gateway(g.items[g.links[p.link].from]) && !p.boundary)
        p.exit = first > from.cy() + 0.5 ? Side::bottom : first < from.cy() - 0.5 ? Side::top : Side::right;
      if (p.chain.size() == 2 && p.exit != Side::right) continue;
      p.entry = last < to.cy() - 0.5 ? Side::top : last > to.cy() + 0.5 ? Side::bottom : Side::left;
    }
  }

  // A turn between columns for every step that changes rows (used or not: a route that
  // falls back to turning in the gaps finds its track there).
  void add_jogs(int k) {
    Plan& p = plans[k];
    const Frame& f = g.frames[p.frame];
    std::size_t steps = p.chain.size() - 1;
    p.jogs.assign(steps, -1), p.gaps.assign(steps, -1);
    for (std::size_t s = 0; s < steps; ++s) {
      double y0 = node_y(f, p.chain[s]), y1 = node_y(f, p.chain[s + 1]);
      if (std::abs(y0 - y1) < 0.5) continue;
      int gap = f.layered.nodes[p.chain[s]].rank;
      auto& jogs = gaps[{p.frame, gap}];
      p.jogs[s] = static_cast<int>(jogs.size()), p.gaps[s] = gap;
      long down = y1 > y0 ? 1 : 0, items = static_cast<long>(g.items.size());
      int from = g.links[p.link].from, to = g.links[p.link].to;
      long fan = p.reversed ? -1 : s == 0 && leaving[from] > 1 ? from * 2 + down : s + 1 == steps && entering[to] > 1 ? 2 * items + to * 2 + down : -1;
      jogs.push_back({p.link, y0, y1, fan});
    }
  }

  // One track per fan (a turn of its own is a fan of one), in the order that keeps them from
  // crossing: in a gap, turns downwards from right to left as they start lower, then turns
  // upwards from left to right as they start lower.
  static std::vector<std::vector<int>> tracks(const std::vector<Jog>& jogs) {
    std::vector<std::vector<int>> groups;
    std::map<long, int> group_of_fan;
    for (int i = 0; i < static_cast<int>(jogs.size()); ++i) {
      if (jogs[i].fan >= 0) {
        auto [it, fresh] = group_of_fan.emplace(jogs[i].fan, static_cast<int>(groups.size()));
        if (!fresh) {
          groups[it->second].push_back(i);
          continue;
        }
      }
      groups.push_back({i});
    }
    std::stable_sort(groups.begin(), groups.end(), [&](const auto& ga, const auto& gb) {
      const Jog& a = jogs[ga.front()];
      const Jog& b = jogs[gb.front()];
      bool da = a.to_y > a.from_y, db = b.to_y > b.from_y;
      if (da != db) return da;
      return da ? a.from_y > b.from_y : a.from_y < b.from_y;
    });
    return groups;
  }

  // Gaps of the top level too narrow for their tracks are widened: everything right of the
  // gap moves right (nothing is routed or labelled yet), and the bands grow with it.
  void widen_gaps() {
    Frame& top = g.frames[0];
    std::vector<std::pair<double, double>> widened;  // (where, by how much), left to right
    for (int gap = 0; gap + 1 < static_cast<int>(top.column_right.size()); ++gap) {
      auto it = gaps.find({0, gap});
      if (it == gaps.end()) continue;
      double need = track_spacing * static_cast<double>(tracks(it->second).size() + 1);
      double extra = std::ceil(need - (top.column_left[gap + 1] - top.column_right[gap]));
      if (extra > 0) widened.push_back({top.column_right[gap], extra});
    }
    if (widened.empty()) return;
    std::vector<double> total(widened.size());  // all that moves a point right of each
    for (std::size_t k = 0; k < widened.size(); ++k) total[k] = widened[k].second + (k ? total[k - 1] : 0);
    auto shift = [&](double x) {  // one pass, a binary search per coordinate
      auto it = std::lower_bound(widened.begin(), widened.end(), x, [](const auto& w, double v) { return w.first < v; });
      return it == widened.begin() ? 0.0 : total[it - widened.begin() - 1];
    };
    for (auto& item : g.items) item.box.x += shift(item.box.x);
    for (auto& f : g.frames)
      for (auto* xs : {&f.channel_x, &f.column_left, &f.column_right})
        for (double& x : *xs) x += shift(x);
    for (auto& band : g.bands) band.box.w += total.back();
    top.extent.w += total.back();
  }

  void assign_tracks(std::pair<int, int> key, std::vector<Jog>& jogs) {
    const Frame& f = g.frames[key.first];
    int gap = key.second;
    double left = f.column_right[gap], right = gap + 1 < static_cast<int>(f.column_left.size()) ? f.column_left[gap + 1] : left + g.spacing.column_gap;
    auto groups = tracks(jogs);
    double step = (right - left) / static_cast<double>(groups.size() + 1);
    for (std::size_t t = 0; t < groups.size(); ++t)
      for (int i : groups[t]) jogs[i].x = std::round(left + step * static_cast<double>(t + 1));
  }

  // A return runs back along its dummies' rows: out of its source's bottom (or top) down to
  // the row beside it, left through the gaps' tracks, and into its target's bottom (or top).
  // Nothing where a dummy shares its end's own row: the grid router takes that one.
  std::vector<Point> return_polyline(const Plan& p) const {
    const Frame& f = g.frames[p.frame];
    const Rect& s = g.items[g.links[p.link].from].box;
    const Rect& t = g.items[g.links[p.link].to].box;
    std::size_t n = p.chain.size();
    double y = node_y(f, p.chain[n - 2]), last = node_y(f, p.chain[1]);
    if (std::abs(y - s.cy()) < 0.5 || std::abs(last - t.cy()) < 0.5) return {};
    std::vector<Point> pts{{s.cx(), y > s.cy() ? s.bottom() : s.y}, {s.cx(), y}};
    for (std::size_t k = n - 2; k-- > 1;) {  // the steps between dummies, right to left
      if (p.jogs[k] < 0) continue;
      const Jog& j = gaps.at({p.frame, p.gaps[k]})[p.jogs[k]];
      pts.push_back({j.x, y});
      y = j.from_y;
      pts.push_back({j.x, y});
    }
    pts.push_back({t.cx(), y});
    pts.push_back({t.cx(), y > t.cy() ? t.bottom() : t.y});
    return pts;
  }

  std::vector<Point> polyline(const Plan& p, Side exit, Side entry) const {
    const Frame& f = g.frames[p.frame];
    const Rect& s = g.items[g.links[p.link].from].box;
    const Rect& t = g.items[g.links[p.link].to].box;
    std::vector<Point> pts;
    std::size_t steps = p.chain.size() - 1;
    double y = s.cy();
    if (exit == Side::right) {
      pts.push_back({s.right(), y});
    } else {
      y = node_y(f, p.chain[1]);
      pts.push_back({s.cx(), exit == Side::bottom ? s.bottom() : s.y});
      pts.push_back({s.cx(), y});
    }
    for (std::size_t k = 0; k < steps; ++k) {
      if (p.jogs[k] < 0 || (k == 0 && exit != Side::right) || (k + 1 == steps && entry != Side::left)) continue;
      const Jog& j = gaps.at({p.frame, p.gaps[k]})[p.jogs[k]];
      pts.push_back({j.x, y});
      y = j.to_y;
      pts.push_back({j.x, y});
    }
    if (entry == Side::left) {
      pts.push_back({t.x, y});
    } else {
      pts.push_back({t.cx(), y});
      pts.push_back({t.cx(), entry == Side::top ? t.y : t.bottom()});
    }
    // Collinear and repeated points dropped.
    std::vector<Point> out;
    for (const auto& q : pts) {
      if (!out.empty() && std::abs(out.back().x - q.x) < 0.25 && std::abs(out.back().y - q.y) < 0.25) continue;
      if (out.size() >= 2) {
        const Point& a = out[out.size() - 2];
        const Point& b = out.back();
        bool same_x = std::abs(a.x - b.x) < 0.25 && std::abs(b.x - q.x) < 0.25;
        bool same_y = std::abs(a.y - b.y) < 0.25 && std::abs(b.y - q.y) < 0.25;
        if (same_x || same_y) {
          out.back() = q;
          continue;
        }
      }
      out.push_back(q);
    }
    return out;
  }

};

}  // namespace

bool keeps_clear(const Graph& g, const Buckets<int>& shapes, const Link& link, const std::vector<Point>& route, bool forward) {
  if (route.size() < 2) return false;
  for (std::size_t k = 1; k < route.size(); ++k) {
    const Point& a = route[k - 1];
    const Point& b = route[k];
    if (std::abs(a.x - b.x) > 0.25 && std::abs(a.y - b.y) > 0.25) return false;
    if (forward && b.x < a.x - 0.25) return false;
    Rect seg{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
    bool hit = false;
    shapes.near(inflate(seg, clearance), [&](int, const Rect& box, int i) {
      if (hit || i == link.from || i == link.to) return;
      for (int end : {link.from, link.to}) {
        if (end < 0) continue;  // a pool's own end
        const auto& around = g.items[end].containers;
        if (std::find(around.begin(), around.end(), i) != around.end()) return;
      }
      Rect r = inflate(box, clearance);
      hit = seg.x < r.right() && r.x < seg.right() + 0.01 && seg.y < r.bottom() && r.y < seg.bottom() + 0.01;
    });
    if (hit) return false;
  }
  return true;
}

void route_along_layers(Graph& g) {
  Router r{g};
  r.plan_all();
  for (int i = 0; i < static_cast<int>(g.items.size()); ++i)
    if (g.items[i].kind != ItemKind::group) r.shapes.add(g.items[i].box, i);
  // The sides chosen, else straight out and in with the turns in the gaps, else the grid.
  for (const auto& p : r.plans) {
    if (p.reversed) continue;
    for (auto [exit, entry] : {std::pair{p.exit, p.entry}, std::pair{p.exit, Side::left}, std::pair{Side::right, Side::left}}) {
      if (p.boundary && exit != Side::bottom) break;
      std::vector<Point> route = r.polyline(p, exit, entry);
      if (!keeps_clear(g, r.shapes, g.links[p.link], route, true)) continue;
      g.links[p.link].route = std::move(route);
      break;
    }
  }
  // Returns last, and only where they cross none of the flows: else the grid router finds
  // its way around.
  RouteIndex routed;
  for (const auto& link : g.links) routed.add(link.route);
  for (const auto& p : r.plans) {
    if (!p.reversed) continue;
    std::vector<Point> route = r.return_polyline(p);
    if (!keeps_clear(g, r.shapes, g.links[p.link], route, false) || routed.crosses(route)) continue;
    routed.add(route);
    g.links[p.link].route = std::move(route);
  }
}

}  // namespace syzba::layout
