#pragma once
// The server's answers, as functions from a request to a reply: no sockets, so that each can
// be tested alone and the HTTP library stays in server.cpp.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/render.h"
#include "serve/parts.h"
#include "serve/serve.h"

namespace syzba::serve {

struct Request {
  std::string body;
  std::map<std::string, std::string> params;  // the query, decoded
  std::string content_type;
  // When the server stops waiting for the answer: the layout gives up at its next phase.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  bool past_deadline() const { return std::chrono::steady_clock::now() > deadline; }
};

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string error_kind;  // for the metrics: "" when answered, else "unreadable", "refused", ...
};

// A JSON error: {"error": message, "rule", "line", "column" (of the first error), "diagnostics": [...]}.
Reply error_reply(int status, std::string_view kind, const std::string& message,
                  const std::vector<model::Diagnostic>& diagnostics = {});

class Api {
 public:
  explicit Api(const Options& options);

  // The work of drawing, checking, ... — run on a worker with its text engine.
  Reply render(const Request& request, render::TextEngine& text) const;  // POST /render
  Reply check(const Request& request) const;                             // POST /check
  Reply layout(const Request& request) const;                            // POST /layout
  Reply table(const Request& request) const;                             // POST /table
  Reply paths(const Request& request) const;                             // POST /paths
  Reply model(const Request& request, render::TextEngine& text) const;   // POST /api/model: the modeler's all-in-one
  // Kroki: the diagram type ("bpmn" or "syzba") and the output format from the URL.
  Reply kroki(const std::string& type, const std::string& format, std::string source, const Request& request,
              render::TextEngine& text) const;
  // Kroki's POST / with {"diagram_source", "diagram_type", "output_format"}: the three, or an error.
  std::optional<Reply> kroki_json(const Request& request, std::string& type, std::string& format, std::string& source) const;

  // Light answers, on the connection's thread.
  Reply config() const;                              // GET /api/config
  Reply keywords() const;                            // GET /api/keywords
  Reply files() const;                               // GET /api/files
  Reply open_file(const Request& request) const;     // GET /api/file?path=
  Reply save_file(const Request& request) const;     // PUT /api/file?path=&version=[&force=1]

 private:
  Options options_;
  std::optional<Root> root_;
};

}  // namespace syzba::serve
