// The HTTP side: cpp-httplib's server, its routes, limits and shutdown. Connections are read
// and written on the library's thread pool (cheap threads that mostly wait for the network);
// the drawing runs on the bounded Workers, so a slow client never holds a drawing worker and
// a burst of work waits in a bounded queue instead of piling up.
#include <httplib.h>
#include <pthread.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>

#include "serve/api.h"
#include "serve/serve.h"
#include "web/web.h"

namespace syzba::serve {

namespace {

using Clock = std::chrono::steady_clock;

Request to_request(const httplib::Request& r) {
  Request out;
  out.body = r.body;
  for (const auto& [k, v] : r.params) out.params.emplace(k, v);  // the first value of a repeated name
  out.content_type = r.get_header_value("Content-Type");
  return out;
}

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  if (!reply.error_kind.empty()) res.set_header("X-Syzba-Error", reply.error_kind);
  if (reply.status == 503) res.set_header("Retry-After", "1");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(reply.body, reply.content_type.c_str());
}

// The route a path belongs to, for the metrics: a fixed set, whatever the client sends.
std::string route_of(const std::string& path) {
  for (std::string_view r : {"/api/model", "/api/files", "/api/file", "/api/config", "/api/keywords", "/render", "/check", "/layout",
                             "/table", "/paths", "/healthz", "/metrics"})
    if (path == r) return std::string(r);
  if (path.rfind("/bpmn/", 0) == 0 || path.rfind("/syzba/", 0) == 0) return "kroki";
  if (path == "/" || path.rfind("/assets/", 0) == 0) return "page";
  return "other";
}

std::string_view kind_of_status(int status) {
  switch (status) {
    case 400: return "bad-request";
    case 404: return "not-found";
    case 405: return "method-not-allowed";
    case 413: return "too-large";
    case 414: return "uri-too-long";
    default: return status >= 500 ? "internal" : "client";
  }
}

std::string_view message_of_status(int status) {
  switch (status) {
    case 400: return "the request cannot be read";
    case 404: return "no such page or API";
    case 405: return "this method is not allowed here";
    case 413: return "the request body is larger than the limit (--max-body)";
    case 414: return "the URL is too long";
    default: return "the request failed";
  }
}

class Service {
 public:
  explicit Service(const Options& options)
      : options_(options),
        api_(options),
        workers_(options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency()), options.queue) {}

