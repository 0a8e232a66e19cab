// The action table's rows: which actions, in which order, with which numbers and successors.
#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "table/table.h"

namespace syzba::table {

namespace {

using model::FlowNode;

// Where each node stands: its container and process, for following flows.
struct Place {
  const FlowNode* node = nullptr;
  const model::Container* container = nullptr;
  const model::Process* process = nullptr;
};

struct Index {
  std::unordered_map<std::string, Place> nodes;
  std::unordered_map<std::string, std::string> lane_of;      // node id → deepest lane's name
  std::unordered_map<std::string, std::string> pool_of;      // process id → participant name
  std::unordered_map<std::string, std::string> output_name;  // data reference id → name
  // Who follows whom, by id (one lookup per node, not a scan of its container: 300,000 actions
  // took minutes): targets of sequence flows, boundary events of a host, targets of messages.
  std::unordered_map<std::string, std::vector<std::string>> flow_targets, boundary_events, message_targets;
};

void index_lanes(const std::vector<model::LaneSet>& sets, Index& index) {
  for (const auto& set : sets)
    for (const auto& lane : set.lanes) {
      for (const auto& ref : lane.flow_node_refs) index.lane_of[ref] = lane.name;
      index_lanes(lane.child_lane_sets, index);  // deeper lanes overwrite
    }
}

void index_container(const model::Container& c, const model::Process& p, Index& index) {
  index_lanes(c.lane_sets, index);
  for (const auto& d : c.data_object_refs) index.output_name[d.id] = d.name;
  for (const auto& d : c.data_store_refs) index.output_name[d.id] = d.name;
  for (const auto& f : c.flows) index.flow_targets[f.source].push_back(f.target);
  for (const auto& n : c.nodes) {
    index.nodes[n.id] = {&n, &c, &p};
    if (!n.attached_to.empty()) index.boundary_events[n.attached_to].push_back(n.id);
    index_container(n.content, p, index);
  }
}

Index make_index(const model::Definitions& defs) {
  Index index;
  for (const auto& p : defs.processes) index_container(p.content, p, index);
  for (const auto& c : defs.collaborations) {
    for (const auto& part : c.participants)
      if (!part.process.empty()) index.pool_of.emplace(part.process, part.name);
    for (const auto& m : c.message_flows) {
      index.message_targets[m.source].push_back(m.target);
    }
  }
  return index;
}

// Processes in the pools' order, then the rest as the file has them.
std::vector<const model::Process*> process_order(const model::Definitions& defs) {
  std::vector<const model::Process*> out;
  auto add = [&](const model::Process& p) {
    if (std::find(out.begin(), out.end(), &p) == out.end()) out.push_back(&p);
  };
  for (const auto& c : defs.collaborations)
    for (const auto& part : c.participants)
      for (const auto& p : defs.processes)
        if (p.id == part.process) add(p);
  for (const auto& p : defs.processes) add(p);
  return out;
}

bool is_action(const FlowNode& n) { return model::is_activity(n.kind); }

// The actions that follow n: through sequence flows, across gateways and events, along
// message flows into other pools; boundary events of n count as ways out of it.
std::vector<const FlowNode*> next_actions(const FlowNode& from, const Index& index) {
  std::vector<const FlowNode*> out;
  std::set<std::string> seen{from.id};
  std::deque<const Place*> queue;
  auto visit = [&](const std::string& id) {
    auto it = index.nodes.find(id);
    if (it == index.nodes.end() || !seen.insert(id).second) return;
    if (is_action(*it->second.node)) out.push_back(it->second.node);
    else queue.push_back(&it->second);
  };
  auto each = [&](const std::unordered_map<std::string, std::vector<std::string>>& map, const std::string& id, auto&& f) {
    if (auto it = map.find(id); it != map.end())
      for (const auto& target : it->second) f(target);
  };
  auto successors = [&](const Place& at) {
    each(index.flow_targets, at.node->id, visit);
    if (!is_action(*at.node)) each(index.message_targets, at.node->id, visit);
    each(index.boundary_events, at.node->id, visit);
  };
  successors(index.nodes.at(from.id));
  while (!queue.empty()) {
    const Place* at = queue.front();
    queue.pop_front();
    successors(*at);
  }
  // A send task's message starts the next pool's work too.
  each(index.message_targets, from.id, visit);
  while (!queue.empty()) {
    const Place* at = queue.front();
    queue.pop_front();
    successors(*at);
  }
  return out;
}

// Actions of one process: the main path's first, then the other paths', then the rest.
std::vector<std::pair<const FlowNode*, bool>> ordered_actions(const model::Process& process,
                                                              const check::ProcessPaths* paths) {
  std::vector<std::pair<const FlowNode*, bool>> out;
  std::set<const FlowNode*> taken;
  auto take = [&](const FlowNode* n, bool alternative) {
    if (is_action(*n) && taken.insert(n).second) out.emplace_back(n, alternative);
  };
  if (paths && !paths->paths.empty()) {
    auto actions_on = [](const check::StepPath& p) {
      return std::count_if(p.steps.begin(), p.steps.end(), [](const FlowNode* n) { return is_action(*n); });
    };
    // The path with the most actions; between equals, one that does not end in a refusal.
    // (Whether a path "refuses" is read from names, and regulations name combined steps
    // "decision or refusal", so it cannot decide alone.)
    const check::StepPath* main = nullptr;
    for (const auto& p : paths->paths)
      if (!main || actions_on(p) > actions_on(*main) || (actions_on(p) == actions_on(*main) && main->refusal && !p.refusal))
        main = &p;
    for (const auto* n : main->steps) take(n, false);
    for (const auto& p : paths->paths)
      for (const auto* n : p.steps) take(n, true);
  }
  std::vector<const FlowNode*> rest;
  std::function<void(const model::Container&)> walk = [&](const model::Container& c) {
    for (const auto& n : c.nodes) {
      rest.push_back(&n);
      walk(n.content);
    }
  };
  walk(process.content);
  for (const auto* n : rest) take(n, true);
  return out;
}

std::string joined(const std::vector<model::Documentation>& docs) {
  std::string out;
  for (const auto& d : docs)
    if (!d.text.empty()) out += (out.empty() ? "" : "\n") + d.text;
  return out;
}

}  // namespace

Table make_table(const model::Definitions& defs, const check::Config& config) {
  Table table;
  table.service = defs.service && !defs.service->name.empty() ? defs.service->name : defs.name;
  if (defs.service && defs.service->term) table.term = defs.service->term->text;
  Index index = make_index(defs);
  auto all_paths = check::enumerate_paths(defs, config, 2000);

  std::vector<std::pair<const FlowNode*, bool>> actions;
  for (const auto* process : process_order(defs)) {
    if (table.term.empty() && process->service && process->service->term) table.term = process->service->term->text;
    const check::ProcessPaths* paths = nullptr;
    for (const auto& pp : all_paths)
      if (pp.process == process) paths = &pp;
    for (auto& a : ordered_actions(*process, paths)) actions.push_back(a);
  }
  // The main path of every pool first, then every alternative.
  auto alternatives = std::stable_partition(actions.begin(), actions.end(), [](const auto& a) { return !a.second; });
  // Alternatives in the regulation's numbering where they carry numbers.
  std::stable_sort(alternatives, actions.end(), [](const auto& a, const auto& b) {
    return check::step_number(a.first->name).value_or(1 << 30) < check::step_number(b.first->name).value_or(1 << 30);
  });

  // Numbers: the one a name carries, else the next one free after all of those.
  std::map<const FlowNode*, std::string> number;
  int highest = 0;
  for (const auto& [n, alt] : actions)
    if (auto k = check::step_number(n->name)) highest = std::max(highest, *k);
  for (const auto& [n, alt] : actions) {
    auto k = check::step_number(n->name);
    number[n] = std::to_string(k ? *k : ++highest);
  }

  // Each action's place in the table: next actions are listed in that order (a lookup, not a
  // scan of the table per row: 300,000 actions took minutes).
  std::unordered_map<const FlowNode*, std::size_t> position;
  for (std::size_t i = 0; i < actions.size(); ++i) position.emplace(actions[i].first, i);
  for (const auto& [n, alt] : actions) {
    Row row;
    row.id = n->id;
    row.number = number[n];
    const Place& place = index.nodes.at(n->id);
    if (auto l = index.lane_of.find(n->id); l != index.lane_of.end()) row.unit = l->second;
    else if (auto p = index.pool_of.find(place.process->id); p != index.pool_of.end()) row.unit = p->second;
    else row.unit = place.process->name;
    row.action = n->name;
    row.description = joined(n->documentation);
    for (const auto& out : n->data_outputs)
      if (auto it = index.output_name.find(out.target); it != index.output_name.end() && !it->second.empty())
        row.completion += (row.completion.empty() ? "" : "; ") + it->second;
    if (n->duration) row.duration = n->duration->text.empty() ? check::describe(*n->duration, check::Lang::kk) : n->duration->text;
    std::vector<const FlowNode*> next = next_actions(*n, index);
    std::erase_if(next, [&](const FlowNode* candidate) { return !position.count(candidate); });
    std::sort(next.begin(), next.end(), [&](const FlowNode* a, const FlowNode* b) { return position[a] < position[b]; });
    next.erase(std::unique(next.begin(), next.end()), next.end());
    for (const FlowNode* candidate : next) row.next.push_back(number[candidate]);  // in the table's order
    std::stable_sort(row.next.begin(), row.next.end(),
                     [](const std::string& a, const std::string& b) { return std::stoi(a) < std::stoi(b); });
    row.alternative = alt;
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace syzba::table
