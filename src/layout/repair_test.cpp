// Broken DI from other tools (tests/hostile/di-*.bpmn): what can be mended is mended and said,
// the author's picture is kept around it; what cannot is laid out again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "io/io.h"
#include "layout/layout.h"
#include "test_support.h"

namespace {

using syzba::model::Definitions;
using syzba::model::DiElement;

struct Repaired {
  Definitions defs;
  syzba::layout::Outcome outcome;
};

Repaired lay_out_as_render_does(const std::string& name) {
  auto file = syzba::test::fixtures().parent_path() / "hostile" / name;
  auto read = syzba::io::read_bpmn_file(file.string());
  INFO(file);
  REQUIRE(read.definitions);
  Repaired r{std::move(*read.definitions), {}};
  syzba::layout::Options options;
  options.keep_incomplete = true;
  r.outcome = syzba::layout::lay_out(r.defs, options);
  REQUIRE(r.outcome.error.empty());
  return r;
}

const DiElement& di_of(const Definitions& defs, const std::string& element) {
  for (const auto& d : defs.diagrams)
    for (const auto& e : d.plane.elements)
      if (e.element == element) return e;
  FAIL("no DI for " << element);
  throw;
}

bool has_note(const syzba::layout::Outcome& o, const std::string& rule, const std::string& says) {
  return std::any_of(o.notes.begin(), o.notes.end(),
                     [&](const auto& n) { return n.rule == rule && n.message.find(says) != std::string::npos; });
}

bool on_border(double x, double y, const syzba::model::Bounds& b) {
  bool in_x = x >= b.x - 0.5 && x <= b.x + b.width + 0.5, in_y = y >= b.y - 0.5 && y <= b.y + b.height + 0.5;
  bool on_x = std::abs(x - b.x) < 0.5 || std::abs(x - b.x - b.width) < 0.5;
  bool on_y = std::abs(y - b.y) < 0.5 || std::abs(y - b.y - b.height) < 0.5;
  return in_x && in_y && (on_x || on_y);
}

}  // namespace

TEST_CASE("an edge without two usable waypoints is drawn again between its shapes, the author's picture kept", "[layout][repair]") {
  for (const char* name : {"di-edge-one-waypoint.bpmn", "di-edge-no-waypoints.bpmn", "di-edge-nan-waypoint.bpmn"}) {
    INFO(name);
    auto r = lay_out_as_render_does(name);
    CHECK(r.outcome.kept == std::vector<std::string>{"p"});
    CHECK(has_note(r.outcome, "layout-repaired", "drawn again from 's' to 't'"));
    const auto& task = di_of(r.defs, "t").bounds;
    CHECK(task.x == 100);  // where the author put it
    CHECK(task.y == 0);
    const auto& edge = di_of(r.defs, "f1");
    REQUIRE(edge.waypoints.size() >= 2);
    CHECK(on_border(edge.waypoints.front().x, edge.waypoints.front().y, di_of(r.defs, "s").bounds));
    CHECK(on_border(edge.waypoints.back().x, edge.waypoints.back().y, task));
    for (std::size_t i = 1; i < edge.waypoints.size(); ++i)
      CHECK((edge.waypoints[i].x == edge.waypoints[i - 1].x || edge.waypoints[i].y == edge.waypoints[i - 1].y));
  }
}

TEST_CASE("an edge whose ends are not drawn is left out, and says so", "[layout][repair]") {
  auto r = lay_out_as_render_does("di-edge-ends-not-drawn.bpmn");
  CHECK(has_note(r.outcome, "layout-repaired", "its ends are not drawn: it is left out"));
  for (const auto& e : r.defs.diagrams.at(0).plane.elements) CHECK(e.element != "f1");
}

TEST_CASE("label bounds that are not numbers are dropped, the label drawn in its default place", "[layout][repair]") {
  for (const char* name : {"di-label-nan.bpmn", "di-label-missing-height.bpmn"}) {
    INFO(name);
    auto r = lay_out_as_render_does(name);
    CHECK(has_note(r.outcome, "layout-repaired", "the label bounds of 's'"));
    const auto& start = di_of(r.defs, "s");
    CHECK((!start.label || !start.label->bounds));
  }
}

TEST_CASE("a plane that names nothing is taken as the process it draws", "[layout][repair]") {
  auto r = lay_out_as_render_does("di-plane-without-element.bpmn");
  REQUIRE(r.defs.diagrams.size() == 1);
  CHECK(r.defs.diagrams[0].plane.element == "p");
  CHECK(r.outcome.kept == std::vector<std::string>{"p"});
  CHECK(has_note(r.outcome, "layout-repaired", "taken as 'p'"));
}

TEST_CASE("an empty plane and shapes without usable bounds are laid out again", "[layout][repair]") {
  for (const char* name : {"di-empty-plane.bpmn", "di-missing-bounds.bpmn", "di-nan-coordinates.bpmn", "di-not-a-number-text.bpmn"}) {
    INFO(name);
    auto r = lay_out_as_render_does(name);
    CHECK(r.outcome.laid_out == std::vector<std::string>{"p"});
    for (const char* id : {"s", "t", "e"}) {
      const auto& b = di_of(r.defs, id).bounds;
      CHECK((std::isfinite(b.x) && std::isfinite(b.y) && b.width > 0 && b.height > 0));
    }
  }
}
