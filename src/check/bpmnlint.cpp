// bpmnlint's recommended rules, with bpmnlint's ids, meaning and messages, so that a team
// used to bpmnlint gets the same findings. Like bpmnlint (which sees the file through
// bpmn-moddle) they read a node's flows from its <incoming>/<outgoing> elements.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_set>

#include "check/view.h"

namespace syzba::check {

using model::EventKind;
using model::FlowNode;
using model::NodeKind;

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
bool is_event_sub_process(const FlowNode& n) { return model::is_sub_process(n.kind) && n.triggered_by_event.value_or(false); }
bool in_ad_hoc(const ModelView& view, const FlowNode& n) {
  const Scope* s = view.scope_of(n);
  return s && s->sub_process && s->sub_process->kind == NodeKind::ad_hoc_sub_process;
}
bool only_definitions_of(const FlowNode& n, EventKind kind) {
  return !n.event_definitions.empty() &&
         std::all_of(n.event_definitions.begin(), n.event_definitions.end(), [&](const auto& d) { return d.kind == kind; });
}
bool is_default_of(const FlowNode& n, const model::SequenceFlow& f) { return !n.default_flow.empty() && n.default_flow == f.id; }

template <class Visit>
void for_each_node(const ModelView& view, Visit visit) {
  for (const auto& scope : view.scopes)
    for (const auto& n : scope.content->nodes) visit(n);
}

bool needs_start_and_end(const Scope& s) { return !s.sub_process || s.sub_process->kind != NodeKind::ad_hoc_sub_process; }

}  // namespace

void ad_hoc_sub_process(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    if (!s.sub_process || s.sub_process->kind != NodeKind::ad_hoc_sub_process) continue;
    for (const auto& n : s.content->nodes) {
      if (n.kind == NodeKind::start_event) r.report(n, r.say("ad-hoc.start"));
      if (n.kind == NodeKind::end_event) r.report(n, r.say("ad-hoc.end"));
    }
  }
}

void conditional_flows(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    const auto& out = view.outgoing(n);
    bool has_default = view.flow(n.default_flow) != nullptr;
    bool conditional = has_default || std::any_of(out.begin(), out.end(), [](const auto* f) { return f->condition.has_value(); });
    if (!conditional) return;
    for (const auto* f : out)
      if (!f->condition && !is_default_of(n, *f)) r.report(*f, r.say("flow.missing-condition"));
  });
}

namespace {
// A process or (non-ad-hoc) sub-process without a node of the kind gets the message.
void require_kind(const ModelView& view, Reporter& r, NodeKind kind, std::string_view process_message,
                  std::string_view sub_process_message) {
  for (const auto& s : view.scopes) {
    if (!needs_start_and_end(s)) continue;
    const auto& nodes = s.content->nodes;
    if (std::none_of(nodes.begin(), nodes.end(), [&](const auto& n) { return n.kind == kind; }))
      r.report(*s.element, r.say(s.sub_process ? sub_process_message : process_message));
  }
}
}  // namespace

void end_event_required(const ModelView& view, const Config&, Reporter& r) {
  require_kind(view, r, NodeKind::end_event, "process.missing-end", "sub-process.missing-end");
}

void start_event_required(const ModelView& view, const Config&, Reporter& r) {
  require_kind(view, r, NodeKind::start_event, "process.missing-start", "sub-process.missing-start");
}

void event_based_gateway(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (n.kind != NodeKind::event_based_gateway) return;
    const auto& out = view.outgoing(n);
    if (out.size() < 2) r.report(n, r.say("event-gateway.outgoing"));
    for (const auto* f : out)
      if (f->condition) r.report(*f, r.say("event-gateway.conditional"));
  });
}

void event_sub_process_typed_start_event(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    if (!s.sub_process || !is_event_sub_process(*s.sub_process)) continue;
    for (const auto& n : s.content->nodes)
      if (n.kind == NodeKind::start_event && n.event_definitions.empty()) r.report(n, r.say("event-sub-process.untyped-start"));
  }
}

void fake_join(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if ((model::is_activity(n.kind) || model::is_event(n.kind)) && view.incoming(n).size() > 1)
      r.report(n, r.say("fake-join"));
  });
}

