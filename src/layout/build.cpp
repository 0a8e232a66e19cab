// Phase 1, build: what one diagram shows, as items (shapes), links (edges), frames (the top
// level and each expanded sub-process) and bands (pools, lanes, and remainders for nodes that
// stand in no lane), with every shape's size as bpmn-js draws it, grown to fit its label.
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <unordered_map>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

using model::NodeKind;

// The top-left corner a typed task's icon covers, from the task's corner to the icon's right
// and bottom edges, strokes included, rounded up (render/notation.cpp, type_marker: bpmn-js's
// places); 0 × 0 for tasks without one. Render keeps the label's lines out of it.
struct IconCorner {
  double w = 0, h = 0;
};

IconCorner type_icon(NodeKind kind) {
  switch (kind) {
    case NodeKind::user_task: return {25, 25};
    case NodeKind::service_task: return {24, 23};
    case NodeKind::send_task: return {28, 20};
    case NodeKind::receive_task: return {26, 25};  // an instantiating one's ring is the lowest
    case NodeKind::manual_task: return {27, 21};
    case NodeKind::business_rule_task: return {29, 24};
    case NodeKind::script_task: return {24, 19};
    default: return {};
  }
}

// Where render may put a typed task's label so that it keeps out of the icon's corner
// (render/notation.cpp, embedded_label): centred as bpmn-js centres it when it is narrow enough
// to pass right of the icon or low enough to begin under it; else centred with the lines beside
// the icon shortened to the room right of it (`beside`: the label wrapped that narrow
// throughout, a bound on those lines); else in the room under the icon row.
// `beside` is asked last, and only when no other place does: measuring is most of this phase.
bool label_clear_of_icon(TextSize centred, const std::function<TextSize()>& beside, IconCorner icon, double w, double h,
                         double duration) {
  bool narrow = (w - centred.width) / 2 >= icon.w;
  bool low = (h - centred.height - duration) / 2 >= icon.h;
  bool under = centred.height <= h - icon.h - 5 - duration;
  return narrow || low || under || beside().height <= h - 10 - duration;
}

struct Builder {
  const model::Definitions& defs;
  const MeasureText& measure;
  Graph g;
  std::unordered_map<std::string, int> item_of;
  std::unordered_map<std::string, int> pool_of;  // participant id → band

  int add_band(Band band) {
    int index = static_cast<int>(g.bands.size());
    if (band.parent >= 0) {
      band.depth = g.bands[band.parent].depth + 1;
      g.bands[band.parent].children.push_back(index);
    } else {
      g.roots.push_back(index);
    }
    g.bands.push_back(std::move(band));
    return index;
  }

  // Lanes as bands under parent; records each node's deepest lane.
  void add_lanes(const std::vector<model::LaneSet>& sets, int parent, std::unordered_map<std::string, int>& lane_of) {
    for (const auto& set : sets)
      for (const auto& lane : set.lanes) {
        int band = add_band({lane.id, lane.name, false, parent});
        for (const auto& ref : lane.flow_node_refs) lane_of[ref] = band;
        add_lanes(lane.child_lane_sets, band, lane_of);
      }
  }

  // The band where a node with no lane of its own (or one of a lane with sub-lanes) stands.
  int remainder_of(int band) {
    if (band >= 0 && g.bands[band].children.empty()) return band;
    if (band >= 0)
      for (int c : g.bands[band].children)
        if (g.bands[c].element.empty()) return c;
    return add_band({"", "", false, band});
  }

  // A task as wide and tall as bpmn-js's, grown (wider up to max_task_w, then taller) until its
  // label fits, and, for a typed task, keeps clear of the icon (label_clear_of_icon).
  void size_task(Item& item) {
    double w = size::task_w, h = g.spacing.task_h;
    double duration = item.has_duration ? size::duration_line : 0;
    IconCorner icon = type_icon(item.node_kind);
    bool typed = icon.w > 0;
    // Wrapped as drawn: bpmn-js's padding of 7 px a side; beside the icon, from its right edge
    // (measured once a width, when it is asked).
    TextSize centred;
    std::optional<TextSize> beside;
    auto try_width = [&] { centred = measure(item.name, size::font, w - 14), beside.reset(); };
    auto beside_icon = [&] {
      if (!beside) beside = measure(item.name, size::font, w - 7 - icon.w);
      return *beside;
    };
    auto fits = [&] {
      return centred.height <= h - 10 - duration && (!typed || label_clear_of_icon(centred, beside_icon, icon, w, h, duration));
    };
    try_width();
    while (!fits() && w < g.spacing.max_task_w) w += 20, try_width();
    while (!fits()) h += 10;
    item.box.w = w, item.box.h = h;
  }

