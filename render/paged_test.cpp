// render::paged_model (`syzba layout --pages`): print's page cut written into the model. On
// models that print on several A4 landscape pages: one diagram per page, as many as print
// draws (the written file printed back draws the same pages, each element drawn where it was), link pairs named and matched,
// every element of the original kept, every flow node and flow on exactly one page, every pool
// and lane on every page, unique ids, the same bytes every time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "io/io.h"
#include "layout/layout.h"
#include "render/render.h"
#include "test_support.h"

namespace {

using namespace syzba;
namespace fs = std::filesystem;

struct Paging {
  model::Definitions laid_out;  // the original, laid out as render does before it prints
  render::PagedModel paged;
  std::string bytes;
};

Paging page(const fs::path& file, render::TextEngine& text) {
  auto read = io::read_bpmn_file(file.string());
  REQUIRE(read.definitions);
  Paging p;
  p.laid_out = *read.definitions;
  layout::Options layout_options;
  layout_options.measure = text.measure();
  layout_options.keep_incomplete = true;
  REQUIRE(layout::lay_out(p.laid_out, layout_options).error.empty());
  render::Options options;
  options.lang = render::lang_from_name(model::language_of(p.laid_out)).value_or(render::Lang::kk);
  p.paged = render::paged_model(p.laid_out, options, render::page_spec(false, true), text,
                                render::print_relayout(text, layout_options));
  INFO(p.paged.error);
  REQUIRE(p.paged.error.empty());
  p.bytes = io::write_bpmn(p.paged.defs);
  return p;
}

// What a reader sees of a model's element on a printed page: its shapes and its text where they
// stand (its tooltip aside: a link event of the written model belongs to a lane, and says so).
// The first half of a cut flow, drawn as "<flow>-to-<link>" by print, is the flow itself in the
// written model.
std::string seen(const render::Element& e) {
  std::string id = e.id;
  if (auto cut = id.find("-to-syzba-print-link-"); cut != std::string::npos && cut > 0) id.resize(cut);
  std::string out = id + " " + e.type + ":";
  for (const auto& item : e.items) {
    if (const auto* shape = std::get_if<render::Shape>(&item)) {
      if (shape->geometry != render::Geometry::path)
        out += fmt::format(" shape {:.1f},{:.1f} {:.1f}x{:.1f}", shape->x, shape->y, shape->width, shape->height);
      for (const auto& op : shape->path) out += fmt::format(" {}{:.1f},{:.1f}", op.op, op.v[0], op.v[1]);
    } else {
      for (const auto& line : std::get<render::Text>(item).lines) out += fmt::format(" «{}» {:.1f},{:.1f}", line.text, line.x, line.y);
    }
  }
  return out;
}

// Each printed page as what the reader sees of the model's elements on it.
std::vector<std::vector<std::string>> printed_pages(const model::Definitions& defs, render::TextEngine& text) {
  layout::Options layout_options;
  layout_options.measure = text.measure();
  layout_options.keep_incomplete = true;
  render::Options options;
  options.lang = render::lang_from_name(model::language_of(defs)).value_or(render::Lang::kk);
  auto printed = render::render_print(defs, options, render::page_spec(false, true), text,
                                      render::print_relayout(text, layout_options));
  REQUIRE(printed.error.empty());
  std::vector<std::vector<std::string>> pages;
  for (const auto& page : printed.pages) {
    pages.emplace_back();
    for (const auto& e : page.scene.elements)
      if (!e.id.empty()) pages.back().push_back(seen(e));
  }
  return pages;
}

bool is_di(model::ElementClass c) {
  using C = model::ElementClass;
  return c == C::diagram || c == C::plane || c == C::di_shape || c == C::di_edge || c == C::di_label || c == C::label_style;
}

std::set<std::string> model_ids(const model::Definitions& defs) {
  std::set<std::string> ids;
  model::for_each_element(defs, [&](const model::BaseElement& e, model::ElementClass c, std::string_view) {
    if (!is_di(c) && !e.id.empty()) ids.insert(e.id);
  });
  return ids;
}

void collect_lanes(const std::vector<model::LaneSet>& sets, std::set<std::string>& lanes) {
  for (const auto& set : sets)
    for (const auto& lane : set.lanes) {
      lanes.insert(lane.id);
      collect_lanes(lane.child_lane_sets, lanes);
    }
}

// How many page diagrams draw each element.
std::map<std::string, int> pages_drawing(const model::Definitions& defs) {
  std::map<std::string, int> pages;
  for (const auto& d : defs.diagrams) {
    std::set<std::string> here;
    for (const auto& di : d.plane.elements) here.insert(di.element);
    for (const auto& id : here) ++pages[id];
  }
  return pages;
}

void check_link_pairs(const Paging& p) {
  std::map<std::string, std::pair<int, int>> by_name;  // link name → throws, catches
  std::map<std::string, std::pair<int, int>> flows_of;  // event id → incoming, outgoing
  for (const auto& process : p.paged.defs.processes) {
    for (const auto& f : process.content.flows) ++flows_of[f.target].first, ++flows_of[f.source].second;
    for (const auto& n : process.content.nodes) {
      bool throwing = n.kind == model::NodeKind::intermediate_throw_event;
      if (!throwing && n.kind != model::NodeKind::intermediate_catch_event) continue;
      if (n.event_definitions.empty() || n.event_definitions.front().kind != model::EventKind::link) continue;
      REQUIRE(n.event_definitions.size() == 1);
      const std::string& link = n.event_definitions.front().name;
      INFO(n.id << " " << n.name << " (link " << link << ")");
      CHECK_FALSE(n.name.empty());
      CHECK_FALSE(link.empty());
      if (throwing) CHECK(n.name == link);
      (throwing ? by_name[link].first : by_name[link].second)++;
    }
  }
  CHECK(by_name.size() == static_cast<std::size_t>(p.paged.links));
  for (const auto& [name, count] : by_name) {
    INFO("link " << name);
    CHECK(count == std::pair<int, int>{1, 1});
  }
  for (const auto& process : p.paged.defs.processes)
    for (const auto& n : process.content.nodes) {
      INFO(n.id);
      bool link = !n.event_definitions.empty() && n.event_definitions.front().kind == model::EventKind::link;
      if (link && n.kind == model::NodeKind::intermediate_throw_event) CHECK(flows_of[n.id] == std::pair<int, int>{1, 0});
      if (link && n.kind == model::NodeKind::intermediate_catch_event) CHECK(flows_of[n.id] == std::pair<int, int>{0, 1});
    }
}

void check_pages(const Paging& p) {
  const model::Definitions& defs = p.paged.defs;
  REQUIRE(p.paged.pages >= 1);
  REQUIRE(defs.diagrams.size() >= static_cast<std::size_t>(p.paged.pages));
  if (p.paged.pages > 1 || render::is_paged(defs))
    for (int k = 0; k < p.paged.pages; ++k) CHECK(defs.diagrams[static_cast<std::size_t>(k)].id == fmt::format("syzba-page-{}", k + 1));
  else
    CHECK(defs.diagrams.size() == p.laid_out.diagrams.size());  // printed whole on one page: its own diagram
  auto drawn = pages_drawing(defs);
  for (const auto& process : defs.processes) {
    for (const auto& n : process.content.nodes) {
      INFO("flow node " << n.id);
      CHECK(drawn[n.id] == 1);
    }
    for (const auto& f : process.content.flows) {
      INFO("sequence flow " << f.id);
      CHECK(drawn[f.id] == 1);
    }
    std::set<std::string> lanes;
    collect_lanes(process.content.lane_sets, lanes);
    for (const auto& lane : lanes) {
      INFO("lane " << lane);
      CHECK(drawn[lane] == p.paged.pages);
    }
  }
  for (const auto& c : defs.collaborations)
    for (const auto& pool : c.participants) {
      INFO("pool " << pool.id);
      CHECK(drawn[pool.id] == p.paged.pages);
    }
}

void check_kept(const Paging& p) {
  std::set<std::string> after = model_ids(p.paged.defs);
  for (const auto& id : model_ids(p.laid_out)) {
    INFO("element " << id);
    CHECK(after.count(id));
  }
  std::map<std::string, int> uses;
  model::for_each_element(p.paged.defs, [&](const model::BaseElement& e, model::ElementClass, std::string_view) {
    if (!e.id.empty()) ++uses[e.id];
  });
  for (const auto& [id, n] : uses) {
    INFO("id " << id);
    CHECK(n == 1);
  }
}

void lane_ids(const std::vector<model::LaneSet>& sets, std::set<std::string>& out) {
  for (const auto& set : sets)
    for (const auto& lane : set.lanes) {
      out.insert(lane.id);
      lane_ids(lane.child_lane_sets, out);
    }
}

// Sequence flows of a written page with a waypoint outside the pool their source stands in (the
// lanes' span where the process has no pool).
int flows_outside_their_pool(const model::Definitions& defs) {
  std::set<std::string> pools, lanes;
  std::map<std::string, std::string> source;
  for (const auto& c : defs.collaborations)
    for (const auto& participant : c.participants) pools.insert(participant.id);
  for (const auto& process : defs.processes) {
    lane_ids(process.content.lane_sets, lanes);
    for (const auto& f : process.content.flows) source[f.id] = f.source;
  }
  int outside = 0;
  for (const auto& d : defs.diagrams) {
    std::map<std::string, model::Bounds> shapes;
    for (const auto& e : d.plane.elements)
      if (e.kind == model::DiKind::shape) shapes[e.element] = e.bounds;
    std::vector<model::Bounds> homes;
    for (const auto& id : pools)
      if (shapes.count(id)) homes.push_back(shapes.at(id));
    if (homes.empty()) {
      model::Bounds span{1e18, 1e18, -1e18, -1e18};  // x0, y0, x1, y1 until the end
      for (const auto& id : lanes)
        if (shapes.count(id)) {
          const auto& b = shapes.at(id);
          span = {std::min(span.x, b.x), std::min(span.y, b.y), std::max(span.width, b.x + b.width), std::max(span.height, b.y + b.height)};
        }
      if (span.x < span.width) homes.push_back({span.x, span.y, span.width - span.x, span.height - span.y});
    }
    auto inside = [](const model::Bounds& b, double x, double y) {
      return x >= b.x - 1 && x <= b.x + b.width + 1 && y >= b.y - 1 && y <= b.y + b.height + 1;
    };
    for (const auto& e : d.plane.elements) {
      auto from = source.find(e.element);
      if (e.kind != model::DiKind::edge || from == source.end() || !shapes.count(from->second)) continue;
      const auto& s = shapes.at(from->second);
      for (const auto& home : homes) {
        if (!inside(home, s.x + s.width / 2, s.y + s.height / 2)) continue;
        INFO(d.id << ": " << e.element);
        bool out = std::any_of(e.waypoints.begin(), e.waypoints.end(), [&](const auto& w) { return !inside(home, w.x, w.y); });
        CHECK_FALSE(out);
        outside += out;
        break;
      }
    }
  }
  return outside;
}

// Event and gateway labels whose text, wrapped again by the renderer within the label's box
// (at the font floor given), takes more lines than the box holds.
int labels_taller_than_their_box(const model::Definitions& defs, render::TextEngine& text, double floor_px) {
  std::map<std::string, std::string> names;
  for (const auto& process : defs.processes)
    for (const auto& n : process.content.nodes)
      if (model::is_event(n.kind) || model::is_gateway(n.kind)) names[n.id] = n.name;
  double old = text.min_font_px();
  text.set_min_font_px(floor_px);
  int taller = 0;
  for (const auto& d : defs.diagrams)
    for (const auto& e : d.plane.elements) {
      auto name = names.find(e.element);
      if (name == names.end() || name->second.empty() || !e.label || !e.label->bounds) continue;
      const auto& box = *e.label->bounds;
      auto block = text.wrap_label(name->second, 11, box.width);
      INFO(d.id << ": " << e.element << " «" << name->second << "» in " << box.width << " x " << box.height);
      CHECK(block.height <= box.height + 0.5);
      taller += block.height > box.height + 0.5;
    }
  text.set_min_font_px(old);
  return taller;
}

}  // namespace

