// Cairo for the syzba command, loaded when a PDF or PNG is drawn and not before. Text is
// measured without it (render/text.cpp, Pango's FreeType font map), so an SVG, a check or a
// table needs none of Cairo, pixman, libpng and the X11 libraries Cairo brings: linked as
// usual they were some dozen of the command's 45 libraries and a fifth of a small drawing's time
// in the loader. These are the Cairo and pangocairo functions render/ and export/ call, defined
// here so that the linker (with --as-needed) leaves both libraries out of the command; each
// finds the real one on its first call. The libraries (syzba_render, syzba_export) link Cairo as
// before, and so does every other program of them (syzba-serve, the tests).
// A Cairo function render/ or export/ starts to use and this file does not define links Cairo
// into the command again: it still works, it only starts slower (`ldd build/src/syzba` shows it).
#include <cairo-pdf.h>
#include <cairo.h>
#include <dlfcn.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <cstdlib>

#ifndef SYZBA_PANGOCAIRO_SONAME
#define SYZBA_PANGOCAIRO_SONAME "libpangocairo-1.0.so.0"
#endif

namespace {

// pangocairo's handle: dlsym finds Cairo's functions too (Cairo is its dependency).
void* cairo_symbol(const char* name) {
  static void* library = dlopen(SYZBA_PANGOCAIRO_SONAME, RTLD_NOW | RTLD_LOCAL);
  void* symbol = library != nullptr ? dlsym(library, name) : nullptr;
  if (symbol == nullptr) {
    // The package depends on Cairo and pangocairo: only a broken installation gets here.
    std::fprintf(stderr, "syzba: drawing a PDF or PNG needs %s: %s\n", SYZBA_PANGOCAIRO_SONAME, dlerror());
    std::exit(2);
  }
  return symbol;
}

}  // namespace

// The function NAME with its parameters and the arguments passed on.
#define SYZBA_CAIRO_FORWARD(result, name, params, args)                                \
  extern "C" result name params {                                                      \
    static auto* real = reinterpret_cast<decltype(&name)>(cairo_symbol(#name));        \
    return real args;                                                                  \
  }

SYZBA_CAIRO_FORWARD(void, cairo_arc, (cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2), (cr, xc, yc, radius, angle1, angle2))
SYZBA_CAIRO_FORWARD(void, cairo_clip, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, cairo_close_path, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(cairo_t *, cairo_create, (cairo_surface_t *target), (target))
SYZBA_CAIRO_FORWARD(void, cairo_curve_to, (cairo_t *cr, double x1, double y1, double x2, double y2, double x3, double y3), (cr, x1, y1, x2, y2, x3, y3))
SYZBA_CAIRO_FORWARD(void, cairo_destroy, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, cairo_fill, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, cairo_fill_preserve, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(cairo_font_options_t *, cairo_font_options_create, (void), ())
SYZBA_CAIRO_FORWARD(void, cairo_font_options_destroy, (cairo_font_options_t *options), (options))
SYZBA_CAIRO_FORWARD(void, cairo_font_options_set_antialias, (cairo_font_options_t *options, cairo_antialias_t antialias), (options, antialias))
SYZBA_CAIRO_FORWARD(void, cairo_font_options_set_hint_metrics, (cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics), (options, hint_metrics))
SYZBA_CAIRO_FORWARD(void, cairo_font_options_set_hint_style, (cairo_font_options_t *options, cairo_hint_style_t hint_style), (options, hint_style))
SYZBA_CAIRO_FORWARD(int, cairo_format_stride_for_width, (cairo_format_t format, int width), (format, width))
SYZBA_CAIRO_FORWARD(cairo_surface_t *, cairo_image_surface_create_for_data, (unsigned char *data, cairo_format_t format, int width, int height, int stride), (data, format, width, height, stride))
SYZBA_CAIRO_FORWARD(unsigned char *, cairo_image_surface_get_data, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(int, cairo_image_surface_get_height, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(int, cairo_image_surface_get_stride, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(int, cairo_image_surface_get_width, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(void, cairo_line_to, (cairo_t *cr, double x, double y), (cr, x, y))
SYZBA_CAIRO_FORWARD(void, cairo_move_to, (cairo_t *cr, double x, double y), (cr, x, y))
SYZBA_CAIRO_FORWARD(void, cairo_new_path, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, cairo_new_sub_path, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(cairo_surface_t *, cairo_pdf_surface_create_for_stream, (cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points), (write_func, closure, width_in_points, height_in_points))
SYZBA_CAIRO_FORWARD(void, cairo_pdf_surface_set_metadata, (cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8), (surface, metadata, utf8))
SYZBA_CAIRO_FORWARD(void, cairo_rectangle, (cairo_t *cr, double x, double y, double width, double height), (cr, x, y, width, height))
SYZBA_CAIRO_FORWARD(void, cairo_restore, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, cairo_rotate, (cairo_t *cr, double angle), (cr, angle))
SYZBA_CAIRO_FORWARD(void, cairo_save, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, cairo_scale, (cairo_t *cr, double sx, double sy), (cr, sx, sy))
SYZBA_CAIRO_FORWARD(void, cairo_set_dash, (cairo_t *cr, const double *dashes, int num_dashes, double offset), (cr, dashes, num_dashes, offset))
SYZBA_CAIRO_FORWARD(void, cairo_set_line_cap, (cairo_t *cr, cairo_line_cap_t line_cap), (cr, line_cap))
SYZBA_CAIRO_FORWARD(void, cairo_set_line_join, (cairo_t *cr, cairo_line_join_t line_join), (cr, line_join))
SYZBA_CAIRO_FORWARD(void, cairo_set_line_width, (cairo_t *cr, double width), (cr, width))
SYZBA_CAIRO_FORWARD(void, cairo_set_source_rgb, (cairo_t *cr, double red, double green, double blue), (cr, red, green, blue))
SYZBA_CAIRO_FORWARD(void, cairo_set_source_rgba, (cairo_t *cr, double red, double green, double blue, double alpha), (cr, red, green, blue, alpha))
SYZBA_CAIRO_FORWARD(void, cairo_show_page, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(const char *, cairo_status_to_string, (cairo_status_t status), (status))
SYZBA_CAIRO_FORWARD(void, cairo_stroke, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, cairo_surface_destroy, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(void, cairo_surface_finish, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(void, cairo_surface_flush, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(cairo_status_t, cairo_surface_status, (cairo_surface_t *surface), (surface))
SYZBA_CAIRO_FORWARD(void, cairo_translate, (cairo_t *cr, double tx, double ty), (cr, tx, ty))
SYZBA_CAIRO_FORWARD(void, pango_cairo_context_set_font_options, (PangoContext *context, const cairo_font_options_t *options), (context, options))
SYZBA_CAIRO_FORWARD(void, pango_cairo_context_set_resolution, (PangoContext *context, double dpi), (context, dpi))
SYZBA_CAIRO_FORWARD(PangoLayout *, pango_cairo_create_layout, (cairo_t *cr), (cr))
SYZBA_CAIRO_FORWARD(void, pango_cairo_show_layout, (cairo_t *cr, PangoLayout *layout), (cr, layout))
SYZBA_CAIRO_FORWARD(PangoFontMap *, pango_cairo_font_map_new, (void), ())