void global(const ModelView& view, const Config&, Reporter& r) {
  using model::GlobalKind;
  // What refers to messages, errors, escalations and signals, as bpmnlint collects it.
  std::set<std::pair<GlobalKind, std::string>> referenced;
  for_each_node(view, [&](const FlowNode& n) {
    for (const auto& d : n.event_definitions) {
      if (d.kind == EventKind::message) referenced.insert({GlobalKind::message, d.ref});
      if (d.kind == EventKind::error) referenced.insert({GlobalKind::error, d.ref});
      if (d.kind == EventKind::escalation) referenced.insert({GlobalKind::escalation, d.ref});
      if (d.kind == EventKind::signal) referenced.insert({GlobalKind::signal, d.ref});
    }
    if (n.kind == NodeKind::send_task || n.kind == NodeKind::receive_task)
      for (const auto& a : n.extras->attributes)
        if (a.qname == "messageRef") referenced.insert({GlobalKind::message, a.value});
  });
  for (const auto& c : view.defs.collaborations)
    for (const auto& m : c.message_flows) referenced.insert({GlobalKind::message, m.message});

  std::vector<const model::GlobalElement*> roots;
  for (const auto& g : view.defs.globals)
    if (g.kind == GlobalKind::error || g.kind == GlobalKind::escalation || g.kind == GlobalKind::message ||
        g.kind == GlobalKind::signal)
      roots.push_back(&g);
  for (const auto* g : roots) {
    if (g->name && blank(*g->name)) r.report(*g, r.say("global.name"));
    if (!referenced.count({g->kind, g->id})) r.report(*g, r.say("global.unused"));
    auto same = std::count_if(roots.begin(), roots.end(), [&](const auto* o) { return o->kind == g->kind && o->name == g->name; });
    if (same != 1) r.report(*g, r.say("global.unique"));
  }
}

void label_required(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (n.kind == NodeKind::parallel_gateway || n.kind == NodeKind::event_based_gateway) return;
    if (model::is_gateway(n.kind) && view.outgoing(n).size() <= 1) return;  // joining gateways
    if (model::is_sub_process(n.kind)) return;
    if (blank(n.name)) r.report(n, r.say("label"));
  });
  for (const auto& s : view.scopes)
    for (const auto& f : s.content->flows)
      if (f.condition && blank(f.name)) r.report(f, r.say("label"));
  for (const auto& c : view.defs.collaborations)
    for (const auto& p : c.participants)
      if (blank(p.name)) r.report(p, r.say("label"));
  std::function<void(const model::LaneSet&)> lanes = [&](const model::LaneSet& set) {
    for (const auto& lane : set.lanes) {
      if (blank(lane.name)) r.report(lane, r.say("label"));
      for (const auto& child : lane.child_lane_sets) lanes(child);
    }
  };
  for (const auto& s : view.scopes)
    for (const auto& set : s.content->lane_sets) lanes(set);
}

void link_event(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    std::vector<const FlowNode*> links;
    for (const auto& n : s.content->nodes)
      if (model::is_event(n.kind) && has_event(n, EventKind::link)) links.push_back(&n);
    auto link_name = [](const FlowNode& n) {
      for (const auto& d : n.event_definitions)
        if (d.kind == EventKind::link) return d.name;
      return std::string();
    };
    std::map<std::string, std::vector<const FlowNode*>> by_name;  // unnamed ones group under "_", as in bpmnlint
    for (const auto* link : links) {
      std::string name = link_name(*link);
      if (name.empty()) r.report(*link, r.say("link.name"));
      by_name[name.empty() ? "_" : name].push_back(link);
    }
    for (const auto& [name, events] : by_name) {
      if (events.size() == 1) {
        bool is_throw = is_throw_event(events[0]->kind);
        r.report(*events[0], r.say(is_throw ? "link.missing-catch" : "link.missing-throw", {name}));
        continue;
      }
      std::vector<const FlowNode*> catches;
      for (const auto* e : events)
        if (is_catch_event(e->kind)) catches.push_back(e);
      if (catches.size() > 1) {
        for (const auto* e : catches) r.report(*e, r.say("link.duplicate-catch", {name}));
      } else if (catches.empty()) {
        for (const auto* e : events) r.report(*e, r.say("link.missing-catch", {name}));
      }
    }
  }
}

