// The syzba command: one subcommand per verb, each in its own file (verbs.h).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/verbs.h"

#ifndef SYZBA_VERSION
#define SYZBA_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  CLI::App app{"syzba: BPMN 2.0 process models of Kazakh state-service regulations: check, convert, lay out, render; and their text form."};
  app.set_version_flag("--version", std::string("syzba ") + SYZBA_VERSION);
  app.require_subcommand(1);
  syzba::cli::CheckOptions check;
  syzba::cli::ConvertOptions convert;
  syzba::cli::PathsOptions paths;
  syzba::cli::add_check(app, check);
  syzba::cli::add_paths(app, paths);
  syzba::cli::add_convert(app, convert);
  syzba::cli::LayoutOptions layout;
  syzba::cli::add_layout(app, layout);
  syzba::cli::RenderOptions render;
  syzba::cli::add_render(app, render);
  syzba::cli::TableOptions table;
  syzba::cli::add_table(app, table);
  syzba::cli::PublishOptions publish;
  syzba::cli::add_publish(app, publish);
  syzba::cli::CompileOptions compile;
  syzba::cli::add_compile(app, compile);
  syzba::cli::DescribeOptions describe;
  syzba::cli::add_describe(app, describe);
  syzba::cli::KeywordsOptions keywords;
  syzba::cli::add_keywords(app, keywords);
  syzba::cli::DiffOptions diff;
  syzba::cli::add_diff(app, diff);
  syzba::cli::ImportOptions import;
  syzba::cli::add_import(app, import);
  syzba::serve::Options serve;
  syzba::cli::add_serve(app, serve);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // a usage error is an input the tool cannot read
  }
  if (app.got_subcommand("check")) return syzba::cli::run_check(check);
  if (app.got_subcommand("paths")) return syzba::cli::run_paths(paths);
  if (app.got_subcommand("convert")) return syzba::cli::run_convert(convert);
  if (app.got_subcommand("layout")) return syzba::cli::run_layout(layout);
  if (app.got_subcommand("render")) return syzba::cli::run_render(render);
  if (app.got_subcommand("table")) return syzba::cli::run_table(table);
  if (app.got_subcommand("publish")) return syzba::cli::run_publish(publish);
  if (app.got_subcommand("compile")) return syzba::cli::run_compile(compile);
  if (app.got_subcommand("describe")) return syzba::cli::run_describe(describe);
  if (app.got_subcommand("keywords")) return syzba::cli::run_keywords(keywords);
  if (app.got_subcommand("diff")) return syzba::cli::run_diff(diff);
  if (app.got_subcommand("import")) return syzba::cli::run_import(import);
  if (app.got_subcommand("serve")) return syzba::cli::exec_server(argc, argv);
  return 2;
}
