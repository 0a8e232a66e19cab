#pragma once
// What the render and export tests share: a model read from disk and drawn into a scene the
// way `syzba render` does it (laid out where the DI is missing, text measured by Pango).
#include <filesystem>

#include "io/io.h"
#include "layout/layout.h"
#include "render/render.h"
#include "test_support.h"

namespace syzba::test {

inline model::Definitions read_model(const std::filesystem::path& file) {
  auto result = io::read_bpmn_file(file.string());
  INFO(file);
  REQUIRE(result.definitions);
  return std::move(*result.definitions);
}

inline render::Scene draw_scene(model::Definitions defs, render::TextEngine& text, render::Options options = {}) {
  layout::Options layout_options;
  layout_options.measure = text.measure();
  layout_options.keep_incomplete = true;
  REQUIRE(layout::lay_out(defs, layout_options).error.empty());
  auto outcome = render::render_scene(defs, options, text);
  INFO(outcome.error);
  REQUIRE(outcome.error.empty());
  return std::move(outcome.scene);
}

}  // namespace syzba::test
