#pragma once
// Internal to export/: an image surface encoded as PNG by libpng with settings chosen for
// diagrams (Cairo's own writer uses libpng's slow defaults: every filter tried on every row).
#include <string>

#include <cairo.h>

namespace syzba::exporter {

// RGB, 8 bits, composited over white, no time stamp (same pixels, same bytes). Empty with
// error set when libpng fails.
std::string encode_png(cairo_surface_t* image, int compression, std::string& error);

}  // namespace syzba::exporter
