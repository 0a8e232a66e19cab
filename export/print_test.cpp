// Print (render::render_print, exporter::to_pdf of its pages): every model of models/ and
// generated chains of 50 and 200 steps on A4 landscape (and A3): how many pages, text at least
// 7 pt, nothing cut by a page edge, every task whole on one page (read back by pdftotext),
// link events in pairs of the same name, the title and "page N of M" on every page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <unistd.h>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "export/export.h"
#include "io/io.h"
#include "layout/layout.h"
#include "render/render.h"
#include "scene_support.h"

namespace {

using namespace syzba;
namespace fs = std::filesystem;

struct Print {
  render::Printed printed;
  exporter::Result pdf;
  int tasks = 0, flow_nodes = 0;
  std::set<std::string> task_ids;
  std::map<std::string, std::string> task_names;
};

void count(const model::Container& c, Print& p) {
  for (const auto& n : c.nodes) {
    if (n.kind == model::NodeKind::boundary_event) continue;
    ++p.flow_nodes;
    if (model::is_activity(n.kind)) {
      ++p.tasks;
      p.task_ids.insert(n.id);
      p.task_names[n.id] = n.name;
    }
    count(n.content, p);
  }
}

// As `syzba render --page A4 --landscape` does it (pipeline::draw).
Print print(model::Definitions defs, render::TextEngine& text, bool a3, bool landscape = true) {
  Print p;
  for (const auto& process : defs.processes) count(process.content, p);
  layout::Options layout_options;
  layout_options.measure = text.measure();
  layout_options.keep_incomplete = true;
  REQUIRE(layout::lay_out(defs, layout_options).error.empty());
  render::Options options;
  options.lang = render::lang_from_name(model::language_of(defs)).value_or(render::Lang::kk);
  p.printed = render::render_print(defs, options, render::page_spec(a3, landscape), text,
                                   render::print_relayout(text, layout_options));
  INFO(p.printed.error);
  REQUIRE(p.printed.error.empty());
  p.pdf = exporter::to_pdf(p.printed);
  REQUIRE(p.pdf.error.empty());
  return p;
}

// Lines of text of two different elements on one page that overlap (more than a pixel each
// way): a label written over another one.
std::vector<std::string> label_overlaps(const render::Scene& scene) {
  struct Box {
    double x0, y0, x1, y1;
    std::size_t element;
    std::string text;
  };
  std::vector<Box> boxes;
  for (std::size_t k = 0; k < scene.elements.size(); ++k)
    for (const auto& item : scene.elements[k].items)
      if (const auto* t = std::get_if<render::Text>(&item))
        for (const auto& l : t->lines) {
          if (t->vertical || l.text.empty()) continue;
          double left = t->anchor == render::Anchor::middle ? l.x - l.width / 2 : l.x;
          boxes.push_back({left, l.y - 0.8 * t->font_px, left + l.width, l.y + 0.2 * t->font_px, k, l.text});
        }
  std::vector<std::string> found;
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const Box &a = boxes[i], &b = boxes[j];
      if (a.element == b.element) continue;
      if (std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > 1 && std::min(a.y1, b.y1) - std::max(a.y0, b.y0) > 1) {
        found.push_back(fmt::format("'{}' ({}) over '{}' ({} {})", a.text, scene.elements[a.element].type, b.text,
                                    scene.elements[b.element].type, scene.elements[b.element].id));
      }
    }
  return found;
}

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

// The text of each page of a PDF, as pdftotext reads it in drawing order (-raw: labels side by
// side are not interleaved), without white space.
std::vector<std::string> page_texts(const std::string& pdf, int pages) {
  fs::path file = fs::temp_directory_path() / fmt::format("syzba-print-test-{}.pdf", ::getpid());
  {
    std::ofstream out(file, std::ios::binary);
    out << pdf;
  }
  std::vector<std::string> texts;
  for (int n = 1; n <= pages; ++n) {
    auto run = test::run_command(fmt::format("pdftotext -raw -f {0} -l {0} -enc UTF-8 '{1}' - 2>/dev/null", n, file.string()));
    texts.push_back(squeeze(run.out));
  }
  auto info = test::run_command("pdfinfo '" + file.string() + "'");
  auto at = info.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  CHECK(std::stoi(info.out.substr(at + 6)) == pages);
  fs::remove(file);
  return texts;
}

