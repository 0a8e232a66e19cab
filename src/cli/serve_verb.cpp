// syzba serve: the modeler in the browser and a diagram service (src/serve).
#include "cli/verbs.h"
#include "serve/serve.h"

namespace syzba::cli {

void add_serve(CLI::App& app, serve::Options& options) {
  auto* cmd = app.add_subcommand("serve", "Serve the modeler page and the diagram API (render, check, layout, table, paths; Kroki's URLs).");
  cmd->add_option("--host", options.host, "address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", options.port, "port (default 8080; 0 = any free port, said on standard error)")->check(CLI::Range(0, 65535));
  cmd->add_option("--root", options.root, "folder of models the modeler lists, opens and saves in (never outside it)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("-j,--jobs", options.jobs, "requests drawn at once (default: the number of cores)");
  cmd->add_option("--queue", options.queue, "requests that may wait for a worker; more are answered 503 (default 64)");
  cmd->add_option("--lang", options.lang, "the modeler's language and the API's messages: kk, ru or en (default kk)")
      ->check(CLI::IsMember({"kk", "ru", "en"}));
  cmd->add_option("--max-body", options.max_body, "largest request body in bytes; larger get 413 (default 4 MiB)");
  cmd->add_option("--time-limit", options.time_limit, "seconds a request may wait and work before 503 (default 10)")
      ->check(CLI::Range(0.01, 3600.0));
  cmd->add_option("--io-timeout", options.io_timeout, "seconds a client may take to send a request or read its answer (default 5)")
      ->check(CLI::Range(0.01, 600.0));
  cmd->add_option("--max-elements", options.limits.max_elements, "largest model in XML elements (default 100,000)");
  cmd->footer("Stops on SIGTERM or SIGINT after answering the requests in flight. Exit status: 0 stopped, 2 cannot listen.");
}

int run_serve(const serve::Options& options) {
  serve::Options o = options;
  o.limits.max_bytes = o.max_body;
  return serve::run(o);
}

}  // namespace syzba::cli
