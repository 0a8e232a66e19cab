#pragma once
// syzba::exporter — a render::Scene drawn as SVG, PDF or PNG, returned as bytes (the caller
// writes them atomically). Same scene and options, same bytes.
//
// SVG is written by our own writer: labels stay <text>/<tspan> (searchable, selectable, read
// by screen readers), fonts are named with fallbacks, every BPMN element is a <g> carrying its
// id and type in data attributes, and all text is escaped. PDF and PNG are drawn by Cairo,
// text by Pango (fonts embedded; PDF stays vector).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "render/render.h"

namespace syzba::exporter {

enum class Format { svg, pdf, png };
std::optional<Format> format_from_name(std::string_view name);       // "svg", "pdf", "png"
std::optional<Format> format_from_path(std::string_view path);       // by extension
std::string_view extension(Format format);                           // "svg", "pdf", "png"

enum class PageSize { fit, a4, a3 };
std::optional<PageSize> page_from_name(std::string_view name);       // "fit", "A4", "A3"

struct PdfOptions {
  PageSize page = PageSize::fit;
  bool landscape = false;
  // Below this scale a diagram on one page is unreadable (12 px labels under ~6 pt), so it is
  // tiled over several pages at tile_scale instead, with margins and page numbers.
  double min_scale = 0.6;
  double tile_scale = 0.75;
};

struct PngOptions {
  double scale = 1;               // 1 = 96 dpi
  double max_pixels = 150e6;      // larger images are refused with a message
  int compression = 0;            // 0: the encoder made for diagrams (fast); 1..12: libdeflate at that level
};

struct Result {
  std::string bytes;
  std::string error;  // non-empty: nothing was produced
  int pages = 1;      // PDF
};

struct SvgOptions {
  bool standalone = true;  // with the XML declaration; false to inline the SVG in an HTML page
  // Where a BPMN element's group links to ("" for no link): an <a href> around its <g>.
  std::function<std::string(const render::Element&)> link;
};

std::string to_svg(const render::Scene& scene, const SvgOptions& options = {});
// A scene on one page of its own size (fit), or on A4 / A3 pages scaled and, when too small
// to read, tiled as a poster is (cut where the page ends).
Result to_pdf(const render::Scene& scene, const PdfOptions& options = {});
// Pages laid out for print (render::render_print): each page's scene at its scale, from the
// top left inside the margins (a single page centred).
Result to_pdf(const render::Printed& printed);
Result to_png(const render::Scene& scene, const PngOptions& options = {});

}  // namespace syzba::exporter
