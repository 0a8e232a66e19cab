// BPMN notation: a table from BPMN type to the function that draws it, as bpmn-js's
// BpmnRenderer has. Figures follow NOTATION.md (sizes, strokes, marker places); the icons are
// data in icons.cpp.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include "render/draw.h"

namespace syzba::render {

namespace {

using model::EventKind;
using model::NodeKind;
using Points = std::vector<std::pair<double, double>>;
using DrawFn = std::function<void(const DrawContext&, const Subject&, const Box&, const Palette&, Element&)>;

constexpr double label_px = 12;
constexpr double external_label_px = 11;
constexpr double duration_px = 10;

Style outline(const Palette& p, double width) { return {p.fill, p.fill_opacity, p.stroke, width}; }
Style line(const Palette& p, double width) { return {"", 1, p.stroke, width}; }

// ---------------------------------------------------------------------------------------
// Activities.
int label_lines_that_fit(double height, double font_px) {
  return std::max(1, static_cast<int>(std::floor(height / (font_px * 1.2))));
}

// bpmn-js's embedded label: 7 px of padding left and right, the block centred in the height.
constexpr double label_padding = 7;
constexpr double label_line = label_px * 1.2;

// The lines of a task's label beside its type icon: how many, and the icon's right edge they
// begin at (they end at the padding on the right, as the others do).
struct Beside {
  int lines = 0;
  double left = 0;
};

// A task's label placed: its lines at their places, the block's top and height (its duration
// line below it), and whether every line of the name is shown inside the room it was given.
struct TaskLabel {
  Text text;
  double top = 0, height = 0;
  bool whole = false;
};

// The label wrapped in the task's width less the padding (the lines beside the icon in the room
// right of it), as many lines as fit in the room from room_top of room_h, the block and the
// duration line under it centred there; each line centred in its width.
TaskLabel place_task_label(const DrawContext& ctx, const Subject& s, const Box& b, double room_top, double room_h,
                           double duration_h, const Palette& p, Beside beside = {}) {
  int fit = label_lines_that_fit(room_h - duration_h, label_px);
  double left = b.x + label_padding, width = b.width - 2 * label_padding;
  double narrow = b.x + b.width - label_padding - beside.left;
  TextBlock block = ctx.text.wrap_label(s.name, label_px, width, fit, beside.lines, narrow);
  TaskLabel out{Text{std::move(block.lines), ctx.text.font_px(label_px), false, p.label, Anchor::middle}, 0, 0,
                !block.truncated};
  for (std::size_t i = 0; i < out.text.lines.size(); ++i) {  // a line wider than its room starts at its left
    TextLine& l = out.text.lines[i];
    bool by_icon = static_cast<int>(i) < beside.lines;
    double from = by_icon ? beside.left : left, room = by_icon ? narrow : width;
    l.x = from + std::max((room - l.width) / 2, 0.0) + l.width / 2;
  }
  // bpmn-js lets a label too long for its box run over it; here it is set tighter (Pango's
  // lines in the width less 10 px) when that keeps it whole, and ends with "…" otherwise.
  if (block.truncated && beside.lines == 0) {
    TextBlock tighter = ctx.text.wrap(s.name, label_px, false, b.width - 10, fit);
    double shift = tighter.lines.empty() ? 0 : 0.75 * label_line - tighter.lines.front().y;
    for (auto& l : tighter.lines) l.x = b.x + b.width / 2, l.y += shift;
    out.text.lines = std::move(tighter.lines);
    out.whole = !tighter.truncated;
  }
  out.height = static_cast<double>(out.text.lines.size()) * label_line;
  out.whole = out.whole && out.height + duration_h <= room_h + 1e-9;
  out.top = room_top + (room_h - out.height - duration_h) / 2;
  for (auto& l : out.text.lines) l.y += out.top;
  return out;
}

// Whether a line's box (its 1.2 em of height, its measured width) crosses the icon's box.
bool line_crosses(const TextLine& l, double px, const Box& icon) {
  double lh = px * 1.2, left = l.x - l.width / 2, top = l.y - 0.75 * lh;
  return left < icon.x + icon.width && icon.x < left + l.width && top < icon.y + icon.height && icon.y < top + lh;
}

bool crosses(const TaskLabel& label, const Box& icon) {
  return std::any_of(label.text.lines.begin(), label.text.lines.end(),
                     [&](const TextLine& l) { return line_crosses(l, label.text.font_px, icon); });
}

// The lines whose box begins above the icon's bottom edge.
int lines_above(const TaskLabel& label, double bottom) {
  return static_cast<int>(std::count_if(label.text.lines.begin(), label.text.lines.end(), [&](const TextLine& l) {
    return l.y - 0.75 * label.text.font_px * 1.2 < bottom;
  }));
}

// A label that would run under the type icon, placed clear of it as a drafter would: still
// centred, the lines beside the icon shortened to the room right of it (as many as are beside
// it once they are shortened); else in the room under the icon row, down to the bottom padding.
// The layout sizes its tasks so that one of these fits (layout/build.cpp, label_clear_of_icon);
// a box another tool sized may have room for neither, and keeps the label as bpmn-js centres it.
std::optional<TaskLabel> clear_of_icon(const DrawContext& ctx, const Subject& s, const Box& b, const Box& icon,
                                       double duration_h, const Palette& p) {
  double right = icon.x + icon.width, bottom = icon.y + icon.height;
  bool room_beside = b.x + b.width - label_padding - right >= 3 * label_px;  // a short word at least
  for (int lines = 1; room_beside && lines <= 4; ++lines) {
    TaskLabel beside = place_task_label(ctx, s, b, b.y, b.height, duration_h, p, {lines, right});
    if (!beside.whole) break;
    if (lines_above(beside, bottom) <= lines) return beside;
  }
  TaskLabel under = place_task_label(ctx, s, b, bottom, b.y + b.height - 5 - bottom, duration_h, p);
  if (under.whole) return under;
  return std::nullopt;
}

// icon: the box the task's type icon was drawn in, when it has one.
void embedded_label(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out,
                    const std::optional<Box>& icon) {
  std::string duration = ctx.durations && s.duration ? short_duration(*s.duration, ctx.lang) : "";
  double duration_h = duration.empty() ? 0 : duration_px * 1.2 + 2;
  TaskLabel label = place_task_label(ctx, s, b, b.y, b.height, duration_h, p);
  if (icon && crosses(label, *icon))
    if (auto clear = clear_of_icon(ctx, s, b, *icon, duration_h, p)) label = std::move(*clear);
  double below = label.top + label.height + 2;
  if (!label.text.lines.empty()) out.items.emplace_back(std::move(label.text));
  if (!duration.empty())
    out.items.emplace_back(text_block(ctx.text, duration, duration_px, false, b.x + b.width / 2, below, b.width - 10,
                                      1, p.muted));
}

// bpmn-js's activity markers along the bottom edge: each at an offset from the centre that
// depends on which others are there (the collapsed ⊞ in the middle, loop / multi-instance /
// compensation left of it, ad-hoc right of it).
struct MarkerOffsets {
  double sequential, parallel, compensation, loop, ad_hoc;
};

MarkerOffsets marker_offsets(const model::FlowNode& n, bool collapsed) {
  MarkerOffsets o = collapsed ? MarkerOffsets{-21, -22, -25, -18, 10} : MarkerOffsets{-5, -6, -7, 0, -8};
  bool ad_hoc = n.kind == NodeKind::ad_hoc_sub_process;
  if (ad_hoc && !collapsed) o.compensation -= 18;
  if (n.loop) {
    o.compensation -= 18;
    if (ad_hoc) o.sequential = -23, o.loop = -18, o.parallel = -24;
  }
  bool only_compensation = !collapsed && !ad_hoc && !n.loop;
  if (only_compensation) o.compensation = -8;
  return o;
}

void draw_activity_markers(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  const model::FlowNode& n = *s.node;
  bool container = model::is_sub_process(n.kind) || n.kind == NodeKind::call_activity;
  bool collapsed = container && !ctx.expanded;
  MarkerOffsets o = marker_offsets(n, collapsed);
  double cx = b.x + b.width / 2, bottom = b.y + b.height;
  if (collapsed) {  // ⊞: a 14 px box, its cross 2 px
    out.items.emplace_back(rect(cx - 7.5, bottom - 20, 14, 14, 0, {p.fill, 1, p.stroke, 1}));
    out.items.emplace_back(icon("plus-box-cross", cx - 7.5, bottom - 20, 1, line(p, 2)));
  }
  if (n.is_for_compensation.value_or(false))
    out.items.emplace_back(icon("compensation-marker", cx + o.compensation, bottom - 13, 1, {p.fill, 1, p.stroke, 1}));
  if (n.kind == NodeKind::ad_hoc_sub_process)
    out.items.emplace_back(icon("ad-hoc", cx + o.ad_hoc, bottom - 15, 1, {p.stroke, 1, p.stroke, 1}));
  if (n.loop) {
    if (!n.loop->multi_instance)
      out.items.emplace_back(icon("loop", cx + o.loop, bottom - 7, 1, line(p, 1.5)));
    else if (n.loop->is_sequential.value_or(false))
      out.items.emplace_back(icon("sequential-mi", cx + o.sequential, bottom - 19, 1, line(p, 2)));
    else
      out.items.emplace_back(icon("parallel-mi", cx + o.parallel, bottom - 20, 1, line(p, 2)));
  }
}

// The task type icons at bpmn-js's places, in the task's own pixels from its corner. The layout
// sizes tasks for the corner each covers (layout/build.cpp, type_icon): keep it in step.
void type_marker(const Subject& s, const Box& b, const Palette& p, Element& out) {
  const std::string& type = s.type;
  double x = b.x, y = b.y;
  Style white{p.fill, 1, p.stroke, 1};
  if (type == "userTask") {
    out.items.emplace_back(icon("user-body", x, y, 1, {p.fill, 1, p.stroke, 0.75}));
    out.items.emplace_back(icon("user-head", x, y, 1, {p.fill, 1, p.stroke, 0.75}));
    out.items.emplace_back(icon("user-hair", x, y, 1, {p.stroke, 1, p.stroke, 0.5}));
  } else if (type == "serviceTask") {  // two gears, the second over the first
    for (auto [gx, gy] : {std::pair{11.0, 11.0}, std::pair{16.0, 15.0}}) {
      double k = 6.6 / 8.7;
      out.items.emplace_back(icon("gear", x + gx - 10 * k, y + gy - 10 * k, k, white));
      out.items.emplace_back(ellipse(x + gx, y + gy, 2.3, white));
    }
  } else if (type == "sendTask") {  // filled, its flap and top edge in the fill colour
    out.items.emplace_back(icon("send", x, y, 1, {p.stroke, 1, p.fill, 1}));
  } else if (type == "receiveTask") {
    if (s.instantiate) {
      out.items.emplace_back(ellipse(x + 14, y + 14, 10, white));
      out.items.emplace_back(icon("receive-instantiating", x, y, 1, white));
    } else {
      out.items.emplace_back(icon("receive", x, y, 1, white));
    }
  } else if (type == "manualTask") {
    out.items.emplace_back(icon("hand", x + 4, y + 3, 1.17, {p.fill, 1, p.stroke, 0.75}));
  } else if (type == "businessRuleTask") {
    out.items.emplace_back(icon("rule-table", x, y, 1, white));
    out.items.emplace_back(icon("rule-header", x, y, 1, {p.stroke, 1, p.stroke, 1}));
  } else if (type == "scriptTask") {
    out.items.emplace_back(icon("script", x + 7, y + 3, 0.85, white));
  }
}

void draw_event_icon(const model::FlowNode& n, const Box& frame, const Palette& p, Element& out, double width);

// The box the shapes out.items[from…] cover, their strokes included; nullopt when there are none.
std::optional<Box> drawn_bounds(const Element& out, std::size_t from) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  auto add = [&](double x, double y, double half) {
    x0 = std::min(x0, x - half), y0 = std::min(y0, y - half);
    x1 = std::max(x1, x + half), y1 = std::max(y1, y + half);
  };
  for (std::size_t i = from; i < out.items.size(); ++i) {
    const auto* shape = std::get_if<Shape>(&out.items[i]);
    if (shape == nullptr) continue;
    double half = shape->stroke.empty() ? 0 : shape->stroke_width / 2;
    if (shape->geometry != Geometry::path) {
      add(shape->x, shape->y, half);
      add(shape->x + shape->width, shape->y + shape->height, half);
    }
    for (const PathOp& op : shape->path)  // a curve lies inside its control points
      for (int k = 0; k + 1 < (op.op == 'C' ? 6 : op.op == 'Z' ? 0 : 2); k += 2) add(op.v[k], op.v[k + 1], half);
  }
  if (x0 > x1) return std::nullopt;
  return Box{x0, y0, x1 - x0, y1 - y0};
}

// The start event of an event sub-process, small in its top-left corner (bpmn-js: 22 px).
void event_sub_process_icon(const model::FlowNode& start, const Box& b, const Palette& p, Element& out) {
  bool interrupting = start.is_interrupting.value_or(true);
  Style ring{p.fill, 1, p.stroke, interrupting ? 1.0 : 1.2};
  if (!interrupting) ring.dash = {3};
  out.items.emplace_back(ellipse(b.x + 11, b.y + 11, 10, ring));
  draw_event_icon(start, {b.x, b.y, 22, 22}, p, out, 1);
}

void draw_activity(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  const model::FlowNode& n = *s.node;
  bool expanded = ctx.expanded && (model::is_sub_process(n.kind) || n.kind == NodeKind::call_activity);
  Style border = outline(p, n.kind == NodeKind::call_activity ? 5 : n.kind == NodeKind::transaction ? 1.5 : 2);
  if (n.triggered_by_event.value_or(false)) {  // dotted, as bpmn-js: round dots 5.5 apart
    border.width = 2.5;
    border.dash = {0, 5.5};
    border.round_cap = true;
  }
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 10, border));
  if (n.kind == NodeKind::transaction)
    out.items.emplace_back(rect(b.x + 3, b.y + 3, b.width - 6, b.height - 6, 7, line(p, 1.5)));
  if (expanded) {
    if (!s.name.empty())  // centred at the top, 7 px in
      out.items.emplace_back(label_block(ctx.text, s.name, label_px, b.x + label_padding, b.y + label_padding,
                                         b.width - 2 * label_padding, 0, p.label));
  } else {
    std::size_t icons = out.items.size();
    type_marker(s, b, p, out);
    if (s.event_start) event_sub_process_icon(*s.event_start, b, p, out);
    embedded_label(ctx, s, b, p, out, drawn_bounds(out, icons));
  }
  draw_activity_markers(ctx, s, b, p, out);
}