// The hard rules of a printed diagram; returns the smallest text printed, in pt.
double check_pages(const Print& p, const model::Definitions& defs) {
  const auto& printed = p.printed;
  REQUIRE(!printed.pages.empty());
  double avail_w = printed.width_pt - 2 * printed.margin_pt, avail_h = printed.height_pt - 2 * printed.margin_pt;
  std::map<std::string, int> drawn;  // task id → pages it is drawn on
  std::map<std::string, std::vector<std::string>> links;  // link name → the event types drawn with it
  double smallest = 1e9;
  std::vector<std::string> overlaps, over_icons;  // labels over labels; text over a task's type icon
  std::map<std::string, std::string> frames;  // pools and lanes drawn on the first page
  for (const auto& e : printed.pages.front().scene.elements)
    if (e.type == "lane" || e.type == "participant") frames[e.id] = e.label;
  for (std::size_t n = 0; n < printed.pages.size(); ++n) {
    const auto& page = printed.pages[n];
    INFO("page " << n + 1);
    // The page's scene lies inside the margins: nothing is cut by the page's edge.
    CHECK(page.scene.width * page.scale <= avail_w + 0.5);
    CHECK(page.scene.height * page.scale <= avail_h + 0.5);
    // Drawn in the fonts it was measured in (a page without them gets Pango's default, wider).
    CHECK(page.scene.pango_family == render::TextEngine::pango_family());
    for (const auto& e : page.scene.elements) {
      if (p.task_ids.count(e.id)) ++drawn[e.id];
      if (e.type == "intermediateThrowEvent" || e.type == "intermediateCatchEvent")
        if (e.id.rfind("syzba-print-link-", 0) == 0) links[e.id.substr(0, e.id.rfind('-'))].push_back(e.type);
      for (const auto& item : e.items) {
        if (const auto* t = std::get_if<render::Text>(&item)) {
          smallest = std::min(smallest, t->font_px * page.scale);
          for (const auto& l : t->lines) {
            if (t->vertical) continue;
            double left = t->anchor == render::Anchor::middle ? l.x - l.width / 2 : l.x;
            CHECK(left >= -0.5);
            CHECK(left + l.width <= page.scene.width + 0.5);
            CHECK(l.y <= page.scene.height + 0.5);
          }
        } else {
          const auto& s = std::get<render::Shape>(item);
          if (s.geometry != render::Geometry::path) {
            CHECK(s.x >= -1);
            CHECK(s.x + s.width <= page.scene.width + 1);
          }
        }
      }
    }
    for (const auto& o : label_overlaps(page.scene)) overlaps.push_back(fmt::format("page {}: {}", n + 1, o));
    for (const auto& o : test::text_over_icons(page.scene)) over_icons.push_back(fmt::format("page {}: {}", n + 1, o));
    if (printed.pages.size() > 1) {
      const auto& header = page.scene.elements.front();
      CHECK(header.type == "title");
    }
    // Every pool and lane repeated, with its title, on each page of the diagram.
    std::map<std::string, std::string> frames_here;
    for (const auto& e : page.scene.elements)
      if (e.type == "lane" || e.type == "participant") frames_here[e.id] = e.label;
    if (!frames_here.empty())
      for (const auto& [id, name] : frames) {
        INFO("lane or pool " << id);
        CHECK(frames_here.count(id) == 1);
      }
  }
  // Under 7 pt only with the warning that says so (the callers count those).
  if (smallest < 7 - 1e-6) CHECK(printed.warning.find("too tall for the page") != std::string::npos);
  // Every task drawn once, whole, on one page.
  for (const auto& id : p.task_ids) {
    INFO(id);
    CHECK(drawn[id] == 1);
  }
  // Link events come in pairs: a throw and its catch.
  for (const auto& [name, types] : links) {
    INFO(name);
    CHECK(types.size() == 2);
  }
  CHECK(static_cast<int>(links.size()) == printed.links);
  // Each task's label found whole on one page of the PDF.
  auto texts = page_texts(p.pdf.bytes, p.pdf.pages);
  for (const auto& [id, name] : p.task_names) {
    std::string want = squeeze(render::displayable(name, 300));
    if (want.empty()) continue;
    int found = 0;
    for (const auto& t : texts) found += t.find(want) != std::string::npos;
    INFO(id << ": " << name);
    CHECK(found >= 1);
  }
  // The page numbers in the diagram's language.
  if (p.pdf.pages > 1) {
    std::string lang(model::language_of(defs));
    std::string last = lang == "ru" ? fmt::format("стр.{0}из{0}", p.pdf.pages)
                       : lang == "en" ? fmt::format("page{0}of{0}", p.pdf.pages)
                                      : fmt::format("{0}-бет,барлығы{0}", p.pdf.pages);
    CHECK(texts.back().find(last) != std::string::npos);
  }
  // No label written over another one (14 on models/ before the label places were widened).
  INFO(fmt::format("{}", fmt::join(overlaps, "; ")));
  CHECK(overlaps.empty());
  INFO(fmt::format("{}", fmt::join(over_icons, "; ")));
  CHECK(over_icons.empty());
  return smallest;
}

