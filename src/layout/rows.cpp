// Phase 4, coordinate assignment: each node's row inside its band (its column is its rank).
// Rows keep the order crossing minimisation found, top to bottom, and try to make every edge
// straight: sweeps down and up the ranks move each node to the median row of its neighbours
// in the same band in the rank just passed, in order of priority (the main path first, then
// long edges' dummies, then by how many neighbours pull), pushing lower-priority nodes of its
// cell aside but never a node placed before it (the priority method of Sugiyama and Misue).
// So the main path lies on one straight line per lane, a merge lines up with its split, and
// a branch opens on the row below. Rows nothing stands in are closed up at the end.
#include <algorithm>
#include <map>
#include <span>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

struct RowAssigner {
  Graph& g;
  Layered& L;
  std::vector<std::vector<int>> up, down;
  // Reused by every cell and node of the sweeps (five sweeps over every rank: allocating them
  // anew was most of this phase).
  std::vector<int> pulls, row, by_priority;
  std::vector<std::pair<int, double>> want;
  std::vector<char> fixed;

  void adjacency() {
    up.assign(L.nodes.size(), {}), down.assign(L.nodes.size(), {});
    for (const auto& e : L.edges) down[e.from].push_back(e.to), up[e.to].push_back(e.from);
  }

  bool anchored(int v) const { return L.nodes[v].item >= 0 && g.items[L.nodes[v].item].anchor >= 0; }

  // Where v would like to be and how much it matters, from its neighbours on one side.
  std::pair<int, double> desire(int v, bool downwards) {
    const LayerNode& n = L.nodes[v];
    if (anchored(v)) {
      int a = L.node_of(g.items[n.item].anchor);
      if (a >= 0 && L.nodes[a].rank == n.rank && L.nodes[a].band == n.band) return {L.nodes[a].row + 1, 0.5};
      return {n.row, 0};
    }
    std::vector<int>& rows = pulls;
    rows.clear();
    bool main_pull = false;
    for (int w : downwards ? up[v] : down[v]) {
      if (L.nodes[w].band != n.band) continue;
      rows.push_back(L.nodes[w].row);
      if (n.main && L.nodes[w].main) main_pull = true, rows.assign(1, L.nodes[w].row);
      if (main_pull) break;
    }
    if (rows.empty()) return {n.row, 0};
    std::sort(rows.begin(), rows.end());
    int median = rows[(rows.size() - 1) / 2];
    double priority = main_pull ? 1000 : n.item < 0 ? 100 : static_cast<double>(rows.size());
    return {median, priority};
  }

  // Rows of one cell (the nodes of one band in one rank, in order) moved to their desires.
  void place_cell(std::span<const int> cell, bool downwards) {
    int k = static_cast<int>(cell.size());
    row.resize(k), want.resize(k), by_priority.resize(k);
    for (int i = 0; i < k; ++i) row[i] = L.nodes[cell[i]].row, want[i] = desire(cell[i], downwards);
    for (int i = 0; i < k; ++i) by_priority[i] = i;
    std::stable_sort(by_priority.begin(), by_priority.end(), [&](int a, int b) { return want[a].second > want[b].second; });
    fixed.assign(k, 0);
    for (int i : by_priority) {
      int target = want[i].first;
      int lowest = INT32_MIN / 2;  // rows strictly increase in the cell (they may go below 0: compact renumbers)
      for (int j = 0; j < i; ++j)
        if (fixed[j]) lowest = std::max(lowest, row[j] + (i - j));
      int highest = INT32_MAX;
      for (int j = i + 1; j < k; ++j)
        if (fixed[j]) highest = std::min(highest, row[j] - (j - i));
      row[i] = std::clamp(target, lowest, std::max(lowest, highest));
      for (int j = i - 1; j >= 0; --j)
        if (!fixed[j]) row[j] = std::min(row[j], row[i] - (i - j));
      for (int j = i + 1; j < k; ++j)
        if (!fixed[j]) row[j] = std::max(row[j], row[i] + (j - i));
      fixed[i] = 1;
    }
    for (int i = 0; i < k; ++i) L.nodes[cell[i]].row = row[i];
  }

  // f(cell) for each cell of rank r: a run of its nodes in one band.
  template <class F>
  void for_each_cell(int r, F f) const {
    const std::vector<int>& layer = L.layers[r];
    for (std::size_t a = 0; a < layer.size();) {
      std::size_t b = a + 1;
      while (b < layer.size() && L.nodes[layer[b]].band == L.nodes[layer[a]].band) ++b;
      f(std::span<const int>(layer.data() + a, b - a));
      a = b;
    }
  }

  void sweep(bool downwards) {
    int n = static_cast<int>(L.layers.size());
    for (int k = 0; k < n; ++k) for_each_cell(downwards ? k : n - 1 - k, [&](std::span<const int> cell) { place_cell(cell, downwards); });
  }

  // Rows nothing stands in closed up, band by band.
  void compact() {
    std::map<int, std::vector<int>> used;
    for (const auto& n : L.nodes) used[n.band].push_back(n.row);
    for (auto& [band, rows] : used) {
      std::sort(rows.begin(), rows.end());
      rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    }
    for (auto& n : L.nodes) {
      const auto& rows = used[n.band];
      n.row = static_cast<int>(std::lower_bound(rows.begin(), rows.end(), n.row) - rows.begin());
    }
  }

  void run() {
    adjacency();
    for (int r = 0; r < static_cast<int>(L.layers.size()); ++r)
      for_each_cell(r, [&](std::span<const int> cell) {
        for (int i = 0; i < static_cast<int>(cell.size()); ++i) L.nodes[cell[i]].row = i;
      });
    for (bool downwards : {true, false, true, false, true}) sweep(downwards);
    compact();
    for (const auto& n : L.nodes)
      if (n.item >= 0) g.items[n.item].row = n.row;
  }
};

}  // namespace

void assign_rows(Graph& g) {
  for (auto& frame : g.frames) RowAssigner{g, frame.layered}.run();
}

}  // namespace syzba::layout
