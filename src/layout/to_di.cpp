// Phase 8: the placed graph as a BPMN diagram (BPMNDiagram / BPMNPlane), shapes before the
// edges, containers before what they contain, in bpmn-js's naming (element id + "_di").
#include <cmath>
#include <unordered_set>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

// Half pixels: stable text in the file, and no visible difference.
double tidy(double v) { return std::round(v * 2) / 2 + 0.0; }

model::Bounds bounds(const Rect& r) { return {tidy(r.x), tidy(r.y), tidy(r.w), tidy(r.h)}; }

std::string fresh_id(std::unordered_set<std::string>& taken, const std::string& base) {
  std::string id = base;
  for (int k = 2; !taken.insert(id).second; ++k) id = base + "_" + std::to_string(k);
  return id;
}

model::DiElement shape(std::unordered_set<std::string>& taken, const std::string& element, const Rect& r) {
  model::DiElement e;
  e.id = fresh_id(taken, element + "_di");
  e.kind = model::DiKind::shape;
  e.element = element;
  e.bounds = bounds(r);
  return e;
}

void add_bands(const Graph& g, int band, std::unordered_set<std::string>& taken, std::vector<model::DiElement>& out) {
  const Band& b = g.bands[band];
  if (!b.element.empty()) {
    model::DiElement e = shape(taken, b.element, b.box);
    e.is_horizontal = true;
    out.push_back(std::move(e));
  }
  for (int c : b.children) add_bands(g, c, taken, out);
}

}  // namespace

model::Diagram to_diagram(const Graph& g, std::unordered_set<std::string>& taken, const std::string& diagram_id) {
  model::Diagram d;
  d.id = fresh_id(taken, diagram_id);
  d.plane.id = fresh_id(taken, diagram_id + "_plane");
  d.plane.element = g.element;
  auto& out = d.plane.elements;
  out.reserve(g.bands.size() + g.items.size() + g.links.size());
  for (int root : g.roots) add_bands(g, root, taken, out);
  std::vector<const Item*> groups;
  for (const auto& item : g.items) {
    if (item.kind == ItemKind::group) {
      groups.push_back(&item);
      continue;
    }
    model::DiElement e = shape(taken, item.id, item.box);
    if (model::is_sub_process(item.node_kind) && item.kind == ItemKind::flow_node) e.is_expanded = item.expanded;
    if (item.node_kind == model::NodeKind::exclusive_gateway && item.kind == ItemKind::flow_node) e.is_marker_visible = true;
    if (item.label_box) {
      e.label.emplace();
      e.label->bounds = bounds(*item.label_box);
    }
    out.push_back(std::move(e));
  }
  for (const Item* item : groups) out.push_back(shape(taken, item->id, item->box));
  for (const auto& link : g.links) {
    model::DiElement e;
    e.id = fresh_id(taken, link.id + "_di");
    e.kind = model::DiKind::edge;
    e.element = link.id;
    e.waypoints.reserve(link.route.size());
    for (const auto& p : link.route) e.waypoints.push_back({tidy(p.x), tidy(p.y), {}});
    if (link.label_box) {
      e.label.emplace();
      e.label->bounds = bounds(*link.label_box);
    }
    out.push_back(std::move(e));
  }
  return d;
}

}  // namespace syzba::layout
