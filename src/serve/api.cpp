#include "serve/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "io/io.h"
#include "pipeline/pipeline.h"
#include "text/text.h"

#ifndef SYZBA_VERSION
#define SYZBA_VERSION "0.0.0"
#endif

namespace syzba::serve {

using json = nlohmann::ordered_json;

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string param(const Request& r, const std::string& name, const std::string& fallback = "") {
  auto it = r.params.find(name);
  return it == r.params.end() ? fallback : it->second;
}

bool flag(const Request& r, const std::string& name) {
  std::string v = param(r, name);
  return v == "1" || v == "true" || v == "yes" || (r.params.count(name) && v.empty());
}

// The language a request names (?lang=), or fallback; nothing when it names another.
std::optional<std::string> lang_of(const Request& r, const std::string& fallback) {
  std::string lang = param(r, "lang", fallback);
  if (!lang.empty() && !model::lang_from_name(lang)) return std::nullopt;
  return lang;
}

Reply bad_parameter(const std::string& name, const std::string& allowed) {
  return error_reply(400, "bad-request", fmt::format("parameter {}: one of {}", name, allowed));
}

// The body as a model, or the reply that says why not: 400 when it is not a model at all,
// 422 when values in it cannot be taken.
std::optional<Reply> read_body(std::string body, const std::string& name, pipeline::Reading reading, const std::string& lang,
                               const io::ReadLimits& limits, pipeline::Read& out) {
  out = pipeline::read(std::move(body), name, limits, reading, model::lang_from_name(lang));
  if (out.unreadable) return error_reply(400, "unreadable", "the body is not a model syzba can read", out.diagnostics);
  if (!out.definitions) return error_reply(422, "refused", "the model has values that cannot be read", out.diagnostics);
  return std::nullopt;
}

check::Config config_in(const std::string& lang) {
  check::Config config;
  config.lang = model::lang_from_name(lang).value_or(model::Lang::en);
  return config;
}

std::string_view content_type_of(exporter::Format f) {
  return f == exporter::Format::svg ? "image/svg+xml" : f == exporter::Format::pdf ? "application/pdf" : "image/png";
}

// Reads the draw options of a request (?format, legend, durations, theme, title, notitle,
// page, landscape, scale, diagram, relayout) into options; an error reply when one is wrong.
std::optional<Reply> draw_options(const Request& r, const std::string& format, pipeline::DrawOptions& options) {
  auto f = exporter::format_from_name(format);
  if (!f) return bad_parameter("format", "svg, pdf, png");
  options.format = *f;
  std::string legend = param(r, "legend", "auto");
  if (legend != "auto" && legend != "none") return bad_parameter("legend", "auto, none");
  options.legend = legend == "auto";
  std::string durations = param(r, "durations", "on");
  if (durations != "on" && durations != "off") return bad_parameter("durations", "on, off");
  options.durations = durations == "on";
  options.theme = param(r, "theme", "default");
  if (!render::theme_from_name(options.theme)) return bad_parameter("theme", "default, bw");
  options.page = param(r, "page", "fit");
  if (!exporter::page_from_name(options.page)) return bad_parameter("page", "fit, A4, A3");
  options.landscape = flag(r, "landscape");
  options.relayout = flag(r, "relayout");
  options.title = param(r, "title");
  options.title_block = !flag(r, "notitle");
  options.diagram = param(r, "diagram");
  try {
    options.png_scale = std::stod(param(r, "scale", "1"));
  } catch (...) {
    options.png_scale = 0;
  }
  if (!(options.png_scale >= 0.05 && options.png_scale <= 8)) return bad_parameter("scale", "a number from 0.05 to 8");
  return std::nullopt;
}

Reply drawn_reply(pipeline::Drawn drawn, exporter::Format format) {
  if (!drawn.error.empty()) return error_reply(422, "not-drawn", drawn.error, drawn.notes);
  Reply out;
  out.content_type = std::string(content_type_of(format));
  out.body = std::move(drawn.bytes);
  return out;
}

// Where each element of the model was written, with its type and name: the modeler selects
// its lines when its shape is clicked.
void add_elements(const model::Container& c, json& out);

void add_lanes(const std::vector<model::LaneSet>& sets, json& out) {
  for (const auto& set : sets)
    for (const auto& lane : set.lanes) {
      out[lane.id] = {{"line", lane.pos.line}, {"column", lane.pos.column}, {"type", "lane"}, {"name", lane.name}};
      add_lanes(lane.child_lane_sets, out);
    }
}

void add_elements(const model::Container& c, json& out) {
  add_lanes(c.lane_sets, out);
  for (const auto& n : c.nodes) {
    out[n.id] = {{"line", n.pos.line}, {"column", n.pos.column}, {"type", model::type_name(n.kind)}, {"name", n.name}};
    add_elements(n.content, out);
  }
  for (const auto& f : c.flows)
    out[f.id] = {{"line", f.pos.line}, {"column", f.pos.column}, {"type", "sequenceFlow"}, {"name", f.name}};
}

json elements_json(const model::Definitions& defs) {
  json out = json::object();
  for (const auto& p : defs.processes) {
    out[p.id] = {{"line", p.pos.line}, {"column", p.pos.column}, {"type", "process"}, {"name", p.name}};
    add_elements(p.content, out);
  }
  for (const auto& c : defs.collaborations) {
    for (const auto& p : c.participants)
      out[p.id] = {{"line", p.pos.line}, {"column", p.pos.column}, {"type", "participant"}, {"name", p.name}};
    for (const auto& m : c.message_flows)
      out[m.id] = {{"line", m.pos.line}, {"column", m.pos.column}, {"type", "messageFlow"}, {"name", m.name}};
  }
  return out;
}

std::string service_name(const model::Definitions& defs) {
  if (defs.service && !defs.service->name.empty()) return defs.service->name;
  for (const auto& p : defs.processes)
    if (p.service && !p.service->name.empty()) return p.service->name;
  return defs.name;
}

std::string kind_of_path(const std::string& path) {
  auto ends = [&](std::string_view s) { return path.size() >= s.size() && model::lowercase(path.substr(path.size() - s.size())) == s; };
  return ends(".syzba") ? "syzba" : ends(".bpmn") || ends(".bpmn2") ? "bpmn" : "";
}

std::optional<std::string> read_whole(const std::filesystem::path& path, std::size_t max_bytes) {
  auto file = io::read_file_bytes(path.string(), io::ReadLimits{max_bytes});
  if (file.error) return std::nullopt;
  return std::move(file.bytes);
}

}  // namespace

