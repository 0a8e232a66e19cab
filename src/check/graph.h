#pragma once
// The flow graph of one scope (a process or a sub-process), with Boost.Graph: its flow nodes
// are the vertices; its sequence flows (by sourceRef and targetRef, the flows' own truth) are
// edges, and so are the ways a token moves without a flow: from an activity to its boundary
// events, and from a link throw event to the link catch events of the same name. Internal.
#include <boost/graph/adjacency_list.hpp>

#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/view.h"

namespace syzba::check {

struct FlowEdge {
  const model::SequenceFlow* flow = nullptr;  // null for boundary and link edges
  int index = 0;                              // 0 .. edges-1, for per-edge marks
};

struct FlowGraph {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, FlowEdge>;
  using Vertex = Graph::vertex_descriptor;
  using Edge = Graph::edge_descriptor;

  Graph graph;
  std::vector<const model::FlowNode*> nodes;  // by vertex
  std::unordered_map<std::string_view, Vertex> vertex_of;

  // Vertices reachable from the sources along edges (or against them, backwards).
  std::vector<bool> reachable(const std::vector<Vertex>& sources, bool backwards = false) const;
};

FlowGraph build_flow_graph(const Scope& scope);

// Flow-graph rules of syzba's own (registered in rules.cpp).
void unreachable(const ModelView&, const Config&, Reporter&);
void dead_end(const ModelView&, const Config&, Reporter&);
void condition_branches(const ModelView&, const Config&, Reporter&);
void condition_branch_label(const ModelView&, const Config&, Reporter&);
void refusal_branch_missing(const ModelView&, const Config&, Reporter&);

// Collaboration sanity (collaboration_rules.cpp).
void message_flow_same_pool(const ModelView&, const Config&, Reporter&);
void black_box_pool(const ModelView&, const Config&, Reporter&);
void empty_lane(const ModelView&, const Config&, Reporter&);
void lane_membership(const ModelView&, const Config&, Reporter&);

// Durations against the declared term (paths.cpp).
void duration_missing(const ModelView&, const Config&, Reporter&);
void term_exceeded(const ModelView&, const Config&, Reporter&);

// Soundness of each scope as a workflow net (soundness.cpp).
void soundness(const ModelView&, const Config&, Reporter&);

// Regulation numbering (numbering_rules.cpp).
void numbering(const ModelView&, const Config&, Reporter&);

}  // namespace syzba::check