void no_bpmndi(const ModelView& view, const Config&, Reporter& r) {
  std::unordered_set<std::string_view> drawn;
  for (const auto& d : view.defs.diagrams)
    for (const auto& e : d.plane.elements)
      if (!e.element.empty()) drawn.insert(e.element);
  auto check = [&](const model::BaseElement& e) {
    if (!drawn.count(e.id)) r.report(e, r.say("bpmndi"));
  };
  // As bpmnlint: only the first lane set of a container, and child lane sets below it.
  std::function<void(const model::LaneSet&)> lanes = [&](const model::LaneSet& set) {
    for (const auto& lane : set.lanes) check(lane);
    for (const auto& lane : set.lanes)
      for (const auto& child : lane.child_lane_sets) lanes(child);
  };
  std::function<void(const model::Container&)> container = [&](const model::Container& c) {
    for (const auto& n : c.nodes) check(n);
    for (const auto& d : c.data_object_refs) check(d);
    for (const auto& d : c.data_store_refs) check(d);
    for (const auto& f : c.flows) check(f);
    for (const auto& n : c.nodes)
      if (model::is_sub_process(n.kind)) container(n.content);
    for (const auto& a : c.artifacts) check(a);
    if (!c.lane_sets.empty()) lanes(c.lane_sets.front());
  };
  for (const auto& col : view.defs.collaborations) {
    for (const auto& p : col.participants) check(p);
    for (const auto& a : col.artifacts) check(a);
    for (const auto& m : col.message_flows) check(m);
  }
  for (const auto& p : view.defs.processes) container(p.content);
}

void no_complex_gateway(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (n.kind == NodeKind::complex_gateway) r.report(n, r.say("discouraged", {"bpmn:ComplexGateway"}));
  });
}

void no_inclusive_gateway(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (n.kind == NodeKind::inclusive_gateway) r.report(n, r.say("discouraged", {"bpmn:InclusiveGateway"}));
  });
}

void no_disconnected(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    bool kind = is_task(n.kind) || model::is_gateway(n.kind) || model::is_sub_process(n.kind) || model::is_event(n.kind);
    if (!kind || n.triggered_by_event.value_or(false)) return;
    bool compensation_boundary = n.kind == NodeKind::boundary_event && n.event_definitions.size() == 1 &&
                                 n.event_definitions[0].kind == EventKind::compensate;
    if (compensation_boundary || n.is_for_compensation.value_or(false) || in_ad_hoc(view, n)) return;
    if (view.incoming(n).empty() && view.outgoing(n).empty()) r.report(n, r.say("disconnected"));
  });
}

namespace {
// A flow's key, source "#" target "#" condition, as the three parts it is joined from: hashed
// and compared as the joined text (so ids holding '#' compare as before), without making it.
struct FlowKey {
  std::array<std::string_view, 3> parts;
  template <class Visit>
  void for_each_char(Visit visit) const {
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) visit('#');
      for (char c : parts[k]) visit(c);
    }
  }
  std::size_t size() const { return parts[0].size() + parts[1].size() + parts[2].size() + 2; }
};
struct FlowKeyHash {
  std::size_t operator()(const FlowKey& key) const {
    std::size_t h = 14695981039346656037ull;  // FNV-1a
    key.for_each_char([&](char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; });
    return h;
  }
};
struct FlowKeyEqual {
  bool operator()(const FlowKey& a, const FlowKey& b) const {
    if (a.parts == b.parts) return true;
    if (a.size() != b.size()) return false;
    std::string joined;
    joined.reserve(a.size());
    a.for_each_char([&](char c) { joined += c; });
    std::size_t at = 0;
    bool same = true;
    b.for_each_char([&](char c) { same = same && joined[at++] == c; });
    return same;
  }
};
}  // namespace

