// render: text wrapping with Pango, the notation table covering every MIWG element, labels
// inside their shapes, the legend's rows and vocabulary, durations, colours, themes, and
// hostile labels bounded.
#include <catch2/catch.hpp>
#include <pango/pangocairo.h>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "io/io.h"
#include "render/draw.h"
#include "render/legend.h"
#include "render/render.h"
#include "scene_support.h"

namespace {

using namespace syzba;
using render::Element;
using render::Scene;
using render::Shape;
using render::Text;

using test::draw_scene;
using test::read_model;

const Element* find(const Scene& scene, const std::string& id) {
  for (const auto& e : scene.elements)
    if (e.id == id) return &e;
  return nullptr;
}

std::vector<const Text*> texts(const Element& e) {
  std::vector<const Text*> out;
  for (const auto& item : e.items)
    if (const auto* t = std::get_if<Text>(&item)) out.push_back(t);
  return out;
}

std::string all_text(const Element& e) {
  std::string s;
  for (const auto* t : texts(e))
    for (const auto& l : t->lines) s += l.text + "\n";
  return s;
}

std::set<std::string> legend_captions(const Scene& scene) {
  std::set<std::string> out;
  for (const auto& e : scene.elements)
    if (e.type == "legend")
      for (const auto* t : texts(e))
        for (const auto& l : t->lines) out.insert(l.text);
  return out;
}

}  // namespace

TEST_CASE("Pango wraps Kazakh labels inside the width, at word breaks, and bounds them", "[render][text]") {
  render::TextEngine text;
  CHECK(text.covers("ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"));
  CHECK(text.covers("Условные обозначения"));

  std::string label = "Әлеуметтік көмек тағайындау туралы шешімнің жобасын дайындау";
  auto block = text.wrap(label, 12, false, 90);
  REQUIRE(block.lines.size() >= 3);
  std::string joined;
  for (const auto& l : block.lines) {
    CHECK(l.width <= 90.5);
    CHECK_FALSE(l.text.empty());
    joined += (joined.empty() ? "" : " ") + l.text;
  }
  CHECK(joined == label);  // broken only at spaces: nothing lost, nothing hyphenated
  CHECK(block.height == Approx(block.lines.size() * 14.4));

  // A word longer than the line is broken between letters, with a hyphen.
  std::string long_word;
  for (int i = 0; i < 40; ++i) long_word += "Ә";
  auto word = text.wrap(long_word, 12, false, 60);
  REQUIRE(word.lines.size() > 1);
  CHECK(word.lines.front().text.back() == '-');

  // At most max_lines, the last ending with an ellipsis, still inside the width.
  auto bounded = text.wrap(std::string(10000, 'a'), 12, false, 90, 3);
  CHECK(bounded.lines.size() == 3);
  CHECK(bounded.truncated);
  CHECK_THAT(bounded.lines.back().text, Catch::EndsWith("\xE2\x80\xA6"));
  for (const auto& l : bounded.lines) CHECK(l.width <= 90.5);

  // Controls that would reorder the text on screen are not drawn.
  auto bidi = text.wrap("abc\xE2\x80\xAE" "def\xE2\x81\xA6g", 12, false, 500);
  REQUIRE(bidi.lines.size() == 1);
  CHECK(bidi.lines[0].text == "abcdefg");

  // The author's line breaks are kept; other controls are spaces.
  auto breaks = text.wrap("Approver to \r\nbe\tassigned", 12, false, 500);
  REQUIRE(breaks.lines.size() == 2);
  CHECK(breaks.lines[0].text == "Approver to");
  CHECK(breaks.lines[1].text == "be assigned");

  // The layout measures labels as they are drawn (bpmn-js's lines), widths to whole pixels.
  auto drawn = text.wrap_label(label, 12, 90);
  auto size = text.measure()(label, 12, 90);
  CHECK(size.width == Approx(std::ceil(drawn.width)));
  CHECK(size.height == Approx(drawn.height));
}