  void install(httplib::Server& server) {
    server.Get("/", [this](const auto&, auto& res) { asset(res, "modeler.html"); });
    server.Get("/assets/([A-Za-z0-9._-]+)", [this](const auto& req, auto& res) { asset(res, req.matches[1]); });
    server.Get("/healthz", [](const auto&, auto& res) { res.set_content("ok\n", "text/plain"); });
    server.Get("/metrics", [this](const auto&, auto& res) {
      res.set_content(metrics_.text(workers_.queued(), workers_.busy()), "text/plain; version=0.0.4");
    });
    light(server, "/api/config", [this](const Request&) { return api_.config(); });
    light(server, "/api/keywords", [this](const Request&) { return api_.keywords(); });
    light(server, "/api/files", [this](const Request&) { return api_.files(); });
    light(server, "/api/file", [this](const Request& r) { return api_.open_file(r); });
    server.Put("/api/file", [this](const httplib::Request& req, httplib::Response& res) {
      auto started = Clock::now();
      finish(res, "/api/file", api_.save_file(to_request(req)), started);
    });
    heavy(server, "/api/model", [this](const Request& r, render::TextEngine& t) { return api_.model(r, t); });
    heavy(server, "/render", [this](const Request& r, render::TextEngine& t) { return api_.render(r, t); });
    heavy(server, "/check", [this](const Request& r, render::TextEngine&) { return api_.check(r); });
    heavy(server, "/layout", [this](const Request& r, render::TextEngine&) { return api_.layout(r); });
    heavy(server, "/table", [this](const Request& r, render::TextEngine&) { return api_.table(r); });
    heavy(server, "/paths", [this](const Request& r, render::TextEngine&) { return api_.paths(r); });
    // Kroki: GET /<type>/<format>/<payload>, POST /<type>/<format>, POST / with JSON.
    server.Get("/(bpmn|syzba)/(svg|png|pdf)/([A-Za-z0-9_=+/-]+)", [this](const httplib::Request& req, httplib::Response& res) {
      auto started = Clock::now();
      auto decoded = decode_kroki_payload(req.matches[3].str(), options_.max_body);
      if (!decoded.source) {
        finish(res, "kroki",
               decoded.too_large ? error_reply(413, "too-large", "the diagram inflates beyond the body limit")
                                 : error_reply(400, "bad-request", "the payload is not deflated and base64url-encoded"),
               started);
        return;
      }
      kroki(res, req, req.matches[1], req.matches[2], std::move(*decoded.source), started);
    });
    server.Post("/(bpmn|syzba)/(svg|png|pdf)", [this](const httplib::Request& req, httplib::Response& res) {
      kroki(res, req, req.matches[1], req.matches[2], req.body, Clock::now());
    });
    server.Post("/", [this](const httplib::Request& req, httplib::Response& res) {
      auto started = Clock::now();
      std::string type, format, source;
      if (auto bad = api_.kroki_json(to_request(req), type, format, source)) return finish(res, "kroki", *bad, started);
      kroki(res, req, type, format, std::move(source), started);
    });
    // A model posted by `curl --data-binary @file` comes as a form (curl's default type), and the
    // library caps form bodies at 8 KiB: the body is the model whatever its type, so read it as bytes.
    // Answers are not compressed here: gzip took a quarter of the time of drawing a diagram,
    // and a reverse proxy in front (README) compresses on its own cores, and caches.
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
      auto& headers = const_cast<httplib::Request&>(req).headers;  // the library's own, not const in fact
      if (req.get_header_value("Content-Type") == "application/x-www-form-urlencoded") {
        headers.erase("Content-Type");
        headers.emplace("Content-Type", "application/octet-stream");
      }
      headers.erase("Accept-Encoding");
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      std::string route = route_of(req.path);
      metrics_.count(route, res.status);
      if (res.status >= 400 && !res.has_header("X-Syzba-Error")) metrics_.error(kind_of_status(res.status));
    });
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      auto reply = error_reply(res.status, kind_of_status(res.status), std::string(message_of_status(res.status)));
      res.set_content(reply.body, reply.content_type.c_str());
    });
    server.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      metrics_.error("internal");
      send(res, error_reply(500, "internal", "the server failed on this request"));
    });
  }

 private:
  using Light = std::function<Reply(const Request&)>;
  using Heavy = std::function<Reply(const Request&, render::TextEngine&)>;

  void asset(httplib::Response& res, const std::string& name) {
    auto found = web::find_asset(name);
    if (!found) {
      send(res, error_reply(404, "not-found", "no such asset: " + name));
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(std::string(found->bytes), std::string(found->content_type).c_str());
  }

  void finish(httplib::Response& res, const std::string& route, const Reply& reply, Clock::time_point started) {
    send(res, reply);
    metrics_.latency(route, std::chrono::duration<double>(Clock::now() - started).count());
    if (!reply.error_kind.empty()) metrics_.error(reply.error_kind);
  }

  void light(httplib::Server& server, const std::string& path, Light handler) {
    server.Get(path, [this, path, handler](const httplib::Request& req, httplib::Response& res) {
      auto started = Clock::now();
      finish(res, path, handler(to_request(req)), started);
    });
  }

  // Runs the work on a drawing worker, waiting at most the time limit.
  Reply on_worker(Request request, Heavy work) {
    auto limit = std::chrono::milliseconds(static_cast<long long>(options_.time_limit * 1000));
    request.deadline = Clock::now() + limit;
    auto shared_request = std::make_shared<Request>(std::move(request));
    auto reply = std::make_shared<Reply>();
    switch (workers_.run([shared_request, reply, work](render::TextEngine& text) { *reply = work(*shared_request, text); }, limit)) {
      case Workers::Outcome::done: return std::move(*reply);
      case Workers::Outcome::queue_full: return error_reply(503, "overloaded", "the server is busy: every worker and the queue are taken");
      case Workers::Outcome::timed_out: break;
    }
    return error_reply(503, "timeout", "the request took longer than the time limit");
  }

  void heavy(httplib::Server& server, const std::string& path, Heavy work) {
    server.Post(path, [this, path, work](const httplib::Request& req, httplib::Response& res) {
      auto started = Clock::now();
      finish(res, path, on_worker(to_request(req), work), started);
    });
  }

  void kroki(httplib::Response& res, const httplib::Request& req, const std::string& type, const std::string& format,
             std::string source, Clock::time_point started) {
    auto request = to_request(req);
    request.body = std::move(source);
    finish(res, "kroki",
           on_worker(std::move(request), [this, type, format](const Request& r, render::TextEngine& t) {
             return api_.kroki(type, format, r.body, r, t);
           }),
           started);
  }

  Options options_;
  Metrics metrics_;
  Api api_;
  Workers workers_;  // last: destroyed first, finishing its jobs while the API still lives
};

}  // namespace

int run(const Options& options) {
  if (!options.root.empty() && !std::filesystem::is_directory(options.root)) {
    std::cerr << "syzba serve: --root " << options.root << ": not a folder\n";
    return 2;
  }
  // SIGTERM and SIGINT are taken by one thread (below), never by a worker in the middle of
  // its work; a client that goes away must not kill the server with SIGPIPE.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Service service(options);
  httplib::Server server;
  // Threads for connections: enough for many clients waiting on the network at once.
  unsigned connections = 64 + 8 * (options.jobs ? options.jobs : std::thread::hardware_concurrency());
  server.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  server.set_payload_max_length(options.max_body);
  // TCP_NODELAY, inherited by every accepted connection: the library writes the headers and
  // the body apart, and Nagle's algorithm with delayed ACKs held each answer back 40 ms.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  });
  auto seconds = static_cast<time_t>(options.io_timeout);
  auto micros = static_cast<time_t>((options.io_timeout - static_cast<double>(seconds)) * 1e6);
  server.set_read_timeout(seconds, micros);
  server.set_write_timeout(seconds, micros);
  server.set_keep_alive_timeout(std::max<time_t>(1, seconds));
  server.set_keep_alive_max_count(1000);
  service.install(server);

  int port = options.port;
  errno = 0;
  if (port == 0) port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port)) port = -1;
  if (port < 0) {
    std::cerr << "syzba serve: cannot listen on " << options.host << ":" << options.port << ": "
              << (errno == EADDRINUSE ? "the port is taken by another program" : errno ? std::strerror(errno) : "cannot bind")
              << "\n";
    return 2;
  }
  std::cerr << "syzba serve: listening on http://" << (options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host)
            << ":" << port << "/" << (options.root.empty() ? "" : " (models in " + options.root + ")") << std::endl;

  std::atomic<bool> signalled{false};
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    signalled = true;
    server.stop();  // stops accepting; the requests in flight are answered
  });
  server.listen_after_bind();
  if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);  // the server stopped on its own: wake the waiter
  stopper.join();
  std::cerr << "syzba serve: stopped" << std::endl;
  return 0;
}

}  // namespace syzba::serve
