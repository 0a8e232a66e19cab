// The syzba command as a user runs it: exit codes, the JSON shape, and no partial outputs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>

#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using syzba::test::fixtures;
using syzba::test::quoted;
using syzba::test::run_syzba;

namespace {
// These tests are about exit codes and output shapes: only the structural rules run.
std::string structure_only() { return "--config " + quoted(fixtures() / "structure-only.json"); }
}  // namespace

TEST_CASE("syzba --version and --help", "[cli]") {
  auto version = run_syzba("--version");
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("syzba "));
  auto help = run_syzba("--help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("check") && Catch::Contains("convert"));
  auto verb_help = run_syzba("check --help");
  CHECK(verb_help.exit_code == 0);
  CHECK_THAT(verb_help.out, Catch::Contains("--format"));
  CHECK(run_syzba("no-such-verb 2>/dev/null").exit_code == 2);
}

TEST_CASE("syzba check exits 0 clean and 1 on an error finding and 2 on an unreadable file", "[cli]") {
  CHECK(run_syzba("check " + structure_only() + " " + quoted(fixtures() / "good" / "patronage-handbook.bpmn")).exit_code == 0);
  CHECK(run_syzba("check " + structure_only() + " " + quoted(fixtures() / "bad" / "di-missing.bpmn")).exit_code == 0);  // a warning
  CHECK(run_syzba("check " + structure_only() + " " + quoted(fixtures() / "bad" / "duplicate-id.bpmn")).exit_code == 1);
  CHECK(run_syzba("check " + structure_only() + " " + quoted(fixtures() / "bad" / "not-well-formed.bpmn")).exit_code == 2);
  CHECK(run_syzba("check " + structure_only() + " " + quoted(fixtures() / "bad" / "duplicate-id.bpmn") + " " +
                  quoted(fixtures() / "bad" / "empty.bpmn"))
            .exit_code == 2);
  auto text = run_syzba("check " + structure_only() + " " + quoted(fixtures() / "bad" / "duplicate-id.bpmn"));
  CHECK_THAT(text.out, Catch::Contains("duplicate-id.bpmn:6:5: error: the id 'Step'") &&
                           Catch::Contains("[duplicate-id]"));
  auto missing = run_syzba("check /no/such/file.bpmn");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.out, Catch::Contains("cannot open the file"));
}

TEST_CASE("syzba check --format json has the stable shape", "[cli]") {
  auto r = run_syzba("check --format json " + structure_only() + " " + quoted(fixtures() / "bad" / "wrong-reference-kind.bpmn") + " " +
                     quoted(fixtures() / "good" / "patronage-handbook.bpmn"));
  CHECK(r.exit_code == 1);
  auto json = nlohmann::json::parse(r.out);
  REQUIRE(json["files"].size() == 2);
  const auto& d = json["files"][0]["diagnostics"].at(0);
  CHECK(d["rule"] == "wrong-reference-kind");
  CHECK(d["severity"] == "error");
  CHECK(d["element"] == "Flow");
  CHECK(d["line"] == 8);
  CHECK(d["column"] == 5);
  CHECK(d["message"].get<std::string>().find("expected a flow node") != std::string::npos);
  CHECK(json["files"][1]["diagnostics"].empty());
}