// A chain of n steps in three lanes, without DI: runs of three steps per lane, a check every
// ten steps whose refusal ends the process.
std::string chain(int n) {
  std::string nodes, flows, refs[3];
  const char* lanes[] = {"Көрсетілетін қызметті беруші кеңсесі", "Көрсетілетін қызметті берушінің басшысы",
                         "Көрсетілетін қызметті берушінің жауапты орындаушысы"};
  nodes += R"(<startEvent id="start" name="Өтініш түсті"/>)";
  refs[0] += "<flowNodeRef>start</flowNodeRef>";
  std::string previous = "start";
  int f = 0;
  for (int i = 1; i <= n; ++i) {
    int lane = (i / 3) % 3;
    std::string id = fmt::format("step{}", i);
    nodes += fmt::format(R"(<userTask id="{}" name="{}-іс-қимыл: құжаттарды қарау және келісу"/>)", id, i);
    refs[lane] += fmt::format("<flowNodeRef>{}</flowNodeRef>", id);
    flows += fmt::format(R"(<sequenceFlow id="f{}" sourceRef="{}" targetRef="{}"/>)", f++, previous, id);
    previous = id;
    if (i % 10 == 0 && i < n) {
      std::string g = fmt::format("check{}", i), end = fmt::format("refused{}", i);
      nodes += fmt::format(R"(<exclusiveGateway id="{}" name="Құжаттар толық па?"/><endEvent id="{}" name="Бас тарту"/>)", g, end);
      refs[lane] += fmt::format("<flowNodeRef>{}</flowNodeRef><flowNodeRef>{}</flowNodeRef>", g, end);
      flows += fmt::format(R"(<sequenceFlow id="f{}" sourceRef="{}" targetRef="{}"/>)", f++, previous, g);
      flows += fmt::format(R"(<sequenceFlow id="f{}" name="Жоқ" sourceRef="{}" targetRef="{}"/>)", f++, g, end);
      previous = g;
    }
  }
  nodes += R"(<endEvent id="done" name="Нәтиже берілді"/>)";
  refs[0] += "<flowNodeRef>done</flowNodeRef>";
  flows += fmt::format(R"(<sequenceFlow id="f{}" sourceRef="{}" targetRef="done"/>)", f++, previous);
  std::string lane_set;
  for (int l = 0; l < 3; ++l) lane_set += fmt::format(R"(<lane id="lane{}" name="{}">{}</lane>)", l, lanes[l], refs[l]);
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="chain" name="Тізбек {0} қадам" targetNamespace="https://syzba.kz/test">
<process id="p"><laneSet id="ls">{1}</laneSet>{2}{3}</process></definitions>)",
                     n, lane_set, nodes, flows);
}

}  // namespace

