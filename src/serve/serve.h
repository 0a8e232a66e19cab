#pragma once
// syzba::serve — `syzba serve`: the modeler page and a diagram service over HTTP, in one
// process (cpp-httplib). The same findings and bytes as the command line (src/pipeline):
// POST /render, /check, /layout, /table, /paths; Kroki's URLs (GET /bpmn/svg/<deflated,
// base64url>, POST /bpmn/svg; the text form as diagram type `syzba`); the modeler's API under
// /api/; /healthz and /metrics (Prometheus). Limits on bodies, work, queue and time, so that
// no request can take the server down.
#include <cstddef>
#include <string>

#include "io/io.h"

namespace syzba::serve {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;           // 0 = any free port (said on standard error)
  std::string root;          // "" = no files; else the folder the modeler lists, opens and saves in
  unsigned jobs = 0;         // requests drawn at once; 0 = the number of cores
  std::size_t queue = 64;    // requests waiting for a worker; more get 503
  std::string lang = "kk";   // the modeler's language at first, and the default of the API's messages
  std::size_t max_body = std::size_t{4} << 20;  // larger request bodies get 413
  double time_limit = 10;    // seconds a request may wait and work; then 503
  double io_timeout = 5;     // seconds a client may take to send a request or read the answer
  io::ReadLimits limits{std::size_t{4} << 20, 200, 100'000};  // the models a request may carry
};

// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns 0; 2 when
// the address cannot be bound (said on standard error, with the reason).
int run(const Options& options);

}  // namespace syzba::serve
