#pragma once
// The parts of the server, each testable without a socket: Kroki's payloads, the folder the
// modeler may read and write, the bounded pool of drawing workers, and the metrics.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "render/render.h"

namespace syzba::serve {

// ---- Kroki: GET /<type>/<format>/<payload>, the payload deflated (zlib) and base64url-coded.
// The source, or nothing when the payload is not base64url, not deflated, or inflates beyond
// max_bytes (a small payload may stand for a huge body).
struct Decoded {
  std::optional<std::string> source;
  bool too_large = false;
};
Decoded decode_kroki_payload(std::string_view payload, std::size_t max_bytes);

// ---- The folder under --root. Paths the client names are relative to it; none may leave it:
// not by "..", nor an absolute path, nor a symbolic link that points outside.
class Root {
 public:
  explicit Root(const std::filesystem::path& folder);  // the folder must exist
  const std::filesystem::path& folder() const { return folder_; }

  struct Entry {
    std::string path;  // relative, with '/'
    std::string kind;  // "syzba" or "bpmn"
  };
  // The models in the folder and below (hidden folders skipped), sorted; at most `limit`.
  std::vector<Entry> models(std::size_t limit = 10'000) const;

  // The file a relative path names, or nothing when it would be outside the folder. The file
  // need not exist (saving a new one), but its folder must.
  std::optional<std::filesystem::path> resolve(std::string_view relative) const;

 private:
  std::filesystem::path folder_;  // canonical
};

// What the modeler sends back when it saves, so that a file changed on disk since it was
// opened is not overwritten unasked: a hash of the bytes.
std::string version_of(std::string_view bytes);

// ---- The workers that draw: N threads, each with its own Pango text engine, and a bounded
// queue. A request waits at most its time limit; a full queue answers at once.
class Workers {
 public:
  Workers(unsigned count, std::size_t queue_capacity);
  ~Workers();  // finishes what is queued, then joins
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  enum class Outcome { done, queue_full, timed_out };
  // Runs job on a worker. On timed_out the job may still run later or be running: it must own
  // what it touches (capture by value or shared pointer).
  Outcome run(std::function<void(render::TextEngine&)> job, std::chrono::milliseconds limit);

  std::size_t queued() const;
  std::size_t busy() const { return busy_.load(); }

 private:
  struct Task;
  void work();

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Task>> queue_;
  bool stopping_ = false;
  std::atomic<std::size_t> busy_{0};
  std::vector<std::thread> threads_;
};

// ---- Prometheus text format: requests by route and status, a latency histogram by route,
// errors by kind, the queue and the process's memory.
class Metrics {
 public:
  void count(std::string_view route, int status);      // every answer, the library's own too
  void latency(std::string_view route, double seconds);  // the answers syzba made
  void error(std::string_view kind);
  std::string text(std::size_t queued, std::size_t busy) const;

 private:
  static constexpr double bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  struct Latency {
    std::vector<std::uint64_t> buckets = std::vector<std::uint64_t>(std::size(bounds) + 1);
    double sum = 0;
    std::uint64_t count = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency> latency_;
  std::map<std::string, std::uint64_t> errors_;
};

}  // namespace syzba::serve
