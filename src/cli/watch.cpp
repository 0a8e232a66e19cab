#include "cli/watch.h"

#include <chrono>
#include <csignal>
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

// Set by Ctrl-C (SIGINT) or SIGTERM. The loop stops between runs, never during one, so that
// an output being written is finished and renamed into place rather than left half-written.
// A signal handler can only reach a flag like this one; it is the loop's only global.
volatile std::sig_atomic_t stop_requested = 0;

extern "C" void request_stop(int) { stop_requested = 1; }

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

// Waits for the content to change and then to hold still for one poll, so that a save in
// progress is read once it is complete rather than at every step. False when asked to stop.
bool wait_for_change(const std::string& file, std::optional<std::string>& seen, std::chrono::milliseconds pause) {
  for (;;) {
    std::this_thread::sleep_for(pause);
    if (stop_requested) return false;
    auto now = content_of(file);
    if (now == seen) continue;
    for (auto again = now;; now = again) {
      std::this_thread::sleep_for(pause);
      again = content_of(file);
      if (again == now) break;
    }
    seen = std::move(now);
    return true;
  }
}

}  // namespace

int run_watching(const std::string& verb, const std::string& file, const WatchOptions& options,
                 const std::function<int()>& once) {
  if (!options.enabled) return once();
  if (file == "-") {
    std::cerr << "syzba " << verb << ": --watch needs a file, not standard input\n";
    return 2;
  }
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  std::cerr << "syzba " << verb << ": watching " << file << " (Ctrl-C stops)\n";
  auto seen = content_of(file);
  for (std::size_t run = 1;; ++run) {
    int code = once();
    std::cerr << "syzba " << verb << ": [" << clock_now() << "] run " << run << ": "
              << (code == 0 ? "done" : "exit " + std::to_string(code) + "; any earlier output is kept") << "\n"
              << std::flush;
    if (options.runs != 0 && run >= options.runs) return code;
    if (stop_requested || !wait_for_change(file, seen, std::chrono::milliseconds(options.poll_ms))) {
      std::cerr << "syzba " << verb << ": stopped\n";
      return code;
    }
  }
}

}  // namespace syzba::cli
