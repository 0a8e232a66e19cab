#pragma once
// The flow graph of one scope (a process or a sub-process), with Boost.Graph: its flow nodes
// are the vertices; its sequence flows (by sourceRef and targetRef, the flows' own truth) are
// edges, and so are the ways a token moves without a flow: from an activity to its boundary
// events, and from a link throw event to the link catch events of the same name. Internal.
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/check.h"
#include "check/view.h"

namespace syzba::check {



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
void service_mismatch(const ModelView&, const Config&, Reporter&);
void term_exceeded(const ModelView&, const Config&, Reporter&);

// Soundness of each scope as a workflow net (soundness.cpp).
void soundness(const ModelView&, const Config&, Reporter&);

// The heaviest start-to-end path of a scope by a weight of paths (paths.cpp): exact and
// linear for a scope without cycles, else the heaviest of the enumerated paths.
StepPath heaviest_path(const ModelView& view, const Scope& scope, const Config& config,
                       const std::function<double(const StepPath&)>& weight);

// Regulation numbering (numbering_rules.cpp).
void numbering(const ModelView&, const Config&, Reporter&);

}  // namespace syzba::check
