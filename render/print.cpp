// render_print: a diagram laid out for printed pages (A4 / A3). The model keeps its one process
// and its DI; the pages are DI computed here, at render time, and drawn by render_scene one by
// one: the diagram cut into vertical slices at gaps that cross no shape and no label (the gap
// crossed by the fewest sequence flows, the main path's), every pool and lane repeated with its
// title in each slice, each flow across a cut drawn as a pair of link events named after the
// page the other end is on, the slices stacked as rows while they fit a page, a one-line title
// and "page N of M" on every page, the legend on the last page or on its own.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "render/draw.h"
#include "render/print_detail.h"

namespace syzba::render {

namespace print_detail {

std::string page_caption(Lang lang, int page, int pages) {
  switch (lang) {
    case Lang::kk: return fmt::format("{}-бет, барлығы {}", page, pages);
    case Lang::ru: return fmt::format("стр. {} из {}", page, pages);
    case Lang::en: break;
  }
  return fmt::format("page {} of {}", page, pages);
}

// The names of a link pair: where the flow goes on (throw) and where it came from (catch).
std::pair<std::string, std::string> link_names(Lang lang, int from_page, int to_page, bool down) {
  if (from_page != to_page) {
    switch (lang) {
      case Lang::kk: return {fmt::format("{}-бетте жалғасы", to_page), fmt::format("басы {}-бетте", from_page)};
      case Lang::ru: return {fmt::format("продолжение на стр. {}", to_page), fmt::format("начало на стр. {}", from_page)};
      case Lang::en: break;
    }
    return {fmt::format("continued on page {}", to_page), fmt::format("continued from page {}", from_page)};
  }
  switch (lang) {
    case Lang::kk: return down ? std::pair<std::string, std::string>{"төменде жалғасы", "басы жоғарыда"}
                               : std::pair<std::string, std::string>{"жоғарыда жалғасы", "басы төменде"};
    case Lang::ru: return down ? std::pair<std::string, std::string>{"продолжение ниже", "начало выше"}
                               : std::pair<std::string, std::string>{"продолжение выше", "начало ниже"};
    case Lang::en: break;
  }
  return down ? std::pair<std::string, std::string>{"continued below", "continued from above"}
              : std::pair<std::string, std::string>{"continued above", "continued from below"};
}



// The area an element's items cover.
Box bounds_of(const Element& e) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  auto add = [&](double x, double y) {
    x0 = std::min(x0, x); y0 = std::min(y0, y);
    x1 = std::max(x1, x); y1 = std::max(y1, y);
  };
  for (const auto& item : e.items) {
    if (const auto* s = std::get_if<Shape>(&item)) {
      if (s->geometry != render::Geometry::path) {
        add(s->x, s->y);
        add(s->x + s->width, s->y + s->height);
      }
      for (const auto& op : s->path)
        for (int i = 0; i + 1 < (op.op == 'C' ? 6 : op.op == 'Z' ? 0 : 2); i += 2) add(op.v[i], op.v[i + 1]);
      continue;
    }
    const Text& t = std::get<Text>(item);
    for (const auto& l : t.lines) {
      double left = t.anchor == Anchor::middle ? l.x - l.width / 2 : l.x;
      add(left, l.y - t.font_px);
      add(left + l.width, l.y + t.font_px * 0.3);
    }
  }
  if (x0 > x1) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

// The page's title line: the title cut to one line at the left, "page N of M" at the right.
void add_header(Scene& scene, const std::string& title, Lang lang, int page, int pages, TextEngine& text) {
  for (auto& e : scene.elements) translate(e, 0, header_h);
  scene.height += header_h;
  Element header{"", "title"};
  header.label = title;
  std::string caption = page_caption(lang, page, pages);
  TextBlock right = text.wrap(caption, 12, false, 400, 1);
  double right_w = right.width;
  double y = scene_margin + 12;
  double title_w = std::max(60.0, scene.width - 2 * scene_margin - right_w - 24);
  TextBlock left = text.wrap(displayable(title, 300), 12, true, title_w, 1);
  Text t{std::move(left.lines), text.font_px(12), true, "#22242a", Anchor::start};
  for (auto& l : t.lines) {
    l.x = scene_margin;
    l.y = y;
  }
  header.items.emplace_back(std::move(t));
  Text p{std::move(right.lines), text.font_px(12), false, "#5a5f6b", Anchor::start};
  for (auto& l : p.lines) {
    l.x = scene.width - scene_margin - right_w;
    l.y = y;
  }
  header.items.emplace_back(std::move(p));
  scene.elements.insert(scene.elements.begin(), std::move(header));
}


void letter_alike(std::vector<std::pair<std::string, std::string>>& names) {
  std::map<std::string, int> uses;
  for (const auto& n : names) ++uses[n.first];
  int letter = 0;
  for (auto& n : names)
    if (uses[n.first] > 1) {
      std::string l = letter < 26 ? std::string(1, static_cast<char>('A' + letter)) : fmt::format("A{}", letter - 25);
      ++letter;
      n.first = l + ": " + n.first;
      n.second = l + ": " + n.second;
    }
}

}  // namespace print_detail

namespace {

using namespace print_detail;

constexpr double reserve = 70;       // room beside a cut for a link event and its label
constexpr double event_r = 18;

// Where a link event's label goes: under the event, as a person writes it, unless that covers
// a shape or another label of its slice; then above it, else under it anyway (beside it there
// is no room: the lane titles on one side, the slice's edge on the other).
model::Bounds link_label_place(double cx, double cy, const std::vector<model::Bounds>& taken) {
  constexpr double w = 90, h = 30, gap = 4;
  auto overlaps = [](const model::Bounds& a, const model::Bounds& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  };
  const model::Bounds places[] = {
      {cx - w / 2, cy + event_r + gap, w, h},
      {cx - w / 2, cy - event_r - gap - h, w, h},
  };
  for (const auto& place : places)
    if (std::none_of(taken.begin(), taken.end(), [&](const model::Bounds& t) { return overlaps(place, t); })) return place;
  return places[0];
}

// Restores the engine's text floor when print is done with it.
struct FloorGuard {
  TextEngine& text;
  double old;
  FloorGuard(TextEngine& t, double px) : text(t), old(t.min_font_px()) { t.set_min_font_px(std::max(old, px)); }
  ~FloorGuard() { text.set_min_font_px(old); }
};

const model::Diagram* choose(const model::Definitions& defs, const std::string& wanted) {
  for (const auto& d : defs.diagrams)
    if (!wanted.empty() && (d.id == wanted || d.plane.element == wanted)) return &d;
  if (!wanted.empty()) return nullptr;
  for (const auto& d : defs.diagrams)
    if (!d.plane.elements.empty()) return &d;
  return nullptr;
}

void add_lanes(const std::vector<model::LaneSet>& sets, std::set<std::string>& frames,
               std::map<std::string, std::string>& names) {
  for (const auto& set : sets)
    for (const auto& lane : set.lanes) {
      frames.insert(lane.id);
      names[lane.id] = lane.name;
      add_lanes(lane.child_lane_sets, frames, names);
    }
}

struct Interval {
  double lo, hi;
};

// The x-range a DI element covers on the page: its bounds and its label.
Interval extent(const model::DiElement& di) {
  Interval r{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};
  if (di.kind == model::DiKind::shape) {
    r = {di.bounds.x, di.bounds.x + di.bounds.width};
    // An external label bpmn-js places itself: 90 px centred under the shape.
    if (!(di.label && di.label->bounds)) {
      double c = di.bounds.x + di.bounds.width / 2;
      r.lo = std::min(r.lo, c - 45);
      r.hi = std::max(r.hi, c + 45);
    }
  }
  if (di.label && di.label->bounds) {
    r.lo = std::min(r.lo, di.label->bounds->x);
    r.hi = std::max(r.hi, di.label->bounds->x + di.label->bounds->width);
  }
  return r;
}

struct Extents {
  double root_left = 0;     // the outermost frame's left (pools' title bands start there)
  double content_lo = 0, content_hi = 0;  // what is drawn inside the frames
  double start = 0;         // where a slice's content begins: right of every title band
  double frame_hi = 0;      // the frames' right
  double top = 0, bottom = 0;
  std::vector<Interval> busy;  // shapes and labels, merged
  std::vector<double> verticals;  // x of vertical edge segments
};

struct Slice {
  double a = 0, b = 0;  // the content window in the diagram's coordinates
  double left_room = 0, right_room = 0;
  int page = 0;
  double top = 0;  // the slice's top on its page, in px below the first row's
};

struct Flow {
  std::size_t process = 0;  // the top-level process that holds it
  std::size_t index = 0;
};


class Printer {
 public:
  Printer(const model::Definitions& defs, const Options& options, const PageSpec& spec, TextEngine& text)
      : defs_(defs), options_(options), spec_(spec), text_(text) {}

