// model → BPMN 2.0 XML.
//
// Each element is written by the same pattern: open it with its id, write its known
// attributes, then head() (kept attributes, documentation, extension elements), its modelled
// children in the schema's order, and close() (kept children put back by their slots).
// Namespace prefixes are the ones the document declared on its root, so kept foreign content
// and QName values stay valid; missing ones get the usual prefixes.
#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "io/io.h"

namespace syzba::io {
namespace {

using model::BaseElement;
using model::ForeignNode;

class Writer {
 public:
  explicit Writer(const model::Definitions& defs);
  std::string write();

 private:
  // --- the common pattern -------------------------------------------------------------
  pugi::xml_node open(pugi::xml_node parent, const std::string& prefix, std::string_view local, const BaseElement& base);
  pugi::xml_node open(pugi::xml_node parent, std::string_view local, const BaseElement& base) {
    return open(parent, model_, local, base);
  }
  void head(pugi::xml_node node, const BaseElement& base, const std::vector<ForeignNode>& syzba_extensions = {});
  void close(pugi::xml_node node, const BaseElement& base);

  static void attribute(pugi::xml_node node, const char* name, const std::string& value) {
    if (!value.empty()) node.append_attribute(name).set_value(value.c_str());
  }
  static void attribute(pugi::xml_node node, const char* name, std::optional<bool> value) {
    if (value) node.append_attribute(name).set_value(*value ? "true" : "false");
  }
  static void attribute(pugi::xml_node node, const char* name, double value) {
    node.append_attribute(name).set_value(fmt::format("{}", value).c_str());
  }
  void text_element(pugi::xml_node parent, std::string_view local, const std::string& text) {
    parent.append_child(qualified(model_, local).c_str()).text().set(text.c_str());
  }
  static pugi::xml_node place(pugi::xml_node parent, pugi::xml_node after, pugi::xml_node before, pugi::xml_node_type type);
  static void put_foreign(pugi::xml_node node, const ForeignNode& f);
  static void append_foreign(pugi::xml_node parent, const ForeignNode& f) { put_foreign(parent.append_child(node_type(f)), f); }
  static pugi::xml_node_type node_type(const ForeignNode& f) {
    switch (f.kind) {
      case model::ForeignKind::element: return pugi::node_element;
      case model::ForeignKind::text: return pugi::node_pcdata;
      case model::ForeignKind::cdata: return pugi::node_cdata;
      case model::ForeignKind::comment: return pugi::node_comment;
      case model::ForeignKind::processing_instruction: return pugi::node_pi;
    }
    return pugi::node_comment;
  }
  static std::string qualified(const std::string& prefix, std::string_view local) {
    return prefix.empty() ? std::string(local) : prefix + ":" + std::string(local);
  }
  std::string prefix_for(std::string_view uri, const std::string& usual);
  ForeignNode duration_node(const model::Duration& d, std::string_view local) const;
  ForeignNode service_node(const model::ServiceInfo& s) const;

  // --- per type -----------------------------------------------------------------------
  void write_process(pugi::xml_node parent, const model::Process& p);
  void write_container(pugi::xml_node node, const model::Container& c);
  void write_node(pugi::xml_node parent, const model::FlowNode& n);
  void write_io(pugi::xml_node parent, const model::IoSpecification& io);
  void write_lane_set(pugi::xml_node parent, std::string_view local, const model::LaneSet& set);
  void write_artifacts(pugi::xml_node parent, const std::vector<model::Artifact>& artifacts);
  void write_collaboration(pugi::xml_node parent, const model::Collaboration& c);
  void write_diagram(pugi::xml_node parent, const model::Diagram& d);
  void write_bounds(pugi::xml_node parent, const model::Bounds& b);

