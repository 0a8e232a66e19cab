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
  Buckets() = default;
  explicit Buckets(double cell) : cell_(cell) {}

  void add(const Rect& r, T value) {
    int id = static_cast<int>(values_.size());
    values_.push_back({r, std::move(value)});
    cells(r, [&](long k) { cells_[k].push_back(id); });
  }

  // f(id, rect, value) once for each entry in a cell that r touches.
  template <class F>
  void near(const Rect& r, F f) const {
    // Within one cell (most queries): its ids are distinct and in order already, no copy needed.
    int touched = 0;
    long only = 0;
    cells(r, [&](long k) { ++touched, only = k; });
    if (touched == 1) {
      if (auto it = cells_.find(only); it != cells_.end())
        for (int id : it->second) f(id, values_[id].first, values_[id].second);
      return;
    }
    std::vector<int> ids;
    cells(r, [&](long k) {
      auto it = cells_.find(k);
      if (it != cells_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
    });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (int id : ids) f(id, values_[id].first, values_[id].second);
  }

 private:
  // The cells r touches. Spans are checked in doubles before any integer arithmetic: a
  // rectangle of absurd size (hostile DI) is neither bucketed nor found.
  template <class F>
  void cells(const Rect& r, F f) const {
    if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.w) || !std::isfinite(r.h)) return;
    double fx0 = std::floor(r.x / cell_), fx1 = std::floor(r.right() / cell_);
    double fy0 = std::floor(r.y / cell_), fy1 = std::floor(r.bottom() / cell_);
    if (std::abs(fx0) > 1e8 || std::abs(fx1) > 1e8 || std::abs(fy0) > 1e8 || std::abs(fy1) > 1e8) return;
    if ((fx1 - fx0 + 1) * (fy1 - fy0 + 1) > 1e6) return;
    long x0 = static_cast<long>(fx0), x1 = static_cast<long>(fx1), y0 = static_cast<long>(fy0), y1 = static_cast<long>(fy1);
    for (long y = y0; y <= y1; ++y)
      for (long x = x0; x <= x1; ++x) f(y * 1000000007L + x);
  }
  double cell_ = 200;
  std::vector<std::pair<Rect, T>> values_;
  std::unordered_map<long, std::vector<int>> cells_;
};

inline Rect span(const Point& a, const Point& b) {
  return {std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
}

// Whether two axis-parallel segments cross in their interiors (one horizontal, one vertical).
inline bool orthogonal_crossing(const Point& a, const Point& b, const Point& c, const Point& d) {
  bool h1 = std::abs(a.y - b.y) < 0.25, h2 = std::abs(c.y - d.y) < 0.25;
  if (h1 == h2) return false;
  const Point &hp = h1 ? a : c, &hq = h1 ? b : d, &vp = h1 ? c : a, &vq = h1 ? d : b;
  double x = vp.x, y = hp.y;
  return x > std::min(hp.x, hq.x) + 0.25 && x < std::max(hp.x, hq.x) - 0.25 && y > std::min(vp.y, vq.y) + 0.25 &&
         y < std::max(vp.y, vq.y) - 0.25;
}

// The segments of the routes drawn so far, to ask whether a new route would cross one.
class RouteIndex {
 public:
  void add(const std::vector<Point>& route) {
    for (std::size_t k = 1; k < route.size(); ++k) segments_.add(span(route[k - 1], route[k]), {route[k - 1], route[k]});
  }
  bool crosses(const std::vector<Point>& route) const {
    bool hit = false;
    for (std::size_t k = 1; k < route.size() && !hit; ++k)
      segments_.near(span(route[k - 1], route[k]), [&](int, const Rect&, const std::pair<Point, Point>& s) {
        hit = hit || orthogonal_crossing(route[k - 1], route[k], s.first, s.second);
      });
    return hit;
  }

 private:
  Buckets<std::pair<Point, Point>> segments_;
};

constexpr double clearance = 4;       // how close a route may come to a shape it does not connect
constexpr double track_spacing = 10;  // between two parallel tracks in a gap

inline Rect inflate(const Rect& r, double m) { return {r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m}; }

// Whether an orthogonal route keeps clear of every shape but its own ends and the
// sub-processes around them (forward: and never runs right to left).
bool keeps_clear(const Graph& g, const Buckets<int>& shapes, const Link& link, const std::vector<Point>& route, bool forward);

}  // namespace syzba::layout