namespace {
FlowKey key_of(const ModelView& view, const model::SequenceFlow& f) {
  std::string_view source = view.source_of(f) ? f.source : f.id;
  std::string_view target = view.target_of(f) ? f.target : f.id;
  std::string_view condition = f.condition ? std::string_view(f.condition->text) : std::string_view();
  return FlowKey{{source, target, condition}};
}

// Which flows have the key of a flow before them (by their order over the scopes): the hashes
// sorted, and the keys of equal hash compared. A hash set allocated a node per flow, 7 MB at
// the peak of a 100,000-flow check.
std::vector<bool> duplicate_flows(const ModelView& view) {
  struct Hashed {
    std::size_t hash;
    std::uint32_t order;
    const model::SequenceFlow* flow;
  };
  std::vector<Hashed> hashed;
  std::size_t flows = 0;
  for (const auto& s : view.scopes) flows += s.content->flows.size();
  hashed.reserve(flows);
  for (const auto& s : view.scopes)
    for (const auto& f : s.content->flows)
      hashed.push_back({FlowKeyHash{}(key_of(view, f)), static_cast<std::uint32_t>(hashed.size()), &f});
  std::sort(hashed.begin(), hashed.end(),
            [](const Hashed& a, const Hashed& b) { return a.hash != b.hash ? a.hash < b.hash : a.order < b.order; });
  std::vector<bool> duplicate(hashed.size(), false);
  std::vector<FlowKey> distinct;  // the keys met so far among flows of one hash
  for (std::size_t run = 0; run < hashed.size();) {
    std::size_t end = run + 1;
    while (end < hashed.size() && hashed[end].hash == hashed[run].hash) ++end;
    distinct.clear();
    for (std::size_t k = run; k < end; ++k) {
      FlowKey key = key_of(view, *hashed[k].flow);
      bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const FlowKey& d) { return FlowKeyEqual{}(d, key); });
      if (seen) duplicate[hashed[k].order] = true;
      else distinct.push_back(key);
    }
    run = end;
  }
  return duplicate;
}
}  // namespace

void no_duplicate_sequence_flows(const ModelView& view, const Config&, Reporter& r) {
  std::vector<bool> duplicate = duplicate_flows(view);
  std::set<std::string> outgoing_reported, incoming_reported;
  std::size_t order = 0;
  for (const auto& s : view.scopes) {
    for (const auto& f : s.content->flows) {
      if (!duplicate[order++]) continue;
      const auto *from = view.source_of(f), *to = view.target_of(f);
      r.report(f, r.say("duplicate.flow"));
      if (from && outgoing_reported.insert(from->id).second) r.report(*from, r.say("duplicate.outgoing"));
      if (to && incoming_reported.insert(to->id).second) r.report(*to, r.say("duplicate.incoming"));
    }
  }
}

void no_gateway_join_fork(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (model::is_gateway(n.kind) && view.incoming(n).size() > 1 && view.outgoing(n).size() > 1)
      r.report(n, r.say("gateway.join-fork"));
  });
}

void no_implicit_split(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (!model::is_activity(n.kind) && !model::is_event(n.kind)) return;
    const auto& out = view.outgoing(n);
    auto plain = std::count_if(out.begin(), out.end(), [&](const auto* f) { return !f->condition && !is_default_of(n, *f); });
    if (plain > 1) r.report(n, r.say("implicit.split"));
  });
}

void no_implicit_end(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (is_event_sub_process(n) || in_ad_hoc(view, n) || n.kind == NodeKind::end_event) return;
    if (n.kind == NodeKind::intermediate_throw_event && only_definitions_of(n, EventKind::link)) return;
    if (model::is_activity(n.kind) && n.is_for_compensation.value_or(false)) return;
    if (n.kind == NodeKind::boundary_event && only_definitions_of(n, EventKind::compensate)) {
      const auto& artifacts = view.scope_of(n)->process->content.artifacts;
      bool associated = std::any_of(artifacts.begin(), artifacts.end(), [&](const auto& a) {
        return a.kind == model::ArtifactKind::association && a.source == n.id;
      });
      if (associated) return;
    }
    if (view.outgoing(n).empty()) r.report(n, r.say("implicit.end"));
  });
}

void no_implicit_start(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (model::is_activity(n.kind) && n.is_for_compensation.value_or(false)) return;
    if (in_ad_hoc(view, n) || is_event_sub_process(n)) return;
    if (n.kind == NodeKind::intermediate_catch_event && only_definitions_of(n, EventKind::link)) return;
    if (n.kind == NodeKind::start_event || n.kind == NodeKind::boundary_event) return;
    if (view.incoming(n).empty()) r.report(n, r.say("implicit.start"));
  });
}