Reply error_reply(int status, std::string_view kind, const std::string& message, const std::vector<model::Diagnostic>& diagnostics) {
  json body = {{"error", message}};
  auto first = std::find_if(diagnostics.begin(), diagnostics.end(), [](const auto& d) { return d.severity == model::Severity::error; });
  if (first == diagnostics.end() && !diagnostics.empty()) first = diagnostics.begin();
  if (first != diagnostics.end()) {
    body["rule"] = first->rule;
    body["line"] = first->line;
    body["column"] = first->column;
    body["message"] = first->message;
  }
  body["diagnostics"] = pipeline::diagnostics_json(diagnostics);
  Reply out;
  out.status = status;
  out.body = dump(body) + "\n";
  out.error_kind = std::string(kind);
  return out;
}

Api::Api(const Options& options) : options_(options) {
  if (!options.root.empty()) root_.emplace(options.root);
}

Reply Api::render(const Request& request, render::TextEngine& text) const {
  pipeline::DrawOptions draw;
  if (auto bad = draw_options(request, param(request, "format", "svg"), draw)) return *bad;
  auto lang = lang_of(request, "");
  if (!lang) return bad_parameter("lang", "kk, ru, en");
  draw.lang = *lang;
  draw.stop = [&request] { return request.past_deadline(); };
  pipeline::Read read;
  if (auto bad = read_body(request.body, "<request>", pipeline::Reading::drawing, *lang, options_.limits, read)) return *bad;
  return drawn_reply(pipeline::draw(*read.definitions, draw, text), draw.format);
}

Reply Api::kroki(const std::string& type, const std::string& format, std::string source, const Request& request,
                 render::TextEngine& text) const {
  if (type != "bpmn" && type != "syzba") return error_reply(400, "bad-request", "diagram type: bpmn or syzba");
  pipeline::DrawOptions draw;
  if (auto bad = draw_options(request, format, draw)) return *bad;
  auto lang = lang_of(request, "");
  if (!lang) return bad_parameter("lang", "kk, ru, en");
  draw.lang = *lang;
  draw.stop = [&request] { return request.past_deadline(); };
  if (type == "bpmn" && text::is_text_form("", source))
    return error_reply(400, "unreadable", "the bpmn diagram type takes BPMN XML; the text form is the syzba type");
  pipeline::Read read;
  if (auto bad = read_body(std::move(source), type == "bpmn" ? "diagram.bpmn" : "diagram.syzba", pipeline::Reading::drawing, *lang,
                           options_.limits, read))
    return *bad;
  return drawn_reply(pipeline::draw(*read.definitions, draw, text), draw.format);
}

