// describe → compile gives back an equal process, for every model in models/ and every MIWG
// reference model; what the text form cannot say is listed in docs/text-form.md, and every
// construct describe reports as lost must be one listed there. On every file of the vendor
// suite too, describe writes text that compiles and describes to the same text again; the
// fixtures in tests/fixtures/text/ show what describe writes for each kind of loss.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "io/io.h"
#include "test_support.h"
#include "text/text.h"

using namespace syzba;

namespace {

std::filesystem::path project_dir() { return test::fixtures().parent_path().parent_path(); }

std::string duration_key(const std::optional<model::Duration>& d) {
  if (!d) return "-";
  std::string key = fmt::format("{} {}", d->amount, model::unit_name(d->unit));
  // A wording that says another amount is reported lost; one that says this amount is kept.
  auto reparsed = model::parse_duration(d->text);
  if (!d->text.empty() && reparsed.duration && reparsed.duration->amount == d->amount && reparsed.duration->unit == d->unit)
    key += " \"" + d->text + "\"";
  return key;
}

std::string service_key(const std::optional<model::ServiceInfo>& s) {
  if (!s) return "-";
  return fmt::format("{}|{}|{}|{}|{}", s->name, duration_key(s->term), s->regulation, s->appendix, s->source);
}

void lanes_of(const std::vector<model::LaneSet>& sets, const std::string& parent, std::map<std::string, std::string>& deepest,
              std::vector<std::string>& out, const std::string& process) {
  for (const auto& set : sets)
    for (const auto& lane : set.lanes) {
      out.push_back(fmt::format("lane {} {} \"{}\" in {}", process, lane.id, lane.name, parent));
      for (const auto& ref : lane.flow_node_refs) deepest[ref] = lane.id;  // children come later: deeper wins
      lanes_of(lane.child_lane_sets, lane.id, deepest, out, process);
    }
}

void container_of(const model::Container& c, const std::string& scope, const std::map<std::string, std::string>& lane,
                  std::vector<std::string>& out) {
  std::set<std::string> data;
  for (const auto& r : c.data_object_refs) {
    data.insert(r.id);
    out.push_back(fmt::format("document {} {} \"{}\"", scope, r.id, r.name));
  }
  for (const auto& r : c.data_store_refs) {
    data.insert(r.id);
    out.push_back(fmt::format("store {} {} \"{}\"", scope, r.id, r.name));
  }
  std::map<std::string, std::string> default_of;
  for (const auto& n : c.nodes) {
    std::vector<std::string> events;
    for (const auto& d : n.event_definitions) events.emplace_back(model::type_name(d.kind));
    std::sort(events.begin(), events.end());
    std::string outputs;
    for (const auto& a : n.data_outputs)
      if (data.count(a.target)) outputs += a.target + ",";
    auto in_lane = lane.find(n.id);
    out.push_back(fmt::format(
        "node {} {} {} \"{}\" lane={} attached={} cancel={} interrupting={} events={} duration={} doc=\"{}\" out={}", scope,
        n.id, model::type_name(n.kind), n.name, in_lane == lane.end() ? "-" : in_lane->second, n.attached_to,
        n.cancel_activity.value_or(true), n.is_interrupting.value_or(true), fmt::join(events, ","),
        duration_key(n.duration), n.documentation.empty() ? "" : n.documentation.front().text, outputs));
    if (!n.default_flow.empty()) default_of[n.default_flow] = n.id;
    if (model::is_sub_process(n.kind)) container_of(n.content, n.id, lane, out);
  }
  for (const auto& f : c.flows)
    out.push_back(fmt::format("flow {} {} -> {} \"{}\"{}", scope, f.source, f.target, f.name,
                              default_of.count(f.id) ? " default" : ""));
}

// What the text form keeps of a model, as sorted lines: flows by their ends (the text names
// them by their source), elements by id.
std::vector<std::string> projection(const model::Definitions& defs) {
  std::vector<std::string> out{"definitions " + defs.id, "service " + service_key(defs.service)};
  std::set<std::string> pooled;
  if (!defs.collaborations.empty()) {
    const auto& c = defs.collaborations.front();
    for (const auto& p : c.participants) {
      out.push_back(fmt::format("pool {} \"{}\" process={}", p.id, p.name, p.process));
      pooled.insert(p.process);
    }
    for (const auto& m : c.message_flows)
      out.push_back(fmt::format("message {} {} -> {} \"{}\"", m.id, m.source, m.target, m.name));
  }
  for (const auto& p : defs.processes) {
    out.push_back(fmt::format("process {} \"{}\" service {}", p.id, pooled.count(p.id) ? "" : p.name, service_key(p.service)));
    std::map<std::string, std::string> deepest;
    lanes_of(p.content.lane_sets, p.id, deepest, out, p.id);
    container_of(p.content, p.id, deepest, out);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The constructs docs/text-form.md says the text form cannot carry: the `code` items of its
// section "What the text form cannot say".
std::vector<std::string> documented_losses() {
  auto doc = test::read_file(project_dir() / "docs" / "text-form.md");
  auto start = doc.find("## What the text form cannot say");
  REQUIRE(start != std::string::npos);
  auto end = doc.find("\n## ", start + 1);
  std::string section = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::vector<std::string> out;
  std::regex item(R"(\n- `([^`]+)`)");
  for (std::sregex_iterator it(section.begin(), section.end(), item), last; it != last; ++it) out.push_back((*it)[1]);
  REQUIRE(out.size() >= 10);
  return out;
}

struct RoundTrip {
  std::vector<std::string> lost;
  std::string text;
};

RoundTrip round_trip(const std::filesystem::path& file, text::Lang lang) {
  INFO(file.filename());
  auto read = io::read_bpmn_file(file.string());
  REQUIRE(read.definitions);
  auto described = text::describe(*read.definitions, lang);
  auto back = text::compile(described.text);
  INFO(described.text);
  for (const auto& d : back.diagnostics) INFO(d.line << ":" << d.column << ": " << d.message);
  REQUIRE(back.definitions);
  CHECK(back.diagnostics.empty());
  auto before = projection(*read.definitions), after = projection(*back.definitions);
  std::vector<std::string> only_before, only_after;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(only_before));
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(only_after));
  INFO("only in the model:\n" << fmt::format("{}", fmt::join(only_before, "\n")));
  INFO("only in the compiled text:\n" << fmt::format("{}", fmt::join(only_after, "\n")));
  CHECK(before == after);
  // describe of the compiled text is the same text: nothing drifts on a second trip.
  CHECK(text::describe(*back.definitions, lang).text == described.text);
  return {described.not_expressed, described.text};
}

bool is_documented(const std::vector<std::string>& documented, const std::string& lost) {
  return std::any_of(documented.begin(), documented.end(), [&](const std::string& d) { return lost.rfind(d, 0) == 0; });
}

// "line N: A | B" for the first line where two texts differ, so that a failure shows the place.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream in_a(a), in_b(b);
  std::string line_a, line_b;
  for (int n = 1;; ++n) {
    bool more_a = static_cast<bool>(std::getline(in_a, line_a)), more_b = static_cast<bool>(std::getline(in_b, line_b));
    if (!more_a && !more_b) return "none";
    if (!more_a || !more_b || line_a != line_b)
      return fmt::format("line {}: `{}` | `{}`", n, more_a ? line_a : "(end)", more_b ? line_b : "(end)");
  }
}

