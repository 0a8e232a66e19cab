#include "diff/inventory.h"

#include <fmt/format.h>

namespace syzba::diff {

namespace {

std::string documentation_of(const model::BaseElement& e) {
  std::string out;
  for (const auto& d : e.documentation) out += (out.empty() ? "" : "\n") + d.text;
  return out;
}

std::string foreign_text(const model::ForeignNode& n) {
  std::string out = n.kind == model::ForeignKind::element ? "<" + n.qname : n.text;
  if (n.kind != model::ForeignKind::element) return out;
  for (const auto& a : n.attributes) out += " " + a.qname + "=\"" + a.value + "\"";
  out += ">";
  for (const auto& c : n.children) out += foreign_text(c);
  return out + "</" + n.qname + ">";
}

// Other tools' attributes and extension elements, ours apart (the duration and service are
// properties of their own), one property per name.
void add_extras(const model::Extras& extras, Entry& entry) {
  for (const auto& a : extras.attributes) entry.properties["extension:" + a.qname] = a.value;
  for (const auto& n : extras.extensions) {
    if (n.kind != model::ForeignKind::element) continue;
    auto& value = entry.properties["extension:" + n.qname];
    value += (value.empty() ? "" : " ") + foreign_text(n);
  }
}

std::string duration_text(const model::Duration& d) {
  return fmt::format("{} {}{}", d.amount, model::unit_name(d.unit), d.text.empty() ? "" : " (" + d.text + ")");
}

std::string service_text(const model::ServiceInfo& s) {
  return fmt::format("{} · {} · {} · {}", s.name, s.regulation, s.appendix, s.source);
}

std::string num(double v) { return fmt::format("{:.1f}", v); }

std::map<std::string, std::string> layout_by_element(const model::Definitions& defs) {
  std::map<std::string, std::string> out;
  for (const auto& d : defs.diagrams)
    for (const auto& e : d.plane.elements) {
      std::string& s = out[e.element];
      if (e.kind == model::DiKind::shape)
        s += num(e.bounds.x) + "," + num(e.bounds.y) + " " + num(e.bounds.width) + "×" + num(e.bounds.height);
      for (const auto& w : e.waypoints) s += " " + num(w.x) + "," + num(w.y);
      if (e.label && e.label->bounds) s += " label " + num(e.label->bounds->x) + "," + num(e.label->bounds->y);
      s += ";";
    }
  return out;
}

class Builder {
 public:
  explicit Builder(const model::Definitions& defs) : defs_(defs), layout_(layout_by_element(defs)) {}

  Inventory build() {
    Entry root = entry(defs_, "definitions", "definitions", defs_.name);
    if (defs_.service) {
      root.properties["service"] = service_text(*defs_.service);
      if (defs_.service->term) root.properties["term"] = duration_text(*defs_.service->term);
    }
    add(std::move(root));
    std::map<std::string, const model::Participant*> pool_of;
    for (const auto& c : defs_.collaborations)
      for (const auto& p : c.participants)
        if (!p.process.empty()) pool_of.emplace(p.process, &p);
    for (const auto& p : defs_.processes) {
      const model::Participant* pool = pool_of.count(p.id) ? pool_of[p.id] : nullptr;
      pool_ = pool ? (pool->name.empty() ? pool->id : pool->name) : "";
      pool_id_ = pool ? pool->id : "";
      Entry e = entry(p, "process", "process", p.name);
      if (p.service) {
        e.properties["service"] = service_text(*p.service);
        if (p.service->term) e.properties["term"] = duration_text(*p.service->term);
      }
      add(std::move(e));
      container(p.content, nullptr);
    }
    for (const auto& c : defs_.collaborations) {
      for (const auto& p : c.participants) {
        Entry e = entry(p, "participant", "participant", p.name);
        e.pool = p.name;
        add(std::move(e));
      }
      for (const auto& m : c.message_flows) {
        Entry e = entry(m, "message", "messageFlow", m.name);
        e.source = m.source;
        e.target = m.target;
        add(std::move(e));
      }
    }
    link_neighbours();
    return std::move(out_);
  }