TEST_CASE("an event's label takes no more lines drawn than its laid-out box holds", "[print][paged]") {
  // diagram-js's wrapping (the renderer's) shortens a line in proportion to the box: in a box
  // as wide as "A: 2-бетте" it broke "A: 2-бетте жалғасы" after "2-", three lines in a box of
  // two. The layout widens such a box until the lines come back: on screen (11 px) and at
  // print's densities and 12 px floor, on every model.
  render::TextEngine text;
  int taller = 0;
  for (const auto& file : test::bpmn_files(test::fixtures().parent_path().parent_path() / "models")) {
    INFO(file.filename().string());
    for (auto density : {layout::Density::screen, layout::Density::compact, layout::Density::page_part, layout::Density::page_stacked}) {
      INFO("density " << static_cast<int>(density));
      double floor_px = density == layout::Density::screen ? 0 : 12;
      auto read = io::read_bpmn_file(file.string());
      REQUIRE(read.definitions);
      text.set_min_font_px(floor_px);
      layout::Options options;
      options.relayout = true;
      options.measure = text.measure();
      options.density = density;
      REQUIRE(layout::lay_out(*read.definitions, options).error.empty());
      text.set_min_font_px(0);
      taller += labels_taller_than_their_box(*read.definitions, text, floor_px);
    }
  }
  CHECK(taller == 0);
}

