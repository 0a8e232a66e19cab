#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "io/encoding.h"
#include "io/io.h"
#include "test_support.h"

namespace io = syzba::io;
namespace model = syzba::model;
using syzba::test::fixtures;
using syzba::test::read_file;

namespace {

model::Definitions read_ok(const std::string& bytes) {
  auto r = io::read_bpmn(bytes);
  for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.line << ":" << d.column << " " << d.rule << " " << d.message);
  REQUIRE(r.definitions);
  return *r.definitions;
}

const model::Diagnostic& only_fatal(const io::ReadResult& r) {
  REQUIRE_FALSE(r.definitions);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "unreadable");
  return r.diagnostics[0];
}

// Elements and non-namespace attributes of a document, to show nothing is dropped.
struct XmlCounts {
  int elements = 0, attributes = 0, comments = 0;
};
XmlCounts count_xml(const std::string& text) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(text.c_str(), pugi::parse_default | pugi::parse_comments));
  XmlCounts c;
  struct Walker : pugi::xml_tree_walker {
    XmlCounts* c;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_comment) ++c->comments;
      if (n.type() != pugi::node_element) return true;
      ++c->elements;
      for (auto a : n.attributes())
        if (std::string_view(a.name()).substr(0, 5) != "xmlns") ++c->attributes;
      return true;
    }
  } walker;
  walker.c = &c;
  doc.traverse(walker);
  return c;
}

}  // namespace

TEST_CASE("the reader takes a handbook with lanes and durations and the syzba extension", "[io]") {
  auto defs = read_ok(read_file(fixtures() / "good" / "patronage-handbook.bpmn"));
  REQUIRE(defs.service);
  CHECK(defs.service->name.rfind("Патронат", 0) == 0);
  REQUIRE(defs.service->term);
  CHECK(defs.service->term->amount == 10);
  CHECK(defs.service->term->unit == model::TimeUnit::working_day);
  CHECK(defs.service->source == "000_dc2a33a230cff0b3.txt");
  REQUIRE(defs.processes.size() == 1);
  const auto& p = defs.processes[0];
  REQUIRE(p.content.lane_sets.size() == 1);
  CHECK(p.content.lane_sets[0].lanes[1].name == "Басшы");
  CHECK(p.content.lane_sets[0].lanes[1].flow_node_refs.size() == 3);
  const auto& task = p.content.nodes[1];
  CHECK(task.kind == model::NodeKind::task);
  REQUIRE(task.duration);
  CHECK(task.duration->amount == 15);
  CHECK(task.duration->text == "15 (он бес) минут");
  CHECK(task.documentation[0].text == "Орындалу ұзақтығы – 15 (он бес) минут & <тексеру>");
  // camunda:properties stays, the syzba duration moved onto the task
  REQUIRE(task.extras->extensions.size() == 1);
  CHECK(task.extras->extensions[0].qname == "camunda:properties");
  CHECK(p.content.nodes[4].event_definitions.at(0).kind == model::EventKind::error);
  CHECK(p.content.flows[2].name == "Иә");
  CHECK(task.pos.line == 28);
  CHECK(task.pos.column == 5);
  REQUIRE(defs.diagrams.size() == 1);
  const auto& flow_yes = defs.diagrams[0].plane.elements[10];
  CHECK(flow_yes.kind == model::DiKind::edge);
  CHECK(flow_yes.waypoints[1].x == 518.5);
}

TEST_CASE("written BPMN reads back equal and writes back identical", "[io]") {
  for (const auto& file : syzba::test::bpmn_files(fixtures() / "good")) {
    INFO(file);
    auto first = read_ok(read_file(file));
    std::string once = io::write_bpmn(first);
    auto second = read_ok(once);
    CHECK(first == second);
    CHECK(io::write_bpmn(second) == once);
  }
}

