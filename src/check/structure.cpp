// Structural rules. References are first collected as data (who refers, by which attribute,
// to what, and which kinds of element may stand there), then resolved against the index of
// every id in the file (ids.h), so each rule is a short loop over plain values.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <tuple>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "check/check.h"
#include "check/ids.h"
#include "check/view.h"

namespace syzba::check {
namespace {

using model::Diagnostic;
using model::ElementClass;
using model::Severity;

void add_to_index(IdIndex& index, std::string_view id, Indexed entry) {
  auto [it, fresh] = index.try_emplace(id, entry);
  if (fresh) return;
  auto& more = it->second.more;
  if (!more) more = std::make_unique<std::vector<Indexed>>();
  more->push_back(entry);
}

// The kinds a reference accepts, as a set of bits; none means any kind.
using Classes = std::uint64_t;
constexpr Classes any_class = 0;
constexpr Classes classes(std::initializer_list<ElementClass> list) {
  Classes bits = 0;
  for (auto c : list) bits |= Classes{1} << static_cast<int>(c);
  return bits;
}

struct Reference {
  const model::BaseElement* from;
  std::string_view from_type;
  std::string_view attribute;
  std::string_view target;
  Classes allowed;  // any_class: any kind
  std::string_view expected;          // the allowed kinds, in words
  bool may_be_external = false;       // e.g. calledElement: may live in another file
  const IndexEntry* entry = nullptr;  // the target's entry, when the view has found it already
};

void index_foreign(const std::vector<model::ForeignNode>& nodes, IdIndex& index, const model::BaseElement& holder) {
  for (const auto& n : nodes) {
    if (n.kind != model::ForeignKind::element) continue;
    for (const auto& a : n.attributes)
      if (a.qname == "id") add_to_index(index, a.value, {&holder, n.qname, ElementClass::definitions, true});
    index_foreign(n.children, index, holder);
  }
}

}  // namespace

IdIndex index_ids(const model::Definitions& defs) {
  IdIndex index;
  std::size_t count = 0;
  model::for_each_element(defs, [&](const model::BaseElement&, ElementClass, std::string_view) { ++count; });
  index.reserve(count);  // every element: those without an id make it a little more than enough
  model::for_each_element(defs, [&](const model::BaseElement& e, ElementClass cls, std::string_view type) {
    if (!e.id.empty()) add_to_index(index, e.id, {&e, type, cls});
    index_foreign(e.extras->children, index, e);
  });
  return index;
}

const Indexed* lookup(const IdIndex& index, std::string_view id) {
  if (const auto* found = index.find(id)) return &found->second.first;
  if (auto colon = id.find(':'); colon != std::string_view::npos)
    if (const auto* found = index.find(id.substr(colon + 1))) return &found->second.first;
  return nullptr;
}

void IdIndex::reserve(std::size_t ids) {
  reserved_ = ids;
  entries_.reserve(ids);
  std::size_t slots = 16;
  while (slots / 4 * 3 < ids) slots *= 2;
  if (slots > slots_.size()) rehash(slots);
}

std::size_t IdIndex::slot_of(std::string_view id, std::uint64_t hash) const {
  std::size_t mask = slots_.size() - 1;
  auto high = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {  // linear probing: a free slot always follows
    const Slot& s = slots_[i];
    if (s.entry == 0 || (s.hash == high && entries_[s.entry - 1].first == id)) return i;
  }
}

void IdIndex::rehash(std::size_t slots) {
  slots_.assign(slots, Slot{});
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    std::uint64_t hash = std::hash<std::string_view>{}(entries_[k].first);
    slots_[slot_of(entries_[k].first, hash)] = {static_cast<std::uint32_t>(k + 1), static_cast<std::uint32_t>(hash >> 32)};
  }
}

