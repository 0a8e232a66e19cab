// syzba check FILE...: read each file, run the structural rules, report.
#include <algorithm>
#include <iostream>

#include "check/check.h"
#include "cli/report.h"
#include "cli/verbs.h"
#include "io/io.h"

namespace syzba::cli {

void add_check(CLI::App& app, CheckOptions& options) {
  auto* cmd = app.add_subcommand("check", "Read BPMN files and report problems with file:line:column.");
  cmd->add_option("files", options.files, "BPMN files to check ('-' for standard input)")->required();
  cmd->add_option("--format", options.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--max-bytes", options.max_bytes, "refuse files larger than this");
  cmd->footer("Exit status: 0 no error, 1 an error-level finding, 2 a file that cannot be read.");
}

int run_check(const CheckOptions& options) {
  std::vector<FileReport> reports;
  bool unreadable = false, has_error = false;
  for (const auto& file : options.files) {
    auto read = io::read_bpmn_file(file, {options.max_bytes});
    FileReport report{file == "-" ? "<stdin>" : file, std::move(read.diagnostics)};
    if (!read.definitions) {
      unreadable = true;
    } else {
      auto found = check::check_structure(*read.definitions);
      report.diagnostics.insert(report.diagnostics.end(), found.begin(), found.end());
      std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), [](const auto& a, const auto& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
      });
    }
    has_error = has_error || std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                                         [](const auto& d) { return d.severity == model::Severity::error; });
    reports.push_back(std::move(report));
  }
  std::cout << (options.format == "json" ? format_json(reports) : format_text(reports));
  return unreadable ? 2 : has_error ? 1 : 0;
}

}  // namespace syzba::cli