std::optional<Reply> Api::kroki_json(const Request& request, std::string& type, std::string& format, std::string& source) const {
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("diagram_source") || !body["diagram_source"].is_string())
    return error_reply(400, "bad-request", "a JSON body with diagram_source, diagram_type and output_format");
  source = body["diagram_source"].get<std::string>();
  type = body.value("diagram_type", std::string("bpmn"));
  format = body.value("output_format", std::string("svg"));
  return std::nullopt;
}

Reply Api::check(const Request& request) const {
  auto lang = lang_of(request, options_.lang);
  if (!lang) return bad_parameter("lang", "kk, ru, en");
  std::string format = param(request, "format", "json");
  if (format != "json" && format != "sarif" && format != "text") return bad_parameter("format", "json, sarif, text");
  auto config = config_in(*lang);
  auto read = text::read_model_bytes(request.body, "<request>", options_.limits);
  pipeline::FileReport report{"<request>", pipeline::findings(std::move(read.diagnostics), read.definitions ? &*read.definitions : nullptr, config)};
  Reply out;
  out.status = read.definitions ? 200 : 400;
  if (!read.definitions) out.error_kind = "unreadable";
  if (format == "json") out.body = pipeline::format_json({report});
  else if (format == "sarif") out.body = pipeline::format_sarif({report}, SYZBA_VERSION);
  else {
    out.content_type = "text/plain; charset=utf-8";
    out.body = pipeline::format_text({report});
  }
  return out;
}

Reply Api::layout(const Request& request) const {
  auto lang = lang_of(request, options_.lang);
  if (!lang) return bad_parameter("lang", "kk, ru, en");
  pipeline::Read read;
  if (auto bad = read_body(request.body, "<request>", pipeline::Reading::drawing, *lang, options_.limits, read)) return *bad;
  auto written = pipeline::laid_out_bpmn(std::move(*read.definitions), flag(request, "relayout"), [&request] { return request.past_deadline(); });
  if (!written.error.empty()) return error_reply(422, "not-laid-out", written.error, written.notes);
  Reply out;
  out.content_type = "application/xml";
  out.body = std::move(written.bytes);
  return out;
}

Reply Api::table(const Request& request) const {
  std::string format = param(request, "format", "html");
  if (format != "html" && format != "md" && format != "csv") return bad_parameter("format", "html, md, csv");
  auto lang = lang_of(request, "");
  if (!lang) return bad_parameter("lang", "kk, ru, en");
  pipeline::Read read;
  if (auto bad = read_body(request.body, "<request>", pipeline::Reading::drawing, *lang, options_.limits, read)) return *bad;
  Reply out;
  out.content_type = format == "html" ? "text/html; charset=utf-8" : format == "md" ? "text/markdown; charset=utf-8" : "text/csv; charset=utf-8";
  out.body = *pipeline::table(*read.definitions, format, *lang);
  return out;
}

Reply Api::paths(const Request& request) const {
  auto lang = lang_of(request, options_.lang);
  if (!lang) return bad_parameter("lang", "kk, ru, en");
  std::size_t max_paths = 10000;
  try {
    max_paths = std::clamp<std::size_t>(std::stoul(param(request, "max", "10000")), 1, 10000);
  } catch (...) {
    return bad_parameter("max", "a number of paths");
  }
  pipeline::Read read;
  if (auto bad = read_body(request.body, "<request>", pipeline::Reading::exact, *lang, options_.limits, read)) return *bad;
  json files = json::array({{{"file", "<request>"}, {"processes", pipeline::paths_json(*read.definitions, config_in(*lang), max_paths)}}});
  Reply out;
  out.body = json{{"files", files}}.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  return out;
}