// What `syzba describe FILE`, then `syzba compile`, then `syzba describe` again give.
struct TextTrip {
  text::Description first;
  io::ReadResult compiled;
  std::string second;  // empty when the text did not compile
};

TextTrip text_trip(const model::Definitions& model, text::Lang lang) {
  TextTrip trip{text::describe(model, lang), {}, {}};
  trip.compiled = text::compile(trip.first.text);
  if (trip.compiled.definitions) trip.second = text::describe(*trip.compiled.definitions, lang).text;
  return trip;
}

// The first error of a text that did not compile, with its line and caret.
std::string first_error(const io::ReadResult& compiled) {
  if (compiled.diagnostics.empty()) return "none";
  const auto& d = compiled.diagnostics.front();
  return fmt::format("{}:{}: {} [{}]\n{}", d.line, d.column, d.message, d.rule, d.context);
}

}  // namespace

TEST_CASE("text: every file of the corpora describes to text that compiles and describes the same again",
          "[text][miwg-suite]") {
  auto documented_list = documented_losses();
  std::vector<std::filesystem::path> files = test::bpmn_files(test::shared() / "corpus" / "miwg-suite");
  for (const auto& more : {test::miwg_files(), test::bpmn_files(project_dir() / "models")})
    files.insert(files.end(), more.begin(), more.end());
  std::size_t described = 0;
  for (const auto& file : files) {
    INFO(file);
    // As `syzba describe` reads it: a model with values the reader could not take (a broken
    // diagram, say) is still a model. The reader gives one for every file of these corpora
    // (bytes that are not UTF-8 are read as Windows-1252); a file it refuses fails here with
    // the reader's reason, since describe would never see it.
    auto read = text::read_model_file(file.string());
    INFO("the reader refuses it: " << first_error(read));
    CHECK(read.definitions);
    if (!read.definitions) continue;
    ++described;
    auto trip = text_trip(*read.definitions, text::Lang::kk);
    INFO(first_error(trip.compiled));
    CHECK(trip.compiled.diagnostics.empty());
    if (!trip.compiled.definitions) continue;
    INFO(first_difference(trip.first.text, trip.second));
    CHECK(trip.second == trip.first.text);
    for (const auto& lost : trip.first.not_expressed) {
      INFO(lost);
      CHECK(is_documented(documented_list, lost));
    }
  }
  CHECK(described == files.size());
}

