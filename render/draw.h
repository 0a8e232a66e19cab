#pragma once
// Internal to render/: what the notation table, the legend and the scene assembly share —
// the subject a DI element draws, colours, and small constructors of scene items.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/render.h"

namespace syzba::render {

// ---------------------------------------------------------------------------------------
// What a DI element draws: its BPMN type and the semantic element behind it.
struct Subject {
  std::string type;  // BPMN type name: "userTask", "participant", "sequenceFlow", ...
  std::string id;
  std::string name;
  const model::FlowNode* node = nullptr;
  const model::Participant* participant = nullptr;
  bool black_box = false;               // a participant without a process
  const model::SequenceFlow* flow = nullptr;
  bool default_flow = false;            // the default flow of its source
  bool conditional_from_activity = false;
  bool association_to_target = false;   // associationDirection one / both, data associations
  bool collection = false;              // data object / input / output collections
  bool data_output = false;             // data output (filled arrow), else input
  bool association_both = false;        // associationDirection="Both": a head at the source too
  bool message_ref = false;             // a message flow that names its message (bpmn-js draws it)
  std::string message_name;             // that message's name, drawn under its envelope
  std::string event_gateway_type;       // eventGatewayType of an event-based gateway (kept in extras)
  bool instantiate = false;             // instantiate="true" of a receive task or event-based gateway
  bool multiplicity = false;            // a participant with participantMultiplicity
  const model::FlowNode* event_start = nullptr;  // the one start event of an event sub-process
  std::string parent;                   // the sub-process or other activity it is the content of
  std::string pool;                     // the participant it is (or whose process holds it), if any,
                                        // or collaboration_level
  std::string performer;                // the lane or pool a flow node is in
  std::optional<model::Duration> duration;
};

// Subject::pool of message flows and of a collaboration's own artifacts.
constexpr std::string_view collaboration_level = "#collaboration";

using Catalog = std::unordered_map<std::string, Subject>;
// A foreign attribute's value by its local name (what the model keeps in extras), or "".
std::string attribute_value(const model::Extras& extras, std::string_view local);
Catalog make_catalog(const model::Definitions& defs);

// ---------------------------------------------------------------------------------------
struct Palette {
  std::string stroke = "#22242a";  // hsl(225, 10%, 15%), bpmn-js's default
  std::string fill = "#ffffff";
  double fill_opacity = 0.95;
  std::string label = "#22242a";
  std::string muted = "#5a5f6b";   // durations, page numbers
};
// The colours of what belongs to the page, not to an element (title, legend).
Palette page_palette(Theme theme);

struct Style {
  std::string fill;
  double fill_opacity = 1;
  std::string stroke;
  double width = 1;
  std::vector<double> dash;
  bool round_cap = false;
};

Shape rect(double x, double y, double w, double h, double corner, const Style& style);
Shape ellipse(double cx, double cy, double r, const Style& style);
Shape polyline(const std::vector<std::pair<double, double>>& points, bool closed, const Style& style);
Shape icon(std::string_view name, double x, double y, double scale, const Style& style);
// Moves everything an element draws by (dx, dy): a page part placed, a print slice shifted.
void translate(Element& e, double dx, double dy);

std::string_view icon_path(std::string_view name);
std::vector<PathOp> parse_path(std::string_view d, double x, double y, double scale);

// ---------------------------------------------------------------------------------------
// Drawing one element into its group.
struct DrawContext {
  TextEngine& text;
  Lang lang = Lang::kk;
  bool durations = true;
  bool expanded = false;          // DI isExpanded of a sub-process or call activity
  bool marker_visible = false;    // DI isMarkerVisible of an exclusive gateway
  bool horizontal = true;         // DI isHorizontal of a pool or lane
  std::string message_visible_kind;  // DI messageVisibleKind of a message flow (kept in extras)
  double title_band = 30;         // pool and lane title bands (render::Options)
  int title_lines = 2;
  bool title_across = false;      // the titles written across their bands (render::Options)
};

struct Box {
  double x = 0, y = 0, width = 0, height = 0;
};

// Draws a shape's figure and its embedded label (external labels are drawn apart). False when
// the type has no notation of its own and was drawn as a plain box.
bool draw_shape(const DrawContext& ctx, const Subject& subject, const Box& box, const Palette& palette,
                Element& out);
void draw_edge(const DrawContext& ctx, const Subject& subject, const std::vector<std::pair<double, double>>& points,
               const Palette& palette, Element& out);
// The envelope bpmn-js puts in the middle of a message flow that names its message (or whose DI
// says messageVisibleKind): white when initiating, filled otherwise, the message's name under it.
bool message_shown(const DrawContext& ctx, const Subject& subject);
void draw_message_marker(const DrawContext& ctx, const Subject& subject, const std::vector<std::pair<double, double>>& points,
                         const Palette& palette, Element& out);
// Label under an event, gateway or data element, or beside a flow; in bounds when the DI
// gives them.
// placed: bounds are the DI's (the text wrapped in their width); else the box bpmn-js puts
// there (default_label_box), shrunk to the text about its centre.
void draw_external_label(const DrawContext& ctx, std::string_view text, const Box& bounds, bool placed,
                         const Palette& palette, Element& out);
bool has_external_label(std::string_view type);
// The name of an event definition kind, as icons and legend rows know it ("message", …).
std::string_view event_kind_key(model::EventKind kind);
// Where bpmn-js puts an external label the DI does not place.
Box default_label_box(const Box& shape);
Box default_label_box(const std::vector<std::pair<double, double>>& points);

// Text centred on (cx, top) with lines wrapped at width.
Text text_block(TextEngine& engine, std::string_view text, double font_px, bool bold, double cx, double top,
                double width, int max_lines, const std::string& color);

// A label as bpmn-js lays it out (TextEngine::wrap_label) in the box from left of width, its
// first line's top at top: each line centred in the box, or from its left edge when wider.
Text label_block(TextEngine& engine, std::string_view text, double font_px, double left, double top, double width,
                 int max_lines, const std::string& color);

// A duration as a task shows it: short units in the chosen language ("15 мин", "4 жұмыс күні").
std::string short_duration(const model::Duration& d, Lang lang);

// The legend's key for a subject ("start:message", "task", "sequenceFlow"), or "" for none.
std::string legend_key(const Subject& subject, const DrawContext& ctx);

}  // namespace syzba::render
