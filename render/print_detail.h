#pragma once
// Inside render_print (not a public header): what print.cpp, which cuts the drawn diagram into
// slices, and print_parts.cpp, which lays each page's part of the flow out on its own, share.
#include <string>
#include <utility>
#include <vector>

#include "render/draw.h"

namespace syzba::render::print_detail {

constexpr double scene_margin = 20;  // render_scene's margin round the drawing
constexpr double row_gap = 40;       // between two rows of slices (or parts) on a page
constexpr double header_h = 30;      // the page's title line

// One way of printing the diagram; render_print keeps the better of several.
struct Attempt {
  std::vector<PrintedPage> pages;
  double scale = 0;
  int links = 0;
  int undrawn = 0;
  std::string error, warning;
  std::vector<std::string> diagrams;
};

// The names of a link pair: where the flow goes on (throw) and where it came from (catch);
// down: the other end is lower on the same page.
std::pair<std::string, std::string> link_names(Lang lang, int from_page, int to_page, bool down);

// Pairs whose names would read the same get a letter in front ("A: 2-бетте жалғасы").
void letter_alike(std::vector<std::pair<std::string, std::string>>& names);

// The area an element's items cover.
Box bounds_of(const Element& e);

// The page's title line: the title cut to one line at the left, "page N of M" at the right.
void add_header(Scene& scene, const std::string& title, Lang lang, int page, int pages, TextEngine& text);

// The diagram cut along its flow into parts, each laid out again by relayout for the page (its
// own rows and lane heights), the flows between parts drawn as link pairs. An empty attempt
// (no pages) when the diagram has nothing to part.
Attempt print_by_parts(const model::Definitions& defs, const Options& options, const PageSpec& spec, TextEngine& text,
                       const Relayout& relayout);

}  // namespace syzba::render::print_detail
