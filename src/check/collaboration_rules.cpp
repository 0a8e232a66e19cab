// Collaboration sanity: message flows cross pools, lanes hold their nodes, black boxes are
// named as such.
#include <map>
#include <set>
#include <unordered_map>

#include "check/graph.h"

namespace syzba::check {

namespace {

// The pool (participant id) of every flow node, by the process the pool holds.
std::unordered_map<std::string, std::string> pool_of_nodes(const ModelView& view, const model::Collaboration& c) {
  std::unordered_map<std::string, std::string> pool_of_process, out;
  for (const auto& p : c.participants)
    if (!p.process.empty()) pool_of_process[p.process] = p.id;
  for (const auto& s : view.scopes) {
    auto it = pool_of_process.find(s.process->id);
    if (it == pool_of_process.end()) continue;
    for (const auto& n : s.content->nodes) out[n.id] = it->second;
  }
  return out;
}

void leaf_lanes(const model::LaneSet& set, std::vector<const model::Lane*>& out) {
  for (const auto& lane : set.lanes) {
    bool has_children = false;
    for (const auto& child : lane.child_lane_sets) {
      has_children = has_children || !child.lanes.empty();
      leaf_lanes(child, out);
    }
    if (!has_children) out.push_back(&lane);
  }
}

}  // namespace

void message_flow_same_pool(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& c : view.defs.collaborations) {
    auto pools = pool_of_nodes(view, c);
    std::set<std::string> participants;
    for (const auto& p : c.participants) participants.insert(p.id);
    auto pool = [&](const std::string& id) -> std::string {
      if (participants.count(id)) return id;
      auto it = pools.find(id);
      return it == pools.end() ? std::string() : it->second;
    };
    for (const auto& m : c.message_flows) {
      std::string from = pool(m.source), to = pool(m.target);
      if (!from.empty() && from == to)
        r.report(m, r.say("message-flow-same-pool", {from}));
    }
  }
}

void black_box_pool(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& c : view.defs.collaborations)
    for (const auto& p : c.participants)
      if (p.process.empty())
        r.report(p, r.say("black-box-pool", {p.name}));
}

void empty_lane(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    std::vector<const model::Lane*> leaves;
    for (const auto& set : s.content->lane_sets) leaf_lanes(set, leaves);
    for (const auto* lane : leaves)
      if (lane->flow_node_refs.empty()) r.report(*lane, r.say("empty-lane", {lane->name}));
  }
}

void lane_membership(const ModelView& view, const Config&, Reporter& r) {
  for (const auto& s : view.scopes) {
    for (const auto& set : s.content->lane_sets) {
      std::vector<const model::Lane*> leaves;
      leaf_lanes(set, leaves);
      std::map<std::string, std::vector<std::string>> lanes_of;
      for (const auto* lane : leaves)
        for (const auto& ref : lane->flow_node_refs) lanes_of[ref].push_back(lane->name.empty() ? lane->id : lane->name);
      for (const auto& n : s.content->nodes) {
        auto it = lanes_of.find(n.id);
        std::string what = n.name.empty() ? "'" + n.id + "'" : "«" + n.name + "»";
        // A boundary event sits on its host's border and goes where its host goes.
        if (it == lanes_of.end() && n.kind == model::NodeKind::boundary_event && lanes_of.count(n.attached_to)) continue;
        if (it == lanes_of.end()) {
          r.report(n, r.say("lane.none", {what}));
        } else if (it->second.size() > 1) {
          std::string names;
          for (const auto& l : it->second) names += (names.empty() ? "«" : ", «") + l + "»";
          r.report(n, r.say("lane.many", {what, std::to_string(it->second.size()), names}));
        }
      }
    }
  }
}

}  // namespace syzba::check
