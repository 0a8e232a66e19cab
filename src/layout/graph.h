#pragma once
// The layout's working data, shared by its phases (internal to layout): items to place, links
// to route, frames (a diagram's top level, or the inside of an expanded sub-process) and the
// bands of pools and lanes.
#include <optional>
#include <string>
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
inline constexpr double column_gap = 60, row_gap = 40, band_padding = 20, sub_padding = 20;
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
  int band = 0;                      // its leaf band within the frame
  int anchor = -1;                   // boundary events: host; data and annotations: what they attach to
  int inner_frame = -1;              // expanded sub-processes: the frame inside
  int rank = 0, row = 0;
  double order = 0;                  // position within its rank, from dot
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
  double title_length = 0;           // its name on one line: the band is at least this tall
  Rect box;
};

struct Frame {
  int container = -1;                // the expanded sub-process; -1 for the diagram's top level
  std::vector<int> items;            // items standing directly in it
  std::vector<int> links;            // sequence flows between them
  std::vector<int> leaves;           // leaf bands (top level), in order; one implicit band otherwise
  double content_x = 0;              // where the columns start (after the title bands)
  std::vector<double> channel_x, channel_y;  // free lanes between columns and rows, for routing
  Rect extent;
};

struct Graph {
  std::string element;               // the process or collaboration laid out
  std::vector<Item> items;
  std::vector<Link> links;
  std::vector<Band> bands;           // roots first (pools, or the lanes of a lone process)
  std::vector<int> roots;
  std::vector<Frame> frames;         // frames[0] is the top level; inner frames after their container
  std::vector<model::Diagnostic> notes;
};

bool in_some_pool(const model::Definitions& defs, const std::string& process);

// Phases.
Graph build_graph(const model::Definitions& defs, const std::string& element, const MeasureText& measure);
std::string rank_frames(Graph& graph);  // Graphviz; returns an error message or ""
void place(Graph& graph);
void route(Graph& graph);
void place_labels(Graph& graph, const MeasureText& measure);
// ids already taken in the document; the new DI ids are added to it.
model::Diagram to_diagram(const Graph& graph, std::unordered_set<std::string>& taken, const std::string& diagram_id);

}  // namespace syzba::layout