TEST_CASE("syzba convert writes the file and and writes nothing when it cannot", "[cli]") {
  auto dir = std::filesystem::temp_directory_path() / "syzba-cli-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto good = fixtures() / "good" / "patronage-handbook.bpmn";
  auto before = syzba::test::read_file(good);
  CHECK(run_syzba("convert " + quoted(good) + " -o " + quoted(dir / "out.bpmn")).exit_code == 0);
  CHECK(std::filesystem::exists(dir / "out.bpmn"));
  CHECK(syzba::test::read_file(good) == before);  // the input is never modified

  CHECK(run_syzba("convert " + quoted(fixtures() / "bad" / "not-well-formed.bpmn") + " -o " +
                  quoted(dir / "broken.bpmn") + " 2>/dev/null")
            .exit_code == 2);
  CHECK(run_syzba("convert " + quoted(fixtures() / "bad" / "invalid-number.bpmn") + " -o " +
                  quoted(dir / "lossy.bpmn") + " 2>/dev/null")
            .exit_code == 1);
  CHECK(run_syzba("convert " + quoted(good) + " -o " + quoted(good) + " 2>/dev/null").exit_code == 2);
  CHECK(syzba::test::read_file(good) == before);
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"out.bpmn"});  // no partial file, no temporary

  auto piped = run_syzba("convert - -o - < " + quoted(good));
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == syzba::test::read_file(dir / "out.bpmn"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("syzba paths lists paths as text and JSON", "[cli]") {
  auto file = quoted(fixtures() / "check" / "term-exceeded.bpmn");
  auto text = run_syzba("paths " + file);
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("* path 1 (result, critical, EXCEEDS THE TERM): 1 working day 4 h 30 min"));
  auto json = nlohmann::json::parse(run_syzba("paths --format json " + file).out);
  const auto& process = json["files"][0]["processes"][0];
  CHECK(process["term"]["unit"] == "working-day");
  CHECK(process["paths"][0]["steps"].size() == 5);
  CHECK(process["paths"][0]["exceedsTerm"] == true);
  CHECK(process["paths"][0]["outcome"] == "result");
  CHECK(run_syzba("paths " + quoted(fixtures() / "bad" / "empty.bpmn") + " 2>/dev/null").exit_code == 2);
}

TEST_CASE("syzba check --format sarif writes SARIF 2.1.0", "[cli]") {
  auto r = run_syzba("check --format sarif " + quoted(fixtures() / "check" / "dead-end.bpmn"));
  CHECK(r.exit_code == 1);
  auto sarif = nlohmann::json::parse(r.out);
  CHECK(sarif["version"] == "2.1.0");
  const auto& run = sarif["runs"].at(0);
  CHECK(run["tool"]["driver"]["name"] == "syzba");
  const auto& rules = run["tool"]["driver"]["rules"];
  bool found = false;
  for (const auto& result : run["results"]) {
    if (result["ruleId"] != "dead-end") continue;
    found = true;
    CHECK(result["level"] == "error");
    CHECK(rules.at(result["ruleIndex"].get<std::size_t>())["id"] == "dead-end");
    const auto& location = result["locations"].at(0);
    CHECK(location["physicalLocation"]["region"]["startLine"] == 15);
    CHECK(location["logicalLocations"].at(0)["name"] == "Ask");
  }
  CHECK(found);
}

TEST_CASE("a bad config is refused by check and paths alike", "[cli]") {
  auto file = quoted(fixtures() / "check" / "clean.bpmn");
  for (const char* verb : {"check", "paths"}) {
    INFO(verb);
    CHECK(run_syzba(std::string(verb) + " --config /no/such/config.json " + file + " 2>/dev/null").exit_code == 2);
    CHECK(run_syzba(std::string(verb) + " --config " + quoted(fixtures() / "check" / "clean.bpmn") + " " + file +
                    " 2>/dev/null")
              .exit_code == 2);  // not JSON
  }
  CHECK(run_syzba("check --rule no-such-rule=off " + file + " 2>/dev/null").exit_code == 2);
}

TEST_CASE("syzba layout writes complete DI and its figures and nothing for bad input", "[cli][layout]") {
  auto dir = std::filesystem::temp_directory_path() / "syzba-cli-layout-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto lanes = fixtures() / "layout" / "lanes.bpmn";
  auto before = syzba::test::read_file(lanes);
  auto run = run_syzba("layout " + quoted(lanes) + " -o " + quoted(dir / "out.bpmn") + " --stats --format json");
  CHECK(run.exit_code == 0);
  CHECK(syzba::test::read_file(lanes) == before);
  auto stats = nlohmann::json::parse(run.out);
  CHECK(stats["file"] == lanes.string());
  REQUIRE(stats["diagrams"].size() == 1);
  const auto& d = stats["diagrams"][0];
  CHECK(d["diagram"] == "handbook");
  CHECK(d["nodes"] == 12);
  CHECK(d["overlappingNodes"] == 0);
  CHECK(d["edgesThroughShapes"] == 0);
  CHECK(d["leftToRight"].get<double>() > 0.5);
  CHECK_THAT(syzba::test::read_file(dir / "out.bpmn"), Catch::Contains("<bpmndi:BPMNShape id=\"review_di\" bpmnElement=\"review\">"));

  // Laid out already: kept as it is.
  CHECK(run_syzba("layout " + quoted(dir / "out.bpmn") + " -o " + quoted(dir / "again.bpmn")).exit_code == 0);
  CHECK(syzba::test::read_file(dir / "again.bpmn") == syzba::test::read_file(dir / "out.bpmn"));
  auto text = run_syzba("layout " + quoted(dir / "out.bpmn") + " --stats");
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("handbook: 12 nodes") && Catch::Contains("edges through shapes 0"));

  CHECK(run_syzba("layout " + quoted(fixtures() / "bad" / "not-well-formed.bpmn") + " -o " + quoted(dir / "bad.bpmn") +
                  " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("layout " + quoted(lanes) + " -o " + quoted(lanes) + " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("layout " + quoted(lanes) + " 2>/dev/null").exit_code == 2);  // neither -o nor --stats
  CHECK(syzba::test::read_file(lanes) == before);
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"again.bpmn", "out.bpmn"});
  std::filesystem::remove_all(dir);
}

