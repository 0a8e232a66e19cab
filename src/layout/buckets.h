#pragma once
// Rectangles bucketed on a coarse grid, for "what is near here" queries: the overlap and
// crossing counts of measure_layout, the label placer, the router's check that a route keeps
// clear of the shapes. Internal to layout.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/graph.h"

namespace syzba::layout {

template <class T>
class Buckets {
 public:
  explicit Buckets(double cell = 200) : cell_(cell) {}

  void add(const Rect& r, T value) {
    int id = static_cast<int>(values_.size());
    values_.push_back({r, std::move(value)});
    cells(r, [&](long k) { cells_[k].push_back(id); });
  }

  // f(id, rect, value) once for each entry in a cell that r touches.
  template <class F>
  void near(const Rect& r, F f) const {
    std::vector<int> seen;
    cells(r, [&](long k) {
      auto it = cells_.find(k);
      if (it == cells_.end()) return;
      for (int id : it->second)
        if (std::find(seen.begin(), seen.end(), id) == seen.end()) seen.push_back(id), f(id, values_[id].first, values_[id].second);
    });
  }

 private:
  template <class F>
  void cells(const Rect& r, F f) const {
    if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.w) || !std::isfinite(r.h)) return;
    long x0 = static_cast<long>(std::floor(r.x / cell_)), x1 = static_cast<long>(std::floor(r.right() / cell_));
    long y0 = static_cast<long>(std::floor(r.y / cell_)), y1 = static_cast<long>(std::floor(r.bottom() / cell_));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 100000) return;  // absurd coordinates: not bucketed
    for (long y = y0; y <= y1; ++y)
      for (long x = x0; x <= x1; ++x) f(y * 1000003 + x);
  }
  double cell_;
  std::vector<std::pair<Rect, T>> values_;
  std::unordered_map<long, std::vector<int>> cells_;
};

constexpr double clearance = 4;       // how close a route may come to a shape it does not connect
constexpr double track_spacing = 10;  // between two parallel tracks in a gap

inline Rect inflate(const Rect& r, double m) { return {r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m}; }

// Whether an orthogonal route keeps clear of every shape but its own ends and the
// sub-processes around them (forward: and never runs right to left).
bool keeps_clear(const Graph& g, const Buckets<int>& shapes, const Link& link, const std::vector<Point>& route, bool forward);

}  // namespace syzba::layout
