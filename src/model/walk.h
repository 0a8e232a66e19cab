#pragma once
// A walk over every element of a Definitions, depth first in document order of each
// collection, telling the visitor what class of element it meets and its BPMN type name.
// Included by model.h; not meant to be included on its own.

namespace syzba::model {

// Classes of element that references distinguish (a sourceRef wants a flow node, ...).
enum class ElementClass {
  flow_node, sequence_flow, message_flow, participant, process, collaboration, lane, lane_set,
  data_object, data_object_reference, data_store_reference, data_item, artifact, global,
  category, category_value, event_definition, loop, data_association, expression,
  io_specification, diagram, plane, di_shape, di_edge, di_label, label_style, definitions,
};

namespace detail {

template <class Visit>
void walk_lane_set(const LaneSet& set, Visit& visit) {
  visit(static_cast<const BaseElement&>(set), ElementClass::lane_set, "laneSet");
  for (const auto& lane : set.lanes) {
    visit(static_cast<const BaseElement&>(lane), ElementClass::lane, "lane");
    for (const auto& child : lane.child_lane_sets) walk_lane_set(child, visit);
  }
}

template <class Visit>
void walk_io(const IoSpecification& io, Visit& visit) {
  visit(static_cast<const BaseElement&>(io), ElementClass::io_specification, "ioSpecification");
  for (const auto& item : io.inputs) visit(static_cast<const BaseElement&>(item), ElementClass::data_item, "dataInput");
  for (const auto& item : io.outputs) visit(static_cast<const BaseElement&>(item), ElementClass::data_item, "dataOutput");
}

template <class Visit>
void walk_artifacts(const std::vector<Artifact>& artifacts, Visit& visit) {
  for (const auto& a : artifacts) visit(static_cast<const BaseElement&>(a), ElementClass::artifact, type_name(a.kind));
}

template <class Visit>
void walk_container(const Container& c, Visit& visit);

template <class Visit>
void walk_node(const FlowNode& n, Visit& visit) {
  visit(static_cast<const BaseElement&>(n), ElementClass::flow_node, type_name(n.kind));
  for (const auto& d : n.event_definitions) visit(static_cast<const BaseElement&>(d), ElementClass::event_definition, type_name(d.kind));
  if (n.loop) visit(static_cast<const BaseElement&>(*n.loop), ElementClass::loop,
                    n.loop->multi_instance ? "multiInstanceLoopCharacteristics" : "standardLoopCharacteristics");
  if (n.io) walk_io(*n.io, visit);
  for (const auto& a : n.data_inputs) visit(static_cast<const BaseElement&>(a), ElementClass::data_association, "dataInputAssociation");
  for (const auto& a : n.data_outputs) visit(static_cast<const BaseElement&>(a), ElementClass::data_association, "dataOutputAssociation");
  walk_container(n.content, visit);
}

template <class Visit>
void walk_container(const Container& c, Visit& visit) {
  for (const auto& set : c.lane_sets) walk_lane_set(set, visit);
  for (const auto& n : c.nodes) walk_node(n, visit);
  for (const auto& d : c.data_objects) visit(static_cast<const BaseElement&>(d), ElementClass::data_object, "dataObject");
  for (const auto& d : c.data_object_refs) visit(static_cast<const BaseElement&>(d), ElementClass::data_object_reference, "dataObjectReference");
  for (const auto& d : c.data_store_refs) visit(static_cast<const BaseElement&>(d), ElementClass::data_store_reference, "dataStoreReference");
  for (const auto& f : c.flows) {
    visit(static_cast<const BaseElement&>(f), ElementClass::sequence_flow, "sequenceFlow");
    if (f.condition) visit(static_cast<const BaseElement&>(*f.condition), ElementClass::expression, "conditionExpression");
  }
  walk_artifacts(c.artifacts, visit);
}

}  // namespace detail

// visit(const BaseElement&, ElementClass, std::string_view type) for every element that can
// carry an id, from the definitions down to DI labels.
template <class Visit>
void for_each_element(const Definitions& defs, Visit&& visit) {
  visit(static_cast<const BaseElement&>(defs), ElementClass::definitions, "definitions");
  for (const auto& g : defs.globals) visit(static_cast<const BaseElement&>(g), ElementClass::global, type_name(g.kind));
  for (const auto& cat : defs.categories) {
    visit(static_cast<const BaseElement&>(cat), ElementClass::category, "category");
    for (const auto& v : cat.values) visit(static_cast<const BaseElement&>(v), ElementClass::category_value, "categoryValue");
  }
  for (const auto& col : defs.collaborations) {
    visit(static_cast<const BaseElement&>(col), ElementClass::collaboration, "collaboration");
    for (const auto& p : col.participants) visit(static_cast<const BaseElement&>(p), ElementClass::participant, "participant");
    for (const auto& m : col.message_flows) visit(static_cast<const BaseElement&>(m), ElementClass::message_flow, "messageFlow");
    detail::walk_artifacts(col.artifacts, visit);
  }
  for (const auto& p : defs.processes) {
    visit(static_cast<const BaseElement&>(p), ElementClass::process, "process");
    if (p.io) detail::walk_io(*p.io, visit);
    detail::walk_container(p.content, visit);
  }
  for (const auto& d : defs.diagrams) {
    visit(static_cast<const BaseElement&>(d), ElementClass::diagram, "BPMNDiagram");
    visit(static_cast<const BaseElement&>(d.plane), ElementClass::plane, "BPMNPlane");
    for (const auto& e : d.plane.elements) {
      visit(static_cast<const BaseElement&>(e), e.kind == DiKind::shape ? ElementClass::di_shape : ElementClass::di_edge,
            e.kind == DiKind::shape ? "BPMNShape" : "BPMNEdge");
      if (e.label) visit(static_cast<const BaseElement&>(*e.label), ElementClass::di_label, "BPMNLabel");
    }
    for (const auto& s : d.label_styles) visit(static_cast<const BaseElement&>(s), ElementClass::label_style, "BPMNLabelStyle");
  }
}

}  // namespace syzba::model
