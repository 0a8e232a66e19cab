#include "cli/input.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "pipeline/pipeline.h"
#include "io/io.h"

namespace syzba::cli {

bool output_is_input(std::string_view verb, const std::string& input, const std::string& output) {
  std::error_code ec;
  if (output.empty() || input == "-" || output == "-" || !std::filesystem::equivalent(input, output, ec)) return false;
  std::cerr << "syzba " << verb << ": the output is the input file; syzba never modifies its inputs\n";
  return true;
}

ReadModel read_model(std::string_view verb, const std::string& input, const io::ReadLimits& limits,
                     std::string_view refusal, Reading reading, std::string_view lang, std::ostream& messages) {
  ReadModel out;
  out.name = input == "-" ? "<stdin>" : input;
  pipeline::Read read;
  auto file = io::read_file_bytes(input, limits);
  if (file.error) {
    read.unreadable = true;
    read.diagnostics = {*file.error};
    if (auto asked = model::lang_from_name(lang)) model::translate(read.diagnostics, *asked);
  } else {
    read = pipeline::read(std::move(file.bytes), input, limits, reading, model::lang_from_name(lang));
  }
  messages << pipeline::format_text({{out.name, read.diagnostics}}, false);
  if (read.unreadable) {
    out.exit_code = 2;
  } else if (!read.definitions) {
    messages << "syzba " << verb << ": " << out.name << ": " << refusal << "\n";
    out.exit_code = 1;
  } else {
    out.definitions = std::move(read.definitions);
  }
  return out;
}

void add_limits(CLI::App& command, io::ReadLimits& limits) {
  command.add_option("--max-bytes", limits.max_bytes, "refuse input files larger than this (default 256 MiB)");
  command.add_option("--max-elements", limits.max_elements, "refuse input files with more XML elements than this (default 1,000,000)");
}

void add_page_options(CLI::App& command, const std::string& name, std::string& page, bool& landscape, bool fit_too,
                      const std::string& description) {
  std::vector<std::string> sizes = {"A4", "A3", "a4", "a3"};
  if (fit_too) sizes.insert(sizes.begin(), "fit");
  command.add_option(name, page, description)->check(CLI::IsMember(sizes));
  command.add_flag("--landscape", landscape, "A4 / A3 pages in landscape");
}

}  // namespace syzba::cli