TEST_CASE("what the engine keeps (blocks, widths, baselines) is what it measures afresh, in any order", "[render][text]") {
  const std::vector<std::string> labels = {"Өтінішті қабылдау", "Өтінішті қабылдау және тіркеу", "Check for Fraud",
                                           "Проверка документов на полноту", "Yes", "A", "Өтінішті"};
  auto blocks = [&](render::TextEngine& engine, bool reversed) {
    std::vector<std::string> order = labels;
    if (reversed) std::reverse(order.begin(), order.end());
    std::map<std::string, std::string> out;
    for (const auto& text : order)
      for (double width : {40.0, 86.0, 200.0}) {
        std::string line;
        for (const auto& b : {engine.wrap_label(text, 11, width), engine.wrap(text, 12, false, width), engine.wrap(text, 12, true, width, 2)}) {
          for (const auto& l : b.lines) line += l.text + "|" + std::to_string(l.y) + "|" + std::to_string(l.width) + ";";
          line += std::to_string(b.width) + "/" + std::to_string(b.height) + (b.truncated ? "…" : "") + "\n";
        }
        out[text + "@" + std::to_string(width)] = line;
      }
    return out;
  };
  render::TextEngine warm, fresh;
  auto first = blocks(warm, false);
  CHECK(blocks(warm, true) == first);  // from the caches
  CHECK(blocks(fresh, true) == first);
}

TEST_CASE("labels are broken into the lines bpmn-js makes of them", "[render][text]") {
  render::TextEngine text;
  auto lines = [&](std::string_view s, double px, double width) {
    std::vector<std::string> out;
    for (const auto& l : text.wrap_label(s, px, width).lines) out.push_back(l.text);
    return out;
  };
  // Chromium measures "Check for connected" at 11 px as 100.89 px: it fits a box of 101.
  CHECK(lines("Check for connected clients", 11, 101) == std::vector<std::string>{"Check for connected", "clients"});
  CHECK(lines("Receive customer request", 11, 129) == std::vector<std::string>{"Receive customer request"});
  // Hyphens break too; a word too long for the box is cut between letters, without a hyphen.
  CHECK(lines("Non-Interrupting", 11, 60) == std::vector<std::string>{"Non-", "Interrupting"});
  CHECK(lines("No", 11, 10) == std::vector<std::string>{"N", "o"});
  // The author's breaks are kept; the first baseline is at 3/4 of the line height.
  auto block = text.wrap_label("a\nb", 12, 100);
  REQUIRE(block.lines.size() == 2);
  CHECK(block.lines[0].y == Approx(10.8));
  CHECK(block.lines[1].y == Approx(25.2));
}

TEST_CASE("every element of every MIWG reference is drawn by the notation table", "[render][miwg]") {
  render::TextEngine text;
  for (const auto& file : test::miwg_files()) {
    INFO(file.filename());
    model::Definitions defs = read_model(file);
    render::Catalog catalog = render::make_catalog(defs);
    std::set<std::string> without_notation;
    for (const auto& d : defs.diagrams)
      for (const auto& e : d.plane.elements) {
        auto it = catalog.find(e.element);
        if (it == catalog.end() || e.kind != model::DiKind::shape) continue;
        Element out;
        render::DrawContext ctx{text};
        if (!render::draw_shape(ctx, it->second, {0, 0, e.bounds.width, e.bounds.height}, {}, out))
          without_notation.insert(it->second.type);
      }
    CHECK(without_notation.empty());

    Scene scene = draw_scene(defs, text);
    CHECK(scene.width > 0);
    CHECK(scene.height > 0);
    // Each BPMN element of the chosen diagram has its group, with its id and type.
    int groups = 0;
    for (const auto& e : scene.elements)
      if (!e.id.empty()) {
        ++groups;
        CHECK(catalog.count(e.id) == 1);
        CHECK(catalog.at(e.id).type == e.type);
      }
    CHECK(groups > 0);
  }
}

TEST_CASE("labels stay inside their tasks; the page holds everything drawn", "[render][miwg]") {
  render::TextEngine text;
  auto files = test::miwg_files();
  files.push_back(test::fixtures() / "layout" / "lanes.bpmn");
  files.push_back(test::fixtures() / "render" / "hostile-labels.bpmn");
  for (const auto& file : files) {
    INFO(file.filename());
    Scene scene = draw_scene(read_model(file), text);
    for (const auto& e : scene.elements) {
      bool task = e.type.size() >= 4 && (e.type.substr(e.type.size() - 4) == "Task" || e.type == "task");
      const Shape* box = nullptr;
      for (const auto& item : e.items)
        if (const auto* s = std::get_if<Shape>(&item); s && !box && s->geometry == render::Geometry::rect) box = s;
      for (const auto* t : texts(e))
        for (const auto& l : t->lines) {
          INFO(e.id << ": '" << l.text << "'");
          if (!t->vertical) {
            CHECK(l.x - (t->anchor == render::Anchor::middle ? l.width / 2 : 0) >= -0.5);
            CHECK(l.x + l.width <= scene.width + l.width / 2 + 0.5);
            CHECK(l.y <= scene.height);
          }
          if (task && box) {
            CHECK(l.x - l.width / 2 >= box->x - 0.5);
            CHECK(l.x + l.width / 2 <= box->x + box->width + 0.5);
            CHECK(l.y - t->font_px * 0.8 >= box->y - 0.5);
            CHECK(l.y <= box->y + box->height + 0.5);
          }
        }
    }
  }
}

