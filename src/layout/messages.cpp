// Phase 6b, message flows between pools: straight down (or up) where both ends stand in one
// column; else out of the sender's bottom (top), along a track of its own in the gap next to
// the receiver's pool, and into the receiver's top (bottom) — two bends, as a person draws
// them. Tracks in a gap are ordered so that messages going the same way do not cross.
// A route that would touch a shape is left to the grid router.
#include <algorithm>
#include <cmath>
#include <map>

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

}  // namespace

int root_of_item(const Graph& g, int item) {
  if (item < 0 || g.items[item].frame != 0) {
    while (item >= 0 && g.items[item].frame != 0) item = g.items[item].containers.empty() ? -1 : g.items[item].containers.back();
    if (item < 0) return -1;
  }
  int band = g.frames[0].leaves.empty() ? -1 : g.frames[0].leaves[g.items[item].band];
  while (band >= 0 && g.bands[band].parent >= 0) band = g.bands[band].parent;
  auto it = std::find(g.roots.begin(), g.roots.end(), band);
  return it == g.roots.end() ? -1 : static_cast<int>(it - g.roots.begin());
}

int message_gap(const Graph& g, const Link& link) {
  if (link.kind != LinkKind::message) return -1;
  int ra = root_of_item(g, link.from), rb = root_of_item(g, link.to);
  if (ra < 0 || rb < 0 || ra == rb) return -1;
  return rb > ra ? rb - 1 : rb;  // the gap next to the receiver's pool, on the sender's side
}

void route_messages(Graph& g) {
  Buckets<int> shapes;
  for (int i = 0; i < static_cast<int>(g.items.size()); ++i)
    if (g.items[i].kind != ItemKind::group) shapes.add(g.items[i].box, i);
  // Routes so far, to keep a message off them: one that would cross a flow is left to the
  // grid router, which goes around where it can.
  RouteIndex routed;
  for (const auto& link : g.links) routed.add(link.route);
  auto try_route = [&](Link& link, std::vector<Point> route) {
    if (!keeps_clear(g, shapes, link, route, false) || routed.crosses(route)) return;
    routed.add(route);
    link.route = std::move(route);
  };
  // The messages between pools, and where each meets its shapes: spread along the side it
  // uses, in the order of where they go, so that two never share a vertical.
  std::vector<int> between;
  std::map<std::pair<int, bool>, std::vector<std::pair<double, int>>> sides;  // (item, bottom) → (other x, message)
  for (int l = 0; l < static_cast<int>(g.links.size()); ++l) {
    const Link& link = g.links[l];
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
