// The syzba command: one subcommand per verb, each in its own file (verbs.h).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <functional>
#include <iostream>
#include <string_view>
#include <vector>

#include "cli/verbs.h"

#ifndef SYZBA_VERSION
#define SYZBA_VERSION "0.0.0"
#endif

namespace {

using namespace syzba::cli;

// Every verb's options, alive while the verb runs.
struct AllOptions {
  CheckOptions check;
  PathsOptions paths;
  ConvertOptions convert;
  LayoutOptions layout;
  RenderOptions render;
  TableOptions table;
  PublishOptions publish;
  CompileOptions compile;
  DescribeOptions describe;
  KeywordsOptions keywords;
  DiffOptions diff;
  ImportOptions import;
  syzba::serve::Options serve;
};

struct Verb {
  std::string_view name;
  std::function<void(CLI::App&)> add;
  std::function<int()> run;
};

// In the order syzba --help lists them.
std::vector<Verb> verbs(AllOptions& o, int argc, char** argv) {
  return {
      {"check", [&](CLI::App& a) { add_check(a, o.check); }, [&] { return run_check(o.check); }},
      {"paths", [&](CLI::App& a) { add_paths(a, o.paths); }, [&] { return run_paths(o.paths); }},
      {"convert", [&](CLI::App& a) { add_convert(a, o.convert); }, [&] { return run_convert(o.convert); }},
      {"layout", [&](CLI::App& a) { add_layout(a, o.layout); }, [&] { return run_layout(o.layout); }},
      {"render", [&](CLI::App& a) { add_render(a, o.render); }, [&] { return run_render(o.render); }},
      {"table", [&](CLI::App& a) { add_table(a, o.table); }, [&] { return run_table(o.table); }},
      {"publish", [&](CLI::App& a) { add_publish(a, o.publish); }, [&] { return run_publish(o.publish); }},
      {"compile", [&](CLI::App& a) { add_compile(a, o.compile); }, [&] { return run_compile(o.compile); }},
      {"describe", [&](CLI::App& a) { add_describe(a, o.describe); }, [&] { return run_describe(o.describe); }},
      {"keywords", [&](CLI::App& a) { add_keywords(a, o.keywords); }, [&] { return run_keywords(o.keywords); }},
      {"diff", [&](CLI::App& a) { add_diff(a, o.diff); }, [&] { return run_diff(o.diff); }},
      {"import", [&](CLI::App& a) { add_import(a, o.import); }, [&] { return run_import(o.import); }},
      {"serve", [&](CLI::App& a) { add_serve(a, o.serve); }, [&, argc, argv] { return exec_server(argc, argv); }},
  };
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"syzba: BPMN 2.0 process models of Kazakh state-service regulations: check, convert, lay out, render; and their text form."};
  app.set_version_flag("--version", std::string("syzba ") + SYZBA_VERSION);
  app.require_subcommand(1);
  AllOptions options;
  auto all = verbs(options, argc, argv);
  // Only the verb the command line starts with is added when it names one: making every
  // verb's options was 6 % of a cold drawing's instructions. One subcommand at most is
  // taken (require_subcommand(1)), so a later word that names another verb is an argument
  // either way; syzba --help, --version and a first word that is no verb get them all.
  std::string_view first = argc > 1 ? argv[1] : "";
  bool one = std::any_of(all.begin(), all.end(), [&](const Verb& v) { return v.name == first; });
  for (const auto& verb : all)
    if (!one || verb.name == first) verb.add(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // a usage error is an input the tool cannot read
  }
  for (const auto& verb : all)
    if ((!one || verb.name == first) && app.got_subcommand(std::string(verb.name))) return verb.run();
  return 2;
}