  Attempt run();

 private:
  bool fits(const Scene& s, double scale) const {
    return s.width * scale <= avail_w_pt() + 0.01 && s.height * scale <= avail_h_pt() + 0.01;
  }
  double avail_w_pt() const { return spec_.width_pt - 2 * spec_.margin_pt; }
  double avail_h_pt() const { return spec_.height_pt - 2 * spec_.margin_pt; }
  Extents measure(const model::Diagram& d, const std::set<std::string>& frames) const;
  std::vector<Slice> cut(const Extents& g, double width_px, const std::vector<Interval>& flows) const;
  double compact_rows(std::vector<model::DiElement>& elements, const std::set<std::string>& frames, double top,
                      double bottom) const;

  const model::Definitions& defs_;
  std::map<std::string, std::string> frame_names_;  // pools and lanes: their titles
  const Options& options_;
  const PageSpec& spec_;
  TextEngine& text_;
};

Extents Printer::measure(const model::Diagram& d, const std::set<std::string>& frames) const {
  Extents g;
  double title_band = options_.title_band;
  g.root_left = std::numeric_limits<double>::max();
  g.start = std::numeric_limits<double>::lowest();
  g.content_lo = g.top = std::numeric_limits<double>::max();
  g.content_hi = g.frame_hi = g.bottom = std::numeric_limits<double>::lowest();
  std::vector<Interval> busy;
  for (const auto& di : d.plane.elements) {
    if (di.kind == model::DiKind::shape && frames.count(di.element)) {
      g.root_left = std::min(g.root_left, di.bounds.x);
      g.start = std::max(g.start, di.bounds.x + title_band + 6);  // right of the title band
      g.frame_hi = std::max(g.frame_hi, di.bounds.x + di.bounds.width);
      g.top = std::min(g.top, di.bounds.y);
      g.bottom = std::max(g.bottom, di.bounds.y + di.bounds.height);
      continue;
    }
    if (di.kind == model::DiKind::edge) {
      for (std::size_t i = 0; i + 1 < di.waypoints.size(); ++i)
        if (std::fabs(di.waypoints[i].x - di.waypoints[i + 1].x) < 0.5) g.verticals.push_back(di.waypoints[i].x);
      for (const auto& w : di.waypoints) {
        g.top = std::min(g.top, w.y);
        g.bottom = std::max(g.bottom, w.y);
      }
      if (!(di.label && di.label->bounds)) continue;
    }
    Interval r = extent(di);
    if (r.lo > r.hi) continue;
    busy.push_back({r.lo - 4, r.hi + 4});
    g.content_lo = std::min(g.content_lo, r.lo);
    g.content_hi = std::max(g.content_hi, r.hi);
    double top = di.bounds.y, bottom = di.bounds.y + di.bounds.height;
    if (di.label && di.label->bounds) {
      top = std::min(top, di.label->bounds->y);
      bottom = std::max(bottom, di.label->bounds->y + di.label->bounds->height);
    } else if (di.kind == model::DiKind::shape) {
      bottom += 50;
    }
    if (di.kind == model::DiKind::shape || (di.label && di.label->bounds)) {
      g.top = std::min(g.top, top);
      g.bottom = std::max(g.bottom, bottom);
    }
  }
  if (g.content_lo > g.content_hi) g.content_lo = g.content_hi = 0;
  if (g.root_left > g.content_lo) g.root_left = g.content_lo;
  g.start = std::max(g.start, g.content_lo);
  if (g.frame_hi < g.content_hi) g.frame_hi = g.content_hi;
  std::sort(busy.begin(), busy.end(), [](const Interval& x, const Interval& y) { return x.lo < y.lo; });
  for (const auto& r : busy) {
    if (!g.busy.empty() && r.lo <= g.busy.back().hi) g.busy.back().hi = std::max(g.busy.back().hi, r.hi);
    else g.busy.push_back(r);
  }
  std::sort(g.verticals.begin(), g.verticals.end());
  return g;
}

// Slices no wider than width_px each (titles and link room included), cut in the gaps between
// busy intervals: of the gaps in the right half of what a slice can take, the one the fewest
// flows cross (the main path between two steps), the rightmost of those.
// Whether render draws a label under the shape that the DI does not place (events, gateways).
bool has_label_below(const model::DiElement& di) { return !(di.label && di.label->bounds) && di.bounds.width <= 60; }

std::vector<Slice> Printer::cut(const Extents& g, double width_px, const std::vector<Interval>& flows) const {
  std::vector<Slice> slices;
  double titles = g.start - g.root_left;
  double tail = g.frame_hi - g.content_hi;  // the frames' padding right of the content
  // Cut candidates: in each gap, the middle of the widest stretch free of vertical segments.
  struct Candidate {
    double x;
    int crossings;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i + 1 < g.busy.size(); ++i) {
    double lo = g.busy[i].hi, hi = g.busy[i + 1].lo;
    if (hi - lo < 2) continue;
    std::vector<double> stops{lo};
    for (double v : g.verticals)
      if (v > lo && v < hi) stops.push_back(v);
    stops.push_back(hi);
    double best = lo, best_w = -1;
    for (std::size_t k = 0; k + 1 < stops.size(); ++k)
      if (stops[k + 1] - stops[k] > best_w) {
        best_w = stops[k + 1] - stops[k];
        best = (stops[k] + stops[k + 1]) / 2;
      }
    int crossings = 0;
    for (const auto& f : flows)
      if (f.lo < best && f.hi > best) ++crossings;
    candidates.push_back({best, crossings});
  }
  double a = g.content_lo - 1;
  for (int k = 0;; ++k) {
    double left_room = k == 0 ? 0 : reserve;
    // The last slice: the rest fits with the frames' own right padding.
    if (titles + left_room + (g.content_hi - a) + tail <= width_px || candidates.empty()) {
      slices.push_back({a, g.content_hi + 1, left_room, tail});
      break;
    }
    double room = width_px - titles - left_room - reserve;
    if (room < 60) room = 60;
    const Candidate* chosen = nullptr;
    for (double from : {a + room * 0.55, a + 1}) {
      for (const auto& c : candidates) {
        if (c.x <= from || c.x > a + room) continue;
        if (!chosen || c.crossings < chosen->crossings || (c.crossings == chosen->crossings && c.x > chosen->x)) chosen = &c;
      }
      if (chosen) break;  // the right half has a gap: no narrower slice
    }
    double b = chosen ? chosen->x : a + room;  // no gap at all: cut where the page ends
    if (!chosen) {
      // Prefer any gap further right rather than a cut through a shape.
      for (const auto& c : candidates)
        if (c.x > a + 1) {
          b = c.x;
          break;
        }
    }
    slices.push_back({a, b, left_room, reserve});
    a = b;
    if (slices.size() > 10000) break;
  }
  return slices;
}

// Closes up the stretches of y where nothing of the slice stands (no shape, label or horizontal
// segment), down to a small gap, keeping each frame as tall as its title needs; returns the
// slice's height after.
double Printer::compact_rows(std::vector<model::DiElement>& elements, const std::set<std::string>& frames, double top,
                             double bottom) const {
  std::vector<Interval> busy;
  auto add = [&](double lo, double hi) { busy.push_back({lo, hi}); };
  for (const auto& di : elements) {
    if (di.kind == model::DiKind::shape && frames.count(di.element)) {
      // A frame's borders part the stretches, so that each lane keeps a gap of its own.
      add(di.bounds.y, di.bounds.y);
      add(di.bounds.y + di.bounds.height, di.bounds.y + di.bounds.height);
      continue;
    }
    if (di.kind == model::DiKind::shape) {
      double extra = has_label_below(di) ? 50 : 0;
      add(di.bounds.y - 8, di.bounds.y + di.bounds.height + 8 + extra);
    }
    for (std::size_t i = 0; i + 1 < di.waypoints.size(); ++i)
      if (std::fabs(di.waypoints[i].y - di.waypoints[i + 1].y) < 0.5) add(di.waypoints[i].y - 8, di.waypoints[i].y + 8);
    if (di.label && di.label->bounds) add(di.label->bounds->y - 4, di.label->bounds->y + di.label->bounds->height + 4);
  }
  std::sort(busy.begin(), busy.end(), [](const Interval& x, const Interval& y) { return x.lo < y.lo; });
  // Free stretches between top and bottom, each kept at `keep` px.
  struct Gap {
    double lo, hi, keep;
  };
  std::vector<Gap> gaps;
  double y = top;
  constexpr double keep = 16;
  for (const auto& b : busy) {
    if (b.lo > y + keep) gaps.push_back({y, b.lo, keep});
    y = std::max(y, b.hi);
  }
  if (bottom > y + keep) gaps.push_back({y, bottom, keep});
  if (gaps.empty()) return bottom - top;
  auto map = [&](double v) {
    double out = v;
    for (const auto& gap : gaps) {
      if (v <= gap.lo) break;
      double len = gap.hi - gap.lo;
      if (v >= gap.hi) out -= len - gap.keep;
      else out -= (v - gap.lo) * (1 - gap.keep / len);
    }
    return out;
  };
  // Frames no lower than their titles need: the shortfall given back in the frame's last gap.
  for (const auto& di : elements) {
    if (di.kind != model::DiKind::shape || !frames.count(di.element)) continue;
    auto name = frame_names_.find(di.element);
    if (name == frame_names_.end() || name->second.empty()) continue;
    // Its title in title_lines lines, a fifth more for where the lines break, and no word
    // broken.
    double need = text_.wrap(name->second, 12, false, 1e6).width * 1.2 / options_.title_lines + 20;
    std::size_t from = 0;
    const std::string& title = name->second;
    while (from < title.size()) {
      std::size_t to = title.find_first_of(" \n", from);
      if (to == std::string::npos) to = title.size();
      if (to > from) need = std::max(need, text_.wrap(title.substr(from, to - from), 12, false, 1e6).width + 16);
      from = to + 1;
    }
    need = std::min(need, di.bounds.height);
    double have = map(di.bounds.y + di.bounds.height) - map(di.bounds.y);
    if (have >= need) continue;
    double short_by = need - have;
    for (auto it = gaps.rbegin(); it != gaps.rend() && short_by > 0; ++it)
      if (it->lo < di.bounds.y + di.bounds.height && it->hi > di.bounds.y) {
        double more = std::min(it->hi - it->lo - it->keep, short_by);
        it->keep += more;
        short_by -= more;
      }
  }
  for (auto& di : elements) {
    if (di.kind == model::DiKind::shape) {
      double t = map(di.bounds.y);
      di.bounds.height = map(di.bounds.y + di.bounds.height) - t;
      di.bounds.y = t;
    }
    for (auto& w : di.waypoints) w.y = map(w.y);
    if (di.label && di.label->bounds) di.label->bounds->y = map(di.label->bounds->y);
  }
  // The height drawn: frames, shapes with their labels, routes.
  double lo = 1e18, hi = -1e18;
  for (const auto& di : elements) {
    if (di.kind == model::DiKind::shape) {
      lo = std::min(lo, di.bounds.y);
      hi = std::max(hi, di.bounds.y + di.bounds.height + (has_label_below(di) && !frames.count(di.element) ? 40 : 0));
    }
    for (const auto& w : di.waypoints) {
      lo = std::min(lo, w.y);
      hi = std::max(hi, w.y);
    }
    if (di.label && di.label->bounds) {
      lo = std::min(lo, di.label->bounds->y);
      hi = std::max(hi, di.label->bounds->y + di.label->bounds->height);
    }
  }
  return lo > hi ? map(bottom) - map(top) : hi - std::min(lo, map(top));
}

Attempt Printer::run() {
  Attempt out;
  double scale = std::min(0.75, spec_.min_text_pt / spec_.min_font_px);
  Options whole = options_;
  auto drawn = render_scene(defs_, whole, text_);
  if (!drawn.error.empty()) {
    out.error = drawn.error;
    out.diagrams = drawn.diagrams;
    return out;
  }
  out.warning = drawn.warning;
  const Scene& scene = drawn.scene;
  // Fit first: one page, as large as it goes up to 1:1.
  if (fits(scene, scale)) {
    double k = std::min({0.75, avail_w_pt() / std::max(1.0, scene.width), avail_h_pt() / std::max(1.0, scene.height)});
    out.scale = k;
    if (const model::Diagram* d = choose(defs_, options_.diagram)) {
      out.cut.source = defs_;
      out.cut.plane = d->plane.element;
      out.cut.title_band = options_.title_band;
      out.cut.whole = true;
      out.cut.pages.push_back(d->plane.elements);
    }
    out.pages.push_back({scene, k});
    return out;
  }
  const model::Diagram* diagram = choose(defs_, options_.diagram);
  if (!diagram) {  // nothing to cut
    double k = std::min(avail_w_pt() / std::max(1.0, scene.width), avail_h_pt() / std::max(1.0, scene.height));
    out.scale = k;
    out.pages.push_back({scene, k});
    return out;
  }

  std::set<std::string> frames;
  for (const auto& c : defs_.collaborations)
    for (const auto& p : c.participants) {
      frames.insert(p.id);
      frame_names_[p.id] = p.name;
    }
  std::map<std::string, Flow> flows;
  for (std::size_t p = 0; p < defs_.processes.size(); ++p) {
    add_lanes(defs_.processes[p].content.lane_sets, frames, frame_names_);
    for (std::size_t i = 0; i < defs_.processes[p].content.flows.size(); ++i)
      flows[defs_.processes[p].content.flows[i].id] = {p, i};
  }
  Extents g = measure(*diagram, frames);
  std::vector<Interval> spans;
  for (const auto& di : diagram->plane.elements)
    if (di.kind == model::DiKind::edge && flows.count(di.element) && di.waypoints.size() >= 2)
      spans.push_back({std::min(di.waypoints.front().x, di.waypoints.back().x), std::max(di.waypoints.front().x, di.waypoints.back().x)});

  // The scale: 7 pt, unless a slice, closed up, is still taller than the page; then as large as
  // the tallest slice allows (pools and lanes are not cut across). Slices are wider at a smaller
  // scale, and may be taller: a few rounds.
  auto tallest = [&](double k) {
    auto cuts = cut(g, avail_w_pt() / k - 2 * scene_margin - 8, spans);
    double h = 0;
    for (const auto& c : cuts) {
      std::vector<model::DiElement> part;
      for (const auto& di : diagram->plane.elements) {
        bool frame = di.kind == model::DiKind::shape && frames.count(di.element);
        auto in = [&](double x) { return x >= c.a && x < c.b; };
        // Edges across the cut become link events on rows their ends stand in: left out here.
        bool kept = di.kind == model::DiKind::shape ? in(di.bounds.x + di.bounds.width / 2)
                                                    : !di.waypoints.empty() && in(di.waypoints.front().x) && in(di.waypoints.back().x);
        if (frame || kept) part.push_back(di);
      }
      h = std::max(h, compact_rows(part, frames, g.top, g.bottom));
    }
    return h;
  };
  auto avail_px = [&](double k) { return avail_h_pt() / k - 2 * scene_margin - header_h; };
  for (int round = 0; round < 4; ++round) {
    double h = tallest(scale);
    if (h <= avail_px(scale)) break;
    scale = std::min(scale, avail_h_pt() / (h + 2 * scene_margin + header_h)) * 0.99;
  }
  if (scale * spec_.min_font_px < spec_.min_text_pt - 1e-6)
    out.warning = fmt::format("the diagram is too tall for the page: printed at {:.1f} pt", scale * spec_.min_font_px);
  double width_px = avail_w_pt() / scale - 2 * scene_margin - 8;  // 8 px to spare: strokes, rounding
  std::vector<Slice> slices = cut(g, width_px, spans);
  auto slice_of = [&](double x) {
    for (std::size_t k = 0; k < slices.size(); ++k)
      if (x < slices[k].b || k + 1 == slices.size()) return k;
    return slices.size() - 1;
  };

  // The print model: the link events and the flows to and from them are added to the process.
  model::Definitions print = defs_;
  std::vector<std::vector<model::DiElement>> per_slice(slices.size());
  auto place = [&](std::size_t k, model::DiElement di) {
    const Slice& s = slices[k];
    double dx = k == 0 ? 0 : s.left_room + g.start - s.a;
    di.bounds.x += dx;
    for (auto& w : di.waypoints) w.x += dx;
    if (di.label && di.label->bounds) di.label->bounds->x += dx;
    per_slice[k].push_back(std::move(di));
  };
  auto dx_of = [&](std::size_t k) { return k == 0 ? 0.0 : slices[k].left_room + g.start - slices[k].a; };

  // Frames first (drawing order is by type in render_scene anyway), clipped to each slice.
  for (std::size_t k = 0; k < slices.size(); ++k)
    for (const auto& di : diagram->plane.elements) {
      if (di.kind != model::DiKind::shape || !frames.count(di.element)) continue;
      double fl = di.bounds.x, fr = di.bounds.x + di.bounds.width;
      if (k > 0 && (fr < slices[k].a || fl > slices[k].b)) continue;
      model::DiElement f = di;
      double right = k + 1 == slices.size() ? fr + dx_of(k) : slices[k].b + dx_of(k) + slices[k].right_room;
      right = std::min(right, fr + dx_of(k));
      // A frame that begins left of the slice keeps its place, so that its title is repeated at
      // the slice's left; one that begins inside it moves with the content.
      double left = fl <= slices[k].a ? fl : fl + dx_of(k);
      f.bounds.width = std::max(10.0, right - left);
      f.bounds.x = left - dx_of(k);  // place() adds dx back
      if (f.label && f.label->bounds) f.label.reset();
      place(k, std::move(f));
    }

  struct Pair {
    std::size_t from, to;  // slices
    const model::DiElement* di;
    std::size_t exit = 0, entry = 0;  // waypoint indices: last inside the source, first inside the target
    double exit_x = 0, exit_y = 0, entry_x = 0, entry_y = 0;
    int dir_out = 1, dir_in = 1;  // +1: the flow leaves to the right / enters from the left
    bool straight_out = false, straight_in = false;  // a link beside its shape, on its centre line
    std::vector<model::Waypoint> out_points, in_points;
    double throw_y = 0, catch_y = 0;
  };
  std::vector<Pair> pairs;
  std::map<std::string, const model::DiElement*> shapes;
  std::set<std::string> gateways;
  for (const auto& di : diagram->plane.elements)
    if (di.kind == model::DiKind::shape && !frames.count(di.element)) shapes[di.element] = &di;
  for (const auto& process : defs_.processes)
    for (const auto& n : process.content.nodes)
      if (model::is_gateway(n.kind)) gateways.insert(n.id);
  auto inside = [&](std::size_t k, double x) { return x >= slices[k].a && x <= slices[k].b; };
  for (const auto& di : diagram->plane.elements) {
    if (di.kind == model::DiKind::shape) {
      if (frames.count(di.element)) continue;
      std::size_t k = slice_of(di.bounds.x + di.bounds.width / 2);
      place(k, di);
      continue;
    }
    if (di.waypoints.size() < 2) continue;
    std::size_t from = slice_of(di.waypoints.front().x), to = slice_of(di.waypoints.back().x);
    if (from == to) {
      place(from, di);
      continue;
    }
    if (!flows.count(di.element)) {  // a message flow or association across a cut: not drawn
      ++out.undrawn;
      continue;
    }
    Pair p{from, to, &di};
    const auto& w = di.waypoints;
    std::size_t i = 0;
    while (i + 1 < w.size() && inside(from, w[i + 1].x)) ++i;
    if (i + 1 >= w.size()) i = w.size() - 2;
    p.exit = i;
    p.dir_out = w[i + 1].x > w[i].x ? 1 : -1;
    p.exit_x = p.dir_out > 0 ? slices[from].b : slices[from].a;
    double t = std::fabs(w[i + 1].x - w[i].x) > 1e-9 ? (p.exit_x - w[i].x) / (w[i + 1].x - w[i].x) : 0;
    p.exit_y = w[i].y + std::clamp(t, 0.0, 1.0) * (w[i + 1].y - w[i].y);
    std::size_t j = w.size() - 1;
    while (j > 0 && inside(to, w[j - 1].x)) --j;
    if (j == 0) j = 1;
    p.entry = j;
    p.dir_in = w[j].x > w[j - 1].x ? 1 : -1;
    p.entry_x = p.dir_in > 0 ? slices[to].a : slices[to].b;
    t = std::fabs(w[j].x - w[j - 1].x) > 1e-9 ? (p.entry_x - w[j - 1].x) / (w[j].x - w[j - 1].x) : 1;
    p.entry_y = w[j - 1].y + std::clamp(t, 0.0, 1.0) * (w[j].y - w[j - 1].y);
    // A shape with nothing between it and the cut on its centre line gets its link beside it,
    // as a person draws the off-page connector (a gateway keeps its branch's own route).
    const model::SequenceFlow& f = defs_.processes[flows.at(di.element).process].content.flows[flows.at(di.element).index];
    auto clear = [&](double y, double x0, double x1, const std::string& self) {
      for (const auto& [id, s] : shapes)
        if (id != self && s->bounds.y < y && s->bounds.y + s->bounds.height > y && s->bounds.x < x1 && s->bounds.x + s->bounds.width > x0)
          return false;
      return true;
    };
    if (auto it = shapes.find(f.source); it != shapes.end() && !gateways.count(f.source)) {
      const model::Bounds& s = it->second->bounds;
      double y = s.y + s.height / 2, edge = p.dir_out > 0 ? s.x + s.width : s.x;
      if (slice_of(s.x + s.width / 2) == from && clear(y, std::min(edge, p.exit_x), std::max(edge, p.exit_x), f.source)) {
        p.straight_out = true;
        p.exit_y = y;
        p.out_points = {{edge, y}};
      }
    }
    if (!p.straight_out) {
      p.out_points.assign(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(p.exit + 1));
      p.out_points.push_back({p.exit_x, p.exit_y});
    }
    if (auto it = shapes.find(f.target); it != shapes.end()) {
      const model::Bounds& s = it->second->bounds;
      double y = s.y + s.height / 2, edge = p.dir_in > 0 ? s.x : s.x + s.width;
      if (slice_of(s.x + s.width / 2) == to && clear(y, std::min(edge, p.entry_x), std::max(edge, p.entry_x), f.target)) {
        p.straight_in = true;
        p.entry_y = y;
        p.in_points = {{edge, y}};
      }
    }
    if (!p.straight_in) {
      p.in_points.push_back({p.entry_x, p.entry_y});
      p.in_points.insert(p.in_points.end(), w.begin() + static_cast<std::ptrdiff_t>(p.entry), w.end());
    }
    p.throw_y = p.exit_y;
    p.catch_y = p.entry_y;
    pairs.push_back(p);
  }
  // Events at one cut kept apart (an event and its two-line label).
  auto spread = [&](auto key, auto y_of) {
    std::vector<Pair*> order;
    for (auto& p : pairs) order.push_back(&p);
    std::stable_sort(order.begin(), order.end(), [&](Pair* x, Pair* y) {
      return key(*x) != key(*y) ? key(*x) < key(*y) : y_of(*x) < y_of(*y);
    });
    for (std::size_t n = 1; n < order.size(); ++n)
      if (key(*order[n]) == key(*order[n - 1]) && y_of(*order[n]) < y_of(*order[n - 1]) + 72)
        y_of(*order[n]) = y_of(*order[n - 1]) + 72;
  };
  spread([](const Pair& p) { return std::make_pair(p.from, p.dir_out); }, [](Pair& p) -> double& { return p.throw_y; });
  spread([](const Pair& p) { return std::make_pair(p.to, p.dir_in); }, [](Pair& p) -> double& { return p.catch_y; });

  // What a link event's label must not cover, per slice: the shapes and labels standing in it.
  std::vector<std::vector<model::Bounds>> taken(slices.size());
  for (const auto& di : diagram->plane.elements) {
    if (di.kind != model::DiKind::shape || frames.count(di.element)) continue;
    auto& in = taken[slice_of(di.bounds.x + di.bounds.width / 2)];
    in.push_back(di.bounds);
    if (di.label && di.label->bounds) in.push_back(*di.label->bounds);
  }
  for (std::size_t n = 0; n < pairs.size(); ++n) {
    const Pair& p = pairs[n];
    const Flow& where = flows.at(p.di->element);
    model::Container& content = print.processes[where.process].content;
    const model::SequenceFlow original = content.flows[where.index];
    std::string base = fmt::format("syzba-print-link-{}", n + 1);
    auto event = [&](const std::string& id, model::NodeKind kind, const std::string& name) {
      model::FlowNode e;
      e.id = id;
      e.kind = kind;
      e.name = name;
      model::EventDefinition link;
      link.kind = model::EventKind::link;
      e.event_definitions.push_back(link);
      content.nodes.push_back(std::move(e));
    };
    event(base + "-throw", model::NodeKind::intermediate_throw_event, "");
    event(base + "-catch", model::NodeKind::intermediate_catch_event, "");
    model::SequenceFlow out_flow, in_flow;
    out_flow.id = original.id + "-to-" + base;
    out_flow.source = original.source;
    out_flow.target = base + "-throw";
    out_flow.name = original.name;
    in_flow.id = base + "-to-" + original.id;
    in_flow.source = base + "-catch";
    in_flow.target = original.target;
    in_flow.condition = std::nullopt;
    content.flows.push_back(out_flow);
    content.flows.push_back(in_flow);
    // The legend's "default flow" mark stays with the flow that leaves the gateway.
    for (auto& node : content.nodes)
      if (node.id == original.source && node.default_flow == original.id) node.default_flow = out_flow.id;

    auto shape = [&](const std::string& id, double cx, double cy, std::size_t slice) {
      model::DiElement s;
      s.kind = model::DiKind::shape;
      s.element = id;
      s.bounds = {cx - event_r, cy - event_r, 2 * event_r, 2 * event_r};
      model::DiLabel label;
      label.bounds = link_label_place(cx, cy, taken[slice]);
      taken[slice].push_back(*label.bounds);
      s.label = label;
      return s;
    };
    double tx = p.exit_x + p.dir_out * (4 + event_r);
    model::DiElement throw_shape = shape(base + "-throw", tx, p.throw_y, p.from);
    model::DiElement out_edge;
    out_edge.kind = model::DiKind::edge;
    out_edge.element = out_flow.id;
    out_edge.waypoints = p.out_points;
    double jog = p.straight_out ? p.exit_x - p.dir_out * 8 : p.exit_x;
    if (std::fabs(p.throw_y - p.exit_y) > 0.5) {
      if (p.straight_out) out_edge.waypoints.push_back({jog, p.exit_y});
      out_edge.waypoints.push_back({jog, p.throw_y});
    }
    out_edge.waypoints.push_back({tx - p.dir_out * event_r, p.throw_y});
    if (p.di->label && p.di->label->bounds &&
        slice_of(p.di->label->bounds->x + p.di->label->bounds->width / 2) == p.from)
      out_edge.label = p.di->label;
    double cx = p.entry_x - p.dir_in * (4 + event_r);
    model::DiElement catch_shape = shape(base + "-catch", cx, p.catch_y, p.to);
    model::DiElement in_edge;
    in_edge.kind = model::DiKind::edge;
    in_edge.element = in_flow.id;
    in_edge.waypoints.push_back({cx + p.dir_in * event_r, p.catch_y});
    jog = p.straight_in ? p.entry_x + p.dir_in * 8 : p.entry_x;
    if (std::fabs(p.catch_y - p.entry_y) > 0.5) {
      in_edge.waypoints.push_back({jog, p.catch_y});
      if (p.straight_in) in_edge.waypoints.push_back({jog, p.entry_y});
    }
    in_edge.waypoints.insert(in_edge.waypoints.end(), p.in_points.begin(), p.in_points.end());
    place(p.from, std::move(throw_shape));
    place(p.from, std::move(out_edge));
    place(p.to, std::move(catch_shape));
    place(p.to, std::move(in_edge));
  }
  // Each slice as low as what stands in it needs: the lanes' rows that hold nothing in this
  // slice are closed up (a map of y alone, so that routes stay orthogonal), a lane no lower
  // than its title needs.
  std::vector<double> slice_h(slices.size());
  for (std::size_t k = 0; k < slices.size(); ++k) slice_h[k] = compact_rows(per_slice[k], frames, g.top, g.bottom);
  // Rows of slices on a page while they fit, then the next page.
  {
    double avail = avail_h_pt() / scale - 2 * scene_margin - header_h;
    int page = 1;
    double used = 0;
    for (std::size_t k = 0; k < slices.size(); ++k) {
      double need = slice_h[k] + (used > 0 ? row_gap : 0);
      if (used > 0 && used + need > avail) {
        ++page;
        used = 0;
        need = slice_h[k];
      }
      slices[k].page = page;
      slices[k].top = used + (used > 0 ? row_gap : 0);
      used += need;
    }
  }
  int diagram_pages = slices.back().page;
  std::vector<std::vector<model::DiElement>> planes(static_cast<std::size_t>(diagram_pages));
  for (std::size_t k = 0; k < slices.size(); ++k)
    for (auto& di : per_slice[k]) {
      double dy = slices[k].top;
      di.bounds.y += dy;
      for (auto& w : di.waypoints) w.y += dy;
      if (di.label && di.label->bounds) di.label->bounds->y += dy;
      planes[static_cast<std::size_t>(slices[k].page - 1)].push_back(std::move(di));
    }

  // Names, lettered where two pairs would read the same.
  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& p : pairs) names.push_back(link_names(options_.lang, slices[p.from].page, slices[p.to].page, p.to > p.from));
  letter_alike(names);

