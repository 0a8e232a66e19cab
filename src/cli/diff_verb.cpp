// syzba diff OLD NEW: what a new version of a model changes, in words and in the picture.
#include <filesystem>
#include <iostream>

#include "check/check.h"
#include "cli/input.h"
#include "cli/verbs.h"
#include "diff/diff.h"
#include "io/io.h"
#include "pipeline/pipeline.h"

namespace syzba::cli {

void add_diff(CLI::App& app, DiffOptions& options) {
  auto* cmd = app.add_subcommand("diff", "Say what a new version of a model changes: elements, durations, term, findings, longest path.");
  cmd->add_option("files", options.files, "OLD NEW (BPMN or the text form); or git's seven external-diff arguments")->required();
  cmd->add_option("-o,--output", options.output, "output file (default: standard output)");
  cmd->add_option("--format", options.format, "text, json, md, html, svg or pdf (default: from the output's extension, else text)")
      ->check(CLI::IsMember({"text", "json", "md", "html", "svg", "pdf"}));
  cmd->add_option("--lang", options.lang, "language of the words and the drawing: kk, ru or en (default: NEW's)")
      ->check(CLI::IsMember({"kk", "ru", "en"}));
  add_limits(*cmd, options.limits);
  cmd->footer("As a git textconv: `syzba describe`; as git's external diff: `syzba diff` with its seven arguments (see README).\n"
              "Exit status: 0 the same, 1 different, 2 trouble (with git's seven arguments: 0 unless trouble).");
}

namespace {

std::string format_of(const DiffOptions& options) {
  if (!options.format.empty()) return options.format;
  std::string ext = model::lowercase(std::filesystem::path(options.output).extension().string());
  for (std::string f : {"json", "md", "html", "svg", "pdf"})
    if (ext == "." + f) return f;
  return ext == ".htm" ? "html" : ext == ".markdown" ? "md" : "text";
}

// The model drawn to SVG or PDF with its marks.
std::optional<std::string> drawn(model::Definitions defs, const std::vector<diff::Change>& changes, bool old_side,
                                 exporter::Format format, const std::string& lang, bool legend_of_marks) {
  diff::colour_changes(defs, changes, old_side);
  pipeline::DrawOptions draw;
  draw.format = format;
  draw.lang = lang;
  if (legend_of_marks) {
    auto lang_of = model::lang_from_name(lang).value_or(model::Lang::kk);
    draw.decorate = [lang_of](render::Scene& scene, render::TextEngine& text) { diff::add_marks_legend(scene, lang_of, text); };
  }
  render::TextEngine text;
  auto out = pipeline::draw(defs, draw, text);
  if (!out.error.empty()) {
    std::cerr << "syzba diff: " << out.error << "\n";
    return std::nullopt;
  }
  return std::move(out.bytes);
}

}  // namespace

int run_diff(const DiffOptions& options) {
  bool git = options.files.size() == 7;  // path old-file old-hex old-mode new-file new-hex new-mode
  if (options.files.size() != 2 && !git) {
    std::cerr << "syzba diff: name OLD and NEW\n";
    return 2;
  }
  const std::string& old_file = options.files[git ? 1 : 0];
  const std::string& new_file = options.files[git ? 4 : 1];
  auto old_read = read_model("diff", old_file, options.limits, "not compared, since the values above could not be read", Reading::drawing);
  auto new_read = read_model("diff", new_file, options.limits, "not compared, since the values above could not be read", Reading::drawing);
  if (!old_read.definitions || !new_read.definitions) return 2;
  const auto& old_model = *old_read.definitions;
  const auto& new_model = *new_read.definitions;
  std::string lang = options.lang.empty() ? std::string(model::language_of(new_model)) : options.lang;
  check::Config config;
  config.lang = model::lang_from_name(lang).value_or(model::Lang::en);
  auto changes = diff::compare(old_model, new_model);
  auto effect = diff::effect_of(old_model, new_model, changes, config);

  std::string format = format_of(options), bytes;
  if (format == "json") bytes = diff::to_json(changes, effect);
  else if (format == "md") bytes = diff::to_markdown(changes, effect, config);
  else if (format == "text") bytes = (git ? "syzba diff " + options.files[0] + "\n" : "") + diff::to_text(changes, effect, config);
  else if (format == "html") {
    auto old_svg = drawn(old_model, changes, true, exporter::Format::svg, lang, false);
    auto new_svg = drawn(new_model, changes, false, exporter::Format::svg, lang, false);
    if (!old_svg || !new_svg) return 2;
    auto strip = [](std::string s) { return s.substr(s.find("<svg")); };  // no XML declaration inside HTML
    bytes = diff::to_html(changes, effect, config, strip(*old_svg), strip(*new_svg), new_file);
  } else {
    auto picture = drawn(new_model, changes, false, format == "pdf" ? exporter::Format::pdf : exporter::Format::svg, lang, true);
    if (!picture) return 2;
    bytes = std::move(*picture);
  }
  if (options.output.empty() || options.output == "-") std::cout << bytes;
  else if (auto error = io::write_file_atomically(options.output, bytes)) {
    std::cerr << "syzba diff: " << *error << "\n";
    return 2;
  }
  return git ? 0 : changes.empty() ? 0 : 1;
}

}  // namespace syzba::cli