// ---------------------------------------------------------------------------------------
// Events.
bool throws(NodeKind k) { return k == NodeKind::end_event || k == NodeKind::intermediate_throw_event; }

std::string_view event_icon(const model::FlowNode& n) {
  if (n.event_definitions.size() > 1) return n.parallel_multiple.value_or(false) ? "parallel-multiple" : "multiple";
  if (n.event_definitions.empty()) return "";
  return event_kind_key(n.event_definitions.front().kind);
}

// The definition's icon in the event's 36 px frame, scaled to frame; throwing icons filled.
// stroke_width is the timer's (2 in an event, 1 in the small icon of an event sub-process).
void draw_event_icon(const model::FlowNode& n, const Box& frame, const Palette& p, Element& out, double stroke_width) {
  std::string_view name = event_icon(n);
  if (name.empty()) return;
  bool filled = throws(n.kind);
  double k = frame.width / 36, x = frame.x, y = frame.y;
  double cx = x + 18 * k, cy = y + 18 * k;
  if (name == "terminate") {
    out.items.emplace_back(ellipse(cx, cy, 10 * k, {p.stroke, 1, p.stroke, 4 * k}));
  } else if (name == "timer") {
    out.items.emplace_back(ellipse(cx, cy, 11 * k, {p.fill, 1, p.stroke, stroke_width}));
    for (int i = 0; i < 12; ++i) {  // the twelve hour ticks
      double a = i * M_PI / 6, s = std::sin(a), c = std::cos(a);
      out.items.emplace_back(polyline({{cx + s * 7.6 * k, cy - c * 7.6 * k}, {cx + s * 9.9 * k, cy - c * 9.9 * k}},
                                      false, line(p, 1)));
    }
    out.items.emplace_back(icon("timer-hands", x, y, k, line(p, stroke_width)));
  } else if (name == "message") {  // a thrown envelope is filled, its lines in the fill colour
    out.items.emplace_back(icon(name, x, y, k, filled ? Style{p.stroke, 1, p.fill, 1} : Style{p.fill, 1, p.stroke, 1}));
  } else if (name == "cancel") {
    out.items.emplace_back(icon(name, x, y, k, {filled ? p.stroke : "", 1, p.stroke, 1}));
  } else if (name == "conditional" || name == "parallel-multiple") {
    out.items.emplace_back(icon(name, x, y, k, {p.fill, 1, p.stroke, 1}));
  } else {
    out.items.emplace_back(icon(name, x, y, k, {filled ? p.stroke : p.fill, 1, p.stroke, 1}));
  }
}