namespace {

std::filesystem::path text_fixture(const std::string& name) { return test::fixtures() / "text" / name; }

bool reports(const std::vector<std::string>& lost, std::string_view start) {
  return std::any_of(lost.begin(), lost.end(), [&](const std::string& l) { return l.rfind(start, 0) == 0; });
}

// A fixture described in English: the text compiles without a finding and describes to the
// same text again, and what it reports is documented.
TextTrip fixture_trip(const std::string& name) {
  auto read = io::read_bpmn_file(text_fixture(name).string());
  INFO(name);
  REQUIRE(read.definitions);
  auto trip = text_trip(*read.definitions, text::Lang::en);
  INFO(trip.first.text);
  INFO(first_error(trip.compiled));
  CHECK(trip.compiled.diagnostics.empty());
  CHECK(trip.second == trip.first.text);
  auto documented_list = documented_losses();
  for (const auto& lost : trip.first.not_expressed) {
    INFO(lost);
    CHECK(is_documented(documented_list, lost));
  }
  return trip;
}

}  // namespace

TEST_CASE("text: a boundary event in another process than its activity is written beside it", "[text][loss]") {
  auto trip = fixture_trip("boundary-event-in-another-process.bpmn");
  CHECK_THAT(trip.first.text, Catch::Contains("  event timeout: Two days\n    trigger: timer\n    attached to: work\n"
                                              "    interrupting: no\n    next: late\n"));
  // The pool whose process held only the event keeps its (now empty) process.
  CHECK_THAT(trip.first.text, Catch::EndsWith("pool events: Events\n  process id: events-process\n"));
  CHECK(reports(trip.first.not_expressed, "boundary events in another process or sub-process than their activity"));
}

TEST_CASE("text: a boundary event attached to nothing is written as a catching event", "[text][loss]") {
  auto trip = fixture_trip("boundary-event-without-activity.bpmn");
  CHECK_THAT(trip.first.text, Catch::Contains("  event call: Call\n    type: catch\n    trigger: message\n    next: done\n"));
  CHECK_THAT(trip.first.text, !Catch::Contains("attached to") && !Catch::Contains("interrupting"));
  CHECK(reports(trip.first.not_expressed, "boundary events attached to no activity (written as intermediate events) (call)"));
}