TEST_CASE("the legend has a row for each kind of symbol used, in the regulations' words", "[render][legend]") {
  render::TextEngine text;
  SECTION("a handbook (lanes, no message flows) takes the handbook vocabulary") {
    Scene scene = draw_scene(read_model(test::fixtures() / "layout" / "lanes.bpmn"), text);
    auto captions = legend_captions(scene);
    CHECK(captions.count("Шартты белгілер"));
    std::string all;
    for (const auto& c : captions) all += c + " ";
    CHECK_THAT(all, Catch::Contains("Мемлекеттік қызмет көрсетудің басталуы") && Catch::Contains("Келесі рәсімге") &&
                        Catch::Contains("реттілік"));
    CHECK_THAT(all, !Catch::Contains("Хабарламалар ағыны"));  // no message flow in this diagram
  }
  SECTION("a functional diagram (pools, message flows) in three languages") {
    auto defs = read_model(test::fixtures() / "layout" / "collaboration.bpmn");
    for (auto [lang, title, flow] : {std::tuple{render::Lang::kk, "Шартты белгілер", "Хабарламалар ағыны"},
                                     std::tuple{render::Lang::ru, "Условные обозначения", "Поток сообщений"},
                                     std::tuple{render::Lang::en, "Legend", "Message flow"}}) {
      render::Options options;
      options.lang = lang;
      auto captions = legend_captions(draw_scene(defs, text, options));
      CHECK(captions.count(title));
      CHECK(captions.count(flow));
    }
  }
  SECTION("rows follow the kinds used, and none without a caption") {
    std::set<std::string> used{"start:message", "end:error", "exclusiveGateway", "messageFlow", "throw:escalation",
                               "start:link"};
    auto rows = render::legend_rows(used, false, render::Lang::kk);
    REQUIRE(rows.size() == used.size());
    CHECK(rows[0].caption == "Бастапқы хабарлама");
    for (const auto& r : rows) CHECK_FALSE(r.caption.empty());
    CHECK(render::legend_rows(used, false, render::Lang::en)[0].caption == "Start message");
  }
  SECTION("--legend none draws none") {
    render::Options options;
    options.legend = false;
    CHECK(legend_captions(draw_scene(read_model(test::fixtures() / "layout" / "lanes.bpmn"), text, options)).empty());
  }
}

TEST_CASE("durations show under task labels in the chosen language, and can be left out", "[render]") {
  render::TextEngine text;
  auto defs = read_model(test::fixtures() / "layout" / "lanes.bpmn");
  Scene kk = draw_scene(defs, text);
  REQUIRE(find(kk, "register"));
  CHECK_THAT(all_text(*find(kk, "register")), Catch::Contains("15 мин"));
  CHECK(find(kk, "register")->detail == "Кеңсе · 15 мин");
  render::Options en;
  en.lang = render::Lang::en;
  CHECK_THAT(all_text(*find(draw_scene(defs, text, en), "register")), Catch::Contains("15 min"));
  render::Options off;
  off.durations = false;
  CHECK_THAT(all_text(*find(draw_scene(defs, text, off), "register")), !Catch::Contains("мин"));
  model::Duration days{4, model::TimeUnit::working_day, ""};
  CHECK(render::short_duration(days, render::Lang::kk) == "4 жұмыс күні");
  CHECK(render::short_duration(days, render::Lang::ru) == "4 раб. дн.");
  CHECK(render::short_duration({1.5, model::TimeUnit::hour, ""}, render::Lang::ru) == "1,5 ч");
}

TEST_CASE("DI colours are used when they are colours, never otherwise; bw prints black", "[render]") {
  render::TextEngine text;
  auto defs = read_model(test::fixtures() / "render" / "hostile-labels.bpmn");
  Scene scene = draw_scene(defs, text);
  const Element* amp = find(scene, "amp");
  REQUIRE(amp);
  const Shape& box = std::get<Shape>(amp->items.front());
  CHECK(box.stroke == "#cc0000");  // bioc:stroke="#c00"
  CHECK(box.fill == "#ffffff");    // bioc:fill="url(javascript:…)" is not a colour
  render::Options bw;
  bw.theme = render::Theme::black_and_white;
  for (const auto& e : draw_scene(defs, text, bw).elements)
    for (const auto& item : e.items)
      if (const auto* s = std::get_if<Shape>(&item); s && !s->stroke.empty()) CHECK(s->stroke == "#000000");
}

