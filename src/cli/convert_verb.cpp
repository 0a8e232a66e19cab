// syzba convert IN -o OUT: read and write back. Refuses (and writes nothing) when reading
// found values it could not keep, since the output would silently differ from the input.
#include <iostream>

#include "cli/input.h"
#include "cli/verbs.h"
#include "io/io.h"

namespace syzba::cli {

void add_convert(CLI::App& app, ConvertOptions& options) {
  auto* cmd = app.add_subcommand("convert", "Read a BPMN file and write it back as canonical BPMN 2.0 XML.");
  cmd->add_option("input", options.input, "BPMN or text-form (.syzba) file ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output, "output file ('-' for standard output)")->required();
  cmd->add_flag("--strip-di", options.strip_di, "leave the diagrams (DI) out, e.g. to lay the model out afresh");
  add_limits(*cmd, options.limits);
  cmd->footer("Exit status: 0 written, 1 refused (values that would be lost), 2 unreadable input or unwritable output.");
}

int run_convert(const ConvertOptions& options) {
  if (output_is_input("convert", options.input, options.output)) return 2;
  auto read = read_model("convert", options.input, options.limits, "not written, since the values above would be lost");
  if (!read.definitions) return read.exit_code;
  model::Definitions& defs = *read.definitions;
  if (options.strip_di) defs.diagrams.clear();
  if (auto error = io::write_file_atomically(options.output, [&](std::ostream& out) { io::write_bpmn(defs, out); })) {
    std::cerr << "syzba convert: " << *error << "\n";
    return 2;
  }
  return 0;
}

}  // namespace syzba::cli
