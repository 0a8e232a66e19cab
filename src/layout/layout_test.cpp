// Layout: the hard rules (no overlap, inside the lane, orthogonal, no edge through a shape,
// lanes full width and in order, boundary events on their host, sub-process content inside
// it, labels off the shapes) on our fixtures and on every MIWG reference with its DI removed;
// existing diagrams kept; deterministic output.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <sstream>
#include <map>
#include <string>

#include "io/io.h"
#include "layout/layout.h"
#include "test_support.h"

namespace {

using syzba::model::Definitions;
using syzba::model::DiElement;
using syzba::model::DiKind;

Definitions read(const std::filesystem::path& file) {
  auto result = syzba::io::read_bpmn_file(file.string());
  INFO(file);
  REQUIRE(result.definitions);
  return std::move(*result.definitions);
}

Definitions laid_out(const std::filesystem::path& file) {
  Definitions defs = read(file);
  defs.diagrams.clear();
  auto outcome = syzba::layout::lay_out(defs);
  INFO(file << ": " << outcome.error);
  REQUIRE(outcome.error.empty());
  return defs;
}

std::map<std::string, const DiElement*> drawn(const Definitions& defs) {
  std::map<std::string, const DiElement*> out;
  for (const auto& d : defs.diagrams)
    for (const auto& e : d.plane.elements) out.emplace(e.element, &e);
  return out;
}

bool inside(const syzba::model::Bounds& inner, const syzba::model::Bounds& outer) {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 &&
         inner.y + inner.height <= outer.y + outer.height + 0.5;
}

bool on_border(double x, double y, const syzba::model::Bounds& b) {
  bool in_x = x >= b.x - 0.5 && x <= b.x + b.width + 0.5, in_y = y >= b.y - 0.5 && y <= b.y + b.height + 0.5;
  bool vertical_side = std::abs(x - b.x) < 0.6 || std::abs(x - b.x - b.width) < 0.6;
  bool horizontal_side = std::abs(y - b.y) < 0.6 || std::abs(y - b.y - b.height) < 0.6;
  return in_x && in_y && (vertical_side || horizontal_side);
}

void check_stats(const Definitions& defs, const std::string& what) {
  auto stats = syzba::layout::measure_layout(defs);
  REQUIRE_FALSE(stats.empty());
  for (const auto& s : stats) {
    INFO(what << " diagram " << s.diagram);
    CHECK(s.overlapping_nodes == 0);
    CHECK(s.nodes_outside_lane == 0);
    CHECK(s.edges_through_shapes == 0);
    CHECK(s.non_orthogonal_segments == 0);
  }
}

// Lanes of a lane set stacked in order, touching, each as wide as the band around it.
void check_lanes(const std::vector<syzba::model::LaneSet>& sets, const syzba::model::Bounds& around,
                 const std::map<std::string, const DiElement*>& shapes) {
  for (const auto& set : sets) {
    double y = around.y;
    for (const auto& lane : set.lanes) {
      INFO("lane " << lane.id);
      REQUIRE(shapes.count(lane.id));
      const auto& b = shapes.at(lane.id)->bounds;
      CHECK(std::abs(b.y - y) < 0.5);  // in the lane set's order, no gap
      CHECK(std::abs(b.x + b.width - (around.x + around.width)) < 0.5);  // full width
      CHECK(inside(b, around));
      y = b.y + b.height;
      check_lanes(lane.child_lane_sets, b, shapes);
      for (const auto& ref : lane.flow_node_refs)
        if (shapes.count(ref)) CHECK(inside(shapes.at(ref)->bounds, b));
    }
  }
}

void check_nodes(const syzba::model::Container& c, const std::map<std::string, const DiElement*>& shapes,
                 const syzba::model::Bounds* around) {
  for (const auto& n : c.nodes) {
    INFO("node " << n.id);
    REQUIRE(shapes.count(n.id));
    const auto& b = shapes.at(n.id)->bounds;
    if (around) CHECK(inside(b, *around));  // content of an expanded sub-process
    if (n.kind == syzba::model::NodeKind::boundary_event && shapes.count(n.attached_to)) {
      const auto& host = shapes.at(n.attached_to)->bounds;
      double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
      CHECK(std::abs(cy - (host.y + host.height)) < 0.6);  // on the host's bottom border
      CHECK((cx > host.x && cx < host.x + host.width));
    }
    if (!n.content->nodes.empty()) {
      CHECK(shapes.at(n.id)->is_expanded == std::optional<bool>(true));
      check_nodes(n.content, shapes, &b);
    }
    // A label never covers a shape (other than the containers around it).
    if (shapes.at(n.id)->label && shapes.at(n.id)->label->bounds) {
      const auto& l = *shapes.at(n.id)->label->bounds;
      for (const auto& m : c.nodes)
        if (shapes.count(m.id)) {
          const auto& o = shapes.at(m.id)->bounds;
          bool overlap = l.x < o.x + o.width && o.x < l.x + l.width && l.y < o.y + o.height && o.y < l.y + l.height;
          INFO("label of " << n.id << " over " << m.id);
          CHECK_FALSE(overlap);
        }
    }
  }
  for (const auto& f : c.flows) {
    INFO("flow " << f.id);
    REQUIRE(shapes.count(f.id));
    const auto& w = shapes.at(f.id)->waypoints;
    REQUIRE(w.size() >= 2);
    if (shapes.count(f.source)) CHECK(on_border(w.front().x, w.front().y, shapes.at(f.source)->bounds));
    if (shapes.count(f.target)) CHECK(on_border(w.back().x, w.back().y, shapes.at(f.target)->bounds));
  }
}

// Labels (of shapes and of flows) that overlap another label of their diagram by more than a
// pixel each way; with a space, also those that stand closer than that side by side (or one
// over the other), whose texts read as one.
int label_overlaps(const Definitions& defs, double space = -1) {
  int found = 0;
  for (const auto& d : defs.diagrams) {
    std::vector<syzba::model::Bounds> labels;
    for (const auto& e : d.plane.elements)
      if (e.label && e.label->bounds) labels.push_back(*e.label->bounds);
    for (std::size_t i = 0; i < labels.size(); ++i)
      for (std::size_t j = i + 1; j < labels.size(); ++j) {
        const auto &a = labels[i], &b = labels[j];
        double w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
        double h = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
        found += (w > 1 && h > 1) || (space > 0 && ((w > -space && h > 1) || (h > -space * 3 / 8 && w > 1)));
      }
  }
  return found;
}

void check_drawing(const Definitions& defs, const std::string& what) {
  INFO(what);
  check_stats(defs, what);
  auto shapes = drawn(defs);
  for (const auto& p : defs.processes) {
    const syzba::model::Bounds* pool = nullptr;
    for (const auto& c : defs.collaborations)
      for (const auto& part : c.participants)
        if (part.process == p.id && shapes.count(part.id)) pool = &shapes.at(part.id)->bounds;
    if (pool) check_lanes(p.content.lane_sets, *pool, shapes);
    check_nodes(p.content, shapes, pool);
  }
  for (const auto& c : defs.collaborations) {
    double y = -1e18;
    for (const auto& part : c.participants) {  // pools stacked in the collaboration's order
      REQUIRE(shapes.count(part.id));
      CHECK(shapes.at(part.id)->bounds.y > y);
      y = shapes.at(part.id)->bounds.y;
    }
    for (const auto& m : c.message_flows) CHECK(shapes.count(m.id));
  }
}

}  // namespace