TEST_CASE("text: a sequence flow between two pools is written as a message", "[text][loss]") {
  auto trip = fixture_trip("flow-between-pools.bpmn");
  CHECK_THAT(trip.first.text, Catch::EndsWith("\nmessage handover: send -> review\n  name: Request\n"));
  CHECK_THAT(trip.first.text, !Catch::Contains("next:"));
  CHECK(reports(trip.first.not_expressed, "sequence flows between pools (written as messages) (handover)"));
}

TEST_CASE("text: a flow to no flow node is dropped, and a gateway left with one branch is no condition", "[text][loss]") {
  auto trip = fixture_trip("flow-to-nowhere.bpmn");
  CHECK_THAT(trip.first.text, Catch::Contains("  start start\n    next: ok\n  gateway ok: Complete?\n    yes: done\n"));
  CHECK_THAT(trip.first.text, !Catch::Contains("no:") && !Catch::Contains("drawn-only"));
  CHECK(reports(trip.first.not_expressed, "sequence flows with an end that is no flow node (dropped) (no)"));
  CHECK(reports(trip.first.not_expressed, "sequence flows with an end that is no flow node (dropped) (lost)"));
}

TEST_CASE("text: a flow the model puts beside its sub-process is written inside it", "[text][loss]") {
  auto trip = fixture_trip("flow-beside-its-ends.bpmn");
  CHECK_THAT(trip.first.text, Catch::Contains("  subprocess sub: Check\n    action a: Read\n      next: b\n    action b: Sign\n"));
  CHECK(reports(trip.first.not_expressed, "sequence flows in another process or sub-process than their ends (written beside them) (f1)"));
  CHECK(reports(trip.first.not_expressed, "lanes of sub-process sub"));
}

TEST_CASE("text: a flow from a process into its sub-process is dropped", "[text][loss]") {
  auto trip = fixture_trip("flow-into-sub-process.bpmn");
  CHECK_THAT(trip.first.text, !Catch::Contains("next:"));
  CHECK(reports(trip.first.not_expressed, "sequence flows between a process and its sub-process or another process (dropped) (into)"));
}

TEST_CASE("text: a message flow to nothing is dropped, with no empty line for it", "[text][loss]") {
  auto trip = fixture_trip("message-to-nowhere.bpmn");
  CHECK_THAT(trip.first.text, Catch::EndsWith("pool portal: Portal\n  action send: Send the request\n"));
  CHECK(reports(trip.first.not_expressed, "message flows with an end that is no pool or flow node (dropped) (m1)"));
}

TEST_CASE("text: ids the text cannot write are written as new ones, and references follow them", "[text][loss]") {
  auto trip = fixture_trip("ids.bpmn");
  // No `id:` line for definitions without an id: compile names them `definitions` and the
  // second description writes no `id:` either.
  CHECK_THAT(trip.first.text, !Catch::Contains("\nid:"));
  CHECK_THAT(trip.first.text, Catch::Contains("process id-2\n  action _a_b_: A\n    next: t\n  action t: T\n"));
  CHECK_THAT(trip.first.text, Catch::Contains("process p2\n  action t-2: T again\n    next: t-2\n  action action: Without an id\n"));
  CHECK(reports(trip.first.not_expressed, "the id \"id\" (it would read as a keyword; written as id-2)"));
  CHECK(reports(trip.first.not_expressed, "the id \"{a b}\" (not an id the text can write; written as _a_b_)"));
  CHECK(reports(trip.first.not_expressed, "the id \"t\" (used by another element too; written as t-2)"));
  // In Kazakh and Russian `процесс id` is the keyword `process id` too.
  auto read = io::read_bpmn_file(text_fixture("ids.bpmn").string());
  REQUIRE(read.definitions);
  for (auto lang : {text::Lang::kk, text::Lang::ru}) {
    auto other = text_trip(*read.definitions, lang);
    INFO(other.first.text);
    CHECK(other.compiled.diagnostics.empty());
    CHECK_THAT(other.first.text, Catch::Contains("процесс id-2\n"));
  }
}

TEST_CASE("text: a model without a process is written as one empty process", "[text][loss]") {
  auto trip = fixture_trip("no-process.bpmn");
  CHECK_THAT(trip.first.text, Catch::EndsWith("id: no-process\n\nprocess process\n"));
  CHECK(reports(trip.first.not_expressed, "a model without a process or pool (written as one empty process)"));
}

