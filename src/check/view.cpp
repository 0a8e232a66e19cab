#include "check/view.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace syzba::check {

using model::NodeKind;

ModelView::ModelView(const model::Definitions& d) : defs(d), ids_(index_ids(d)) {
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
  for (const auto& p : defs.processes) {
    scopes.push_back({&p, &p.content, nullptr, &p, nullptr});
    add_scopes(p.content, p, &scopes.back());
  }
  check_node_ids_unique();
  for (const auto& diagram : defs.diagrams)
    for (const auto& e : diagram.plane.elements) di_.emplace(e.element, &e);
  auto by_address = [](const auto& a, const auto& b) { return std::less<>{}(a.begin, b.begin); };
  std::sort(ranges_.begin(), ranges_.end(), by_address);
  std::sort(flow_ranges_.begin(), flow_ranges_.end(), by_address);
  ends_.resize(flow_count_);  // before the links, which give most ends
  resolve_links();
  resolve_ends();
}

// Every node, duplicates of an id included: each has its own links.
void ModelView::resolve_links() {
  link_spans_.resize(node_count_);
  link_entries_start_.resize(node_count_);
  std::size_t links = 0;  // reserved: a vector grown by doubling holds up to twice its size
  for (const auto& range : ranges_)
    for (const auto* n = range.begin; n != range.end; ++n) links += n->incoming.size() + n->outgoing.size();
  link_entries_.reserve(links);
  link_flows_.reserve(links);
  for (const auto& range : ranges_) {
    for (const auto* n = range.begin; n != range.end; ++n) {
      std::size_t ordinal = range.first_ordinal + static_cast<std::size_t>(n - range.begin);
      link_entries_start_[ordinal] = static_cast<std::uint32_t>(link_entries_.size());
      link_spans_[ordinal].start = static_cast<std::uint32_t>(link_flows_.size());
      const IndexEntry* own = nullptr;  // the node's own entry, looked up once it is needed
      for (const auto* ids : {&n->incoming, &n->outgoing}) {
        for (const auto& id : *ids) {
          const IndexEntry* entry = find_entry(id);
          link_entries_.push_back(entry);
          const auto* f = flow_of(id, entry);
          if (!f) continue;
          link_flows_.push_back(f);
          if (node_ids_unique_) take_end(*n, *f, ids == &n->outgoing, own);
        }
        auto resolved = static_cast<std::uint32_t>(link_flows_.size()) - link_spans_[ordinal].start;
        if (ids == &n->incoming) link_spans_[ordinal].incoming = resolved;
        else link_spans_[ordinal].outgoing = resolved - link_spans_[ordinal].incoming;
      }
    }
  }
}

// A flow that its source lists as outgoing (or its target as incoming) has that node as its
// end, when no two nodes share an id: node_of would find no other. Taken here, from the links
// already resolved, the end needs no lookup of its own (225,000 lookups of a 100,000-node
// model became the 100,000 of the nodes' own ids).
void ModelView::take_end(const model::FlowNode& n, const model::SequenceFlow& f, bool outgoing, const IndexEntry*& own) {
  if (n.id.empty() || (outgoing ? f.source : f.target) != n.id) return;
  if (!own) own = find_entry(n.id);
  Ends& ends = ends_[flow_ordinal(f)];
  if (outgoing) ends.source = &n, ends.source_entry = own;
  else ends.target = &n, ends.target_entry = own;
}

// The ends that no node's links gave: looked up by id (an end not found stays null either way).
void ModelView::resolve_ends() {
  for (const auto& range : flow_ranges_) {
    for (const auto* f = range.begin; f != range.end; ++f) {
      Ends& ends = ends_[range.first_ordinal + static_cast<std::size_t>(f - range.begin)];
      if (!ends.source_entry) ends.source_entry = find_entry(f->source), ends.source = node_of(f->source, ends.source_entry);
      if (!ends.target_entry) ends.target_entry = find_entry(f->target), ends.target = node_of(f->target, ends.target_entry);
    }
  }
}

std::span<const IndexEntry* const> ModelView::link_entries(const model::FlowNode& n) const {
  std::size_t ordinal = this->ordinal(n);
  std::size_t start = link_entries_start_[ordinal];
  return {link_entries_.data() + start, n.incoming.size() + n.outgoing.size()};
}

void ModelView::add_scopes(const model::Container& content, const model::Process& process, const Scope* parent) {
  std::size_t parent_index = static_cast<std::size_t>(parent - scopes.data());
  for (const auto& n : content.nodes)
    if (n.id.empty() && ++unnamed_nodes_ == 1) unnamed_node_ = &n;
  if (!content.nodes.empty()) {
    ranges_.push_back({content.nodes.data(), content.nodes.data() + content.nodes.size(), parent_index, node_count_});
    node_count_ += content.nodes.size();
  }
  for (const auto& f : content.flows)
    if (f.id.empty() && !unnamed_flow_) unnamed_flow_ = &f;
  if (!content.flows.empty()) {
    flow_ranges_.push_back({content.flows.data(), content.flows.data() + content.flows.size(), parent_index, flow_count_});
    flow_count_ += content.flows.size();
  }
  for (const auto& n : content.nodes) {
    if (!model::is_sub_process(n.kind)) continue;
    scopes.push_back({&n, &*n.content, &n, &process, parent});  // the shared empty one for an empty sub-process
    inner_scope_index_.emplace(&n, scopes.size() - 1);
    add_scopes(n.content, process, &scopes.back());
  }
}

