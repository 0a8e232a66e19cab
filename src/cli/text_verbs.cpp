// syzba compile IN.syzba -o OUT.bpmn: the text form as BPMN with a laid-out diagram;
// syzba describe IN.bpmn: any model in the text form; syzba keywords: its words.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/input.h"
#include "pipeline/pipeline.h"
#include "cli/verbs.h"
#include "io/io.h"
#include "layout/layout.h"
#include "text/text.h"

namespace syzba::cli {

void add_compile(CLI::App& app, CompileOptions& options) {
  auto* cmd = app.add_subcommand("compile", "Turn the text form (.syzba) into BPMN 2.0 XML with a laid-out diagram.");
  cmd->add_option("input", options.input, "text-form file ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output, "output BPMN file ('-' for standard output)")->required();
  add_limits(*cmd, options.limits);
  cmd->footer("The language is described in docs/text-form.md. Exit status: 0 done, 1 refused or layout failed, "
              "2 a text with errors (line:column, the line and a caret) or an unwritable output.");
}

int run_compile(const CompileOptions& options) {
  if (output_is_input("compile", options.input, options.output)) return 2;
  auto read = read_model("compile", options.input, options.limits, "not written, since the values above would be lost");
  if (!read.definitions) return read.exit_code;
  model::Definitions defs = std::move(*read.definitions);
  auto laid_out = layout::lay_out(defs, {});
  std::cerr << pipeline::format_text({{read.name, laid_out.notes}}, false);
  if (!laid_out.error.empty()) {
    std::cerr << "syzba compile: " << read.name << ": " << laid_out.error << "\n";
    return 1;
  }
  if (auto error = io::write_file_atomically(options.output, [&](std::ostream& out) { io::write_bpmn(defs, out); })) {
    std::cerr << "syzba compile: " << *error << "\n";
    return 2;
  }
  return 0;
}

void add_describe(CLI::App& app, DescribeOptions& options) {
  auto* cmd = app.add_subcommand("describe", "Print a model (BPMN or the text form) in the text form.");
  cmd->add_option("input", options.input, "BPMN or text-form file ('-' for standard input)")->required();
  cmd->add_option("-o,--output", options.output, "output file (default: standard output)");
  cmd->add_option("--lang", options.lang, "language of the keywords: kk, ru or en (default: the model's)")->check(CLI::IsMember({"kk", "ru", "en"}));
  add_limits(*cmd, options.limits);
  cmd->footer("What the text form cannot carry (loops, expressions, ...) is listed on standard error. "
              "Exit status: 0 done, 1 refused, 2 unreadable input or unwritable output.");
}

int run_describe(const DescribeOptions& options) {
  if (output_is_input("describe", options.input, options.output)) return 2;
  auto read = read_model("describe", options.input, options.limits, "not described, since the values above would be lost",
                         Reading::drawing, options.lang);  // the text form carries no DI
  if (!read.definitions) return read.exit_code;
  std::string_view name = options.lang.empty() ? model::language_of(*read.definitions) : std::string_view(options.lang);
  auto lang = name == "ru" ? text::Lang::ru : name == "en" ? text::Lang::en : text::Lang::kk;
  auto described = text::describe(*read.definitions, lang);
  for (const auto& lost : described.not_expressed)
    std::cerr << read.name << ": note: not expressed in the text form: " << lost << "\n";
  if (options.output.empty() || options.output == "-") {
    std::cout << described.text;
    return 0;
  }
  if (auto error = io::write_file_atomically(options.output, described.text)) {
    std::cerr << "syzba describe: " << *error << "\n";
    return 2;
  }
  return 0;
}

void add_keywords(CLI::App& app, KeywordsOptions& options) {
  auto* cmd = app.add_subcommand("keywords", "List the keywords of the text form in Kazakh, Russian and English.");
  cmd->add_option("--format", options.format, "text (meaning, kind, language, spelling; tab-separated) or json")
      ->check(CLI::IsMember({"text", "json"}));
}

int run_keywords(const KeywordsOptions& options) {
  auto all = pipeline::keywords_json();
  if (options.format == "json") {
    std::cout << all.dump(2) << "\n";
    return 0;
  }
  for (const auto& k : all)
    std::cout << k["meaning"].get<std::string>() << "\t" << k["kind"].get<std::string>() << "\t" << k["lang"].get<std::string>()
              << "\t" << k["spelling"].get<std::string>() << "\n";
  return 0;
}

}  // namespace syzba::cli