TEST_CASE("the writer keeps every element and attribute and comment", "[io]") {
  std::string original = read_file(fixtures() / "good" / "patronage-handbook.bpmn");
  std::string written = io::write_bpmn(read_ok(original));
  auto before = count_xml(original);
  auto after = count_xml(written);
  CHECK(after.elements == before.elements);
  CHECK(after.attributes == before.attributes);
  CHECK(after.comments == before.comments);
  CHECK(written.find("camunda:versionTag=\"1\"") != std::string::npos);
  CHECK(written.find("<camunda:property name=\"note\" value=\"kept as written\"") != std::string::npos);
  CHECK(written.find("&amp; &lt;тексеру&gt;") != std::string::npos);
}

TEST_CASE("the model equality sees a changed value", "[io]") {
  auto a = read_ok(read_file(fixtures() / "good" / "patronage-handbook.bpmn"));
  auto b = a;
  CHECK(a == b);
  b.processes[0].content.nodes[1].duration->amount = 16;
  CHECK_FALSE(a == b);
  b = a;
  b.processes[0].content.nodes[1].extras->extensions[0].children[0].attributes[1].value = "changed";
  CHECK_FALSE(a == b);
}

// A flow node's content is on the heap only for a sub-process that holds something (issue 20:
// 168 bytes in every task of a 100,000-node model); the model still reads, copies and compares
// as values.
TEST_CASE("a task carries no content; a sub-process's is copied deeply", "[io]") {
  auto defs = read_ok(
      "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\"><process id=\"p\">"
      "<task id=\"t\"/><subProcess id=\"s\"><task id=\"inner\"/></subProcess><subProcess id=\"empty\"/>"
      "</process></definitions>");
  auto& nodes = defs.processes.at(0).content.nodes;
  REQUIRE(nodes.size() == 3);
  CHECK(nodes[0].content.get() == nullptr);  // the reader and the reference pass made none
  CHECK(std::as_const(nodes[0]).content->nodes.empty());
  CHECK(nodes[0].content.get() == nullptr);  // reading through const makes none either
  REQUIRE(nodes[1].content.get() != nullptr);
  CHECK(nodes[1].content->nodes.at(0).id == "inner");
  auto copy = defs;
  copy.processes[0].content.nodes[1].content->nodes[0].id = "changed";
  CHECK(defs.processes[0].content.nodes[1].content->nodes[0].id == "inner");  // deep, not shared
  CHECK_FALSE(copy == defs);
  copy = defs;
  copy.processes[0].content.nodes[0].content->nodes.clear();  // written through: made, still empty
  CHECK(copy.processes[0].content.nodes[0].content.get() != nullptr);
  CHECK(copy == defs);  // an empty content equals none
}

