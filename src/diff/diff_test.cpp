#include <catch2/catch.hpp>

#include <filesystem>

#include "diff/diff.h"
#include "io/io.h"
#include "layout/layout.h"

using namespace syzba;

namespace {

model::Definitions seed() {
  auto read = io::read_bpmn_file((std::filesystem::path(SYZBA_FIXTURES_DIR) / ".." / ".." / "models" / "004-child-benefit-main-1.bpmn").string());
  REQUIRE(read.definitions);
  return std::move(*read.definitions);
}

model::Container& content(model::Definitions& d) { return d.processes.at(0).content; }

model::FlowNode& node(model::Definitions& d, const std::string& id) {
  for (auto& n : content(d).nodes)
    if (n.id == id) return n;
  FAIL("no node " << id);
  throw;
}

model::SequenceFlow& flow_from(model::Definitions& d, const std::string& source) {
  for (auto& f : content(d).flows)
    if (f.source == source) return f;
  FAIL("no flow from " << source);
  throw;
}

// kind element property… for each change, so that a test reads as its expected list.
std::vector<std::string> said(const std::vector<diff::Change>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) {
    std::string s = std::string(diff::kind_name(c.kind)) + " " + c.element;
    for (const auto& p : c.properties) s += " " + p.property;
    if (c.match == "similar") s += " (similar to " + c.old_element + ")";
    out.push_back(s);
  }
  return out;
}

void rename_everywhere(model::Definitions& d, const std::string& from, const std::string& to) {
  auto fix = [&](std::string& ref) {
    if (ref == from) ref = to;
  };
  auto& c = content(d);
  for (auto& n : c.nodes) {
    fix(n.id);
    for (auto& r : n.incoming) fix(r);
    for (auto& r : n.outgoing) fix(r);
    fix(n.default_flow);
    fix(n.attached_to);
  }
  for (auto& f : c.flows) {
    fix(f.id), fix(f.source), fix(f.target);
  }
  for (auto& set : c.lane_sets)
    for (auto& lane : set.lanes)
      for (auto& r : lane.flow_node_refs) fix(r);
  for (auto& dia : d.diagrams)
    for (auto& e : dia.plane.elements) fix(e.element);
}

}  // namespace

TEST_CASE("diff: a model against itself has no change", "[diff]") {
  auto m = seed();
  CHECK(diff::compare(m, m).empty());
}

TEST_CASE("diff: each kind of change alone", "[diff]") {
  const auto old_model = seed();
  auto m = old_model;
  std::string a3 = "a3";
  SECTION("renamed") {
    node(m, a3).name = "Отбасының жағдайын тексеру";
    CHECK(said(diff::compare(old_model, m)) == std::vector<std::string>{"changed a3 name"});
  }
  SECTION("retyped") {
    node(m, a3).kind = model::NodeKind::user_task;
    CHECK(said(diff::compare(old_model, m)) == std::vector<std::string>{"changed a3 type"});
  }
  SECTION("a duration") {
    node(m, a3).duration = model::Duration{7, model::TimeUnit::working_day, "7 жұмыс күні"};
    auto changes = diff::compare(old_model, m);
    REQUIRE(said(changes) == std::vector<std::string>{"changed a3 duration"});
    CHECK(changes[0].properties[0].new_value == "7 working-day (7 жұмыс күні)");
  }
  SECTION("moved to another lane") {
    auto& lanes = content(m).lane_sets.at(0).lanes;
    std::string from;
    for (auto& lane : lanes)
      if (std::erase(lane.flow_node_refs, a3)) from = lane.id;
    for (auto& lane : lanes)
      if (lane.id != from) {
        lane.flow_node_refs.push_back(a3);
        break;
      }
    CHECK(said(diff::compare(old_model, m)) == std::vector<std::string>{"changed a3 lane"});
  }
  SECTION("a flow's target, condition and label") {
    auto& f = flow_from(m, a3);
    std::string id = f.id;
    f.target = "a1";
    f.name = "қайта";
    f.condition = model::Expression{{}, "${again}"};
    CHECK(said(diff::compare(old_model, m)) == std::vector<std::string>{"changed " + id + " name target condition"});
  }
  SECTION("documentation and another tool's attribute") {
    node(m, a3).documentation.push_back({"", "Тексеру актісі жасалады", "", {}, {}});
    node(m, a3).extras->attributes.push_back({"camunda:assignee", "http://camunda.org/schema/1.0/bpmn", "commission"});
    CHECK(said(diff::compare(old_model, m)) == std::vector<std::string>{"changed a3 documentation extension:camunda:assignee"});
  }
  SECTION("the term") {
    auto& service = m.processes.at(0).service ? *m.processes.at(0).service : *m.service;
    service.term = model::Duration{15, model::TimeUnit::working_day, "он бес жұмыс күні"};
    auto changes = diff::compare(old_model, m);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].properties.at(0).property == "term");
  }
  SECTION("added and removed") {
    model::FlowNode extra;
    extra.id = "a99";
    extra.name = "Жаңа қадам";
    content(m).nodes.push_back(extra);
    std::erase_if(content(m).nodes, [](const auto& n) { return n.id == "a2"; });
    auto changes = diff::compare(old_model, m);
    CHECK(said(changes) == std::vector<std::string>{"added a99", "removed a2"});
  }
  SECTION("layout only") {
    for (auto& e : m.diagrams.at(0).plane.elements)
      if (e.element == a3) e.bounds.x += 40;
    CHECK(said(diff::compare(old_model, m)) == std::vector<std::string>{"layout a3"});
  }
}

