// The pages of the site: static, self-contained HTML5 (no network, no CDN), accessible (lang,
// headings, labelled regions, keyboard-reachable links, contrast of at least 4.5:1).
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "publish/site.h"
#include "web/web.h"

namespace syzba::publish {

namespace {

using table::escape_html;

struct Words {
  const char *all_services, *services, *diagram, *steps, *check, *clean, *downloads, *term, *hover, *status,
      *failed, *errors, *warnings, *file, *no_term, *fit, *zoom_in, *zoom_out;
};

const Words& words(const std::string& lang) {
  static const Words kk{"Барлық қызметтер", "Мемлекеттік қызметтер", "Диаграмма", "Іс-қимылдар кестесі",
                        "Тексеру нәтижесі", "Ескертулер жоқ", "Жүктеу", "Мемлекеттік қызмет көрсету мерзімі",
                        "Іс-қимылдың орындаушысы мен ұзақтығын көру үшін оның үстіне апарыңыз.", "Күйі",
                        "жарияланбады", "қате", "ескерту", "Файл", "көрсетілмеген",
                        "Терезеге сыйдыру (0)", "Үлкейту (+)", "Кішірейту (−)"};
  static const Words ru{"Все услуги", "Государственные услуги", "Диаграмма", "Таблица действий",
                        "Результат проверки", "Замечаний нет", "Скачать", "Срок оказания государственной услуги",
                        "Наведите указатель на действие, чтобы увидеть исполнителя и продолжительность.", "Состояние",
                        "не опубликовано", "ошибки", "предупреждения", "Файл", "не указан",
                        "Вписать в окно (0)", "Увеличить (+)", "Уменьшить (−)"};
  static const Words en{"All services", "State services", "Diagram", "Action table", "Check result", "No findings",
                        "Downloads", "Service term", "Point at an action to see its performer and duration.",
                        "Status", "not published", "errors", "warnings", "File", "not stated",
                        "Fit to window (0)", "Zoom in (+)", "Zoom out (−)"};
  return lang == "kk" ? kk : lang == "ru" ? ru : en;
}

const char* style() {
  return "body{font-family:'Liberation Sans',Arial,'Noto Sans',sans-serif;margin:0;color:#1d1f24;background:#fff}\n"
         "header,main{padding:1em 2em}header{border-bottom:1px solid #c8ccd2}h1{font-size:1.4em;margin:.3em 0}\n"
         "a{color:#0b57a4}a:focus,a:hover{outline:2px solid #0b57a4}.meta{color:#4a4f59}\n"
         "figure{margin:0;overflow:auto;border:1px solid #c8ccd2}figure svg{display:block}figure.viewer{height:70vh;min-height:420px}\n"
         "#hover-detail{min-height:1.4em;font-weight:bold}\n"
         "table{border-collapse:collapse}th,td{border:1px solid #8a8f99;padding:.3em .5em;vertical-align:top}\n"
         "th{background:#eef0f3}tr.alternative td{background:#f7f7f7}tr:target td{background:#fff3c4}\n"
         ".error{color:#a4000f}.warning{color:#6b4a00}ul.services{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1em}\n"
         "ul.services li{border:1px solid #c8ccd2;padding:.6em;width:340px}ul.services img{max-width:320px;height:auto;display:block}\n";
}

std::string head(const std::string& lang, const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"" + escape_html(lang) + "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" + escape_html(title) +
         "</title>\n<style>\n" + style() + "</style>\n</head>\n";
}

std::string status_text(int errors, int warnings, const Words& w) {
  if (errors == 0 && warnings == 0) return w.clean;
  return fmt::format("{} {}, {} {}", errors, w.errors, warnings, w.warnings);
}

// The diagram in the same viewer as the modeler's (src/assets/viewer.js): wheel zoom, drag,
// fit to the window, keys + - 0 and arrows. Without scripts the figure scrolls as it is.
std::string viewer_script(const Words& w) {
  auto viewer = web::find_asset("viewer.js");
  if (!viewer) return "";
  auto js = [](const char* s) { return nlohmann::json(s).dump(); };
  return "<script>\n" + std::string(viewer->bytes) +
         "\n</script>\n<script>\n"
         "(function(){var figure=document.querySelector('figure.diagram');var svg=figure&&figure.querySelector('svg');\n"
         "if(!svg||!window.SyzbaViewer)return;var text=new XMLSerializer().serializeToString(svg);figure.textContent='';\n"
         "figure.classList.add('viewer');var v=SyzbaViewer.attach(figure,{labels:{fit:" + js(w.fit) + ",zoomIn:" + js(w.zoom_in) +
         ",zoomOut:" + js(w.zoom_out) + ",diagram:" + js(w.diagram) + "}});v.setSvg(text);})();\n</script>\n";
}

// Hovering (or focusing) a task shows its performer and duration below the diagram; the same
// text is in each task's SVG <title> tooltip for those without scripts.
const char* hover_script() {
  return "<script>\n"
         "(function(){var out=document.getElementById('hover-detail');\n"
         "document.querySelectorAll('g.syzba-element').forEach(function(g){\n"
         "var show=function(){var t=g.querySelector('title');out.textContent=t?t.textContent:'';};\n"
         "g.addEventListener('mouseenter',show);var a=g.parentNode;if(a.classList.contains('syzba-link')){a.addEventListener('focus',show);}});})();\n"
         "</script>\n";
}

}  // namespace

PageInfo page_info(const std::string& name, const model::Definitions& defs,
                   const std::vector<model::Diagnostic>& findings, const table::Table& steps) {
  PageInfo info;
  info.name = name;
  info.title = steps.service.empty() ? name : steps.service;
  info.term = steps.term;
  if (defs.name != info.title) info.diagram = defs.name;
  if (defs.service) {
    for (const auto* part : {&defs.service->regulation, &defs.service->appendix, &defs.service->source})
      if (!part->empty()) info.source += (info.source.empty() ? "" : " · ") + *part;
  }
  for (const auto& d : findings) {
    if (d.severity == model::Severity::error) ++info.errors;
    if (d.severity == model::Severity::warning) ++info.warnings;
  }
  return info;
}

std::string summary_json(const PageInfo& info) {
  nlohmann::json j{{"name", info.name}, {"title", info.title}, {"diagram", info.diagram}, {"term", info.term}, {"source", info.source},
                   {"lang", info.lang}, {"errors", info.errors}, {"warnings", info.warnings}, {"files", info.files}};
  return j.dump(2) + "\n";
}

std::optional<PageInfo> read_summary(const std::filesystem::path& folder) {
  std::ifstream in(folder / "summary.json");
  if (!in) return std::nullopt;
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  // A summary edited by hand (a title that is a number) is no summary: the page is made
  // again, rather than json::value throwing out of publish.
  auto text = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); };
  auto count = [&](const char* key) { return j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : 0; };
  PageInfo info;
  info.name = text("name");
  info.title = text("title");
  info.diagram = text("diagram");
  info.term = text("term");
  info.source = text("source");
  info.lang = text("lang");
  info.errors = count("errors");
  info.warnings = count("warnings");
  if (j.contains("files") && j["files"].is_object())
    for (const auto& [file, size] : j["files"].items())
      if (size.is_number_unsigned()) info.files[file] = size.get<std::uintmax_t>();
  return info;
}