Reply Api::model(const Request& request, render::TextEngine& text) const {
  auto lang = lang_of(request, options_.lang);
  if (!lang) return bad_parameter("lang", "kk, ru, en");
  auto config = config_in(*lang);
  auto read = text::read_model_bytes(request.body, "<request>", options_.limits);
  json out = {{"ok", false}};
  bool refused = !read.definitions || std::any_of(read.diagnostics.begin(), read.diagnostics.end(), [](const auto& d) {
    return d.severity == model::Severity::error && d.rule != "invalid-di" && d.rule != "impossible-duration";
  });
  if (refused) {
    out["diagnostics"] = pipeline::diagnostics_json(pipeline::findings(std::move(read.diagnostics), nullptr, config));
    out["svg"] = nullptr;
    return {200, "application/json", dump(out) + "\n", ""};
  }
  model::Definitions defs = std::move(*read.definitions);
  out["ok"] = true;
  out["diagnostics"] = pipeline::diagnostics_json(pipeline::findings(std::move(read.diagnostics), &defs, config));
  out["elements"] = elements_json(defs);
  out["paths"] = pipeline::paths_json(defs, config, 200);
  out["table"] = *pipeline::table(defs, "html-table", *lang);
  out["title"] = service_name(defs);
  pipeline::DrawOptions draw;
  draw.lang = *lang;
  draw.stop = [&request] { return request.past_deadline(); };
  auto drawn = pipeline::draw(defs, draw, text);
  if (drawn.error.empty()) out["svg"] = std::move(drawn.bytes);
  else {
    out["svg"] = nullptr;
    out["drawError"] = drawn.error;
  }
  return {200, "application/json", dump(out) + "\n", ""};
}

Reply Api::config() const {
  json out = {{"lang", options_.lang}, {"root", root_.has_value()}, {"version", SYZBA_VERSION}};
  return {200, "application/json", dump(out) + "\n", ""};
}

Reply Api::keywords() const { return {200, "application/json", dump(pipeline::keywords_json()) + "\n", ""}; }

Reply Api::files() const {
  if (!root_) return error_reply(404, "no-root", "the server was started without --root");
  json list = json::array();
  for (const auto& e : root_->models()) list.push_back({{"path", e.path}, {"kind", e.kind}});
  return {200, "application/json", dump(json{{"files", list}}) + "\n", ""};
}

Reply Api::open_file(const Request& request) const {
  if (!root_) return error_reply(404, "no-root", "the server was started without --root");
  std::string rel = param(request, "path");
  auto path = root_->resolve(rel);
  std::string kind = kind_of_path(rel);
  if (!path || kind.empty()) return error_reply(403, "forbidden", "not a model inside the served folder: " + rel);
  auto bytes = read_whole(*path, options_.limits.max_bytes);
  if (!bytes) return error_reply(404, "not-found", "no such file: " + rel);
  json out = {{"path", rel}, {"kind", kind}, {"version", version_of(*bytes)}};
  if (kind == "syzba") {
    out["text"] = *bytes;
    out["notExpressed"] = json::array();
  } else {
    auto lang = lang_of(request, "");
    if (!lang) return bad_parameter("lang", "kk, ru, en");
    pipeline::Read read;
    if (auto bad = read_body(*bytes, rel, pipeline::Reading::drawing, *lang, options_.limits, read)) return *bad;
    std::string name = lang->empty() ? std::string(model::language_of(*read.definitions)) : *lang;
    auto described = text::describe(*read.definitions, name == "ru" ? text::Lang::ru : name == "en" ? text::Lang::en : text::Lang::kk);
    out["text"] = described.text;
    out["notExpressed"] = described.not_expressed;
  }
  return {200, "application/json", dump(out) + "\n", ""};
}

Reply Api::save_file(const Request& request) const {
  if (!root_) return error_reply(404, "no-root", "the server was started without --root");
  std::string rel = param(request, "path");
  auto path = root_->resolve(rel);
  if (!path || kind_of_path(rel) != "syzba")
    return error_reply(403, "forbidden", "only .syzba files inside the served folder are saved: " + rel);
  std::string version = param(request, "version");
  if (version.empty()) return bad_parameter("version", "the version the file was opened at, or new");
  std::error_code ec;
  bool exists = std::filesystem::exists(*path, ec);
  if (exists && !flag(request, "force")) {
    auto current = read_whole(*path, options_.limits.max_bytes);
    std::string now = current ? version_of(*current) : "";
    if (version == "new" || now != version) {
      Reply conflict = error_reply(409, "conflict",
                                   version == "new" ? "the file exists already: " + rel : "the file changed on disk since it was opened: " + rel);
      json body = json::parse(conflict.body);
      body["version"] = now;
      conflict.body = dump(body) + "\n";
      return conflict;
    }
  }
  if (auto error = io::write_file_atomically(path->string(), request.body))
    return error_reply(500, "write-failed", *error);
  return {200, "application/json", dump(json{{"path", rel}, {"version", version_of(request.body)}}) + "\n", ""};
}

}  // namespace syzba::serve
