#include "cli/watch.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

namespace syzba::cli {

void add_watch(CLI::App& command, WatchOptions& options) {
  command.add_flag("--watch", options.enabled, "run again whenever the input file is saved (Ctrl-C stops)");
  command.add_option("--watch-runs", options.runs, "with --watch: stop after this many runs (default: never)");
}

namespace {

// The content rather than the modification time: editors that save twice in a second, or
// restore the time, would otherwise be missed.
std::optional<std::string> content_of(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string clock_now() {
  std::time_t now = std::time(nullptr);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", std::localtime(&now));
  return text;
}

}  // namespace

int run_watching(const std::string& verb, const std::string& file, const WatchOptions& options,
                 const std::function<int()>& once) {
  if (!options.enabled) return once();
  if (file == "-") {
    std::cerr << "syzba " << verb << ": --watch needs a file, not standard input\n";
    return 2;
  }
  const auto pause = std::chrono::milliseconds(options.poll_ms);
  std::cerr << "syzba " << verb << ": watching " << file << " (Ctrl-C stops)\n";
  auto seen = content_of(file);
  for (std::size_t run = 1;; ++run) {
    int code = once();
    std::cerr << "syzba " << verb << ": [" << clock_now() << "] run " << run << ": "
              << (code == 0 ? "done" : "exit " + std::to_string(code) + "; any earlier output is kept") << "\n"
              << std::flush;
    if (options.runs != 0 && run >= options.runs) return code;
    // Wait for a change, then for the content to hold still for one poll, so that a save
    // in progress is read once it is complete rather than at every step.
    for (;;) {
      std::this_thread::sleep_for(pause);
      auto now = content_of(file);
      if (now == seen) continue;
      for (auto again = now;; now = again) {
        std::this_thread::sleep_for(pause);
        again = content_of(file);
        if (again == now) break;
      }
      seen = now;
      break;
    }
  }
}

}  // namespace syzba::cli