namespace {

struct Box {
  const model::BaseElement* element;
  double left, right, top, bottom;
  std::string attached_to;
};

void report_overlaps(const std::vector<Box>& boxes_in_order, std::set<const model::BaseElement*>& overlapping) {
  auto boxes = boxes_in_order;
  std::stable_sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.left < b.left; });
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size() && boxes[j].left <= boxes[i].right; ++j) {
      const Box &a = boxes[i], &b = boxes[j];
      bool collide = a.right >= b.left && b.right >= a.left && a.bottom >= b.top && b.bottom >= a.top;
      if (!collide) continue;
      if (a.attached_to == b.element->id || b.attached_to == a.element->id) continue;  // boundary on its host
      overlapping.insert(a.element);
      overlapping.insert(b.element);
    }
  }
}

using DiOf = std::unordered_map<std::string, const model::DiElement*>;

// The DI the overlap rule looks at: all diagrams at once, the last DI of each element, as
// bpmnlint's JS Map keeps it; but each diagram on its own when an element is drawn in several
// (a file cut into pages by `layout --pages`: every page has the pools and lanes, and each
// page's coordinates begin at the page's corner).
std::vector<DiOf> overlap_views(const model::Definitions& defs) {
  DiOf all;
  std::map<std::string, int> diagrams_drawing;
  for (const auto& d : defs.diagrams) {
    std::set<std::string> here;
    for (const auto& e : d.plane.elements)
      if (!e.element.empty()) all[e.element] = &e, here.insert(e.element);
    for (const auto& id : here) ++diagrams_drawing[id];
  }
  bool repeated = std::any_of(diagrams_drawing.begin(), diagrams_drawing.end(), [](const auto& n) { return n.second > 1; });
  if (!repeated) return {all};
  std::vector<DiOf> views;
  for (const auto& d : defs.diagrams) {
    DiOf one;
    for (const auto& e : d.plane.elements)
      if (!e.element.empty() && !one.count(e.element)) one[e.element] = &e;  // a lane's first part on the page
    views.push_back(std::move(one));
  }
  return views;
}

void overlaps_in(const ModelView& view, const DiOf& di, std::vector<const model::BaseElement*>& order,
                 std::set<const model::BaseElement*>& overlapping, std::vector<const model::BaseElement*>& outside) {
  auto shape_of = [&](const std::string& id) -> const model::DiElement* {
    auto it = di.find(id);
    return it != di.end() && it->second->kind == model::DiKind::shape ? it->second : nullptr;
  };
  auto box = [&](const model::BaseElement& e, const std::string& attached_to) -> std::optional<Box> {
    const auto* s = shape_of(e.id);
    if (!s) return std::nullopt;
    const auto& b = s->bounds;
    return Box{&e, b.x, b.x + b.width, b.y, b.y + b.height, attached_to};
  };
  std::unordered_map<std::string, const model::DiElement*> parent_of_process;

  for (const auto& c : view.defs.collaborations) {
    std::vector<Box> boxes;
    for (const auto& p : c.participants) {
      order.push_back(&p);
      if (auto b = box(p, "")) boxes.push_back(*b);
      parent_of_process[p.process] = shape_of(p.id);
    }
    report_overlaps(boxes, overlapping);
  }
  auto inside = [](const model::Bounds& child, const model::Bounds& parent) {
    return child.x >= parent.x && child.y >= parent.y && child.x + child.width <= parent.x + parent.width &&
           child.y + child.height <= parent.y + parent.height;
  };
  std::function<void(const model::Container&, const model::DiElement*)> check_container =
      [&](const model::Container& c, const model::DiElement* parent) {
        std::vector<Box> boxes;
        auto consider = [&](const model::BaseElement& e, const std::string& attached_to, bool may_stand_outside) {
          order.push_back(&e);
          if (auto b = box(e, attached_to)) {
            boxes.push_back(*b);
            if (!may_stand_outside && parent && !inside(shape_of(e.id)->bounds, parent->bounds)) outside.push_back(&e);
          }
        };
        for (const auto& n : c.nodes) consider(n, n.attached_to, false);
        for (const auto& d : c.data_object_refs) consider(d, "", false);
        for (const auto& d : c.data_store_refs) consider(d, "", true);
        report_overlaps(boxes, overlapping);
        for (const auto& n : c.nodes) {
          if (!model::is_sub_process(n.kind)) continue;
          const auto* s = shape_of(n.id);
          check_container(n.content, s && s->is_expanded.value_or(false) ? s : nullptr);
        }
      };
  for (const auto& p : view.defs.processes) {
    auto it = parent_of_process.find(p.id);
    check_container(p.content, it == parent_of_process.end() ? nullptr : it->second);
  }
}


}  // namespace

