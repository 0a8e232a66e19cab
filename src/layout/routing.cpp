// Phase 6c, routing what is left (returns, associations, what the layers could not take):
// every edge orthogonal, found by A* on a sparse grid whose lines are the
// shapes' centre lines, lines a margin outside each shape, and the free channels between
// columns and rows. Shapes block the grid (an edge never passes through a shape other than
// the sub-processes around its ends); a route pays for its length, its bends, for crossing
// and for running along earlier routes, and for leaving or entering on an unusual side.
#include <algorithm>
#include <cmath>
#include <limits>
#include <functional>

#include "layout/buckets.h"
#include "layout/graph.h"

namespace syzba::layout {
namespace {

constexpr double margin = 12, bend_cost = 25, crossing_cost = 1000, touch_cost = 200, shared_factor = 1.0, label_cost = 40;
// A step of a sequence flow outside the pool (or the lanes) its ends stand in: a flow that
// runs out round the diagram's edge is harder to follow than one that crosses another.
constexpr double outside_cost = 600;
enum Dir { right = 0, down = 1, left = 2, up = 3 };
constexpr int dx[4] = {1, 0, -1, 0}, dy[4] = {0, 1, 0, -1};
Dir opposite(Dir d) { return static_cast<Dir>((d + 2) % 4); }

struct Port {
  Point at;     // on the shape's border
  Dir out;      // away from the shape
  double cost;  // how unusual this side is for this kind of edge
};

class Grid {
 public:
  std::vector<double> xs, ys;

