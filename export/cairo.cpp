// The scene drawn by Cairo: PDF (vector, fonts embedded, fixed creation date, fitted to a page
// or tiled over several) and PNG. Text lines are drawn one by one with Pango at the positions
// the scene measured, so the line breaks are those of the SVG.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>

#include <sys/mman.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "export/export.h"
#include "export/png_writer.h"

namespace syzba::exporter {

namespace {

using render::Scene;
using render::Shape;
using render::Text;

constexpr double pt_per_px = 0.75;  // CSS px are 1/96 in; PDF points 1/72 in

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Rgb {
  double r = 0, g = 0, b = 0;
};

Rgb rgb(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return {};
  auto part = [&](int i) { return std::strtol(hex.substr(static_cast<std::size_t>(i), 2).c_str(), nullptr, 16) / 255.0; };
  return {part(1), part(3), part(5)};
}

// Draws text runs with Pango; one layout reused, fonts cached by size and weight.
class TextPainter {
 public:
  TextPainter(cairo_t* cr, const std::string& family) : cr_(cr), family_(family) {
    layout_ = pango_cairo_create_layout(cr);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    PangoContext* context = pango_layout_get_context(layout_);
    pango_cairo_context_set_font_options(context, options);
    pango_cairo_context_set_resolution(context, 96);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(layout_);
  }
  ~TextPainter() {
    for (auto& [key, font] : fonts_) pango_font_description_free(font);
    g_object_unref(layout_);
  }
  TextPainter(const TextPainter&) = delete;
  TextPainter& operator=(const TextPainter&) = delete;

  void draw(const Text& t) {
    pango_layout_set_font_description(layout_, font(t.font_px, t.bold));
    Rgb c = rgb(t.color);
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_save(cr_);
    if (t.vertical) cairo_rotate(cr_, -M_PI / 2);
    for (const auto& line : t.lines) {
      pango_layout_set_text(layout_, line.text.data(), static_cast<int>(line.text.size()));
      double baseline = static_cast<double>(pango_layout_get_baseline(layout_)) / PANGO_SCALE;
      double x = t.anchor == render::Anchor::middle ? line.x - line.width / 2 : line.x;
      cairo_move_to(cr_, x, line.y - baseline);
      pango_cairo_show_layout(cr_, layout_);
    }
    cairo_restore(cr_);
  }

 private:
  PangoFontDescription* font(double px, bool bold) {
    auto key = std::make_pair(static_cast<int>(std::lround(px * 64)), bold);
    auto it = fonts_.find(key);
    if (it != fonts_.end()) return it->second;
    PangoFontDescription* d = pango_font_description_from_string(family_.c_str());
    pango_font_description_set_absolute_size(d, px * PANGO_SCALE);
    pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    fonts_.emplace(key, d);
    return d;
  }