void no_overlapping_elements(const ModelView& view, const Config&, Reporter& r) {
  std::vector<const model::BaseElement*> order;  // report in element order
  std::set<const model::BaseElement*> overlapping;
  std::vector<const model::BaseElement*> outside;
  for (const DiOf& di : overlap_views(view.defs)) overlaps_in(view, di, order, overlapping, outside);
  std::set<const model::BaseElement*> reported;
  for (const auto* e : order)
    if (overlapping.count(e) && reported.insert(e).second) r.report(*e, r.say("overlap"));
  std::set<const model::BaseElement*> reported_outside;
  for (const auto* e : outside)
    if (reported_outside.insert(e).second) r.report(*e, r.say("outside"));
}

void single_blank_start_event(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    const auto& nodes = s.content->nodes;
    auto blank_starts = std::count_if(nodes.begin(), nodes.end(), [](const auto& n) {
      return n.kind == NodeKind::start_event && n.event_definitions.empty();
    });
    if (blank_starts > 1) r.report(*s.element, r.say(s.sub_process ? "sub-process.blank-starts" : "process.blank-starts"));
  }
}

void single_event_definition(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (model::is_event(n.kind) && n.event_definitions.size() > 1) r.report(n, r.say("event.definitions"));
  });
}

void sub_process_blank_start_event(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    if (!s.sub_process || is_event_sub_process(*s.sub_process)) continue;
    for (const auto& n : s.content->nodes)
      if (n.kind == NodeKind::start_event && !n.event_definitions.empty()) r.report(n, r.say("sub-process.start-blank"));
  }
}

void superfluous_gateway(const ModelView& view, const Config&, Reporter& r) {
  for_each_node(view, [&](const FlowNode& n) {
    if (model::is_gateway(n.kind) && view.incoming(n).size() == 1 && view.outgoing(n).size() == 1)
      r.report(n, r.say("superfluous.gateway"));
  });
}

void superfluous_label(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    for (const auto& f : s.content->flows) {
      if (blank(f.name) || f.condition) continue;
      const auto* source = view.source_of(f);
      if (source && is_default_of(*source, f)) continue;
      bool decision = source && (source->kind == NodeKind::exclusive_gateway || source->kind == NodeKind::inclusive_gateway) &&
                      view.outgoing(*source).size() > 1;
      if (decision) continue;
      r.report(f, r.say("superfluous.label"));
    }
  }
}

void superfluous_termination(const ModelView& view, const Config&, Reporter& r) {
  auto is_terminate_end = [](const FlowNode& n) { return n.kind == NodeKind::end_event && has_event(n, EventKind::terminate); };
  auto is_interrupting_event_sub = [](const FlowNode& n) {
    if (!is_event_sub_process(n)) return false;
    const auto& nodes = n.content->nodes;
    return std::any_of(nodes.begin(), nodes.end(),
                       [](const auto& c) { return c.kind == NodeKind::start_event && c.is_interrupting.value_or(true); });
  };
  for (const auto& s : view.scopes) {
    std::vector<const FlowNode*> ends;
    for (const auto& n : s.content->nodes)
      if (view.outgoing(n).empty()) ends.push_back(&n);
    auto terminates = std::count_if(ends.begin(), ends.end(), [&](const auto* n) { return is_terminate_end(*n); });
    if (terminates != 1) continue;
    if (std::all_of(ends.begin(), ends.end(), [&](const auto* n) { return is_interrupting_event_sub(*n) || is_terminate_end(*n); }))
      for (const auto* n : ends)
        if (is_terminate_end(*n)) r.report(*n, r.say("superfluous.termination"));
  }
}

}  // namespace syzba::check
