#pragma once
// A read-only view of a model for the rules: every flow-element container (a process or a
// sub-process) as a Scope, lookups by id, and each node's flows resolved. Internal to check.
#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/check.h"
#include "check/ids.h"

namespace syzba::check {

struct Scope {
  const model::BaseElement* element = nullptr;  // the process or the sub-process
  const model::Container* content = nullptr;
  const model::FlowNode* sub_process = nullptr;  // null for a process
  const model::Process* process = nullptr;       // the process it is in
  const Scope* parent = nullptr;                 // the enclosing scope; null for a process
};

// The flow graph of one scope, with Boost.Graph: flow nodes are vertices; sequence flows (by
// sourceRef and targetRef, the flows' own truth) are edges, and so are the ways a token moves
// without a flow: from an activity to its boundary events, from a link throw to the link
// catches of the same name.
struct FlowEdge {
  const model::SequenceFlow* flow = nullptr;  // null for boundary and link edges
  int index = 0;                              // 0 .. edges-1, for per-edge marks
};

struct FlowGraph {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, FlowEdge>;
  using Vertex = Graph::vertex_descriptor;
  using Edge = Graph::edge_descriptor;

  FlowGraph() = default;
  explicit FlowGraph(std::size_t vertices) : graph(vertices) {}
  FlowGraph(const FlowGraph&) = delete;  // a copy of a large graph is never wanted

  Graph graph;
  std::vector<const model::FlowNode*> nodes;  // by vertex: the scope's nodes in their order

  // Vertices reachable from the sources along edges (or against them, backwards).
  std::vector<bool> reachable(const std::vector<Vertex>& sources, bool backwards = false) const;
};

class ModelView;
// Built in place (flow_rules.cpp): Boost 1.74's adjacency_list has no move, and returning or
// assigning one copied a 100,000-vertex graph (16 MB and 337,000 allocations for a moment).
std::unique_ptr<FlowGraph> build_flow_graph(const Scope& scope, const ModelView& view);

class ModelView {
 public:
  explicit ModelView(const model::Definitions& defs);
  ModelView(const ModelView&) = delete;  // scopes point at each other

  const model::Definitions& defs;
  std::vector<Scope> scopes;  // processes first, then sub-processes, depth first

  // Every id of the file, as the structural rules resolve references (ids.h).
  const IdIndex& ids() const { return ids_; }
  // The first flow node (sequence flow) of an id, scope by scope in the order of scopes.
  const model::FlowNode* node(std::string_view id) const;
  const model::SequenceFlow* flow(std::string_view id) const;
  // A flow's sourceRef and targetRef as node(id) finds them, resolved once for every rule.
  const model::FlowNode* source_of(const model::SequenceFlow& flow) const { return ends_[flow_ordinal(flow)].source; }
  const model::FlowNode* target_of(const model::SequenceFlow& flow) const { return ends_[flow_ordinal(flow)].target; }
  // The index entries those references name exactly (null: no element has that id), found
  // once for the view and the structural rules, which resolve the same references: a node's
  // <incoming> ids, then its <outgoing> ids; a flow's sourceRef and targetRef.
  std::span<const IndexEntry* const> link_entries(const model::FlowNode& node) const;
  std::pair<const IndexEntry*, const IndexEntry*> end_entries(const model::SequenceFlow& flow) const {
    const auto& ends = ends_[flow_ordinal(flow)];
    return {ends.source_entry, ends.target_entry};
  }
  const Scope* scope_of(const model::FlowNode& node) const;  // the scope the node stands in
  const Scope* scope_inside(const model::FlowNode& sub_process) const;  // the scope a sub-process is
  // A node's incoming and outgoing flows as its <incoming>/<outgoing> elements list them,
  // resolved (as bpmn.io tools see them); unresolvable ids are left out.
  std::span<const model::SequenceFlow* const> incoming(const model::FlowNode& node) const;
  std::span<const model::SequenceFlow* const> outgoing(const model::FlowNode& node) const;
  const model::DiElement* di(std::string_view bpmn_id) const;  // the first DI element drawing it
  const FlowGraph& graph(const Scope& scope) const;             // built once, on first use

  // Every flow node of the view numbered 0 .. node_count()-1, scope by scope: what rules
  // index per-node data by, instead of hashing node pointers.
  std::size_t node_count() const { return node_count_; }
  std::size_t ordinal(const model::FlowNode& node) const;
  // No two flow nodes share an id: then node(id) is the one node of that id, wherever it is.
  bool node_ids_unique() const { return node_ids_unique_; }