// Two flow nodes of one id, or two without an id, anywhere in the file.
void ModelView::check_node_ids_unique() {
  node_ids_unique_ = unnamed_nodes_ < 2;
  for (const auto& [id, entry] : ids_) {
    if (!node_ids_unique_) return;
    auto more = entry.duplicates();
    auto nodes = std::count_if(more.begin(), more.end(), [](const Indexed& e) { return e.cls == model::ElementClass::flow_node; });
    node_ids_unique_ = nodes + (entry.first.cls == model::ElementClass::flow_node) < 2;
  }
}

template <class T>
const ModelView::Range<T>* ModelView::range_of(const std::vector<Range<T>>& ranges, const T& item) {
  std::less<const T*> before;
  auto it = std::upper_bound(ranges.begin(), ranges.end(), &item,
                             [&](const T* p, const Range<T>& r) { return before(p, r.begin); });
  if (it == ranges.begin()) return nullptr;
  --it;
  return before(&item, it->end) ? &*it : nullptr;
}

const IndexEntry* ModelView::find_entry(std::string_view id) const {
  const auto* found = ids_.find(id);
  return found ? &found->second : nullptr;
}

template <class T>
const T* ModelView::first_of(const IndexEntry* entry, model::ElementClass cls, const std::vector<Range<T>>& ranges) const {
  if (!entry) return nullptr;
  const T* best = entry->first.cls == cls ? static_cast<const T*>(entry->first.element) : nullptr;
  if (!entry->more) return best;
  // Duplicates, which are rare: the index keeps them in the walk's order, the view wants its
  // own, which ordinals follow.
  auto order = [&](const T* e) {
    const Range<T>* r = range_of(ranges, *e);
    return r->first_ordinal + static_cast<std::size_t>(e - r->begin);
  };
  for (const auto& other : entry->duplicates()) {
    if (other.cls != cls) continue;
    const T* candidate = static_cast<const T*>(other.element);
    if (!best || order(candidate) < order(best)) best = candidate;
  }
  return best;
}

// The index leaves out elements without an id; the view finds the first of them for "".
const model::FlowNode* ModelView::node_of(std::string_view id, const IndexEntry* entry) const {
  return id.empty() ? unnamed_node_ : first_of(entry, model::ElementClass::flow_node, ranges_);
}

const model::SequenceFlow* ModelView::flow_of(std::string_view id, const IndexEntry* entry) const {
  return id.empty() ? unnamed_flow_ : first_of(entry, model::ElementClass::sequence_flow, flow_ranges_);
}

const model::FlowNode* ModelView::node(std::string_view id) const { return node_of(id, find_entry(id)); }

const model::SequenceFlow* ModelView::flow(std::string_view id) const { return flow_of(id, find_entry(id)); }

std::size_t ModelView::flow_ordinal(const model::SequenceFlow& f) const {
  const auto* range = range_of(flow_ranges_, f);
  if (!range) throw std::out_of_range("a flow that is not this view's");
  return range->first_ordinal + static_cast<std::size_t>(&f - range->begin);
}

const Scope* ModelView::scope_of(const model::FlowNode& n) const {
  const auto* range = range_of(n);
  return range ? &scopes[range->scope] : nullptr;
}

std::size_t ModelView::ordinal(const model::FlowNode& n) const {
  const auto* range = range_of(n);
  if (!range) throw std::out_of_range("ordinal() of a node that is not this view's");
  return range->first_ordinal + static_cast<std::size_t>(&n - range->begin);
}

std::span<const model::SequenceFlow* const> ModelView::incoming(const model::FlowNode& n) const {
  const LinkSpan& span = link_spans_[ordinal(n)];
  return {link_flows_.data() + span.start, span.incoming};
}
std::span<const model::SequenceFlow* const> ModelView::outgoing(const model::FlowNode& n) const {
  const LinkSpan& span = link_spans_[ordinal(n)];
  return {link_flows_.data() + span.start + span.incoming, span.outgoing};
}

const Scope* ModelView::scope_inside(const model::FlowNode& n) const {
  auto it = inner_scope_index_.find(&n);
  return it == inner_scope_index_.end() ? nullptr : &scopes[it->second];
}

const FlowGraph& ModelView::graph(const Scope& scope) const {
  auto index = static_cast<std::size_t>(&scope - scopes.data());
  if (index >= scopes.size()) throw std::logic_error("graph() of a scope that is not this view's");
  if (graphs_.size() < scopes.size()) graphs_.resize(scopes.size());
  if (!graphs_[index]) graphs_[index] = build_flow_graph(scope, *this);
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