  const model::Definitions& defs_;
  std::vector<model::Namespace> namespaces_;
  std::string model_, bpmndi_, dc_, di_, syzba_;
};

Writer::Writer(const model::Definitions& defs) : defs_(defs), namespaces_(defs.namespaces) {
  model_ = prefix_for(bpmn_model_ns, "bpmn");
  if (!defs.diagrams.empty()) {
    bpmndi_ = prefix_for(bpmn_di_ns, "bpmndi");
    dc_ = prefix_for(dd_dc_ns, "dc");
    di_ = prefix_for(dd_di_ns, "di");
  }
  syzba_ = prefix_for(syzba_ns, "syzba");
}

// The prefix the document uses for a namespace; a new declaration with the usual prefix
// (numbered if that is taken) when it has none.
std::string Writer::prefix_for(std::string_view uri, const std::string& usual) {
  for (const auto& n : namespaces_)
    if (n.uri == uri) return n.prefix;
  if (uri == syzba_ns) return usual;  // declared only when used, see write()
  std::string prefix = usual;
  auto taken = [&](const std::string& p) {
    return std::any_of(namespaces_.begin(), namespaces_.end(), [&](const auto& n) { return n.prefix == p; });
  };
  for (int k = 2; taken(prefix); ++k) prefix = usual + std::to_string(k);
  namespaces_.push_back({prefix, std::string(uri)});
  return prefix;
}

pugi::xml_node Writer::open(pugi::xml_node parent, const std::string& prefix, std::string_view local,
                            const BaseElement& base) {
  auto node = parent.append_child(qualified(prefix, local).c_str());
  attribute(node, "id", base.id);
  return node;
}

void Writer::head(pugi::xml_node node, const BaseElement& base, const std::vector<ForeignNode>& syzba_extensions) {
  for (const auto& a : base.extras.attributes) node.append_attribute(a.qname.c_str()).set_value(a.value.c_str());
  for (const auto& d : base.documentation) {
    auto doc = node.append_child(qualified(model_, "documentation").c_str());
    attribute(doc, "id", d.id);
    attribute(doc, "textFormat", d.text_format);
    for (const auto& a : d.extras.attributes) doc.append_attribute(a.qname.c_str()).set_value(a.value.c_str());
    if (!d.text.empty()) doc.append_child(pugi::node_pcdata).set_value(d.text.c_str());
    for (const auto& c : d.extras.children) append_foreign(doc, c);
  }
  if (base.extras.has_extension_elements || !syzba_extensions.empty()) {
    auto ext = node.append_child(qualified(model_, "extensionElements").c_str());
    for (const auto& a : base.extras.extension_attributes) ext.append_attribute(a.qname.c_str()).set_value(a.value.c_str());
    for (const auto& f : syzba_extensions) append_foreign(ext, f);
    for (const auto& f : base.extras.extensions) append_foreign(ext, f);
  }
}

// A new child of the given type: after a sibling, before one, or at the end.
pugi::xml_node Writer::place(pugi::xml_node parent, pugi::xml_node after, pugi::xml_node before,
                             pugi::xml_node_type type) {
  if (after) return parent.insert_child_after(type, after);
  if (before) return parent.insert_child_before(type, before);
  return parent.append_child(type);
}

void Writer::close(pugi::xml_node node, const BaseElement& base) {
  if (base.extras.children.empty()) return;
  std::vector<pugi::xml_node> modelled;
  for (auto c : node.children())
    if (c.type() == pugi::node_element) modelled.push_back(c);
  std::map<int, pugi::xml_node> last_in_slot;
  for (const auto& f : base.extras.children) {
    int slot = std::clamp(f.slot, 0, static_cast<int>(modelled.size()));
    pugi::xml_node after = last_in_slot.count(slot) ? last_in_slot[slot] : slot > 0 ? modelled[slot - 1] : pugi::xml_node();
    pugi::xml_node before = modelled.empty() ? pugi::xml_node() : modelled.front();
    auto placed = place(node, after, slot == 0 && !after ? before : pugi::xml_node(), node_type(f));
    put_foreign(placed, f);
    last_in_slot[slot] = placed;
  }
}

// Fills a node of the foreign node's type with its name, attributes, text and children.
void Writer::put_foreign(pugi::xml_node node, const ForeignNode& f) {
  switch (f.kind) {
    case model::ForeignKind::text:
    case model::ForeignKind::cdata:
    case model::ForeignKind::comment: node.set_value(f.text.c_str()); return;
    case model::ForeignKind::processing_instruction:
      node.set_name(f.qname.c_str());
      node.set_value(f.text.c_str());
      return;
    case model::ForeignKind::element: break;
  }
  node.set_name(f.qname.c_str());
  for (const auto& a : f.attributes) node.append_attribute(a.qname.c_str()).set_value(a.value.c_str());
  for (const auto& c : f.children) append_foreign(node, c);
}

ForeignNode Writer::duration_node(const model::Duration& d, std::string_view local) const {
  ForeignNode n;
  n.qname = qualified(syzba_, local);
  n.ns = std::string(syzba_ns);
  n.attributes.push_back({"amount", "", fmt::format("{}", d.amount)});
  n.attributes.push_back({"unit", "", std::string(model::unit_name(d.unit))});
  if (!d.text.empty()) n.attributes.push_back({"text", "", d.text});
  return n;
}

ForeignNode Writer::service_node(const model::ServiceInfo& s) const {
  ForeignNode n;
  n.qname = qualified(syzba_, "service");
  n.ns = std::string(syzba_ns);
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) n.attributes.push_back({name, "", value});
  };
  add("name", s.name);
  add("regulation", s.regulation);
  add("appendix", s.appendix);
  add("source", s.source);
  if (s.term) n.children.push_back(duration_node(*s.term, "term"));
  return n;
}