std::string service_page(const PageInfo& info, const std::string& inline_svg, const table::Table& steps,
                         const std::vector<model::Diagnostic>& findings, const std::string& lang) {
  const Words& w = words(lang);
  check::Lang table_lang = lang == "kk" ? check::Lang::kk : lang == "ru" ? check::Lang::ru : check::Lang::en;
  std::string out = head(lang, info.title);
  out += "<body>\n<header>\n<nav><a href=\"../index.html\">← " + escape_html(w.all_services) + "</a></nav>\n";
  out += "<h1>" + escape_html(info.title) + "</h1>\n";
  if (!info.diagram.empty()) out += "<p class=\"diagram-name\">" + escape_html(info.diagram) + "</p>\n";
  out += "<p class=\"term\">" + escape_html(w.term) + ": " + escape_html(info.term.empty() ? w.no_term : info.term) + "</p>\n";
  if (!info.source.empty()) out += "<p class=\"meta\">" + escape_html(info.source) + "</p>\n";
  out += "</header>\n<main>\n";
  out += "<section aria-labelledby=\"diagram-heading\">\n<h2 id=\"diagram-heading\">" + escape_html(w.diagram) + "</h2>\n";
  out += "<p class=\"meta\">" + escape_html(w.hover) + "</p>\n<figure class=\"diagram\">\n" + inline_svg + "</figure>\n";
  out += "<p id=\"hover-detail\" role=\"status\" aria-live=\"polite\"></p>\n</section>\n";
  out += "<section aria-labelledby=\"check-heading\">\n<h2 id=\"check-heading\">" + escape_html(w.check) + "</h2>\n";
  std::vector<const model::Diagnostic*> shown;
  for (const auto& d : findings)
    if (d.severity != model::Severity::info) shown.push_back(&d);
  if (shown.empty()) {
    out += "<p class=\"clean\">" + escape_html(w.clean) + "</p>\n";
  } else {
    out += "<ul class=\"findings\">\n";
    for (const auto* d : shown) {
      const char* cls = d->severity == model::Severity::error ? "error" : "warning";
      out += fmt::format("<li class=\"{}\">{}:{}: {} <code>[{}]</code></li>\n", cls, d->line, d->column,
                         escape_html(d->message), escape_html(d->rule));
    }
    out += "</ul>\n";
  }
  out += "</section>\n<section aria-labelledby=\"steps-heading\">\n<h2 id=\"steps-heading\">" + escape_html(w.steps) + "</h2>\n";
  out += table::to_html_table(steps, table_lang) + "</section>\n";
  out += "<section aria-labelledby=\"downloads-heading\">\n<h2 id=\"downloads-heading\">" + escape_html(w.downloads) + "</h2>\n<ul>\n";
  std::vector<const char*> downloads = {"pdf", "png", "svg", "bpmn"};
  if (info.text_source) downloads.push_back("syzba");
  for (const auto* ext : downloads)
    out += fmt::format("<li><a href=\"{0}.{1}\" download=\"\">{0}.{1}</a></li>\n", escape_html(info.name), ext);
  out += "</ul>\n</section>\n</main>\n" + viewer_script(w) + std::string(hover_script()) + "</body>\n</html>\n";
  return out;
}

