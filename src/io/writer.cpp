// model → BPMN 2.0 XML.
//
// Each element is written by the same pattern: open it with its id, write its known
// attributes, then head() (kept attributes, documentation, extension elements), its modelled
// children in the schema's order, and close(). Kept children go back by their slots: before
// the n-th modelled child go those that had fewer than n modelled children before them.
// The output is streamed (XmlOut), so writing needs little memory beyond the text itself.
// Namespace prefixes are the ones the document declared on its root, so kept foreign content
// and QName values stay valid; missing ones get the usual prefixes.
#include <fmt/format.h>

#include <algorithm>

#include "io/io.h"
#include "io/xml_out.h"

namespace syzba::io {
namespace {

using model::BaseElement;
using model::ForeignNode;

class Writer {
 public:
  Writer(const model::Definitions& defs, std::ostream* sink);
  std::string write();

 private:
  // --- the common pattern -------------------------------------------------------------
  void open(const std::string& prefix, std::string_view local, const BaseElement& base);
  void open(std::string_view local, const BaseElement& base) { open(model_, local, base); }
  void head(const BaseElement& base, const std::vector<ForeignNode>& syzba_extensions = {});
  void close();
  void before_modelled_child();  // puts back the kept children whose slot has come

  void attribute(const char* name, const std::string& value) {
    if (!value.empty()) out_.attribute(name, value);
  }
  void attribute(const char* name, std::optional<bool> value) {
    if (value) out_.attribute(name, *value ? "true" : "false");
  }
  void attribute(const char* name, double value) { out_.attribute(name, fmt::format("{}", value)); }
  void text_element(std::string_view local, const std::string& text);
  void foreign(const ForeignNode& f);
  static std::string qualified(const std::string& prefix, std::string_view local) {
    return prefix.empty() ? std::string(local) : prefix + ":" + std::string(local);
  }
  std::string prefix_for(std::string_view uri, const std::string& usual);
  ForeignNode duration_node(const model::Duration& d, std::string_view local) const;
  ForeignNode service_node(const model::ServiceInfo& s) const;

  // --- per type -----------------------------------------------------------------------
  void write_process(const model::Process& p);
  void write_container(const model::Container& c);
  void write_node(const model::FlowNode& n);
  void write_io(const model::IoSpecification& io);
  void write_data_association(std::string_view local, const model::DataAssociation& a);
  void write_lane_set(std::string_view local, const model::LaneSet& set);
  void write_artifacts(const std::vector<model::Artifact>& artifacts);
  void write_collaboration(const model::Collaboration& c);
  void write_diagram(const model::Diagram& d);
  void write_bounds(const model::Bounds& b);

  struct Scope {
    const BaseElement* base;
    std::size_t next_kept = 0;  // index of the next kept child to put back
    int modelled = 0;           // modelled children written so far
  };

