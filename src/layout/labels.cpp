// Phase 7, labels: event, gateway and data labels under their shape (or beside it when an
// edge leaves downwards there), flow labels beside their own branch's first segment. A label never
// covers a shape; among the free places it takes the first that covers no other label and no
// edge; else it looks further out, where reaching into the next lane of its pool is better than
// covering another label (which cannot then be read).
#include <algorithm>
#include <optional>
#include <cmath>
#include <unordered_map>

#include "layout/buckets.h"
#include "layout/graph.h"

namespace syzba::layout {
namespace {

// Rectangles near others: how many entries r overlaps, ignoring some owners (an item index;
// -1 for edges and labels).
class Index {
 public:
  void add(const Rect& r, int owner) { buckets_.add(r, owner); }
  int count(const Rect& r, const std::vector<int>& ignore) const {
    int n = 0;
    buckets_.near(r, [&](int, const Rect& e, int owner) {
      if (owner >= 0 && std::find(ignore.begin(), ignore.end(), owner) != ignore.end()) return;
      if (e.overlaps(r)) ++n;
    });
    return n;
  }

 private:
  Buckets<int> buckets_{100};
};

Rect segment_rect(const Point& a, const Point& b) {
  return {std::min(a.x, b.x) - 1, std::min(a.y, b.y) - 1, std::abs(a.x - b.x) + 2, std::abs(a.y - b.y) + 2};
}

struct Placer {
  Graph& g;
  Index shapes, lines, labels;  // lines: edge segments; labels: those placed so far

  // How bad a place is: 0 when free. Over a shape it is never taken; text written over another
  // label cannot be read, so that costs more than reaching into the next lane (or a sub-process
  // frame); leaving the pool or the diagram costs most (the page's edge cuts it there).
  int score(const Rect& c, const std::vector<int>& ignore, const Rect* band, const Rect* outer) const {
    if (shapes.count(c, ignore) > 0) return -1;
    auto within = [&](const Rect* r) { return !r || (c.x >= r->x && c.right() <= r->right() && c.y >= r->y && c.bottom() <= r->bottom()); };
    return (within(band) ? 0 : within(outer) ? 50 : 10000) + 100 * labels.count(spaced(c), {}) + lines.count(c, {});
  }

  // A label with another's text right beside it (or right under it) reads as one: two labels
  // keep at least a wide space between them (8 px is two of a 12 px font's word spaces).
  static Rect spaced(const Rect& c) { return {c.x - 8, c.y - 3, c.w + 16, c.h + 6}; }

  // The first free candidate; failing that, the one over no shape with the lowest score.
  std::optional<Rect> choose(const std::vector<Rect>& candidates, const std::vector<int>& ignore, const Rect* band,
                             const Rect* outer, int* best_score = nullptr) const {
    std::optional<Rect> best;
    int lowest = 0;
    for (const auto& c : candidates) {
      int s = score(c, ignore, band, outer);
      if (s < 0) continue;
      if (!best || s < lowest) best = c, lowest = s;
      if (s == 0) break;
    }
    if (best_score) *best_score = best ? lowest : -1;
    return best;
  }

  // Whether a place found with this score ends the search (-1: none found, or over a shape).
  static bool settled(int found, int enough) { return found >= 0 && found <= enough; }

  // Rings of places further out, nearest first, tried while the best place so far is over a
  // shape or scores above `enough` (the caller builds them only when it is not settled).
  void try_further(std::optional<Rect>& best, int& found, int enough, const std::vector<std::vector<Rect>>& rings,
                   const std::vector<int>& ignore, const Rect* band, const Rect* outer) const {
    for (const auto& ring : rings) {
      if (settled(found, enough)) return;
      int here = 0;
      auto next = choose(ring, ignore, band, outer, &here);
      if (next && (found < 0 || here < found)) best = next, found = here;
    }
  }

  // The band an item's label should stay in: its lane or pool (none in a sub-process frame,
  // whose own frame bounds it, nor when it stands in no band).
  // Its title strip is left out: a label never covers a lane's or pool's name.
  std::optional<Rect> band_of(const Item& item) const {
    if (item.frame != 0 || item.band < 0 || item.band >= static_cast<int>(g.frames[0].leaves.size())) return std::nullopt;
    const Band& band = g.bands[g.frames[0].leaves[item.band]];  // item.band is a leaf index at the top level
    if (band.box.w <= 0) return std::nullopt;
    Rect r = band.box;
    double title = band.element.empty() ? 0 : g.spacing.title_band;
    return Rect{r.x + title, r.y, r.w - title, r.h};
  }

