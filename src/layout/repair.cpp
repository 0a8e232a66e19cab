// repair_diagram: what can be mended in another tool's broken DI before it is drawn, so that
// one bad edge does not cost the author's whole picture (bpmn-js draws such files and warns).
// An edge without two usable waypoints is drawn again between the shapes of its ends; label
// bounds that are not numbers are dropped (the label goes to its default place); a plane that
// names no element is given the one it draws. Shapes without usable bounds cannot be guessed:
// lay_out replaces such a diagram as a whole.
#include <cmath>
#include <unordered_map>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

bool finite(const model::Bounds& b) {
  return std::isfinite(b.x) && std::isfinite(b.y) && std::isfinite(b.width) && std::isfinite(b.height) && b.width >= 0 &&
         b.height >= 0;
}

bool drawable_edge(const model::DiElement& e) {
  if (e.waypoints.size() < 2) return false;
  for (const auto& w : e.waypoints)
    if (!std::isfinite(w.x) || !std::isfinite(w.y)) return false;
  return true;
}

struct Ends {
  std::string source, target;
};

// The semantic ends of every connecting element: flows, message flows, associations.
std::unordered_map<std::string, Ends> connection_ends(const model::Definitions& defs) {
  std::unordered_map<std::string, Ends> ends;
  model::for_each_element(defs, [&](const model::BaseElement& e, model::ElementClass kind, std::string_view) {
    if (kind == model::ElementClass::sequence_flow) {
      const auto& f = static_cast<const model::SequenceFlow&>(e);
      ends[f.id] = {f.source, f.target};
    } else if (kind == model::ElementClass::message_flow) {
      const auto& f = static_cast<const model::MessageFlow&>(e);
      ends[f.id] = {f.source, f.target};
    } else if (kind == model::ElementClass::artifact) {
      const auto& a = static_cast<const model::Artifact&>(e);
      if (a.kind == model::ArtifactKind::association) ends[a.id] = {a.source, a.target};
    }
  });
  return ends;
}

model::Waypoint point(double x, double y) {
  model::Waypoint w;
  w.x = x;
  w.y = y;
  return w;
}

// An orthogonal connection from one box to another: straight across where they face each
// other, else out of the source's side towards the target and into the target's top or bottom.
std::vector<model::Waypoint> connect(const model::Bounds& a, const model::Bounds& b) {
  double ax = a.x + a.width / 2, ay = a.y + a.height / 2, bx = b.x + b.width / 2, by = b.y + b.height / 2;
  double top = std::max(a.y, b.y), bottom = std::min(a.y + a.height, b.y + b.height);
  if (top <= bottom) {
    double y = (top + bottom) / 2;
    bool right = bx >= ax;
    return {point(right ? a.x + a.width : a.x, y), point(right ? b.x : b.x + b.width, y)};
  }
  double left = std::max(a.x, b.x), right_edge = std::min(a.x + a.width, b.x + b.width);
  if (left <= right_edge) {
    double x = (left + right_edge) / 2;
    bool down = by >= ay;
    return {point(x, down ? a.y + a.height : a.y), point(x, down ? b.y : b.y + b.height)};
  }
  bool right = bx >= ax, down = by >= ay;
  return {point(right ? a.x + a.width : a.x, ay), point(bx, ay), point(bx, down ? b.y : b.y + b.height)};
}

model::Diagnostic repaired(const model::DiElement& e, std::string message) {
  return {"layout-repaired", model::Severity::warning, e.element, e.pos.line, e.pos.column, std::move(message)};
}

// The collaboration or process a plane without bpmnElement draws: the only collaboration, else
// the process that holds its first shape's element, else the first thing there is to draw.
std::string drawn_root(const model::Definitions& defs, const model::DiPlane& plane) {
  if (defs.collaborations.size() == 1) return defs.collaborations.front().id;
  // The walk visits each process, then everything in it: the last process met holds it.
  std::unordered_map<std::string_view, std::string_view> process_of;
  std::string_view current;
  model::for_each_element(defs, [&](const model::BaseElement& e, model::ElementClass kind, std::string_view) {
    if (kind == model::ElementClass::process) current = e.id;
    else if (kind == model::ElementClass::diagram) current = {};
    else if (!current.empty() && !e.id.empty()) process_of.emplace(e.id, current);
  });
  for (const auto& e : plane.elements)
    if (auto it = process_of.find(e.element); it != process_of.end()) return std::string(it->second);
  if (!defs.collaborations.empty()) return defs.collaborations.front().id;
  return defs.processes.empty() ? std::string() : defs.processes.front().id;
}

}  // namespace

std::vector<model::Diagnostic> repair_diagram(const model::Definitions& defs, model::Diagram& diagram) {
  std::vector<model::Diagnostic> notes;
  auto& plane = diagram.plane;
  if (plane.element.empty()) {
    plane.element = drawn_root(defs, plane);
    if (!plane.element.empty())
      notes.push_back({"layout-repaired", model::Severity::warning, diagram.id, plane.pos.line, plane.pos.column,
                       "the diagram '" + diagram.id + "' names nothing it draws (no bpmnElement): taken as '" + plane.element + "'"});
  }
  std::unordered_map<std::string, model::Bounds> shapes;            // by the element drawn
  std::unordered_map<std::string, std::string> element_of_shape;    // DI id → element drawn
  for (const auto& e : plane.elements) {
    if (e.kind != model::DiKind::shape) continue;
    if (finite(e.bounds)) shapes.emplace(e.element, e.bounds);
    if (!e.id.empty()) element_of_shape.emplace(e.id, e.element);
  }
  std::unordered_map<std::string, Ends> ends;
  std::vector<model::DiElement> kept;
  kept.reserve(plane.elements.size());
  for (auto& e : plane.elements) {
    if (e.label && e.label->bounds && !finite(*e.label->bounds)) {
      e.label->bounds.reset();
      notes.push_back(repaired(e, "the label bounds of '" + e.element + "' are not numbers: the label is drawn in its default place"));
    }
    if (e.kind == model::DiKind::shape || drawable_edge(e)) {
      kept.push_back(std::move(e));
      continue;
    }
    if (ends.empty()) ends = connection_ends(defs);
    Ends end = ends.count(e.element) ? ends[e.element] : Ends{};
    // The DI's own ends (sourceElement, targetElement) name the shapes it joins.
    if (auto it = element_of_shape.find(e.source_element); it != element_of_shape.end()) end.source = it->second;
    if (auto it = element_of_shape.find(e.target_element); it != element_of_shape.end()) end.target = it->second;
    auto from = shapes.find(end.source), to = shapes.find(end.target);
    std::string had = e.waypoints.size() >= 2 ? "waypoints that are not numbers" : std::to_string(e.waypoints.size()) + " waypoint(s)";
    if (from == shapes.end() || to == shapes.end()) {
      notes.push_back(repaired(e, "the edge of '" + e.element + "' has " + had + " and its ends are not drawn: it is left out"));
      continue;
    }
    e.waypoints = connect(from->second, to->second);
    notes.push_back(repaired(e, "the edge of '" + e.element + "' has " + had + ": it is drawn again from '" + end.source +
                                    "' to '" + end.target + "'"));
    kept.push_back(std::move(e));
  }
  plane.elements = std::move(kept);
  return notes;
}

}  // namespace syzba::layout