  for (std::size_t n = 0; n < pairs.size(); ++n) {
    auto& nodes = print.processes[flows.at(pairs[n].di->element).process].content.nodes;
    std::string base = fmt::format("syzba-print-link-{}", n + 1);
    for (auto& node : nodes)
      if (node.id == base + "-throw" || node.id == base + "-catch") {
        node.name = node.id == base + "-throw" ? names[n].first : names[n].second;
        node.event_definitions.front().name = names[n].first;
      }
  }
  out.links = static_cast<int>(pairs.size());
  out.cut.source = defs_;
  out.cut.plane = diagram->plane.element;
  out.cut.title_band = options_.title_band;
  for (std::size_t n = 0; n < pairs.size(); ++n)
    out.cut.links.push_back({pairs[n].di->element, fmt::format("syzba-print-link-{}", n + 1), names[n].first, names[n].second});
  out.cut.pages = planes;

  // Each page drawn by render_scene; the legend, of every page's symbols, on the last.
  std::size_t first_page_diagram = print.diagrams.size();
  for (int page = 0; page < diagram_pages; ++page) {
    model::Diagram d;
    d.id = fmt::format("syzba-print-page-{}", page + 1);
    d.plane.element = diagram->plane.element;
    d.plane.elements = std::move(planes[static_cast<std::size_t>(page)]);
    print.diagrams.push_back(std::move(d));
  }
  std::vector<Scene> scenes;
  std::set<std::string> keys;
  bool handbook = false;
  Options page_options = options_;
  page_options.title_block = false;
  page_options.legend = false;
  for (int page = 0; page < diagram_pages; ++page) {
    page_options.diagram = print.diagrams[first_page_diagram + static_cast<std::size_t>(page)].id;
    auto one = render_scene(print, page_options, text_);
    keys.insert(one.legend_keys.begin(), one.legend_keys.end());
    handbook = handbook || one.handbook;
    scenes.push_back(std::move(one.scene));
  }
  bool legend_page = false;
  if (options_.legend) {
    page_options.diagram = print.diagrams[first_page_diagram + static_cast<std::size_t>(diagram_pages - 1)].id;
    page_options.legend = true;
    page_options.legend_keys = keys;
    page_options.handbook_legend = handbook;
    auto last = render_scene(print, page_options, text_);
    Scene with_legend = std::move(last.scene);
    with_legend.height += header_h;
    if (with_legend.height * scale <= avail_h_pt() && with_legend.width * scale <= avail_w_pt()) {
      with_legend.height -= header_h;
      scenes.back() = std::move(with_legend);
    } else {
      // The legend on a page of its own: a diagram with nothing in it, and the legend.
      model::Diagram empty;
      empty.id = "syzba-print-legend";
      empty.plane.element = diagram->plane.element;
      print.diagrams.push_back(std::move(empty));
      page_options.diagram = "syzba-print-legend";
      auto alone = render_scene(print, page_options, text_);
      Scene legend = std::move(alone.scene);
      // Beside the last slice when the page has room there, else on a page of its own.
      Scene& last_page = scenes.back();
      auto it = std::find_if(legend.elements.begin(), legend.elements.end(), [](const Element& e) { return e.type == "legend"; });
      Box box = it == legend.elements.end() ? Box{} : bounds_of(*it);
      double w = last_page.width + box.width + scene_margin, h = std::max(last_page.height, box.height + 2 * scene_margin) + header_h;
      if (it != legend.elements.end() && w * scale <= avail_w_pt() && h * scale <= avail_h_pt()) {
        Element moved = std::move(*it);
        translate(moved, last_page.width - box.x, scene_margin - box.y);
        last_page.elements.push_back(std::move(moved));
        last_page.width = std::ceil(w);
        last_page.height = std::ceil(h - header_h);
      } else {
        scenes.push_back(std::move(legend));
        legend_page = true;
      }
    }
  }
  out.legend_pages = legend_page ? 1 : 0;
  int pages = static_cast<int>(scenes.size());
  for (int page = 0; page < pages; ++page) {
    Scene& s = scenes[static_cast<std::size_t>(page)];
    s.title = scene.title;
    s.description = scene.description;
    add_header(s, scene.title, options_.lang, page + 1, pages, text_);
    double k = std::min({scale, avail_w_pt() / std::max(1.0, s.width), avail_h_pt() / std::max(1.0, s.height)});
    out.pages.push_back({std::move(s), k});
  }
  out.scale = scale;
  return out;
}

}  // namespace

