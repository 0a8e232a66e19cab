// syzba check FILE...: read each file, run the structural rules, report.
#include <algorithm>
#include <iostream>

#include "check/check.h"
#include "cli/config.h"
#include "cli/input.h"
#include "cli/verbs.h"
#include "pipeline/pipeline.h"
#include "import/import.h"
#include "io/io.h"
#include "text/text.h"

namespace syzba::cli {

void add_check(CLI::App& app, CheckOptions& options) {
  auto* cmd = app.add_subcommand("check", "Read BPMN files and report problems with file:line:column.");
  cmd->add_option("files", options.files, "BPMN or text-form (.syzba) files to check ('-' for standard input)");
  cmd->add_option("--format", options.format, "text, json or sarif (SARIF 2.1.0)")->check(CLI::IsMember({"text", "json", "sarif"}));
  cmd->add_flag("--rules", options.list_rules, "list the rules with their default severity and exit");
  cmd->add_option("--config", options.config_file,
                  "JSON config: {\"extends\": \"bpmnlint:recommended\", \"rules\": {\"label-required\": \"off\"}}");
  cmd->add_option("--rule", options.rule_levels, "set a rule's level: ID=off|info|warn|error (repeatable)")
      ->allow_extra_args(false);  // one value per --rule, so a file after it stays a file
  cmd->add_option("--lang", options.lang, "language of the messages: en, ru or kk")->check(CLI::IsMember({"en", "ru", "kk"}));
  cmd->add_option("--against", options.against,
                  "a regulation (plain text, HTML or DOCX): also report where the model and the regulation differ "
                  "(actions, units, durations, next actions, term, service names; rules against-*)");
  add_limits(*cmd, options.limits);
  add_watch(*cmd, options.watch);
  cmd->footer("Exit status: 0 no error, 1 an error-level finding, 2 a file that cannot be read.");
}

namespace {

using pipeline::FileReport;
using pipeline::format_json;
using pipeline::format_sarif;
using pipeline::format_text;

void print_rules() {
  for (const auto& rule : check::rules())
    std::cout << rule.id << std::string(rule.id.size() < 38 ? 38 - rule.id.size() : 1, ' ')
              << model::severity_name(rule.severity) << std::string(9 - model::severity_name(rule.severity).size(), ' ')
              << rule.description << "\n";
}

int check_files(const CheckOptions& options, const check::Config& config) {
  std::vector<FileReport> reports;
  bool unreadable = false, has_error = false;
  std::optional<import::Regulation> regulation;
  if (!options.against.empty()) {
    auto read = import::read_document(options.against);
    if (!read.document) {
      model::translate(read.diagnostics, config.lang);
      reports.push_back({options.against, std::move(read.diagnostics)});
      std::cout << format_text(reports);
      return 2;
    }
    regulation = import::extract(*read.document);
  }
  for (const auto& file : options.files) {
    auto read = text::read_model_file(file, options.limits);
    FileReport report{file == "-" ? "<stdin>" : file,
                      pipeline::findings(std::move(read.diagnostics), read.definitions ? &*read.definitions : nullptr, config)};
    if (regulation && read.definitions) {
      auto found = import::against(*regulation, *read.definitions);
      model::translate(found, config.lang);
      report.diagnostics.insert(report.diagnostics.end(), found.begin(), found.end());
    }
    unreadable = unreadable || !read.definitions;
    has_error = has_error || std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                                         [](const auto& d) { return d.severity == model::Severity::error; });
    reports.push_back(std::move(report));
  }
  if (options.format == "json") std::cout << format_json(reports);
  else if (options.format == "sarif") std::cout << format_sarif(reports, SYZBA_VERSION);
  else std::cout << format_text(reports);
  return unreadable ? 2 : has_error ? 1 : 0;
}

}  // namespace

int run_check(const CheckOptions& options) {
  if (options.list_rules) {
    print_rules();
    return 0;
  }
  if (options.files.empty()) {
    std::cerr << "syzba check: name one or more BPMN files (or --rules)\n";
    return 2;
  }
  if (options.watch.enabled && options.files.size() != 1) {
    std::cerr << "syzba check: --watch watches one file\n";
    return 2;
  }
  check::Config config;
  if (auto error = load_config(options.config_file, options.lang, options.rule_levels, config)) {
    std::cerr << "syzba check: " << *error << "\n";
    return 2;
  }
  return run_watching("check", options.files.front(), options.watch,
                      [&] { return check_files(options, config); });
}

}  // namespace syzba::cli