TEST_CASE("layout --pages: a sequence flow of a page stays inside its pool", "[print][paged]") {
  // The router paid for length, bends and crossings only: a flow round the pool's edge (up out
  // of 002 altyn-alqa's pool and down its right side) beat one crossing; 3 on A4 before.
  render::TextEngine text;
  int outside = 0;
  for (const auto& file : test::bpmn_files(test::fixtures().parent_path().parent_path() / "models")) {
    INFO(file.filename().string());
    outside += flows_outside_their_pool(page(file, text).paged.defs);
  }
  CHECK(outside == 0);
}

TEST_CASE("layout --pages: every model's print cut written into the model, a diagram per page", "[print][paged]") {
  render::TextEngine text;
  fs::path models = test::fixtures().parent_path().parent_path() / "models";
  int several = 0;
  for (const auto& file : test::bpmn_files(models)) {
    INFO(file.filename().string());
    Paging p = page(file, text);
    several += p.paged.pages > 1;
    auto printed = printed_pages(p.laid_out, text);
    CHECK(p.paged.pages >= 1);
    CHECK(static_cast<std::size_t>(p.paged.pages) <= printed.size());  // a legend page of its own is no diagram page
    check_link_pairs(p);
    check_pages(p);
    check_kept(p);
    // The written file, read back, reads without errors and prints the same pages.
    auto back = io::read_bpmn(p.bytes);
    REQUIRE(back.definitions);
    for (const auto& d : back.diagnostics) CHECK(d.severity != model::Severity::error);
    auto printed_back = printed_pages(*back.definitions, text);
    CHECK(printed_back.size() == printed.size());
    for (std::size_t k = 0; k < std::min(printed.size(), printed_back.size()); ++k) {
      INFO("page " << k + 1);
      CHECK(printed_back[k].size() == printed[k].size());
      for (std::size_t e = 0; e < std::min(printed[k].size(), printed_back[k].size()); ++e)
        if (printed_back[k][e] != printed[k][e]) {
          CHECK(printed_back[k][e] == printed[k][e]);
          break;
        }
    }
    CHECK(io::write_bpmn(page(file, text).paged.defs) == p.bytes);
  }
  CHECK(several >= 10);  // 12 of the 17 models print on more than one A4 landscape page
}