  void build(std::vector<double> x, std::vector<double> y) {
    auto unique_sorted = [](std::vector<double>& v) {
      for (double& d : v) d = std::round(d * 2) / 2;  // half pixels: lines that differ by less are one
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    unique_sorted(x);
    unique_sorted(y);
    xs = std::move(x), ys = std::move(y);
    nx = static_cast<int>(xs.size()), ny = static_cast<int>(ys.size());
    hblock.assign(static_cast<std::size_t>(nx) * ny, 0);
    vblock.assign(static_cast<std::size_t>(nx) * ny, 0);
    hused.assign(static_cast<std::size_t>(nx) * ny, 0);
    hsoft.assign(static_cast<std::size_t>(nx) * ny, 0);
    vsoft.assign(static_cast<std::size_t>(nx) * ny, 0);
    vused.assign(static_cast<std::size_t>(nx) * ny, 0);
  }
  int nx = 0, ny = 0;
  std::vector<int> hblock, vblock, hused, vused, hsoft, vsoft;  // h: segment i..i+1 on row j; v: j..j+1 on column i

  int index(int i, int j) const { return j * nx + i; }
  int find_x(double x) const { return find(xs, x); }
  int find_y(double y) const { return find(ys, y); }

  // Blocks (delta 1) or frees (-1) every segment crossing the open interior of r; a soft
  // mark (room kept for a label) only makes the segments dearer.
  void mark(const Rect& r, int delta, bool soft = false) {
    std::vector<int>& hs = soft ? hsoft : hblock;
    std::vector<int>& vs = soft ? vsoft : vblock;
    auto first = [](const std::vector<double>& v, double a) { return static_cast<int>(std::upper_bound(v.begin(), v.end(), a) - v.begin()); };
    auto below = [](const std::vector<double>& v, double b) { return static_cast<int>(std::lower_bound(v.begin(), v.end(), b) - v.begin()); };
    // Rows strictly inside; segments [xs[i], xs[i+1]] overlapping (x, right).
    int j0 = first(ys, r.y), j1 = below(ys, r.bottom());
    int i0 = std::max(0, first(xs, r.x) - 1), i1 = below(xs, r.right());
    for (int j = j0; j < j1; ++j)
      for (int i = i0; i < i1 && i + 1 < nx; ++i) hs[index(i, j)] += delta;
    int c0 = first(xs, r.x), c1 = below(xs, r.right());
    int s0 = std::max(0, first(ys, r.y) - 1), s1 = below(ys, r.bottom());
    for (int i = c0; i < c1; ++i)
      for (int j = s0; j < s1 && j + 1 < ny; ++j) vs[index(i, j)] += delta;
  }

  bool blocked(int i, int j, Dir d) const {
    switch (d) {
      case right: return i + 1 >= nx || hblock[index(i, j)] > 0;
      case left: return i - 1 < 0 || hblock[index(i - 1, j)] > 0;
      case down: return j + 1 >= ny || vblock[index(i, j)] > 0;
      case up: return j - 1 < 0 || vblock[index(i, j - 1)] > 0;
    }
    return true;
  }
  // A point inside some shape's margin: the segments on both sides of it are blocked.
  bool inside(int i, int j) const {
    bool h = i > 0 && i + 1 < nx && hblock[index(i - 1, j)] > 0 && hblock[index(i, j)] > 0;
    bool v = j > 0 && j + 1 < ny && vblock[index(i, j - 1)] > 0 && vblock[index(i, j)] > 0;
    return h || v;
  }
  bool soft(int i, int j, Dir d) const {
    switch (d) {
      case right: return hsoft[index(i, j)] > 0;
      case left: return hsoft[index(i - 1, j)] > 0;
      case down: return vsoft[index(i, j)] > 0;
      default: return vsoft[index(i, j - 1)] > 0;
    }
  }
  int& used(int i, int j, Dir d) {
    switch (d) {
      case right: return hused[index(i, j)];
      case left: return hused[index(i - 1, j)];
      case down: return vused[index(i, j)];
      default: return vused[index(i, j - 1)];
    }
  }

 private:
  static int find(const std::vector<double>& v, double a) {
    a = std::round(a * 2) / 2;
    auto it = std::lower_bound(v.begin(), v.end(), a);
    return it != v.end() && *it == a ? static_cast<int>(it - v.begin()) : -1;
  }
};


bool obstacle(const Item& item) { return item.kind != ItemKind::group; }

Point side_point(const Rect& r, Dir d, double along) {
  switch (d) {
    case right: return {r.right(), r.cy()};
    case left: return {r.x, r.cy()};
    case down: return {std::clamp(along, r.x, r.right()), r.bottom()};
    default: return {std::clamp(along, r.x, r.right()), r.y};
  }
}

// Which sides an edge may leave (source) or enter (target) by, at what cost.
std::vector<Port> ports(const Graph& g, const Link& link, bool source, const Rect& r, double other_x) {
  int item = source ? link.from : link.to;
  std::vector<Port> result;
  auto add = [&](Dir d, double cost) {
    bool pool = item < 0;
    result.push_back({side_point(r, d, pool ? other_x : r.cx()), d, cost});
  };
  if (item < 0) {  // a pool: straight down or up to it
    add(down, 0), add(up, 0);
    return result;
  }
  const Item& it = g.items[item];
  if (it.kind == ItemKind::boundary_event && source) {
    add(down, 0);
    return result;
  }
  switch (link.kind) {
    case LinkKind::message:
      add(down, 0), add(up, 0), add(right, 80), add(left, 80);
      break;
    case LinkKind::association:
    case LinkKind::data_association:
      add(down, 0), add(up, 0), add(right, 10), add(left, 10);
      break;
    case LinkKind::sequence: {
      bool gateway = model::is_gateway(it.node_kind) && it.kind == ItemKind::flow_node;
      double side = gateway ? (source ? 0 : 5) : 15;
      if (source) add(right, 0), add(down, side), add(up, side), add(left, 60);
      else add(left, 0), add(up, side), add(down, side), add(right, 60);
      break;
    }
  }
  return result;
}

class Router {
 public:
  explicit Router(Graph& g) : g_(g) {}