TEST_CASE("print: every model on A4 landscape, cut between steps, text at least 7 pt", "[print][export]") {
  render::TextEngine text;
  int over = 0, small = 0;
  std::string figures;
  for (const auto& file : test::bpmn_files(test::fixtures().parent_path().parent_path() / "models")) {
    INFO(file);
    auto read = io::read_bpmn_file(file.string());
    REQUIRE(read.definitions);
    Print a4 = print(*read.definitions, text, false);
    double a4_pt = check_pages(a4, *read.definitions);
    small += a4_pt < 7 - 1e-6;
    Print a3 = print(*read.definitions, text, true);
    check_pages(a3, *read.definitions);
    // No message flow crosses a cut on these (they run between pools in one column).
    CHECK(a4.printed.undrawn == 0);
    CHECK(a3.printed.undrawn == 0);
    figures += fmt::format("{}: {} flow nodes, A4 {} pages (text {:.1f} pt), A3 {}\n", file.filename().string(),
                           a4.flow_nodes, a4.pdf.pages, a4_pt, a3.pdf.pages);
    // The issue's goal: up to 20 flow nodes on one A4 page, the others on at most two, A3 one.
    bool goal = a4.pdf.pages <= (a4.flow_nodes <= 20 ? 1 : 2) && a3.pdf.pages == 1;
    over += !goal;
  }
  UNSCOPED_INFO(figures);
  // Pinned at what the print layout reaches today: 9 of 17 above the goal (12 to 19 nodes on 2
  // A4 pages, the handbooks of 6 to 8 lanes on 3 to 5; see issue 23); lower it as the layout
  // gets better. The tiling before it: 72 A4 pages for the 17 models, 34 on A3, text under 7 pt.
  CHECK(over <= 9);
  // Text at 7 pt on every model: a handbook of more lanes than a slice of the diagram holds is
  // printed by parts, each laid out for the page (5 of 17 printed at 4.4 to 6.6 pt before).
  CHECK(small == 0);
  WARN(figures << over << " models above the goal, " << small << " printed under 7 pt");
}

TEST_CASE("print: generated chains of 50 and 200 steps continue page to page with link events", "[print][export]") {
  render::TextEngine text;
  for (int n : {50, 200}) {
    INFO(n << " steps");
    auto read = io::read_bpmn(chain(n));
    REQUIRE(read.definitions);
    Print p = print(*read.definitions, text, false);
    CHECK(check_pages(p, *read.definitions) >= 7 - 1e-6);  // three lanes: always 7 pt
    CHECK(p.pdf.pages > 1);
    CHECK(p.printed.links >= p.pdf.pages - 2);
    // A cut crosses the main path only: about one link pair per slice, not one per flow.
    CHECK(p.printed.links <= n / 3);
    WARN(n << " steps: " << p.pdf.pages << " A4 pages, " << p.printed.links << " link pairs");
  }
  // On A3 the 200 steps go by parts at 7 pt: 9 pages (8 while a hand-over after each check
  // kept the column its refusal end stands in, and went round it). A part drawn with its link
  // events' real names came out up to 24 px wider than measured, its page printed at 6.9 pt,
  // and the compact layout's slices (10 pages) won, until print cut again to a room that much
  // smaller.
  auto read = io::read_bpmn(chain(200));
  REQUIRE(read.definitions);
  Print a3 = print(*read.definitions, text, true);
  CHECK(check_pages(a3, *read.definitions) >= 7 - 1e-6);
  CHECK(a3.pdf.pages <= 9);
}

TEST_CASE("print: the link pair's names say the page the other end is on", "[print][export]") {
  render::TextEngine text;
  auto read = io::read_bpmn(chain(50));
  REQUIRE(read.definitions);
  Print p = print(*read.definitions, text, false);
  REQUIRE(p.pdf.pages >= 2);
  auto texts = page_texts(p.pdf.bytes, p.pdf.pages);
  bool onward = false, back = false;
  for (const auto& t : texts) {
    onward = onward || t.find("2-беттежалғасы") != std::string::npos || t.find("төменде") != std::string::npos;
    back = back || t.find("басы1-бетте") != std::string::npos || t.find("басыжоғарыда") != std::string::npos;
  }
  CHECK(onward);
  CHECK(back);
  // The title on every page.
  for (const auto& t : texts) CHECK(t.find("Тізбек50қадам") != std::string::npos);
}

TEST_CASE("print: syzba render --page A4 --landscape lays out for print, --tile tiles as before", "[print][export][cli]") {
  fs::path model = test::fixtures().parent_path().parent_path() / "models" / "004-child-benefit-main-1.bpmn";
  fs::path out = fs::temp_directory_path() / fmt::format("syzba-print-cli-{}.pdf", ::getpid());
  auto pages = [&](const std::string& args) {
    auto run = test::run_syzba("render " + test::quoted(model) + " -o " + test::quoted(out) + " " + args + " 2>/dev/null");
    REQUIRE(run.exit_code == 0);
    auto info = test::run_command("pdfinfo " + test::quoted(out));
    auto at = info.out.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(info.out.substr(at + 6));
  };
  int printed = pages("--page A4 --landscape");
  int tiled = pages("--page A4 --landscape --tile");
  CHECK(printed >= 1);
  CHECK(printed < tiled);  // the tiles of a scaled picture (4 today) against pages cut between steps
  CHECK(pages("--page fit") == 1);
  fs::remove(out);
}