TEST_CASE("layout keeps the hard rules on the layout fixtures", "[layout]") {
  for (const auto& file : syzba::test::bpmn_files(syzba::test::fixtures() / "layout"))
    check_drawing(laid_out(file), file.filename().string());
}

TEST_CASE("layout keeps the hard rules on every MIWG reference with its DI removed", "[layout][miwg]") {
  int labels_over = 0;
  for (const auto& file : syzba::test::miwg_files()) {
    Definitions defs = laid_out(file);
    check_drawing(defs, file.filename().string());
    labels_over += label_overlaps(defs);
  }
  CHECK(labels_over == 0);  // no label over another
}

TEST_CASE("layout keeps labels a space apart on models/ and the MIWG references", "[layout]") {
  // 8 px beside (two word spaces of the 12 px font), 3 px above or under: two event labels
  // closer than that ("басы 2-бетте Тексеру нәтижесі") were 2 pairs, on 002 altyn-alqa.
  int close = 0;
  auto files = syzba::test::bpmn_files(syzba::test::fixtures().parent_path().parent_path() / "models");
  for (const auto& file : syzba::test::miwg_files()) files.push_back(file);
  for (const auto& file : files) {
    int here = label_overlaps(laid_out(file), 8);
    INFO(file.filename().string() << ": " << here);
    close += here;
  }
  CHECK(close == 0);
}