  void run() {
    if (std::all_of(g_.links.begin(), g_.links.end(), [](const Link& l) { return !l.route.empty(); })) return;
    if (!build_grid()) {  // a grid this size would not fit: what is left is drawn plainly, and said
      for (auto& link : g_.links)
        if (link.route.empty()) unrouted(link, "the diagram is too large for the grid router");
      return;
    }
    std::vector<int> order(g_.links.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    // An association to the data or annotation beside its shape first (it is short and has
    // one way to go), then sequence flows (they make the picture), messages, the other
    // associations; short ones before long ones.
    auto beside = [&](const Link& link) {
      auto anchored_to = [&](int a, int b) { return a >= 0 && b >= 0 && g_.items[a].anchor == b; };
      return link.kind != LinkKind::sequence && link.kind != LinkKind::message &&
             (anchored_to(link.from, link.to) || anchored_to(link.to, link.from));
    };
    auto rank = [&](int l) {
      const Link& link = g_.links[l];
      int kind = beside(link) ? 0 : link.kind == LinkKind::sequence ? 1 : link.kind == LinkKind::message ? 2 : 3;
      return std::pair{kind, std::abs(end_rect(link, true).cx() - end_rect(link, false).cx())};
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rank(a) < rank(b); });
    for (int l : order)
      if (g_.links[l].route.empty()) route_link(g_.links[l]);
  }

 private:
  Graph& g_;
  Grid grid_;
  std::vector<double> cost_;
  std::vector<int> parent_;
  std::vector<int> touched_;
  // A*'s open list, a heap as std::priority_queue keeps it; its storage kept between searches.
  using Entry = std::pair<double, int>;  // f, state
  std::vector<Entry> open_;
  void push_open(Entry e) {
    open_.push_back(e);
    std::push_heap(open_.begin(), open_.end(), std::greater<>{});
  }
  Entry pop_open() {
    std::pop_heap(open_.begin(), open_.end(), std::greater<>{});
    Entry e = open_.back();
    open_.pop_back();
    return e;
  }

  Rect end_rect(const Link& link, bool source) const {
    int item = source ? link.from : link.to;
    if (item >= 0) return g_.items[item].box;
    return g_.bands[source ? link.from_band : link.to_band].box;
  }

  // Grids past this many points (a very large diagram with returns left over) are not built.
  static constexpr std::size_t max_grid_points = 8'000'000;

  bool build_grid() {
    std::vector<double> xs, ys;
    for (const auto& item : g_.items) {
      if (!obstacle(item)) continue;
      Rect r = inflate(item.box, margin);
      xs.insert(xs.end(), {r.x, r.right(), item.box.cx()});
      ys.insert(ys.end(), {r.y, r.bottom(), item.box.cy()});
    }
    for (const auto& band : g_.bands)
      if (band.pool) {
        ys.insert(ys.end(), {band.box.y - margin, band.box.bottom() + margin});
        xs.push_back(band.box.cx());
      }
    for (const auto& f : g_.frames) {
      xs.insert(xs.end(), f.channel_x.begin(), f.channel_x.end());
      ys.insert(ys.end(), f.channel_y.begin(), f.channel_y.end());
    }
    for (const auto& link : g_.links)  // routed along the layers already: later routes keep off them
      for (const auto& p : link.route) xs.push_back(p.x), ys.push_back(p.y);
    {
      auto distinct = [](std::vector<double> v) {
        for (double& d : v) d = std::round(d * 2) / 2;
        std::sort(v.begin(), v.end());
        return static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
      };
      if (distinct(xs) * distinct(ys) > max_grid_points) return false;
    }
    grid_.build(std::move(xs), std::move(ys));
    for (const auto& link : g_.links) mark_used(link.route);
    for (const auto& item : g_.items)
      if (obstacle(item)) grid_.mark(inflate(item.box, margin), 1);
    for (const auto& item : g_.items)
      if (item.external_label) grid_.mark(label_room(item), 1, true);
    std::size_t states = static_cast<std::size_t>(grid_.nx) * grid_.ny * 4;
    cost_.assign(states, std::numeric_limits<double>::infinity());
    parent_.assign(states, -1);
    return true;
  }

