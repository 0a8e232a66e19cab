// tests/hostile/: malformed and hostile inputs, each with the exit code and message syzba
// must answer (expected.tsv). Every one is checked and rendered under a time limit: no crash,
// no hang, no partial output, the input never modified; a drawn SVG is well-formed and carries
// no markup or script from the labels. The largest inputs (a million elements, 100,000-deep
// nesting, a 10 MB label) are made here rather than committed.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <set>

#include <pugixml.hpp>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using syzba::test::quoted;

fs::path hostile() { return syzba::test::fixtures().parent_path() / "hostile"; }

// syzba under a time limit, standard error with standard output; 124 when it was killed.
syzba::test::Run run_limited(const std::string& args, int seconds = 60) {
  return syzba::test::run_command("timeout -k 5 " + std::to_string(seconds) + " " + quoted(syzba::test::syzba_binary()) + " " +
                                  args + " 2>&1");
}

struct Expected {
  std::string file, says;
  int check_exit = 0, render_exit = 0;
};

std::vector<Expected> expectations() {
  std::vector<Expected> out;
  std::ifstream in(hostile() / "expected.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t at = 0;
    for (std::size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1) cells.push_back(line.substr(at, tab - at));
    cells.push_back(line.substr(at));
    REQUIRE(cells.size() == 4);
    out.push_back({cells[0], cells[2], std::stoi(cells[1]), std::stoi(cells[3])});
  }
  return out;
}

// What no SVG drawn from a hostile label may contain: elements or attributes other than our
// writer's (a label's "<img onerror=…>" stays text), script URLs, reordering controls.
void check_svg_is_ours(const std::string& svg) {
  pugi::xml_document doc;
  INFO(svg.substr(0, 300));
  REQUIRE(doc.load_string(svg.c_str()));
  static const std::set<std::string> elements{"svg", "title", "desc", "g", "a", "rect", "circle", "ellipse", "path", "text", "tspan"};
  static const std::set<std::string> attributes{
      "xmlns", "version", "width", "height", "viewBox", "role", "aria-labelledby", "xml:lang", "font-family", "id", "class",
      "data-element-id", "data-element-type", "data-detail", "x", "y", "rx", "ry", "cx", "cy", "r", "d", "fill", "fill-opacity",
      "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "font-size", "font-weight",
      "text-anchor", "transform", "xml:space", "href"};
  std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      INFO(c.name());
      CHECK(elements.count(c.name()));
      for (auto a : c.attributes()) {
        INFO(a.name() << "=" << a.value());
        CHECK(attributes.count(a.name()));
        std::string value = a.value();
        CHECK(value.find("javascript:") == std::string::npos);
      }
      walk(c);
    }
  };
  walk(doc);
  CHECK(svg.find("\xE2\x80\xAE") == std::string::npos);  // no right-to-left override
}

void check_and_render(const fs::path& file, int check_exit, const std::string& says, int render_exit, const fs::path& out) {
  std::string before = syzba::test::read_file(file);
  auto check = run_limited("check --lang en " + quoted(file));
  CHECK(check.exit_code == check_exit);
  CHECK_THAT(check.out, Catch::Contains(says));
  fs::remove(out);
  auto render = run_limited("render " + quoted(file) + " -o " + quoted(out));
  INFO(render.out.substr(0, 500));
  CHECK(render.exit_code == render_exit);
  if (render.exit_code == 0) check_svg_is_ours(syzba::test::read_file(out));
  else CHECK_FALSE(fs::exists(out));  // nothing half-written
  for (const auto& e : fs::directory_iterator(out.parent_path())) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  CHECK(syzba::test::read_file(file) == before);  // inputs are never modified
}

}  // namespace

TEST_CASE("every hostile input gets its expected exit code and message, in time, and leaves nothing half-written", "[hostile]") {
  auto expected = expectations();
  CHECK(expected.size() >= 100);
  auto out_dir = fs::temp_directory_path() / "syzba-hostile-test";
  fs::remove_all(out_dir);
  fs::create_directories(out_dir);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(hostile())) files += e.path().extension() == ".bpmn";
  CHECK(files == expected.size());  // every file has its expectation
  for (const auto& x : expected) {
    INFO(x.file);
    check_and_render(hostile() / x.file, x.check_exit, x.says, x.render_exit, out_dir / "out.svg");
  }
  fs::remove_all(out_dir);
}

TEST_CASE("the largest hostile inputs: a million elements, 100,000-deep nesting, a 10 MB label", "[hostile]") {
  auto dir = fs::temp_directory_path() / "syzba-hostile-large";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string open = "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"t\">";
  {
    std::ofstream f(dir / "million.bpmn");
    f << open << "<bpmn:process id=\"p\">";
    for (int i = 0; i <= 1000000; ++i) f << "<bpmn:task id=\"t" << i << "\"/>";
    f << "</bpmn:process></bpmn:definitions>";
  }
  check_and_render(dir / "million.bpmn", 2, "more than 1000000 elements", 2, dir / "out.svg");
  {
    std::ofstream f(dir / "deep.bpmn");
    f << open;
    for (int i = 0; i < 100000; ++i) f << "<bpmn:extensionElements>";
    for (int i = 0; i < 100000; ++i) f << "</bpmn:extensionElements>";
    f << "</bpmn:definitions>";
  }
  check_and_render(dir / "deep.bpmn", 2, "nested more than", 2, dir / "out.svg");
  {
    std::ofstream f(dir / "label.bpmn");
    f << open << "<bpmn:process id=\"p\"><bpmn:startEvent id=\"s\" name=\"S\"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>"
      << "<bpmn:task id=\"t\" name=\"";
    for (int i = 0; i < 2'500'000; ++i) f << "жол ";  // 10 MB of Kazakh words
    f << "\"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:task>"
      << "<bpmn:endEvent id=\"e\" name=\"E\"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>"
      << "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/>"
      << "</bpmn:process></bpmn:definitions>";
  }
  check_and_render(dir / "label.bpmn", 0, "0 errors", 0, dir / "out.svg");
  CHECK(fs::file_size(dir / "out.svg") < 200'000);  // the label is bounded in the picture
  fs::remove_all(dir);
}
