// BPMN notation: a table from BPMN type to the function that draws it, as bpmn-js's
// BpmnRenderer has. Figures follow NOTATION.md (sizes, strokes, marker places); the icons are
// data in icons.cpp.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

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
Style ink(const Palette& p) { return {p.stroke, 1, "", 0}; }
Style line(const Palette& p, double width) { return {"", 1, p.stroke, width}; }

// ---------------------------------------------------------------------------------------
// Activities.
int label_lines_that_fit(double height, double font_px) {
  return std::max(1, static_cast<int>(std::floor(height / (font_px * 1.2))));
}

void embedded_label(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  std::string duration = ctx.durations && s.duration ? short_duration(*s.duration, ctx.lang) : "";
  double inner_h = b.height - 10 - (duration.empty() ? 0 : duration_px * 1.2);
  Text label = text_block(ctx.text, s.name, label_px, false, b.x + b.width / 2, 0, b.width - 10,
                          label_lines_that_fit(inner_h, label_px), p.label);
  double label_h = static_cast<double>(label.lines.size()) * label_px * 1.2;
  double total = label_h + (duration.empty() ? 0 : duration_px * 1.2 + 2);
  double top = b.y + (b.height - total) / 2;
  for (auto& l : label.lines) l.y += top;
  if (!label.lines.empty()) out.items.emplace_back(std::move(label));
  if (!duration.empty())
    out.items.emplace_back(text_block(ctx.text, duration, duration_px, false, b.x + b.width / 2, top + label_h + 2,
                                      b.width - 10, 1, p.muted));
}

std::vector<std::string_view> activity_markers(const DrawContext& ctx, const Subject& s) {
  std::vector<std::string_view> markers;
  const model::FlowNode& n = *s.node;
  if (model::is_sub_process(n.kind) && !ctx.expanded) markers.push_back("plus-box");
  if (n.kind == NodeKind::call_activity && !ctx.expanded) markers.push_back("plus-box");
  if (n.loop) {
    if (!n.loop->multi_instance) markers.push_back("loop");
    else markers.push_back(n.loop->is_sequential.value_or(false) ? "sequential-mi" : "parallel-mi");
  }
  if (n.is_for_compensation.value_or(false)) markers.push_back("compensate");
  if (n.kind == NodeKind::ad_hoc_sub_process) markers.push_back("ad-hoc");
  return markers;
}

void draw_activity_markers(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  auto markers = activity_markers(ctx, s);
  constexpr double size = 14, gap = 3;
  double total = static_cast<double>(markers.size()) * (size + gap) - gap;
  double x = b.x + (b.width - total) / 2, y = b.y + b.height - size - 4;
  for (auto m : markers) {
    double scale = size / 20;
    if (m == "plus-box") out.items.emplace_back(icon(m, x, y, scale, line(p, 1.5)));
    else if (m == "compensate") out.items.emplace_back(icon(m, x, y, scale, {"", 1, p.stroke, 1}));
    else out.items.emplace_back(icon(m, x, y, scale, line(p, m == "loop" ? 1.5 : 2)));
    x += size + gap;
  }
}

void type_marker(std::string_view type, const Box& b, const Palette& p, Element& out) {
  double x = b.x + 6, y = b.y + 6, s = 0.9;
  if (type == "userTask") {
    out.items.emplace_back(icon("user-body", x, y, s, outline(p, 1)));
    out.items.emplace_back(icon("user-head", x, y, s, outline(p, 1)));
  } else if (type == "serviceTask") {
    out.items.emplace_back(icon("gear", x, y, s, outline(p, 1)));
    out.items.emplace_back(ellipse(x + 10 * s, y + 10 * s, 3 * s, outline(p, 1)));
  } else if (type == "sendTask") {
    out.items.emplace_back(icon("message", x - 1, y - 2, 1.1, {p.stroke, 1, p.fill, 1}));
  } else if (type == "receiveTask") {
    out.items.emplace_back(icon("message", x - 1, y - 2, 1.1, outline(p, 1)));
  } else if (type == "manualTask") {
    out.items.emplace_back(icon("hand", x, y, s, outline(p, 1)));
  } else if (type == "businessRuleTask") {
    out.items.emplace_back(icon("rule-header", x, y, s, {p.stroke, 0.35, "", 0}));
    out.items.emplace_back(icon("rule-table", x, y, s, line(p, 1)));
  } else if (type == "scriptTask") {
    out.items.emplace_back(icon("script", x, y, s, outline(p, 1)));
  }
}

