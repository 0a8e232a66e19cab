// The formats of a diff: text, JSON, Markdown, HTML.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "diff/diff.h"
#include "web/web.h"

namespace syzba::diff {

namespace {

struct Words {
  const char *added, *removed, *changed, *layout, *matched_similar, *findings_new, *findings_gone, *longest, *term, *over, *within,
      *no_changes, *title, *element, *kind, *what, *old_diagram, *new_diagram, *side_by_side, *overlaid, *legend;
};

const Words& words(check::Lang lang) {
  static const Words kk{"қосылды", "жойылды", "өзгерді", "тек орналасуы", "ұқсастығы бойынша табылды", "жаңа ескертулер", "жойылған ескертулер",
                        "ең ұзын жол", "мерзім", "мерзімнен асады", "мерзім ішінде", "өзгеріс жоқ", "Өзгерістер", "элемент", "түрі",
                        "не өзгерді", "бұрынғы нұсқа", "жаңа нұсқа", "қатар", "үстіне", "белгілер"};
  static const Words ru{"добавлено", "удалено", "изменено", "только расположение", "сопоставлено по сходству", "новые замечания",
                        "ушедшие замечания", "самый длинный путь", "срок", "срок превышен на", "в пределах срока", "изменений нет",
                        "Изменения", "элемент", "вид", "что изменилось", "прежняя версия", "новая версия", "рядом", "наложением", "обозначения"};
  static const Words en{"added", "removed", "changed", "layout only", "matched by similarity", "new findings", "findings gone",
                        "longest path", "term", "exceeded by", "within the term", "no changes", "Changes", "element", "kind",
                        "what changed", "old version", "new version", "side by side", "overlaid", "marks"};
  return lang == check::Lang::kk ? kk : lang == check::Lang::ru ? ru : en;
}

const char* kind_word(Kind k, const Words& w) {
  return k == Kind::added ? w.added : k == Kind::removed ? w.removed : k == Kind::changed ? w.changed : w.layout;
}

std::string shown(const std::string& v) { return v.empty() ? "—" : "«" + v + "»"; }

std::string element_text(const Change& c) { return c.element + " (" + c.type + (c.name.empty() ? "" : " «" + c.name + "»") + ")"; }

std::string properties_text(const Change& c) {
  std::string out;
  for (const auto& p : c.properties) out += (out.empty() ? "" : "; ") + p.property + " " + shown(p.old_value) + " → " + shown(p.new_value);
  return out;
}

std::string longest_text(const Longest& l, const check::Config& config, const Words& w) {
  std::string out = l.text;
  if (!l.term.empty()) {
    out += " (" + std::string(w.term) + " " + l.term + ": ";
    if (l.exceeds && l.over_minutes > 0) out += std::string(w.over) + " " + check::describe(check::Total{l.over_minutes, 0}, config);
    else out += l.exceeds ? w.over : w.within;
    out += ")";
  }
  return out;
}

std::vector<std::string> paths_lines(const Effect& e, const check::Config& config, const Words& w) {
  std::vector<std::string> out;
  for (const auto& n : e.new_paths) {
    auto o = std::find_if(e.old_paths.begin(), e.old_paths.end(), [&](const Longest& l) { return l.process == n.process; });
    std::string before = o == e.old_paths.end() ? "—" : longest_text(*o, config, w);
    std::string after = longest_text(n, config, w);
    out.push_back(fmt::format("{} {}: {}{}", w.longest, n.name.empty() ? n.process : n.name, before,
                              before == after ? "" : " → " + after));
  }
  return out;
}

nlohmann::ordered_json finding_json(const model::Diagnostic& d) {
  return {{"rule", d.rule}, {"severity", model::severity_name(d.severity)}, {"element", d.element}, {"message", d.message}};
}

nlohmann::ordered_json longest_json(const std::vector<Longest>& all) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& l : all) {
    nlohmann::ordered_json j = {{"process", l.process}, {"name", l.name},
                                {"longest", {{"workingMinutes", l.total.working_minutes}, {"calendarDays", l.total.calendar_days}, {"text", l.text}}}};
    if (!l.term.empty()) {
      j["term"] = l.term;
      j["exceedsTerm"] = l.exceeds;
      if (l.exceeds && l.over_minutes > 0) j["overWorkingMinutes"] = l.over_minutes;
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string to_text(const std::vector<Change>& changes, const Effect& effect, const check::Config& config) {
  const Words& w = words(config.lang);
  std::string out;
  for (const auto& c : changes) {
    out += fmt::format("{:<14} {}", kind_word(c.kind, w), element_text(c));
    if (c.match == "similar") out += fmt::format(" [{} {}]", w.matched_similar, c.old_element);
    if (!c.properties.empty()) out += ": " + properties_text(c);
    out += "\n";
  }
  if (changes.empty()) out += std::string(w.no_changes) + "\n";
  for (const auto& d : effect.new_findings) out += fmt::format("+ {}: [{}] {}: {}\n", w.findings_new, d.rule, d.element, d.message);
  for (const auto& d : effect.gone_findings) out += fmt::format("- {}: [{}] {}: {}\n", w.findings_gone, d.rule, d.element, d.message);
  for (const auto& line : paths_lines(effect, config, w)) out += line + "\n";
  return out;
}

std::string to_json(const std::vector<Change>& changes, const Effect& effect) {
  using json = nlohmann::ordered_json;
  json list = json::array();
  for (const auto& c : changes) {
    json properties = json::array();
    for (const auto& p : c.properties) properties.push_back({{"property", p.property}, {"old", p.old_value}, {"new", p.new_value}});
    json item = {{"kind", kind_name(c.kind)}, {"element", c.element}, {"type", c.type}, {"name", c.name}};
    if (!c.match.empty()) item["match"] = c.match;
    if (c.match == "similar") item["oldElement"] = c.old_element;
    item["properties"] = properties;
    list.push_back(std::move(item));
  }
  json found_new = json::array(), found_gone = json::array();
  for (const auto& d : effect.new_findings) found_new.push_back(finding_json(d));
  for (const auto& d : effect.gone_findings) found_gone.push_back(finding_json(d));
  json root = {{"changes", list},
               {"findings", {{"new", found_new}, {"gone", found_gone}}},
               {"paths", {{"old", longest_json(effect.old_paths)}, {"new", longest_json(effect.new_paths)}}}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string to_markdown(const std::vector<Change>& changes, const Effect& effect, const check::Config& config) {
  const Words& w = words(config.lang);
  auto cell = [](std::string s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return out;
  };
  std::string out = fmt::format("### {}\n\n", w.title);
  if (changes.empty()) out += std::string(w.no_changes) + "\n";
  else {
    out += fmt::format("| {} | {} | {} |\n|---|---|---|\n", w.kind, w.element, w.what);
    for (const auto& c : changes)
      out += fmt::format("| {} | `{}` {} | {} |\n", kind_word(c.kind, w), cell(c.element), cell(c.name), cell(properties_text(c)));
  }
  if (!effect.new_findings.empty() || !effect.gone_findings.empty()) {
    out += "\n";
    for (const auto& d : effect.new_findings) out += fmt::format("- ➕ {}: `{}` {}\n", w.findings_new, d.rule, cell(d.message));
    for (const auto& d : effect.gone_findings) out += fmt::format("- ➖ {}: `{}` {}\n", w.findings_gone, d.rule, cell(d.message));
  }
  auto lines = paths_lines(effect, config, w);
  if (!lines.empty()) out += "\n";
  for (const auto& line : lines) out += "- " + cell(line) + "\n";
  return out;
}

std::string to_html(const std::vector<Change>& changes, const Effect& effect, const check::Config& config, const std::string& old_svg,
                    const std::string& new_svg, const std::string& title) {
  const Words& w = words(config.lang);
  auto esc = [](const std::string& s) { return model::escape_markup(s); };
  std::string lang = config.lang == check::Lang::kk ? "kk" : config.lang == check::Lang::ru ? "ru" : "en";
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + esc(title) +
                    "</title>\n<style>\n"
                    "body{font-family:'Liberation Sans',Arial,sans-serif;margin:1em 2em;color:#1d1f24}\n"
                    ".sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}.sides.overlaid{grid-template-columns:1fr}\n"
                    ".sides.overlaid>div{grid-area:1/1}.sides.overlaid>div:first-child{opacity:.35;pointer-events:none}figure{margin:0;border:1px solid #c8ccd2;height:60vh}\n"
                    "figcaption{font-weight:bold;margin:.3em 0}table{border-collapse:collapse;margin-top:1em}\n"
                    "th,td{border:1px solid #8a8f99;padding:.3em .5em;text-align:left;vertical-align:top}tr[data-element]{cursor:pointer}\n"
                    "tr.selected td{background:#fff3c4}.kind{font-weight:bold}\n";
  for (Kind k : {Kind::added, Kind::removed, Kind::changed, Kind::layout})
    out += fmt::format(".k-{}{{color:{}}}.swatch-{}{{display:inline-block;width:1em;height:1em;border:2px solid {};background:{};vertical-align:middle}}\n",
                       kind_name(k), mark_of(k).colour, kind_name(k), mark_of(k).colour, mark_of(k).fill);
  out += "</style>\n</head>\n<body>\n<h1>" + esc(title) + "</h1>\n<p>";
  for (Kind k : {Kind::added, Kind::removed, Kind::changed, Kind::layout})
    out += fmt::format("<span class=\"swatch-{}\"></span> {} &#160; ", kind_name(k), esc(kind_word(k, w)));
  out += "</p>\n<p><label><input type=\"checkbox\" id=\"overlay\"/> " + esc(w.overlaid) + "</label></p>\n";
  out += "<div class=\"sides\" id=\"sides\">\n<div><figcaption>" + esc(w.old_diagram) + "</figcaption><figure class=\"old\" id=\"old\">" +
         old_svg + "</figure></div>\n<div><figcaption>" + esc(w.new_diagram) + "</figcaption><figure class=\"new\" id=\"new\">" +
         new_svg + "</figure></div>\n</div>\n";
  out += fmt::format("<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", esc(w.kind), esc(w.element), esc(w.what));
  if (changes.empty()) out += "<tr><td colspan=\"3\">" + esc(w.no_changes) + "</td></tr>\n";
  for (const auto& c : changes) {
    std::string side = c.kind == Kind::removed ? "old" : "new";
    std::string old_id = c.kind == Kind::removed ? c.element : c.old_element;
    out += fmt::format("<tr data-element=\"{}\" data-old-element=\"{}\" data-side=\"{}\"><td class=\"kind k-{}\">{}</td><td><code>{}</code> {}</td><td>{}</td></tr>\n",
                       esc(c.kind == Kind::removed ? "" : c.element), esc(old_id), side, kind_name(c.kind), esc(kind_word(c.kind, w)),
                       esc(c.element), esc(c.name), esc(properties_text(c)));
  }
  out += "</tbody>\n</table>\n<ul>\n";
  for (const auto& d : effect.new_findings) out += "<li>+ " + esc(w.findings_new) + ": <code>" + esc(d.rule) + "</code> " + esc(d.message) + "</li>\n";
  for (const auto& d : effect.gone_findings) out += "<li>− " + esc(w.findings_gone) + ": <code>" + esc(d.rule) + "</code> " + esc(d.message) + "</li>\n";
  for (const auto& line : paths_lines(effect, config, w)) out += "<li>" + esc(line) + "</li>\n";
  out += "</ul>\n";
  if (auto viewer = web::find_asset("viewer.js")) {
    out += "<script>\n" + std::string(viewer->bytes) + "\n</script>\n";
    out += "<script>\n(function(){\n"
           "var views={};['old','new'].forEach(function(side){var f=document.getElementById(side);var svg=f.querySelector('svg');"
           "if(!svg||!window.SyzbaViewer)return;var text=new XMLSerializer().serializeToString(svg);f.textContent='';"
           "var v=SyzbaViewer.attach(f);v.setSvg(text);views[side]=v;});\n"
           "document.querySelectorAll('tr[data-side]').forEach(function(tr){tr.addEventListener('click',function(){"
           "document.querySelectorAll('tr.selected').forEach(function(r){r.classList.remove('selected');});tr.classList.add('selected');"
           "if(views['new'])views['new'].highlight(tr.dataset.element?[tr.dataset.element]:[]);"
           "if(views['old'])views['old'].highlight(tr.dataset.oldElement?[tr.dataset.oldElement]:[]);});});\n"
           "document.getElementById('overlay').addEventListener('change',function(e){document.getElementById('sides').classList.toggle('overlaid',e.target.checked);"
           "Object.keys(views).forEach(function(k){views[k].fit();});});\n})();\n</script>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

void add_marks_legend(render::Scene& scene, check::Lang lang, render::TextEngine& text) {
  const Words& w = words(lang);
  render::Element legend;
  legend.type = "diff-marks";
  legend.label = w.legend;
  double x = 20, y = scene.height + 4;
  for (Kind k : {Kind::added, Kind::removed, Kind::changed, Kind::layout}) {
    const Mark& m = mark_of(k);
    render::Shape swatch;
    swatch.geometry = render::Geometry::rect;
    swatch.x = x, swatch.y = y, swatch.width = 28, swatch.height = 18, swatch.corner = 4;
    swatch.fill = m.fill, swatch.stroke = m.colour, swatch.stroke_width = 2;
    legend.items.push_back(swatch);
    auto block = text.wrap(kind_word(k, w), 12, false, 400, 1);
    render::Text label;
    label.font_px = 12, label.color = "#22242a", label.anchor = render::Anchor::start;
    for (auto line : block.lines) {
      line.x = x + 36, line.y += y + 9 - block.height / 2;
      label.lines.push_back(line);
    }
    legend.items.push_back(label);
    x += 36 + block.width + 24;
  }
  scene.elements.push_back(std::move(legend));
  scene.width = std::max(scene.width, x);
  scene.height = y + 18 + 16;
}

}  // namespace syzba::diff