void draw_event(const DrawContext&, const Subject& s, const Box& b, const Palette& p, Element& out) {
  const model::FlowNode& n = *s.node;
  // bpmn-js's radius: a whole pixel, round((w + h) / 4), the inner ring's round(that − 3).
  double cx = b.x + b.width / 2, cy = b.y + b.height / 2, r = std::round((b.width + b.height) / 4);
  bool non_interrupting = (n.kind == NodeKind::start_event && !n.is_interrupting.value_or(true)) ||
                          (n.kind == NodeKind::boundary_event && !n.cancel_activity.value_or(true));
  Style ring = outline(p, 2);
  if (non_interrupting) ring.dash = {6};
  switch (n.kind) {
    case NodeKind::end_event: ring.width = 4; break;
    case NodeKind::start_event: break;
    default: {  // intermediate and boundary: two rings 3 px apart, 1.5 px each
      ring.width = 1.5;
      if (n.kind == NodeKind::boundary_event) ring.fill_opacity = 1;
      out.items.emplace_back(ellipse(cx, cy, r, ring));
      ring.fill = "";
      out.items.emplace_back(ellipse(cx, cy, std::round((b.width + b.height) / 4 - 3), ring));
      draw_event_icon(n, b, p, out, 2);
      return;
    }
  }
  out.items.emplace_back(ellipse(cx, cy, r, ring));
  draw_event_icon(n, b, p, out, 2);
}

