// syzba-serve: the program `syzba serve` becomes (see serve_verb.cpp), with the same
// arguments: `syzba-serve serve [OPTIONS]`. Kept apart so that only the server loads
// cpp-httplib and OpenSSL.
#include <CLI/CLI.hpp>

#include "cli/verbs.h"

int main(int argc, char** argv) {
  CLI::App app{"syzba-serve: the server of `syzba serve`."};
  app.require_subcommand(1);
  syzba::serve::Options serve;
  syzba::cli::add_serve(app, serve);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  serve.limits.max_bytes = serve.max_body;
  return syzba::serve::run(serve);
}
