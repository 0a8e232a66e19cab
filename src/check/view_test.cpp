// The view's fast paths (one id index for the file, each flow's ends and each node's links
// resolved once, the structural rules reusing what the view found) say what the plain
// lookups say: a map filled scope by scope, and the structural rules looking every reference up.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "check/ids.h"
#include "check/view.h"
#include "io/io.h"
#include "test_support.h"

namespace {

using syzba::check::ModelView;
namespace model = syzba::model;

// Duplicates across scopes and kinds, a node and a flow without an id, a prefixed reference:
// where the walk of the index and the order of the view differ.
constexpr const char* duplicates_model = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tns="urn:x" id="D" targetNamespace="urn:x">
  <bpmn:process id="P">
    <bpmn:startEvent id="X"><bpmn:outgoing>F</bpmn:outgoing></bpmn:startEvent>
    <bpmn:subProcess id="S">
      <bpmn:task id="Y"><bpmn:outgoing>F</bpmn:outgoing></bpmn:task>
      <bpmn:task id="X"><bpmn:incoming>F</bpmn:incoming></bpmn:task>
      <bpmn:task />
      <bpmn:sequenceFlow id="F" sourceRef="Y" targetRef="X" />
      <bpmn:sequenceFlow sourceRef="X" targetRef="" />
    </bpmn:subProcess>
    <bpmn:task id="Y"><bpmn:incoming>F</bpmn:incoming><bpmn:outgoing>G</bpmn:outgoing></bpmn:task>
    <bpmn:task id="G" />
    <bpmn:task />
    <bpmn:sequenceFlow id="F" sourceRef="X" targetRef="S" />
    <bpmn:sequenceFlow id="G" sourceRef="tns:Y" targetRef="Nowhere" />
    <bpmn:sequenceFlow sourceRef="" targetRef="Y" />
  </bpmn:process>
</bpmn:definitions>
)";

// What the view said before it had the index: the first node (flow) of an id, filling a map
// scope by scope in the order of the view's scopes.
struct PlainLookups {
  std::map<std::string, const model::FlowNode*> nodes;
  std::map<std::string, const model::SequenceFlow*> flows;
  explicit PlainLookups(const ModelView& view) {
    for (const auto& scope : view.scopes) {
      for (const auto& n : scope.content->nodes) nodes.emplace(n.id, &n);
      for (const auto& f : scope.content->flows) flows.emplace(f.id, &f);
    }
  }
  template <class T>
  static const T* find(const std::map<std::string, const T*>& map, const std::string& id) {
    auto it = map.find(id);
    return it == map.end() ? nullptr : it->second;
  }
};

void same_as_plain_lookups(const model::Definitions& defs) {
  ModelView view(defs);
  PlainLookups plain(view);
  for (const auto& scope : view.scopes) {
    for (const auto& n : scope.content->nodes) {
      CHECK(view.node(n.id) == PlainLookups::find(plain.nodes, n.id));
      for (const auto* ids : {&n.incoming, &n.outgoing})
        for (const auto& id : *ids) CHECK(view.flow(id) == PlainLookups::find(plain.flows, id));
    }
    for (const auto& f : scope.content->flows) {
      CHECK(view.flow(f.id) == PlainLookups::find(plain.flows, f.id));
      CHECK(view.source_of(f) == PlainLookups::find(plain.nodes, f.source));
      CHECK(view.target_of(f) == PlainLookups::find(plain.nodes, f.target));
    }
  }
  CHECK(view.node("no such id") == nullptr);
}

void same_structural_findings(const model::Definitions& defs) {
  ModelView view(defs);
  auto alone = syzba::check::check_structure(defs);
  auto with_view = syzba::check::check_structure(defs, view.ids(), &view, model::Lang::en);
  REQUIRE(alone.size() == with_view.size());
  for (std::size_t k = 0; k < alone.size(); ++k) {
    CHECK(alone[k].rule == with_view[k].rule);
    CHECK(alone[k].element == with_view[k].element);
    CHECK(alone[k].line == with_view[k].line);
    CHECK(alone[k].column == with_view[k].column);
    CHECK(alone[k].message == with_view[k].message);
  }
}

std::vector<std::filesystem::path> files_to_compare() {
  auto files = syzba::test::miwg_files();
  for (const auto* folder : {"check", "bad", "good"}) {
    auto more = syzba::test::bpmn_files(syzba::test::fixtures() / folder);
    files.insert(files.end(), more.begin(), more.end());
  }
  return files;
}

}  // namespace

TEST_CASE("the view finds the node and flow of an id that a map filled scope by scope finds", "[check]") {
  auto r = syzba::io::read_bpmn(duplicates_model);
  REQUIRE(r.definitions);
  same_as_plain_lookups(*r.definitions);
  ModelView view(*r.definitions);
  CHECK_FALSE(view.node_ids_unique());
  REQUIRE(view.node("X") != nullptr);
  CHECK(view.node("X")->kind == model::NodeKind::start_event);  // the process's, before the sub-process's
  REQUIRE(view.node("") != nullptr);  // the first node without an id, as before
  for (const auto& file : files_to_compare()) {
    INFO(file);
    auto read = syzba::io::read_bpmn(syzba::test::read_file(file));
    if (read.definitions) same_as_plain_lookups(*read.definitions);
  }
}

TEST_CASE("the structural rules find the same with the references the view resolved", "[check]") {
  auto r = syzba::io::read_bpmn(duplicates_model);
  REQUIRE(r.definitions);
  same_structural_findings(*r.definitions);
  for (const auto& file : files_to_compare()) {
    INFO(file);
    auto read = syzba::io::read_bpmn(syzba::test::read_file(file));
    if (read.definitions) same_structural_findings(*read.definitions);
  }
}