TEST_CASE("layout output is deterministic and reads back", "[layout]") {
  for (const auto& name : {"lanes.bpmn", "subprocess-boundary.bpmn", "collaboration.bpmn"}) {
    auto file = syzba::test::fixtures() / "layout" / name;
    std::string first = syzba::io::write_bpmn(laid_out(file));
    std::string second = syzba::io::write_bpmn(laid_out(file));
    CHECK(first == second);
    auto again = syzba::io::read_bpmn(first);
    REQUIRE(again.definitions);
    CHECK(again.diagnostics.empty());
    CHECK(syzba::io::write_bpmn(*again.definitions) == first);
  }
}

TEST_CASE("layout keeps a complete diagram and replaces a broken one", "[layout]") {
  Definitions defs = laid_out(syzba::test::fixtures() / "layout" / "lanes.bpmn");
  Definitions kept = defs;
  auto outcome = syzba::layout::lay_out(kept);
  CHECK(outcome.kept == std::vector<std::string>{"handbook"});
  CHECK(outcome.laid_out.empty());
  CHECK(kept == defs);

  Definitions broken = defs;
  auto& elements = broken.diagrams.front().plane.elements;
  elements.erase(std::find_if(elements.begin(), elements.end(), [](const auto& e) { return e.element == "review"; }));
  outcome = syzba::layout::lay_out(broken);
  CHECK(outcome.laid_out == std::vector<std::string>{"handbook"});
  REQUIRE_FALSE(outcome.notes.empty());
  CHECK(outcome.notes.front().rule == "layout-replaced");
  CHECK_THAT(outcome.notes.front().message, Catch::Contains("'review'"));
  CHECK(drawn(broken).count("review"));
  CHECK(broken.diagrams.size() == 1);

  Definitions nan = defs;
  nan.diagrams.front().plane.elements.front().bounds.x = std::nan("");
  outcome = syzba::layout::lay_out(nan);
  CHECK(outcome.laid_out == std::vector<std::string>{"handbook"});
  check_stats(nan, "after NaN");
}

TEST_CASE("layout sizes shapes as bpmn-js and grows a task for a long Kazakh label", "[layout]") {
  Definitions defs = laid_out(syzba::test::fixtures() / "layout" / "lanes.bpmn");
  auto shapes = drawn(defs);
  CHECK(shapes.at("register")->bounds.width == 100);
  CHECK(shapes.at("register")->bounds.height == 80);
  CHECK(shapes.at("start")->bounds.width == 36);
  CHECK(shapes.at("complete")->bounds.width == 50);
  const auto& grown = shapes.at("prepare")->bounds;
  CHECK(grown.width * grown.height > 100 * 80);
  // The label fits the grown box by the same measure the layout used.
  std::string label;
  for (const auto& n : defs.processes.front().content.nodes)
    if (n.id == "prepare") label = n.name;
  auto text = syzba::layout::estimate_text(label, 12, grown.width - 10);
  CHECK(text.height <= grown.height - 10);
  CHECK(text.width <= grown.width - 10);
}

TEST_CASE("text estimate wraps at word breaks and breaks words longer than a line", "[layout]") {
  auto one = syzba::layout::estimate_text("Иә", 11, 90);
  CHECK(one.height == Approx(13.2));
  CHECK(one.width > 5);
  auto wrapped = syzba::layout::estimate_text("Құжаттардың толықтығын тексеру және тіркеу", 12, 90);
  CHECK(wrapped.height >= 3 * 14.4 - 0.01);
  CHECK(wrapped.width <= 90);
  auto long_word = syzba::layout::estimate_text(std::string(400, 'W'), 12, 90);
  CHECK(long_word.width <= 90);
  CHECK(long_word.height > 10 * 14.4);
  CHECK(syzba::layout::estimate_text("", 12, 90).height == 0);
}

TEST_CASE("layout stats count what is wrong in a drawing", "[layout]") {
  Definitions defs = laid_out(syzba::test::fixtures() / "layout" / "lanes.bpmn");
  auto& elements = defs.diagrams.front().plane.elements;
  auto find = [&](const std::string& id) {
    return std::find_if(elements.begin(), elements.end(), [&](const auto& e) { return e.element == id; });
  };
  // Put one task on another, one outside its lane, and bend a flow diagonally through a shape.
  find("assign")->bounds = find("sign")->bounds;  // both in the head lane
  find("issue")->bounds.y += 2000;
  auto flow = find("f1");
  flow->waypoints = {{0, 0, {}}, {find("review")->bounds.x + 50, find("review")->bounds.y + 40, {}},
                     {find("review")->bounds.x + 60, find("review")->bounds.y + 41, {}}};
  auto s = syzba::layout::measure_layout(defs).front();
  CHECK(s.overlapping_nodes >= 1);
  CHECK(s.nodes_outside_lane == 1);
  CHECK(s.edges_through_shapes >= 1);
  CHECK(s.non_orthogonal_segments == 2);
}