// ---------------------------------------------------------------------------------------
std::string Writer::write() {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  for (const auto& p : defs_.prolog) append_foreign(doc, p);
  bool uses_syzba = defs_.service.has_value();
  for (const auto& p : defs_.processes) uses_syzba = uses_syzba || p.service.has_value();
  model::for_each_element(defs_, [&](const BaseElement& e, model::ElementClass cls, std::string_view) {
    if (cls == model::ElementClass::flow_node && static_cast<const model::FlowNode&>(e).duration) uses_syzba = true;
  });
  auto declared = [&](std::string_view uri) {
    return std::any_of(namespaces_.begin(), namespaces_.end(), [&](const auto& n) { return n.uri == uri; });
  };
  if (uses_syzba && !declared(syzba_ns)) {
    std::string prefix = syzba_;
    for (int k = 2; std::any_of(namespaces_.begin(), namespaces_.end(), [&](const auto& n) { return n.prefix == prefix; }); ++k)
      prefix = "syzba" + std::to_string(k);
    syzba_ = prefix;
    namespaces_.push_back({prefix, std::string(syzba_ns)});
  }

  auto root = doc.append_child(qualified(model_, "definitions").c_str());
  for (const auto& n : namespaces_)
    root.append_attribute(n.prefix.empty() ? "xmlns" : ("xmlns:" + n.prefix).c_str()).set_value(n.uri.c_str());
  attribute(root, "id", defs_.id);
  attribute(root, "name", defs_.name);
  attribute(root, "targetNamespace", defs_.target_namespace);
  std::vector<ForeignNode> syzba;
  if (defs_.service) syzba.push_back(service_node(*defs_.service));
  head(root, defs_, syzba);
  for (const auto& g : defs_.globals) {
    auto node = open(root, model::type_name(g.kind), g);
    attribute(node, "name", g.name);
    head(node, g);
    close(node, g);
  }
  for (const auto& cat : defs_.categories) {
    auto node = open(root, "category", cat);
    attribute(node, "name", cat.name);
    head(node, cat);
    for (const auto& v : cat.values) {
      auto value = open(node, "categoryValue", v);
      attribute(value, "value", v.value);
      head(value, v);
      close(value, v);
    }
    close(node, cat);
  }
  for (const auto& c : defs_.collaborations) write_collaboration(root, c);
  for (const auto& p : defs_.processes) write_process(root, p);
  for (const auto& d : defs_.diagrams) write_diagram(root, d);
  close(root, defs_);

  struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
  } writer;
  doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
  return std::move(writer.out);
}

void Writer::write_process(pugi::xml_node parent, const model::Process& p) {
  auto node = open(parent, "process", p);
  attribute(node, "name", p.name);
  std::vector<ForeignNode> syzba;
  if (p.service) syzba.push_back(service_node(*p.service));
  head(node, p, syzba);
  if (p.io) write_io(node, *p.io);
  write_container(node, p.content);
  close(node, p);
}