TEST_CASE("text: a process two pools show is written in the first, the second is a black box", "[text][loss]") {
  auto trip = fixture_trip("process-in-two-pools.bpmn");
  CHECK_THAT(trip.first.text, Catch::EndsWith("pool first: First\n  process id: shared\n  action work: Work\n\npool second: Second\n"));
  CHECK(reports(trip.first.not_expressed, "pools showing a process another pool shows (pool second, written as a black box)"));
}

TEST_CASE("text: every model in models/ goes through describe and compile whole", "[text][roundtrip]") {
  auto files = test::bpmn_files(project_dir() / "models");
  for (const auto& file : files)
    for (auto lang : {text::Lang::kk, text::Lang::ru, text::Lang::en}) {
      auto trip = round_trip(file, lang);
      INFO(file.filename());
      CHECK(trip.lost.empty());
    }
}

TEST_CASE("text: every MIWG model goes through describe and compile; what is lost is documented", "[text][roundtrip]") {
  auto documented = documented_losses();
  std::size_t whole = 0;  // for the message of a failure
  auto files = test::miwg_files();
  for (const auto& file : files) {
    auto trip = round_trip(file, text::Lang::en);
    whole += trip.lost.empty();
    for (const auto& lost : trip.lost) {
      INFO(file.filename() << ": " << lost);
      CHECK(is_documented(documented, lost));
    }
  }
  INFO(whole << " of " << files.size() << " MIWG models lose nothing");
  CHECK(whole <= files.size());
}

TEST_CASE("text: the documentation's examples are the example files, and they compile cleanly", "[text][docs]") {
  auto doc = test::read_file(project_dir() / "docs" / "text-form.md");
  std::vector<std::string> blocks;
  for (std::size_t at = doc.find("```syzba\n"); at != std::string::npos; at = doc.find("```syzba\n", at + 1)) {
    auto start = at + 9;
    blocks.push_back(doc.substr(start, doc.find("```", start) - start));
  }
  REQUIRE(blocks.size() == 2);
  auto kk = project_dir() / "examples" / "text-form" / "portal-interaction.kk.syzba";
  auto ru = project_dir() / "examples" / "text-form" / "center-handbook.ru.syzba";
  // The docs leave out the example file's second comment line only.
  auto without_comments = [](const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      if (line.rfind("#", 0) != 0) out += line + "\n";
    return out;
  };
  CHECK(without_comments(blocks[0]) == without_comments(test::read_file(kk)));
  CHECK(without_comments(blocks[1]) == without_comments(test::read_file(ru)));
  for (const auto& block : blocks) {
    auto read = text::compile(block);
    REQUIRE(read.definitions);
    CHECK(read.diagnostics.empty());
  }
}

TEST_CASE("text: the documentation's keyword table has every spelling", "[text][docs]") {
  auto doc = test::read_file(project_dir() / "docs" / "text-form.md");
  auto table = doc.substr(doc.find("| meaning | Kazakh | Russian | English |"));
  table = table.substr(0, table.find("\n\n"));
  for (const auto& k : text::keyword_spellings()) {
    INFO(k.meaning << ": " << k.spelling);
    bool found = false;
    std::istringstream rows(table);
    for (std::string row; std::getline(rows, row) && !found;) {
      // The row of this meaning, with the spelling in the column of its language.
      if (row.rfind("| " + std::string(k.meaning) + " |", 0) != 0)
        continue;
      std::vector<std::string> cells;
      std::istringstream cols(row);
      for (std::string cell; std::getline(cols, cell, '|');) cells.push_back(cell);
      std::size_t column = 2 + static_cast<std::size_t>(k.lang);
      if (column < cells.size()) {
        std::istringstream words(cells[column]);
        for (std::string w; std::getline(words, w, ',');) {
          auto a = w.find_first_not_of(' '), b = w.find_last_not_of(' ');
          if (a != std::string::npos && w.substr(a, b - a + 1) == k.spelling) found = true;
        }
      }
    }
    CHECK(found);
  }
}