  cairo_t* cr_;
  std::string family_;
  PangoLayout* layout_;
  std::map<std::pair<int, bool>, PangoFontDescription*> fonts_;
};

void trace(cairo_t* cr, const Shape& s) {
  cairo_new_path(cr);
  switch (s.geometry) {
    case render::Geometry::rect: {
      double r = std::min({s.corner, s.width / 2, s.height / 2});
      if (r <= 0) {
        cairo_rectangle(cr, s.x, s.y, s.width, s.height);
        break;
      }
      double x = s.x, y = s.y, w = s.width, h = s.height;
      cairo_new_sub_path(cr);
      cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
      cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
      cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
      cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
      cairo_close_path(cr);
      break;
    }
    case render::Geometry::ellipse:
      cairo_new_sub_path(cr);
      cairo_arc(cr, s.x + s.width / 2, s.y + s.height / 2, s.width / 2, 0, 2 * M_PI);
      cairo_close_path(cr);
      break;
    case render::Geometry::path:
      for (const auto& op : s.path) {
        switch (op.op) {
          case 'M': cairo_move_to(cr, op.v[0], op.v[1]); break;
          case 'L': cairo_line_to(cr, op.v[0], op.v[1]); break;
          case 'C': cairo_curve_to(cr, op.v[0], op.v[1], op.v[2], op.v[3], op.v[4], op.v[5]); break;
          case 'Z': cairo_close_path(cr); break;
          default: break;
        }
      }
      break;
  }
}

void draw_shape(cairo_t* cr, const Shape& s) {
  trace(cr, s);
  if (!s.fill.empty()) {
    Rgb c = rgb(s.fill);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, s.fill_opacity);
    cairo_fill_preserve(cr);
  }
  if (!s.stroke.empty() && s.stroke_width > 0) {
    Rgb c = rgb(s.stroke);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_set_line_width(cr, s.stroke_width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, s.round_cap ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, s.dash.empty() ? nullptr : s.dash.data(), static_cast<int>(s.dash.size()), 0);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

// The scene's background: its colour over the whole scene.
void fill_background(cairo_t* cr, const Scene& scene, double width, double height) {
  Rgb bg = rgb(scene.background);
  cairo_set_source_rgb(cr, bg.r, bg.g, bg.b);
  cairo_rectangle(cr, 0, 0, width, height);
  cairo_fill(cr);
}

// background false: the surface holds it already (to_png).
void draw_scene(cairo_t* cr, const Scene& scene, bool background = true) {
  if (background) fill_background(cr, scene, scene.width, scene.height);
  TextPainter text(cr, scene.pango_family);
  for (const auto& e : scene.elements)
    for (const auto& item : e.items) {
      if (const auto* shape = std::get_if<Shape>(&item)) draw_shape(cr, *shape);
      else text.draw(std::get<Text>(item));
    }
}

// A fixed creation date keeps the bytes the same from run to run; SOURCE_DATE_EPOCH (the
// reproducible-builds convention) chooses another.
std::string creation_date() {
  std::time_t t = 946684800;  // 2000-01-01T00:00:00Z
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

struct PagePlan {
  double page_w = 0, page_h = 0;  // points
  double scale = 1;               // points per scene px
  int columns = 1, rows = 1;
  double tile_w = 0, tile_h = 0;  // scene px per tile
  double margin = 0, footer = 0;
};

PagePlan plan_pages(const Scene& scene, const PdfOptions& options) {
  PagePlan plan;
  if (options.page == PageSize::fit) {
    plan.page_w = scene.width * pt_per_px;
    plan.page_h = scene.height * pt_per_px;
    plan.scale = pt_per_px;
    plan.tile_w = scene.width;
    plan.tile_h = scene.height;
    return plan;
  }
  double w = options.page == PageSize::a4 ? 595.28 : 841.89, h = options.page == PageSize::a4 ? 841.89 : 1190.55;
  if (options.landscape) std::swap(w, h);
  plan.page_w = w;
  plan.page_h = h;
  plan.margin = 28.35;  // 10 mm
  plan.footer = 14;
  double avail_w = w - 2 * plan.margin, avail_h = h - 2 * plan.margin - plan.footer;
  double fit = std::min({avail_w / (scene.width * pt_per_px), avail_h / (scene.height * pt_per_px), 1.0});
  double k = fit >= options.min_scale ? fit : options.tile_scale;
  plan.scale = k * pt_per_px;
  plan.tile_w = avail_w / plan.scale;
  plan.tile_h = avail_h / plan.scale;
  plan.columns = std::max(1, static_cast<int>(std::ceil(scene.width / plan.tile_w - 1e-9)));
  plan.rows = std::max(1, static_cast<int>(std::ceil(scene.height / plan.tile_h - 1e-9)));
  return plan;
}

void page_number(cairo_t* cr, const PagePlan& plan, int page, int pages, int row, int column) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("Liberation Sans,Noto Sans,DejaVu Sans 7");
  pango_layout_set_font_description(layout, font);
  std::string text = fmt::format("{} / {}   ·   {}:{}", page, pages, row + 1, column + 1);
  pango_layout_set_text(layout, text.c_str(), -1);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  cairo_set_source_rgb(cr, 0.35, 0.37, 0.42);
  cairo_move_to(cr, (plan.page_w - static_cast<double>(w) / PANGO_SCALE) / 2, plan.page_h - plan.margin - static_cast<double>(h) / PANGO_SCALE);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

}  // namespace

namespace {

// Ends a PDF: the stream flushed into result, or its error (and no bytes) when Cairo failed.
void finish_pdf(cairo_t* cr, cairo_surface_t* surface, Result& result) {
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    result.bytes.clear();
    result.error = std::string("PDF: ") + cairo_status_to_string(status);
  }
}

}  // namespace

Result to_pdf(const Scene& scene, const PdfOptions& options) {
  Result result;
  PagePlan plan = plan_pages(scene, options);
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &result.bytes, plan.page_w, plan.page_h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "syzba");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creation_date().c_str());
  cairo_t* cr = cairo_create(surface);
  int pages = plan.columns * plan.rows, page = 0;
  for (int row = 0; row < plan.rows; ++row)
    for (int column = 0; column < plan.columns; ++column) {
      ++page;
      cairo_save(cr);
      double used_w = std::min(plan.tile_w, scene.width - column * plan.tile_w) * plan.scale;
      double used_h = std::min(plan.tile_h, scene.height - row * plan.tile_h) * plan.scale;
      // One page: centred; tiles: from the top left, so neighbours line up.
      double ox = plan.margin, oy = plan.margin;
      if (pages == 1 && options.page != PageSize::fit) {
        ox = (plan.page_w - used_w) / 2;
        oy = plan.margin + (plan.page_h - 2 * plan.margin - plan.footer - used_h) / 2;
      }
      cairo_rectangle(cr, ox, oy, used_w, used_h);
      cairo_clip(cr);
      cairo_translate(cr, ox, oy);
      cairo_scale(cr, plan.scale, plan.scale);
      cairo_translate(cr, -column * plan.tile_w, -row * plan.tile_h);
      draw_scene(cr, scene);
      cairo_restore(cr);
      if (pages > 1) page_number(cr, plan, page, pages, row, column);
      cairo_show_page(cr);
    }
  finish_pdf(cr, surface, result);
  result.pages = pages;
  return result;
}

