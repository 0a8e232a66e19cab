// Phase 2, ranking: every ranked item of a frame gets its rank (column) along the flow.
// Cycles are broken by a depth-first search from the start events that reverses each back
// edge (a return for correction, a loop), so that the main path runs forward; ranks are the
// longest path from the sources (a merge lands right after its last branch), and a source
// other than the first (a second pool's start, a catching event) moves up to just before
// what it leads to. Message flows rank their target no earlier than their source (minimum
// length 0), so that a message runs straight down between pools where it can. Everything is
// iterative and linear in the size of the frame.
#include <algorithm>
#include <unordered_map>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

// The item a link end stands for in a frame: the item itself, its host, or the sub-process
// around it that stands directly in the frame.
int representative(const Graph& g, int item, int frame) {
  if (item < 0) return -1;
  if (g.items[item].anchor >= 0 && g.items[item].kind == ItemKind::boundary_event) item = g.items[item].anchor;
  if (g.items[item].frame == frame) return item;
  for (int c : g.items[item].containers)
    if (g.items[c].frame == frame) return c;
  return -1;
}

bool ranked(const Item& item) { return item.kind == ItemKind::flow_node || (item.anchor < 0 && item.kind != ItemKind::boundary_event); }

// The edges of a frame as written, before cycle breaking.
std::vector<FlowEdge> frame_edges(const Graph& g, int frame) {
  std::vector<FlowEdge> edges;
  for (int l = 0; l < static_cast<int>(g.links.size()); ++l) {
    const Link& link = g.links[l];
    bool sequence = link.kind == LinkKind::sequence, message = link.kind == LinkKind::message && frame == 0;
    if (!sequence && !message) continue;
    if (sequence && g.items[link.from].frame != frame) continue;
    int a = representative(g, link.from, frame), b = representative(g, link.to, frame);
    if (a < 0 || b < 0 || a == b || !ranked(g.items[a]) || !ranked(g.items[b])) continue;
    FlowEdge e{a, b, sequence ? 1 : 0, l};
    e.negative = sequence && (negative_label(link.name) || g.items[link.from].kind == ItemKind::boundary_event);
    edges.push_back(e);
  }
  return edges;
}

struct Ranker {
  const Graph& g;
  std::vector<int> nodes;                  // the frame's ranked items
  std::unordered_map<int, int> local;      // item → index in nodes
  std::vector<FlowEdge> edges;
  std::vector<std::vector<int>> out, in;   // edge indices per local node

  void adjacency() {
    out.assign(nodes.size(), {}), in.assign(nodes.size(), {});
    for (int e = 0; e < static_cast<int>(edges.size()); ++e) {
      out[local[edges[e].from]].push_back(e);
      in[local[edges[e].to]].push_back(e);
    }
  }

