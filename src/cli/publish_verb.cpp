// syzba publish INPUTS... -o DIR: a static website of the services, files done in parallel.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <thread>

#include "cli/input.h"
#include "cli/verbs.h"
#include "publish/publish.h"

namespace syzba::cli {

void add_publish(CLI::App& app, PublishOptions& options) {
  auto* cmd = app.add_subcommand("publish", "Write a static website: a page per service (diagram, legend, action table, check result, downloads) and an index.");
  cmd->add_option("inputs", options.inputs, "BPMN or text-form (.syzba) files, or folders of them")->required();
  cmd->add_option("-o,--output", options.output, "the site's folder")->required();
  cmd->add_option("-j,--jobs", options.jobs, "files done at once (default: the number of cores)")->check(CLI::Range(1u, 256u));
  cmd->add_option("--lang", options.lang, "language of the pages: kk, ru or en (default: each model's own)")->check(CLI::IsMember({"kk", "ru", "en"}));
  add_limits(*cmd, options.limits);
  cmd->footer("Unchanged inputs are skipped. Exit status: 0 every file published, 1 some failed (the others are published), 2 nothing could be done.");
}

namespace {

// On a terminal, one line redrawn as a bar; elsewhere (CI logs, pipes), a plain line per file.
publish::Progress progress_printer() {
  bool terminal = ::isatty(STDERR_FILENO) != 0;
  return [terminal](const publish::FileResult& r, std::size_t done, std::size_t total) {
    const char* what = r.status == publish::Status::published ? "published" : r.status == publish::Status::unchanged ? "unchanged" : "FAILED";
    if (terminal) {
      std::size_t width = 30, filled = total ? done * width / total : width;
      std::cerr << fmt::format("\r[{}{}] {}/{} {} {:<40.40}", std::string(filled, '#'), std::string(width - filled, ' '), done,
                               total, what, r.name)
                << (done == total ? "\n" : "") << std::flush;
    } else {
      std::cerr << fmt::format("[{}/{}] {} {}{}\n", done, total, what, r.name, r.reason.empty() ? "" : ": " + r.reason);
    }
  };
}

}  // namespace

int run_publish(const PublishOptions& options) {
  std::string error;
  auto files = publish::collect_inputs(options.inputs, error);
  if (!error.empty()) {
    std::cerr << "syzba publish: " << error << "\n";
    return 2;
  }
  publish::Options o;
  o.out_dir = options.output;
  o.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  o.lang = options.lang;
  o.limits = options.limits;
  auto summary = publish::publish(files, o, progress_printer());
  if (!summary.error.empty()) {
    std::cerr << "syzba publish: " << summary.error << "\n";
    return 2;
  }
  std::size_t published = 0, unchanged = 0, failed = 0;
  for (const auto& f : summary.files) {
    published += f.status == publish::Status::published;
    unchanged += f.status == publish::Status::unchanged;
    failed += f.status == publish::Status::failed;
  }
  std::cerr << fmt::format("syzba publish: {} files: {} published, {} unchanged, {} failed → {}\n", files.size(), published,
                           unchanged, failed, (std::filesystem::path(options.output) / "index.html").string());
  for (const auto& f : summary.files)
    if (f.status == publish::Status::failed) std::cerr << "  failed: " << f.input << ": " << f.reason << "\n";
  return failed ? 1 : 0;
}

}  // namespace syzba::cli