// ---------------------------------------------------------------------------------------
// Gateways.
void draw_gateway(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
  out.items.emplace_back(
      polyline({{cx, b.y}, {b.x + b.width, cy}, {cx, b.y + b.height}, {b.x, cy}}, true, outline(p, 2)));
  double k = std::min(b.width, b.height) / 50;  // the glyphs are drawn in the 50 px frame
  Style glyph{p.stroke, 1, p.stroke, 1};
  switch (s.node->kind) {
    case NodeKind::exclusive_gateway:
      if (ctx.marker_visible) out.items.emplace_back(icon("gateway-x", b.x, b.y, k, glyph));
      break;
    case NodeKind::parallel_gateway: out.items.emplace_back(icon("gateway-plus", b.x, b.y, k, glyph)); break;
    case NodeKind::complex_gateway: out.items.emplace_back(icon("gateway-complex", b.x, b.y, k, {p.stroke, 1, "", 0})); break;
    case NodeKind::inclusive_gateway: out.items.emplace_back(ellipse(cx, cy, 13 * k, {p.fill, 1, p.stroke, 2.5})); break;
    case NodeKind::event_based_gateway: {
      out.items.emplace_back(ellipse(cx, cy, 15 * k, line(p, 1)));
      if (s.event_gateway_type == "Parallel") {  // a parallel event gateway: an open +
        out.items.emplace_back(icon("gateway-plus-outline", b.x, b.y, k, line(p, 1)));
        break;
      }
      if (!s.instantiate) out.items.emplace_back(ellipse(cx, cy, 12 * k, line(p, 1)));  // one ring instantiates
      out.items.emplace_back(icon("pentagon", b.x, b.y, k, line(p, 2)));
      break;
    }
    default: break;
  }
}

