// Phase 3, ordering: the order of the nodes of each rank, top to bottom, with few crossings,
// inside the lanes. Each rank is cut into blocks, one per leaf band in the lane set's order
// (pools in the collaboration's order): a node never leaves its band's block, and crossings
// are counted over the whole rank, so an edge that passes through other lanes, or a message
// between pools, counts every edge it crosses on the way. A long edge gets a dummy node in
// every rank it passes, in the band of its source (it runs along its own lane, then turns
// into the target's).
//
// The first order is a depth-first walk from the sources that takes a node's main successor
// first and its no / refusal branch last: the branches of one split stay together, a
// refusal lies below the main path every time. Layer sweeps (barycentres, alternately down
// and up) and adjacent transpositions improve it; the order with the fewest real crossings
// is kept. The main path (longest from a start to an end, no branches preferred) is marked
// for coordinate assignment.
#include <algorithm>
#include <numeric>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

bool in_cell(const Item& item) { return item.kind != ItemKind::boundary_event; }

// Where long edges between two bands change band: each at the rank that looks cheapest, all
// as early as they can (into the target's lane at once), or all as late (in the target's
// column). A frame is ordered with each, and the order with the fewest crossings is kept.
enum class Turn { cheapest, earliest, latest };

struct Orderer {
  Graph& g;
  Frame& frame;
  int frame_index;
  Layered& L;
  Turn turning = Turn::cheapest;
  std::vector<std::vector<int>> up, down;  // layer edges into / out of each node
  std::vector<int> pos;                    // index within its layer
  std::vector<int> anchored;               // nodes placed beside their anchor, not swept
  std::vector<int> side;                   // -1: towards the top of its band, 1: the bottom, 0: either

  int band_of(int item) const { return frame_index == 0 ? g.items[item].band : 0; }

  int add_node(LayerNode n) {
    L.nodes.push_back(n);
    return static_cast<int>(L.nodes.size()) - 1;
  }

  void build() {
    L.node_of_item.clear();
    int ranks = 0;
    for (int i : frame.items)
      if (in_cell(g.items[i])) {
        L.node_of_item[i] = add_node({i, -1, band_of(i), g.items[i].rank});
        ranks = std::max(ranks, g.items[i].rank + 1);
        if (g.items[i].anchor >= 0) anchored.push_back(L.node_of(i));
      }
    std::vector<int> turn = turning_ranks(ranks);
    for (int e = 0; e < static_cast<int>(frame.flow_edges.size()); ++e) {
      const FlowEdge& fe = frame.flow_edges[e];
      int u = L.node_of(fe.from), v = L.node_of(fe.to);
      if (u < 0 || v < 0 || L.nodes[v].rank == L.nodes[u].rank) continue;
      int prev = u;
      for (int r = L.nodes[u].rank + 1; r < L.nodes[v].rank; ++r) {
        int d = add_node({-1, e, r <= turn[e] ? L.nodes[u].band : L.nodes[v].band, r});
        L.edges.push_back({prev, d, e});
        prev = d;
      }
      L.edges.push_back({prev, v, e});
    }
    up.assign(L.nodes.size(), {}), down.assign(L.nodes.size(), {});
    for (int k = 0; k < static_cast<int>(L.edges.size()); ++k) {
      down[L.edges[k].from].push_back(k);
      up[L.edges[k].to].push_back(k);
    }
    L.layers.assign(ranks, {});
  }

  // The leaves a band covers, top to bottom.
  std::pair<int, int> leaves_of(int band) const {
    if (g.bands[band].leaf >= 0) return {g.bands[band].leaf, g.bands[band].leaf};
    std::pair<int, int> range{INT32_MAX, -1};
    for (int c : g.bands[band].children) {
      auto [a, b] = leaves_of(c);
      range = {std::min(range.first, a), std::max(range.second, b)};
    }
    return range;
  }

  // A node that sends or receives a message from a pool above stands at the top of its band,
  // from below at the bottom: its message then crosses nothing of its own band.
  void message_sides() {
    side.assign(L.nodes.size(), 0);
    if (frame_index != 0) return;
    for (const auto& link : g.links) {
      if (link.kind != LinkKind::message) continue;
      for (bool at_source : {true, false}) {
        int item = at_source ? link.from : link.to;
        if (item < 0 || g.items[item].frame != 0) continue;
        if (g.items[item].kind == ItemKind::boundary_event) item = g.items[item].anchor;
        int v = L.node_of(item);
        if (v < 0) continue;
        int other_item = at_source ? link.to : link.from, other_band = at_source ? link.to_band : link.from_band;
        std::pair<int, int> other = other_item >= 0 ? std::pair{g.items[other_item].band, g.items[other_item].band}
                                    : other_band >= 0 ? leaves_of(other_band) : std::pair{-1, -1};
        if (other.second < 0 || g.items[other_item >= 0 ? other_item : item].frame != 0) continue;
        if (other.second < L.nodes[v].band) side[v] = -1;
        else if (other.first > L.nodes[v].band) side[v] = 1;
      }
    }
  }