TEST_CASE("a model built in code gets the syzba namespace and the usual prefixes", "[io]") {
  model::Definitions defs;
  defs.id = "D";
  model::Process p;
  p.id = "P";
  model::FlowNode task;
  task.id = "T";
  task.name = "Тіркеу";
  task.duration = model::Duration{2, model::TimeUnit::working_day, "2 (екі) жұмыс күні"};
  p.content.nodes.push_back(task);
  defs.processes.push_back(p);
  std::string xml = io::write_bpmn(defs);
  CHECK(xml.find("xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"") != std::string::npos);
  CHECK(xml.find("xmlns:syzba=\"https://syzba.kz/schema/bpmn/1.0\"") != std::string::npos);
  CHECK(xml.find("<syzba:duration amount=\"2\" unit=\"working-day\" text=\"2 (екі) жұмыс күні\" />") != std::string::npos);
  auto back = read_ok(xml);
  REQUIRE(back.processes.at(0).content.nodes.at(0).duration);
  CHECK(*back.processes[0].content.nodes[0].duration == *task.duration);
}

TEST_CASE("Latin-1 files and the default namespace are read", "[io]") {
  auto defs = read_ok(read_file(fixtures() / "good" / "latin1-default-namespace.bpmn"));
  REQUIRE(defs.processes.at(0).content.nodes.size() == 1);
  CHECK(defs.processes[0].content.nodes[0].name == "Café naïve");
  std::string xml = io::write_bpmn(defs);
  CHECK(xml.find("encoding=\"UTF-8\"") != std::string::npos);
  CHECK(xml.find("<task id=\"T\" name=\"Café naïve\" />") != std::string::npos);
}

TEST_CASE("UTF-16 with a byte order mark is read", "[io]") {
  std::string utf8 = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"Ә\"/>";
  std::string utf16 = "\xFF\xFE";
  std::u32string chars = U"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"\u04D8\"/>";
  for (char32_t c : chars) {
    utf16.push_back(static_cast<char>(c & 0xFF));
    utf16.push_back(static_cast<char>(c >> 8));
  }
  CHECK(read_ok(utf16).id == "Ә");
  CHECK(read_ok(utf8).id == "Ә");
}

TEST_CASE("input that cannot be read gets one clear fatal diagnostic with its position", "[io]") {
  struct Case {
    const char* file;
    int line;
    const char* says;
  };
  for (const Case& c : {Case{"not-well-formed.bpmn", 5, "not well-formed XML"},
                        Case{"not-bpmn.bpmn", 2, "not a BPMN 2.0 file: the root element is <html>"},
                        Case{"wrong-namespace.bpmn", 2, "expected <definitions> in http://www.omg.org/spec/BPMN/20100524/MODEL"},
                        Case{"empty.bpmn", 1, "not well-formed XML"},
                        Case{"external-entity.bpmn", 2, "entity declarations are not allowed"},
                        Case{"entity-expansion.bpmn", 2, "entity declarations are not allowed"},
                        Case{"control-character.bpmn", 3, "U+0007 (a control character) is not allowed"},
                        Case{"control-character-reference.bpmn", 3, "reference &#1; is not allowed"}}) {
    INFO(c.file);
    auto r = io::read_bpmn(read_file(fixtures() / "bad" / c.file));
    const auto& d = only_fatal(r);
    CHECK(d.line == c.line);
    CHECK(d.column >= 1);
    CHECK_THAT(d.message, Catch::Contains(c.says));
  }
}

TEST_CASE("bytes that are not UTF-8 in a file that says UTF-8 are read as Windows-1252, with a warning where they stand", "[io]") {
  auto r = io::read_bpmn(read_file(fixtures() / "bad" / "invalid-utf8.bpmn"));
  REQUIRE(r.definitions);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "invalid-encoding");
  CHECK(r.diagnostics[0].severity == model::Severity::warning);
  CHECK(r.diagnostics[0].line == 3);
  CHECK(r.diagnostics[0].column == 34);
  CHECK_THAT(r.diagnostics[0].message, Catch::Contains("0xFF"));
  CHECK(r.definitions->processes.at(0).name == "bad \u00FF\u00FE bytes");
  // Latin-1 text as GenMyModel writes it, and a valid sequence beside it kept as it is.
  auto latin = io::read_bpmn(std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><process id="P" name="kl)") + "\xE4ren \xC3\xA4 \x80" + R"("/></definitions>)");
  REQUIRE(latin.definitions);
  CHECK(latin.definitions->processes.at(0).name == "kl\u00E4ren \u00E4 \u20AC");
}

TEST_CASE("references written as QNames name the element by their local part", "[io]") {
  auto r = io::read_bpmn(R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tns="urn:t" id="D" targetNamespace="urn:t">
  <bpmn2:process id="P">
    <bpmn2:startEvent id="S"/><bpmn2:endEvent id="E"/>
    <bpmn2:sequenceFlow id="F" sourceRef="bpmn2:S" targetRef="tns:E"/>
    <bpmn2:sequenceFlow id="G" sourceRef="S" targetRef="tns:nowhere"/>
  </bpmn2:process>
</bpmn2:definitions>)");
  REQUIRE(r.definitions);
  const auto& flows = r.definitions->processes.at(0).content.flows;
  CHECK(flows.at(0).source == "S");
  CHECK(flows.at(0).target == "E");
  CHECK(flows.at(1).target == "tns:nowhere");   // dangling either way: left for check to report
}

