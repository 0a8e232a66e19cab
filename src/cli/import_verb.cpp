// syzba import REGULATION -o DIR: a regulation's text (plain, HTML, DOCX) → one .syzba draft
// per procedure it lists, and the import report (report.txt, report.json).
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/verbs.h"
#include "import/import.h"
#include "io/io.h"
#include "text/text.h"

namespace syzba::cli {

void add_import(CLI::App& app, ImportOptions& options) {
  auto* cmd = app.add_subcommand("import", "Read a regulation (plain text, HTML or DOCX; Kazakh or Russian) into .syzba drafts, one per procedure, and an import report.");
  cmd->add_option("regulation", options.input, "the regulation: .txt, .html or .docx")->required();
  cmd->add_option("-o,--output", options.output, "folder for the drafts, report.txt and report.json")->required();
  cmd->add_option("--lang", options.lang, "language of the messages: en, ru or kk")->check(CLI::IsMember({"en", "ru", "kk"}));
  cmd->add_option("--max-bytes", options.max_bytes, "refuse regulations larger than this (default 64 MiB)");
  cmd->footer("Each draft compiles, checks and renders like any model; the report says what was read, with its line or\n"
              "paragraph and a confidence per step, and what could not be read.\n"
              "Exit status: 0 written, 1 nothing to draft (no procedure found; the report is written), 2 unreadable input or unwritable output.");
}

namespace {

void print(const std::string& file, std::vector<model::Diagnostic> diagnostics, const std::string& lang) {
  if (auto l = model::lang_from_name(lang)) model::translate(diagnostics, *l);
  for (const auto& d : diagnostics)
    std::cerr << file << ":" << d.line << ":" << d.column << ": " << model::severity_name(d.severity) << ": " << d.message
              << " [" << d.rule << "]\n";
}

}  // namespace

int run_import(const ImportOptions& options) {
  import::ReadLimits limits;
  if (options.max_bytes) limits.max_bytes = options.max_bytes;
  auto read = import::read_document(options.input, limits);
  if (!read.document) {
    print(options.input, read.diagnostics, options.lang);
    return 2;
  }
  auto regulation = import::extract(*read.document);
  // Everything in memory first: a draft that does not compile is a fault of import, and
  // nothing is written then.
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& p : regulation.procedures) {
    std::string text = import::draft(regulation, p);
    auto compiled = text::compile(text);
    if (!compiled.definitions) {
      std::cerr << "syzba import: the draft of " << p.id << " does not compile (a fault of import):\n";
      print(import::draft_name(regulation, p), compiled.diagnostics, options.lang);
      return 2;
    }
    files.emplace_back(import::draft_name(regulation, p), std::move(text));
  }
  files.emplace_back("report.txt", import::report_text(regulation));
  files.emplace_back("report.json", import::report_json(regulation));
  // Staged in a folder beside the output, then renamed into place: no partial output.
  namespace fs = std::filesystem;
  fs::path out(options.output);
  std::error_code ec;
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  fs::path stage = parent / (out.filename().string() + ".syzba-import-" + std::to_string(::getpid()));
  fs::remove_all(stage, ec);
  if (!fs::create_directories(stage, ec) || ec) {
    std::cerr << "syzba import: cannot create " << stage.string() << ": " << ec.message() << "\n";
    return 2;
  }
  for (const auto& [name, text] : files)
    if (auto error = io::write_file_atomically((stage / name).string(), text)) {
      std::cerr << "syzba import: " << *error << "\n";
      fs::remove_all(stage, ec);
      return 2;
    }
  if (!fs::exists(out)) {
    fs::rename(stage, out, ec);
  } else if (fs::is_directory(out)) {
    for (const auto& [name, text] : files) {
      fs::rename(stage / name, out / name, ec);
      if (ec) break;
    }
    fs::remove_all(stage, ec);
  } else {
    ec = std::make_error_code(std::errc::not_a_directory);
  }
  if (ec) {
    std::cerr << "syzba import: cannot write " << out.string() << ": " << ec.message() << "\n";
    fs::remove_all(stage, ec);
    return 2;
  }
  std::size_t steps = 0;
  for (const auto& p : regulation.procedures) steps += p.steps.size();
  std::cerr << "syzba import: " << regulation.procedures.size() << " procedures, " << steps << " steps, "
            << regulation.notes.size() << " places not read; " << (out / "report.txt").string() << "\n";
  return regulation.procedures.empty() ? 1 : 0;
}

}  // namespace syzba::cli