std::pair<IdIndex::value_type*, bool> IdIndex::try_emplace(std::string_view id, Indexed first) {
  if (slots_.empty() || (entries_.size() + 1) > slots_.size() / 4 * 3) rehash(slots_.empty() ? 16 : slots_.size() * 2);
  std::uint64_t hash = std::hash<std::string_view>{}(id);
  Slot& slot = slots_[slot_of(id, hash)];
  if (slot.entry != 0) return {&entries_[slot.entry - 1], false};
  entries_.emplace_back(id, IndexEntry{first, nullptr});
  slot = {static_cast<std::uint32_t>(entries_.size()), static_cast<std::uint32_t>(hash >> 32)};
  return {&entries_.back(), true};
}

const IdIndex::value_type* IdIndex::find(std::string_view id) const {
  if (slots_.empty()) return nullptr;
  const Slot& slot = slots_[slot_of(id, std::hash<std::string_view>{}(id))];
  return slot.entry == 0 ? nullptr : &entries_[slot.entry - 1];
}

namespace {

// ---------------------------------------------------------------------------------------
// Walks every reference of the model in document order and hands each to check(), which
// resolves it at once: a list of 650,000 references for a 100,000-node model cost more
// memory than the model's flows.
class ReferenceCollector {
 public:
  ReferenceCollector(std::function<void(const Reference&)> check, const ModelView* view)
      : check_(std::move(check)), view_(view) {}

  void add(const model::BaseElement& from, std::string_view from_type, std::string_view attribute,
           std::string_view target, Classes allowed, std::string_view expected,
           bool may_be_external = false, const IndexEntry* entry = nullptr) {
    if (target.empty()) return;
    check_({&from, from_type, attribute, target, allowed, expected, may_be_external, entry});
  }

  void container(const model::Container& c) {
    for (const auto& set : c.lane_sets) lane_set(set);
    for (const auto& n : c.nodes) node(n);
    for (const auto& d : c.data_object_refs)
      add(d, "dataObjectReference", "dataObjectRef", d.data_object, classes({ElementClass::data_object}), "a data object");
    for (const auto& d : c.data_store_refs)
      add(d, "dataStoreReference", "dataStoreRef", d.data_store, classes({ElementClass::global}), "a data store");
    for (const auto& f : c.flows) {
      auto [source, target] = view_ ? view_->end_entries(f) : std::pair<const IndexEntry*, const IndexEntry*>();
      add(f, "sequenceFlow", "sourceRef", f.source, classes({ElementClass::flow_node}), "a flow node", false, source);
      add(f, "sequenceFlow", "targetRef", f.target, classes({ElementClass::flow_node}), "a flow node", false, target);
    }
    artifacts(c.artifacts);
  }

  void lane_set(const model::LaneSet& set) {
    for (const auto& lane : set.lanes) {
      for (const auto& ref : lane.flow_node_refs) add(lane, "lane", "flowNodeRef", ref, classes({ElementClass::flow_node}), "a flow node");
      for (const auto& child : lane.child_lane_sets) lane_set(child);
    }
  }

  void node(const model::FlowNode& n) {
    auto type = model::type_name(n.kind);
    auto entries = view_ ? view_->link_entries(n) : std::span<const IndexEntry* const>();
    auto entry = [&](std::size_t k) { return entries.empty() ? nullptr : entries[k]; };
    for (std::size_t k = 0; k < n.incoming.size(); ++k)
      add(n, type, "incoming", n.incoming[k], classes({ElementClass::sequence_flow}), "a sequence flow", false, entry(k));
    for (std::size_t k = 0; k < n.outgoing.size(); ++k)
      add(n, type, "outgoing", n.outgoing[k], classes({ElementClass::sequence_flow}), "a sequence flow", false,
          entry(n.incoming.size() + k));
    add(n, type, "default", n.default_flow, classes({ElementClass::sequence_flow}), "a sequence flow");
    add(n, type, "attachedToRef", n.attached_to, classes({ElementClass::flow_node}), "an activity");
    add(n, type, "calledElement", n.called_element, classes({ElementClass::process}), "a process", true);
    for (const auto& d : n.event_definitions) {
      std::string_view attribute = d.kind == model::EventKind::message ? "messageRef"
                                   : d.kind == model::EventKind::signal ? "signalRef"
                                   : d.kind == model::EventKind::error ? "errorRef"
                                                                        : "escalationRef";
      add(d, model::type_name(d.kind), attribute, d.ref, classes({ElementClass::global}), "a global element");
    }
    for (const auto* list : {&n.data_inputs, &n.data_outputs}) {
      for (const auto& a : *list) {
        for (const auto& s : a.sources) add(a, "dataAssociation", "sourceRef", s, data_classes, "a data element");
        add(a, "dataAssociation", "targetRef", a.target, data_classes, "a data element");
      }
    }
    container(n.content);
  }

