// Phase 5, placement: coordinates from ranks and rows: columns as wide as their widest shape,
// each band's rows as tall as their tallest shape, bands stacked full width in the lane set's
// order, pools stacked in the collaboration's order, boundary events on their host's bottom
// border, sub-processes sized by what they hold (inner frames first).
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "layout/buckets.h"
#include "layout/graph.h"

namespace syzba::layout {
namespace {

constexpr double pool_gap = 30, boundary_step = 46;

bool in_cell(const Item& item) { return item.kind != ItemKind::boundary_event; }

// A hand-over kept in one column (Spacing::handoffs_in_column) is drawn straight from one band
// into the other: the upper band gets room under its rows and the lower one above them, so that
// the arrow between the two steps is long enough to be seen (the padding alone leaves 12 px).
constexpr double handover_room = 7;

struct Room {
  double above = 0, below = 0;
};

std::vector<Room> handover_room_of(const Graph& g, int frame, int bands) {
  std::vector<Room> room(static_cast<std::size_t>(bands));
  if (frame != 0 || !g.spacing.handoffs_in_column) return room;
  for (const auto& link : g.links) {
    if (link.kind != LinkKind::sequence || link.from < 0 || link.to < 0) continue;
    const Item* a = &g.items[static_cast<std::size_t>(link.from)];
    const Item* b = &g.items[static_cast<std::size_t>(link.to)];
    if (a->frame != 0 || b->frame != 0 || !in_cell(*a) || !in_cell(*b) || a->rank != b->rank || a->band == b->band) continue;
    if (a->band > b->band) std::swap(a, b);  // leaves are numbered from the top
    if (b->band >= bands) continue;
    room[static_cast<std::size_t>(a->band)].below = handover_room;
    room[static_cast<std::size_t>(b->band)].above = handover_room;
  }
  return room;
}

// An external label may reach a little into the gaps beside its column.
double footprint_width(const Graph& g, const Item& item) {
  return std::max(item.box.w, item.external_label ? item.label.width - g.spacing.column_gap * 0.6 : 0.0);
}

// Sizes that depend on other items: a sub-process holds its frame, a host makes room for
// the boundary events on its bottom border and their labels.
void size_containers_and_hosts(Graph& g, const Frame& frame) {
  std::unordered_map<int, std::vector<int>> boundaries;
  for (int i : frame.items)
    if (g.items[i].kind == ItemKind::boundary_event) boundaries[g.items[i].anchor].push_back(i);
  for (int i : frame.items) {
    Item& item = g.items[i];
    if (item.inner_frame >= 0) {
      const Rect& inner = g.frames[item.inner_frame].extent;
      item.box.w = std::max(item.box.w, std::ceil(inner.w + 2 * size::sub_padding));
      item.box.h = std::max(item.box.h, std::ceil(inner.h + size::sub_title + size::sub_padding));
    }
    auto it = boundaries.find(i);
    if (it == boundaries.end()) continue;
    item.box.w = std::max(item.box.w, 30 + boundary_step * static_cast<double>(it->second.size()));
    double label = 0;
    for (int b : it->second) label = std::max(label, g.items[b].below);
    item.below = std::max(item.below, size::event / 2 + label);
  }
}

struct Rows {
  std::vector<double> above, below;  // per row: room above and below the row's centre line
  std::vector<char> shapes;          // whether any shape stands in the row (else only edges pass)
  double row_gap = size::row_gap;
  // Between two rows of shapes a full gap; beside a row only edges pass along, half of it.
  double gap_after(std::size_t r) const { return shapes[r] && shapes[r + 1] ? row_gap : row_gap / 2; }
  double height() const {
    double h = 0;
    for (std::size_t r = 0; r < above.size(); ++r) h += above[r] + below[r] + (r + 1 < above.size() ? gap_after(r) : 0);
    return h;
  }
};

// The room each row of each band needs above and below its centre line, from the rows
// coordinate assignment gave; a row only long edges pass through keeps a narrow lane.
std::vector<Rows> row_extents(const Graph& g, const Frame& frame, int bands) {
  std::vector<Rows> rows(bands);
  for (auto& r : rows) r.row_gap = g.spacing.row_gap;
  for (const auto& n : frame.layered.nodes) {
    Rows& band_rows = rows[n.band];
    if (static_cast<int>(band_rows.above.size()) <= n.row) {
      band_rows.above.resize(n.row + 1, 0);
      band_rows.below.resize(n.row + 1, 0);
      band_rows.shapes.resize(n.row + 1, 0);
    }
    if (n.item < 0) continue;
    band_rows.shapes[n.row] = 1;
    const Item& item = g.items[n.item];
    band_rows.above[n.row] = std::max(band_rows.above[n.row], item.box.h / 2);
    band_rows.below[n.row] = std::max(band_rows.below[n.row], item.box.h / 2 + item.below);
  }
  return rows;
}

std::vector<double> column_widths(const Graph& g, const Frame& frame) {
  std::vector<double> widths;
  for (int i : frame.items) {
    const Item& item = g.items[i];
    if (!in_cell(item)) continue;
    if (static_cast<int>(widths.size()) <= item.rank) widths.resize(item.rank + 1, 0);
    widths[item.rank] = std::max(widths[item.rank], footprint_width(g, item));
  }
  return widths;
}

// Title bands drawn left of a leaf: one per pool or lane around it.
int titles_left_of(const Graph& g, int band) {
  int titles = 0;
  for (int b = band; b >= 0; b = g.bands[b].parent)
    if (!g.bands[b].element.empty()) ++titles;
  return titles;
}

// Band boxes, top to bottom: leaves take their rows' height, parents the sum of their children.
double stack_bands(Graph& g, int band, double y, double x0, double width, const std::vector<double>& leaf_heights) {
  Band& b = g.bands[band];
  double title = b.element.empty() ? 0 : g.spacing.title_band;
  double x = x0;
  if (b.children.empty()) {
    b.box = {x, y, width, leaf_heights[b.leaf]};
    return b.box.h;
  }
  double h = 0;
  for (int c : b.children) h += stack_bands(g, c, y + h, x + title, width - title, leaf_heights);
  g.bands[band].box = {x, y, width, h};
  return h;
}

void place_frame(Graph& g, int f) {
  Frame& frame = g.frames[f];
  size_containers_and_hosts(g, frame);
  int bands = f == 0 ? static_cast<int>(frame.leaves.size()) : 1;
  std::vector<Rows> rows = row_extents(g, frame, bands);
  std::vector<double> widths = column_widths(g, frame);

  if (f == 0) {
    int titles = 0;
    for (int leaf : frame.leaves) titles = std::max(titles, titles_left_of(g, leaf));
    frame.content_x = titles * g.spacing.title_band + g.spacing.band_padding + g.spacing.content_inset;
  }
  std::vector<double> column_x(widths.size());
  double x = frame.content_x;
  for (std::size_t r = 0; r < widths.size(); ++r) {
    column_x[r] = x;
    frame.channel_x.push_back(x - g.spacing.column_gap / 2);
    x += widths[r] + g.spacing.column_gap;
  }
  double pad = f == 0 ? g.spacing.band_padding : 0;  // a sub-process pads its frame itself
  double width = std::ceil(std::max(x - g.spacing.column_gap + pad, frame.content_x + pad));
  frame.channel_x.push_back(x - g.spacing.column_gap / 2);

  // Band heights, then band positions, then each row's centre line.
  std::vector<double> leaf_heights(bands);
  std::vector<Room> room = handover_room_of(g, f, bands);
  for (int b = 0; b < bands; ++b) {
    double content = rows[b].height() + room[b].above + room[b].below;
    bool empty_pool = f == 0 && rows[b].above.empty() && g.bands[frame.leaves[b]].pool;
    leaf_heights[b] = f != 0 ? content : empty_pool ? g.spacing.black_box_band
                                                  : std::max(g.spacing.min_band, content + 2 * g.spacing.band_padding);
    // Room for the band's title along its side, up to two lines of wrapped text.
    // (A black box's name is written across the whole pool, not in a title band.)
    if (f == 0 && !(empty_pool && g.spacing.title_across)) {
      const Band& leaf = g.bands[frame.leaves[b]];
      double title = leaf.title_length * g.spacing.title_slack / g.spacing.title_lines + 20;
      if (g.spacing.title_across) title = leaf.title_across + 16;
      leaf_heights[b] = std::max(leaf_heights[b], std::ceil(title));
    }
    leaf_heights[b] = std::ceil(leaf_heights[b]);  // whole pixels: bands meet exactly
  }
  std::vector<double> band_top(bands, 0);
  if (f == 0) {
    // Messages between pools take a track each in the gap next to their receiver's pool.
    std::vector<int> tracks(g.roots.size(), 0);
    for (const auto& link : g.links)
      if (int gap = message_gap(g, link); gap >= 0) ++tracks[gap];
    double y = 0;
    for (std::size_t k = 0; k < g.roots.size(); ++k) {
      y += stack_bands(g, g.roots[k], y, 0, width, leaf_heights);
      if (g.bands[g.roots[k]].pool) y += std::max(pool_gap, track_spacing * (tracks[k] + 1));
    }
    for (int b = 0; b < bands; ++b) band_top[b] = g.bands[frame.leaves[b]].box.y;
  }
  std::vector<std::vector<double>> centre(bands);
  for (int b = 0; b < bands; ++b) {
    double y = band_top[b] + room[b].above + (leaf_heights[b] - room[b].above - room[b].below - rows[b].height()) / 2;
    for (std::size_t r = 0; r < rows[b].above.size(); ++r) {
      centre[b].push_back(std::round(y + rows[b].above[r]));
      y += rows[b].above[r] + rows[b].below[r];
      frame.channel_y.push_back(centre[b].back());  // rows only edges pass through are lanes for routing
      if (r + 1 == rows[b].above.size()) break;
      frame.channel_y.push_back(y + rows[b].gap_after(r) / 2);  // not on a band's border
      y += rows[b].gap_after(r);
    }
    frame.channel_y.push_back(band_top[b] + g.spacing.band_padding / 2);
  }

  frame.row_centre = centre;
  frame.column_left = column_x;
  frame.column_right.resize(widths.size());
  for (std::size_t r = 0; r < widths.size(); ++r) frame.column_right[r] = column_x[r] + widths[r];
  for (int i : frame.items) {
    Item& item = g.items[i];
    if (!in_cell(item)) continue;
    double cx = std::round(column_x[item.rank] + widths[item.rank] / 2);  // whole pixels: straight flows stay straight
    item.box.x = cx - item.box.w / 2;
    item.box.y = centre[item.band][item.row] - item.box.h / 2;
  }
  std::unordered_map<int, int> on_host;
  for (int i : frame.items) {
    Item& item = g.items[i];
    if (in_cell(item)) continue;
    const Rect& host = g.items[item.anchor].box;
    int k = on_host[item.anchor]++;
    item.box.x = host.right() - 15 - size::event - boundary_step * k + (boundary_step - size::event) / 2;
    item.box.y = host.bottom() - size::event / 2;
  }
  double height = 0;
  if (f == 0) {
    for (int root : g.roots) height = std::max(height, g.bands[root].box.bottom());
  } else {
    height = rows[0].height();
  }
  frame.extent = {0, 0, width, height};
  if (f != 0) frame.extent.w = width - frame.content_x;  // no title band inside a sub-process
}

void translate(Graph& g, int f, double dx, double dy) {
  Frame& frame = g.frames[f];
  for (int i : frame.items) {
    g.items[i].box.x += dx;
    g.items[i].box.y += dy;
  }
  for (double& x : frame.channel_x) x += dx;
  for (double& x : frame.column_left) x += dx;
  for (double& x : frame.column_right) x += dx;
  for (auto& rows : frame.row_centre)
    for (double& y : rows) y += dy;
  for (double& y : frame.channel_y) y += dy;
  frame.extent.x += dx;
  frame.extent.y += dy;
}

}  // namespace

void place(Graph& g) {
  for (int f = static_cast<int>(g.frames.size()) - 1; f >= 0; --f) {
    if (f != 0) g.frames[f].content_x = 0;
    place_frame(g, f);
  }
  // Inner frames move into their sub-process, outermost first.
  for (int f = 1; f < static_cast<int>(g.frames.size()); ++f) {
    const Rect& box = g.items[g.frames[f].container].box;
    translate(g, f, box.x + size::sub_padding, box.y + size::sub_title);
  }
}

}  // namespace syzba::layout