  const model::Definitions& defs_;
  std::vector<model::Namespace> namespaces_;
  std::string model_, bpmndi_, dc_, di_, syzba_;
  XmlOut out_;
  std::vector<Scope> scopes_;
};

bool has_text_child(const std::vector<ForeignNode>& children) {
  return std::any_of(children.begin(), children.end(), [](const ForeignNode& c) {
    return c.kind == model::ForeignKind::text || c.kind == model::ForeignKind::cdata;
  });
}

Writer::Writer(const model::Definitions& defs, std::ostream* sink)
    : defs_(defs), namespaces_(defs.namespaces), out_(sink) {
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

void Writer::before_modelled_child() {
  if (scopes_.empty()) return;
  Scope& scope = scopes_.back();
  const auto& kept = scope.base->extras->children;
  while (scope.next_kept < kept.size() && kept[scope.next_kept].slot <= scope.modelled) foreign(kept[scope.next_kept++]);
  ++scope.modelled;
}

void Writer::open(const std::string& prefix, std::string_view local, const BaseElement& base) {
  before_modelled_child();
  out_.start(qualified(prefix, local), has_text_child(base.extras->children));
  scopes_.push_back({&base});
  attribute("id", base.id);
}

void Writer::close() {
  Scope& scope = scopes_.back();
  const auto& kept = scope.base->extras->children;
  while (scope.next_kept < kept.size()) foreign(kept[scope.next_kept++]);
  scopes_.pop_back();
  out_.end();
}

void Writer::text_element(std::string_view local, const std::string& text) {
  before_modelled_child();
  out_.start(qualified(model_, local));
  out_.text(text);
  out_.end();
}

void Writer::head(const BaseElement& base, const std::vector<ForeignNode>& syzba_extensions) {
  for (const auto& a : base.extras->attributes) out_.attribute(a.qname, a.value);
  for (const auto& d : base.documentation) {
    before_modelled_child();
    out_.start(qualified(model_, "documentation"), !d.text.empty() || has_text_child(d.extras->children));
    attribute("id", d.id);
    attribute("textFormat", d.text_format);
    for (const auto& a : d.extras->attributes) out_.attribute(a.qname, a.value);
    if (d.extras->children.empty() && !d.text.empty()) out_.text(d.text);
    for (const auto& c : d.extras->children) foreign(c);  // mixed content, text included
    out_.end();
  }
  if (base.extras->has_extension_elements || !syzba_extensions.empty()) {
    before_modelled_child();
    out_.start(qualified(model_, "extensionElements"));
    for (const auto& a : base.extras->extension_attributes) out_.attribute(a.qname, a.value);
    for (const auto& f : syzba_extensions) foreign(f);
    for (const auto& f : base.extras->extensions) foreign(f);
    out_.end();
  }
}

void Writer::foreign(const ForeignNode& f) {
  switch (f.kind) {
    case model::ForeignKind::text: out_.text(f.text); return;
    case model::ForeignKind::cdata: out_.cdata(f.text); return;
    case model::ForeignKind::comment: out_.comment(f.text); return;
    case model::ForeignKind::processing_instruction: out_.processing_instruction(f.qname, f.text); return;
    case model::ForeignKind::element: break;
  }
  out_.start(f.qname, has_text_child(f.children));
  for (const auto& a : f.attributes) out_.attribute(a.qname, a.value);
  for (const auto& c : f.children) foreign(c);
  out_.end();
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
  for (const auto& p : defs_.prolog) foreign(p);
  bool uses_syzba = defs_.service.has_value();
  for (const auto& p : defs_.processes) uses_syzba = uses_syzba || p.service.has_value();
  model::for_each_element(defs_, [&](const BaseElement& e, model::ElementClass cls, std::string_view) {
    if (cls == model::ElementClass::flow_node && static_cast<const model::FlowNode&>(e).duration) uses_syzba = true;
  });
  auto taken = [&](const std::string& p) {
    return std::any_of(namespaces_.begin(), namespaces_.end(), [&](const auto& n) { return n.prefix == p; });
  };
  bool declared = std::any_of(namespaces_.begin(), namespaces_.end(), [](const auto& n) { return n.uri == syzba_ns; });
  if (uses_syzba && !declared) {
    for (int k = 2; taken(syzba_); ++k) syzba_ = "syzba" + std::to_string(k);
    namespaces_.push_back({syzba_, std::string(syzba_ns)});
  }

  open("definitions", defs_);
  // xmlns declarations come first on the root, before its id.
  for (const auto& n : namespaces_) out_.attribute(n.prefix.empty() ? "xmlns" : "xmlns:" + n.prefix, n.uri);
  attribute("name", defs_.name);
  attribute("targetNamespace", defs_.target_namespace);
  std::vector<ForeignNode> syzba;
  if (defs_.service) syzba.push_back(service_node(*defs_.service));
  head(defs_, syzba);
  for (const auto& g : defs_.globals) {
    open(model::type_name(g.kind), g);
    if (g.name) out_.attribute("name", *g.name);  // written even when empty: absent and empty differ
    head(g);
    close();
  }
  for (const auto& cat : defs_.categories) {
    open("category", cat);
    attribute("name", cat.name);
    head(cat);
    for (const auto& v : cat.values) {
      open("categoryValue", v);
      attribute("value", v.value);
      head(v);
      close();
    }
    close();
  }
  for (const auto& c : defs_.collaborations) write_collaboration(c);
  for (const auto& p : defs_.processes) write_process(p);
  for (const auto& d : defs_.diagrams) write_diagram(d);
  close();
  return out_.take();
}

void Writer::write_process(const model::Process& p) {
  open("process", p);
  attribute("name", p.name);
  std::vector<ForeignNode> syzba;
  if (p.service) syzba.push_back(service_node(*p.service));
  head(p, syzba);
  if (p.io) write_io(*p.io);
  write_container(p.content);
  close();
}

void Writer::write_container(const model::Container& c) {
  for (const auto& set : c.lane_sets) write_lane_set("laneSet", set);
  for (const auto& n : c.nodes) write_node(n);
  for (const auto& d : c.data_objects) {
    open("dataObject", d);
    attribute("name", d.name);
    attribute("isCollection", d.is_collection);
    head(d);
    close();
  }
  for (const auto& d : c.data_object_refs) {
    open("dataObjectReference", d);
    attribute("name", d.name);
    attribute("dataObjectRef", d.data_object);
    head(d);
    close();
  }
  for (const auto& d : c.data_store_refs) {
    open("dataStoreReference", d);
    attribute("name", d.name);
    attribute("dataStoreRef", d.data_store);
    head(d);
    close();
  }
  for (const auto& f : c.flows) {
    open("sequenceFlow", f);
    attribute("name", f.name);
    attribute("sourceRef", f.source);
    attribute("targetRef", f.target);
    head(f);
    if (f.condition) {
      open("conditionExpression", *f.condition);
      head(*f.condition);
      if (!f.condition->text.empty()) out_.text(f.condition->text);
      close();
    }
    close();
  }
  write_artifacts(c.artifacts);
}

void Writer::write_data_association(std::string_view local, const model::DataAssociation& a) {
  open(local, a);
  head(a);
  for (const auto& s : a.sources) text_element("sourceRef", s);
  if (!a.target.empty()) text_element("targetRef", a.target);
  close();
}

void Writer::write_node(const model::FlowNode& n) {
  open(model::type_name(n.kind), n);
  attribute("name", n.name);
  attribute("default", n.default_flow);
  attribute("attachedToRef", n.attached_to);
  attribute("cancelActivity", n.cancel_activity);
  attribute("isInterrupting", n.is_interrupting);
  attribute("parallelMultiple", n.parallel_multiple);
  attribute("isForCompensation", n.is_for_compensation);
  attribute("triggeredByEvent", n.triggered_by_event);
  attribute("calledElement", n.called_element);
  std::vector<ForeignNode> syzba;
  if (n.duration) syzba.push_back(duration_node(*n.duration, "duration"));
  head(n, syzba);
  for (const auto& id : n.incoming) text_element("incoming", id);
  for (const auto& id : n.outgoing) text_element("outgoing", id);
  if (n.io) write_io(*n.io);
  for (const auto& a : n.data_inputs) write_data_association("dataInputAssociation", a);
  for (const auto& a : n.data_outputs) write_data_association("dataOutputAssociation", a);
  if (n.loop) {
    open(n.loop->multi_instance ? "multiInstanceLoopCharacteristics" : "standardLoopCharacteristics", *n.loop);
    attribute("isSequential", n.loop->is_sequential);
    head(*n.loop);
    close();
  }
  write_container(n.content);
  for (const auto& d : n.event_definitions) {
    open(model::type_name(d.kind), d);
    attribute("name", d.name);
    const char* ref_name = d.kind == model::EventKind::message ? "messageRef"
                           : d.kind == model::EventKind::signal ? "signalRef"
                           : d.kind == model::EventKind::error ? "errorRef"
                                                                : "escalationRef";
    attribute(ref_name, d.ref);
    head(d);
    close();
  }
  close();
}

void Writer::write_io(const model::IoSpecification& io) {
  open("ioSpecification", io);
  head(io);
  auto item = [&](std::string_view local, const model::DataItem& d) {
    open(local, d);
    attribute("name", d.name);
    attribute("isCollection", d.is_collection);
    head(d);
    close();
  };
  for (const auto& d : io.inputs) item("dataInput", d);
  for (const auto& d : io.outputs) item("dataOutput", d);
  close();
}

void Writer::write_lane_set(std::string_view local, const model::LaneSet& set) {
  open(local, set);
  attribute("name", set.name);
  head(set);
  for (const auto& lane : set.lanes) {
    open("lane", lane);
    attribute("name", lane.name);
    head(lane);
    for (const auto& ref : lane.flow_node_refs) text_element("flowNodeRef", ref);
    for (const auto& child : lane.child_lane_sets) write_lane_set("childLaneSet", child);
    close();
  }
  close();
}

void Writer::write_artifacts(const std::vector<model::Artifact>& artifacts) {
  for (const auto& a : artifacts) {
    open(model::type_name(a.kind), a);
    attribute("sourceRef", a.source);
    attribute("targetRef", a.target);
    attribute("categoryValueRef", a.category_value);
    head(a);
    if (a.kind == model::ArtifactKind::text_annotation) text_element("text", a.text);
    close();
  }
}

void Writer::write_collaboration(const model::Collaboration& c) {
  open("collaboration", c);
  attribute("name", c.name);
  head(c);
  for (const auto& p : c.participants) {
    open("participant", p);
    attribute("name", p.name);
    attribute("processRef", p.process);
    head(p);
    close();
  }
  for (const auto& m : c.message_flows) {
    open("messageFlow", m);
    attribute("name", m.name);
    attribute("sourceRef", m.source);
    attribute("targetRef", m.target);
    attribute("messageRef", m.message);
    head(m);
    close();
  }
  write_artifacts(c.artifacts);
  close();
}

void Writer::write_bounds(const model::Bounds& b) {
  before_modelled_child();
  out_.start(qualified(dc_, "Bounds"));
  attribute("x", b.x);
  attribute("y", b.y);
  attribute("width", b.width);
  attribute("height", b.height);
  out_.end();
}

void Writer::write_diagram(const model::Diagram& d) {
  open(bpmndi_, "BPMNDiagram", d);
  attribute("name", d.name);
  head(d);
  open(bpmndi_, "BPMNPlane", d.plane);
  attribute("bpmnElement", d.plane.element);
  head(d.plane);
  for (const auto& e : d.plane.elements) {
    bool shape = e.kind == model::DiKind::shape;
    open(bpmndi_, shape ? "BPMNShape" : "BPMNEdge", e);
    attribute("bpmnElement", e.element);
    attribute("isHorizontal", e.is_horizontal);
    attribute("isExpanded", e.is_expanded);
    attribute("isMarkerVisible", e.is_marker_visible);
    attribute("isMessageVisible", e.is_message_visible);
    attribute("sourceElement", e.source_element);
    attribute("targetElement", e.target_element);
    head(e);
    if (shape) write_bounds(e.bounds);
    for (const auto& w : e.waypoints) {
      before_modelled_child();
      out_.start(qualified(di_, "waypoint"));
      for (const auto& a : w.attributes) out_.attribute(a.qname, a.value);
      attribute("x", w.x);
      attribute("y", w.y);
      out_.end();
    }
    if (e.label) {
      open(bpmndi_, "BPMNLabel", *e.label);
      attribute("labelStyle", e.label->label_style);
      head(*e.label);
      if (e.label->bounds) write_bounds(*e.label->bounds);
      close();
    }
    close();
  }
  close();
  for (const auto& s : d.label_styles) {
    open(bpmndi_, "BPMNLabelStyle", s);
    head(s);
    close();
  }
  close();
}

}  // namespace

std::string write_bpmn(const model::Definitions& definitions) { return Writer(definitions, nullptr).write(); }

void write_bpmn(const model::Definitions& definitions, std::ostream& out) { Writer(definitions, &out).write(); }

}  // namespace syzba::io