void Writer::write_container(pugi::xml_node node, const model::Container& c) {
  for (const auto& set : c.lane_sets) write_lane_set(node, "laneSet", set);
  for (const auto& n : c.nodes) write_node(node, n);
  for (const auto& d : c.data_objects) {
    auto e = open(node, "dataObject", d);
    attribute(e, "name", d.name);
    attribute(e, "isCollection", d.is_collection);
    head(e, d);
    close(e, d);
  }
  for (const auto& d : c.data_object_refs) {
    auto e = open(node, "dataObjectReference", d);
    attribute(e, "name", d.name);
    attribute(e, "dataObjectRef", d.data_object);
    head(e, d);
    close(e, d);
  }
  for (const auto& d : c.data_store_refs) {
    auto e = open(node, "dataStoreReference", d);
    attribute(e, "name", d.name);
    attribute(e, "dataStoreRef", d.data_store);
    head(e, d);
    close(e, d);
  }
  for (const auto& f : c.flows) {
    auto e = open(node, "sequenceFlow", f);
    attribute(e, "name", f.name);
    attribute(e, "sourceRef", f.source);
    attribute(e, "targetRef", f.target);
    head(e, f);
    if (f.condition) {
      auto cond = open(e, "conditionExpression", *f.condition);
      head(cond, *f.condition);
      if (!f.condition->text.empty()) cond.append_child(pugi::node_pcdata).set_value(f.condition->text.c_str());
      close(cond, *f.condition);
    }
    close(e, f);
  }
  write_artifacts(node, c.artifacts);
}

void Writer::write_node(pugi::xml_node parent, const model::FlowNode& n) {
  auto node = open(parent, model::type_name(n.kind), n);
  attribute(node, "name", n.name);
  attribute(node, "default", n.default_flow);
  attribute(node, "attachedToRef", n.attached_to);
  attribute(node, "cancelActivity", n.cancel_activity);
  attribute(node, "isInterrupting", n.is_interrupting);
  attribute(node, "parallelMultiple", n.parallel_multiple);
  attribute(node, "isForCompensation", n.is_for_compensation);
  attribute(node, "triggeredByEvent", n.triggered_by_event);
  attribute(node, "calledElement", n.called_element);
  std::vector<ForeignNode> syzba;
  if (n.duration) syzba.push_back(duration_node(*n.duration, "duration"));
  head(node, n, syzba);
  for (const auto& id : n.incoming) text_element(node, "incoming", id);
  for (const auto& id : n.outgoing) text_element(node, "outgoing", id);
  if (n.io) write_io(node, *n.io);
  for (const auto& a : n.data_inputs) {
    auto e = open(node, "dataInputAssociation", a);
    head(e, a);
    for (const auto& s : a.sources) text_element(e, "sourceRef", s);
    if (!a.target.empty()) text_element(e, "targetRef", a.target);
    close(e, a);
  }
  for (const auto& a : n.data_outputs) {
    auto e = open(node, "dataOutputAssociation", a);
    head(e, a);
    for (const auto& s : a.sources) text_element(e, "sourceRef", s);
    if (!a.target.empty()) text_element(e, "targetRef", a.target);
    close(e, a);
  }
  if (n.loop) {
    auto e = open(node, n.loop->multi_instance ? "multiInstanceLoopCharacteristics" : "standardLoopCharacteristics", *n.loop);
    attribute(e, "isSequential", n.loop->is_sequential);
    head(e, *n.loop);
    close(e, *n.loop);
  }
  write_container(node, n.content);
  for (const auto& d : n.event_definitions) {
    auto e = open(node, model::type_name(d.kind), d);
    attribute(e, "name", d.name);
    const char* ref_name = d.kind == model::EventKind::message ? "messageRef"
                           : d.kind == model::EventKind::signal ? "signalRef"
                           : d.kind == model::EventKind::error ? "errorRef"
                                                                : "escalationRef";
    attribute(e, ref_name, d.ref);
    head(e, d);
    close(e, d);
  }
  close(node, n);
}

void Writer::write_io(pugi::xml_node parent, const model::IoSpecification& io) {
  auto node = open(parent, "ioSpecification", io);
  head(node, io);
  auto item = [&](std::string_view local, const model::DataItem& d) {
    auto e = open(node, local, d);
    attribute(e, "name", d.name);
    attribute(e, "isCollection", d.is_collection);
    head(e, d);
    close(e, d);
  };
  for (const auto& d : io.inputs) item("dataInput", d);
  for (const auto& d : io.outputs) item("dataOutput", d);
  close(node, io);
}