 private:
  Entry entry(const model::BaseElement& e, std::string family, std::string type, std::string name) {
    Entry out;
    out.id = e.id;
    out.family = std::move(family);
    out.type = std::move(type);
    out.name = std::move(name);
    out.pool = pool_;
    out.pool_id = pool_id_;
    if (auto d = documentation_of(e); !d.empty()) out.properties["documentation"] = d;
    add_extras(e.extras, out);
    if (auto it = layout_.find(e.id); it != layout_.end()) out.layout = it->second;
    return out;
  }

  void add(Entry e) {
    if (e.id.empty() || out_.by_id.count(e.id)) return;  // an id-less or repeated element cannot be told apart
    out_.by_id.emplace(e.id, out_.entries.size());
    out_.entries.push_back(std::move(e));
  }

  void lanes(const std::vector<model::LaneSet>& sets, std::map<std::string, const model::Lane*>& lane_of) {
    for (const auto& set : sets)
      for (const auto& lane : set.lanes) {
        add(entry(lane, "lane", "lane", lane.name));
        for (const auto& n : lane.flow_node_refs) lane_of[n] = &lane;
        lanes(lane.child_lane_sets, lane_of);  // the innermost lane wins
      }
  }

  void container(const model::Container& c, const model::Lane* outer_lane) {
    std::map<std::string, const model::Lane*> lane_of;
    lanes(c.lane_sets, lane_of);
    std::map<std::string, std::string> data_name;
    for (const auto& d : c.data_object_refs) data_name[d.id] = d.name;
    for (const auto& d : c.data_objects) data_name[d.id] = d.name;
    for (const auto& d : c.data_store_refs) data_name[d.id] = d.name;
    for (const auto& n : c.nodes) {
      std::string type(model::type_name(n.kind));
      for (const auto& d : n.event_definitions) type += "/" + std::string(model::type_name(d.kind));
      Entry e = entry(n, "node", type, n.name);
      const model::Lane* lane = lane_of.count(n.id) ? lane_of[n.id] : outer_lane;
      if (lane) {
        e.lane = lane->name.empty() ? lane->id : lane->name;
        e.lane_id = lane->id;
      }
      if (n.duration) e.properties["duration"] = duration_text(*n.duration);
      if (!n.default_flow.empty()) e.properties["default"] = n.default_flow;
      if (!n.attached_to.empty()) e.properties["attachedTo"] = n.attached_to;
      std::string outputs;
      for (const auto& o : n.data_outputs) {
        std::string target = data_name.count(o.target) ? data_name[o.target] : o.target;
        outputs += (outputs.empty() ? "" : ", ") + target;
      }
      if (!outputs.empty()) e.properties["output"] = outputs;
      add(std::move(e));
      container(n.content, lane);
    }
    for (const auto& f : c.flows) {
      Entry e = entry(f, "flow", "sequenceFlow", f.name);
      e.source = f.source;
      e.target = f.target;
      if (f.condition) e.properties["condition"] = f.condition->text;
      add(std::move(e));
    }
    for (const auto& d : c.data_object_refs) add(entry(d, "data", "dataObjectReference", d.name));
    for (const auto& d : c.data_store_refs) add(entry(d, "data", "dataStoreReference", d.name));
    for (const auto& a : c.artifacts) {
      Entry e = entry(a, "artifact", std::string(model::type_name(a.kind)), a.text);
      e.source = a.source;
      e.target = a.target;
      add(std::move(e));
    }
  }

  void link_neighbours() {
    for (const auto& e : out_.entries) {
      if (e.family != "flow") continue;
      auto s = out_.by_id.find(e.source), t = out_.by_id.find(e.target);
      if (s == out_.by_id.end() || t == out_.by_id.end()) continue;
      out_.entries[s->second].neighbours.push_back(e.target);
      out_.entries[t->second].neighbours.push_back(e.source);
    }
  }

  const model::Definitions& defs_;
  std::map<std::string, std::string> layout_;
  std::string pool_, pool_id_;
  Inventory out_;
};

}  // namespace

Inventory inventory_of(const model::Definitions& defs) { return Builder(defs).build(); }

}  // namespace syzba::diff