TEST_CASE("hostile labels are bounded inside their shapes and tooltips", "[render][hostile]") {
  render::TextEngine text;
  Scene scene = draw_scene(read_model(test::fixtures() / "render" / "hostile-labels.bpmn"), text);
  const Element* long_word = find(scene, "long");
  REQUIRE(long_word);
  auto lines = texts(*long_word);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]->lines.size() <= 5);
  CHECK_THAT(lines[0]->lines.back().text, Catch::EndsWith("\xE2\x80\xA6"));
  CHECK(long_word->label.size() < 1000);  // the tooltip is cut too
  const Element* amp = find(scene, "amp");
  REQUIRE(amp);
  CHECK(amp->label.find("\xE2\x80\xAE") == std::string::npos);  // no right-to-left override
}

TEST_CASE("a file without a diagram is laid out; an unknown --diagram is an error", "[render]") {
  render::TextEngine text;
  auto defs = read_model(test::fixtures() / "layout" / "nested-lanes.bpmn");
  REQUIRE(defs.diagrams.empty());
  CHECK(draw_scene(defs, text).elements.size() > 5);
  render::Options options;
  options.diagram = "no-such-diagram";
  auto outcome = render::render_scene(defs, options, text);
  CHECK_THAT(outcome.error, Catch::Contains("no diagram 'no-such-diagram'"));
}

// TextEngine measures through pangoft2 (no Cairo for an SVG); the PDF and PNG draw through
// pangocairo. Their widths must agree, also for a glyph no font has, which pangocairo draws as
// a box of hexadecimal digits wider than pangoft2's (the engine measures such text by pangocairo).
TEST_CASE("text is measured as pangocairo draws it, a glyph no font has included", "[render][text]") {
  auto cairo_width = [](const std::string& s, double px, bool bold) {
    PangoFontMap* map = pango_cairo_font_map_new();
    PangoContext* context = pango_font_map_create_context(map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context, 96);
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* d = pango_font_description_from_string(std::string(render::TextEngine::pango_family()).c_str());
    pango_font_description_set_absolute_size(d, px * PANGO_SCALE);
    pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, d);
    pango_layout_set_text(layout, s.data(), static_cast<int>(s.size()));
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    pango_font_description_free(d);
    g_object_unref(layout);
    g_object_unref(context);
    g_object_unref(map);
    return static_cast<double>(logical.width) / PANGO_SCALE;
  };
  render::TextEngine text;
  for (std::string s : {"Өтінішті тіркеу", "Register the application", "\xEE\x80\x80 box", "\xE6\xBC\xA2\xE5\xAD\x97 and \xF0\x9F\x98\x80"})
    for (bool bold : {false, true}) {
      auto block = text.wrap(s, 12, bold, -1);
      REQUIRE(block.lines.size() == 1);
      CHECK(block.lines[0].text == s);
      CHECK(block.lines[0].width == cairo_width(s, 12, bold));
    }
  CHECK_FALSE(text.covers("\xEE\x80\x80"));
}

// Issue 23: a typed task's label ran under its type icon. The layout sizes typed tasks so that
// the label passes right of the icon, begins under it, is shortened beside it or fits under the
// icon row; render places it so (render/notation.cpp, embedded_label).
TEST_CASE("a typed task's text keeps out of its type icon: models as drawn and laid out, MIWG laid out", "[render][icons]") {
  render::TextEngine text;
  std::vector<std::string> over;
  int typed = 0;
  auto look = [&](const std::string& what, const Scene& scene) {
    for (const auto& e : scene.elements) typed += test::has_type_icon(e.type);
    for (const auto& o : test::text_over_icons(scene)) over.push_back(what + ": " + o);
  };
  for (const auto& file : test::bpmn_files(test::fixtures().parent_path().parent_path() / "models")) {
    auto defs = read_model(file);
    look(file.filename().string() + " as drawn", draw_scene(defs, text));
    defs.diagrams.clear();
    look(file.filename().string() + " laid out", draw_scene(std::move(defs), text));
  }
  for (const auto& file : test::miwg_files()) {
    auto defs = read_model(file);
    defs.diagrams.clear();
    look(file.filename().string() + " laid out", draw_scene(std::move(defs), text));
  }
  std::string list;
  for (const auto& o : over) list += o + "\n";
  INFO(list);
  CHECK(typed > 100);
  CHECK(over.empty());
}