  void size_item(Item& item) {
    switch (item.kind) {
      case ItemKind::data:
        item.box.w = item.node_kind == NodeKind::task ? size::data_w : size::store;  // see add_data
        item.box.h = item.node_kind == NodeKind::task ? size::data_h : size::store;
        break;
      case ItemKind::annotation: {
        double w = size::annotation_w;
        // Wrapped as drawn: 7 px of padding left and right (bpmn-js's).
        TextSize t = measure(item.name, size::font, w - 14);
        while (t.height + 10 > 3 * size::annotation_h && w < 2 * size::annotation_w) t = measure(item.name, size::font, (w += 20) - 14);
        item.box.w = w;
        item.box.h = std::max(size::annotation_h, std::ceil(t.height + 10));
        break;
      }
      case ItemKind::group:
        item.box.w = 150, item.box.h = 100;
        break;
      case ItemKind::flow_node:
      case ItemKind::boundary_event:
        if (model::is_event(item.node_kind)) {
          item.box.w = item.box.h = size::event;
        } else if (model::is_gateway(item.node_kind)) {
          item.box.w = item.box.h = size::gateway;
        } else {
          size_task(item);
        }
        break;
    }
    item.external_label = !item.name.empty() && (item.kind == ItemKind::data || model::is_event(item.node_kind) ||
                                                  model::is_gateway(item.node_kind)) && item.kind != ItemKind::annotation &&
                          item.kind != ItemKind::group;
    double label_width = item.kind == ItemKind::data ? g.spacing.data_label_width : g.spacing.label_width;
    if (item.external_label) item.label = label_size(measure, item.name, size::label_font, label_width);
    if (item.external_label) item.below = size::label_gap + item.label.height;
  }

  int add_item(Item item) {
    size_item(item);
    int index = static_cast<int>(g.items.size());
    item_of.emplace(item.id, index);
    g.frames[item.frame].items.push_back(index);
    g.items.push_back(std::move(item));
    return index;
  }

  // Items of one container: nodes (sub-processes with content get a frame of their own),
  // boundary events on their hosts, data references and artifacts.
  void add_container(const model::Container& c, int frame, const std::vector<int>& containers,
                     const std::unordered_map<std::string, int>& lane_of, int default_band) {
    auto band_of = [&](const std::string& id) {
      if (frame != 0) return 0;
      auto it = lane_of.find(id);
      return it != lane_of.end() ? it->second : default_band;
    };
    for (const auto& n : c.nodes) {
      if (n.kind == NodeKind::boundary_event) continue;
      Item item{n.id, ItemKind::flow_node, n.kind, n.name};
      item.has_duration = n.duration.has_value();
      item.frame = frame;
      item.band = band_of(n.id);
      item.containers = containers;
      bool expand = model::is_sub_process(n.kind) && !n.content->nodes.empty();
      int index = add_item(std::move(item));
      if (expand) {
        int inner = static_cast<int>(g.frames.size());
        g.frames.push_back({index});
        g.items[index].expanded = true;
        g.items[index].inner_frame = inner;
        std::vector<int> inside{index};
        inside.insert(inside.end(), containers.begin(), containers.end());
        add_container(n.content, inner, inside, {}, 0);
      }
    }
    for (const auto& n : c.nodes) {
      if (n.kind != NodeKind::boundary_event) continue;
      Item item{n.id, ItemKind::boundary_event, n.kind, n.name};
      item.frame = frame;
      item.containers = containers;
      auto host = item_of.find(n.attached_to);
      if (host != item_of.end() && g.items[host->second].frame == frame) {
        item.anchor = host->second;
        item.band = g.items[host->second].band;
      } else {
        item.kind = ItemKind::flow_node;  // no host to stand on: drawn as a free event
        item.band = band_of(n.id);
        g.notes.push_back({"layout-boundary-without-host", model::Severity::warning, n.id, n.pos.line, n.pos.column,
                           "boundary event '" + n.id + "' is attached to no activity in its scope; drawn as a free event"});
      }
      add_item(std::move(item));
    }
    auto listed = [&](const std::string& id) { return frame == 0 && lane_of.count(id) > 0; };
    for (const auto& d : c.data_object_refs) add_data(d.id, d.name, NodeKind::task, frame, containers, band_of(d.id), listed(d.id));
    for (const auto& d : c.data_store_refs)
      add_data(d.id, d.name, NodeKind::service_task, frame, containers, band_of(d.id), listed(d.id));
    add_artifacts(c.artifacts, frame, containers, default_band);
    for (const auto& f : c.flows) add_link(f.id, LinkKind::sequence, f.source, f.target, f.name, f.pos);
    for (const auto& n : c.nodes) {
      for (const auto& a : n.data_inputs)
        for (const auto& s : a.sources) add_link(a.id, LinkKind::data_association, s, n.id, "", a.pos);
      for (const auto& a : n.data_outputs) add_link(a.id, LinkKind::data_association, n.id, a.target, "", a.pos);
    }
    for (const auto& a : c.artifacts)
      if (a.kind == model::ArtifactKind::association) add_link(a.id, LinkKind::association, a.source, a.target, "", a.pos);
  }