namespace {

// A fresh folder of its own under the temporary directory (mkdtemp: no fixed name).
std::filesystem::path fresh_folder() {
  std::string name = (std::filesystem::temp_directory_path() / "syzba-cli-XXXXXX").string();
  REQUIRE(mkdtemp(name.data()) != nullptr);
  return name;
}

int pdf_pages(const std::filesystem::path& pdf) {
  auto info = syzba::test::run_command("pdfinfo " + quoted(pdf) + " 2>/dev/null | sed -n 's/^Pages: *//p'");
  REQUIRE(info.exit_code == 0);
  return std::atoi(info.out.c_str());
}

// How many errors of each rule syzba check finds in a file.
std::map<std::string, int> errors_of(const std::filesystem::path& file) {
  auto run = run_syzba("check --format json " + quoted(file) + " 2>/dev/null");
  auto json = nlohmann::json::parse(run.out);
  std::map<std::string, int> errors;
  for (const auto& d : json["files"][0]["diagnostics"])
    if (d["severity"] == "error") ++errors[d["rule"].get<std::string>()];
  return errors;
}

}  // namespace

TEST_CASE("syzba layout --pages writes print's pages into the model, and nothing for bad input", "[cli][layout][paged]") {
  auto dir = fresh_folder();
  auto model = fixtures().parent_path().parent_path() / "models" / "002-altyn-alqa-benefit-handbook.bpmn";
  auto before = syzba::test::read_file(model);
  auto run = run_syzba("layout " + quoted(model) + " --pages A4 --landscape -o " + quoted(dir / "paged.bpmn") + " 2>&1");
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("page(s)") && Catch::Contains("link pair(s)"));
  CHECK(syzba::test::read_file(model) == before);
  std::string paged = syzba::test::read_file(dir / "paged.bpmn");
  CHECK_THAT(paged, Catch::Contains("<bpmndi:BPMNDiagram id=\"syzba-page-2\"") && Catch::Contains("linkEventDefinition"));
  // The same bytes again; the written file checks with no error the original has not, and prints
  // on as many pages.
  CHECK(run_syzba("layout " + quoted(model) + " --pages a4 --landscape -o " + quoted(dir / "again.bpmn") + " 2>/dev/null").exit_code == 0);
  CHECK(syzba::test::read_file(dir / "again.bpmn") == paged);
  auto errors_before = errors_of(model);
  for (const auto& [rule, n] : errors_of(dir / "paged.bpmn")) {
    INFO("rule " << rule);
    CHECK(n <= errors_before[rule]);
  }
  CHECK(run_syzba("render " + quoted(model) + " --page A4 --landscape -o " + quoted(dir / "original.pdf") + " 2>/dev/null").exit_code == 0);
  CHECK(run_syzba("render " + quoted(dir / "paged.bpmn") + " --page A4 --landscape -o " + quoted(dir / "paged.pdf") + " 2>/dev/null").exit_code == 0);
  CHECK(pdf_pages(dir / "paged.pdf") == pdf_pages(dir / "original.pdf"));
  CHECK(pdf_pages(dir / "paged.pdf") >= 2);

  // Refused: no -o, figures asked for, a page size print does not know, unreadable input.
  CHECK(run_syzba("layout " + quoted(model) + " --pages A4 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("layout " + quoted(model) + " --landscape -o " + quoted(dir / "x.bpmn") + " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("layout " + quoted(model) + " --pages A4 --stats -o " + quoted(dir / "x.bpmn") + " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("layout " + quoted(model) + " --pages fit -o " + quoted(dir / "x.bpmn") + " 2>/dev/null").exit_code != 0);
  auto bad = run_syzba("layout " + quoted(fixtures() / "bad" / "not-well-formed.bpmn") + " --pages A4 -o " + quoted(dir / "x.bpmn") + " 2>&1");
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.out, Catch::Contains("not-well-formed.bpmn:"));
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"again.bpmn", "original.pdf", "paged.bpmn", "paged.pdf"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("syzba render writes SVG, PDF and PNG, with text PDF readers give back", "[cli][render]") {
  auto dir = std::filesystem::temp_directory_path() / "syzba-cli-render-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto lanes = fixtures() / "layout" / "lanes.bpmn";
  auto before = syzba::test::read_file(lanes);
  for (const char* ext : {"svg", "pdf", "png"}) {
    INFO(ext);
    auto out = dir / (std::string("lanes.") + ext);
    CHECK(run_syzba("render " + quoted(lanes) + " -o " + quoted(out)).exit_code == 0);
    CHECK(std::filesystem::file_size(out) > 1000);
  }
  CHECK_THAT(syzba::test::read_file(dir / "lanes.svg"), Catch::StartsWith("<?xml") && Catch::Contains("Шартты белгілер"));
  CHECK(syzba::test::read_file(dir / "lanes.png").substr(1, 3) == "PNG");

  // The PDF keeps its text: poppler's pdftotext reads the Kazakh labels back.
  auto text = run_syzba("render " + quoted(lanes) + " -o - --format pdf --lang ru | pdftotext - -");
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("Кеңсе") && Catch::Contains("Жауапты орындаушы") &&
                           Catch::Contains("толықтығын") && Catch::Contains("Условные обозначения"));

  // Same input and options, same bytes.
  CHECK(run_syzba("render " + quoted(lanes) + " -o " + quoted(dir / "again.pdf")).exit_code == 0);
  CHECK(syzba::test::read_file(dir / "again.pdf") == syzba::test::read_file(dir / "lanes.pdf"));

  // Bad input and bad options write nothing; the input is never touched.
  CHECK(run_syzba("render " + quoted(fixtures() / "bad" / "not-well-formed.bpmn") + " -o " + quoted(dir / "bad.svg") +
                  " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("render " + quoted(lanes) + " -o " + quoted(dir / "x.svg") + " --lang fr 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("render " + quoted(lanes) + " -o " + quoted(dir / "x.doc") + " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("render " + quoted(lanes) + " -o " + quoted(dir / "huge.png") + " --scale 400 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("render " + quoted(lanes) + " -o " + quoted(lanes) + " 2>/dev/null").exit_code == 2);
  CHECK(syzba::test::read_file(lanes) == before);
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"again.pdf", "lanes.pdf", "lanes.png", "lanes.svg"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("syzba render of many files into a folder: the bytes of one at a time, the messages in order", "[cli][render]") {
  auto dir = std::filesystem::temp_directory_path() / "syzba-cli-render-many-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "one");
  std::vector<std::filesystem::path> inputs = syzba::test::miwg_files();
  inputs.push_back(fixtures() / "layout" / "lanes.bpmn");
  std::string args;
  for (const auto& input : inputs) args += " " + quoted(input);
  for (const char* jobs : {"1", "2"}) {
    for (const char* format : {"svg", "png"}) {
      INFO("-j " << jobs << " --format " << format);
      auto out = dir / (std::string("j") + jobs + format);
      auto many = run_syzba("render" + args + " -o " + quoted(std::filesystem::path(out.string() + "/")) + " --format " + format + " -j " + jobs +
                            " 2>&1");
      CHECK(many.exit_code == 0);
      for (const auto& input : inputs) {
        auto name = input.stem().string() + "." + format;
        auto alone = dir / "one" / name;
        if (!std::filesystem::exists(alone)) REQUIRE(run_syzba("render " + quoted(input) + " -o " + quoted(alone) + " 2>/dev/null").exit_code == 0);
        INFO(name);
        CHECK(syzba::test::read_file(out / name) == syzba::test::read_file(alone));
      }
      // The messages come in the inputs' order whatever thread drew them: B.1.0's before C.7.0's.
      std::size_t b10 = many.out.find("B.1.0.bpmn");
      std::size_t c70 = many.out.find("C.7.0.bpmn");
      CHECK(b10 != std::string::npos);
      CHECK(c70 != std::string::npos);
      CHECK(b10 < c70);
    }
  }
  // A bad file fails alone (exit 2), the others are drawn; two inputs of one name, and
  // standard input, are refused before anything is written.
  auto bad = fixtures() / "bad" / "not-well-formed.bpmn";
  auto lanes = fixtures() / "layout" / "lanes.bpmn";
  CHECK(run_syzba("render " + quoted(bad) + " " + quoted(lanes) + " -o " + quoted(dir / "mixed") + "/ 2>/dev/null").exit_code == 2);
  CHECK(std::filesystem::exists(dir / "mixed" / "lanes.svg"));
  CHECK_FALSE(std::filesystem::exists(dir / "mixed" / "not-well-formed.svg"));
  std::filesystem::create_directories(dir / "copy");
  std::filesystem::copy_file(lanes, dir / "copy" / "lanes.bpmn");
  CHECK(run_syzba("render " + quoted(lanes) + " " + quoted(dir / "copy" / "lanes.bpmn") + " -o " + quoted(dir / "twice") +
                  "/ 2>/dev/null").exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(dir / "twice"));
  CHECK(run_syzba("render - " + quoted(lanes) + " -o " + quoted(dir / "stdin") + "/ < " + quoted(lanes) + " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("render " + quoted(lanes) + " " + quoted(lanes) + " -o " + quoted(dir / "w") + "/ --watch 2>/dev/null").exit_code == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("syzba table writes HTML, Markdown and CSV, and nothing for bad input", "[cli][table]") {
  auto dir = std::filesystem::temp_directory_path() / "syzba-cli-table-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto model = fixtures().parent_path().parent_path() / "models" / "000-patronage-provider-handbook.bpmn";
  for (const char* ext : {"html", "md", "csv"}) {
    INFO(ext);
    CHECK(run_syzba("table " + quoted(model) + " -o " + quoted(dir / (std::string("t.") + ext)) + " --lang ru").exit_code == 0);
  }
  std::string html = syzba::test::read_file(dir / "t.html");
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("<html lang=\"ru\">") &&
                       Catch::Contains("Продолжительность выполнения") && Catch::Contains("15 (он бес) минут"));
  CHECK_THAT(syzba::test::read_file(dir / "t.md"), Catch::Contains("| 4 (төрт) жұмыс күні |"));
  auto csv = run_syzba("table " + quoted(model) + " -o - --format csv --lang en");
  CHECK(csv.exit_code == 0);
  CHECK_THAT(csv.out, Catch::Contains("\"Next action no.\"") && Catch::Contains("\"3\",\"Көрсетілетін қызметті берушінің қызметкері\""));
  CHECK(run_syzba("table " + quoted(fixtures() / "bad" / "not-well-formed.bpmn") + " -o " + quoted(dir / "bad.html") + " 2>/dev/null").exit_code == 2);
  CHECK(run_syzba("table " + quoted(model) + " -o " + quoted(dir / "x.txt") + " 2>/dev/null").exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(dir / "bad.html"));
  CHECK_FALSE(std::filesystem::exists(dir / "x.txt"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("syzba publish: a bad file fails alone, pages are whole, unchanged inputs are skipped", "[cli][publish]") {
  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path() / "syzba-cli-publish-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  auto models = fixtures().parent_path().parent_path() / "models";
  fs::copy_file(models / "000-patronage-provider-handbook.bpmn", dir / "in" / "good.bpmn");
  fs::copy_file(fixtures() / "layout" / "lanes.bpmn", dir / "in" / "lanes.bpmn");  // no DI: laid out
  fs::copy_file(fixtures() / "bad" / "not-well-formed.bpmn", dir / "in" / "broken.bpmn");
  auto site = dir / "site";

  auto run = run_syzba("publish " + quoted(dir / "in") + " -o " + quoted(site) + " -j 2 2>" + quoted(dir / "log.txt"));
  CHECK(run.exit_code == 1);  // one file failed; the others are published
  std::string log = syzba::test::read_file(dir / "log.txt");
  CHECK_THAT(log, Catch::Contains("3 files: 2 published, 0 unchanged, 1 failed") && Catch::Contains("broken.bpmn"));
  for (const char* name : {"good", "lanes"})
    for (std::string file : {"index.html", "thumbnail.png", "summary.json"}) {
      INFO(name << "/" << file);
      CHECK(fs::exists(site / name / file));
    }
  CHECK(fs::exists(site / "good" / "good.pdf"));
  CHECK(syzba::test::read_file(site / "good" / "good.bpmn") == syzba::test::read_file(dir / "in" / "good.bpmn"));
  CHECK_FALSE(fs::exists(site / "broken"));  // no half-written page
  for (const auto& e : fs::directory_iterator(site)) CHECK(e.path().filename().string()[0] != '.');  // no temporaries left
  std::string index = syzba::test::read_file(site / "index.html");
  CHECK_THAT(index, Catch::Contains("good/index.html") && Catch::Contains("lanes/index.html") && Catch::Contains("broken.bpmn"));
  std::string page = syzba::test::read_file(site / "good" / "index.html");
  CHECK_THAT(page, Catch::Contains("<html lang=\"kk\">") && Catch::Contains("<svg") && Catch::Contains("href=\"#step-a1\"") &&
                       Catch::Contains("id=\"step-a1\"") && Catch::Contains("service-mismatch"));

  // Again, unchanged: nothing rebuilt; one input changed: only it is.
  auto stamp = fs::last_write_time(site / "good" / "index.html");
  CHECK(run_syzba("publish " + quoted(dir / "in" / "good.bpmn") + " " + quoted(dir / "in" / "lanes.bpmn") + " -o " + quoted(site) +
                  " 2>" + quoted(dir / "log.txt")).exit_code == 0);
  CHECK_THAT(syzba::test::read_file(dir / "log.txt"), Catch::Contains("2 files: 0 published, 2 unchanged, 0 failed"));
  CHECK(fs::last_write_time(site / "good" / "index.html") == stamp);
  // A file left empty (a crash before the final flush) makes its page be built again.
  fs::resize_file(site / "good" / "good.png", 0);
  CHECK(run_syzba("publish " + quoted(dir / "in" / "good.bpmn") + " " + quoted(dir / "in" / "lanes.bpmn") + " -o " + quoted(site) +
                  " 2>" + quoted(dir / "log.txt")).exit_code == 0);
  CHECK_THAT(syzba::test::read_file(dir / "log.txt"), Catch::Contains("2 files: 1 published, 1 unchanged, 0 failed"));
  CHECK(fs::file_size(site / "good" / "good.png") > 1000);
  std::string lanes = syzba::test::read_file(dir / "in" / "lanes.bpmn");
  { std::ofstream(dir / "in" / "lanes.bpmn", std::ios::binary) << lanes << "<!-- edited -->\n"; }
  CHECK(run_syzba("publish " + quoted(dir / "in" / "good.bpmn") + " " + quoted(dir / "in" / "lanes.bpmn") + " -o " + quoted(site) +
                  " --lang en 2>" + quoted(dir / "log.txt")).exit_code == 0);
  // Another language is another site: both pages are rebuilt, in English.
  CHECK_THAT(syzba::test::read_file(dir / "log.txt"), Catch::Contains("2 published"));
  CHECK_THAT(syzba::test::read_file(site / "lanes" / "index.html"), Catch::Contains("<html lang=\"en\">") && Catch::Contains("Action table"));
  { std::ofstream(dir / "in" / "lanes.bpmn", std::ios::binary) << lanes << "<!-- edited again -->\n"; }
  CHECK(run_syzba("publish " + quoted(dir / "in" / "good.bpmn") + " " + quoted(dir / "in" / "lanes.bpmn") + " -o " + quoted(site) +
                  " --lang en 2>" + quoted(dir / "log.txt")).exit_code == 0);
  CHECK_THAT(syzba::test::read_file(dir / "log.txt"), Catch::Contains("2 files: 1 published, 1 unchanged, 0 failed"));
  fs::remove_all(dir);
}