TEST_CASE("in a box another tool sized, a typed task's label is shortened beside the icon or moved under it", "[render][icons]") {
  render::TextEngine text;
  auto scene_of = [&](const std::string& type, double w, double h, const std::string& name) {
    std::string xml = fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
<process id="p"><{0} id="t1" name="{3}"/></process>
<bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
<bpmndi:BPMNShape id="s1" bpmnElement="t1"><dc:Bounds x="10" y="10" width="{1}" height="{2}"/></bpmndi:BPMNShape>
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>)", type, w, h, name);
    auto read = io::read_bpmn(xml);
    REQUIRE(read.definitions);
    return draw_scene(std::move(*read.definitions), text);
  };
  std::string name = "Өтініш берушінің құжаттарын тексеру және келісу";
  for (std::string type : {"userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask", "scriptTask"}) {
    INFO(type);
    for (auto [w, h] : {std::pair{100.0, 80.0}, std::pair{120.0, 80.0}, std::pair{160.0, 50.0}, std::pair{100.0, 100.0}}) {
      INFO(w << " x " << h);
      Scene scene = scene_of(type, w, h, name);
      CHECK(test::text_over_icons(scene).empty());
      const Element* task = find(scene, "t1");
      REQUIRE(task != nullptr);
      CHECK(all_text(*task).find("\xE2\x80\xA6") == std::string::npos);  // whole
    }
  }
  // No room beside the icon nor under it: the label stays centred, as bpmn-js draws it.
  Scene low = scene_of("userTask", 60, 40, name);
  CHECK_FALSE(test::text_over_icons(low).empty());
  // A plain task has no icon: its label as before, centred from the top padding.
  Scene plain = scene_of("task", 100, 80, name);
  CHECK(test::text_over_icons(plain).empty());
}

TEST_CASE("an event's label in a box sized for 11 px, drawn at print's 12 px floor, keeps to the box's lines", "[render][text]") {
  // 002 foreigner-certificate employed's start: "Өтініш пен құжаттар" in 56.5 × 26.5 (two lines
  // at 11 px) took three at 12 px and ran 14 px out under its box.
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
<process id="p"><startEvent id="s" name="Өтініш пен құжаттар"/></process>
<bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
<bpmndi:BPMNShape id="s-di" bpmnElement="s"><dc:Bounds x="100" y="100" width="36" height="36"/>
<bpmndi:BPMNLabel><dc:Bounds x="90" y="140" width="56.5" height="26.5"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>)";
  render::TextEngine text;
  auto drawn_at = [&](double floor_px) {
    text.set_min_font_px(floor_px);
    auto read = io::read_bpmn(xml);
    REQUIRE(read.definitions);
    Scene scene = draw_scene(std::move(*read.definitions), text);
    text.set_min_font_px(0);
    return scene;
  };
  auto lines = [&](const Scene& scene) {
    const Element* start = find(scene, "s");
    REQUIRE(start != nullptr);
    std::size_t n = 0;
    for (const auto* t : texts(*start)) n += t->lines.size();
    return n;
  };
  CHECK(lines(drawn_at(0)) == 2);
  Scene scene = drawn_at(12);
  CHECK(lines(scene) == 2);
  // Centred under the event still, as the box is.
  const Element* start = find(scene, "s");
  const Shape* circle = nullptr;
  for (const auto& item : start->items)
    if (const auto* shape = std::get_if<Shape>(&item); shape && !circle) circle = shape;
  REQUIRE(circle != nullptr);
  for (const auto* t : texts(*start))
    for (const auto& l : t->lines) CHECK(std::abs(l.x - (circle->x + circle->width / 2)) < 1);
}

TEST_CASE("wrap_label shortens the first lines to the width beside an icon", "[render][text]") {
  render::TextEngine text;
  std::string label = "Әлеуметтік көмек тағайындау туралы шешімнің жобасын дайындау";
  auto full = text.wrap_label(label, 12, 86);
  auto beside = text.wrap_label(label, 12, 86, 0, 1, 56);
  REQUIRE(beside.lines.size() >= full.lines.size());
  CHECK(beside.lines[0].width <= 56.01);
  CHECK(beside.lines[0].text.size() < full.lines[0].text.size());
  for (std::size_t i = 1; i < beside.lines.size(); ++i) CHECK(beside.lines[i].width <= 86.01);
}
