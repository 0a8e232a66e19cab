// syzba render IN -o OUT.svg|pdf|png: the diagram with BPMN notation, swimlanes, a title
// block and the legend; laid out first where the file has no complete DI.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/input.h"
#include "cli/verbs.h"
#include "export/export.h"
#include "io/io.h"
#include "pipeline/pipeline.h"
#include "render/render.h"

namespace syzba::cli {

void add_render(CLI::App& app, RenderOptions& options) {
  auto* cmd = app.add_subcommand("render", "Draw a diagram as SVG, PDF or PNG, with its legend and title block.");
  cmd->add_option("input", options.input, "BPMN or text-form (.syzba) file ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output, "output file: .svg, .pdf or .png ('-' for standard output with --format)")->required();
  cmd->add_option("--format", options.format, "svg, pdf or png (default: from the output's extension)")
      ->check(CLI::IsMember({"svg", "pdf", "png"}));
  cmd->add_option("--lang", options.lang, "language of the legend and generated text: kk, ru or en (default: the model's)")
      ->check(CLI::IsMember({"kk", "ru", "en"}));
  cmd->add_option("--legend", options.legend, "auto (the symbols the diagram uses) or none")
      ->check(CLI::IsMember({"auto", "none"}));
  cmd->add_option("--title", options.title, "title above the diagram (default: the service name in the model)");
  cmd->add_flag("--no-title", options.no_title, "no title block above the diagram");
  cmd->add_option("--page", options.page,
                  "PDF page: fit (one page the size of the diagram), A4 or A3 (laid out for print: cut between "
                  "steps into pages joined by link events, text at least 7 pt)")
      ->check(CLI::IsMember({"fit", "A4", "A3", "a4", "a3"}));
  cmd->add_flag("--landscape", options.landscape, "A4 / A3 pages in landscape");
  cmd->add_flag("--tile", options.tile, "A4 / A3: scale the whole picture and tile it over pages (a poster) instead");
  cmd->add_option("--scale", options.scale, "PNG pixels per diagram pixel (default 1)")->check(CLI::Range(0.05, 16.0));
  cmd->add_option("--dpi", options.dpi, "PNG resolution instead of --scale (96 = scale 1)")->check(CLI::Range(5.0, 1536.0));
  cmd->add_option("--theme", options.theme, "default (close to bpmn-js, with DI colours) or bw (black and white, for print)")
      ->check(CLI::IsMember({"default", "bw"}));
  cmd->add_option("--durations", options.durations, "on: show durations under task labels; off")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_flag("--relayout", options.relayout, "lay the diagrams out again instead of drawing their DI");
  cmd->add_option("--diagram", options.diagram, "which diagram: a BPMNDiagram id or the element it draws (default: the first)");
  add_limits(*cmd, options.limits);
  add_watch(*cmd, options.watch);
  cmd->footer("Exit status: 0 done, 1 nothing to draw or the output refused, 2 unreadable input or unwritable output.");
}

namespace {

int render_once(const RenderOptions& options, exporter::Format format) {
  auto read = read_model("render", options.input, options.limits, "not drawn, since the values above could not be read", Reading::drawing,
                         options.lang);
  if (!read.definitions) return read.exit_code;
  const std::string& name = read.name;
  pipeline::DrawOptions draw;
  draw.format = format;
  draw.lang = options.lang;
  draw.legend = options.legend != "none";
  draw.durations = options.durations != "off";
  draw.theme = options.theme;
  draw.title = options.title;
  draw.title_block = !options.no_title;
  draw.diagram = options.diagram;
  draw.relayout = options.relayout;
  draw.page = options.page;
  draw.landscape = options.landscape;
  draw.tile = options.tile;
  draw.png_scale = options.dpi > 0 ? options.dpi / 96.0 : options.scale;
  render::TextEngine text;
  auto drawn = pipeline::draw(*read.definitions, draw, text);
  std::cerr << pipeline::format_text({{name, drawn.notes}}, false);
  if (!drawn.error.empty()) {
    std::string known;
    for (const auto& d : drawn.diagrams) known += (known.empty() ? "" : ", ") + d;
    std::cerr << "syzba render: " << name << ": " << drawn.error
              << (known.empty() ? "" : " (diagrams in the file: " + known + ")") << "\n";
    return 1;
  }
  if (!drawn.warning.empty()) std::cerr << "syzba render: " << name << ": warning: " << drawn.warning << "\n";
  if (auto error = io::write_file_atomically(options.output, drawn.bytes)) {
    std::cerr << "syzba render: " << *error << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

int run_render(const RenderOptions& options) {
  if (output_is_input("render", options.input, options.output)) return 2;
  auto format = options.format.empty() ? exporter::format_from_path(options.output) : exporter::format_from_name(options.format);
  if (!format) {
    std::cerr << "syzba render: say which format to write: an output ending in .svg, .pdf or .png, or --format\n";
    return 2;
  }
  if (!options.watch.enabled) return render_once(options, *format);
  // The drafting loop: the findings of check, then the picture, at every save.
  CheckOptions check;
  check.files = {options.input};
  if (!options.lang.empty()) check.lang = options.lang;
  check.limits = options.limits;
  return run_watching("render", options.input, options.watch, [&] {
    int checked = run_check(check);
    return checked == 2 ? 2 : render_once(options, *format);  // unreadable: said once, by check
  });
}

}  // namespace syzba::cli