TEST_CASE("print by parts: a handbook of eight lanes at 7 pt, the same bytes every time", "[print][export]") {
  render::TextEngine text;
  fs::path model = test::fixtures().parent_path().parent_path() / "models" / "004-child-benefit-center.bpmn";
  auto read = io::read_bpmn_file(model.string());
  REQUIRE(read.definitions);
  layout::Options layout_options;
  layout_options.measure = text.measure();
  layout_options.keep_incomplete = true;
  REQUIRE(layout::lay_out(*read.definitions, layout_options).error.empty());
  model::Definitions laid = *read.definitions;
  auto once = [&] {
    auto printed = render::render_print(laid, render::Options{}, render::page_spec(false, true), text,
                                        render::print_relayout(text, layout_options));
    REQUIRE(printed.error.empty());
    CHECK(printed.relaid_out);
    CHECK(printed.scale * 12 >= 7 - 1e-6);  // the slices of its own layout printed it at 4.9 pt
    CHECK(printed.links > 0);
    return exporter::to_pdf(printed).bytes;
  };
  std::string first = once();
  CHECK(once() == first);
}

namespace {

// Two pools: a long chain in the office's, and a reviewer's pool that is asked at the first
// step and answers at the last one (the answer's message crosses every cut of the chain).
std::string asked_and_answered(int n) {
  std::string nodes, flows;
  nodes += R"(<startEvent id="start" name="Өтініш түсті"/>)";
  std::string previous = "start";
  for (int i = 1; i <= n; ++i) {
    nodes += fmt::format(R"(<task id="a{0}" name="{0}-іс-қимыл: құжаттарды қарау"/>)", i);
    flows += fmt::format(R"(<sequenceFlow id="fa{0}" sourceRef="{1}" targetRef="a{0}"/>)", i, previous);
    previous = fmt::format("a{}", i);
  }
  nodes += R"(<endEvent id="done" name="Нәтиже берілді"/>)";
  flows += fmt::format(R"(<sequenceFlow id="fdone" sourceRef="{}" targetRef="done"/>)", previous);
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="asked" name="Сұрау мен жауап" targetNamespace="https://syzba.kz/test">
<collaboration id="c">
  <participant id="office" name="Кеңсе" processRef="p"/>
  <participant id="reviewer" name="Сарапшы" processRef="r"/>
  <messageFlow id="ask" name="Сұрау" sourceRef="a1" targetRef="review"/>
  <messageFlow id="answer" name="Жауап" sourceRef="review" targetRef="a{0}"/>
</collaboration>
<process id="p">{1}{2}</process>
<process id="r"><startEvent id="rs"/><task id="review" name="Сараптама"/><endEvent id="re"/>
  <sequenceFlow id="r1" sourceRef="rs" targetRef="review"/><sequenceFlow id="r2" sourceRef="review" targetRef="re"/></process>
</definitions>)",
                     n, nodes, flows);
}

}  // namespace

TEST_CASE("print by parts: a message to a step on another page runs to that step's pool on both pages", "[print][export]") {
  render::TextEngine text;
  auto read = io::read_bpmn(asked_and_answered(40));
  REQUIRE(read.definitions);
  Print p = print(*read.definitions, text, false);
  REQUIRE(p.pdf.pages >= 2);
  CHECK(p.printed.undrawn == 0);
  CHECK(p.printed.warning.find("not drawn") == std::string::npos);
  // The answer leaves the reviewer on one page and reaches the last step on another.
  std::set<std::size_t> pages_with_answer;
  for (std::size_t n = 0; n < p.printed.pages.size(); ++n)
    for (const auto& e : p.printed.pages[n].scene.elements)
      if (e.type == "messageFlow" && e.id == "answer") pages_with_answer.insert(n);
  CHECK(pages_with_answer.size() == 2);
  check_pages(p, *read.definitions);
}
