// Phase 2, ranking: Graphviz dot (cgraph + libgvc) gives every item of a frame its rank along
// the flow (left to right) and its order within the rank, with few crossings. Only that is
// taken from dot: bands, rows, coordinates and routes are syzba's own (DESIGN.md says why).
#include <graphviz/gvc.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

// Graphviz keeps global state (its error handler, plugin tables): one layout at a time.
std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

std::string graphviz_errors;

int collect_error(char* message) {
  graphviz_errors += message;
  return 0;
}

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

std::string rank_frame(Graph& g, int frame, GVC_t* gvc) {
  Agraph_t* graph = agopen(const_cast<char*>("frame"), Agdirected, nullptr);
  agattr(graph, AGRAPH, const_cast<char*>("rankdir"), const_cast<char*>("LR"));
  agattr(graph, AGRAPH, const_cast<char*>("splines"), const_cast<char*>("none"));  // no edge routing wanted
  agattr(graph, AGRAPH, const_cast<char*>("nodesep"), const_cast<char*>("0.4"));
  agattr(graph, AGRAPH, const_cast<char*>("ranksep"), const_cast<char*>("0.6"));
  std::size_t count = g.frames[frame].items.size();
  agattr(graph, AGRAPH, const_cast<char*>("mclimit"), const_cast<char*>(count > 2000 ? "0.2" : count > 500 ? "0.5" : "1"));
  // Only ranks and orders are used: dot stops after crossing minimisation (phase 2), before
  // its coordinate phase, which costs most of the time on large graphs (2 s of 3.3 s at 5,000 nodes).
  agattr(graph, AGRAPH, const_cast<char*>("phase"), const_cast<char*>("2"));
  Agsym_t* width = agattr(graph, AGNODE, const_cast<char*>("width"), const_cast<char*>("1"));
  Agsym_t* height = agattr(graph, AGNODE, const_cast<char*>("height"), const_cast<char*>("1"));
  agattr(graph, AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
  agattr(graph, AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
  agattr(graph, AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
  Agsym_t* minlen = agattr(graph, AGEDGE, const_cast<char*>("minlen"), const_cast<char*>("1"));
  Agsym_t* weight = agattr(graph, AGEDGE, const_cast<char*>("weight"), const_cast<char*>("1"));

  std::map<int, Agnode_t*> node_of;
  for (int i : g.frames[frame].items) {
    const Item& item = g.items[i];
    if (!ranked(item)) continue;
    std::string name = "n" + std::to_string(i);
    Agnode_t* n = agnode(graph, name.data(), 1);
    // dot's width is along the rank axis; with rankdir=LR that is the item's height.
    agxset(n, width, std::to_string(item.box.w / 72.0).data());
    agxset(n, height, std::to_string((item.box.h + item.below) / 72.0).data());
    node_of.emplace(i, n);
  }
  for (const auto& link : g.links) {
    bool sequence = link.kind == LinkKind::sequence, message = link.kind == LinkKind::message && frame == 0;
    if (!sequence && !message) continue;
    int a = representative(g, link.from, frame), b = representative(g, link.to, frame);
    if (a < 0 || b < 0 || a == b || !node_of.count(a) || !node_of.count(b)) continue;
    if (sequence && (g.items[link.from].frame != frame)) continue;
    Agedge_t* e = agedge(graph, node_of[a], node_of[b], nullptr, 1);
    // A message flow may run straight down between pools: same rank allowed.
    if (message) agxset(e, minlen, const_cast<char*>("0"));
    if (sequence) agxset(e, weight, const_cast<char*>("2"));
  }
  std::string error;
  if (!node_of.empty() && gvLayout(gvc, graph, "dot") != 0) error = "Graphviz dot failed: " + graphviz_errors;
  if (error.empty()) {
    for (auto [i, n] : node_of) {
      g.items[i].rank = ND_rank(n);
      g.items[i].order = -ND_order(n);  // with rankdir=LR, dot orders a rank bottom to top
    }
    // Ranks without items (dot leaves none, but a frame's ranks need not start at 0) closed up.
    std::map<int, int> compact;
    for (auto [i, n] : node_of) compact[g.items[i].rank] = 0;
    int next = 0;
    for (auto& [r, c] : compact) c = next++;
    for (auto [i, n] : node_of) g.items[i].rank = compact[g.items[i].rank];
  }
  if (!node_of.empty()) gvFreeLayout(gvc, graph);
  agclose(graph);
  return error;
}

}  // namespace

std::string rank_frames(Graph& g) {
  std::lock_guard lock(graphviz_mutex());
  graphviz_errors.clear();
  agseterr(AGERR);
  agseterrf(collect_error);
  GVC_t* gvc = gvContext();
  std::string error;
  for (int f = 0; f < static_cast<int>(g.frames.size()) && error.empty(); ++f) error = rank_frame(g, f, gvc);
  gvFreeContext(gvc);
  agseterrf(nullptr);
  // Anchored items take the rank of what they stand beside.
  for (auto& item : g.items)
    if (!ranked(item) && item.anchor >= 0) {
      item.rank = g.items[item.anchor].rank;
      item.order = g.items[item.anchor].order + 0.5;
    }
  return error;
}

}  // namespace syzba::layout