void Writer::write_lane_set(pugi::xml_node parent, std::string_view local, const model::LaneSet& set) {
  auto node = open(parent, local, set);
  attribute(node, "name", set.name);
  head(node, set);
  for (const auto& lane : set.lanes) {
    auto e = open(node, "lane", lane);
    attribute(e, "name", lane.name);
    head(e, lane);
    for (const auto& ref : lane.flow_node_refs) text_element(e, "flowNodeRef", ref);
    for (const auto& child : lane.child_lane_sets) write_lane_set(e, "childLaneSet", child);
    close(e, lane);
  }
  close(node, set);
}

void Writer::write_artifacts(pugi::xml_node parent, const std::vector<model::Artifact>& artifacts) {
  for (const auto& a : artifacts) {
    auto e = open(parent, model::type_name(a.kind), a);
    attribute(e, "sourceRef", a.source);
    attribute(e, "targetRef", a.target);
    attribute(e, "categoryValueRef", a.category_value);
    head(e, a);
    if (a.kind == model::ArtifactKind::text_annotation) text_element(e, "text", a.text);
    close(e, a);
  }
}

void Writer::write_collaboration(pugi::xml_node parent, const model::Collaboration& c) {
  auto node = open(parent, "collaboration", c);
  attribute(node, "name", c.name);
  head(node, c);
  for (const auto& p : c.participants) {
    auto e = open(node, "participant", p);
    attribute(e, "name", p.name);
    attribute(e, "processRef", p.process);
    head(e, p);
    close(e, p);
  }
  for (const auto& m : c.message_flows) {
    auto e = open(node, "messageFlow", m);
    attribute(e, "name", m.name);
    attribute(e, "sourceRef", m.source);
    attribute(e, "targetRef", m.target);
    attribute(e, "messageRef", m.message);
    head(e, m);
    close(e, m);
  }
  write_artifacts(node, c.artifacts);
  close(node, c);
}

void Writer::write_bounds(pugi::xml_node parent, const model::Bounds& b) {
  auto e = parent.append_child(qualified(dc_, "Bounds").c_str());
  attribute(e, "x", b.x);
  attribute(e, "y", b.y);
  attribute(e, "width", b.width);
  attribute(e, "height", b.height);
}

void Writer::write_diagram(pugi::xml_node parent, const model::Diagram& d) {
  auto node = open(parent, bpmndi_, "BPMNDiagram", d);
  attribute(node, "name", d.name);
  head(node, d);
  auto plane = open(node, bpmndi_, "BPMNPlane", d.plane);
  attribute(plane, "bpmnElement", d.plane.element);
  head(plane, d.plane);
  for (const auto& e : d.plane.elements) {
    bool shape = e.kind == model::DiKind::shape;
    auto x = open(plane, bpmndi_, shape ? "BPMNShape" : "BPMNEdge", e);
    attribute(x, "bpmnElement", e.element);
    attribute(x, "isHorizontal", e.is_horizontal);
    attribute(x, "isExpanded", e.is_expanded);
    attribute(x, "isMarkerVisible", e.is_marker_visible);
    attribute(x, "isMessageVisible", e.is_message_visible);
    attribute(x, "sourceElement", e.source_element);
    attribute(x, "targetElement", e.target_element);
    head(x, e);
    if (shape) write_bounds(x, e.bounds);
    for (const auto& w : e.waypoints) {
      auto p = x.append_child(qualified(di_, "waypoint").c_str());
      for (const auto& a : w.attributes) p.append_attribute(a.qname.c_str()).set_value(a.value.c_str());
      attribute(p, "x", w.x);
      attribute(p, "y", w.y);
    }
    if (e.label) {
      auto label = open(x, bpmndi_, "BPMNLabel", *e.label);
      attribute(label, "labelStyle", e.label->label_style);
      head(label, *e.label);
      if (e.label->bounds) write_bounds(label, *e.label->bounds);
      close(label, *e.label);
    }
    close(x, e);
  }
  close(plane, d.plane);
  for (const auto& s : d.label_styles) {
    auto e = open(node, bpmndi_, "BPMNLabelStyle", s);
    head(e, s);
    close(e, s);
  }
  close(node, d);
}

}  // namespace

std::string write_bpmn(const model::Definitions& definitions) { return Writer(definitions).write(); }

}  // namespace syzba::io