bool fits_print_layout(const model::Definitions& defs) {
  std::size_t drawn = 0;
  for (const auto& d : defs.diagrams) drawn += d.plane.elements.size();
  return drawn <= print_limit;
}

PageSpec page_spec(bool a3, bool landscape) {
  PageSpec spec;
  spec.width_pt = a3 ? 841.89 : 595.28;
  spec.height_pt = a3 ? 1190.55 : 841.89;
  if (landscape) std::swap(spec.width_pt, spec.height_pt);
  return spec;
}

namespace {

// The best of the ways to print: the model's own DI cut into slices; a tighter layout of it cut
// into slices; its flow cut into parts, each laid out on its own.
Attempt best_attempt(const model::Definitions& defs, const Options& options, const PageSpec& page, TextEngine& text,
                     const Relayout& relayout, bool& relaid_out) {
  if (options.diagram.empty() && is_paged(defs)) return print_written_pages(defs, options, page, text);
  Options own = options;
  use_page_title_band(defs, own);
  Attempt best = Printer(defs, own, page, text).run();
  if (!best.error.empty() || best.pages.size() <= 1 || !relayout) return best;
  model::Definitions tighter = defs;
  if (!relayout(tighter, layout::Density::compact)) return best;
  Options tight = options;
  tight.title_band = layout::title_band(layout::Density::compact).width;
  tight.title_lines = layout::title_band(layout::Density::compact).lines;
  Attempt other = Printer(tighter, tight, page, text).run();
  // Every message flow drawn first (one left out is lost from the paper); then text at 7 pt;
  // then fewer pages; when neither keeps 7 pt, the larger text.
  double readable = page.min_text_pt / page.min_font_px - 1e-9;
  auto better = [&](const Attempt& x, const Attempt& y) {
    if (x.undrawn != y.undrawn) return x.undrawn < y.undrawn;
    bool rx = x.scale >= readable, ry = y.scale >= readable;
    if (rx != ry) return rx;
    if (!rx) return x.scale > y.scale * 1.05 || (x.scale >= y.scale * 0.95 && fewer_pages(x, y));
    return fewer_pages(x, y);
  };
  if (other.error.empty() && better(other, best)) {
    best = std::move(other);
    relaid_out = true;
  }
  // Laid out for the page: each page's part of the flow laid out on its own.
  if (best.pages.size() > 1 || best.scale < readable || best.undrawn > 0) {
    // A readable attempt with every flow drawn is beaten only by no more pages of the diagram:
    // the search by parts gives up past them.
    std::size_t limit = best.undrawn == 0 && best.scale >= readable ? best.flow_pages() : std::numeric_limits<std::size_t>::max();
    Attempt parts = print_by_parts(tighter, tight, page, text, relayout, limit);
    if (!parts.pages.empty() && parts.error.empty() && better(parts, best)) {
      best = std::move(parts);
      relaid_out = true;
    }
  }
  return best;
}

}  // namespace

