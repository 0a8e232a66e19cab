#pragma once
// syzba::render — a laid-out BPMN model (with DI) turned into a scene: a display list of
// shapes and text runs, grouped by BPMN element, with every text line already broken and
// measured by Pango. export/ draws the scene as SVG, PDF or PNG; nothing here knows files.
//
// Offers: Scene and its parts (plain values); TextEngine (Pango + fontconfig: wrapping,
// measuring, and the measure layout uses so that boxes fit the drawn text); render_scene
// (notation as bpmn-js draws it, swimlanes, a title block and the legend "Шартты белгілер"
// in kk / ru / en with a row for each kind of symbol the diagram uses; themes).
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "layout/layout.h"
#include "model/model.h"

namespace syzba::render {

// ---------------------------------------------------------------------------------------
// The scene. Coordinates are CSS pixels, y down.
struct PathOp {
  char op = 'M';  // 'M' move, 'L' line, 'C' cubic (x1 y1 x2 y2 x y), 'Z' close
  double v[6] = {0, 0, 0, 0, 0, 0};
};

enum class Geometry { rect, ellipse, path };

struct Shape {
  Geometry geometry = Geometry::path;
  double x = 0, y = 0, width = 0, height = 0;  // rect and ellipse (its bounding box)
  double corner = 0;                           // rect corner radius
  std::vector<PathOp> path;
  std::string fill;        // "" draws no fill
  double fill_opacity = 1;
  std::string stroke;      // "" draws no stroke
  double stroke_width = 1;
  std::vector<double> dash;  // empty: solid
  bool round_cap = false;
};

struct TextLine {
  std::string text;
  double x = 0, y = 0;  // anchor point on the baseline
  double width = 0;     // as Pango measured it
};

enum class Anchor { start, middle };

struct Text {
  std::vector<TextLine> lines;
  double font_px = 12;
  bool bold = false;
  std::string color;
  Anchor anchor = Anchor::middle;
  bool vertical = false;  // rotated −90° about the origin: line (x, y) lies at page (y, −x)
};

using Item = std::variant<Shape, Text>;

// One BPMN element (or a part of the page: "title", "legend"), drawn as a group.
struct Element {
  std::string id;      // the BPMN element's id; empty for page parts
  std::string type;    // BPMN type name ("userTask", "sequenceFlow") or the page part
  std::string label;   // its name, for tooltips and screen readers
  std::string detail;  // performer and duration, when known
  std::vector<Item> items;
};

struct Scene {
  double width = 0, height = 0;
  std::string lang = "kk";
  std::string title;        // the service name
  std::string description;  // what the diagram shows, for screen readers
  std::string font_family;  // CSS list with fallbacks
  std::string pango_family; // the same for Pango / fontconfig
  std::string background = "#ffffff";
  std::vector<Element> elements;  // in drawing order
};

// ---------------------------------------------------------------------------------------
// Text: Pango with fontconfig.
struct TextBlock {
  std::vector<TextLine> lines;  // x = 0 and y = the baseline below the block's top
  double width = 0, height = 0;
  bool truncated = false;  // ended with an ellipsis
};

// Measurements shared by the text engines of one process (render A B … -j N: one engine per
// worker, and what one worker measured another need not measure again). Every engine of a
// process measures with the same fonts, so a measurement is the same whichever engine made it.
// Thread-safe; bounded (a table is emptied when it holds too many).
class TextMeasures {
 public:
  std::optional<TextBlock> block(const std::string& key) const;
  void keep_block(std::string key, const TextBlock& block);
  std::optional<double> width(const std::string& key) const;
  void keep_width(std::string key, double width);
  static constexpr std::size_t block_limit = 20'000, width_limit = 100'000;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, TextBlock> blocks_;  // wrapped, by text, size and box
  std::unordered_map<std::string, double> widths_;     // single lines, by text, size, weight, rounding
};

struct TextEngineOptions {
  // The process's measurements, shared with its other engines; none: the engine's own.
  std::shared_ptr<TextMeasures> measures;
  // A single line's width from its shaped glyphs, without a PangoLayout (no line breaking to
  // compute: the same widths in less time; the tests compare the two). Text a layout would
  // break, reorder or draw with a missing glyph is laid out all the same. Also the lines'
  // ascent and descent from the first font's own extents rather than Pango's context metrics
  // (the same figures, tested). false: every text laid out, metrics from the context.
  bool shape_lines = true;
};

class TextEngine {
 public:
  TextEngine();
  explicit TextEngine(TextEngineOptions options);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Breaks text into lines no wider than max_width, at word breaks where it can (a word too
  // long for a line is broken between letters, with a hyphen). max_lines > 0 ends the last
  // line with "…" when more would follow. Line height 1.2 em.
  TextBlock wrap(std::string_view text, double font_px, bool bold, double max_width, int max_lines = 0);
  // The lines diagram-js's Text utility (bpmn-js's labels) makes of text in max_width: each
  // line shortened by the share of characters the width allows, at spaces and hyphens first,
  // a word too long for a line cut between letters without a hyphen; an author's line breaks
  // kept. The same line height and baselines as wrap (the first at 0.75 of a line); max_lines
  // > 0 ends the last line with "…" when more would follow.
  // narrow_lines > 0: the first that many lines no wider than narrow_width (a task's lines
  // beside its type icon), the others max_width.
  TextBlock wrap_label(std::string_view text, double font_px, double max_width, int max_lines = 0,
                       int narrow_lines = 0, double narrow_width = 0);
  double line_height(double font_px) const { return font_px * 1.2; }
  // Print sets a floor under every text size (12 px: 7 pt at the scale a page is printed at);
  // 0, the default, draws every size as asked. font_px is the size a text of px is drawn at.
  void set_min_font_px(double px) { min_font_px_ = px; }
  double min_font_px() const { return min_font_px_; }
  double font_px(double px) const { return px < min_font_px_ ? min_font_px_ : px; }
  // The measure layout sizes shapes with, so that drawn text fits them.
  layout::MeasureText measure();
  // Whether the fonts have a glyph for every character of text.
  bool covers(std::string_view text);
  static std::string_view pango_family();
  static std::string_view css_family();

 private:
  TextBlock wrap_uncached(std::string_view text, double font_px, bool bold, double max_width, int max_lines);
  TextBlock wrap_label_uncached(std::string_view text, double font_px, double max_width, int max_lines,
                                int narrow_lines, double narrow_width);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  double min_font_px_ = 0;
};

// Text as labels and tooltips show it: controls that would reorder or hide it (bidi
// overrides, isolates, marks) removed, other controls as spaces, line breaks kept as '\n'
// only when asked (wrapped labels keep the author's breaks), at most max_chars characters
// (0: no limit) with "…" after a cut.
std::string displayable(std::string_view text, std::size_t max_chars, bool keep_line_breaks = false);

// ---------------------------------------------------------------------------------------
enum class Lang { kk, ru, en };
enum class Theme { standard, black_and_white };

struct Options {
  Lang lang = Lang::kk;
  bool legend = true;
  bool durations = true;
  Theme theme = Theme::standard;
  bool title_block = true;
  std::string title;    // overrides the service name
  std::string diagram;  // the BPMNDiagram (or the element it draws) to render; "" = the first
  // Legend keys listed besides those of the symbols drawn (print: the other pages' symbols, on
  // the last page); handbook: the legend in the handbook's words even if no lane is drawn.
  std::set<std::string> legend_keys;
  bool handbook_legend = false;
  // Pool and lane title bands as the layout made them: width and lines of title (print's
  // tighter layout makes them 46 px with three lines; bpmn-js draws 30 px, two lines).
  double title_band = 30;
  int title_lines = 2;
  // Titles written across their bands in lines as wide as the band, not up the band (print by
  // parts: many lanes, each as low as its content; a long word never taller than the lane).
  bool title_across = false;
};

struct Outcome {
  Scene scene;
  std::string error;  // non-empty: nothing to draw (no diagram, unknown --diagram)
  std::string warning;  // drawn, but the reader should know: the diagram is empty
  std::vector<std::string> diagrams;  // ids of the diagrams the file has
  std::set<std::string> legend_keys;  // the keys of the symbols drawn
  bool handbook = false;              // lanes and no message flows: the handbook's legend
  double dx = 0, dy = 0;              // scene = DI + (dx, dy): where the drawing was moved to
};

std::optional<Lang> lang_from_name(std::string_view name);
std::optional<Theme> theme_from_name(std::string_view name);

// Draws one diagram of defs (which must have DI; lay it out first otherwise).
Outcome render_scene(const model::Definitions& defs, const Options& options, TextEngine& text);

// ---------------------------------------------------------------------------------------
// Print: the diagram laid out for pages of a given size (render/print.cpp). The model is not
// changed; the pages are DI computed here. It fits on one page when it can at a scale where the
// smallest text (every size raised to min_font_px) prints at min_text_pt; otherwise it is cut
// into vertical slices between columns (never through a shape or label), or its flow into
// parts of a page each, every part laid out again on its own (render/print_parts.cpp: lanes
// only as low as the part needs), each pool and lane repeated with its title on every page,
// each sequence flow across a cut drawn as a pair of link events named after the page the
// other end is on ("2-бетте жалғасы"), slices or parts stacked as rows while they fit a page;
// each page has the title and "page N of M"; the legend of all the pages' symbols ends the
// last page, or has a page of its own.
struct PageSpec {
  double width_pt = 841.89, height_pt = 595.28;  // A4 landscape
  double margin_pt = 28.35;                      // 10 mm
  double min_text_pt = 7;
  double min_font_px = 12;
};

struct PrintedPage {
  Scene scene;
  double scale = 0.75;  // PDF points per scene px
};

struct Printed {
  std::vector<PrintedPage> pages;
  double width_pt = 0, height_pt = 0, margin_pt = 0;
  double scale = 0;         // points per px of the diagram pages
  int links = 0;            // link pairs drawn at the cuts
  int undrawn = 0;          // message flows and associations across a cut, not drawn
  bool relaid_out = false;  // the relayout given made fewer pages than the model's DI
  std::string error, warning;
  std::vector<std::string> diagrams;  // with an error: the diagrams the file has
};

PageSpec page_spec(bool a3, bool landscape);

// Lays a copy of the model out again at a print density (layout::Density::compact or
// page_part); false when the layout was stopped.
using Relayout = std::function<bool(model::Definitions&, layout::Density)>;

// relayout, when given, is tried when the model's own DI needs more than one page or prints
// under min_text_pt: the copy laid out compactly and cut into slices, and the flow cut into parts
// of a page each, every part laid out on its own; the attempt kept is the one with text at
// min_text_pt, then the fewest pages.
Printed render_print(const model::Definitions& defs, const Options& options, const PageSpec& page, TextEngine& text,
                     const Relayout& relayout = {});

// The cut render_print chose, written into the model (`syzba layout --pages`): the process keeps
// every element and gains a link throw/catch pair at each cut (the flow a -> b rerouted
// a -> throw, catch -> b, both events' link definitions named as the throw), and the diagrams
// are one per diagram page ("syzba-page-N"), each with the shapes and edges of its page where
// print drew them (parts stacked on a page as printed, pools and lanes repeated in each part).
// render_print prints such a file page by page. A model print draws whole on one page from its
// own diagram is given back as it is. error: nothing could be printed.
struct PagedModel {
  model::Definitions defs;
  int pages = 0;  // diagram pages (a legend page of its own is not one)
  int links = 0;
  std::string error, warning;
};
PagedModel paged_model(const model::Definitions& defs, const Options& options, const PageSpec& page, TextEngine& text,
                       const Relayout& relayout = {});

// Whether defs is a file paged_model wrote: its diagrams begin with "syzba-page-1" … "syzba-page-N".
bool is_paged(const model::Definitions& defs);

// A diagram paged_model wrote (a page, or a model printed whole from print's tighter layout)
// drawn with the pool and lane title band print drew it with, which its pools' and lanes'
// label bounds keep (each the band itself: the shape's left 46 or 120 px, its whole height);
// options unchanged for any other diagram.
void use_page_title_band(const model::Definitions& defs, Options& options);

// The relayout render_print tries, from the caller's layout options (its stop callback kept),
// measured by text.
Relayout print_relayout(TextEngine& text, layout::Options base = {});

// Whether render_print lays the model out for pages: up to print_limit shapes and edges drawn.
// A larger model (a chain of thousands of steps) would be minutes of paging into hundreds of
// pages: it is printed as before — one page of its own size, or tiled — with a warning.
constexpr std::size_t print_limit = 3000;
bool fits_print_layout(const model::Definitions& defs);

}  // namespace syzba::render