  // Depth-first search over the sequence flows from the sources (in model order), then from
  // whatever is left; a flow to a node still on the stack closes a cycle and is turned round.
  // Message flows (only a constraint on ranks) come after, each kept where it closes no
  // cycle: a loop through another pool never turns a sequence flow round.
  void break_cycles() {
    std::vector<FlowEdge> messages;
    std::erase_if(edges, [&](const FlowEdge& e) {
      if (e.minlen == 0) messages.push_back(e);
      return e.minlen == 0;
    });
    adjacency();
    enum { unseen, open, done };
    std::vector<char> state(nodes.size(), unseen);
    std::vector<char> back(edges.size(), 0);
    std::vector<int> roots;
    for (int v = 0; v < static_cast<int>(nodes.size()); ++v)
      if (in[v].empty()) roots.push_back(v);
    for (int v = 0; v < static_cast<int>(nodes.size()); ++v) roots.push_back(v);
    std::vector<std::pair<int, std::size_t>> stack;  // node, next out-edge
    for (int root : roots) {
      if (state[root] != unseen) continue;
      state[root] = open;
      stack.push_back({root, 0});
      while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next == out[v].size()) {
          state[v] = done;
          stack.pop_back();
          continue;
        }
        int e = out[v][next++];
        int w = local[edges[e].to];
        if (state[w] == open) back[e] = 1;
        else if (state[w] == unseen) state[w] = open, stack.push_back({w, 0});
      }
    }
    for (int e = 0; e < static_cast<int>(edges.size()); ++e)
      if (back[e]) std::swap(edges[e].from, edges[e].to), edges[e].reversed = true;
    adjacency();
    for (const FlowEdge& m : messages) {
      if (reaches(local[m.to], local[m.from])) continue;
      edges.push_back(m);
      out[local[m.from]].push_back(static_cast<int>(edges.size()) - 1);
      in[local[m.to]].push_back(static_cast<int>(edges.size()) - 1);
    }
  }

  bool reaches(int from, int to) const {
    std::vector<char> seen(nodes.size(), 0);
    std::vector<int> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
      int v = stack.back();
      stack.pop_back();
      if (v == to) return true;
      for (int e : out[v]) {
        int w = local.at(edges[e].to);
        if (!seen[w]) seen[w] = 1, stack.push_back(w);
      }
    }
    return false;
  }

  // Minimum length 0 for a sequence flow down to a lower lane that is the one flow out of its
  // source and the one flow into its target (after cycle breaking: it runs forward): a column
  // of steps read top to bottom. Up to a higher lane too when the spacing says so (a column
  // read along its arrows, as handbooks drawn for a page stack a run of hand-overs).
  // A column holds each lane once (unless the spacing says otherwise): a run of hand-overs back
  // into a lane it has passed through goes on in the next column (two rows in that lane make
  // the page taller where it may have needed it narrower).
  void handoffs_in_column() {
    std::vector<std::vector<int>> column(nodes.size());  // the bands of a node's column so far
    std::vector<int> head(nodes.size());                 // the column a node is in
    for (std::size_t v = 0; v < nodes.size(); ++v) column[v] = {g.items[nodes[v]].band}, head[v] = static_cast<int>(v);
    for (auto& e : edges) {
      if (e.minlen != 1 || e.reversed || g.links[e.link].kind != LinkKind::sequence) continue;
      int a = local[e.from], b = local[e.to];
      if (out[a].size() != 1 || in[b].size() != 1) continue;
      int from = g.items[e.from].band, to = g.items[e.to].band;
      if (to == from || (to < from && !g.spacing.handoffs_up)) continue;
      if (branch_beside(a, from)) continue;
      auto& into = column[head[a]];
      const auto& joining = column[head[b]];
      auto in_column = [&](int band) { return std::count(into.begin(), into.end(), band) > 0; };
      if (!g.spacing.lane_twice_in_column && std::any_of(joining.begin(), joining.end(), in_column)) continue;
      into.insert(into.end(), joining.begin(), joining.end());
      int old = head[b];
      for (auto& h : head)
        if (h == old) h = head[a];
      e.minlen = 0;
    }
  }

  // Another branch of the split the source follows, in the source's own lane: it takes the
  // source's rank, so it stands in that column too, in a row of its own, and the hand-over
  // from the source would have to go round it (on a page, the long way round the lane).
  bool branch_beside(int source, int band) const {
    for (int e : in[source]) {
      int split = local.at(edges[e].from);
      for (int f : out[split]) {
        int other = local.at(edges[f].to);
        if (other != source && edges[f].minlen == 1 && g.items[edges[f].to].band == band) return true;
      }
    }
    return false;
  }

  std::vector<int> topological_order() const {
    std::vector<int> indegree(nodes.size()), order;
    for (std::size_t v = 0; v < nodes.size(); ++v) indegree[v] = static_cast<int>(in[v].size());
    for (int v = 0; v < static_cast<int>(nodes.size()); ++v)
      if (indegree[v] == 0) order.push_back(v);
    for (std::size_t k = 0; k < order.size(); ++k)
      for (int e : out[order[k]]) {
        int w = local.at(edges[e].to);
        if (--indegree[w] == 0) order.push_back(w);
      }
    return order;  // all nodes: the edges are acyclic now
  }

  std::vector<int> ranks() const {
    std::vector<int> order = topological_order();
    std::vector<int> rank(nodes.size(), 0);
    for (int v : order)
      for (int e : out[v]) {
        int w = local.at(edges[e].to);
        rank[w] = std::max(rank[w], rank[v] + edges[e].minlen);
      }
    // Sources move right, next to what they lead to (the first start is there already).
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      int v = *it;
      if (!in[v].empty() || out[v].empty()) continue;
      int limit = INT32_MAX;
      for (int e : out[v]) limit = std::min(limit, rank[local.at(edges[e].to)] - edges[e].minlen);
      rank[v] = std::max(rank[v], limit);
    }
    // Ranks nothing stands in closed up.
    std::vector<int> used(rank.begin(), rank.end());
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int& r : rank) r = static_cast<int>(std::lower_bound(used.begin(), used.end(), r) - used.begin());
    return rank;
  }
};

}  // namespace

bool negative_label(std::string_view label) {
  static const std::vector<std::string> no = {"жоқ", "нет", "no", "false"};
  std::string lower = model::lowercase(label);
  std::size_t start = lower.find_first_not_of(" \t\n");
  if (start == std::string::npos) return false;
  std::string_view text = std::string_view(lower).substr(start);
  for (const auto& word : no) {
    if (text.substr(0, word.size()) != word) continue;
    // "no" must be a word of its own: "normal" is not a no, "жоқ па" is.
    if (text.size() == word.size() || !std::isalpha(static_cast<unsigned char>(text[word.size()]))) return true;
  }
  return model::names_any(label, model::refusal_words());
}

void rank_frames(Graph& g) {
  for (int f = 0; f < static_cast<int>(g.frames.size()); ++f) {
    Ranker r{g};
    for (int i : g.frames[f].items)
      if (ranked(g.items[i])) r.local.emplace(i, static_cast<int>(r.nodes.size())), r.nodes.push_back(i);
    r.edges = frame_edges(g, f);
    r.break_cycles();
    if (f == 0 && g.spacing.handoffs_in_column) r.handoffs_in_column();
    std::vector<int> rank = r.ranks();
    for (std::size_t v = 0; v < r.nodes.size(); ++v) g.items[r.nodes[v]].rank = rank[v];
    g.frames[f].flow_edges = std::move(r.edges);
  }
  // Anchored items take the rank of what they stand beside.
  for (auto& item : g.items)
    if (!ranked(item) && item.anchor >= 0) item.rank = g.items[item.anchor].rank;
}

}  // namespace syzba::layout