Result to_pdf(const render::Printed& printed) {
  Result result;
  if (printed.pages.empty()) {
    result.error = "PDF: no page to print";
    return result;
  }
  const Scene& first = printed.pages.front().scene;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &result.bytes, printed.width_pt, printed.height_pt);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, first.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "syzba");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creation_date().c_str());
  cairo_t* cr = cairo_create(surface);
  bool one = printed.pages.size() == 1;
  for (const auto& page : printed.pages) {
    const Scene& scene = page.scene;
    double w = scene.width * page.scale, h = scene.height * page.scale;
    // One page: centred. Several: from the top left, so that the pages' frames line up.
    double ox = one ? (printed.width_pt - w) / 2 : printed.margin_pt;
    double oy = one ? (printed.height_pt - h) / 2 : printed.margin_pt;
    cairo_save(cr);
    cairo_rectangle(cr, ox, oy, w, h);
    cairo_clip(cr);
    cairo_translate(cr, ox, oy);
    cairo_scale(cr, page.scale, page.scale);
    draw_scene(cr, scene);
    cairo_restore(cr);
    cairo_show_page(cr);
  }
  finish_pdf(cr, surface, result);
  result.pages = static_cast<int>(printed.pages.size());
  return result;
}

namespace {

// Pixel memory for PNGs, kept by each thread for its next one (publish draws two a diagram,
// render into a folder many): a fresh mapping costs its page faults and the kernel's zeroing
// every time, more than the drawing of the background. Mapped in huge pages where the kernel
// has them; more than 64 MB is given back after each image.
class PixelMemory {
 public:
  ~PixelMemory() { release(); }
  // At least bytes; fresh: all zero (never used).
  unsigned char* get(std::size_t bytes, bool& fresh) {
    fresh = false;
    if (bytes <= size_) return static_cast<unsigned char*>(data_);
    release();
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    madvise(p, bytes, MADV_HUGEPAGE);
    data_ = p, size_ = bytes, fresh = true;
    return static_cast<unsigned char*>(p);
  }
  void done() {
    if (size_ > (64U << 20)) release();
  }