void draw_activity(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  const model::FlowNode& n = *s.node;
  bool expanded = ctx.expanded && (model::is_sub_process(n.kind) || n.kind == NodeKind::call_activity);
  Style border = outline(p, n.kind == NodeKind::call_activity ? 5 : 2);
  if (n.triggered_by_event.value_or(false)) {
    border.width = 1.5;
    border.dash = {2, 3};
  }
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 10, border));
  if (n.kind == NodeKind::transaction)
    out.items.emplace_back(rect(b.x + 3, b.y + 3, b.width - 6, b.height - 6, 8, line(p, 1.5)));
  if (expanded) {
    if (!s.name.empty())
      out.items.emplace_back(text_block(ctx.text, s.name, label_px, false, b.x + b.width / 2, b.y + 5,
                                        b.width - 10, 2, p.label));
  } else {
    type_marker(s.type, b, p, out);
    embedded_label(ctx, s, b, p, out);
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

void draw_event_icon(const model::FlowNode& n, double cx, double cy, double r, const Palette& p, Element& out) {
  std::string_view name = event_icon(n);
  if (name.empty()) return;
  bool filled = throws(n.kind);
  double s = r / 18;
  double x = cx - 10 * s, y = cy - 10 * s;
  if (name == "terminate") {
    out.items.emplace_back(ellipse(cx, cy, r * 0.45, {p.stroke, 1, p.stroke, 1}));
  } else if (name == "timer") {
    out.items.emplace_back(ellipse(cx, cy, r * 0.62, outline(p, 2)));
    out.items.emplace_back(icon("timer-hands", x, y, s * 0.9 + 0.0, line(p, 1.2)));
  } else if (name == "message") {
    Style st = filled ? Style{p.stroke, 1, p.fill, 1} : Style{p.fill, 1, p.stroke, 1};
    out.items.emplace_back(icon(name, x + 1 * s, y + 1 * s, s * 0.9, st));
  } else if (name == "conditional" || name == "link" || name == "parallel-multiple") {
    out.items.emplace_back(icon(name, x + 1 * s, y + 1 * s, s * 0.9, {filled ? p.stroke : p.fill, 1, p.stroke, 1}));
  } else {
    out.items.emplace_back(icon(name, x + 1 * s, y + 1 * s, s * 0.9, {filled ? p.stroke : "", 1, p.stroke, 1}));
  }
}

void draw_event(const DrawContext&, const Subject& s, const Box& b, const Palette& p, Element& out) {
  const model::FlowNode& n = *s.node;
  double cx = b.x + b.width / 2, cy = b.y + b.height / 2, r = std::min(b.width, b.height) / 2;
  bool non_interrupting = (n.kind == NodeKind::start_event && !n.is_interrupting.value_or(true)) ||
                          (n.kind == NodeKind::boundary_event && !n.cancel_activity.value_or(true));
  Style ring = outline(p, 2);
  if (non_interrupting) ring.dash = {5.5, 3};
  switch (n.kind) {
    case NodeKind::end_event: ring.width = 4; break;
    case NodeKind::start_event: break;
    default: {
      ring.width = 1;
      out.items.emplace_back(ellipse(cx, cy, r, ring));
      ring.fill = "";
      out.items.emplace_back(ellipse(cx, cy, r - 3, ring));
      draw_event_icon(n, cx, cy, r, p, out);
      return;
    }
  }
  out.items.emplace_back(ellipse(cx, cy, r, ring));
  draw_event_icon(n, cx, cy, r, p, out);
}

// ---------------------------------------------------------------------------------------
// Gateways.
void draw_gateway(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
  out.items.emplace_back(
      polyline({{cx, b.y}, {b.x + b.width, cy}, {cx, b.y + b.height}, {b.x, cy}}, true, outline(p, 2)));
  double scale = std::min(b.width, b.height) / 50;
  double k = scale * 1.25, x = cx - 10 * k, y = cy - 10 * k;
  switch (s.node->kind) {
    case NodeKind::exclusive_gateway:
      if (ctx.marker_visible) out.items.emplace_back(icon("gateway-x", x, y, k, ink(p)));
      break;
    case NodeKind::parallel_gateway: out.items.emplace_back(icon("gateway-plus", x, y, k, ink(p))); break;
    case NodeKind::complex_gateway: out.items.emplace_back(icon("gateway-complex", x, y, k, ink(p))); break;
    case NodeKind::inclusive_gateway: out.items.emplace_back(ellipse(cx, cy, 11.5 * scale, line(p, 2.5))); break;
    case NodeKind::event_based_gateway:
      out.items.emplace_back(ellipse(cx, cy, 11 * scale, line(p, 1)));
      out.items.emplace_back(ellipse(cx, cy, 8.5 * scale, line(p, 1)));
      out.items.emplace_back(icon("pentagon", cx - 14 * scale, cy - 14.4 * scale, 1.4 * scale, line(p, 1.2)));
      break;
    default: break;
  }
}

// ---------------------------------------------------------------------------------------
// Data and artifacts.
void draw_data_object(const DrawContext&, const Subject& s, const Box& b, const Palette& p, Element& out) {
  double fold = std::min(10.0, b.width / 3);
  out.items.emplace_back(polyline({{b.x, b.y}, {b.x + b.width - fold, b.y}, {b.x + b.width, b.y + fold},
                                   {b.x + b.width, b.y + b.height}, {b.x, b.y + b.height}},
                                  true, outline(p, 2)));
  out.items.emplace_back(polyline({{b.x + b.width - fold, b.y}, {b.x + b.width - fold, b.y + fold},
                                   {b.x + b.width, b.y + fold}},
                                  false, line(p, 2)));
  if (s.type == "dataInput" || s.type == "dataOutput") {
    Style st = s.data_output ? Style{p.stroke, 1, p.stroke, 1} : Style{p.fill, 1, p.stroke, 1};
    out.items.emplace_back(icon("data-arrow", b.x + 2, b.y + 2, 0.8, st));
  }
  if (s.collection)
    out.items.emplace_back(icon("collection", b.x + b.width / 2 - 7, b.y + b.height - 15, 0.7, line(p, 2)));
}

void draw_data_store(const DrawContext&, const Subject&, const Box& b, const Palette& p, Element& out) {
  constexpr double k = 0.5523;  // quarter circle as a cubic
  double rx = b.width / 2, ry = std::min(8.0, b.height / 6), cx = b.x + rx;
  auto half = [&](double cy, bool lower) {
    double dy = lower ? ry : -ry;
    return std::vector<PathOp>{{'C', {b.x, cy + dy * k, cx - rx * k, cy + dy, cx, cy + dy}},
                               {'C', {cx + rx * k, cy + dy, b.x + b.width, cy + dy * k, b.x + b.width, cy}}};
  };
  Shape body;
  body.path.push_back({'M', {b.x, b.y + ry}});
  for (auto op : half(b.y + ry, false)) body.path.push_back(op);
  body.path.push_back({'L', {b.x + b.width, b.y + b.height - ry}});
  body.path.push_back({'C', {b.x + b.width, b.y + b.height - ry + ry * k, cx + rx * k, b.y + b.height, cx,
                             b.y + b.height}});
  body.path.push_back({'C', {cx - rx * k, b.y + b.height, b.x, b.y + b.height - ry + ry * k, b.x,
                             b.y + b.height - ry}});
  body.path.push_back({'Z'});
  Style st = outline(p, 2);
  body.fill = st.fill; body.fill_opacity = st.fill_opacity; body.stroke = st.stroke; body.stroke_width = 2;
  out.items.emplace_back(std::move(body));
  for (double cy : {b.y + ry, b.y + ry + 5, b.y + ry + 10}) {
    Shape rim;
    rim.path.push_back({'M', {b.x, cy}});
    for (auto op : half(cy, true)) rim.path.push_back(op);
    rim.stroke = p.stroke;
    rim.stroke_width = 2;
    out.items.emplace_back(std::move(rim));
  }
}

void draw_annotation(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 0, {}));  // hit area for web pages
  out.items.emplace_back(
      polyline({{b.x + 10, b.y}, {b.x, b.y}, {b.x, b.y + b.height}, {b.x + 10, b.y + b.height}}, false, line(p, 1.5)));
  Text t = text_block(ctx.text, s.name, label_px, false, 0, b.y + 5, b.width - 10,
                      label_lines_that_fit(b.height - 10, label_px), p.label);
  t.anchor = Anchor::start;
  for (auto& l : t.lines) l.x = b.x + 5;
  if (!t.lines.empty()) out.items.emplace_back(std::move(t));
}