  void artifacts(const std::vector<model::Artifact>& list) {
    for (const auto& a : list) {
      add(a, model::type_name(a.kind), "sourceRef", a.source, any_class, "");
      add(a, model::type_name(a.kind), "targetRef", a.target, any_class, "");
      add(a, "group", "categoryValueRef", a.category_value, classes({ElementClass::category_value}), "a category value");
    }
  }

  void collaboration(const model::Collaboration& c) {
    for (const auto& p : c.participants) add(p, "participant", "processRef", p.process, classes({ElementClass::process}), "a process");
    for (const auto& m : c.message_flows) {
      add(m, "messageFlow", "sourceRef", m.source, classes({ElementClass::flow_node, ElementClass::participant}), "a flow node or a participant");
      add(m, "messageFlow", "targetRef", m.target, classes({ElementClass::flow_node, ElementClass::participant}), "a flow node or a participant");
      add(m, "messageFlow", "messageRef", m.message, classes({ElementClass::global}), "a message");
    }
    artifacts(c.artifacts);
  }

  void diagram(const model::Diagram& d) {
    add(d.plane, "BPMNPlane", "bpmnElement", d.plane.element,
        classes({ElementClass::process, ElementClass::collaboration, ElementClass::flow_node}), "a process, collaboration or sub-process");
    for (const auto& e : d.plane.elements) {
      auto type = e.kind == model::DiKind::shape ? "BPMNShape" : "BPMNEdge";
      add(e, type, "bpmnElement", e.element, any_class, "");
      add(e, type, "sourceElement", e.source_element, classes({ElementClass::di_shape, ElementClass::di_edge}), "a DI shape or edge");
      add(e, type, "targetElement", e.target_element, classes({ElementClass::di_shape, ElementClass::di_edge}), "a DI shape or edge");
      if (e.label) add(*e.label, "BPMNLabel", "labelStyle", e.label->label_style, classes({ElementClass::label_style}), "a label style");
    }
  }

  static constexpr Classes data_classes = classes({ElementClass::data_object, ElementClass::data_object_reference,
                                                  ElementClass::data_store_reference, ElementClass::data_item});

