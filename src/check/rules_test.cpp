#include <catch2/catch.hpp>

#include <map>
#include <set>

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

TEST_CASE("each rule's fixture triggers it and its -ok twins do not", "[check][rules]") {
  // <rule>.bpmn must report the rule; <rule>-ok.bpmn and <rule>-ok-<variant>.bpmn must not.
  auto config = all_rules();
  std::set<std::string> triggered, clean;
  for (const auto& file : syzba::test::bpmn_files(syzba::test::fixtures() / "check")) {
    std::string name = file.stem().string();
    if (name == "clean") continue;
    auto ok_at = name.find("-ok");
    bool ok_twin = ok_at != std::string::npos && (ok_at + 3 == name.size() || name[ok_at + 3] == '-');
    std::string rule = ok_twin ? name.substr(0, ok_at) : name;
    INFO(file.filename() << " for rule " << rule);
    REQUIRE(check::find_rule(rule) != nullptr);
    auto found = run(file, config);
    if (ok_twin) {
      CHECK_FALSE(reports(found, rule));
      clean.insert(rule);
    } else {
      CHECK(reports(found, rule));
      triggered.insert(rule);
    }
  }
  for (const auto& rule : check::rules()) {
    // Every rule that finds something has fixtures: those with a check function, and the
    // kinds of problem the soundness check reports (its bound is tested on its own).
    bool finds = rule.run || (rule.origin == check::RuleOrigin::syzba && rule.id != "soundness-bound" &&
                                rule.id != "soundness-states");
    if (!finds || rule.id == "soundness") continue;
    INFO("rule " << rule.id);
    CHECK(triggered.count(std::string(rule.id)));
    CHECK(clean.count(std::string(rule.id)));
  }
}

TEST_CASE("set findings name the whole set and carry it as a path", "[check][rules]") {
  auto found = run(syzba::test::fixtures() / "check" / "dead-end.bpmn", {});
  auto it = std::find_if(found.begin(), found.end(), [](const auto& d) { return d.rule == "dead-end"; });
  REQUIRE(it != found.end());
  CHECK(it->element == "Ask");
  CHECK(it->path == std::vector<std::string>{"Ask", "Wait"});
  CHECK_THAT(it->message, Catch::Contains("«Сұрау», «Күту»"));
  auto refusal = run(syzba::test::fixtures() / "check" / "refusal-branch-missing.bpmn", {});
  auto r = std::find_if(refusal.begin(), refusal.end(), [](const auto& d) { return d.rule == "refusal-branch-missing"; });
  REQUIRE(r != refusal.end());
  CHECK(r->element == "Gateway");
  CHECK(r->path == std::vector<std::string>{"FYes", "FNo"});
}

