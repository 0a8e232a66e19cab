// The catalog: every element a DI shape or edge may draw, by id, with what its figure needs
// (type, name, default or conditional flow, collection, performer, duration).
#include <unordered_map>
#include <algorithm>

#include <utility>

#include "render/draw.h"

namespace syzba::render {

namespace {

using namespace model;

bool attribute_is(const Extras& extras, std::string_view local, std::string_view value) {
  for (const auto& a : extras.attributes) {
    auto colon = a.qname.find(':');
    std::string_view name = colon == std::string::npos ? std::string_view(a.qname) : std::string_view(a.qname).substr(colon + 1);
    if (name == local && a.value == value) return true;
  }
  return false;
}

bool has_child(const Extras& extras, std::string_view local) {
  for (const auto& c : extras.children) {
    auto colon = c.qname.find(':');
    if ((colon == std::string::npos ? std::string_view(c.qname) : std::string_view(c.qname).substr(colon + 1)) == local)
      return true;
  }
  return false;
}

struct Builder {
  Catalog catalog;
  std::unordered_map<std::string, std::string> performer;  // flow node id → lane or pool name
  std::unordered_map<std::string, const DataObject*> data_objects;
  std::unordered_map<std::string, std::string> category_values;
  std::string parent;  // the activity whose content is being added
  std::string pool;    // the participant whose process is being added

  Subject& add(const std::string& id, std::string type, std::string name) {
    Subject& s = catalog[id];
    s.id = id;
    s.parent = parent;
    s.pool = pool;
    s.type = std::move(type);
    s.name = std::move(name);
    return s;
  }

  void lanes(const LaneSet& set) {
    for (const auto& lane : set.lanes) {
      add(lane.id, "lane", lane.name);
      for (const auto& ref : lane.flow_node_refs) performer[ref] = lane.name;  // inner lanes come later and win
      for (const auto& child : lane.child_lane_sets) lanes(child);
    }
  }

  void artifacts(const std::vector<Artifact>& list) {
    for (const auto& a : list) {
      switch (a.kind) {
        case ArtifactKind::text_annotation: add(a.id, "textAnnotation", a.text); break;
        case ArtifactKind::group: {
          auto it = category_values.find(a.category_value);
          add(a.id, "group", it == category_values.end() ? "" : it->second);
          break;
        }
        case ArtifactKind::association: {
          Subject& s = add(a.id, "association", "");
          s.association_both = attribute_is(a.extras, "associationDirection", "Both");
          s.association_to_target = attribute_is(a.extras, "associationDirection", "One") || s.association_both;
          break;
        }
      }
    }
  }

  void io(const IoSpecification& spec) {
    for (const auto& item : spec.inputs) add(item.id, "dataInput", item.name).collection = item.is_collection.value_or(false);
    for (const auto& item : spec.outputs) {
      Subject& s = add(item.id, "dataOutput", item.name);
      s.collection = item.is_collection.value_or(false);
      s.data_output = true;
    }
  }

  void container(const Container& c) {
    for (const auto& set : c.lane_sets) lanes(set);
    for (const auto& d : c.data_objects) data_objects[d.id] = &d;
    for (const auto& d : c.data_objects) add(d.id, "dataObject", d.name).collection = d.is_collection.value_or(false);
    for (const auto& r : c.data_object_refs) {
      auto it = data_objects.find(r.data_object);
      const DataObject* object = it == data_objects.end() ? nullptr : it->second;
      Subject& s = add(r.id, "dataObjectReference", !r.name.empty() || !object ? r.name : object->name);
      s.collection = object && object->is_collection.value_or(false);
    }
    for (const auto& r : c.data_store_refs) add(r.id, "dataStoreReference", r.name);
    for (const auto& n : c.nodes) node(n);
    std::unordered_map<std::string_view, const FlowNode*> by_id;  // flows find their source in constant time
    for (const auto& n : c.nodes) by_id.emplace(n.id, &n);
    for (const auto& f : c.flows) flow(by_id, f);
    artifacts(c.artifacts);
  }