  // Where a long edge between two bands changes band: after the rank (from its source's to
  // the last before its target) where its turn passes the fewest edges running along the
  // bands in between, and its runs along the two bands meet the fewest turns of others.
  // What others do is estimated with every edge turning at its end (into its target's
  // column), which is also the choice among equals.
  std::vector<int> turning_ranks(int ranks) const {
    int bands = 1;
    for (const auto& n : L.nodes) bands = std::max(bands, n.band + 1);
    std::vector<std::vector<int>> along(ranks, std::vector<int>(bands, 0)), across(ranks, std::vector<int>(bands, 0));
    auto span = [&](const FlowEdge& fe) { return std::pair{L.nodes[L.node_of(fe.from)], L.nodes[L.node_of(fe.to)]}; };
    std::vector<int> turn(frame.flow_edges.size(), -1);
    for (int e = 0; e < static_cast<int>(frame.flow_edges.size()); ++e) {
      const FlowEdge& fe = frame.flow_edges[e];
      if (L.node_of(fe.from) < 0 || L.node_of(fe.to) < 0) continue;
      auto [a, b] = span(fe);
      if (b.rank <= a.rank) continue;
      turn[e] = b.rank - 1;
      for (int r = a.rank; r < b.rank - 1; ++r) ++along[r][a.band];
      if (a.band == b.band) ++along[b.rank - 1][a.band];
      for (int band = std::min(a.band, b.band) + 1; band < std::max(a.band, b.band); ++band) ++across[b.rank - 1][band];
    }
    // Turns of others before each rank, per band: what a run along the band from one rank to
    // another meets, in constant time.
    std::vector<std::vector<long>> before(bands, std::vector<long>(ranks + 1, 0));
    for (int band = 0; band < bands; ++band)
      for (int r = 0; r < ranks; ++r) before[band][r + 1] = before[band][r] + across[r][band];
    for (int e = 0; e < static_cast<int>(frame.flow_edges.size()) && turning != Turn::latest; ++e) {
      if (turn[e] < 0) continue;
      auto [a, b] = span(frame.flow_edges[e]);
      if (a.band == b.band || b.rank - a.rank < 2) continue;
      if (turning == Turn::earliest) {
        turn[e] = a.rank;
        continue;
      }
      long best = -1;
      for (int t = b.rank - 1; t >= a.rank; --t) {
        long cost = (before[a.band][t] - before[a.band][a.rank]) + (before[b.band][b.rank] - before[b.band][t + 1]);
        for (int band = std::min(a.band, b.band) + 1; band < std::max(a.band, b.band); ++band) cost += along[t][band];
        if (best < 0 || cost <= best) best = cost, turn[e] = t;
      }
    }
    return turn;
  }

