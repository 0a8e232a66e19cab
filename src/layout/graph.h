#pragma once
// The layout's working data, shared by its phases (internal to layout): items to place, links
// to route, frames (a diagram's top level, or the inside of an expanded sub-process) and the
// bands of pools and lanes.
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "layout/layout.h"

namespace syzba::layout {

struct Point {
  double x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  double cx() const { return x + w / 2; }
  double cy() const { return y + h / 2; }
  bool overlaps(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
  bool contains(const Rect& o) const { return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom(); }
};

enum class ItemKind { flow_node, boundary_event, data, annotation, group };

// bpmn-js sizes and spacing.
namespace size {
inline constexpr double task_w = 100, task_h = 80, event = 36, gateway = 50;
inline constexpr double data_w = 36, data_h = 50, store = 50, annotation_w = 100, annotation_h = 30;
inline constexpr double title_band = 30;        // pool and lane title bands
inline constexpr double font = 12, label_font = 11;
inline constexpr double label_width = 90, label_gap = 10;  // external labels under their shape
inline constexpr double column_gap = 50, row_gap = 30, band_padding = 20, sub_padding = 20;
inline constexpr double sub_title = 30;         // room for an expanded sub-process's name
inline constexpr double min_band = 120, black_box_band = 80;
inline constexpr double duration_line = 14;     // render draws a task's duration under its label
}  // namespace size

struct Item {
  std::string id;                    // the BPMN element
  ItemKind kind = ItemKind::flow_node;
  model::NodeKind node_kind = model::NodeKind::task;
  std::string name;
  bool external_label = false;       // events, gateways, data: label under the shape
  bool expanded = false;             // a sub-process drawn with its content
  bool has_duration = false;         // a task whose duration is drawn under its label
  Rect box;                          // the shape; relative to its frame until placed
  TextSize label;                    // external label size
  int frame = 0;                     // the frame it stands in
  int band = 0;                      // a band index while building, a leaf index (frame 0) after number_leaves
  int anchor = -1;                   // boundary events: host; data and annotations: what they attach to
  bool own_lane = false;             // data a lane lists: it stays in that lane beside its anchor
  int inner_frame = -1;              // expanded sub-processes: the frame inside
  int rank = 0, row = 0;
  bool main = false;                 // on the main path of its frame
  std::vector<int> containers;       // expanded sub-processes around it, innermost first
  std::optional<Rect> label_box;     // placed external label
  double below = 0;                  // room it needs under the shape (label, boundary events)
};

enum class LinkKind { sequence, message, association, data_association };

struct Link {
  std::string id;
  LinkKind kind = LinkKind::sequence;
  int from = -1, to = -1;            // items (a pool for message flows to a black box: -1 and pool)
  int from_band = -1, to_band = -1;  // message flows to or from a pool itself
  std::string name;
  model::SourcePos pos;              // where the flow was read, for notes
  std::vector<Point> route;
  std::optional<Rect> label_box;
};

// A pool, a lane or a remainder (the part of a pool or lane that holds nodes in no sub-lane).
struct Band {
  std::string element;               // participant or lane id; empty for a remainder
  std::string name;
  bool pool = false;
  int parent = -1;
  std::vector<int> children;         // in the lane set's order
  int depth = 0;                     // title bands to its left inside the frame
  int leaf = -1;                     // index among leaves, for bands holding items
  // Measured for leaves only, the one the spacing writes titles in (build: number_leaves).
  double title_length = 0;           // its name on one line: the band is at least this tall
  double title_across = 0;           // its name wrapped across the title band: its height
  Rect box;
};

// One flow between two ranked items of a frame, after cycle breaking: from → to runs forward
// (a return for correction is reversed here and drawn backwards by routing).
struct FlowEdge {
  int from = -1, to = -1;            // items
  int minlen = 1;                    // ranks apart at least: 1 for sequence flows, 0 for messages
  int link = -1;                     // the link it stands for
  bool reversed = false;             // a back edge, turned round
  bool negative = false;             // a condition's no / refusal branch, or a boundary event's flow
};

// The layered graph of a frame: ranked items and one dummy node for each rank a longer edge
// passes, each in its band; layers hold nodes top to bottom in the order crossing
// minimisation found. Rows are given by coordinate assignment.
struct LayerNode {
  int item = -1;                     // -1 for a dummy
  int edge = -1;                     // dummies: the FlowEdge they carry
  int band = 0, rank = 0;
  int row = 0;
  bool main = false;                 // on the main path (real nodes) or carrying a main edge (dummies)
};
struct LayerEdge {
  int from = -1, to = -1;            // layer nodes, rank r → r + 1
  int edge = -1;                     // the FlowEdge it is part of
};
struct Layered {
  std::vector<LayerNode> nodes;
  std::vector<LayerEdge> edges;
  std::vector<std::vector<int>> layers;
  std::unordered_map<int, int> node_of_item;  // item → layer node
  int node_of(int item) const {      // -1: not layered in this frame
    auto it = node_of_item.find(item);
    return it == node_of_item.end() ? -1 : it->second;
  }
};

struct Frame {
  int container = -1;                // the expanded sub-process; -1 for the diagram's top level
  std::vector<FlowEdge> flow_edges;  // from ranking
  Layered layered;                   // from ordering, rows from coordinate assignment
  std::vector<int> items;            // items standing directly in it
  std::vector<int> links;            // sequence flows between them
  std::vector<int> leaves;           // leaf bands (top level), in order; one implicit band otherwise
  double content_x = 0;              // where the columns start (after the title bands)
  std::vector<double> column_left, column_right;  // per rank
  std::vector<std::vector<double>> row_centre;    // per band (0 inside a sub-process), per row
  std::vector<double> channel_x, channel_y;  // free lanes between columns and rows, for routing
  Rect extent;
};

// The spacing the phases use: bpmn-js's, or tighter for print (layout::Options::compact).
struct Spacing {
  double column_gap = size::column_gap, row_gap = size::row_gap, band_padding = size::band_padding;
  double min_band = size::min_band, label_width = size::label_width;
  double max_task_w = 200;  // a task too small for its label grows wider up to this, then taller
  double task_h = size::task_h;
  // Pool and lane title bands: their width, and the lines of title they hold (a band is at
  // least as tall as its title needs in that many lines).
  double title_band = size::title_band;
  int title_lines = 2;
  double title_slack = 1;  // room for where the title's lines break (a line is not filled)
  bool title_across = false;  // titles written across the band: bands as tall as the wrapped title
  // A flow down to a lower lane that is its source's only way out and its target's only way in
  // keeps one column: the step below the one before, as a handbook drawn for a page.
  bool handoffs_in_column = false;
  bool handoffs_up = false;  // and up to a higher lane as well: the step above the one before
  bool lane_twice_in_column = false;  // a run of hand-overs may come back into a lane it left
  double content_inset = 0;  // more room right of the title bands: external labels of the first column
  // A data object's label, under it in a task's column: as wide as that column may be.
  double data_label_width = size::label_width;
  double black_box_band = size::black_box_band;  // a pool without a process: only its name
  static Spacing compact();
  static Spacing page(Density density);  // one of the page densities (page_part, page, ...)
  static Spacing of(Density density);
};

struct Graph {
  std::string element;               // the process or collaboration laid out
  Spacing spacing;
  std::vector<Item> items;
  std::vector<Link> links;
  std::vector<Band> bands;           // roots first (pools, or the lanes of a lone process)
  std::vector<int> roots;
  std::vector<Frame> frames;         // frames[0] is the top level; inner frames after their container
  std::vector<model::Diagnostic> notes;
};

bool in_some_pool(const model::Definitions& defs, const std::string& process);

// Before the phases: mends another tool's broken DI where it can (repair.cpp), saying what it did.
std::vector<model::Diagnostic> repair_diagram(const model::Definitions& defs, model::Diagram& diagram);

// Phases.
Graph build_graph(const model::Definitions& defs, const std::string& element, const MeasureText& measure,
                  const Spacing& spacing = {});
void rank_frames(Graph& graph);      // ranks along the flow, back edges reversed
void order_frames(Graph& graph);     // lane-aware crossing minimisation
void assign_rows(Graph& graph);      // rows inside each band: main path straight, splits aligned
void place(Graph& graph);
void route_along_layers(Graph& graph);  // forward flows along their layers
void route_messages(Graph& graph);   // message flows between pools, through the gaps between them
void route(Graph& graph);            // the rest on a grid around the shapes (A*)
// The index in roots of the pool (or band) an item stands in at the top level, or -1.
int root_of_item(const Graph& graph, int item);
// What the top-level lanes of processes without a pool cover together (empty when none):
// their flows and labels may go anywhere in it.
Rect unpooled_lanes(const Graph& graph);
// The gap (below root k) whose track a message between two pools takes, or -1: placement
// makes the gap as tall as its tracks need, route_messages draws them there.
int message_gap(const Graph& graph, const Link& link);
void place_labels(Graph& graph, const MeasureText& measure);
// An external label's box: the text wrapped within max_width, as narrow as it is, widened
// where the renderer, wrapping it again within that box, would break it into more lines
// (diagram-js's wrapping shortens a line in proportion to the box, so a box exactly as wide
// as the text can break "A: 2-бетте жалғасы" after "2-").
TextSize label_size(const MeasureText& measure, std::string_view text, double font_px, double max_width);
// ids already taken in the document; the new DI ids are added to it.
model::Diagram to_diagram(const Graph& graph, std::unordered_set<std::string>& taken, const std::string& diagram_id);

// Crossings between the edges of two adjacent layers, each edge given by the positions of its
// ends in the upper and the lower layer (Barth, Jünger, Mutzel: an accumulator tree).
long count_crossings(std::vector<std::pair<int, int>> edges, int lower_size);
// Whether a flow's label says no or refusal (жоқ, нет, no, бас тарту, отказ, …).
bool negative_label(std::string_view label);
}  // namespace syzba::layout