 private:
  std::function<void(const Reference&)> check_;
  const ModelView* view_;  // null: every reference is looked up here
};

Diagnostic at(const model::BaseElement& e, std::string rule, Severity severity, std::string message) {
  return {std::move(rule), severity, e.id, e.pos.line, e.pos.column, std::move(message)};
}

// The index's entries in the order std::unordered_map, which the index was until issue 20,
// kept them in (the same reserve, the same ids added in the same order): duplicates at one
// position (a foreign element's are at the element keeping it) are reported in that order, so
// the output stays the bytes it was. Built only for a file that has a duplicate.
std::vector<const IdIndex::value_type*> in_former_order(const IdIndex& index) {
  std::unordered_map<std::string_view, const IdIndex::value_type*> former;
  former.reserve(index.reserved() + index.reserved() / 4);
  for (const auto& entry : index) former.emplace(entry.first, &entry);
  std::vector<const IdIndex::value_type*> out;
  out.reserve(former.size());
  for (const auto& [id, entry] : former) out.push_back(entry);
  return out;
}

void check_duplicates(const IdIndex& index, Lang lang, std::vector<Diagnostic>& out) {
  if (std::none_of(index.begin(), index.end(), [](const auto& e) { return e.second.more != nullptr; })) return;
  for (const auto* in_order : in_former_order(index)) {
    const auto& [id, entry] = *in_order;
    for (const auto& again : entry.duplicates()) {
      const auto& first = entry.first;
      out.push_back({"duplicate-id", Severity::error, std::string(id), again.pos().line, again.pos().column,
                     say(lang, "duplicate-id", {std::string(id), std::string(again.type), std::string(first.type),
                                                std::to_string(first.pos().line)})});
    }
  }
}

// One reference against the index. Messages are made only for what is wrong: nearly every
// reference resolves.
void check_reference(const Reference& r, const IdIndex& index, Lang lang, std::vector<Diagnostic>& out) {
  const Indexed* found = r.entry ? &r.entry->first : lookup(index, r.target);
  if (found && (r.allowed == any_class || found->foreign || (r.allowed & (Classes{1} << static_cast<int>(found->cls)))))
    return;
  std::string who = std::string(r.from_type) + (r.from->id.empty() ? "" : " '" + r.from->id + "'");
  if (!found) {
    if (r.may_be_external)
      out.push_back(at(*r.from, "external-reference", Severity::info,
                       say(lang, "external-reference", {who, std::string(r.attribute), std::string(r.target)})));
    else
      out.push_back(at(*r.from, "dangling-reference", Severity::error,
                       say(lang, "dangling-reference", {who, std::string(r.attribute), std::string(r.target)})));
    return;
  }
  out.push_back(at(*r.from, "wrong-reference-kind", Severity::error,
                   say(lang, "wrong-reference-kind", {who, std::string(r.attribute), std::string(r.target), std::string(found->type),
                                                      std::to_string(found->pos().line), std::string(r.expected)})));
}

// In a file that has diagrams, every drawable element should be drawn in one of them.
void check_di_complete(const model::Definitions& defs, Lang lang, std::vector<Diagnostic>& out) {
  if (defs.diagrams.empty()) return;
  std::unordered_set<std::string_view> drawn;  // views into the model, which outlives the check
  for (const auto& d : defs.diagrams) drawn.reserve(drawn.size() + d.plane.elements.size() + 1);
  for (const auto& d : defs.diagrams) {
    drawn.insert(d.plane.element);
    for (const auto& e : d.plane.elements) drawn.insert(e.element);
  }
  model::for_each_element(defs, [&](const model::BaseElement& e, ElementClass cls, std::string_view type) {
    bool drawable = cls == ElementClass::flow_node || cls == ElementClass::sequence_flow ||
                    cls == ElementClass::message_flow || cls == ElementClass::participant || cls == ElementClass::lane ||
                    cls == ElementClass::data_object_reference || cls == ElementClass::data_store_reference ||
                    cls == ElementClass::artifact;
    if (!drawable || e.id.empty() || drawn.count(e.id)) return;
    out.push_back(at(e, "di-missing", Severity::warning,
                     say(lang, "di-missing", {std::string(type), e.id})));
  });
}

}  // namespace

std::vector<Diagnostic> check_structure(const model::Definitions& defs, Lang lang) {
  return check_structure(defs, index_ids(defs), nullptr, lang);
}

std::vector<Diagnostic> check_structure(const model::Definitions& defs, const IdIndex& index, const ModelView* view,
                                        Lang lang) {
  std::vector<Diagnostic> out;
  check_duplicates(index, lang, out);
  ReferenceCollector collector([&](const Reference& r) { check_reference(r, index, lang, out); }, view);
  for (const auto& c : defs.collaborations) collector.collaboration(c);
  for (const auto& p : defs.processes) collector.container(p.content);
  for (const auto& d : defs.diagrams) collector.diagram(d);
  check_di_complete(defs, lang, out);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column, a.rule) < std::tie(b.line, b.column, b.rule);
  });
  return out;
}

}  // namespace syzba::check
