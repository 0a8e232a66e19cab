// syzba convert IN -o OUT: read and write back. Refuses (and writes nothing) when reading
// found values it could not keep, since the output would silently differ from the input.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/report.h"
#include "cli/verbs.h"
#include "io/io.h"

namespace syzba::cli {

void add_convert(CLI::App& app, ConvertOptions& options) {
  auto* cmd = app.add_subcommand("convert", "Read a BPMN file and write it back as canonical BPMN 2.0 XML.");
  cmd->add_option("input", options.input, "BPMN file ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output, "output file ('-' for standard output)")->required();
  cmd->add_flag("--strip-di", options.strip_di, "leave the diagrams (DI) out, e.g. to lay the model out afresh");
  cmd->add_option("--max-bytes", options.max_bytes, "refuse files larger than this");
  cmd->footer("Exit status: 0 written, 1 refused (values that would be lost), 2 unreadable input or unwritable output.");
}

int run_convert(const ConvertOptions& options) {
  std::error_code ec;
  if (options.input != "-" && options.output != "-" && std::filesystem::equivalent(options.input, options.output, ec)) {
    std::cerr << "syzba convert: the output is the input file; syzba never modifies its inputs\n";
    return 2;
  }
  auto read = io::read_bpmn_file(options.input, {options.max_bytes});
  std::string name = options.input == "-" ? "<stdin>" : options.input;
  bool has_error = std::any_of(read.diagnostics.begin(), read.diagnostics.end(),
                               [](const auto& d) { return d.severity == model::Severity::error; });
  std::cerr << format_text({{name, read.diagnostics}}, false);
  if (!read.definitions) return 2;
  if (has_error) {
    std::cerr << "syzba convert: " << name << ": not written, since the values above would be lost\n";
    return 1;
  }
  model::Definitions& defs = *read.definitions;
  if (options.strip_di) defs.diagrams.clear();
  if (auto error = io::write_file_atomically(options.output, [&](std::ostream& out) { io::write_bpmn(defs, out); })) {
    std::cerr << "syzba convert: " << *error << "\n";
    return 2;
  }
  return 0;
}

}  // namespace syzba::cli