TEST_CASE("values of the wrong type are reported where they stand", "[io]") {
  auto numbers = io::read_bpmn(read_file(fixtures() / "bad" / "invalid-number.bpmn"));
  REQUIRE(numbers.definitions);
  REQUIRE(numbers.diagnostics.size() == 2);
  CHECK(numbers.diagnostics[0].rule == "invalid-di");  // diagram coordinates: drawing verbs repair them
  CHECK(numbers.diagnostics[0].line == 9);
  CHECK_THAT(numbers.diagnostics[0].message, Catch::Contains("x=\"ten\""));
  CHECK_THAT(numbers.diagnostics[1].message, Catch::Contains("width=\"NaN\""));
  auto boolean = io::read_bpmn(read_file(fixtures() / "bad" / "bad-boolean.bpmn"));
  REQUIRE(boolean.diagnostics.size() == 1);
  CHECK(boolean.diagnostics[0].element == "Timer");
  CHECK_THAT(boolean.diagnostics[0].message, Catch::Contains("cancelActivity=\"maybe\""));
}

TEST_CASE("an unreadable syzba duration is kept and reported and not dropped", "[io]") {
  std::string xml = R"(<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:syzba="https://syzba.kz/schema/bpmn/1.0" id="D">
  <bpmn:process id="P"><bpmn:task id="T"><bpmn:extensionElements>
    <syzba:duration text="бірнеше күн" />
  </bpmn:extensionElements></bpmn:task></bpmn:process></bpmn:definitions>)";
  auto r = io::read_bpmn(xml);
  REQUIRE(r.definitions);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "syzba-extension");
  const auto& task = r.definitions->processes[0].content.nodes[0];
  CHECK_FALSE(task.duration);
  CHECK(task.extras->extensions.size() == 1);
  CHECK(io::write_bpmn(*r.definitions).find("бірнеше күн") != std::string::npos);
}

TEST_CASE("files over the size limit are refused before parsing", "[io]") {
  auto r = io::read_bpmn(std::string(2000, ' '), io::ReadLimits{1000});
  CHECK_THAT(only_fatal(r).message, Catch::Contains("more than the limit of 1000"));
}

TEST_CASE("atomic writes leave the old file or the new one and never a temporary", "[io]") {
  auto dir = std::filesystem::temp_directory_path() / "syzba-atomic-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (auto flush : {io::Flush::each_file, io::Flush::by_caller}) {
    INFO("flushed by the caller: " << (flush == io::Flush::by_caller));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto target = dir / "out.bpmn";
    REQUIRE_FALSE(io::write_file_atomically(target.string(), "first", flush));
    REQUIRE_FALSE(io::write_file_atomically(target.string(), "second", flush));
    CHECK(read_file(target) == "second");
    auto failed = io::write_file_atomically((dir / "missing-folder" / "out.bpmn").string(), "x", flush);
    REQUIRE(failed);
    CHECK_THAT(*failed, Catch::Contains("cannot create a temporary"));
    // A folder where the file should be: written, then refused at the rename, the temporary gone.
    std::filesystem::create_directories(dir / "taken.svg" / "inside");
    auto refused = io::write_file_atomically((dir / "taken.svg").string(), "x", flush);
    REQUIRE(refused);
    CHECK_THAT(*refused, Catch::Contains("cannot rename the temporary"));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++entries;
    CHECK(entries == 2);  // out.bpmn and the folder taken.svg
    CHECK_FALSE(io::flush_folder(dir.string()));
  }
  CHECK(io::flush_folder((dir / "missing-folder").string()));
  std::filesystem::remove_all(dir);
}