namespace {

// Boundary events that the file puts in another lane than their host: no drawing can keep
// both on the host's border and inside their own lane, so these are the file's, not ours.
int boundary_events_in_another_lane(const Definitions& defs) {
  std::map<std::string, std::string> lane_of;
  std::function<void(const std::vector<syzba::model::LaneSet>&)> lanes = [&](const auto& sets) {
    for (const auto& s : sets)
      for (const auto& l : s.lanes) {
        for (const auto& ref : l.flow_node_refs) lane_of[ref] = l.id;
        lanes(l.child_lane_sets);
      }
  };
  int count = 0;
  for (const auto& p : defs.processes) {
    lane_of.clear();
    lanes(p.content.lane_sets);
    for (const auto& n : p.content.nodes)
      if (n.kind == syzba::model::NodeKind::boundary_event && lane_of.count(n.id) && lane_of[n.id] != lane_of[n.attached_to]) ++count;
  }
  return count;
}

// Crossing bounds (tests/fixtures/layout/crossings.tsv): "FILE<TAB>MAX" for models/ and the
// layout fixtures laid out afresh, "mean:CORPUS<TAB>MAX" for a corpus's mean.
std::map<std::string, double> crossing_bounds() {
  std::map<std::string, double> bounds;
  std::istringstream in(syzba::test::read_file(syzba::test::fixtures() / "layout" / "crossings.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    bounds[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
  }
  return bounds;
}

int crossings(const Definitions& defs) {
  int total = 0;
  for (const auto& s : syzba::layout::measure_layout(defs)) total += s.edge_crossings;
  return total;
}

}  // namespace

TEST_CASE("layout keeps the hard rules on every vendor drawing of the MIWG suite with its DI removed", "[layout][miwg-suite]") {
  auto files = syzba::test::bpmn_files(syzba::test::shared() / "corpus" / "miwg-suite");
  int read = 0, labels_over = 0;
  for (const auto& file : files) {
    auto result = syzba::io::read_bpmn_file(file.string());
    if (!result.definitions) continue;  // the reader's business (invalid UTF-8): tests/miwg_roundtrip_test.cpp
    ++read;
    Definitions defs = std::move(*result.definitions);
    defs.diagrams.clear();
    auto outcome = syzba::layout::lay_out(defs);
    INFO(file.filename().string());
    REQUIRE(outcome.error.empty());
    int excused = boundary_events_in_another_lane(defs);
    labels_over += label_overlaps(defs);
    for (const auto& s : syzba::layout::measure_layout(defs)) {
      INFO("diagram " << s.diagram);
      CHECK(s.overlapping_nodes == 0);
      CHECK(s.edges_through_shapes == 0);
      CHECK(s.non_orthogonal_segments == 0);
      CHECK(s.nodes_outside_lane <= excused);
    }
  }
  CHECK(read >= static_cast<int>(files.size()) * 95 / 100);
  // Labels over other labels, pinned where the layout is (19 before labels looked further out
  // and could reach into the next lane, 1 after); lower it as the layout gets better.
  CHECK(labels_over <= 1);
}

TEST_CASE("layout crossings stay within their bounds on models, fixtures and the MIWG references", "[layout]") {
  auto bounds = crossing_bounds();
  std::vector<std::filesystem::path> files = syzba::test::bpmn_files(syzba::test::fixtures() / "layout");
  for (const auto& f : syzba::test::bpmn_files(std::filesystem::path(SYZBA_FIXTURES_DIR) / ".." / ".." / "models")) files.push_back(f);
  for (const auto& file : files) {
    INFO(file.filename().string());
    REQUIRE(bounds.count(file.filename().string()));
    CHECK(crossings(laid_out(file)) <= bounds.at(file.filename().string()));
  }
  double total = 0;
  auto miwg = syzba::test::miwg_files();
  for (const auto& file : miwg) total += crossings(laid_out(file));
  REQUIRE(bounds.count("mean:miwg"));
  CHECK(total / static_cast<double>(miwg.size()) <= bounds.at("mean:miwg"));
}