  void mark_used(const std::vector<Point>& route) {
    for (std::size_t k = 1; k < route.size(); ++k) {
      int i = grid_.find_x(route[k - 1].x), j = grid_.find_y(route[k - 1].y);
      int i2 = grid_.find_x(route[k].x), j2 = grid_.find_y(route[k].y);
      if (i < 0 || j < 0 || i2 < 0 || j2 < 0 || (i != i2 && j != j2)) continue;
      Dir d = i2 > i ? right : i2 < i ? left : j2 > j ? down : up;
      while (i != i2 || j != j2) {
        ++grid_.used(i, j, d);
        i += dx[d], j += dy[d];
      }
    }
  }

  // The shapes an edge may pass through: the sub-processes around its ends (each once);
  // its ends themselves only up to their border, where the ports are.
  void exempt(const Link& link, int delta) {
    std::vector<int> ends, containers;
    for (int end : {link.from, link.to})
      if (end >= 0 && std::find(ends.begin(), ends.end(), end) == ends.end()) ends.push_back(end);
    for (int end : ends)
      for (int c : g_.items[end].containers)
        if (std::find(ends.begin(), ends.end(), c) == ends.end() &&
            std::find(containers.begin(), containers.end(), c) == containers.end())
          containers.push_back(c);
    for (int end : ends) {
      grid_.mark(inflate(g_.items[end].box, margin), -delta);
      grid_.mark(g_.items[end].box, delta);
    }
    for (int c : containers) grid_.mark(inflate(g_.items[c].box, margin), -delta);
    for (int end : ends)  // an edge may leave through its own label's room: the label moves aside
      if (g_.items[end].external_label) grid_.mark(label_room(g_.items[end]), -delta, true);
  }

  // Where an external label would stand under its shape (labels.cpp tries there first).
  static Rect label_room(const Item& item) {
    return {item.box.cx() - item.label.width / 2, item.box.bottom(), item.label.width, 4 + item.label.height};
  }

  void unrouted(Link& link, const std::string& why) {
    Rect from = end_rect(link, true), to = end_rect(link, false);
    g_.notes.push_back({"layout-unrouted", model::Severity::warning, link.id, link.pos.line, link.pos.column,
                        why + " for '" + link.id + "'; drawn straight"});
    double mid = (from.right() + to.x) / 2;
    link.route = simplify({{from.right(), from.cy()}, {mid, from.cy()}, {mid, to.cy()}, {to.x, to.cy()}});
  }

  // A hand-over to the step right below or above it (print's columns,
  // Spacing::handoffs_in_column): straight between them when nothing stands in between. The
  // grid has no line there when the gap is narrower than two shape margins.
  bool straight_across(Link& link, const Rect& from, const Rect& to) const {
    if (!g_.spacing.handoffs_in_column || link.kind != LinkKind::sequence || link.from < 0 || link.to < 0) return false;
    double lo = std::max(from.x, to.x), hi = std::min(from.right(), to.right());
    bool down = to.y >= from.bottom(), up = g_.spacing.handoffs_up && from.y >= to.bottom();
    if (hi - lo < 10 || (!down && !up)) return false;
    double x = from.cx() >= lo && from.cx() <= hi ? from.cx() : (lo + hi) / 2;
    double y0 = down ? from.bottom() : from.y, y1 = down ? to.y : to.bottom();
    Rect between{x - 1, std::min(y0, y1), 2, std::fabs(y1 - y0)};
    for (int i = 0; i < static_cast<int>(g_.items.size()); ++i)
      if (i != link.from && i != link.to && g_.items[i].box.overlaps(between)) return false;
    link.route = {{x, y0}, {x, y1}};
    return true;
  }

  void route_link(Link& link) {
    Rect from = end_rect(link, true), to = end_rect(link, false);
    if (straight_across(link, from, to)) return;
    exempt(link, 1);
    std::vector<Port> starts = ports(g_, link, true, from, to.cx());
    std::vector<Port> ends = ports(g_, link, false, to, from.cx());
    if (link.from >= 0 && link.from == link.to) {  // a self-loop: out on the right, back in at the top
      std::erase_if(starts, [](const Port& p) { return p.out != right; });
      std::erase_if(ends, [](const Port& p) { return p.out != up; });
    }
    double lo = std::min(from.x, to.x) - 400, hi = std::max(from.right(), to.right()) + 400;
    Rect home = home_of(link);
    std::vector<Point> path = search(starts, ends, lo, hi, home);
    if (path.empty()) path = search(starts, ends, -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(), home);
    exempt(link, -1);
    if (path.empty()) {
      unrouted(link, "no orthogonal route around the shapes was found");
      return;
    }
    link.route = simplify(path);
  }