  // Longest way to a sink, in ranks, from each node (the layered graph is acyclic and every
  // edge goes one rank down, so ranks from the last give a topological order).
  std::vector<int> remaining() const {
    std::vector<int> order(L.nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return L.nodes[a].rank > L.nodes[b].rank; });
    std::vector<int> rest(L.nodes.size(), 0);
    for (int v : order)
      for (int k : down[v]) rest[v] = std::max(rest[v], rest[L.edges[k].to] + 1);
    return rest;
  }

  // Out-edges in the order the walk takes them: the main successor first, refusals last.
  void sort_successors(const std::vector<int>& rest) {
    for (auto& edges : down)
      std::stable_sort(edges.begin(), edges.end(), [&](int a, int b) {
        const FlowEdge& ea = frame.flow_edges[L.edges[a].edge];
        const FlowEdge& eb = frame.flow_edges[L.edges[b].edge];
        if (ea.negative != eb.negative) return eb.negative;
        if (ea.reversed != eb.reversed) return eb.reversed;
        return rest[L.edges[a].to] > rest[L.edges[b].to];
      });
  }

  void mark_main_paths() {
    for (int v = 0; v < static_cast<int>(L.nodes.size()); ++v) {
      const LayerNode& n = L.nodes[v];
      if (n.item < 0 || !up[v].empty() || g.items[n.item].node_kind != model::NodeKind::start_event) continue;
      for (int w = v; w >= 0 && !L.nodes[w].main;) {
        L.nodes[w].main = true;
        if (L.nodes[w].item >= 0) g.items[L.nodes[w].item].main = true;
        int next = -1;
        for (int k : down[w])
          if (!frame.flow_edges[L.edges[k].edge].negative && !frame.flow_edges[L.edges[k].edge].reversed) {
            next = L.edges[k].to;
            break;
          }
        w = next;
      }
    }
  }

  // The first order: preorder of a depth-first walk from the sources.
  void initial_order() {
    std::vector<int> roots;
    for (int v = 0; v < static_cast<int>(L.nodes.size()); ++v)
      if (up[v].empty() && L.nodes[v].item >= 0 && g.items[L.nodes[v].item].anchor < 0) roots.push_back(v);
    std::stable_sort(roots.begin(), roots.end(), [&](int a, int b) {
      bool sa = L.nodes[a].main, sb = L.nodes[b].main;
      return sa != sb ? sa : L.nodes[a].rank < L.nodes[b].rank;
    });
    std::vector<double> key(L.nodes.size(), -1);
    double next = 0;
    std::vector<std::pair<int, std::size_t>> stack;
    for (int root : roots) {
      if (key[root] >= 0) continue;
      key[root] = next++;
      stack.push_back({root, 0});
      while (!stack.empty()) {
        auto& [v, k] = stack.back();
        if (k == down[v].size()) {
          stack.pop_back();
          continue;
        }
        int w = L.edges[down[v][k++]].to;
        if (key[w] < 0) key[w] = next++, stack.push_back({w, 0});
      }
    }
    for (int v = 0; v < static_cast<int>(L.nodes.size()); ++v)
      if (key[v] < 0 && (L.nodes[v].item < 0 || g.items[L.nodes[v].item].anchor < 0)) key[v] = next++;
    for (int v = 0; v < static_cast<int>(L.nodes.size()); ++v)
      if (key[v] >= 0) L.layers[L.nodes[v].rank].push_back(v);
    for (auto& layer : L.layers)
      std::stable_sort(layer.begin(), layer.end(), [&](int a, int b) {
        if (L.nodes[a].band != L.nodes[b].band) return L.nodes[a].band < L.nodes[b].band;
        return side[a] != side[b] ? side[a] < side[b] : key[a] < key[b];
      });
    update_positions();
  }

  void update_positions() {
    pos.assign(L.nodes.size(), 0);
    for (const auto& layer : L.layers)
      for (int k = 0; k < static_cast<int>(layer.size()); ++k) pos[layer[k]] = k;
  }

  long crossings_between(int r) const {
    std::vector<std::pair<int, int>> pairs;
    for (int v : L.layers[r])
      for (int k : down[v]) pairs.push_back({pos[v], pos[L.edges[k].to]});
    return count_crossings(std::move(pairs), static_cast<int>(L.layers[r + 1].size()));
  }

  long crossings() const {
    long total = 0;
    for (int r = 0; r + 1 < static_cast<int>(L.layers.size()); ++r) total += crossings_between(r);
    return total;
  }

  // One rank reordered by the barycentres of its neighbours in the rank before (downwards)
  // or after; nodes without such neighbours keep their place.
  std::vector<double> bary;                // per node, for the sweep of its rank

  void sweep_layer(int r, bool downwards) {
    auto& layer = L.layers[r];
    for (int v : layer) {
      const auto& edges = downwards ? up[v] : down[v];
      if (edges.empty()) {
        bary[v] = pos[v];
        continue;
      }
      double sum = 0;
      for (int k : edges) sum += pos[downwards ? L.edges[k].from : L.edges[k].to];
      // Scaled to this rank's size, so that nodes with and without neighbours compare.
      double other = static_cast<double>(L.layers[downwards ? r - 1 : r + 1].size());
      bary[v] = sum / static_cast<double>(edges.size()) * static_cast<double>(layer.size()) / std::max(1.0, other);
    }
    std::stable_sort(layer.begin(), layer.end(), [&](int a, int b) {
      if (L.nodes[a].band != L.nodes[b].band) return L.nodes[a].band < L.nodes[b].band;
      if (side[a] != side[b]) return side[a] < side[b];
      return bary[a] < bary[b];
    });
    for (int k = 0; k < static_cast<int>(layer.size()); ++k) pos[layer[k]] = k;
  }

  // Crossings between the edges of a and b on one side when a stands above b.
  long pair_crossings(int a, int b, bool upper) const {
    long c = 0;
    const auto& ea = upper ? up[a] : down[a];
    const auto& eb = upper ? up[b] : down[b];
    for (int x : ea)
      for (int y : eb) {
        int pa = pos[upper ? L.edges[x].from : L.edges[x].to], pb = pos[upper ? L.edges[y].from : L.edges[y].to];
        if (pa > pb) ++c;
      }
    return c;
  }

  void transpose() {
    for (int round = 0; round < 4; ++round) {
      bool improved = false;
      for (auto& layer : L.layers)
        for (std::size_t k = 0; k + 1 < layer.size(); ++k) {
          int a = layer[k], b = layer[k + 1];
          if (L.nodes[a].band != L.nodes[b].band || side[a] != side[b]) continue;
          long now = pair_crossings(a, b, true) + pair_crossings(a, b, false);
          long swapped = pair_crossings(b, a, true) + pair_crossings(b, a, false);
          if (swapped < now) {
            std::swap(layer[k], layer[k + 1]);
            pos[a] = static_cast<int>(k + 1), pos[b] = static_cast<int>(k);
            improved = true;
          }
        }
      if (!improved) break;
    }
  }

  void minimise_crossings() {
    bary.assign(L.nodes.size(), 0);
    long best = crossings();
    auto best_layers = L.layers;
    int rounds = L.nodes.size() > 20000 ? 2 : L.nodes.size() > 3000 ? 4 : 8;
    for (int round = 0; round < rounds && best > 0; ++round) {
      bool downwards = round % 2 == 0;
      int n = static_cast<int>(L.layers.size());
      for (int k = 1; k < n; ++k) sweep_layer(downwards ? k : n - 1 - k, downwards);
      transpose();
      long now = crossings();
      if (now < best) best = now, best_layers = L.layers;
    }
    L.layers = std::move(best_layers);
    update_positions();

  }

  // Data and annotations right after what they stand beside.
  void insert_anchored() {
    std::stable_sort(anchored.begin(), anchored.end(), [&](int a, int b) { return g.items[L.nodes[a].item].anchor < g.items[L.nodes[b].item].anchor; });
    for (int v : anchored) {
      int anchor = L.node_of(g.items[L.nodes[v].item].anchor);
      auto& layer = L.layers[L.nodes[v].rank];
      auto at = anchor >= 0 ? std::find(layer.begin(), layer.end(), anchor) : layer.end();
      if (at != layer.end() && L.nodes[anchor].band != L.nodes[v].band) {  // in a lane of its own: nearest its anchor
        bool above = L.nodes[v].band < L.nodes[anchor].band;
        at = above ? std::find_if(layer.begin(), layer.end(), [&](int w) { return L.nodes[w].band > L.nodes[v].band; })
                   : std::find_if(layer.begin(), layer.end(), [&](int w) { return L.nodes[w].band >= L.nodes[v].band; });
        layer.insert(at, v);
        continue;
      }
      if (at == layer.end()) {  // no anchor in this rank (it stands in another frame): by band
        at = std::find_if(layer.begin(), layer.end(), [&](int w) { return L.nodes[w].band > L.nodes[v].band; });
        layer.insert(at, v);
        continue;
      }
      while (at + 1 != layer.end() && L.nodes[*(at + 1)].item >= 0 && g.items[L.nodes[*(at + 1)].item].anchor >= 0 &&
             L.node_of(g.items[L.nodes[*(at + 1)].item].anchor) == anchor)
        ++at;
      layer.insert(at + 1, v);
    }
    update_positions();
  }

  long run() {
    build();
    std::vector<int> rest = remaining();
    sort_successors(rest);
    mark_main_paths();
    message_sides();
    initial_order();
    minimise_crossings();
    insert_anchored();
    return crossings();
  }
};

}  // namespace

