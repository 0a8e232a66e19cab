#include "export/export.h"
#include "io/io.h"
#include "layout/layout.h"
#include "pipeline/pipeline.h"
#include "table/table.h"

namespace syzba::pipeline {

namespace {

exporter::Result export_scene(const render::Scene& scene, const DrawOptions& options) {
  exporter::Result out;
  switch (options.format) {
    case exporter::Format::svg: out.bytes = exporter::to_svg(scene); break;
    case exporter::Format::pdf: {
      exporter::PdfOptions pdf;
      pdf.page = exporter::page_from_name(options.page).value_or(exporter::PageSize::fit);
      pdf.landscape = options.landscape;
      out = exporter::to_pdf(scene, pdf);
      break;
    }
    case exporter::Format::png: {
      exporter::PngOptions png;
      png.scale = options.png_scale;
      out = exporter::to_png(scene, png);
      break;
    }
  }
  return out;
}

layout::Options layout_options_of(const DrawOptions& options, render::TextEngine& text) {
  layout::Options layout_options;
  layout_options.measure = text.measure();
  layout_options.relayout = options.relayout;
  layout_options.keep_incomplete = true;  // draw the author's picture, as bpmn-js would
  layout_options.stop = options.stop;
  return layout_options;
}

render::Options render_options_of(const model::Definitions& definitions, const DrawOptions& options) {
  render::Options render_options;
  render_options.lang = render::lang_from_name(options.lang.empty() ? model::language_of(definitions) : options.lang)
                            .value_or(render::Lang::kk);
  render_options.legend = options.legend;
  render_options.durations = options.durations;
  render_options.theme = render::theme_from_name(options.theme).value_or(render::Theme::standard);
  render_options.title = options.title;
  render_options.title_block = options.title_block;
  render_options.diagram = options.diagram;
  return render_options;
}

// Lays the model out where its DI is missing or broken, as draw and paged_bpmn both begin:
// the layout's notes, and its error ("" when laid out).
std::string lay_out_as_drawn(model::Definitions& definitions, const layout::Options& layout_options,
                             std::vector<model::Diagnostic>& notes) {
  auto laid_out = layout::lay_out(definitions, layout_options);
  notes = std::move(laid_out.notes);
  return laid_out.error;
}

render::PageSpec page_spec_of(const DrawOptions& options) {
  auto page = exporter::page_from_name(options.page).value_or(exporter::PageSize::fit);
  return render::page_spec(page == exporter::PageSize::a3, options.landscape);
}

}  // namespace

Drawn draw(model::Definitions& definitions, const DrawOptions& options, render::TextEngine& text) {
  Drawn out;
  layout::Options layout_options = layout_options_of(options, text);
  out.error = lay_out_as_drawn(definitions, layout_options, out.notes);
  if (!out.error.empty()) return out;
  render::Options render_options = render_options_of(definitions, options);
  auto page = exporter::page_from_name(options.page).value_or(exporter::PageSize::fit);
  bool paged = render::fits_print_layout(definitions);
  if (options.format == exporter::Format::pdf && page != exporter::PageSize::fit && !options.tile && paged) {
    // Laid out for print: cut into pages between steps; a tighter layout tried when the
    // model's own needs more than one page.
    auto printed = render::render_print(definitions, render_options, page_spec_of(options), text,
                                        render::print_relayout(text, layout_options));
    if (!printed.error.empty()) {
      out.error = printed.error;
      out.diagrams = printed.diagrams;
      return out;
    }
    out.warning = printed.warning;
    auto exported = exporter::to_pdf(printed);
    if (!exported.error.empty()) out.error = exported.error;
    else out.bytes = std::move(exported.bytes);
    return out;
  }
  render::use_page_title_band(definitions, render_options);
  auto drawn = render::render_scene(definitions, render_options, text);
  if (!drawn.error.empty()) {
    out.error = drawn.error;
    out.diagrams = drawn.diagrams;
    return out;
  }
  if (options.format == exporter::Format::pdf && page != exporter::PageSize::fit && !options.tile && !paged)
    drawn.warning += std::string(drawn.warning.empty() ? "" : "; ") + "more than " + std::to_string(render::print_limit) +
                     " shapes and edges: tiled over the pages instead of laid out for them";
  out.warning = drawn.warning;
  if (options.decorate) options.decorate(drawn.scene, text);
  auto exported = export_scene(drawn.scene, options);
  if (!exported.error.empty()) out.error = exported.error;
  else out.bytes = std::move(exported.bytes);
  return out;
}

Paged paged_bpmn(model::Definitions definitions, const DrawOptions& options, render::TextEngine& text) {
  Paged out;
  layout::Options layout_options = layout_options_of(options, text);
  out.error = lay_out_as_drawn(definitions, layout_options, out.notes);
  if (!out.error.empty()) return out;
  if (!render::fits_print_layout(definitions)) {
    out.error = "more than " + std::to_string(render::print_limit) + " shapes and edges: too large to lay out for pages";
    return out;
  }
  auto paged = render::paged_model(definitions, render_options_of(definitions, options), page_spec_of(options), text,
                                   render::print_relayout(text, layout_options));
  out.error = std::move(paged.error);
  out.warning = std::move(paged.warning);
  if (!out.error.empty()) return out;
  out.pages = paged.pages;
  out.links = paged.links;
  out.bytes = io::write_bpmn(paged.defs);
  return out;
}

Written laid_out_bpmn(model::Definitions definitions, bool relayout, std::function<bool()> stop) {
  layout::Options layout_options;
  layout_options.relayout = relayout;
  layout_options.stop = std::move(stop);
  auto outcome = layout::lay_out(definitions, layout_options);
  Written out;
  out.notes = std::move(outcome.notes);
  out.error = outcome.error;
  if (out.error.empty()) out.bytes = io::write_bpmn(definitions);
  return out;
}

std::optional<std::string> table(const model::Definitions& definitions, std::string_view format, std::string_view lang_name) {
  auto lang = check::lang_from_name(lang_name.empty() ? model::language_of(definitions) : lang_name);
  if (!lang) return std::nullopt;
  table::Table t = table::make_table(definitions);
  if (format == "html") return table::to_html_page(t, *lang);
  if (format == "html-table") return table::to_html_table(t, *lang);
  if (format == "md") return table::to_markdown(t, *lang);
  if (format == "csv") return table::to_csv(t, *lang);
  return std::nullopt;
}

}  // namespace syzba::pipeline
