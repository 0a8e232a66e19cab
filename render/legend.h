#pragma once
// Internal to render/: the legend's rows and how they are drawn.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/draw.h"

namespace syzba::render {

struct LegendRow {
  std::string key;      // "start:message", "task", "sequenceFlow:default", ...
  std::string caption;  // in the chosen language
};

std::vector<std::string> marker_keys(const model::FlowNode& node);
// Rows for the kinds used, in the legend's order; handbooks (lanes without message flows)
// take the handbook vocabulary of the regulations.
std::vector<LegendRow> legend_rows(const std::set<std::string>& used, bool handbook, Lang lang);
std::string_view legend_title(Lang lang);

// The legend as one scene element at (x, y), in columns no wider than max_width in all.
struct LegendBox {
  Element element;
  double width = 0, height = 0;
};
LegendBox draw_legend(const std::vector<LegendRow>& rows, double x, double y, double max_width, TextEngine& text,
                      Lang lang, const Palette& palette);

}  // namespace syzba::render