TEST_CASE("100000-deep nesting is refused without recursion", "[io]") {
  const int depth = 100000;
  std::string xml = R"(<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">)"
                    R"(<bpmn:process id="P"><bpmn:extensionElements>)";
  for (int i = 0; i < depth; ++i) xml += "<a>";
  for (int i = 0; i < depth; ++i) xml += "</a>";
  xml += "</bpmn:extensionElements></bpmn:process></bpmn:definitions>";
  auto r = io::read_bpmn(xml);
  CHECK_THAT(only_fatal(r).message, Catch::Contains("nested more than 1000 levels"));
}

TEST_CASE("attribute values with line breaks and quotes survive a round trip", "[io]") {
  std::string xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\">"
                    "<bpmn:process id=\"P\"><bpmn:task id=\"T\" name=\"бірінші&#10;екінші &quot;жол&quot;&#9;&lt;&amp;\"/>"
                    "</bpmn:process></bpmn:definitions>";
  auto first = read_ok(xml);
  CHECK(first.processes[0].content.nodes[0].name == "бірінші\nекінші \"жол\"\t<&");
  auto second = read_ok(io::write_bpmn(first));
  CHECK(second.processes[0].content.nodes[0].name == first.processes[0].content.nodes[0].name);
}

TEST_CASE("mixed content in kept elements keeps its text exactly", "[io]") {
  std::string xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\">"
                    "<bpmn:process id=\"P\"><bpmn:documentation>Бірінші <b>маңызды</b> сөз</bpmn:documentation>"
                    "<bpmn:extensionElements><x:note xmlns:x=\"urn:x\">алды <x:em>ортасы</x:em> соңы<![CDATA[ a]]>b ]]]></x:note>"
                    "</bpmn:extensionElements></bpmn:process></bpmn:definitions>";
  auto first = read_ok(xml);
  std::string once = io::write_bpmn(first);
  auto second = read_ok(once);
  CHECK(first == second);
  CHECK(io::write_bpmn(second) == once);
  CHECK(once.find("<x:note xmlns:x=\"urn:x\">алды <x:em>ортасы</x:em> соңы") != std::string::npos);
  CHECK(once.find(">Бірінші <b>маңызды</b> сөз</bpmn:documentation>") != std::string::npos);
  CHECK(first.processes[0].documentation.at(0).text == "Бірінші  сөз");
}

TEST_CASE("more elements than --max-elements are refused before any is read", "[io]") {
  std::string many = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"p\">";
  for (int i = 0; i < 200; ++i) many += "<bpmn:task id=\"t" + std::to_string(i) + "\"/>";
  many += "</bpmn:process></bpmn:definitions>";
  syzba::io::ReadLimits limits;
  limits.max_elements = 100;
  auto r = syzba::io::read_bpmn(many, limits);
  CHECK_FALSE(r.definitions);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK_THAT(r.diagnostics[0].message, Catch::Contains("more than 100 elements") && Catch::Contains("--max-elements"));
  CHECK(r.diagnostics[0].line == 1);
  CHECK(r.diagnostics[0].column > 1000);  // the 101st element, found on the one long line
  limits.max_elements = 1000;
  CHECK(syzba::io::read_bpmn(many, limits).definitions);
}

TEST_CASE("io: a name XML with namespaces forbids is refused, not written back unreadable", "[io]") {
  // Found by fuzzing: pugixml takes xmlns:9dc, and the writer then wrote <9dc:Bounds>.
  auto read = syzba::io::read_bpmn(
      "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:9dc=\"x\" id=\"D\">\n"
      "  <bpmn:process id=\"P\"/>\n</bpmn:definitions>\n");
  CHECK_FALSE(read.definitions);
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].line == 1);
  CHECK_THAT(read.diagnostics[0].message, Catch::Contains("`xmlns:9dc` is not a name"));
}