  // The pool around an item's band (all the lanes of a process without one), right of the
  // band's titles: a label may reach into another lane, never out of the pool nor over a title.
  std::optional<Rect> root_of(const Item& item) const {
    auto band = band_of(item);
    if (!band) return std::nullopt;
    int b = g.frames[0].leaves[item.band];
    while (g.bands[b].parent >= 0) b = g.bands[b].parent;
    Rect root = g.bands[b].box;
    // The lanes of a process without a pool: any of them.
    if (!g.bands[b].pool) {
      Rect lanes = unpooled_lanes(g);
      root.y = lanes.y, root.h = lanes.h;
    }
    return Rect{band->x, root.y, root.right() - band->x, root.h};
  }

  void place_item_label(int i) {
    Item& item = g.items[i];
    const Rect& b = item.box;
    double w = item.label.width, h = item.label.height, gap = 4;
    std::vector<Rect> candidates = {
        {b.cx() - w / 2, b.bottom() + gap, w, h},          // under
        {b.cx() - 6 - w, b.bottom() + gap, w, h},          // under, left of a downward edge
        {b.cx() + 6, b.bottom() + gap, w, h},              // under, right of it
        {b.cx() - w / 2, b.y - gap - h, w, h},             // above
        {b.right() + gap, b.bottom() - h / 2, w, h},       // beside, low
        {b.x - gap - w, b.bottom() - h / 2, w, h},
    };
    std::vector<int> ignore = item.containers;
    ignore.push_back(i);
    auto band = band_of(item);
    // Under it still, moved in from the band's edge: an end event's label in the last column,
    // wider than the event, would cross the pool's border.
    if (band && band->w >= w + 2 * gap) {
      double inside = std::clamp(b.cx() - w / 2, band->x + gap, band->right() - gap - w);
      if (inside != b.cx() - w / 2) candidates.insert(candidates.begin() + 1, Rect{inside, b.bottom() + gap, w, h});
    }
    auto outer = root_of(item);
    const Rect* in = band ? &*band : nullptr;
    const Rect* out = outer ? &*outer : nullptr;
    int found = 0;
    auto best = choose(candidates, ignore, in, out, &found);
    // Every near place covers another label or leaves the lane: further out, under and above
    // first, then to the sides.
    if (!settled(found, 0)) {
      std::vector<std::vector<Rect>> rings(3);
      for (int ring = 1; ring <= 3; ++ring)
        for (double dx : {0.0, -0.5, 0.5, -1.0, 1.0}) {
          rings[ring - 1].push_back({b.cx() - w / 2 + dx * w, b.bottom() + gap + ring * (h + gap), w, h});
          rings[ring - 1].push_back({b.cx() - w / 2 + dx * w, b.y - gap - h - ring * (h + gap), w, h});
        }
      try_further(best, found, 0, rings, ignore, in, out);
    }
    item.label_box = best.value_or(candidates.front());
    labels.add(*item.label_box, -1);
  }

  std::unordered_map<int, std::vector<int>> leaving;  // item → links that leave it

  bool shares_first_segment(const Link& link) const {
    auto it = leaving.find(link.from);
    if (it == leaving.end()) return false;
    for (int l : it->second) {
      const Link& other = g.links[l];
      if (&other != &link && other.route.size() >= 2 && other.route[0] == link.route[0] &&
          (other.route[1].x == other.route[0].x) == (link.route[1].x == link.route[0].x))
        return true;
    }
    return false;
  }