TEST_CASE("refusal words come from the config", "[check][config]") {
  auto file = syzba::test::fixtures() / "check" / "refusal-branch-missing.bpmn";
  check::Config config;
  CHECK(reports(run(file, config), "refusal-branch-missing"));
  REQUIRE_FALSE(check::read_config(R"({"refusalWords": ["ХАБАРЛАМА"]})", config));  // matched in lower case
  CHECK_FALSE(reports(run(file, config), "refusal-branch-missing"));
  CHECK(check::read_config(R"({"refusalWords": "бас тарту"})", config).has_value());
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

TEST_CASE("soundness stops at its state bound and says so", "[check][soundness]") {
  auto file = syzba::test::fixtures() / "check" / "deadlock-ok-nested.bpmn";
  CHECK_FALSE(reports(run(file, {}), "soundness-bound"));
  check::Config small;
  REQUIRE_FALSE(check::read_config(R"({"soundnessStates": 3})", small));
  auto found = run(file, small);
  CHECK(reports(found, "soundness-bound"));
  CHECK_FALSE(reports(found, "deadlock"));  // no verdict from a partial exploration
}

TEST_CASE("a deadlock carries its witness path", "[check][soundness]") {
  auto found = run(syzba::test::fixtures() / "check" / "deadlock.bpmn", {});
  auto it = std::find_if(found.begin(), found.end(), [](const auto& d) { return d.rule == "deadlock"; });
  REQUIRE(it != found.end());
  CHECK(it->element == "Join");
  REQUIRE_FALSE(it->path.empty());
  CHECK(it->path.front() == "Split");
}

TEST_CASE("soundness counts its states when asked", "[check][soundness]") {
  auto file = syzba::test::fixtures() / "check" / "deadlock-ok.bpmn";
  CHECK_FALSE(reports(run(file, {}), "soundness-states"));  // off by default
  check::Config config;
  REQUIRE_FALSE(check::set_rule_level("soundness-states=info", config));
  auto found = run(file, config);
  auto it = std::find_if(found.begin(), found.end(), [](const auto& d) { return d.rule == "soundness-states"; });
  REQUIRE(it != found.end());
  CHECK_THAT(it->message, Catch::StartsWith("explored "));
}

TEST_CASE("messages come in English and Russian and Kazakh", "[check][lang]") {
  auto file = syzba::test::fixtures() / "check" / "refusal-branch-missing.bpmn";
  std::map<check::Lang, std::string> said;
  for (auto lang : {check::Lang::en, check::Lang::ru, check::Lang::kk}) {
    check::Config config;
    config.lang = lang;
    for (const auto& d : run(file, config))
      if (d.rule == "refusal-branch-missing") said[lang] = d.message;
  }
  CHECK_THAT(said[check::Lang::en], Catch::StartsWith("the condition «1-шарт: құжаттар толық па?» has no refusal"));
  CHECK_THAT(said[check::Lang::ru], Catch::StartsWith("у условия «1-шарт: құжаттар толық па?» нет ни отказа"));
  CHECK_THAT(said[check::Lang::kk], Catch::Contains("шартында бас тарту да"));
}

TEST_CASE("every message of every fixture is in the catalog in every language", "[check][lang]") {
  // A message id missing from the catalog would show as the bare id ("lane.none").
  for (auto lang : {check::Lang::en, check::Lang::ru, check::Lang::kk}) {
    check::Config config;
    REQUIRE_FALSE(check::read_config(R"({"extends": "syzba:all"})", config));
    REQUIRE_FALSE(check::set_rule_level("soundness-states=info", config));
    config.lang = lang;
    for (const auto& file : syzba::test::bpmn_files(syzba::test::fixtures() / "check")) {
      for (const auto& d : run(file, config)) {
        INFO(file.filename() << " " << d.rule << ": " << d.message);
        CHECK(d.message.find_first_not_of("abcdefghijklmnopqrstuvwxyz.-") != std::string::npos);
        CHECK(d.message.find('{') == std::string::npos);  // every argument filled
      }
    }
  }
}

TEST_CASE("every rule runs on the malformed fixtures without failing", "[check][rules]") {
  // Duplicate ids, dangling references and the like must give findings, never a crash.
  check::Config config;
  REQUIRE_FALSE(check::read_config(R"({"extends": "syzba:all"})", config));
  int checked = 0;
  for (const auto& file : syzba::test::bpmn_files(syzba::test::fixtures() / "bad")) {
    auto r = syzba::io::read_bpmn(syzba::test::read_file(file));
    if (!r.definitions) continue;
    INFO(file.filename());
    CHECK_NOTHROW(check::run_checks(*r.definitions, config));
    ++checked;
  }
  CHECK(checked >= 6);
}

TEST_CASE("numbering reads every way the seeds number steps", "[check][rules]") {
  auto model = [](const std::string& a, const std::string& b) {
    return R"(<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="a" name=")" + a + R"("/><bpmn:task id="b" name=")" + b +
           R"("/><bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="a"/>
      <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"/><bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="e"/></bpmn:process>
      </bpmn:definitions>)";
  };
  auto numbering_findings = [&](const std::string& a, const std::string& b) {
    auto r = syzba::io::read_bpmn(model(a, b));
    REQUIRE(r.definitions);
    auto found = check::run_checks(*r.definitions, all_rules());
    return std::count_if(found.begin(), found.end(), [](const auto& d) { return d.rule == "numbering"; });
  };
  // A gap (1, 3) is found whatever the wording; consecutive numbers are clean.
  for (auto [one, three] : {std::pair{"1-іс-қимыл. Қабылдау", "3-іс-қимыл. Беру"}, std::pair{"N 1 іс-әрекет", "N 3 іс-әрекет"},
                            std::pair{"1-әрекет. Қабылдау", "3-әрекет. Беру"}, std::pair{"1 процесс", "3 процесс"},
                            std::pair{"Действие 1", "Действие 3"}}) {
    INFO(one << " / " << three);
    CHECK(numbering_findings(one, three) == 1);
  }
  CHECK(numbering_findings("1-әрекет. Қабылдау", "2-әрекет. Беру") == 0);
}
