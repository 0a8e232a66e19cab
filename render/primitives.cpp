// Small constructors of scene items: rectangles, circles, polylines, icons, text blocks.
#include <algorithm>

#include "render/draw.h"

namespace syzba::render {

namespace {

Shape styled(Shape s, const Style& style) {
  s.fill = style.fill;
  s.fill_opacity = style.fill_opacity;
  s.stroke = style.stroke;
  s.stroke_width = style.width;
  s.dash = style.dash;
  s.round_cap = style.round_cap;
  return s;
}

}  // namespace

Shape rect(double x, double y, double w, double h, double corner, const Style& style) {
  Shape s{Geometry::rect, x, y, w, h, corner};
  return styled(std::move(s), style);
}

Shape ellipse(double cx, double cy, double r, const Style& style) {
  Shape s{Geometry::ellipse, cx - r, cy - r, 2 * r, 2 * r};
  return styled(std::move(s), style);
}

Shape polyline(const std::vector<std::pair<double, double>>& points, bool closed, const Style& style) {
  Shape s;
  for (std::size_t i = 0; i < points.size(); ++i)
    s.path.push_back({i == 0 ? 'M' : 'L', {points[i].first, points[i].second}});
  if (closed) s.path.push_back({'Z'});
  return styled(std::move(s), style);
}

Shape icon(std::string_view name, double x, double y, double scale, const Style& style) {
  Shape s;
  s.path = parse_path(icon_path(name), x, y, scale);
  return styled(std::move(s), style);
}

Text text_block(TextEngine& engine, std::string_view text, double font_px, bool bold, double cx, double top,
                double width, int max_lines, const std::string& color) {
  TextBlock block = engine.wrap(text, font_px, bold, width, max_lines);
  Text t{std::move(block.lines), engine.font_px(font_px), bold, color, Anchor::middle};
  for (auto& line : t.lines) {
    line.x = cx;
    line.y += top;
  }
  return t;
}

Text label_block(TextEngine& engine, std::string_view text, double font_px, double left, double top, double width,
                 int max_lines, const std::string& color) {
  TextBlock block = engine.wrap_label(text, font_px, width, max_lines);
  Text t{std::move(block.lines), engine.font_px(font_px), false, color, Anchor::middle};
  for (auto& line : t.lines) {  // centred; a line wider than the box starts at its left edge
    line.x = left + std::max((width - line.width) / 2, 0.0) + line.width / 2;
    line.y += top;
  }
  return t;
}

void translate(Element& e, double dx, double dy) {
  for (auto& item : e.items) {
    if (auto* shape = std::get_if<Shape>(&item)) {
      shape->x += dx;
      shape->y += dy;
      for (auto& op : shape->path)
        for (int i = 0; i + 1 < (op.op == 'C' ? 6 : op.op == 'Z' ? 0 : 2); i += 2) {
          op.v[i] += dx;
          op.v[i + 1] += dy;
        }
      continue;
    }
    Text& t = std::get<Text>(item);
    for (auto& l : t.lines) {
      l.x += t.vertical ? -dy : dx;
      l.y += t.vertical ? dx : dy;
    }
  }
}

}  // namespace syzba::render
