#pragma once
// The verbs of the syzba command. Each has an options struct, a function that declares its
// command line on a CLI11 app, and a run function that returns the exit code:
// 0 clean, 1 an error-level finding (or an output refused to avoid losing data),
// 2 an input that cannot be read or an output that cannot be written.
#include <CLI/CLI.hpp>

#include "cli/watch.h"
#include "io/io.h"
#include "serve/serve.h"

#include <cstddef>
#include <string>
#include <vector>

namespace syzba::cli {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool list_rules = false;
  std::string config_file;             // JSON, like bpmnlint's .bpmnlintrc
  std::vector<std::string> rule_levels;  // ID=LEVEL
  std::string lang = "en";
  io::ReadLimits limits;  // --max-bytes, --max-elements
  WatchOptions watch;
  std::string against;  // a regulation (text, HTML, DOCX) the models are held against
};

struct ConvertOptions {
  std::string input;
  std::string output;
  bool strip_di = false;
  io::ReadLimits limits;  // --max-bytes, --max-elements
};

void add_check(CLI::App& app, CheckOptions& options);
int run_check(const CheckOptions& options);

struct PathsOptions {
  std::vector<std::string> files;
  std::string lang = "en";
  std::string format = "text";
  std::string config_file;
  std::size_t max_paths = 10000;
  io::ReadLimits limits;  // --max-bytes, --max-elements
};

void add_paths(CLI::App& app, PathsOptions& options);
int run_paths(const PathsOptions& options);

void add_convert(CLI::App& app, ConvertOptions& options);
int run_convert(const ConvertOptions& options);

struct LayoutOptions {
  std::string input;
  std::string output;
  bool relayout = false;
  bool stats = false;
  bool measure_only = false;
  std::string format = "text";
  std::string pages;       // "" = one diagram; A4 or A3: print's page cut written into the model
  bool landscape = false;  // with pages
  io::ReadLimits limits;  // --max-bytes, --max-elements
};

void add_layout(CLI::App& app, LayoutOptions& options);
int run_layout(const LayoutOptions& options);

struct RenderOptions {
  std::vector<std::string> inputs;  // one, or many into a folder
  std::string output;  // a file; a folder (ending in '/', or existing) for each input's picture
  std::string format;  // "" = from the output's extension (svg into a folder)
  std::string lang;  // "" = the model's own language (model::language_of)
  std::string legend = "auto";
  std::string title;
  bool no_title = false;
  std::string page = "fit";
  bool landscape = false;
  bool tile = false;  // A4 / A3: scaled and tiled as a poster instead of laid out for print
  double scale = 1;
  double dpi = 0;  // 0 = use scale
  std::string theme = "default";
  std::string durations = "on";
  std::string diagram;
  bool relayout = false;
  unsigned jobs = 0;      // many inputs: files drawn at once; 0 = the number of cores
  io::ReadLimits limits;  // --max-bytes, --max-elements
  WatchOptions watch;     // with --watch, the findings of check are printed at every run too
};

void add_render(CLI::App& app, RenderOptions& options);
int run_render(const RenderOptions& options);

struct TableOptions {
  std::string input;
  std::string output;
  std::string format;  // "" = from the output's extension: html, md, csv
  std::string lang;  // "" = the model's own language (model::language_of)
  io::ReadLimits limits;  // --max-bytes, --max-elements
};

void add_table(CLI::App& app, TableOptions& options);
int run_table(const TableOptions& options);

struct PublishOptions {
  std::vector<std::string> inputs;
  std::string output;
  unsigned jobs = 0;  // 0 = the number of cores
  std::string lang;  // "" = the model's own language (model::language_of)
  io::ReadLimits limits;  // --max-bytes, --max-elements
};

void add_publish(CLI::App& app, PublishOptions& options);
int run_publish(const PublishOptions& options);

struct CompileOptions {
  std::string input;
  std::string output;
  io::ReadLimits limits;  // --max-bytes, --max-elements
};

void add_compile(CLI::App& app, CompileOptions& options);
int run_compile(const CompileOptions& options);

struct DescribeOptions {
  std::string input;
  std::string output;  // "" = standard output
  std::string lang;  // "" = the model's own language (model::language_of)
  io::ReadLimits limits;  // --max-bytes, --max-elements
};

void add_describe(CLI::App& app, DescribeOptions& options);
int run_describe(const DescribeOptions& options);

struct KeywordsOptions {
  std::string format = "text";
};

void add_keywords(CLI::App& app, KeywordsOptions& options);
int run_keywords(const KeywordsOptions& options);

struct DiffOptions {
  std::vector<std::string> files;  // OLD NEW, or git's seven external-diff arguments
  std::string output;
  std::string format;  // "" = from the output's extension, else text
  std::string lang;    // "" = NEW's own language
  io::ReadLimits limits;
};

void add_diff(CLI::App& app, DiffOptions& options);
int run_diff(const DiffOptions& options);

struct ImportOptions {
  std::string input;
  std::string output;
  std::string lang = "en";
  std::size_t max_bytes = 0;  // 0 = the default limit
};

void add_import(CLI::App& app, ImportOptions& options);
int run_import(const ImportOptions& options);

void add_serve(CLI::App& app, serve::Options& options);
// syzba: starts the server program (syzba-serve) in this process's place with the same
// arguments; returns only when it cannot (2, said on standard error).
int exec_server(int argc, char** argv);

}  // namespace syzba::cli