  // node_kind tells a data object (task) from a data store (service_task): only the shape size.
  void add_data(const std::string& id, const std::string& name, NodeKind kind, int frame,
                const std::vector<int>& containers, int band, bool own_lane) {
    Item item{id, ItemKind::data, kind, name};
    item.frame = frame, item.band = band, item.containers = containers, item.own_lane = own_lane;
    add_item(std::move(item));
  }

  void add_artifacts(const std::vector<model::Artifact>& artifacts, int frame, const std::vector<int>& containers, int band) {
    for (const auto& a : artifacts) {
      if (a.kind == model::ArtifactKind::association) continue;
      Item item{a.id, a.kind == model::ArtifactKind::group ? ItemKind::group : ItemKind::annotation, NodeKind::task,
                a.kind == model::ArtifactKind::group ? group_name(a.category_value) : a.text};
      item.frame = frame, item.band = band, item.containers = containers;
      add_item(std::move(item));
    }
  }

  std::string group_name(const std::string& value_id) const {
    for (const auto& c : defs.categories)
      for (const auto& v : c.values)
        if (v.id == value_id) return v.value;
    return "";
  }

  void add_link(const std::string& id, LinkKind kind, const std::string& source, const std::string& target,
                const std::string& name, model::SourcePos pos) {
    Link link{id, kind};
    link.name = name;
    link.pos = pos;
    auto s = item_of.find(source), t = item_of.find(target);
    if (s != item_of.end()) link.from = s->second;
    if (t != item_of.end()) link.to = t->second;
    if (kind == LinkKind::message) {
      if (auto p = pool_of.find(source); link.from < 0 && p != pool_of.end()) link.from_band = p->second;
      if (auto p = pool_of.find(target); link.to < 0 && p != pool_of.end()) link.to_band = p->second;
    }
    bool routable = (link.from >= 0 || link.from_band >= 0) && (link.to >= 0 || link.to_band >= 0) &&
                    !(link.from >= 0 && link.from == link.to && kind != LinkKind::sequence);
    if (!routable) {
      // Associations may point at flows or data inputs, which have no shape: nothing to draw.
      if (kind == LinkKind::sequence || kind == LinkKind::message)
        g.notes.push_back({"layout-link-unresolved", model::Severity::warning, id, pos.line, pos.column,
                           "'" + id + "' connects elements this diagram does not draw; left without an edge"});
      return;
    }
    g.links.push_back(std::move(link));
  }

  // Data and annotations stand beside what they are associated with.
  void attach_anchors() {
    for (const auto& link : g.links) {
      if (link.kind != LinkKind::data_association && link.kind != LinkKind::association) continue;
      if (link.from < 0 || link.to < 0) continue;
      for (auto [loose, other] : {std::pair{link.from, link.to}, std::pair{link.to, link.from}}) {
        Item& item = g.items[loose];
        const Item& to = g.items[other];
        bool attachable = item.kind == ItemKind::data || item.kind == ItemKind::annotation;
        if (!attachable || item.anchor >= 0 || to.frame != item.frame) continue;
        if (to.kind != ItemKind::flow_node && to.kind != ItemKind::boundary_event) continue;
        item.anchor = to.kind == ItemKind::boundary_event ? to.anchor : other;
        if (!item.own_lane) item.band = g.items[item.anchor].band;  // a lane that lists it keeps it
      }
    }
  }

