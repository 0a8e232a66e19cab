#pragma once
// What the render and export tests share: a model read from disk and drawn into a scene the
// way `syzba render` does it (laid out where the DI is missing, text measured by Pango).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "io/io.h"
#include "layout/layout.h"
#include "render/render.h"
#include "test_support.h"

namespace syzba::test {

inline model::Definitions read_model(const std::filesystem::path& file) {
  auto result = io::read_bpmn_file(file.string());
  INFO(file);
  REQUIRE(result.definitions);
  return std::move(*result.definitions);
}

inline render::Scene draw_scene(model::Definitions defs, render::TextEngine& text, render::Options options = {}) {
  layout::Options layout_options;
  layout_options.measure = text.measure();
  layout_options.keep_incomplete = true;
  REQUIRE(layout::lay_out(defs, layout_options).error.empty());
  auto outcome = render::render_scene(defs, options, text);
  INFO(outcome.error);
  REQUIRE(outcome.error.empty());
  return std::move(outcome.scene);
}

// The lines of text a typed task writes over its type icon, as "task: line" — the icon being
// the shapes after the task's border that lie in its top-left 40 px (not the markers along
// its bottom edge), a line the box of its 1.2 em and its measured width.
inline bool has_type_icon(const std::string& type) {
  for (const char* t : {"userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask",
                        "scriptTask"})
    if (type == t) return true;
  return false;
}

struct Bounds {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  void add(double x, double y) { x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y); }
  bool empty() const { return x0 > x1; }
  bool crosses(const Bounds& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

inline Bounds shape_bounds(const render::Shape& s) {
  Bounds b;
  if (s.geometry != render::Geometry::path) b.add(s.x, s.y), b.add(s.x + s.width, s.y + s.height);
  for (const auto& op : s.path)
    for (int k = 0; k + 1 < (op.op == 'C' ? 6 : op.op == 'Z' ? 0 : 2); k += 2) b.add(op.v[k], op.v[k + 1]);
  return b;
}

inline std::vector<std::string> text_over_icons(const render::Scene& scene) {
  std::vector<std::string> out;
  for (const auto& e : scene.elements) {
    if (!has_type_icon(e.type)) continue;
    const render::Shape* border = nullptr;
    Bounds icon;
    for (const auto& item : e.items) {
      const auto* shape = std::get_if<render::Shape>(&item);
      if (shape == nullptr) continue;
      if (border == nullptr) {
        border = shape;
        continue;
      }
      Bounds b = shape_bounds(*shape);
      if (b.x1 <= border->x + 40 && b.y1 <= border->y + 40) icon.add(b.x0, b.y0), icon.add(b.x1, b.y1);
    }
    if (icon.empty()) continue;
    for (const auto& item : e.items)
      if (const auto* t = std::get_if<render::Text>(&item))
        for (const auto& l : t->lines) {
          double lh = t->font_px * 1.2, left = t->anchor == render::Anchor::middle ? l.x - l.width / 2 : l.x;
          Bounds line;
          line.add(left, l.y - 0.75 * lh);
          line.add(left + l.width, l.y + 0.25 * lh);
          if (line.crosses(icon)) out.push_back(e.id + ": " + l.text);
        }
  }
  return out;
}

}  // namespace syzba::test
