#include "check/view.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace syzba::check {

using model::NodeKind;

ModelView::ModelView(const model::Definitions& d) : defs(d) {
  // Scopes point at their parents inside the vector, so its size is fixed before filling.
  std::size_t count = 0;
  std::function<void(const model::Container&)> count_scopes = [&](const model::Container& c) {
    for (const auto& n : c.nodes)
      if (model::is_sub_process(n.kind)) {
        ++count;
        count_scopes(n.content);
      }
  };
  for (const auto& p : defs.processes) {
    ++count;
    count_scopes(p.content);
  }
  scopes.reserve(count);
  std::size_t node_count = 0, flow_count = 0;
  model::for_each_element(defs, [&](const model::BaseElement&, model::ElementClass cls, std::string_view) {
    node_count += cls == model::ElementClass::flow_node;
    flow_count += cls == model::ElementClass::sequence_flow;
  });
  nodes_.reserve(node_count);
  flows_.reserve(flow_count);
  for (const auto& p : defs.processes) {
    scopes.push_back({&p, &p.content, nullptr, &p, nullptr});
    add_scopes(p.content, p, &scopes.back());
  }
  for (const auto& diagram : defs.diagrams)
    for (const auto& e : diagram.plane.elements) di_.emplace(e.element, &e);
  std::sort(ranges_.begin(), ranges_.end(),
            [](const NodeRange& a, const NodeRange& b) { return std::less<const model::FlowNode*>{}(a.begin, b.begin); });
  auto resolve = [&](const std::vector<std::string>& ids) {
    std::vector<const model::SequenceFlow*> out;
    for (const auto& id : ids)
      if (const auto* f = flow(id)) out.push_back(f);
    return out;
  };
  // Every node, duplicates of an id included: each has its own links.
  links_.resize(node_count_);
  for (const auto& range : ranges_)
    for (const auto* n = range.begin; n != range.end; ++n)
      links_[range.first_ordinal + static_cast<std::size_t>(n - range.begin)] = {resolve(n->incoming), resolve(n->outgoing)};
}

void ModelView::add_scopes(const model::Container& content, const model::Process& process, const Scope* parent) {
  std::size_t parent_index = static_cast<std::size_t>(parent - scopes.data());
  for (const auto& n : content.nodes) node_ids_unique_ = nodes_.emplace(n.id, &n).second && node_ids_unique_;
  if (!content.nodes.empty()) {
    ranges_.push_back({content.nodes.data(), content.nodes.data() + content.nodes.size(), parent_index, node_count_});
    node_count_ += content.nodes.size();
  }
  for (const auto& f : content.flows) flows_.emplace(f.id, &f);
  for (const auto& n : content.nodes) {
    if (!model::is_sub_process(n.kind)) continue;
    scopes.push_back({&n, &n.content, &n, &process, parent});
    inner_scope_index_.emplace(&n, scopes.size() - 1);
    add_scopes(n.content, process, &scopes.back());
  }
}

const model::FlowNode* ModelView::node(std::string_view id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : it->second;
}

const model::SequenceFlow* ModelView::flow(std::string_view id) const {
  auto it = flows_.find(id);
  return it == flows_.end() ? nullptr : it->second;
}

const ModelView::NodeRange* ModelView::range_of(const model::FlowNode& n) const {
  std::less<const model::FlowNode*> before;
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), &n,
                             [&](const model::FlowNode* p, const NodeRange& r) { return before(p, r.begin); });
  if (it == ranges_.begin()) return nullptr;
  --it;
  return before(&n, it->end) ? &*it : nullptr;
}

const Scope* ModelView::scope_of(const model::FlowNode& n) const {
  const NodeRange* range = range_of(n);
  return range ? &scopes[range->scope] : nullptr;
}

std::size_t ModelView::ordinal(const model::FlowNode& n) const {
  const NodeRange* range = range_of(n);
  if (!range) throw std::out_of_range("ordinal() of a node that is not this view's");
  return range->first_ordinal + static_cast<std::size_t>(&n - range->begin);
}

const std::vector<const model::SequenceFlow*>& ModelView::incoming(const model::FlowNode& n) const {
  return links_[ordinal(n)].incoming;
}
const std::vector<const model::SequenceFlow*>& ModelView::outgoing(const model::FlowNode& n) const {
  return links_[ordinal(n)].outgoing;
}

const Scope* ModelView::scope_inside(const model::FlowNode& n) const {
  auto it = inner_scope_index_.find(&n);
  return it == inner_scope_index_.end() ? nullptr : &scopes[it->second];
}

const FlowGraph& ModelView::graph(const Scope& scope) const {
  auto index = static_cast<std::size_t>(&scope - scopes.data());
  if (index >= scopes.size()) throw std::logic_error("graph() of a scope that is not this view's");
  if (graphs_.size() < scopes.size()) graphs_.resize(scopes.size());
  if (!graphs_[index]) graphs_[index] = std::make_unique<FlowGraph>(build_flow_graph(scope, *this));
  return *graphs_[index];
}

const model::DiElement* ModelView::di(std::string_view id) const {
  auto it = di_.find(id);
  return it == di_.end() ? nullptr : it->second;
}

bool is_task(NodeKind kind) { return kind <= NodeKind::script_task; }
bool is_catch_event(NodeKind kind) {
  return kind == NodeKind::start_event || kind == NodeKind::intermediate_catch_event || kind == NodeKind::boundary_event;
}
bool is_throw_event(NodeKind kind) { return kind == NodeKind::end_event || kind == NodeKind::intermediate_throw_event; }
bool has_event(const model::FlowNode& n, model::EventKind kind) {
  return std::any_of(n.event_definitions.begin(), n.event_definitions.end(), [&](const auto& d) { return d.kind == kind; });
}

}  // namespace syzba::check