// ---------------------------------------------------------------------------------------
// Data and artifacts.
// bpmn-js's data object: a page of 50/51 of the width and 60/61 of the height, its corner
// folded 10/51 × 10/61, one stroke of 2 px.
void draw_data_object(const DrawContext&, const Subject& s, const Box& b, const Palette& p, Element& out) {
  double w = b.width * 50 / 51, h = b.height * 60 / 61, fx = b.width * 10 / 51, fy = b.height * 10 / 61;
  Shape page = polyline({{b.x, b.y}, {b.x + w - fx, b.y}, {b.x + w, b.y + fy}, {b.x + w, b.y + h}, {b.x, b.y + h}}, true,
                        outline(p, 2));
  page.round_cap = true;
  out.items.emplace_back(std::move(page));
  Shape fold = polyline({{b.x + w - fx, b.y}, {b.x + w - fx, b.y + fy}, {b.x + w, b.y + fy}}, false, line(p, 2));
  fold.round_cap = true;
  out.items.emplace_back(std::move(fold));
  if (s.type == "dataInput" || s.type == "dataOutput") {  // the arrow top left, 1 px; filled for outputs
    Style st = s.data_output ? Style{p.stroke, 1, p.stroke, 1} : Style{"", 1, p.stroke, 1};
    out.items.emplace_back(icon("data-arrow", b.x, b.y, 1, st));
  }
  if (s.collection)
    out.items.emplace_back(icon("collection", b.x + b.width * 0.33, b.y + b.height - 18, 1, line(p, 2)));
}

// bpmn-js's data store: a cylinder 60/61 of the width, its top ellipse 0.133 of the height
// down, its side 45/61 high, two rims 7/61 apart under the top; ellipses as cubics reaching
// 3/4 of 10/61 of the height.
void draw_data_store(const DrawContext&, const Subject&, const Box& b, const Palette& p, Element& out) {
  double x0 = b.width * 2 / 61, x1 = b.width * 58 / 61, x2 = b.width * 60 / 61;
  double y0 = b.height * 7 / 61, y1 = b.height * 10 / 61, y2 = b.height * 45 / 61;
  double l = b.x, top = b.y + b.height * 0.133;
  Shape body;
  auto curve = [&](double y, double dy, bool back) {
    if (back) body.path.push_back({'C', {l + x2 - x0, y - dy, l + x2 - x1, y - dy, l, y}});
    else body.path.push_back({'C', {l + x0, y + dy, l + x1, y + dy, l + x2, y}});
  };
  body.path.push_back({'M', {l, top}});
  body.path.push_back({'L', {l, top + y2}});
  curve(top + y2, y1, false);
  body.path.push_back({'L', {l + x2, top}});
  curve(top, y1, true);
  curve(top, y1, false);
  for (double y : {top + y0, top + 2 * y0}) {
    body.path.push_back({'M', {l, y}});
    curve(y, y1, false);
  }
  body.fill = p.fill;
  body.fill_opacity = p.fill_opacity;
  body.stroke = p.stroke;
  body.stroke_width = 2;
  body.round_cap = true;
  out.items.emplace_back(std::move(body));
}

void draw_annotation(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 0, {}));  // hit area for web pages
  out.items.emplace_back(
      polyline({{b.x + 10, b.y}, {b.x, b.y}, {b.x, b.y + b.height}, {b.x + 10, b.y + b.height}}, false, line(p, 2)));
  // Left-aligned, 7 px in from the bracket and the top (bpmn-js's annotation padding).
  Text t = label_block(ctx.text, s.name, label_px, 0, b.y + label_padding, b.width - 2 * label_padding,
                       label_lines_that_fit(b.height - label_padding, label_px), p.label);
  t.anchor = Anchor::start;
  for (auto& l : t.lines) l.x = b.x + label_padding;
  if (!t.lines.empty()) out.items.emplace_back(std::move(t));
}