Printed render_print(const model::Definitions& defs, const Options& options, const PageSpec& page, TextEngine& text,
                     const Relayout& relayout) {
  FloorGuard floor(text, page.min_font_px);
  Printed printed;
  printed.width_pt = page.width_pt;
  printed.height_pt = page.height_pt;
  printed.margin_pt = page.margin_pt;
  Attempt best = best_attempt(defs, options, page, text, relayout, printed.relaid_out);
  printed.pages = std::move(best.pages);
  printed.scale = best.scale;
  printed.links = best.links;
  printed.undrawn = best.undrawn;
  if (best.undrawn > 0)
    best.warning += fmt::format("{}{} message flow(s) or association(s) cross a page cut and are not drawn",
                                best.warning.empty() ? "" : "; ", best.undrawn);
  printed.error = std::move(best.error);
  printed.warning = std::move(best.warning);
  printed.diagrams = std::move(best.diagrams);
  return printed;
}

PagedModel paged_model(const model::Definitions& defs, const Options& options, const PageSpec& page, TextEngine& text,
                       const Relayout& relayout) {
  FloorGuard floor(text, page.min_font_px);
  PagedModel out;
  bool relaid_out = false;
  Attempt best = best_attempt(defs, options, page, text, relayout, relaid_out);
  out.error = std::move(best.error);
  out.warning = std::move(best.warning);
  if (!out.error.empty()) return out;
  if (best.cut.pages.empty()) {
    out.error = "nothing was cut into pages (the diagram draws nothing)";
    return out;
  }
  if (best.undrawn > 0)
    out.warning += fmt::format("{}{} message flow(s) or association(s) cross a page cut and have no shape on any page",
                               out.warning.empty() ? "" : "; ", best.undrawn);
  out.pages = static_cast<int>(best.cut.pages.size());
  out.links = static_cast<int>(best.cut.links.size());
  out.defs = write_cut(best.cut, options.lang, out.error);
  return out;
}

Relayout print_relayout(TextEngine& text, layout::Options base) {
  base.relayout = true;
  base.measure = text.measure();
  return [base](model::Definitions& copy, layout::Density density) {
    layout::Options options = base;
    options.density = density;
    return layout::lay_out(copy, options).error.empty();
  };
}

}  // namespace syzba::render
