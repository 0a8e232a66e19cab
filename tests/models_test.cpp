// models/: the seed regulations' diagrams. Every model reads cleanly, round-trips, is fully
// laid out by the hard rules, renders with its labels inside their tasks, and gives exactly
// the check findings models/expected-findings.json lists (the anomalies of the sources that
// models/README.md explains): a new finding or a vanished one fails the test.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "check/check.h"
#include "export/export.h"
#include "scene_support.h"

namespace {

std::filesystem::path models_dir() { return syzba::test::fixtures().parent_path().parent_path() / "models"; }

using Findings = std::map<std::string, std::set<std::string>>;  // rule → elements

Findings findings_of(const syzba::model::Definitions& defs) {
  Findings out;
  for (const auto& d : syzba::check::run_checks(defs, {}))
    if (d.severity != syzba::model::Severity::info) out[d.rule].insert(d.element);
  return out;
}

}  // namespace

TEST_CASE("every model in models/ reads, round-trips, lays out cleanly and renders", "[models]") {
  auto files = syzba::test::bpmn_files(models_dir());
  CHECK(files.size() >= 17);
  syzba::render::TextEngine text;
  for (const auto& file : files) {
    INFO(file.filename());
    auto read = syzba::io::read_bpmn_file(file.string());
    REQUIRE(read.definitions);
    CHECK(read.diagnostics.empty());
    const auto& defs = *read.definitions;
    REQUIRE(defs.service);
    CHECK_FALSE(defs.service->name.empty());
    CHECK_THAT(defs.service->source, Catch::StartsWith(file.filename().string().substr(0, 3) + "_"));

    std::string written = syzba::io::write_bpmn(defs);
    auto again = syzba::io::read_bpmn(written);
    REQUIRE(again.definitions);
    CHECK(*again.definitions == defs);
    CHECK(syzba::io::write_bpmn(*again.definitions) == written);

    // The DI is complete and keeps layout's hard rules.
    for (const auto& s : syzba::layout::measure_layout(defs)) {
      INFO(s.diagram);
      CHECK(s.nodes > 0);
      CHECK(s.overlapping_nodes == 0);
      CHECK(s.nodes_outside_lane == 0);
      CHECK(s.edges_through_shapes == 0);
      CHECK(s.non_orthogonal_segments == 0);
    }

    // Rendered as published: task labels whole (no "…") and the legend there.
    auto scene = syzba::test::draw_scene(defs, text);
    bool legend = false;
    for (const auto& e : scene.elements) {
      legend = legend || e.type == "legend";
      if (e.type.find("ask") == std::string::npos) continue;
      for (const auto& item : e.items)
        if (const auto* t = std::get_if<syzba::render::Text>(&item))
          for (const auto& l : t->lines) {
            INFO(e.id << ": " << l.text);
            CHECK(l.text.find("\xE2\x80\xA6") == std::string::npos);
          }
    }
    CHECK(legend);
    CHECK_FALSE(syzba::exporter::to_svg(scene).empty());
  }
}

TEST_CASE("syzba check reports on each model exactly the anomalies models/README.md documents", "[models]") {
  auto expected = nlohmann::json::parse(syzba::test::read_file(models_dir() / "expected-findings.json"));
  std::string readme = syzba::test::read_file(models_dir() / "README.md");
  auto files = syzba::test::bpmn_files(models_dir());
  CHECK(expected.size() == files.size() + 1);  // and the "//" note
  for (const auto& file : files) {
    std::string name = file.filename().string();
    INFO(name);
    REQUIRE(expected.contains(name));
    Findings want;
    for (const auto& [rule, elements] : expected[name].items())
      for (const auto& e : elements) want[rule].insert(e.get<std::string>());
    auto read = syzba::io::read_bpmn_file(file.string());
    REQUIRE(read.definitions);
    CHECK(findings_of(*read.definitions) == want);
    CHECK_THAT(readme, Catch::Contains(file.stem().string()));  // every model is in the README's table
    for (const auto& [rule, elements] : want) CHECK_THAT(readme, Catch::Contains(rule));
  }
}
