// libFuzzer target: read → layout → render → SVG, as `syzba render` does, on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "export/export.h"
#include "io/io.h"
#include "layout/layout.h"
#include "render/render.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static syzba::render::TextEngine text;  // one Pango engine for the whole run
  syzba::io::ReadLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_elements = 3000;
  auto read = syzba::io::read_bpmn(std::string(reinterpret_cast<const char*>(data), size), limits);
  if (!read.definitions) return 0;
  syzba::model::Definitions defs = std::move(*read.definitions);
  syzba::layout::Options options;
  options.measure = text.measure();
  options.keep_incomplete = true;
  if (!syzba::layout::lay_out(defs, options).error.empty()) return 0;
  auto drawn = syzba::render::render_scene(defs, {}, text);
  if (!drawn.error.empty()) return 0;
  std::string svg = syzba::exporter::to_svg(drawn.scene);
  if (svg.find("<script") != std::string::npos) __builtin_trap();
  return 0;
}