 private:
  void add_scopes(const model::Container& content, const model::Process& process, const Scope* parent);
  // Where a node or a flow stands: each scope's nodes (flows) are one contiguous vector, so
  // the scope and the ordinal follow from the address (ranges sorted by address, found by
  // bisection).
  template <class T>
  struct Range {
    const T* begin;
    const T* end;
    std::size_t scope;
    std::size_t first_ordinal;
  };
  template <class T>
  static const Range<T>* range_of(const std::vector<Range<T>>& ranges, const T& item);
  const Range<model::FlowNode>* range_of(const model::FlowNode& node) const { return range_of(ranges_, node); }
  std::size_t flow_ordinal(const model::SequenceFlow& flow) const;
  // Among elements of one id, the first of a class in the view's order (scope, then place).
  const IndexEntry* find_entry(std::string_view id) const;
  template <class T>
  const T* first_of(const IndexEntry* entry, model::ElementClass cls, const std::vector<Range<T>>& ranges) const;
  const model::FlowNode* node_of(std::string_view id, const IndexEntry* entry) const;
  const model::SequenceFlow* flow_of(std::string_view id, const IndexEntry* entry) const;
  void resolve_links();
  void take_end(const model::FlowNode& n, const model::SequenceFlow& f, bool outgoing, const IndexEntry*& own);
  void resolve_ends();
  void check_node_ids_unique();
  IdIndex ids_;
  std::vector<Range<model::FlowNode>> ranges_;
  std::vector<Range<model::SequenceFlow>> flow_ranges_;
  const model::FlowNode* unnamed_node_ = nullptr;  // the first node with no id: the index leaves it out
  const model::SequenceFlow* unnamed_flow_ = nullptr;
  std::size_t node_count_ = 0, flow_count_ = 0;
  std::size_t unnamed_nodes_ = 0;
  bool node_ids_unique_ = true;
  struct Ends {
    const model::FlowNode *source = nullptr, *target = nullptr;
    const IndexEntry *source_entry = nullptr, *target_entry = nullptr;
  };
  std::vector<Ends> ends_;  // by flow ordinal
  std::unordered_map<const model::FlowNode*, std::size_t> inner_scope_index_;
  // Every node's resolved incoming flows, then its outgoing ones, one node after the other
  // (resolved once: every rule asks). Two vectors per node were 14 MB of a 100,000-node check.
  std::vector<const model::SequenceFlow*> link_flows_;
  struct LinkSpan {
    std::uint32_t start = 0;  // where the node's flows start in link_flows_ (filled in address order, not by ordinal)
    std::uint32_t incoming = 0, outgoing = 0;
  };
  std::vector<LinkSpan> link_spans_;  // by ordinal
  std::vector<const IndexEntry*> link_entries_;  // every node's, one after the other
  std::vector<std::uint32_t> link_entries_start_;  // by ordinal: where the node's entries start
  std::unordered_map<std::string_view, const model::DiElement*> di_;
  mutable std::vector<std::unique_ptr<FlowGraph>> graphs_;  // by scope index; a cache, not state
};

// Appends findings of one rule with its id and default severity.
class Reporter {
 public:
  Reporter(const Rule& rule, std::vector<model::Diagnostic>& out, Lang lang = Lang::en)
      : rule_(rule), out_(out), lang_(lang) {}
  // A catalog message in the language of the check.
  std::string say(std::string_view id, const std::vector<std::string>& args = {}) const {
    return check::say(lang_, id, args);
  }
  void report(const model::BaseElement& element, std::string message, std::vector<std::string> path = {}) {
    out_.push_back({std::string(rule_.id), rule_.severity, element.id, element.pos.line, element.pos.column,
                    std::move(message), std::move(path)});
  }
  // For a rule that finds several kinds of problem (soundness): reports under another
  // rule's id, with that rule's default severity.
  void report_as(std::string_view id, const model::BaseElement& element, std::string message,
                 std::vector<std::string> path = {}) {
    const Rule* rule = find_rule(id);
    out_.push_back({std::string(id), rule ? rule->severity : rule_.severity, element.id, element.pos.line,
                    element.pos.column, std::move(message), std::move(path)});
  }

 private:
  const Rule& rule_;
  std::vector<model::Diagnostic>& out_;
  Lang lang_;
};

// Kinds as the BPMN class hierarchy groups them (bpmn:Task, bpmn:CatchEvent, ...).
bool is_task(model::NodeKind kind);         // task and its typed kinds
bool is_catch_event(model::NodeKind kind);  // start, intermediate catch, boundary
bool is_throw_event(model::NodeKind kind);  // end, intermediate throw
bool has_event(const model::FlowNode& node, model::EventKind kind);

// The bpmnlint rules: one function each, registered in rules.cpp.
void ad_hoc_sub_process(const ModelView&, const Config&, Reporter&);
void conditional_flows(const ModelView&, const Config&, Reporter&);
void end_event_required(const ModelView&, const Config&, Reporter&);
void event_based_gateway(const ModelView&, const Config&, Reporter&);
void event_sub_process_typed_start_event(const ModelView&, const Config&, Reporter&);
void fake_join(const ModelView&, const Config&, Reporter&);
void global(const ModelView&, const Config&, Reporter&);
void label_required(const ModelView&, const Config&, Reporter&);
void link_event(const ModelView&, const Config&, Reporter&);
void no_bpmndi(const ModelView&, const Config&, Reporter&);
void no_complex_gateway(const ModelView&, const Config&, Reporter&);
void no_disconnected(const ModelView&, const Config&, Reporter&);
void no_duplicate_sequence_flows(const ModelView&, const Config&, Reporter&);
void no_gateway_join_fork(const ModelView&, const Config&, Reporter&);
void no_implicit_split(const ModelView&, const Config&, Reporter&);
void no_implicit_end(const ModelView&, const Config&, Reporter&);
void no_implicit_start(const ModelView&, const Config&, Reporter&);
void no_inclusive_gateway(const ModelView&, const Config&, Reporter&);
void no_overlapping_elements(const ModelView&, const Config&, Reporter&);
void single_blank_start_event(const ModelView&, const Config&, Reporter&);
void single_event_definition(const ModelView&, const Config&, Reporter&);
void start_event_required(const ModelView&, const Config&, Reporter&);
void sub_process_blank_start_event(const ModelView&, const Config&, Reporter&);
void superfluous_gateway(const ModelView&, const Config&, Reporter&);
void superfluous_label(const ModelView&, const Config&, Reporter&);
void superfluous_termination(const ModelView&, const Config&, Reporter&);

}  // namespace syzba::check
