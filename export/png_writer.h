#pragma once
// Internal to export/: an image surface encoded as PNG, the zlib stream made here (see
// png_writer.cpp) or by libdeflate.
#include <string>

#include <cairo.h>

namespace syzba::exporter {

// RGB, 8 bits, composited over white, no time stamp (same pixels, same bytes). compression 0:
// the encoder made for diagrams; 1..12: libdeflate at that level (the same pixels). Empty with
// error set when the image is empty or memory runs out.
std::string encode_png(cairo_surface_t* image, int compression, std::string& error);

}  // namespace syzba::exporter
