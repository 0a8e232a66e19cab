// Phase 6b, message flows between pools: straight down (or up) where both ends stand in one
// column; else out of the sender's bottom (top), along a track of its own in the gap next to
// the receiver's pool, and into the receiver's top (bottom) — two bends, as a person draws
// them. Tracks in a gap are ordered so that messages going the same way do not cross.
// A message to or from a pool itself (a black box) runs straight from its node to the pool's
// edge. A route that would touch a shape or cross a flow is left to the grid router.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "layout/buckets.h"
#include "layout/graph.h"

namespace syzba::layout {
namespace {

struct Message {
  int link = -1;
  double a = 0, b = 0;  // the x of the sender's and the receiver's vertical
  bool down = true;
  double y = 0;         // its track
};

// The index in roots of a top-level band (a pool), or -1.
int root_of_band(const Graph& g, int band) {
  auto it = std::find(g.roots.begin(), g.roots.end(), band);
  return it == g.roots.end() ? -1 : static_cast<int>(it - g.roots.begin());
}

}  // namespace

int root_of_item(const Graph& g, int item) {
  if (item < 0 || g.items[item].frame != 0) {
    while (item >= 0 && g.items[item].frame != 0) item = g.items[item].containers.empty() ? -1 : g.items[item].containers.back();
    if (item < 0) return -1;
  }
  int band = g.frames[0].leaves.empty() ? -1 : g.frames[0].leaves[g.items[item].band];
  while (band >= 0 && g.bands[band].parent >= 0) band = g.bands[band].parent;
  return root_of_band(g, band);
}

Rect unpooled_lanes(const Graph& g) {
  Rect span;
  for (int r : g.roots) {
    const Rect& lane = g.bands[r].box;
    if (g.bands[r].pool || lane.w <= 0) continue;
    if (span.w <= 0) {
      span = lane;
      continue;
    }
    double x0 = std::min(span.x, lane.x), y0 = std::min(span.y, lane.y);
    double x1 = std::max(span.right(), lane.right()), y1 = std::max(span.bottom(), lane.bottom());
    span = {x0, y0, x1 - x0, y1 - y0};
  }
  return span;
}

int message_gap(const Graph& g, const Link& link) {
  if (link.kind != LinkKind::message) return -1;
  int ra = root_of_item(g, link.from), rb = root_of_item(g, link.to);
  if (ra < 0 || rb < 0 || ra == rb) return -1;
  return rb > ra ? rb - 1 : rb;  // the gap next to the receiver's pool, on the sender's side
}

namespace {

// A message between a node and a pool itself: the node's end, and the pool's root.
struct PoolEnd {
  int item = -1, root = -1;
  bool item_sends = true;
};

std::optional<PoolEnd> pool_end(const Graph& g, const Link& link) {
  if (link.kind != LinkKind::message || !link.route.empty()) return std::nullopt;
  PoolEnd end;
  if (link.from >= 0 && link.to < 0 && link.to_band >= 0) end = {link.from, root_of_band(g, link.to_band), true};
  else if (link.to >= 0 && link.from < 0 && link.from_band >= 0) end = {link.to, root_of_band(g, link.from_band), false};
  else return std::nullopt;
  int own = root_of_item(g, end.item);
  if (end.root < 0 || own < 0 || own == end.root) return std::nullopt;
  return end;
}

// From the node straight to the pool's edge at x; where a shape of its column stands in the
// way (the result above the refusal, both answering the applicant), out into the gap before
// that shape and past it first, as a person draws it: on its right where the pool has room,
// else on its left. The first that keeps clear of shapes and flows is taken; else the grid
// router finds its way (round a flow rather than over it).
std::vector<std::vector<Point>> to_pool_routes(const Graph& g, const Buckets<int>& shapes, const Link& link, int item,
                                               double x, double edge) {
  const Rect& box = g.items[item].box;
  bool down = edge > box.cy();
  double start = down ? box.bottom() : box.y;
  Rect line{x - clearance, std::min(start, edge), 2 * clearance, std::fabs(edge - start)};
  std::optional<Rect> nearest;
  double left = 1e18, right = -1e18;
  shapes.near(line, [&](int, const Rect& r, int i) {
    if (i == link.from || i == link.to || !r.overlaps(line)) return;  // item is one of them
    const auto& around = g.items[item].containers;
    if (std::find(around.begin(), around.end(), i) != around.end()) return;
    left = std::min(left, r.x), right = std::max(right, r.right());
    if (!nearest || (down ? r.y < nearest->y : r.bottom() > nearest->bottom())) nearest = r;
  });
  if (!nearest) return {{{x, start}, {x, edge}}};
  double y = std::round(down ? (start + nearest->y) / 2 : (start + nearest->bottom()) / 2);
  std::vector<double> pasts;
  int root = root_of_item(g, item);
  // On the right, midway to the pool's edge when that is nearer (a last step stands there).
  double room = root < 0 ? 1e18 : g.bands[g.roots[root]].box.right() - right;
  if (room >= 4 * clearance) pasts.push_back(std::round(right + std::min(3 * clearance, room / 2)));
  pasts.push_back(std::round(left - 3 * clearance));
  std::vector<std::vector<Point>> routes;
  for (double past : pasts) routes.push_back({{x, start}, {x, y}, {past, y}, {past, edge}});
  return routes;
}

}  // namespace

void route_messages(Graph& g) {
  Buckets<int> shapes;
  for (int i = 0; i < static_cast<int>(g.items.size()); ++i)
    if (g.items[i].kind != ItemKind::group) shapes.add(g.items[i].box, i);
  // Routes so far, to keep a message off them: one that would cross a flow is left to the
  // grid router, which goes around where it can.
  RouteIndex routed;
  for (const auto& link : g.links) routed.add(link.route);
  auto try_route = [&](Link& link, std::vector<Point> route) {
    if (!keeps_clear(g, shapes, link, route, false) || routed.crosses(route)) return false;
    routed.add(route);
    link.route = std::move(route);
    return true;
  };
  // The messages between pools, and where each meets its shapes: spread along the side it
  // uses, in the order of where they go, so that two never share a vertical.
  std::vector<int> between;
  std::vector<std::pair<int, PoolEnd>> to_pools;
  std::map<std::pair<int, bool>, std::vector<std::pair<double, int>>> sides;  // (item, bottom) → (other x, message)
  for (int l = 0; l < static_cast<int>(g.links.size()); ++l) {
    const Link& link = g.links[l];
    if (auto end = pool_end(g, link)) {  // straight to the pool: its place among the side's others is its own x
      to_pools.push_back({l, *end});
      sides[{end->item, end->root > root_of_item(g, end->item)}].push_back({g.items[end->item].box.cx(), l});
      continue;
    }
    if (link.kind != LinkKind::message || link.from < 0 || link.to < 0 || !link.route.empty()) continue;
    int ra = root_of_item(g, link.from), rb = root_of_item(g, link.to);
    if (ra < 0 || rb < 0 || ra == rb) continue;
    between.push_back(l);
    bool down = rb > ra;
    sides[{link.from, down}].push_back({g.items[link.to].box.cx(), l});
    sides[{link.to, !down}].push_back({g.items[link.from].box.cx(), l});
  }
  std::map<std::pair<int, int>, double> x_at;  // (message, item) → x
  for (auto& [key, list] : sides) {
    std::stable_sort(list.begin(), list.end());
    const Rect& box = g.items[key.first].box;
    for (std::size_t k = 0; k < list.size(); ++k)
      x_at[{list[k].second, key.first}] = std::round(box.x + box.w * static_cast<double>(k + 1) / static_cast<double>(list.size() + 1));
  }
  for (const auto& [l, end] : to_pools) {
    const Rect& pool = g.bands[g.roots[end.root]].box;
    bool down = end.root > root_of_item(g, end.item);
    double x = x_at[{l, end.item}];
    auto routes = to_pool_routes(g, shapes, g.links[l], end.item, x, down ? pool.y : pool.bottom());
    if (!end.item_sends)
      for (auto& route : routes) std::reverse(route.begin(), route.end());
    for (const auto& route : routes)
      if (try_route(g.links[l], route)) break;
  }
  std::map<int, std::vector<Message>> gaps;  // gap below root k → messages
  for (int l : between) {
    Link& link = g.links[l];
    const Rect& from = g.items[link.from].box;
    const Rect& to = g.items[link.to].box;
    bool down = root_of_item(g, link.to) > root_of_item(g, link.from);
    double a = x_at[{l, link.from}], b = x_at[{l, link.to}];
    if (std::abs(from.cx() - to.cx()) < 0.5) {  // one column: the side with more messages spaces both ends
      std::size_t at_from = sides[{link.from, down}].size(), at_to = sides[{link.to, !down}].size();
      a = b = at_from >= at_to ? a : b;
      try_route(link, {{a, down ? from.bottom() : from.y}, {a, down ? to.y : to.bottom()}});
      continue;
    }
    gaps[message_gap(g, link)].push_back({l, a, b, down});
  }
  for (auto& [gap, messages] : gaps) {
    if (gap + 1 >= static_cast<int>(g.roots.size())) continue;
    double top = g.bands[g.roots[gap]].box.bottom(), bottom = g.bands[g.roots[gap + 1]].box.y;
    // Going down: nearer the top as it starts further right (rightwards) or left (leftwards);
    // going up, the same from the bottom.
    auto key = [](const Message& m) { return m.b > m.a ? std::pair{0, -m.a} : std::pair{1, m.a}; };
    std::stable_sort(messages.begin(), messages.end(), [&](const Message& x, const Message& y) {
      if (x.down != y.down) return x.down;
      return key(x) < key(y);
    });
    int downs = static_cast<int>(std::count_if(messages.begin(), messages.end(), [](const Message& m) { return m.down; }));
    int ups = static_cast<int>(messages.size()) - downs;
    double step = (bottom - top) / static_cast<double>(messages.size() + 1);
    for (int k = 0; k < static_cast<int>(messages.size()); ++k) {
      Message& m = messages[k];
      int track = k < downs ? k : downs + (ups - 1 - (k - downs));
      m.y = std::round(top + step * static_cast<double>(track + 1));
      Link& link = g.links[m.link];
      const Rect& from = g.items[link.from].box;
      const Rect& to = g.items[link.to].box;
      try_route(link, {{m.a, m.down ? from.bottom() : from.y}, {m.a, m.y}, {m.b, m.y}, {m.b, m.down ? to.y : to.bottom()}});
    }
  }
}

}  // namespace syzba::layout
