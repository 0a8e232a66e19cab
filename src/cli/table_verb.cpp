// syzba table IN -o OUT.html|md|csv: the regulation's action table (кесте) from the model.
#include <filesystem>
#include <iostream>

#include "cli/input.h"
#include "cli/verbs.h"
#include "io/io.h"
#include "pipeline/pipeline.h"

namespace syzba::cli {

void add_table(CLI::App& app, TableOptions& options) {
  auto* cmd = app.add_subcommand("table", "Write the action table (кесте): number, unit, action, form of completion, duration, next action.");
  cmd->add_option("input", options.input, "BPMN or text-form (.syzba) file ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output, "output file: .html, .md or .csv ('-' for standard output with --format)")->required();
  cmd->add_option("--format", options.format, "html, md or csv (default: from the output's extension)")
      ->check(CLI::IsMember({"html", "md", "csv"}));
  cmd->add_option("--lang", options.lang, "language of the headings: kk, ru or en (default: the model's)")->check(CLI::IsMember({"kk", "ru", "en"}));
  add_limits(*cmd, options.limits);
  cmd->footer("Exit status: 0 written, 1 the model could not be read as it is, 2 unreadable input or unwritable output.");
}

int run_table(const TableOptions& options) {
  if (output_is_input("table", options.input, options.output)) return 2;
  std::string format = options.format;
  if (format.empty()) {
    std::string ext = std::filesystem::path(options.output).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".html" || ext == ".htm") format = "html";
    else if (ext == ".md" || ext == ".markdown") format = "md";
    else if (ext == ".csv") format = "csv";
  }
  if (format.empty()) {
    std::cerr << "syzba table: say which format to write: an output ending in .html, .md or .csv, or --format\n";
    return 2;
  }
  auto read = read_model("table", options.input, options.limits, "no table, since the values above could not be read", Reading::drawing,
                         options.lang);
  if (!read.definitions) return read.exit_code;
  std::string bytes = *pipeline::table(*read.definitions, format, options.lang);
  if (auto error = io::write_file_atomically(options.output, bytes)) {
    std::cerr << "syzba table: " << *error << "\n";
    return 2;
  }
  return 0;
}

}  // namespace syzba::cli