TEST_CASE("layout --pages: a model of several pages has link pairs named after the pages", "[print][paged]") {
  render::TextEngine text;
  fs::path model = test::fixtures().parent_path().parent_path() / "models" / "002-altyn-alqa-benefit-handbook.bpmn";
  Paging p = page(model, text);
  REQUIRE(p.paged.pages >= 2);
  REQUIRE(p.paged.links >= 1);
  bool across_pages = false;
  for (const auto& process : p.paged.defs.processes)
    for (const auto& n : process.content.nodes)
      if (n.kind == model::NodeKind::intermediate_throw_event && n.name.find("-бетте жалғасы") != std::string::npos)
        across_pages = true;
  CHECK(across_pages);
}

TEST_CASE("a pool's title band is print's only where every pool and lane holds it as print writes it", "[print][paged]") {
  // Two pools and a lane, drawn with label bounds as print writes them (the band
  // at the left, the shape's whole height, 120 px wide), then as another tool might (a title
  // label 120 px wide elsewhere in the pool): print's band is used for the first only.
  const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
  <collaboration id="c"><participant id="pa" name="office" processRef="p"/><participant id="pb" name="applicant"/></collaboration>
  <process id="p"><laneSet id="ls"><lane id="la" name="clerk"><flowNodeRef>t</flowNodeRef></lane></laneSet><task id="t" name="t"/></process>
  <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="c">
    <bpmndi:BPMNShape id="pa-di" bpmnElement="pa"><dc:Bounds x="0" y="0" width="600" height="200"/>
      <bpmndi:BPMNLabel><dc:Bounds x="0" y="0" width="120" height="200"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="la-di" bpmnElement="la"><dc:Bounds x="120" y="0" width="480" height="200"/>
      <bpmndi:BPMNLabel><dc:Bounds x="120" y="0" width="120" height="200"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="pb-di" bpmnElement="pb"><dc:Bounds x="0" y="250" width="600" height="80"/>
      <bpmndi:BPMNLabel><dc:Bounds x="0" y="250" width="120" height="80"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="t-di" bpmnElement="t"><dc:Bounds x="300" y="60" width="100" height="80"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>)";
  auto read = io::read_bpmn(xml);
  REQUIRE(read.definitions);
  const render::Options plain;
  render::Options as_print;
  render::use_page_title_band(*read.definitions, as_print);
  CHECK(as_print.title_band == layout::title_band(layout::Density::page).width);
  CHECK(as_print.title_across);

  model::Definitions other = *read.definitions;
  auto& lane = other.diagrams.front().plane.elements[1];
  REQUIRE(lane.element == "la");
  lane.label->bounds->y = 60;  // a title label of that width, but not the band
  lane.label->bounds->height = 30;
  render::Options as_drawn;
  render::use_page_title_band(other, as_drawn);
  CHECK(as_drawn.title_band == plain.title_band);
  CHECK(as_drawn.title_across == plain.title_across);

  other = *read.definitions;
  other.diagrams.front().plane.elements[2].label.reset();  // one pool without it
  render::Options partly;
  render::use_page_title_band(other, partly);
  CHECK(partly.title_band == plain.title_band);
}
