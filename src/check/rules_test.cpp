#include <catch2/catch.hpp>

#include "check/check.h"
#include "io/io.h"
#include "test_support.h"

namespace check = syzba::check;
using syzba::model::Severity;

namespace {
std::vector<syzba::model::Diagnostic> run(const std::filesystem::path& file, const check::Config& config) {
  auto r = syzba::io::read_bpmn(syzba::test::read_file(file));
  REQUIRE(r.definitions);
  return check::run_checks(*r.definitions, config);
}
bool reports(const std::vector<syzba::model::Diagnostic>& found, std::string_view rule) {
  return std::any_of(found.begin(), found.end(), [&](const auto& d) { return d.rule == rule; });
}
check::Config all_rules() {
  check::Config config;
  REQUIRE_FALSE(check::read_config(R"({"extends": "syzba:all"})", config));
  return config;
}
}  // namespace

TEST_CASE("each rule's fixture triggers it and its -ok twin does not", "[check][rules]") {
  auto config = all_rules();
  int triggered = 0, clean = 0;
  for (const auto& file : syzba::test::bpmn_files(syzba::test::fixtures() / "check")) {
    std::string name = file.stem().string();
    if (name == "clean") continue;
    bool ok_twin = name.size() > 3 && name.substr(name.size() - 3) == "-ok";
    std::string rule = ok_twin ? name.substr(0, name.size() - 3) : name;
    INFO(file.filename() << " for rule " << rule);
    REQUIRE(check::find_rule(rule) != nullptr);
    auto found = run(file, config);
    if (ok_twin) {
      CHECK_FALSE(reports(found, rule));
      ++clean;
    } else {
      CHECK(reports(found, rule));
      ++triggered;
    }
  }
  // every rule with a check function has both fixtures
  int with_function = 0;
  for (const auto& rule : check::rules()) with_function += rule.run != nullptr;
  CHECK(triggered == with_function);
  CHECK(clean == with_function);
}

TEST_CASE("the clean fixture passes every rule", "[check][rules]") {
  auto found = run(syzba::test::fixtures() / "check" / "clean.bpmn", check::Config{});
  for (const auto& d : found) FAIL_CHECK(d.rule << ": " << d.message);
}

TEST_CASE("a config turns rules off and changes their severity", "[check][config]") {
  auto file = syzba::test::fixtures() / "check" / "label-required.bpmn";
  check::Config config;
  auto found = run(file, config);
  REQUIRE(reports(found, "label-required"));
  CHECK(std::find_if(found.begin(), found.end(), [](const auto& d) { return d.rule == "label-required"; })->severity ==
        Severity::error);

  REQUIRE_FALSE(check::read_config(R"({"rules": {"label-required": "warn"}})", config));
  found = run(file, config);
  CHECK(std::find_if(found.begin(), found.end(), [](const auto& d) { return d.rule == "label-required"; })->severity ==
        Severity::warning);

  REQUIRE_FALSE(check::set_rule_level("label-required=off", config));
  CHECK_FALSE(reports(run(file, config), "label-required"));

  check::Config structure;
  REQUIRE_FALSE(check::read_config(R"({"extends": "syzba:structure"})", structure));
  CHECK(run(file, structure).empty());
}

TEST_CASE("no-bpmndi is off by default and on in bpmnlint's preset", "[check][config]") {
  auto file = syzba::test::fixtures() / "check" / "no-bpmndi.bpmn";
  CHECK_FALSE(reports(run(file, {}), "no-bpmndi"));
  CHECK(reports(run(file, {}), "di-missing"));
  check::Config bpmnlint;
  REQUIRE_FALSE(check::read_config(R"({"extends": "bpmnlint:recommended"})", bpmnlint));
  CHECK(reports(run(file, bpmnlint), "no-bpmndi"));
}

TEST_CASE("bad configs are refused with a reason", "[check][config]") {
  check::Config config;
  CHECK_THAT(*check::read_config("not json", config), Catch::Contains("not a JSON object"));
  CHECK_THAT(*check::read_config(R"({"rules": {"no-such-rule": "off"}})", config), Catch::Contains("unknown rule 'no-such-rule'"));
  CHECK_THAT(*check::read_config(R"({"rules": {"label-required": "loud"}})", config), Catch::Contains("none of off"));
  CHECK_THAT(*check::read_config(R"({"extends": "eslint:recommended"})", config), Catch::Contains("unknown preset"));
  CHECK_THAT(*check::set_rule_level("label-required", config), Catch::Contains("ID=LEVEL"));
  CHECK_FALSE(check::read_config(R"({"rules": {"label-required": ["warn", {}], "fake-join": 0, "global": 2}})", config));
  CHECK(config.rules.at("label-required") == Severity::warning);
  CHECK_FALSE(config.rules.at("fake-join").has_value());
  CHECK(config.rules.at("global") == Severity::error);
}