TEST_CASE("an element whose prefix is declared on itself is read as what it is", "[io]") {
  // Modelio 3.5: <ns5:callActivity xmlns:ns5="…/MODEL" xmlns="">, inside a default-namespace process.
  auto r = io::read_bpmn(R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <process id="P">
    <ns5:callActivity xmlns:ns5="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns="" id="C" name="Call"/>
  </process>
</definitions>)");
  REQUIRE(r.definitions);
  const auto& nodes = r.definitions->processes.at(0).content.nodes;
  REQUIRE(nodes.size() == 1);
  CHECK(nodes[0].id == "C");
  CHECK(nodes[0].kind == model::NodeKind::call_activity);
  std::string written = io::write_bpmn(*r.definitions);
  auto again = io::read_bpmn(written);
  REQUIRE(again.definitions);
  CHECK(io::write_bpmn(*again.definitions) == written);
}

// The reader's scans pass over words of eight bytes (encoding.cpp) and count lines on from
// the last position asked for (reader.cpp): the tests put what they must find at every offset
// of a word, beside line breaks, tabs, Cyrillic, 0xEF sequences XML allows and references.
namespace {

// Line and column (in characters) of a byte offset, counted the plain way.
std::pair<int, int> plain_position(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') line += 1, column = 1;
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

const std::string allowed_text = "ab\tc\r\n\xD0\xB4\xD0\xB5 &amp; &#x41; &#65; \xEF\xBB\xBF \xEF\xBF\xBD x\n  y";

// Whether a character starts at that offset (inserting inside one would make it invalid).
bool starts_character(std::string_view text, std::size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

TEST_CASE("a forbidden character is found wherever it stands in an eight-byte word", "[io]") {
  CHECK(io::to_utf8(allowed_text + allowed_text).text);
  const std::pair<std::string, std::string> forbidden[] = {
      {"\x01", "read.forbidden-control"},          {"\x1F", "read.forbidden-control"},
      {std::string(1, '\0'), "read.forbidden-control"}, {"\x7F\x08", "read.forbidden-control"},
      {"\xEF\xBF\xBE", "read.forbidden-noncharacter"}, {"\xEF\xBF\xBF", "read.forbidden-noncharacter"},
      {"&#1;", "read.forbidden-reference"},         {"&#x1F;", "read.forbidden-reference"}};
  for (std::size_t at = 0; at <= allowed_text.size(); ++at) {
    if (!starts_character(allowed_text, at)) continue;
    for (const auto& [bad, id] : forbidden) {
      std::string text = allowed_text.substr(0, at) + bad + allowed_text.substr(at) + allowed_text;
      auto offset = at + (bad[0] == '\x7F' ? 1 : 0);  // DEL is allowed, the backspace after it is not
      auto out = io::to_utf8(text);
      INFO("at " << at << ", " << id);
      CHECK_FALSE(out.text);
      CHECK(out.error.id == id);
      auto [line, column] = plain_position(text, offset);
      CHECK(out.error_line == line);
      CHECK(out.error_column == column);
    }
  }
}

TEST_CASE("invalid UTF-8 is found wherever it stands in an eight-byte word", "[io]") {
  const std::string invalid[] = {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4r", "\xD0"};
  for (std::size_t at = 0; at <= allowed_text.size(); ++at) {
    if (!starts_character(allowed_text, at)) continue;
    for (const auto& bad : invalid) {
      std::string text = "<" + allowed_text.substr(0, at) + bad + allowed_text.substr(at);
      auto out = io::to_utf8(text);
      INFO("at " << at);
      REQUIRE(out.text);
      CHECK(out.warning.id == "read.utf8-repaired");
      auto [line, column] = plain_position(text, at + 1);
      CHECK(out.warning_line == line);
      CHECK(out.warning_column == column);
    }
  }
}

TEST_CASE("element positions are counted on line by line, and a lexical error is placed in an attribute", "[io]") {
  std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
                     "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\">\r\n"
                     "<process id=\"P\">\n\n";
  // D's name is followed by a line break, which pugixml's parse in place overwrites: E was
  // placed a line up when lines were counted in the parsed text.
  std::string body = "  <task id=\"A\" name=\"\xD2\x9B\xD2\xB1\"/><task id=\"B\"\n/>\t<task id=\"C\" name='a\"b'/>\n"
                     "<task\n id=\"D\"/>\n<task id=\"E\"/>\n";
  auto defs = read_ok(head + body + "</process></definitions>");
  const auto& nodes = defs.processes.at(0).content.nodes;
  REQUIRE(nodes.size() == 5);
  CHECK(std::pair{nodes[3].pos.line, nodes[3].pos.column} == std::pair{7, 1});
  CHECK(std::pair{nodes[4].pos.line, nodes[4].pos.column} == std::pair{9, 1});
  CHECK(std::pair{nodes[0].pos.line, nodes[0].pos.column} == std::pair{5, 3});
  CHECK(std::pair{nodes[1].pos.line, nodes[1].pos.column} == std::pair{5, 27});
  CHECK(std::pair{nodes[2].pos.line, nodes[2].pos.column} == std::pair{6, 4});
  for (const auto& [value, id] : {std::pair{"a'b<c", "read.xml.lt-in-attribute"}, std::pair{"a'b&c", "read.xml.bad-ampersand"},
                                  std::pair{"&amp;&lt;", ""}}) {
    std::string text = head + "  <task id=\"X\" name=\"" + value + "\"/>\n</process></definitions>";
    auto r = io::read_bpmn(text);
    INFO(value);
    if (std::string_view(id).empty()) {
      CHECK(r.definitions);
      continue;
    }
    const auto& d = only_fatal(r);
    CHECK(d.message_id == id);
    CHECK(d.line == 5);
    CHECK(d.column == 25);
  }
}

TEST_CASE("duplicate attributes and bad names are found by the scan before the parse, as the DOM showed them", "[io]") {
  const std::string head = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\">\n";
  auto fatal_of = [&](const std::string& process) -> model::Diagnostic {
    auto r = io::read_bpmn(head + process + "\n</bpmn:definitions>\n");
    return only_fatal(r);
  };
  std::string nine;
  for (int k = 1; k <= 9; ++k) nine += " a" + std::to_string(k) + "=\"=\"";
  struct Case {
    std::string process;
    std::string_view message_id;
    int line, column;
  };
  for (const Case& c : {Case{"<bpmn:process id=\"P\"" + nine + " a3=\"x\"/>", "read.xml.duplicate-attribute", 2, 1},
                        Case{"<bpmn:process id=\"P\"" + nine + " xmlns:9x=\"u\"/>", "read.xml.bad-name", 2, 1},
                        Case{"<bpmn:process id=\"P\" xmlns:9x=\"u\"" + nine + " a9=\"u\"/>", "read.xml.duplicate-attribute", 2, 1},
                        Case{"<bpmn:process\n\tid=\"P\"\n\txmlns:9x\n=\n'u'/>", "read.xml.bad-name", 2, 1},
                        Case{"  <bpmn:process id=\"P\" name=\"a=b\"><a:b:c x=\"1\"/></bpmn:process>", "read.xml.bad-name", 2, 35},
                        // the parse's own error comes first, as it did when the DOM was walked after it
                        Case{"<bpmn:process id=\"P\" a=\"1\" a=\"2\"/><bpmn:x>", "read.xml.parser", 3, 0}}) {
    INFO(c.process);
    auto d = fatal_of(c.process);
    CHECK(d.message_id == c.message_id);
    CHECK(d.line == c.line);
    if (c.column > 0) CHECK(d.column == c.column);
  }
  for (std::string cut : {"<bpmn:process id=\"P", "<bpmn:process id=\"P\" a", "<bpmn:process id=\"P\" a=\"1\""}) {
    auto r = io::read_bpmn(head + cut);  // a file that ends inside a tag: the parse's error
    CHECK(only_fatal(r).message_id == "read.xml.parser");
  }
  std::string fine = "<bpmn:process id=\"P\"" + nine + " name=\"a a1=&quot;\"/>";
  CHECK(io::read_bpmn(head + fine + "\n</bpmn:definitions>\n").definitions);
}
