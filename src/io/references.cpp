// References written as QNames ("bpmn2:Task_1", "A.3.0-export:bpmnid-…"): the schema types
// sourceRef, attachedToRef, bpmnElement … as xsd:QName, and some tools (GenMyModel, IBM
// Process Designer) write the prefix. bpmn-moddle resolves them by the local part and writes
// the bare id back; so does the reader, once, so that every later step (layout, render, the
// text form, the table) can look elements up by their id. A reference that is itself an id,
// or whose local part is not one, is left as written (check reports it if it dangles).
#include <unordered_set>

#include "io/references.h"

namespace syzba::io {
namespace {

class Unqualifier {
 public:
  explicit Unqualifier(const model::Definitions& defs) : defs_(defs) {}

  int changed = 0;

  void ref(std::string& r) {
    auto colon = r.find(':');
    if (colon == std::string::npos) return;
    if (ids_.empty()) index();  // most files have no prefixed reference: no index for them
    std::string_view local = std::string_view(r).substr(colon + 1);
    if (ids_.count(r) || !ids_.count(local)) return;
    r.erase(0, colon + 1);
    ++changed;
  }
  void refs(std::vector<std::string>& list) {
    for (auto& r : list) ref(r);
  }

  void container(model::Container& c) {
    for (auto& set : c.lane_sets) lane_set(set);
    for (auto& n : c.nodes) node(n);
    for (auto& d : c.data_object_refs) ref(d.data_object);
    for (auto& d : c.data_store_refs) ref(d.data_store);
    for (auto& f : c.flows) {
      ref(f.source);
      ref(f.target);
    }
    artifacts(c.artifacts);
  }
  void lane_set(model::LaneSet& set) {
    for (auto& lane : set.lanes) {
      refs(lane.flow_node_refs);
      for (auto& child : lane.child_lane_sets) lane_set(child);
    }
  }
  void node(model::FlowNode& n) {
    refs(n.incoming);
    refs(n.outgoing);
    ref(n.default_flow);
    ref(n.attached_to);
    ref(n.called_element);
    for (auto& d : n.event_definitions) ref(d.ref);
    for (auto* list : {&n.data_inputs, &n.data_outputs})
      for (auto& a : *list) {
        refs(a.sources);
        ref(a.target);
      }
    if (auto* inner = n.content.get()) container(*inner);  // a task has none: none is made
  }
  void artifacts(std::vector<model::Artifact>& list) {
    for (auto& a : list) {
      ref(a.source);
      ref(a.target);
      ref(a.category_value);
    }
  }
  void definitions(model::Definitions& defs) {
    for (auto& c : defs.collaborations) {
      for (auto& p : c.participants) ref(p.process);
      for (auto& m : c.message_flows) {
        ref(m.source);
        ref(m.target);
        ref(m.message);
      }
      artifacts(c.artifacts);
    }
    for (auto& p : defs.processes) container(p.content);
    for (auto& d : defs.diagrams) {
      ref(d.plane.element);
      for (auto& e : d.plane.elements) {
        ref(e.element);
        ref(e.source_element);
        ref(e.target_element);
      }
    }
  }

 private:
  void index() {
    model::for_each_element(defs_, [&](const model::BaseElement& e, model::ElementClass, std::string_view) {
      if (!e.id.empty()) ids_.insert(e.id);
    });
  }
  const model::Definitions& defs_;
  std::unordered_set<std::string_view> ids_;  // views of the ids, which this never changes
};

}  // namespace

int unqualify_references(model::Definitions& defs) {
  Unqualifier u(defs);
  u.definitions(defs);
  return u.changed;
}

}  // namespace syzba::io