  // Where a sequence flow between two steps belongs: their pool, or the lanes of a process
  // without one; empty (nowhere outside costs more) for other links and ends in two pools.
  Rect home_of(const Link& link) const {
    if (link.kind != LinkKind::sequence || link.from < 0 || link.to < 0) return {};
    int a = root_of_item(g_, link.from), b = root_of_item(g_, link.to);
    if (a < 0 || b < 0) return {};
    const Band& root = g_.bands[g_.roots[a]];
    if (root.pool) return a == b ? root.box : Rect{};
    if (g_.bands[g_.roots[b]].pool) return {};
    return unpooled_lanes(g_);
  }

  // A* over (grid point, direction). Returns the route from a start port to an end port.
  std::vector<Point> search(const std::vector<Port>& starts, const std::vector<Port>& ends, double lo, double hi,
                            const Rect& home) {
    auto outside = [&](int i, int j) {
      if (home.w <= 0) return false;
      double x = grid_.xs[i], y = grid_.ys[j];
      return x < home.x - 0.5 || x > home.right() + 0.5 || y < home.y - 0.5 || y > home.bottom() + 0.5;
    };
    for (int s : touched_) cost_[s] = std::numeric_limits<double>::infinity(), parent_[s] = -1;
    touched_.clear();
    struct Goal {
      int i, j;
      Dir in;  // direction of the last move into the shape
      double cost;
    };
    std::vector<Goal> goals;
    for (const auto& p : ends) {
      Point q{p.at.x + dx[p.out] * margin, p.at.y + dy[p.out] * margin};
      int i = grid_.find_x(q.x), j = grid_.find_y(q.y);
      if (i < 0 || j < 0 || grid_.inside(i, j)) continue;
      goals.push_back({i, j, opposite(p.out), p.cost});
    }
    if (goals.empty()) return {};
    auto heuristic = [&](int i, int j) {
      double best = std::numeric_limits<double>::infinity();
      for (const auto& goal : goals)
        best = std::min(best, std::abs(grid_.xs[i] - grid_.xs[goal.i]) + std::abs(grid_.ys[j] - grid_.ys[goal.j]));
      return best;
    };
    open_.clear();
    std::vector<std::pair<int, Point>> start_points;  // state → port point
    for (const auto& p : starts) {
      Point q{p.at.x + dx[p.out] * margin, p.at.y + dy[p.out] * margin};
      int i = grid_.find_x(q.x), j = grid_.find_y(q.y);
      if (i < 0 || j < 0 || grid_.inside(i, j) || grid_.xs[i] < lo || grid_.xs[i] > hi) continue;
      int state = grid_.index(i, j) * 4 + p.out;
      if (p.cost + margin < cost_[state]) {
        cost_[state] = p.cost + margin;
        touched_.push_back(state);
        start_points.push_back({state, p.at});
        push_open({cost_[state] + heuristic(i, j), state});
      }
    }
    double best = std::numeric_limits<double>::infinity();
    int best_state = -1;
    Dir best_in = right;
    while (!open_.empty()) {
      auto [f, state] = pop_open();
      if (f >= best) break;
      double g = cost_[state];
      if (f > g + heuristic(state / 4 % grid_.nx, state / 4 / grid_.nx) + 1e-6) continue;  // stale
      int point = state / 4, i = point % grid_.nx, j = point / grid_.nx;
      Dir d = static_cast<Dir>(state % 4);
      for (const auto& goal : goals)
        if (goal.i == i && goal.j == j && d != opposite(goal.in)) {  // no U-turn into the port
          double total = g + goal.cost + margin + (goal.in != d ? bend_cost : 0);
          if (total < best) best = total, best_state = state, best_in = goal.in;
        }
      for (int k = 0; k < 4; ++k) {
        Dir d2 = static_cast<Dir>(k);
        if (d2 == opposite(d) || grid_.blocked(i, j, d2)) continue;
        int i2 = i + dx[d2], j2 = j + dy[d2];
        if (grid_.xs[i2] < lo || grid_.xs[i2] > hi) continue;
        double length = std::abs(grid_.xs[i2] - grid_.xs[i]) + std::abs(grid_.ys[j2] - grid_.ys[j]);
        double step = length * (1 + (grid_.used(i, j, d2) > 0 ? shared_factor : 0)) + (d2 != d ? bend_cost : 0);
        step += crossing_at(i2, j2, d2);
        if (grid_.soft(i, j, d2)) step += label_cost;
        if (outside(i2, j2)) step += outside_cost;
        int next = grid_.index(i2, j2) * 4 + d2;
        if (g + step < cost_[next]) {
          if (cost_[next] == std::numeric_limits<double>::infinity()) touched_.push_back(next);
          cost_[next] = g + step;
          parent_[next] = state;
          push_open({g + step + heuristic(i2, j2), next});
        }
      }
    }
    if (best_state < 0) return {};
    // Walk back, recording usage so later routes avoid running along this one.
    std::vector<Point> path;
    int s = best_state;
    Point end_port{};
    for (const auto& p : ends) {
      Point q{p.at.x + dx[p.out] * margin, p.at.y + dy[p.out] * margin};
      if (grid_.find_x(q.x) == best_state / 4 % grid_.nx && grid_.find_y(q.y) == best_state / 4 / grid_.nx &&
          opposite(p.out) == best_in)
        end_port = p.at;
    }
    path.push_back(end_port);
    while (s >= 0) {
      int point = s / 4;
      path.push_back({grid_.xs[point % grid_.nx], grid_.ys[point / grid_.nx]});
      int prev = parent_[s];
      if (prev >= 0) {
        int pi = prev / 4 % grid_.nx, pj = prev / 4 / grid_.nx;
        ++grid_.used(pi, pj, static_cast<Dir>(s % 4));
      } else {
        for (const auto& [state, at] : start_points)
          if (state == s) path.push_back(at);
      }
      s = prev;
    }
    std::reverse(path.begin(), path.end());
    return path;
  }