void draw_group(const DrawContext&, const Subject&, const Box& b, const Palette& p, Element& out) {
  Style st = line(p, 1.5);
  st.dash = {10, 6, 0, 6};
  st.round_cap = true;
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 10, st));
}

// ---------------------------------------------------------------------------------------
// Pools and lanes: a title band 30 wide, text rotated −90° for horizontal ones.
// Pool and lane titles: centred in their band as bpmn-js's (baselines at 3/4 of a line), but
// broken by Pango in the height less 10 px, and at most `lines` of them — the layout makes
// bands tall enough for that, and print's tighter layout for three lines in a wider band.
Text vertical_title(TextEngine& engine, std::string_view name, double band_cx, double top, double height,
                    const std::string& color, int lines = 2) {
  Text t = text_block(engine, name, label_px, false, 0, 0, std::max(10.0, height - 10), lines, color);
  double block = static_cast<double>(t.lines.size()) * label_px * 1.2;
  double shift = t.lines.empty() ? 0 : 0.75 * label_px * 1.2 - t.lines.front().y;
  // In the rotated frame x runs up the page (x' = −y) and y runs right (y' = x).
  for (auto& l : t.lines) {
    l.x = -(top + height / 2);
    l.y += band_cx - block / 2 + shift;
  }
  t.vertical = true;
  return t;
}

// bpmn-js's participant multiplicity: three bars at the bottom centre.
void multiplicity_marker(const Box& b, const Palette& p, Element& out) {
  out.items.emplace_back(icon("parallel-mi", b.x + b.width / 2 - 6, b.y + b.height - 15, 1, line(p, 2)));
}

void draw_swimlane(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  bool pool = s.type == "participant";
  Style body = outline(p, 1.5);
  if (!pool) body.fill_opacity = 0.25;  // lanes are all but transparent over their pool
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 0, body));
  if (pool && s.multiplicity) multiplicity_marker(b, p, out);
  if (pool && s.black_box && !ctx.horizontal) {  // a vertical black box: its name runs up the page
    out.items.emplace_back(vertical_title(ctx.text, s.name, b.x + b.width / 2, b.y, b.height, p.label));
    return;
  }
  if (pool && s.black_box) {  // the name in the middle, wrapped in the full width
    Text t = label_block(ctx.text, s.name, label_px, b.x, 0, b.width, label_lines_that_fit(b.height, label_px), p.label);
    double block = static_cast<double>(t.lines.size()) * label_px * 1.2;
    for (auto& l : t.lines) l.y += b.y + (b.height - block) / 2;
    out.items.emplace_back(std::move(t));
    return;
  }
  if (ctx.horizontal) {  // the header band stays, named or not
    double band = ctx.title_band;
    if (pool) out.items.emplace_back(polyline({{b.x + band, b.y}, {b.x + band, b.y + b.height}}, false, line(p, 1.5)));
    if (!s.name.empty() && ctx.title_across) {
      Text t = text_block(ctx.text, s.name, label_px, false, b.x + band / 2, 0, band - 10,
                          label_lines_that_fit(b.height - 8, label_px), p.label);
      double block = static_cast<double>(t.lines.size()) * label_px * 1.2;
      for (auto& l : t.lines) l.y += b.y + (b.height - block) / 2;
      out.items.emplace_back(std::move(t));
    } else if (!s.name.empty()) {
      out.items.emplace_back(vertical_title(ctx.text, s.name, b.x + band / 2, b.y, b.height, p.label, ctx.title_lines));
    }
  } else {
    if (pool) out.items.emplace_back(polyline({{b.x, b.y + 30}, {b.x + b.width, b.y + 30}}, false, line(p, 1.5)));
    if (s.name.empty()) return;
    Text t = text_block(ctx.text, s.name, label_px, false, b.x + b.width / 2, 0, b.width - 10, ctx.title_lines, p.label);
    double block = static_cast<double>(t.lines.size()) * label_px * 1.2;
    double shift = t.lines.empty() ? 0 : 0.75 * label_px * 1.2 - t.lines.front().y;  // bpmn-js's baselines
    for (auto& l : t.lines) l.y += b.y + 15 - block / 2 + shift;
    out.items.emplace_back(std::move(t));
  }
}

