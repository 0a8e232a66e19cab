#pragma once
// The drafting loop: run a verb, then run it again each time the file is saved. A file caught
// half-written only makes that run fail (with its findings); the last good output stays.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <functional>
#include <string>

namespace syzba::cli {

struct WatchOptions {
  bool enabled = false;
  std::size_t runs = 0;  // stop after this many runs (0: until interrupted); for tests and scripts
  unsigned poll_ms = 200;
};

void add_watch(CLI::App& command, WatchOptions& options);

// Runs `once` and, with --watch, again after every change of the file's content; returns the
// exit code of the last run.
int run_watching(const std::string& verb, const std::string& file, const WatchOptions& options,
                 const std::function<int()>& once);

}  // namespace syzba::cli