  // Places for a label of w × h beside the segment a → b, near a first.
  static std::vector<Rect> beside_segment(const Point& a, const Point& b, double w, double h) {
    const double gap = 4;
    std::vector<Rect> candidates;
    if (a.y == b.y) {
      double x = b.x >= a.x ? a.x + gap : a.x - gap - w;
      double along = b.x >= a.x ? 1 : -1;
      // Along the segment, near its start first (still beside its own flow further on).
      double room = std::max(60.0, std::min(240.0, std::abs(b.x - a.x) - w - 2 * gap));
      for (double shift = 0; shift <= room; shift += 20)
        candidates.push_back({x + along * shift, a.y - gap - h, w, h}), candidates.push_back({x + along * shift, a.y + gap, w, h});
    } else {
      double y = b.y >= a.y ? a.y + gap : a.y - gap - h;
      double along = b.y >= a.y ? 1 : -1;
      double room = std::max(30.0, std::min(150.0, std::abs(b.y - a.y) - h - 2 * gap));
      for (double shift = 0; shift <= room; shift += 15)
        candidates.push_back({a.x + gap, y + along * shift, w, h}), candidates.push_back({a.x - gap - w, y + along * shift, w, h});
    }
    return candidates;
  }

  void place_link_label(Link& link, const MeasureText& measure) {
    if (link.route.size() < 2) return;
    TextSize t = label_size(measure, link.name, size::label_font, g.spacing.label_width);
    double w = t.width, h = t.height;
    // Beside its own first segment: where branches share a gateway's side, the segment they
    // turn into after it, so that it is clear which label is whose.
    std::size_t k = shares_first_segment(link) && link.route.size() >= 3 ? 1 : 0;
    std::vector<Rect> candidates = beside_segment(link.route[k], link.route[k + 1], w, h);
    std::vector<int> ignore;
    for (int end : {link.from, link.to})
      if (end >= 0) ignore.insert(ignore.end(), g.items[end].containers.begin(), g.items[end].containers.end());
    // Where every place beside that segment covers a shape (a short segment into a box), the
    // other segments of the flow: the shared one before it near its end (where the branch
    // turns off), those after it near their start.
    const bool free = std::any_of(candidates.begin(), candidates.end(), [&](const Rect& c) { return shapes.count(c, ignore) == 0; });
    for (std::size_t j = 0; !free && j + 1 < link.route.size(); ++j) {
      if (j == k) continue;
      auto more = j < k ? beside_segment(link.route[j + 1], link.route[j], w, h) : beside_segment(link.route[j], link.route[j + 1], w, h);
      candidates.insert(candidates.end(), more.begin(), more.end());
    }
    bool in_band = link.kind == LinkKind::sequence && link.from >= 0;  // message flows run between bands
    auto band = in_band ? band_of(g.items[link.from]) : std::nullopt;
    auto outer = in_band ? root_of(g.items[link.from]) : std::nullopt;
    const Rect* in = band ? &*band : nullptr;
    const Rect* out = outer ? &*outer : nullptr;
    int found = 0;
    auto best = choose(candidates, ignore, in, out, &found);
    // Still none, or only over another label: further out around where the label belongs.
    const Rect near = candidates.front();
    if (!settled(found, 99)) {
      std::vector<std::vector<Rect>> rings(4);
      for (int ring = 1; ring <= 4; ++ring)
        for (double dy : {-1.0, 1.0})
          for (double dx : {0.0, -0.5, 0.5, -1.0, 1.0})
            rings[ring - 1].push_back({near.x + dx * w * ring, near.y + dy * (h + 8) * ring, w, h});
      try_further(best, found, 99, rings, ignore, in, out);
    }
    link.label_box = best.value_or(near);
    labels.add(*link.label_box, -1);
  }
};

}  // namespace

void place_labels(Graph& g, const MeasureText& measure) {
  Placer p{g};
  for (int l = 0; l < static_cast<int>(g.links.size()); ++l)
    if (g.links[l].from >= 0) p.leaving[g.links[l].from].push_back(l);
  for (int i = 0; i < static_cast<int>(g.items.size()); ++i)
    if (g.items[i].kind != ItemKind::group) p.shapes.add(g.items[i].box, i);
  for (const auto& link : g.links)
    for (std::size_t k = 1; k < link.route.size(); ++k) p.lines.add(segment_rect(link.route[k - 1], link.route[k]), -1);
  for (int i = 0; i < static_cast<int>(g.items.size()); ++i)
    if (g.items[i].external_label) p.place_item_label(i);
  for (auto& link : g.links)
    if (!link.name.empty() && (link.kind == LinkKind::sequence || link.kind == LinkKind::message)) p.place_link_label(link, measure);
}

}  // namespace syzba::layout