void draw_group(const DrawContext&, const Subject&, const Box& b, const Palette& p, Element& out) {
  Style st = line(p, 1);
  st.dash = {10, 4, 2, 4};
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 10, st));
}

// ---------------------------------------------------------------------------------------
// Pools and lanes: a title band 30 wide, text rotated −90° for horizontal ones.
Text vertical_title(TextEngine& engine, std::string_view name, double band_cx, double top, double height,
                    const std::string& color) {
  Text t = text_block(engine, name, label_px, false, 0, 0, std::max(10.0, height - 10), 2, color);
  double block = static_cast<double>(t.lines.size()) * label_px * 1.2;
  // In the rotated frame x runs up the page (x' = −y) and y runs right (y' = x).
  for (auto& l : t.lines) {
    l.x = -(top + height / 2);
    l.y += band_cx - block / 2;
  }
  t.vertical = true;
  return t;
}

void draw_swimlane(const DrawContext& ctx, const Subject& s, const Box& b, const Palette& p, Element& out) {
  bool pool = s.type == "participant";
  out.items.emplace_back(rect(b.x, b.y, b.width, b.height, 0, outline(p, 1.5)));
  if (s.name.empty()) return;
  if (pool && s.black_box) {
    Text t = text_block(ctx.text, s.name, label_px, false, b.x + b.width / 2, 0, b.width - 10, 3, p.label);
    double block = static_cast<double>(t.lines.size()) * label_px * 1.2;
    for (auto& l : t.lines) l.y += b.y + (b.height - block) / 2;
    out.items.emplace_back(std::move(t));
    return;
  }
  if (ctx.horizontal) {
    if (pool) out.items.emplace_back(polyline({{b.x + 30, b.y}, {b.x + 30, b.y + b.height}}, false, line(p, 1.5)));
    out.items.emplace_back(vertical_title(ctx.text, s.name, b.x + 15, b.y, b.height, p.label));
  } else {
    if (pool) out.items.emplace_back(polyline({{b.x, b.y + 30}, {b.x + b.width, b.y + 30}}, false, line(p, 1.5)));
    Text t = text_block(ctx.text, s.name, label_px, false, b.x + b.width / 2, 0, b.width - 10, 2, p.label);
    double block = static_cast<double>(t.lines.size()) * label_px * 1.2;
    for (auto& l : t.lines) l.y += b.y + 15 - block / 2;
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

void draw_edge(const DrawContext&, const Subject& s, const Points& points, const Palette& p, Element& out) {
  if (points.size() < 2) return;
  Direction end = direction(points[points.size() - 2], points.back());
  Direction start = direction(points[0], points[1]);
  if (s.type == "sequenceFlow") {
    Style st = line(p, 1.5);
    out.items.emplace_back(polyline(points, false, st));
    out.items.emplace_back(arrow_head(points.back(), end, 11, 4, {p.stroke, 1, p.stroke, 1}));
    if (s.default_flow) {
      double mx = points[0].first + start.x * 10, my = points[0].second + start.y * 10;
      double ax = -start.y + start.x, ay = start.x + start.y;  // 45° across the flow
      out.items.emplace_back(polyline({{mx - ax * 5, my - ay * 5}, {mx + ax * 5, my + ay * 5}}, false, line(p, 1.5)));
    } else if (s.conditional_from_activity) {
      auto a = points[0];
      double len = 16, half = 5.5;
      auto mid = std::make_pair(a.first + start.x * len / 2, a.second + start.y * len / 2);
      out.items.emplace_back(polyline({a, {mid.first - start.y * half, mid.second + start.x * half},
                                       {a.first + start.x * len, a.second + start.y * len},
                                       {mid.first + start.y * half, mid.second - start.x * half}},
                                      true, {p.fill, 1, p.stroke, 1}));
    }
  } else if (s.type == "messageFlow") {
    Style st = line(p, 1.5);
    st.dash = {10, 6};
    out.items.emplace_back(polyline(points, false, st));
    out.items.emplace_back(ellipse(points[0].first + start.x * 4, points[0].second + start.y * 4, 4, {p.fill, 1, p.stroke, 1.5}));
    out.items.emplace_back(arrow_head(points.back(), end, 11, 4.5, {p.fill, 1, p.stroke, 1.5}));
  } else {  // associations and data associations: dotted
    Style st = line(p, 1.5);
    st.dash = {0.5, 5};
    st.round_cap = true;
    out.items.emplace_back(polyline(points, false, st));
    if (s.association_to_target) out.items.emplace_back(arrow_head(points.back(), end, 10, 4.5, line(p, 1.5)));
  }
}

void draw_message_marker(const Points& points, const Palette& p, Element& out) {
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
    out.items.emplace_back(icon("message", x - 10, y - 10, 1, {p.fill, 1, p.stroke, 1}));
    return;
  }
}

void draw_external_label(const DrawContext& ctx, std::string_view text, const Box& bounds, const Palette& palette,
                         Element& out, bool grow_up) {
  if (text.empty()) return;
  double width = std::max(90.0, bounds.width);
  Text t = text_block(ctx.text, text, external_label_px, false, bounds.x + bounds.width / 2, bounds.y, width, 6,
                      palette.label);
  if (grow_up) {  // the block ends where the box does, so it stays clear of the flow below
    double shift = bounds.height - static_cast<double>(t.lines.size()) * external_label_px * 1.2;
    for (auto& l : t.lines) l.y += shift;
  }
  out.items.emplace_back(std::move(t));
}

Box default_label_box(const Box& shape) {
  return {shape.x + shape.width / 2 - 45, shape.y + shape.height + 10, 90, 20};
}

Box default_label_box(const Points& points) {
  std::size_t i = (points.size() - 1) / 2;
  double mx = (points[i].first + points[i + 1].first) / 2, my = (points[i].second + points[i + 1].second) / 2;
  return {mx - 45, my - 18, 90, 14};
}

}  // namespace syzba::render