 private:
  void release() {
    if (data_) munmap(data_, size_);
    data_ = nullptr, size_ = 0;
  }
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

thread_local PixelMemory pixel_memory;

// A row of width pixels of one colour, 16 of them a step with SSE2 (part of x86-64): std::fill_n
// stored one a step (not vectorised at -O2), a tenth of all instructions of a PNG render.
void fill_row(unsigned char* row, int width, std::uint32_t pixel) {
  auto* p = reinterpret_cast<std::uint32_t*>(row);
  int x = 0;
#if defined(__SSE2__)
  const __m128i v = _mm_set1_epi32(static_cast<int>(pixel));
  for (; x + 16 <= width; x += 16)
    for (int k = 0; k < 4; ++k) _mm_storeu_si128(reinterpret_cast<__m128i*>(p + x + 4 * k), v);
#endif
  std::fill_n(p + x, width - x, pixel);
}

}  // namespace

Result to_png(const Scene& scene, const PngOptions& options) {
  Result result;
  double w = std::ceil(scene.width * options.scale), h = std::ceil(scene.height * options.scale);
  if (!(options.scale > 0) || w * h > options.max_pixels || w > 32767 || h > 32767) {
    result.error = fmt::format("PNG of {:.0f}×{:.0f} px at scale {} is too large (at most 32,767 px a side and "
                               "{:.0f} million pixels); use a smaller --scale or --dpi, or SVG / PDF",
                               w, h, options.scale, options.max_pixels / 1e6);
    return result;
  }
  int width = static_cast<int>(std::max(1.0, w)), height = static_cast<int>(std::max(1.0, h));
  int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
  std::size_t bytes = static_cast<std::size_t>(stride) * static_cast<std::size_t>(height);
  bool fresh = false;
  unsigned char* pixels = pixel_memory.get(bytes, fresh);
  if (!pixels) {
    result.error = "PNG: out of memory";
    return result;
  }
  // The background covers every pixel whole when the scene is a whole number of pixels: each
  // then is the pixel Cairo makes of the colour (learnt from one pixel filled the same way),
  // written here at once instead of zeroed first and filled by Cairo after.
  bool whole = scene.width * options.scale == w && scene.height * options.scale == h && w >= 1 && h >= 1;
  if (whole) {
    std::uint32_t one = 0;
    cairo_surface_t* probe = cairo_image_surface_create_for_data(reinterpret_cast<unsigned char*>(&one), CAIRO_FORMAT_ARGB32, 1, 1, 4);
    cairo_t* pc = cairo_create(probe);
    fill_background(pc, scene, 1, 1);
    cairo_destroy(pc);
    cairo_surface_flush(probe);
    cairo_surface_destroy(probe);
    for (int y = 0; y < height; ++y) fill_row(pixels + static_cast<std::ptrdiff_t>(y) * stride, width, one);
  } else if (!fresh) {
    std::memset(pixels, 0, bytes);  // transparent, as a new surface is
  }
  cairo_surface_t* surface = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32, width, height, stride);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, options.scale, options.scale);
  draw_scene(cr, scene, !whole);
  cairo_destroy(cr);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    result.error = std::string("PNG: ") + cairo_status_to_string(cairo_surface_status(surface));
  else
    result.bytes = encode_png(surface, options.compression, result.error);
  cairo_surface_destroy(surface);
  pixel_memory.done();
  return result;
}

}  // namespace syzba::exporter
