#pragma once
// Inside render_print (not a public header): what print.cpp, which cuts the drawn diagram into
// slices, and print_parts.cpp, which lays each page's part of the flow out on its own, share.
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "render/draw.h"

namespace syzba::render::print_detail {

constexpr double scene_margin = 20;  // render_scene's margin round the drawing
constexpr double row_gap = 10;       // between two rows of slices (or parts) on a page
constexpr double header_h = 30;      // the page's title line

// A sequence flow across a cut, as print drew it: leaving into base-throw, going on from
// base-catch, the flows between them and its ends named "<flow>-to-<base>" and "<base>-to-<flow>".
struct LinkPair {
  std::string flow;
  std::string base;  // "syzba-print-link-N"
  std::string throw_name, catch_name;
};

// What an attempt cut, for paged_model to write into the model: the model the pages draw (the
// given one or its relayout), the element their plane draws, the link pairs, and each diagram
// page's shapes and edges as print drew them (before the title line).
struct Cut {
  model::Definitions source;
  std::string plane;
  double title_band = 30;  // the pools' and lanes' title band the pages were drawn with
  bool whole = false;      // one page, the model's own diagram as it is: nothing to write
  std::vector<LinkPair> links;
  std::vector<std::vector<model::DiElement>> pages;
};

// One way of printing the diagram; render_print keeps the better of several.
struct Attempt {
  Cut cut;
  std::vector<PrintedPage> pages;
  double scale = 0;
  int links = 0;
  int undrawn = 0;
  int legend_pages = 0;  // pages that hold only the legend
  // The pages the diagram is cut into: one diagram whole beside a page of legend is better
  // than a diagram cut in two with the legend under it.
  std::size_t flow_pages() const { return pages.size() - static_cast<std::size_t>(legend_pages); }
  std::string error, warning;
  std::vector<std::string> diagrams;
};

// The names of a link pair: where the flow goes on (throw) and where it came from (catch);
// down: the other end is lower on the same page.
std::pair<std::string, std::string> link_names(Lang lang, int from_page, int to_page, bool down);

// "page N of M" in the diagram's language.
std::string page_caption(Lang lang, int page, int pages);

// Pairs whose names would read the same get a letter in front ("A: 2-бетте жалғасы").
void letter_alike(std::vector<std::pair<std::string, std::string>>& names);

// Moves a shape or edge and its label.
void shift(model::DiElement& di, double dx, double dy);

// Puts id in the innermost lane that holds partner; false when no lane holds it.
bool join_lane(std::vector<model::LaneSet>& sets, const std::string& partner, const std::string& id);

// The area an element's items cover.
Box bounds_of(const Element& e);

// The page's title line: the title cut to one line at the left, "page N of M" at the right.
void add_header(Scene& scene, const std::string& title, Lang lang, int page, int pages, TextEngine& text);

// The legend of keys: under the last page's drawing in as few rows as the page's width allows,
// or beside it in as many as its height allows, or else on a page of its own (then true).
bool place_legend(std::vector<Scene>& pages, const std::set<std::string>& keys, bool handbook, const Options& options,
                  const PageSpec& spec, double scale, TextEngine& text);

// x is better than y: fewer pages of the diagram, then fewer pages.
bool fewer_pages(const Attempt& x, const Attempt& y);

// Each page as wide as the page, with the title line; the attempt's pages and smallest scale.
void finish_pages(Attempt& out, std::vector<Scene> pages, const std::string& title, const std::string& description,
                  const Options& options, const PageSpec& spec, double scale, TextEngine& text);

// The model with the cut written in (see render::paged_model); error set when the cut names a
// flow the model does not hold.
model::Definitions write_cut(const Cut& cut, Lang lang, std::string& error);

// A file paged_model wrote, printed as it is: each page diagram on a page, the legend last.
Attempt print_written_pages(const model::Definitions& defs, const Options& options, const PageSpec& spec, TextEngine& text);

// The diagram cut along its flow into parts, each laid out again by relayout for the page (its
// own rows and lane heights), the flows between parts drawn as link pairs. An empty attempt
// (no pages) when the diagram has nothing to part.
Attempt print_by_parts(const model::Definitions& defs, const Options& options, const PageSpec& spec, TextEngine& text,
                       const Relayout& relayout, std::size_t page_limit = std::numeric_limits<std::size_t>::max());

}  // namespace syzba::render::print_detail
