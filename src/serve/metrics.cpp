#include <unistd.h>

#include <fmt/format.h>

#include <fstream>

#include "serve/parts.h"

namespace syzba::serve {

void Metrics::count(std::string_view route, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), status}];
}

void Metrics::latency(std::string_view route, double seconds) {
  std::lock_guard lock(mutex_);
  auto& l = latency_[std::string(route)];
  std::size_t i = 0;
  while (i < std::size(bounds) && seconds > bounds[i]) ++i;
  ++l.buckets[i];
  l.sum += seconds;
  ++l.count;
}

void Metrics::error(std::string_view kind) {
  std::lock_guard lock(mutex_);
  ++errors_[std::string(kind)];
}

namespace {

long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace

std::string Metrics::text(std::size_t queued, std::size_t busy) const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP syzba_requests_total Requests answered, by route and status.\n# TYPE syzba_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out += fmt::format("syzba_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first, key.second, n);
  out += "# HELP syzba_request_duration_seconds Time from the request read to the answer ready.\n"
         "# TYPE syzba_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < std::size(bounds); ++i) {
      cumulative += l.buckets[i];
      out += fmt::format("syzba_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route, bounds[i], cumulative);
    }
    out += fmt::format("syzba_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route, l.count);
    out += fmt::format("syzba_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", route, l.sum);
    out += fmt::format("syzba_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, l.count);
  }
  out += "# HELP syzba_errors_total Requests refused or failed, by kind.\n# TYPE syzba_errors_total counter\n";
  for (const auto& [kind, n] : errors_) out += fmt::format("syzba_errors_total{{kind=\"{}\"}} {}\n", kind, n);
  out += fmt::format("# HELP syzba_queue_length Requests waiting for a worker.\n# TYPE syzba_queue_length gauge\nsyzba_queue_length {}\n",
                     queued);
  out += fmt::format("# HELP syzba_workers_busy Workers drawing now.\n# TYPE syzba_workers_busy gauge\nsyzba_workers_busy {}\n", busy);
  out += fmt::format("# HELP process_resident_memory_bytes Resident memory.\n# TYPE process_resident_memory_bytes gauge\n"
                     "process_resident_memory_bytes {}\n",
                     resident_bytes());
  return out;
}

}  // namespace syzba::serve