  void add_process(const model::Process& p, int pool) {
    std::unordered_map<std::string, int> lane_of;
    int lanes_start = static_cast<int>(g.bands.size());
    add_lanes(p.content.lane_sets, pool, lane_of);
    // Each node's band: its deepest lane when that lane is a leaf, else the lane's remainder.
    std::unordered_map<std::string, int> leaf_of;
    for (auto& [id, band] : lane_of) leaf_of[id] = band;
    for (auto& [id, band] : leaf_of)
      if (!g.bands[band].children.empty()) band = remainder_of(band);
    // Where what no lane lists stands: the remainder when flow nodes need it, else the first lane.
    int default_band = pool;
    bool any_unlaned = std::any_of(p.content.nodes.begin(), p.content.nodes.end(),
                                   [&](const auto& n) { return !leaf_of.count(n.id); });
    if (lanes_start < static_cast<int>(g.bands.size()) && !any_unlaned) {
      default_band = lanes_start;
      while (!g.bands[default_band].children.empty()) default_band = g.bands[default_band].children.front();
    } else if (lanes_start < static_cast<int>(g.bands.size()) || pool < 0) {
      default_band = remainder_of(pool);
    }
    add_container(p.content, 0, {}, leaf_of, default_band);
  }

  void number_leaves() {
    std::vector<int> stack(g.roots.rbegin(), g.roots.rend());
    while (!stack.empty()) {
      int b = stack.back();
      stack.pop_back();
      if (g.bands[b].children.empty()) {
        g.bands[b].leaf = static_cast<int>(g.frames[0].leaves.size());
        g.frames[0].leaves.push_back(b);
      }
      for (auto it = g.bands[b].children.rbegin(); it != g.bands[b].children.rend(); ++it) stack.push_back(*it);
    }
    // Only a leaf's title is read (placement: its band's height), in one of the two ways.
    for (int b : g.frames[0].leaves) {
      Band& band = g.bands[b];
      if (band.name.empty()) continue;
      if (g.spacing.title_across) band.title_across = measure(band.name, size::font, g.spacing.title_band - 10).height;
      else band.title_length = measure(band.name, size::font, 1e9).width;
    }
    // Items name their band by band index until here; from now on by leaf index.
    for (auto& item : g.items)
      if (item.frame == 0) item.band = std::max(0, g.bands[item.band].leaf);
  }
};

const model::Process* find_process(const model::Definitions& defs, const std::string& id) {
  for (const auto& p : defs.processes)
    if (p.id == id) return &p;
  return nullptr;
}

}  // namespace

bool in_some_pool(const model::Definitions& defs, const std::string& process) {
  for (const auto& c : defs.collaborations)
    for (const auto& p : c.participants)
      if (p.process == process) return true;
  return false;
}

Graph build_graph(const model::Definitions& defs, const std::string& element, const MeasureText& measure,
                  const Spacing& spacing) {
  Builder b{defs, measure};
  b.g.spacing = spacing;
  b.g.element = element;
  b.g.frames.push_back({});
  const model::Collaboration* collaboration = nullptr;
  for (const auto& c : defs.collaborations)
    if (c.id == element) collaboration = &c;
  if (collaboration) {
    for (const auto& part : collaboration->participants) {
      int pool = b.add_band({part.id, part.name, true, -1});
      b.pool_of.emplace(part.id, pool);
      if (const auto* p = find_process(defs, part.process)) b.add_process(*p, pool);
    }
    // A lone collaboration's diagram shows the processes no participant refers to, below the
    // pools (as MIWG A.4.0 draws them), so that message flows to them have both ends.
    if (defs.collaborations.size() == 1)
      for (const auto& p : defs.processes)
        if (!in_some_pool(defs, p.id)) b.add_process(p, -1);
    b.add_artifacts(collaboration->artifacts, 0, {}, b.g.roots.empty() ? b.remainder_of(-1) : b.g.roots.front());
    for (const auto& a : collaboration->artifacts)
      if (a.kind == model::ArtifactKind::association) b.add_link(a.id, LinkKind::association, a.source, a.target, "", a.pos);
    for (const auto& m : collaboration->message_flows) b.add_link(m.id, LinkKind::message, m.source, m.target, m.name, m.pos);
  } else if (const auto* p = find_process(defs, element)) {
    b.add_process(*p, -1);
  }
  if (b.g.roots.empty()) b.remainder_of(-1);
  b.attach_anchors();
  b.number_leaves();
  return std::move(b.g);
}

}  // namespace syzba::layout
