// The largest inputs, through every verb: a chain of 300,000 tasks without DI (issue 21: it
// crashed render when Graphviz recursed along it) read, checked, listed, written back, laid out,
// drawn, tabled, published, described and compiled again. Each verb must finish without a crash
// and write its output whole. Under the sanitizers (this test runs there too, where every frame
// is several times larger and every step slower) the chain is 100,000 tasks: still far deeper
// than any stack would take if something recursed along the flow.
#include <catch2/catch.hpp>

#include <fstream>

#include <unistd.h>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using syzba::test::quoted;

#if defined(__SANITIZE_ADDRESS__)
constexpr int chain_tasks = 100'000;
#else
constexpr int chain_tasks = 300'000;
#endif

// A start event, the tasks in a row, an end event; flows between them; no DI, no lanes.
fs::path write_chain(const std::string& verb) {
  // The process id keeps two build trees' runs (plain and sanitized, side by side) apart.
  auto dir = fs::temp_directory_path() / ("syzba-largest-" + verb + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path file = dir / "chain.bpmn";
  std::ofstream f(file);
  f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
       "id=\"Chain\" targetNamespace=\"https://syzba.kz/tests/largest\">\n<bpmn:process id=\"p\" name=\"Тізбек\">\n"
       "<bpmn:startEvent id=\"s\" name=\"Өтініш\"/>\n";
  for (int i = 0; i < chain_tasks; ++i) f << "<bpmn:task id=\"t" << i << "\" name=\"Құжатты тексеру " << i << "\"/>\n";
  f << "<bpmn:endEvent id=\"e\" name=\"Нәтиже\"/>\n";
  std::string previous = "s";
  for (int i = 0; i < chain_tasks; ++i) {
    f << "<bpmn:sequenceFlow id=\"f" << i << "\" sourceRef=\"" << previous << "\" targetRef=\"t" << i << "\"/>\n";
    previous = "t" + std::to_string(i);
  }
  f << "<bpmn:sequenceFlow id=\"fe\" sourceRef=\"" << previous << "\" targetRef=\"e\"/>\n</bpmn:process>\n</bpmn:definitions>\n";
  return file;
}

// Runs a verb on the chain under a time limit ("{dir}" in args names the chain's folder): its
// exit code must be one it promises (never a crash: 124 is the time limit, 128+ a signal), its
// output there and whole, nothing half-written beside it, the input unchanged.
void run_verb(const std::string& verb, std::string args, const std::string& output, std::initializer_list<int> exits) {
  fs::path chain = write_chain(verb);
  fs::path dir = chain.parent_path();
  for (auto at = args.find("{dir}"); at != std::string::npos; at = args.find("{dir}")) args.replace(at, 5, dir.string());
  auto size = fs::file_size(chain);
  auto run = syzba::test::run_command("timeout -k 10 1200 " + quoted(syzba::test::syzba_binary()) + " " + verb + " " +
                                      quoted(chain) + " " + args + " > " + quoted(dir / "log") + " 2>&1");
  std::string log = syzba::test::read_file(dir / "log");
  INFO(verb << " on " << chain_tasks << " tasks, exit " << run.exit_code << ": " << log.substr(log.size() > 2000 ? log.size() - 2000 : 0));
  CHECK(std::find(exits.begin(), exits.end(), run.exit_code) != exits.end());
  if (!output.empty()) {
    REQUIRE(fs::exists(dir / output));
    CHECK(fs::file_size(dir / output) > 0);
  }
  for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  CHECK(fs::file_size(chain) == size);  // the input is never modified
  fs::remove_all(dir);
}

}  // namespace

// check and paths: 1 is a finding (the chain's tasks have no durations, labels repeat ...).
TEST_CASE("the largest chain: check", "[largest]") { run_verb("check", "", "", {0, 1}); }
TEST_CASE("the largest chain: paths", "[largest]") { run_verb("paths", "", "", {0, 1}); }
TEST_CASE("the largest chain: convert", "[largest]") { run_verb("convert", "-o {dir}/out.bpmn", "out.bpmn", {0}); }
TEST_CASE("the largest chain: layout", "[largest]") { run_verb("layout", "-o {dir}/out.bpmn", "out.bpmn", {0}); }
TEST_CASE("the largest chain: render SVG", "[largest]") { run_verb("render", "-o {dir}/out.svg", "out.svg", {0}); }
TEST_CASE("the largest chain: table", "[largest]") { run_verb("table", "-o {dir}/out.md", "out.md", {0}); }
TEST_CASE("the largest chain: publish", "[largest]") { run_verb("publish", "-o {dir}/site", "site/index.html", {0}); }
TEST_CASE("the largest chain: describe", "[largest]") { run_verb("describe", "-o {dir}/out.syzba", "out.syzba", {0}); }
TEST_CASE("the largest chain: compile its text form", "[largest]") {
  fs::path chain = write_chain("compile");
  fs::path text = chain.parent_path() / "chain.syzba";
  REQUIRE(syzba::test::run_syzba("describe " + quoted(chain) + " -o " + quoted(text) + " 2>/dev/null").exit_code == 0);
  auto run = syzba::test::run_command("timeout -k 10 1200 " + quoted(syzba::test::syzba_binary()) + " compile " + quoted(text) +
                                      " -o " + quoted(chain.parent_path() / "out.bpmn") + " 2>&1 | tail -n 3");
  INFO(run.out);
  CHECK(run.out.find("error") == std::string::npos);
  REQUIRE(fs::exists(chain.parent_path() / "out.bpmn"));
  CHECK(fs::file_size(chain.parent_path() / "out.bpmn") > fs::file_size(chain));  // with its diagram
  fs::remove_all(chain.parent_path());
}