  // Moving along d into (i, j): what an earlier route there costs. A crossing costs most; a
  // touch (a route ending there) some, since the stub from the grid into a shape is not on
  // the grid and a touch is often a crossing of that stub.
  double crossing_at(int i, int j, Dir d) const {
    bool horizontal = d == right || d == left;
    bool one = false, other = false;
    if (horizontal) {
      one = j > 0 && grid_.vused[grid_.index(i, j - 1)] > 0;
      other = j + 1 < grid_.ny && grid_.vused[grid_.index(i, j)] > 0;
    } else {
      one = i > 0 && grid_.hused[grid_.index(i - 1, j)] > 0;
      other = i + 1 < grid_.nx && grid_.hused[grid_.index(i, j)] > 0;
    }
    return one && other ? crossing_cost : one || other ? touch_cost : 0;
  }

  static std::vector<Point> simplify(const std::vector<Point>& path) {
    std::vector<Point> out;
    for (const auto& p : path) {
      auto same = [](double u, double v) { return std::abs(u - v) < 0.25; };
      if (!out.empty() && same(out.back().x, p.x) && same(out.back().y, p.y)) continue;
      if (out.size() >= 2) {
        const Point& a = out[out.size() - 2];
        const Point& b = out.back();
        bool collinear = (same(a.x, b.x) && same(b.x, p.x)) || (same(a.y, b.y) && same(b.y, p.y));
        if (collinear) out.back() = p;
        else out.push_back(p);
      } else {
        out.push_back(p);
      }
    }
    return out;
  }
};

}  // namespace

void route(Graph& g) { Router(g).run(); }

}  // namespace syzba::layout