  void node(const FlowNode& n) {
    Subject& s = add(n.id, std::string(type_name(n.kind)), n.name);
    s.node = &n;
    s.duration = n.duration;
    s.event_gateway_type = attribute_value(n.extras, "eventGatewayType");
    s.instantiate = attribute_value(n.extras, "instantiate") == "true";
    if (n.triggered_by_event.value_or(false)) {
      const FlowNode* start = nullptr;
      int starts = 0;
      for (const auto& inner : n.content->nodes)
        if (inner.kind == NodeKind::start_event) start = (++starts == 1) ? &inner : nullptr;
      s.event_start = start;
    }
    for (const auto& a : n.data_inputs) add(a.id, "dataInputAssociation", "").association_to_target = true;
    for (const auto& a : n.data_outputs) add(a.id, "dataOutputAssociation", "").association_to_target = true;
    if (n.io) io(*n.io);
    std::string outer = std::exchange(parent, n.id);
    container(n.content);
    parent = std::move(outer);
  }

  void flow(const std::unordered_map<std::string_view, const FlowNode*>& by_id, const SequenceFlow& f) {
    Subject& s = add(f.id, "sequenceFlow", f.name);
    s.flow = &f;
    auto it = by_id.find(f.source);
    if (it == by_id.end()) return;
    const FlowNode* source = it->second;
    s.default_flow = source->default_flow == f.id;
    s.conditional_from_activity = f.condition && is_activity(source->kind) && !s.default_flow;
  }
};

void assign_performers(Builder& b, const Container& c, const std::string& pool) {
  for (const auto& n : c.nodes) {
    auto it = b.performer.find(n.id);
    std::string who = it != b.performer.end() ? it->second : pool;
    if (n.kind == NodeKind::boundary_event) {
      auto host = b.performer.find(n.attached_to);
      if (host != b.performer.end()) who = host->second;
    }
    b.catalog[n.id].performer = who;
    assign_performers(b, n.content, who);
  }
}

}  // namespace

std::string attribute_value(const Extras& extras, std::string_view local) {
  for (const auto& a : extras.attributes) {
    auto colon = a.qname.find(':');
    std::string_view name = colon == std::string::npos ? std::string_view(a.qname) : std::string_view(a.qname).substr(colon + 1);
    if (name == local) return a.value;
  }
  return "";
}

Catalog make_catalog(const Definitions& defs) {
  Builder b;
  for (const auto& cat : defs.categories)
    for (const auto& v : cat.values) b.category_values[v.id] = v.value;
  std::unordered_map<std::string, std::string> pool_of_process;
  std::unordered_map<std::string, std::string> participant_of_process;  // the first that draws it
  for (const auto& col : defs.collaborations) {
    for (const auto& p : col.participants) {
      Subject& s = b.add(p.id, "participant", p.name);
      s.black_box = p.process.empty();
      s.participant = &p;
      s.multiplicity = has_child(p.extras, "participantMultiplicity");
      s.pool = p.id;
      if (!p.process.empty()) pool_of_process[p.process] = p.name;
      if (!p.process.empty()) participant_of_process.emplace(p.process, p.id);
    }
    b.pool = std::string(collaboration_level);  // message flows and the collaboration's artifacts
    for (const auto& m : col.message_flows) {
      Subject& s = b.add(m.id, "messageFlow", m.name);
      s.message_ref = !m.message.empty();
      for (const auto& g : defs.globals)
        if (g.kind == GlobalKind::message && g.id == m.message) s.message_name = g.name.value_or("");
    }
    b.artifacts(col.artifacts);
    b.pool.clear();
  }
  for (const auto& p : defs.processes) {
    auto participant = participant_of_process.find(p.id);
    b.pool = participant == participant_of_process.end() ? "" : participant->second;
    if (p.io) b.io(*p.io);
    b.container(p.content);
    b.pool.clear();
    assign_performers(b, p.content, pool_of_process.count(p.id) ? pool_of_process[p.id] : p.name);
  }
  // A participant without a process of this file is drawn as a black box too.
  for (auto& entry : b.catalog) {
    Subject& s = entry.second;
    if (s.type == "participant" && !s.black_box) {
      const std::string& process = s.participant->process;
      s.black_box = std::none_of(defs.processes.begin(), defs.processes.end(),
                                 [&](const Process& p) { return p.id == process; });
    }
  }
  return std::move(b.catalog);
}

}  // namespace syzba::render