std::string index_page(const std::vector<std::pair<PageInfo, FileResult>>& pages, const std::string& lang) {
  const Words& w = words(lang);
  std::string out = head(lang, w.services);
  out += "<body>\n<header>\n<h1>" + escape_html(w.services) + "</h1>\n</header>\n<main>\n<ul class=\"services\">\n";
  for (const auto& [info, result] : pages) {
    if (result.status == Status::failed) continue;
    std::string href = escape_html(info.name) + "/index.html";
    out += "<li>\n<a href=\"" + href + "\"><img src=\"" + escape_html(info.name) + "/thumbnail.png\" alt=\"" +
           escape_html(info.title) + "\"/>" + escape_html(info.title) + "</a>\n";
    if (!info.diagram.empty()) out += "<p class=\"diagram-name\">" + escape_html(info.diagram) + "</p>\n";
    out += "<p>" + escape_html(w.term) + ": " + escape_html(info.term.empty() ? w.no_term : info.term) + "</p>\n";
    std::string cls = info.errors ? "error" : info.warnings ? "warning" : "clean";
    out += "<p class=\"" + cls + "\">" + escape_html(w.status) + ": " + escape_html(status_text(info.errors, info.warnings, w)) +
           "</p>\n</li>\n";
  }
  out += "</ul>\n";
  bool any_failed = false;
  for (const auto& [info, result] : pages) any_failed = any_failed || result.status == Status::failed;
  if (any_failed) {
    out += "<h2>" + escape_html(w.failed) + "</h2>\n<ul class=\"failed\">\n";
    for (const auto& [info, result] : pages)
      if (result.status == Status::failed)
        out += "<li class=\"error\">" + escape_html(w.file) + " " + escape_html(std::filesystem::path(result.input).filename().string()) +
               ": " + escape_html(result.reason) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace syzba::publish
