// syzba paths FILE...: every start-to-end path with its steps, total duration and outcome;
// the longest (critical) path marked.
#include <fmt/format.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include "check/check.h"
#include "cli/config.h"
#include "cli/input.h"
#include "cli/verbs.h"
#include "pipeline/pipeline.h"
#include "io/io.h"
#include "text/text.h"

namespace syzba::cli {

void add_paths(CLI::App& app, PathsOptions& options) {
  auto* cmd = app.add_subcommand("paths", "List every start-to-end path with its duration and outcome.");
  cmd->add_option("files", options.files, "BPMN or text-form (.syzba) files ('-' for standard input)")->required();
  cmd->add_option("--format", options.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--config", options.config_file, "JSON config (workingDayHours, workingWeekDays, refusalWords)");
  cmd->add_option("--max-paths", options.max_paths, "list at most this many paths per process");
  cmd->add_option("--lang", options.lang, "language of durations: en, ru or kk")->check(CLI::IsMember({"en", "ru", "kk"}));
  add_limits(*cmd, options.limits);
  cmd->footer("Each loop is taken at most once. Exit status: 0 listed, 2 a file that cannot be read.");
}

namespace {

std::string step_name(const model::FlowNode& n) { return n.name.empty() ? n.id : n.name; }

std::string to_text(const std::string& file, const check::ProcessPaths& p, const check::Config& config) {
  std::string out = fmt::format("{}: process {}{}\n", file, p.process->name.empty() ? "'" + p.process->id + "'" : "«" + p.process->name + "»",
                                p.term ? " — term " + check::describe(*p.term, config.lang) : "");
  int number = 0;
  for (const auto& path : p.paths) {
    std::string steps;
    for (const auto* n : path.steps) steps += (steps.empty() ? "" : " → ") + step_name(*n);
    bool over = p.term && check::exceeds(path.total, *p.term, config);
    out += fmt::format("  {} path {} ({}{}{}): {} — {}\n", path.critical ? "*" : " ", ++number, path.refusal ? "refusal" : "result",
                       path.critical ? ", critical" : "", over ? ", EXCEEDS THE TERM" : "", check::describe(path.total, config), steps);
    if (!path.untimed.empty()) {
      std::string names;
      for (const auto* n : path.untimed) names += (names.empty() ? "" : ", ") + step_name(*n);
      out += "      without duration: " + names + "\n";
    }
  }
  if (p.paths.empty()) out += "  no path from a start to an end\n";
  if (p.truncated) out += "  … more paths than --max-paths; the list stops here\n";
  return out;
}

}  // namespace

int run_paths(const PathsOptions& options) {
  check::Config config;
  if (auto error = load_config(options.config_file, options.lang, {}, config)) {
    std::cerr << "syzba paths: " << *error << "\n";
    return 2;
  }
  bool unreadable = false;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  std::string text;
  for (const auto& file : options.files) {
    auto read = text::read_model_file(file, options.limits);
    std::string name = file == "-" ? "<stdin>" : file;
    if (!read.definitions) {
      unreadable = true;
      model::translate(read.diagnostics, config.lang);
      for (const auto& d : read.diagnostics) std::cerr << fmt::format("{}:{}:{}: error: {}\n", name, d.line, d.column, d.message);
      continue;
    }
    if (options.format == "json")
      files.push_back({{"file", name}, {"processes", pipeline::paths_json(*read.definitions, config, options.max_paths)}});
    else
      for (const auto& p : check::enumerate_paths(*read.definitions, config, options.max_paths)) text += to_text(name, p, config);
  }
  if (options.format == "json") std::cout << nlohmann::ordered_json{{"files", files}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else std::cout << text;
  return unreadable ? 2 : 0;
}

}  // namespace syzba::cli
