#pragma once
// syzba::render — a laid-out BPMN model (with DI) turned into a scene: a display list of
// shapes and text runs, grouped by BPMN element, with every text line already broken and
// measured by Pango. export/ draws the scene as SVG, PDF or PNG; nothing here knows files.
//
// Offers: Scene and its parts (plain values); TextEngine (Pango + fontconfig: wrapping,
// measuring, and the measure layout uses so that boxes fit the drawn text); render_scene
// (notation as bpmn-js draws it, swimlanes, a title block and the legend "Шартты белгілер"
// in kk / ru / en with a row for each kind of symbol the diagram uses; themes).
#include <memory>
#include <string>
#include <string_view>
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

class TextEngine {
 public:
  TextEngine();
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Breaks text into lines no wider than max_width, at word breaks where it can (a word too
  // long for a line is broken between letters, with a hyphen). max_lines > 0 ends the last
  // line with "…" when more would follow. Line height 1.2 em.
  TextBlock wrap(std::string_view text, double font_px, bool bold, double max_width, int max_lines = 0);
  double line_height(double font_px) const { return font_px * 1.2; }
  // The measure layout sizes shapes with, so that drawn text fits them.
  layout::MeasureText measure();
  // Whether the fonts have a glyph for every character of text.
  bool covers(std::string_view text);
  static std::string_view pango_family();
  static std::string_view css_family();

 private:
  TextBlock wrap_uncached(std::string_view text, double font_px, bool bold, double max_width, int max_lines);
  struct Impl;
  std::unique_ptr<Impl> impl_;
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
};

struct Outcome {
  Scene scene;
  std::string error;  // non-empty: nothing to draw (no diagram, unknown --diagram)
  std::string warning;  // drawn, but the reader should know: the diagram is empty
  std::vector<std::string> diagrams;  // ids of the diagrams the file has
};

std::optional<Lang> lang_from_name(std::string_view name);
std::optional<Theme> theme_from_name(std::string_view name);

// Draws one diagram of defs (which must have DI; lay it out first otherwise).
Outcome render_scene(const model::Definitions& defs, const Options& options, TextEngine& text);

}  // namespace syzba::render
