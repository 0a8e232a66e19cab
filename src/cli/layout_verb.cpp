// syzba layout IN -o OUT: complete DI (shapes, orthogonal edges, label bounds) for every
// process and collaboration; --stats prints the quality figures of the result.
// syzba layout IN --pages A4 -o OUT: the process cut into the pages print makes, written in:
// link event pairs at the cuts and one diagram per page.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/input.h"
#include "pipeline/pipeline.h"
#include "cli/verbs.h"
#include "io/io.h"
#include "layout/layout.h"
#include "render/render.h"

namespace syzba::cli {

void add_layout(CLI::App& app, LayoutOptions& options) {
  auto* cmd = app.add_subcommand("layout", "Lay out processes and collaborations in pools and lanes; write BPMN with complete DI.");
  cmd->add_option("input", options.input, "BPMN or text-form (.syzba) file ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output, "output BPMN file ('-' for standard output)");
  cmd->add_flag("--relayout", options.relayout, "lay out again what already has a complete diagram");
  cmd->add_flag("--stats", options.stats, "print the layout's quality figures");
  cmd->add_flag("--measure-only", options.measure_only, "lay out nothing: print the figures of the diagrams as they are (another tool's, say)");
  cmd->add_option("--format", options.format, "format of --stats: text or json")->check(CLI::IsMember({"text", "json"}));
  add_page_options(*cmd, "--pages", options.pages, options.landscape, false,
                   "split for print: the page cut of render --page A4|A3 written into the model (link throw/catch "
                   "event pairs at the cuts, named after the pages, the flows rerouted through them) with one "
                   "BPMNDiagram per page; without it the model keeps one diagram and print cuts at render time");
  add_limits(*cmd, options.limits);
  cmd->footer("Without -o, only --stats is printed. With --pages, -o is needed and the pages and link pairs are said on "
              "standard error. Exit status: 0 done, 1 refused or layout failed, 2 unreadable input or unwritable output.");
}

namespace {

std::string stats_text(const std::string& file, const std::vector<layout::Stats>& all) {
  std::string out;
  for (const auto& s : all)
    out += fmt::format(
        "{}: {}: {} nodes, {} edges; overlapping nodes {}, nodes outside their lane {}, edges through shapes {}, "
        "non-orthogonal segments {}; crossings {}, bends per edge {:.2f}, left to right {:.0f}%, {:.0f} × {:.0f} "
        "(aspect {:.2f})\n",
        file, s.diagram, s.nodes, s.edges, s.overlapping_nodes, s.nodes_outside_lane, s.edges_through_shapes,
        s.non_orthogonal_segments, s.edge_crossings, s.bends_per_edge, 100 * s.left_to_right, s.width, s.height,
        s.aspect_ratio());
  return out;
}

nlohmann::ordered_json stats_json(const std::string& file, const std::vector<layout::Stats>& all) {
  nlohmann::ordered_json diagrams = nlohmann::ordered_json::array();
  for (const auto& s : all)
    diagrams.push_back({{"diagram", s.diagram}, {"nodes", s.nodes}, {"edges", s.edges},
                        {"overlappingNodes", s.overlapping_nodes}, {"nodesOutsideLane", s.nodes_outside_lane},
                        {"edgesThroughShapes", s.edges_through_shapes},
                        {"nonOrthogonalSegments", s.non_orthogonal_segments}, {"edgeCrossings", s.edge_crossings},
                        {"bendsPerEdge", s.bends_per_edge}, {"leftToRight", s.left_to_right}, {"width", s.width},
                        {"height", s.height}, {"area", s.area()}, {"aspectRatio", s.aspect_ratio()}});
  return {{"file", file}, {"diagrams", diagrams}};
}

// --pages: print's cut, written (the model's own DI laid out first where it is missing).
int write_pages(const LayoutOptions& options, const std::string& name, model::Definitions defs) {
  render::TextEngine text;
  pipeline::DrawOptions draw;
  draw.page = options.pages;
  draw.landscape = options.landscape;
  draw.relayout = options.relayout;
  auto paged = pipeline::paged_bpmn(std::move(defs), draw, text);
  std::cerr << pipeline::format_text({{name, paged.notes}}, false);
  if (!paged.error.empty()) {
    std::cerr << "syzba layout: " << name << ": " << paged.error << "\n";
    return 1;
  }
  if (!paged.warning.empty()) std::cerr << "syzba layout: " << name << ": warning: " << paged.warning << "\n";
  if (auto error = io::write_file_atomically(options.output, paged.bytes)) {
    std::cerr << "syzba layout: " << *error << "\n";
    return 2;
  }
  std::cerr << fmt::format("syzba layout: {}: {} page(s), {} link pair(s)\n", name, paged.pages, paged.links);
  return 0;
}

// --pages needs -o and writes no figures; --landscape needs --pages.
bool pages_refused(const LayoutOptions& options) {
  if (options.pages.empty()) {
    if (options.landscape) std::cerr << "syzba layout: --landscape turns the pages of --pages A4|A3; give --pages too\n";
    return options.landscape;
  }
  if (options.output.empty()) std::cerr << "syzba layout: --pages writes a file; give -o OUT.bpmn\n";
  else if (options.stats || options.measure_only) std::cerr << "syzba layout: --pages writes no figures; leave out --stats and --measure-only\n";
  else return false;
  return true;
}

}  // namespace

int run_layout(const LayoutOptions& options) {
  if (output_is_input("layout", options.input, options.output)) return 2;
  if (pages_refused(options)) return 2;
  if (options.measure_only && !options.output.empty()) {
    std::cerr << "syzba layout: --measure-only writes nothing; leave out -o\n";
    return 2;
  }
  if (options.output.empty() && !options.stats && !options.measure_only) {
    std::cerr << "syzba layout: give -o OUT.bpmn, --stats, or both\n";
    return 2;
  }
  auto read = read_model("layout", options.input, options.limits, "not written, since the values above would be lost", Reading::drawing);
  if (!read.definitions) return read.exit_code;
  const std::string& name = read.name;
  model::Definitions defs = std::move(*read.definitions);
  if (!options.pages.empty()) return write_pages(options, name, std::move(defs));
  if (!options.measure_only) {
    layout::Options layout_options;
    layout_options.relayout = options.relayout;
    auto outcome = layout::lay_out(defs, layout_options);
    std::cerr << pipeline::format_text({{name, outcome.notes}}, false);
    if (!outcome.error.empty()) {
      std::cerr << "syzba layout: " << name << ": " << outcome.error << "\n";
      return 1;
    }
  }
  if (options.stats || options.measure_only) {
    auto stats = layout::measure_layout(defs);
    std::ostream& out = options.output == "-" ? std::cerr : std::cout;  // stdout may carry the BPMN
    out << (options.format == "json" ? stats_json(name, stats).dump(2) + "\n" : stats_text(name, stats));
  }
  if (options.output.empty()) return 0;
  if (auto error = io::write_file_atomically(options.output, [&](std::ostream& out) { io::write_bpmn(defs, out); })) {
    std::cerr << "syzba layout: " << *error << "\n";
    return 2;
  }
  return 0;
}

}  // namespace syzba::cli