TEST_CASE("diff: the same model laid out again changes only its layout", "[diff]") {
  auto old_model = seed();
  auto m = old_model;
  layout::Options options;
  options.relayout = true;
  // Tighter, as for print: the model's own DI is today's screen layout, which a relayout at the
  // same density would give again.
  options.density = layout::Density::compact;
  layout::lay_out(m, options);
  auto changes = diff::compare(old_model, m);
  REQUIRE_FALSE(changes.empty());
  for (const auto& c : changes) CHECK(c.kind == diff::Kind::layout);
}

TEST_CASE("diff: elements whose ids changed are matched by likeness, not removed and added", "[diff]") {
  auto old_model = seed();
  auto m = old_model;
  std::vector<std::string> ids;
  for (const auto& n : content(m).nodes) ids.push_back(n.id);
  for (const auto& f : content(m).flows) ids.push_back(f.id);
  for (const auto& id : ids) rename_everywhere(m, id, "new-" + id);
  auto changes = diff::compare(old_model, m);
  for (const auto& c : changes) {
    INFO(c.element);
    CHECK(c.kind == diff::Kind::changed);
    CHECK(c.match == "similar");
    CHECK(c.element == "new-" + c.old_element);
  }
  CHECK(changes.size() == ids.size());
}

TEST_CASE("diff: mixed changes, and their effect on the findings and the longest path", "[diff]") {
  auto old_model = seed();
  auto m = old_model;
  node(m, "a3").name = "Отбасының жағдайын тексеру";
  node(m, "a3").duration = model::Duration{20, model::TimeUnit::working_day, "20 жұмыс күні"};
  rename_everywhere(m, "a5", "step-5");
  auto changes = diff::compare(old_model, m);
  CHECK(said(changes) == std::vector<std::string>{"changed a3 name duration", "changed step-5 id (similar to a5)"});
  check::Config config;
  auto effect = diff::effect_of(old_model, m, changes, config);
  REQUIRE(effect.new_paths.size() == 1);
  CHECK(effect.new_paths[0].total.working_minutes > effect.old_paths[0].total.working_minutes);
  CHECK(effect.new_paths[0].exceeds);
  CHECK(effect.new_paths[0].over_minutes > 0);
  auto json = diff::to_json(changes, effect);
  CHECK(json.find("\"kind\": \"changed\"") != std::string::npos);
  CHECK(json.find("\"match\": \"similar\"") != std::string::npos);
}

TEST_CASE("diff: every MIWG reference against itself and laid out again", "[diff]") {
  auto folder = std::filesystem::path(SYZBA_SHARED_DIR) / "corpus" / "miwg";
  REQUIRE(std::filesystem::is_directory(folder));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".bpmn") continue;
    auto read = io::read_bpmn_file(entry.path().string());
    if (!read.definitions) continue;
    ++files;
    INFO(entry.path().filename().string());
    const auto& m = *read.definitions;
    CHECK(diff::compare(m, m).empty());
    auto relaid = m;
    layout::Options options;
    options.relayout = true;
    layout::lay_out(relaid, options);
    for (const auto& c : diff::compare(m, relaid)) {
      INFO(c.element << " " << diff::kind_name(c.kind));
      CHECK(c.kind == diff::Kind::layout);
    }
  }
  CHECK(files >= 20);
}
