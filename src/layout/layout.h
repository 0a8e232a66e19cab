#pragma once
// syzba::layout — automatic layout of BPMN diagrams in pools and lanes, written as DI.
//
// Offers: lay_out (every process and collaboration gets a complete diagram: shapes, edges with
// orthogonal waypoints, label bounds; existing complete diagrams are kept unless relayout),
// measure_layout (the quality figures of any diagram, ours or another tool's), and the text
// measure the sizes are computed with (an estimate of Liberation Sans by default; render can
// pass its Pango measure so that boxes and drawn text agree).
//
// A layered layout that knows the lanes, in phases, each in its own file and replaceable:
// build (model → items, links, bands), ranking (columns along the flow, back edges
// reversed), ordering (crossing minimisation inside lane blocks, dummies for long edges),
// rows (coordinate assignment: the main path straight), placement (columns, lanes as
// full-width bands, rows to pixels), channels (flows along their layers, a track per turn),
// messages (through the gaps between pools), routing (A* on a grid, for what is left),
// labels, to_di. Linear or near it in the size of the model; nothing recurses on the flow.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace syzba::layout {

struct TextSize {
  double width = 0, height = 0;
};

// The size of text wrapped at word breaks into lines no wider than max_width (very long words
// broken), at font_px pixels with a line height of 1.2.
using MeasureText = std::function<TextSize(std::string_view text, double font_px, double max_width)>;
TextSize estimate_text(std::string_view text, double font_px, double max_width);

// How tightly the layout packs the diagram.
enum class Density {
  screen,     // as on screen: bpmn-js's sizes and gaps
  // Print cut into slices after the layout: narrower gaps between columns and rows, lower
  // lanes, labels wrapped narrower (what a person drawing for an A4 page does), titles in three
  // lines.
  compact,
  // Print by parts: one page's part of the flow laid out alone, where lanes of many lines of
  // text are what fills the page's height: tasks wider and lower, lanes only as high as their
  // content, titles written across a wider band (width is what such a page has to spare; a
  // title up a low lane would break its words), and a hand-over down to a lower lane in one
  // column (the next step straight below), as handbooks are drawn for a page.
  page_part,
  // The same with a hand-over up to a higher lane kept in one column too, each lane once in a
  // column: narrower, for a process that is long rather than tall (print tries every page
  // density, the densest last).
  page_stacked,
  // The same where a column passes through a lane twice (two rows there): the narrowest.
  page_densest,
  // The same with every step in a column of its own.
  page,
};

struct Options {
  bool relayout = false;           // replace existing diagrams too
  // Keep a diagram that leaves elements undrawn (as bpmn-js shows it) instead of laying the
  // whole of it out again; diagrams with bounds that are not numbers are replaced either way.
  bool keep_incomplete = false;
  MeasureText measure = estimate_text;
  Density density = Density::screen;
  // Asked between the phases: true when the caller no longer wants the layout (a server's time
  // limit). The outcome's error then says so, and the model is unchanged.
  std::function<bool()> stop;
};

// The pool and lane title bands a density makes: their width, and the lines of title they
// hold (render::Options::title_band and title_lines must be told, to draw them so).
struct TitleBand {
  double width = 30;
  int lines = 2;        // written up the band, in at most this many lines
  bool across = false;  // or across it, in lines as wide as the band (render::Options::title_across)
};
TitleBand title_band(Density density);

struct Outcome {
  std::vector<std::string> laid_out;   // ids of the processes / collaborations laid out
  std::vector<std::string> kept;       // whose existing diagram was kept
  std::vector<model::Diagnostic> notes;  // why a diagram was replaced, what could not be placed
  std::string error;                   // non-empty: the model is unchanged (no phase fails today)
};

// Lays out every process and collaboration that has no complete diagram (all of them with
// relayout), replacing those diagrams in defs.diagrams.
Outcome lay_out(model::Definitions& defs, const Options& options = {});

// Quality figures of one diagram (a BPMNPlane) as drawn by its DI.
struct Stats {
  std::string diagram;            // the plane's bpmnElement
  int nodes = 0, edges = 0;
  int overlapping_nodes = 0;      // pairs of shapes whose areas overlap (hosts, containers apart)
  int nodes_outside_lane = 0;     // shapes not inside the band of the lane that holds them
  int edges_through_shapes = 0;   // edges with a segment through a shape they do not connect
  int non_orthogonal_segments = 0;
  int edge_crossings = 0;
  double bends_per_edge = 0;
  double left_to_right = 0;       // share of sequence flows whose target lies right of the source
  double width = 0, height = 0;   // bounding box of every shape
  double area() const { return width * height; }
  double aspect_ratio() const { return height > 0 ? width / height : 0; }
};

std::vector<Stats> measure_layout(const model::Definitions& defs);

}  // namespace syzba::layout
