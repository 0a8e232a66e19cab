#include <catch2/catch.hpp>

#include "check/check.h"
#include "check/ids.h"
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

// The id index is a hash table of its own (ids.h): every id added is found after it grew past
// what was reserved, adding an id again gives the entry it has (the first element), an id never added is
// not found, and iteration follows the order of adding.
TEST_CASE("the id index finds what it holds, and only that", "[check]") {
  using syzba::check::IdIndex;
  using syzba::check::Indexed;
  std::vector<syzba::model::BaseElement> elements(5000);
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < elements.size(); ++k) ids.push_back("Task_" + std::to_string(k));
  IdIndex index;
  index.reserve(10);  // far too few: it grows
  for (std::size_t k = 0; k < elements.size(); ++k) CHECK(index.try_emplace(ids[k], Indexed{&elements[k], "task"}).second);
  auto again = index.try_emplace(ids[7], Indexed{&elements[8], "lane"});
  CHECK_FALSE(again.second);
  CHECK(again.first->second.first.element == &elements[7]);
  REQUIRE(index.size() == elements.size());
  std::size_t k = 0;
  for (const auto& [id, entry] : index) {
    CHECK(id == ids[k]);
    CHECK(entry.first.element == &elements[k]);
    ++k;
  }
  for (std::size_t j = 0; j < ids.size(); ++j) {
    const auto* found = index.find(ids[j]);
    REQUIRE(found);
    CHECK(found->second.first.element == &elements[j]);
  }
  CHECK(index.find("Task_5000") == nullptr);
  CHECK(index.find("") == nullptr);
  CHECK(IdIndex{}.find("Task_1") == nullptr);
}
