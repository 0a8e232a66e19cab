// syzba render IN -o OUT.svg|pdf|png: the diagram with BPMN notation, swimlanes, a title
// block and the legend; laid out first where the file has no complete DI.
// syzba render A B … -o DIR/: each into DIR, named after its input, in one process on -j
// threads (one Pango engine each, their measurements shared), the messages in the inputs' order.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli/input.h"
#include "cli/verbs.h"
#include "export/export.h"
#include "io/io.h"
#include "pipeline/pipeline.h"
#include "render/render.h"

namespace syzba::cli {

void add_render(CLI::App& app, RenderOptions& options) {
  auto* cmd = app.add_subcommand("render", "Draw a diagram as SVG, PDF or PNG, with its legend and title block.");
  cmd->add_option("input", options.inputs, "BPMN or text-form (.syzba) files ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output,
                  "output file: .svg, .pdf or .png ('-' for standard output with --format); a folder (DIR/) for many "
                  "inputs, each written there under its own name")
      ->required();
  cmd->add_option("--format", options.format, "svg, pdf or png (default: from the output's extension; svg into a folder)")
      ->check(CLI::IsMember({"svg", "pdf", "png"}));
  cmd->add_option("--lang", options.lang, "language of the legend and generated text: kk, ru or en (default: the model's)")
      ->check(CLI::IsMember({"kk", "ru", "en"}));
  cmd->add_option("--legend", options.legend, "auto (the symbols the diagram uses) or none")
      ->check(CLI::IsMember({"auto", "none"}));
  cmd->add_option("--title", options.title, "title above the diagram (default: the service name in the model)");
  cmd->add_flag("--no-title", options.no_title, "no title block above the diagram");
  add_page_options(*cmd, "--page", options.page, options.landscape, true,
                   "PDF page: fit (one page the size of the diagram), A4 or A3 (laid out for print: cut between "
                   "steps into pages joined by link events, text at least 7 pt; a file written by layout --pages "
                   "printed page by page)");
  cmd->add_flag("--tile", options.tile, "A4 / A3: scale the whole picture and tile it over pages (a poster) instead");
  cmd->add_option("--scale", options.scale, "PNG pixels per diagram pixel (default 1)")->check(CLI::Range(0.05, 16.0));
  cmd->add_option("--dpi", options.dpi, "PNG resolution instead of --scale (96 = scale 1)")->check(CLI::Range(5.0, 1536.0));
  cmd->add_option("--theme", options.theme, "default (close to bpmn-js, with DI colours) or bw (black and white, for print)")
      ->check(CLI::IsMember({"default", "bw"}));
  cmd->add_option("--durations", options.durations, "on: show durations under task labels; off")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_flag("--relayout", options.relayout, "lay the diagrams out again instead of drawing their DI");
  cmd->add_option("--diagram", options.diagram, "which diagram: a BPMNDiagram id or the element it draws (default: the first)");
  cmd->add_option("-j,--jobs", options.jobs, "many inputs: files drawn at once (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  add_limits(*cmd, options.limits);
  add_watch(*cmd, options.watch);
  cmd->footer("Exit status: 0 done, 1 nothing to draw or the output refused, 2 unreadable input or unwritable output.");
}

namespace {

namespace fs = std::filesystem;

int render_one(const RenderOptions& options, const std::string& input, const std::string& output, exporter::Format format,
               render::TextEngine& text, std::ostream& err, io::Flush flush = io::Flush::each_file) {
  auto read = read_model("render", input, options.limits, "not drawn, since the values above could not be read", Reading::drawing,
                         options.lang, err);
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
  auto drawn = pipeline::draw(*read.definitions, draw, text);
  err << pipeline::format_text({{name, drawn.notes}}, false);
  if (!drawn.error.empty()) {
    std::string known;
    for (const auto& d : drawn.diagrams) known += (known.empty() ? "" : ", ") + d;
    err << "syzba render: " << name << ": " << drawn.error << (known.empty() ? "" : " (diagrams in the file: " + known + ")")
        << "\n";
    return 1;
  }
  if (!drawn.warning.empty()) err << "syzba render: " << name << ": warning: " << drawn.warning << "\n";
  if (auto error = io::write_file_atomically(output, drawn.bytes, flush)) {
    err << "syzba render: " << *error << "\n";
    return 2;
  }
  return 0;
}

int render_once(const RenderOptions& options, exporter::Format format) {
  render::TextEngine text;
  return render_one(options, options.inputs.front(), options.output, format, text, std::cerr);
}

bool names_a_folder(const std::string& output) {
  std::error_code ec;
  return !output.empty() && (output.back() == '/' || fs::is_directory(output, ec));
}

// DIR/<input's name without its extension>.<format>; empty (after saying why) when two inputs
// would write the same file, or an input is standard input.
std::vector<std::string> folder_outputs(const RenderOptions& options, exporter::Format format) {
  std::vector<std::string> outputs;
  std::map<std::string, std::string> taken;  // output → the input that writes it
  for (const auto& input : options.inputs) {
    if (input == "-") {
      std::cerr << "syzba render: standard input ('-') has no name to write into a folder; draw it alone with -o FILE\n";
      return {};
    }
    std::string output = (fs::path(options.output) / fs::path(input).stem()).string() + "." + std::string(exporter::extension(format));
    if (auto [it, fresh] = taken.emplace(output, input); !fresh) {
      std::cerr << "syzba render: " << it->second << " and " << input << " would both be written to " << output << "\n";
      return {};
    }
    outputs.push_back(std::move(output));
  }
  return outputs;
}

// Many inputs into a folder: threads take the next file; each file's messages are kept and
// printed in the inputs' order as soon as those before it are done. The exit status is the
// worst of the files' (2 over 1 over 0).
int render_into_folder(const RenderOptions& options, exporter::Format format) {
  std::vector<std::string> outputs = folder_outputs(options, format);
  if (outputs.empty()) return 2;
  std::error_code ec;
  fs::create_directories(options.output, ec);
  if (!fs::is_directory(options.output, ec)) {
    std::cerr << "syzba render: cannot create the output folder " << options.output << "\n";
    return 2;
  }
  std::size_t n = options.inputs.size();
  std::vector<std::string> messages(n);
  std::vector<int> codes(n, 0);
  std::vector<bool> done(n, false);
  std::size_t printed = 0;
  std::mutex mutex;
  std::atomic<std::size_t> next{0};
  // One Pango engine per thread (Pango is not shared between threads), their measurements
  // shared: the legend, the title block and the labels that come again in the next files are
  // measured once.
  auto measures = std::make_shared<render::TextMeasures>();
  auto work = [&] {
    render::TextEngine text({measures});
    for (std::size_t i; (i = next++) < n;) {
      std::ostringstream err;
      codes[i] = render_one(options, options.inputs[i], outputs[i], format, text, err, io::Flush::by_caller);
      std::lock_guard lock(mutex);
      messages[i] = err.str();
      done[i] = true;
      for (; printed < n && done[printed]; ++printed) std::cerr << messages[printed], messages[printed].clear();
    }
  };
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  unsigned jobs = std::min<std::size_t>(options.jobs ? options.jobs : cores, n);
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  int worst = 0;
  for (int code : codes) worst = code == 2 || worst == 2 ? 2 : std::max(worst, code);
  if (auto error = io::flush_folder(options.output)) {
    std::cerr << "syzba render: " << *error << "\n";
    return 2;
  }
  return worst;
}

}  // namespace

int run_render(const RenderOptions& options) {
  for (const auto& input : options.inputs)
    if (output_is_input("render", input, options.output)) return 2;
  if (options.inputs.size() > 1 || names_a_folder(options.output)) {
    if (options.watch.enabled) {
      std::cerr << "syzba render: --watch follows one input; give one file\n";
      return 2;
    }
    auto format = options.format.empty() ? exporter::Format::svg : exporter::format_from_name(options.format);
    return render_into_folder(options, *format);
  }
  auto format = options.format.empty() ? exporter::format_from_path(options.output) : exporter::format_from_name(options.format);
  if (!format) {
    std::cerr << "syzba render: say which format to write: an output ending in .svg, .pdf or .png, or --format\n";
    return 2;
  }
  if (!options.watch.enabled) return render_once(options, *format);
  // The drafting loop: the findings of check, then the picture, at every save.
  CheckOptions check;
  check.files = options.inputs;
  if (!options.lang.empty()) check.lang = options.lang;
  check.limits = options.limits;
  return run_watching("render", options.inputs.front(), options.watch, [&] {
    int checked = run_check(check);
    return checked == 2 ? 2 : render_once(options, *format);  // unreadable: said once, by check
  });
}

}  // namespace syzba::cli
