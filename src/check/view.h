#pragma once
// A read-only view of a model for the rules: every flow-element container (a process or a
// sub-process) as a Scope, lookups by id, and each node's flows resolved. Internal to check.
#include <boost/graph/adjacency_list.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/check.h"

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

  Graph graph;
  std::vector<const model::FlowNode*> nodes;  // by vertex: the scope's nodes in their order

  // Vertices reachable from the sources along edges (or against them, backwards).
  std::vector<bool> reachable(const std::vector<Vertex>& sources, bool backwards = false) const;
};

class ModelView;
FlowGraph build_flow_graph(const Scope& scope, const ModelView& view);  // flow_rules.cpp

class ModelView {
 public:
  explicit ModelView(const model::Definitions& defs);
  ModelView(const ModelView&) = delete;  // scopes point at each other

  const model::Definitions& defs;
  std::vector<Scope> scopes;  // processes first, then sub-processes, depth first

  const model::FlowNode* node(std::string_view id) const;
  const model::SequenceFlow* flow(std::string_view id) const;
  const Scope* scope_of(const model::FlowNode& node) const;  // the scope the node stands in
  const Scope* scope_inside(const model::FlowNode& sub_process) const;  // the scope a sub-process is
  // A node's incoming and outgoing flows as its <incoming>/<outgoing> elements list them,
  // resolved (as bpmn.io tools see them); unresolvable ids are left out.
  const std::vector<const model::SequenceFlow*>& incoming(const model::FlowNode& node) const;
  const std::vector<const model::SequenceFlow*>& outgoing(const model::FlowNode& node) const;
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
  // Where a node stands: each scope's nodes are one contiguous vector, so the scope and the
  // ordinal of a node follow from its address (ranges sorted by address, found by bisection).
  struct NodeRange {
    const model::FlowNode* begin;
    const model::FlowNode* end;
    std::size_t scope;
    std::size_t first_ordinal;
  };
  const NodeRange* range_of(const model::FlowNode& node) const;
  std::unordered_map<std::string_view, const model::FlowNode*> nodes_;
  std::unordered_map<std::string_view, const model::SequenceFlow*> flows_;
  std::vector<NodeRange> ranges_;
  std::size_t node_count_ = 0;
  bool node_ids_unique_ = true;
  std::unordered_map<const model::FlowNode*, std::size_t> inner_scope_index_;
  struct Links {
    std::vector<const model::SequenceFlow*> incoming, outgoing;
  };
  std::vector<Links> links_;  // by ordinal, resolved once: every rule asks
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