long count_crossings(std::vector<std::pair<int, int>> edges, int lower_size) {
  if (edges.size() < 2 || lower_size < 2) return 0;
  std::sort(edges.begin(), edges.end());
  int first = 1;
  while (first < lower_size) first *= 2;
  std::vector<long> tree(2 * first - 1, 0);
  long crossings = 0;
  for (const auto& [upper, lower] : edges) {
    int index = lower + first - 1;
    ++tree[index];
    while (index > 0) {
      if (index % 2 != 0) crossings += tree[index + 1];  // the later lower ends reached before
      index = (index - 1) / 2;
      ++tree[index];
    }
  }
  return crossings;
}

void order_frames(Graph& g) {
  for (int f = 0; f < static_cast<int>(g.frames.size()); ++f) {
    Frame& frame = g.frames[f];
    frame.layered = {};
    long best = Orderer{g, frame, f, frame.layered}.run();
    if (frame.items.size() > 2000) continue;  // large frames: one start (the time is linear then)
    for (Turn turning : {Turn::earliest, Turn::latest}) {
      if (best == 0) break;
      Layered other;
      long crossings = Orderer{g, frame, f, other, turning}.run();
      if (crossings < best) best = crossings, frame.layered = std::move(other);
    }
  }
}

}  // namespace syzba::layout
