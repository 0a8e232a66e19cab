// syzba serve: the modeler in the browser and a diagram service (src/serve). The server is a
// program of its own, syzba-serve, beside syzba or in libexec/syzba: cpp-httplib brings
// OpenSSL, whose loading and set-up would cost every other verb some 5 ms of its start. The
// options are parsed (and --help answered) here; then the server takes this process's place.
#include <unistd.h>

#include <filesystem>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

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

std::filesystem::path server_program() {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  for (const char* relative : {"syzba-serve", "../libexec/syzba/syzba-serve"}) {
    std::filesystem::path candidate = self.parent_path() / relative;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.lexically_normal();
  }
  return {};
}

int exec_server(int argc, char** argv) {
  std::filesystem::path program = server_program();
  if (program.empty()) {
    std::cerr << "syzba serve: the server program syzba-serve is not installed (looked beside syzba and in ../libexec/syzba)\n";
    return 2;
  }
  std::vector<char*> args(argv, argv + argc);
  std::string name = program.string();
  args[0] = name.data();
  args.push_back(nullptr);
  execv(name.c_str(), args.data());
  std::cerr << "syzba serve: cannot start " << name << ": " << std::strerror(errno) << "\n";
  return 2;
}

}  // namespace syzba::cli
