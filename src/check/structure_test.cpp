#include <catch2/catch.hpp>

#include "check/check.h"
#include "io/io.h"
#include "test_support.h"

using syzba::test::fixtures;

namespace {
std::vector<syzba::model::Diagnostic> check_fixture(const std::string& name) {
  auto r = syzba::io::read_bpmn(syzba::test::read_file(fixtures() / "bad" / name));
  REQUIRE(r.definitions);
  return syzba::check::check_structure(*r.definitions);
}
}  // namespace

TEST_CASE("each structural rule finds its fixture's problem at its line", "[check]") {
  struct Case {
    const char* file;
    const char* rule;
    const char* element;
    int line;
    const char* says;
  };
  for (const Case& c : {
           Case{"duplicate-id.bpmn", "duplicate-id", "Step", 6, "already used by the task at line 5"},
           Case{"dangling-reference.bpmn", "dangling-reference", "Flow", 5, "targetRef refers to 'Nowhere'"},
           Case{"wrong-reference-kind.bpmn", "wrong-reference-kind", "Flow", 8, "a lane (line 5); expected a flow node"},
           Case{"di-dangling.bpmn", "dangling-reference", "Ghost_di", 11, "bpmnElement refers to 'Ghost'"},
           Case{"di-missing.bpmn", "di-missing", "Undrawn", 5, "not drawn in any diagram"},
       }) {
    INFO(c.file);
    auto found = check_fixture(c.file);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == c.rule);
    CHECK(found[0].element == c.element);
    CHECK(found[0].line == c.line);
    CHECK_THAT(found[0].message, Catch::Contains(c.says));
  }
}

TEST_CASE("the clean handbook fixture has no structural findings", "[check]") {
  auto r = syzba::io::read_bpmn(syzba::test::read_file(fixtures() / "good" / "patronage-handbook.bpmn"));
  REQUIRE(r.definitions);
  CHECK(syzba::check::check_structure(*r.definitions).empty());
}

TEST_CASE("the MIWG reference models have no structural errors", "[check][miwg]") {
  for (const auto& file : syzba::test::miwg_files()) {
    INFO(file);
    auto r = syzba::io::read_bpmn(syzba::test::read_file(file));
    REQUIRE(r.definitions);
    for (const auto& d : syzba::check::check_structure(*r.definitions)) {
      INFO(d.line << ": " << d.message);
      CHECK(d.severity != syzba::model::Severity::error);
    }
  }
}

TEST_CASE("every rule has an id and a severity and a description", "[check]") {
  for (const auto& rule : syzba::check::rules()) {
    CHECK_FALSE(rule.id.empty());
    CHECK_FALSE(rule.description.empty());
  }
}