const std::map<std::string, DrawFn, std::less<>>& shape_table() {
  static const std::map<std::string, DrawFn, std::less<>> table = [] {
    std::map<std::string, DrawFn, std::less<>> t;
    for (auto type : {"task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask",
                      "businessRuleTask", "scriptTask", "callActivity", "subProcess", "transaction",
                      "adHocSubProcess"})
      t[type] = draw_activity;
    for (auto type : {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"})
      t[type] = draw_event;
    for (auto type : {"exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway",
                      "complexGateway"})
      t[type] = draw_gateway;
    for (auto type : {"dataObjectReference", "dataInput", "dataOutput"}) t[type] = draw_data_object;
    t["dataStoreReference"] = draw_data_store;
    t["textAnnotation"] = draw_annotation;
    t["group"] = draw_group;
    t["participant"] = draw_swimlane;
    t["lane"] = draw_swimlane;
    return t;
  }();
  return table;
}

// ---------------------------------------------------------------------------------------
// Flows.
struct Direction {
  double x = 1, y = 0;
};

Direction direction(std::pair<double, double> from, std::pair<double, double> to) {
  double dx = to.first - from.first, dy = to.second - from.second, len = std::hypot(dx, dy);
  if (len < 1e-9) return {};
  return {dx / len, dy / len};
}

Shape arrow_head(std::pair<double, double> tip, Direction d, double length, double half, const Style& st) {
  double bx = tip.first - d.x * length, by = tip.second - d.y * length;
  return polyline({{bx - d.y * half, by + d.x * half}, tip, {bx + d.y * half, by - d.x * half}}, !st.fill.empty(), st);
}

}  // namespace

bool has_external_label(std::string_view type) {
  static const std::vector<std::string_view> external = {
      "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
      "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
      "dataObjectReference", "dataInput", "dataOutput", "dataStoreReference", "group",
      "sequenceFlow", "messageFlow"};
  return std::find(external.begin(), external.end(), type) != external.end();
}

bool draw_shape(const DrawContext& ctx, const Subject& subject, const Box& box, const Palette& palette,
                Element& out) {
  const auto& table = shape_table();
  auto it = table.find(subject.type);
  if (it == table.end()) {  // a type without notation: a plain box, so nothing is lost silently
    out.items.emplace_back(rect(box.x, box.y, box.width, box.height, 0, outline(palette, 1)));
    return false;
  }
  it->second(ctx, subject, box, palette, out);
  return true;
}

namespace {

// A polyline whose corners are rounded by up to radius px, as bpmn-js draws connections.
Shape rounded_polyline(const Points& points, double radius, const Style& st) {
  Shape shape = polyline(points, false, st);
  if (points.size() < 3) return shape;
  shape.path.clear();
  shape.path.push_back({'M', {points[0].first, points[0].second}});
  for (std::size_t i = 1; i + 1 < points.size(); ++i) {
    auto [px, py] = points[i - 1];
    auto [x, y] = points[i];
    auto [nx, ny] = points[i + 1];
    double in = std::hypot(x - px, y - py), out = std::hypot(nx - x, ny - y);
    double r = std::min({radius, in / 2, out / 2});
    if (r < 0.5) {
      shape.path.push_back({'L', {x, y}});
      continue;
    }
    double ax = x - (x - px) / in * r, ay = y - (y - py) / in * r;
    double bx = x + (nx - x) / out * r, by = y + (ny - y) / out * r;
    shape.path.push_back({'L', {ax, ay}});
    shape.path.push_back({'C', {x, y, x, y, bx, by}});
  }
  shape.path.push_back({'L', {points.back().first, points.back().second}});
  return shape;
}

// An open chevron (associations) with its tip at tip, pointing along d.
Shape open_head(std::pair<double, double> tip, Direction d, const Style& st) {
  return arrow_head(tip, d, 10, 5, st);
}

void draw_sequence_flow(const Subject& s, const Points& points, Direction start, Direction end, const Palette& p,
                        Element& out) {
  out.items.emplace_back(rounded_polyline(points, 5, line(p, 2)));
  out.items.emplace_back(arrow_head(points.back(), end, 10, 5, {p.stroke, 1, p.stroke, 1}));
  auto along = [&](double t, double across) {
    return std::make_pair(points[0].first + start.x * t - start.y * across, points[0].second + start.y * t + start.x * across);
  };
  if (s.default_flow) {  // a slash 6–10 px along the flow, across ±6 px
    out.items.emplace_back(polyline({along(6, -6), along(10, 6)}, false, line(p, 2)));
  } else if (s.conditional_from_activity) {  // a hollow diamond 16 px long at the source
    out.items.emplace_back(polyline({along(1, 0), along(9, -4), along(17, 0), along(9, 4)}, true, {p.fill, 1, p.stroke, 2}));
  }
}

void draw_message_flow(const Points& points, Direction end, const Palette& p, Element& out) {
  Style st = line(p, 1.5);
  st.dash = {10, 11};
  st.round_cap = true;
  out.items.emplace_back(rounded_polyline(points, 5, st));
  out.items.emplace_back(ellipse(points[0].first, points[0].second, 5.25, {p.fill, 1, p.stroke, 1.5}));
  auto tip = std::make_pair(points.back().first - end.x * 0.75, points.back().second - end.y * 0.75);
  out.items.emplace_back(arrow_head(tip, end, 10.5, 4.5, {p.fill, 1, p.stroke, 1.5}));
}

}  // namespace

void draw_edge(const DrawContext&, const Subject& s, const Points& points, const Palette& p, Element& out) {
  if (points.size() < 2) return;
  Direction end = direction(points[points.size() - 2], points.back());
  Direction start = direction(points[0], points[1]);
  if (s.type == "sequenceFlow") {
    draw_sequence_flow(s, points, start, end, p, out);
  } else if (s.type == "messageFlow") {
    draw_message_flow(points, end, p, out);
  } else {  // associations and data associations: dotted
    Style st = line(p, 2);
    st.dash = {0, 5};
    st.round_cap = true;
    out.items.emplace_back(rounded_polyline(points, 5, st));
    Style head = line(p, 1.5);
    head.round_cap = true;
    if (s.association_to_target) out.items.emplace_back(open_head(points.back(), end, head));
    if (s.association_both) out.items.emplace_back(open_head(points.front(), {-start.x, -start.y}, head));
  }
}

bool message_shown(const DrawContext& ctx, const Subject& s) {
  return s.type == "messageFlow" && (s.message_ref || !ctx.message_visible_kind.empty());
}

void draw_message_marker(const DrawContext& ctx, const Subject& s, const Points& points, const Palette& p,
                         Element& out) {
  // The middle of the polyline, measured along it.
  double total = 0;
  for (std::size_t i = 1; i < points.size(); ++i)
    total += std::hypot(points[i].first - points[i - 1].first, points[i].second - points[i - 1].second);
  double half = total / 2;
  for (std::size_t i = 1; i < points.size(); ++i) {
    double len = std::hypot(points[i].first - points[i - 1].first, points[i].second - points[i - 1].second);
    if (len < half && i + 1 < points.size()) {
      half -= len;
      continue;
    }
    double t = len > 0 ? half / len : 0;
    double x = points[i - 1].first + (points[i].first - points[i - 1].first) * t;
    double y = points[i - 1].second + (points[i].second - points[i - 1].second) * t;
    // The initiating message is white, the answer filled (its lines in the fill colour);
    // messageVisibleKind is "initiating" unless the DI says otherwise (its schema default).
    bool initiating = ctx.message_visible_kind != "non_initiating";
    Style st = initiating ? Style{p.fill, 1, p.stroke, 1} : Style{p.stroke, 1, p.fill, 1};
    out.items.emplace_back(icon("message-flow-envelope", x, y, 1, st));
    if (!s.message_name.empty()) {  // 12 px, in bpmn-js's default 150 px box, 10 px under the envelope
      TextBlock fitted = ctx.text.wrap_label(s.message_name, label_px, 150);
      out.items.emplace_back(label_block(ctx.text, s.message_name, label_px, x - fitted.width / 2, y + 7 + 10,
                                         fitted.width, 0, p.stroke));
    }
    return;
  }
}

void draw_external_label(const DrawContext& ctx, std::string_view text, const Box& bounds, bool placed,
                         const Palette& palette, Element& out) {
  if (text.empty()) return;
  double left = bounds.x, width = bounds.width;
  if (!placed || !(width > 0)) {
    // As bpmn-js sizes a label the DI does not: laid out in 90 px (or the box's width), then
    // the box shrunk to the text's width about the same centre (its left edge rounded).
    TextBlock fitted = ctx.text.wrap_label(text, external_label_px, std::max(90.0, width));
    left = std::round(bounds.x + width / 2 - fitted.width / 2);
    width = std::ceil(fitted.width);
  } else if (double raised = ctx.text.font_px(external_label_px) / external_label_px; raised > 1) {
    // A box sized for 11 px text (by another tool, or by syzba for the screen) drawn at print's
    // larger floor: widened about its centre, by as much as the text grew, until the lines fit
    // the box's height again, rather than run out under it onto what stands below.
    double wider = width, widest = width * raised;
    auto fits = [&](double w) { return ctx.text.wrap_label(text, external_label_px, w).height <= bounds.height + 0.5; };
    while (!fits(wider) && wider < widest) wider = std::min(widest, wider + 2);
    left -= (wider - width) / 2;
    width = wider;
  }
  out.items.emplace_back(label_block(ctx.text, text, external_label_px, left, bounds.y, width, 0, palette.label));
}

Box default_label_box(const Box& shape) {  // 90 × 20 right under the shape
  return {shape.x + shape.width / 2 - 45, shape.y + shape.height, 90, 20};
}

Box default_label_box(const Points& points) {
  // bpmn-js: the middle of the middle segment, 15 px above it (right of it when it is vertical).
  std::size_t i = points.size() / 2 - 1;
  auto [ax, ay] = points[i];
  auto [bx, by] = points[i + 1];
  double mx = ax + (bx - ax) / 2, my = ay + (by - ay) / 2;
  if (bx == ax) mx += 15;
  else my -= 15;
  return {mx - 45, my - 10, 90, 20};
}

}  // namespace syzba::render
