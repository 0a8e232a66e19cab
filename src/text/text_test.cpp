// The text form: statements, compiling, and every error with its line, column, caret and
// suggestion.
#include "text/text.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "text/keywords.h"
#include "text/syntax.h"

using namespace syzba;

namespace {

// A handbook as a methodologist writes it: two units, a condition with a refusal.
const char* const handbook = R"(# Бизнес-процестер анықтамалығы
id: benefit
қызмет: Жәрдемақы тағайындау
регламент: № 225 қаулы
мерзім: 5 (бес) жұмыс күні

процесс handbook: Анықтамалық
  бөлімше office: Кеңсе
  бөлімше head: Басшы
  басталуы start: Өтініш
    орындаушы: office
    келесі: a1
  әрекет a1: Құжаттарды қабылдау
    орындаушы: office
    ұзақтығы: 15 (он бес) минут
    келесі: c1
  шарт c1: Құжаттар толық па?
    орындаушы: office
    иә: a2
    жоқ: refused
  әрекет a2: Шешім қабылдау
    орындаушы: head
    ұзақтығы: 4 жұмыс күні
    нәтиже: result
    келесі: done
  құжат result: Хабарлама
  бас тарту refused: Бас тарту
    орындаушы: office
  аяқталуы done: Нәтиже берілді
    орындаушы: head
)";

io::ReadResult compiled(std::string_view text) { return text::compile(text); }

const model::FlowNode* node(const model::Container& c, std::string_view id) {
  auto it = std::find_if(c.nodes.begin(), c.nodes.end(), [&](const auto& n) { return n.id == id; });
  return it == c.nodes.end() ? nullptr : &*it;
}

// The one diagnostic of a text that has one error.
model::Diagnostic only_error(std::string_view text) {
  auto read = compiled(text);
  INFO(text);
  REQUIRE_FALSE(read.definitions);
  REQUIRE(read.diagnostics.size() == 1);
  return read.diagnostics.front();
}

}  // namespace

TEST_CASE("text: statements nest by indentation; comments and continuation lines", "[text]") {
  auto syntax = text::parse_statements("# comment\nпроцесс p: Процесс\n  әрекет a: Ұзын\n    сипаттама: бірінші\n      екінші жол\n");
  REQUIRE(syntax.diagnostics.empty());
  REQUIRE(syntax.statements.size() == 1);
  const auto& process = syntax.statements.front();
  CHECK(process.word == text::Word::process);
  CHECK(process.id == "p");
  CHECK(process.value == "Процесс");
  CHECK(process.line == 2);
  REQUIRE(process.children.size() == 1);
  const auto& action = process.children.front();
  CHECK(action.word == text::Word::action);
  CHECK(action.column == 3);
  CHECK(action.id_column == 10);  // counted in characters, not bytes: "әрекет " is 7 letters
  REQUIRE(action.children.size() == 1);
  CHECK(action.children.front().value == "бірінші екінші жол");
}

TEST_CASE("text: keywords in three languages, multi-word keywords matched whole", "[text]") {
  auto kk = text::match_keyword("бас тарту r1", {text::Role::node});
  REQUIRE(kk);
  CHECK(kk->word == text::Word::refusal);
  CHECK(kk->lang == text::Lang::kk);
  auto ru = text::match_keyword("Действие a1", {text::Role::node});  // case does not matter
  REQUIRE(ru);
  CHECK(ru->word == text::Word::action);
  CHECK(ru->lang == text::Lang::ru);
  auto en = text::match_keyword("attached to", {text::Role::property});
  REQUIRE(en);
  CHECK(en->word == text::Word::attached);
  CHECK_FALSE(text::match_keyword("бастарту", {text::Role::node}));
  CHECK(text::closest("әрeкет", text::spellings_for({text::Role::node})) == "әрекет");  // a Latin "e"
  CHECK(text::closest("xyz", text::spellings_for({text::Role::node})).empty());
}

TEST_CASE("text: every keyword is read back as itself, whole", "[text]") {
  const std::vector<text::Role> all{text::Role::header, text::Role::container, text::Role::lane, text::Role::node,
                                    text::Role::data, text::Role::message, text::Role::property};
  for (const auto& k : text::keyword_spellings()) {
    INFO(k.spelling);
    CHECK(std::count(k.spelling.begin(), k.spelling.end(), ' ') < 3);  // match_keyword reads three words at most
    auto line = std::string(k.spelling) + " x1: label";
    auto match = text::match_keyword(line, all);
    REQUIRE(match);
    CHECK(text::meaning(match->word) == k.meaning);
    CHECK(match->length == k.spelling.size());
  }
}

TEST_CASE("text: escapes in labels", "[text]") {
  CHECK(text::unescape(R"(a\nb \"c\" \\)") == "a\nb \"c\" \\");
  CHECK(text::escape("a\nb \"c\" \\") == R"(a\nb \"c\" \\)");
  CHECK(text::escape(" a b  ") == R"(\sa b\s\s)");
  CHECK(text::unescape(text::escape("  ")) == "  ");
}

TEST_CASE("text: a handbook compiles to a process with lanes, durations, yes/no flows and data", "[text]") {
  auto read = compiled(handbook);
  INFO((read.diagnostics.empty() ? "" : read.diagnostics.front().message));
  REQUIRE(read.definitions);
  const auto& defs = *read.definitions;
  CHECK(defs.id == "benefit");
  REQUIRE(defs.service);
  CHECK(defs.service->name == "Жәрдемақы тағайындау");
  REQUIRE(defs.service->term);
  CHECK(defs.service->term->amount == 5);
  CHECK(defs.service->term->unit == model::TimeUnit::working_day);
  REQUIRE(defs.processes.size() == 1);
  const auto& p = defs.processes.front();
  CHECK(p.id == "handbook");
  CHECK(p.name == "Анықтамалық");
  REQUIRE(p.content.lane_sets.size() == 1);
  const auto& lanes = p.content.lane_sets.front().lanes;
  REQUIRE(lanes.size() == 2);
  CHECK(lanes[0].flow_node_refs == std::vector<std::string>{"start", "a1", "c1", "refused"});
  CHECK(lanes[1].flow_node_refs == std::vector<std::string>{"a2", "done"});

  const auto* a1 = node(p.content, "a1");
  REQUIRE(a1);
  CHECK(a1->kind == model::NodeKind::task);
  REQUIRE(a1->duration);
  CHECK(a1->duration->amount == 15);
  CHECK(a1->duration->unit == model::TimeUnit::minute);
  CHECK(a1->duration->text == "15 (он бес) минут");
  CHECK(a1->pos.line == 13);

  const auto* c1 = node(p.content, "c1");
  REQUIRE(c1);
  CHECK(c1->kind == model::NodeKind::exclusive_gateway);
  CHECK(c1->outgoing.size() == 2);
  std::vector<std::string> names;
  for (const auto& f : p.content.flows)
    if (f.source == "c1") names.push_back(f.name + "→" + f.target);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"Жоқ→refused", "Иә→a2"});

  CHECK(node(p.content, "refused")->kind == model::NodeKind::end_event);
  const auto* a2 = node(p.content, "a2");
  REQUIRE(a2->data_outputs.size() == 1);
  CHECK(a2->data_outputs.front().target == "result");
  REQUIRE(p.content.data_object_refs.size() == 1);
  CHECK(p.content.data_object_refs.front().data_object == "result-object");
  // Flows carry incoming and outgoing both ways, as bpmn-js writes them.
  for (const auto& f : p.content.flows) {
    auto out = node(p.content, f.source)->outgoing;
    auto in = node(p.content, f.target)->incoming;
    CHECK(std::count(out.begin(), out.end(), f.id) == 1);
    CHECK(std::count(in.begin(), in.end(), f.id) == 1);
  }
}

TEST_CASE("text: Russian and English keywords give the same model", "[text]") {
  const char* ru = "id: benefit\nпроцесс p: П\n  подразделение u: Отдел\n  начало s:\n    исполнитель: u\n    далее: a\n"
                   "  действие a: Принять\n    исполнитель: u\n    длительность: 2 рабочих дня\n    далее: e\n"
                   "  завершение e:\n    исполнитель: u\n";
  const char* en = "id: benefit\nprocess p: П\n  unit u: Отдел\n  start s:\n    by: u\n    next: a\n"
                   "  action a: Принять\n    by: u\n    duration: 2 рабочих дня\n    next: e\n"
                   "  end e:\n    by: u\n";
  auto a = compiled(ru), b = compiled(en);
  REQUIRE(a.definitions);
  REQUIRE(b.definitions);
  CHECK(*a.definitions == *b.definitions);
  CHECK(node(a.definitions->processes.front().content, "a")->duration->unit == model::TimeUnit::working_day);
}

TEST_CASE("text: pools, a black box and messages between them", "[text]") {
  auto read = compiled(
      "id: f\n"
      "жүйе portal: Портал\n"
      "  басталуы s:\n    келесі: send\n  әрекет send: Сұрау жіберу\n    түрі: send\n    келесі: e\n  аяқталуы e:\n"
      "жүйе shep: ЭҮП\n"
      "хабар m1: send -> shep\n  атауы: Сұрау\n");
  REQUIRE(read.definitions);
  const auto& defs = *read.definitions;
  REQUIRE(defs.collaborations.size() == 1);
  const auto& c = defs.collaborations.front();
  REQUIRE(c.participants.size() == 2);
  CHECK(c.participants[0].process == "portal-process");
  CHECK(c.participants[1].process.empty());  // nothing inside: a black-box pool
  REQUIRE(c.message_flows.size() == 1);
  CHECK(c.message_flows[0].source == "send");
  CHECK(c.message_flows[0].target == "shep");
  CHECK(c.message_flows[0].name == "Сұрау");
  CHECK(node(defs.processes.front().content, "send")->kind == model::NodeKind::send_task);
}

TEST_CASE("text: events, boundary events and sub-processes", "[text]") {
  auto read = compiled(
      "process p: P\n"
      "  start s:\n    trigger: message\n    next: sub\n"
      "  subprocess sub: Check\n    next: e\n"
      "    start s2:\n      next: t\n    action t: Look\n      next: e2\n    end e2:\n"
      "  event late: Too late\n    attached to: sub\n    trigger: timer\n    interrupting: no\n    next: e\n"
      "  end e:\n");
  INFO((read.diagnostics.empty() ? "" : read.diagnostics.front().message));
  REQUIRE(read.definitions);
  const auto& c = read.definitions->processes.front().content;
  CHECK(node(c, "s")->event_definitions.front().kind == model::EventKind::message);
  const auto* late = node(c, "late");
  REQUIRE(late);
  CHECK(late->kind == model::NodeKind::boundary_event);
  CHECK(late->attached_to == "sub");
  CHECK(late->cancel_activity == false);
  CHECK(late->event_definitions.front().kind == model::EventKind::timer);
  const auto* sub = node(c, "sub");
  REQUIRE(sub);
  CHECK(sub->kind == model::NodeKind::sub_process);
  CHECK(sub->content->nodes.size() == 3);
  CHECK(sub->content->flows.size() == 2);
}

TEST_CASE("text: errors carry line, column, the line and a caret", "[text][errors]") {
  auto d = only_error("процесс p: P\n  әрекет a: A\n    келесі: b\n");
  CHECK(d.rule == "text-unknown-target");
  CHECK(d.line == 3);
  CHECK(d.column == 13);
  CHECK(d.context.find("    3 |     келесі: b") != std::string::npos);
  CHECK(d.context.find("|             ^") != std::string::npos);
}

TEST_CASE("text: every error, with its suggestion where one is likely", "[text][errors]") {
  struct Case {
    const char* rule;
    const char* text;
    int line, column;
    const char* says;  // a part of the message
  };
  const Case cases[] = {
      // an unknown unit close to a declared one
      {"text-unknown-unit", "процесс p: P\n  бөлімше office: Кеңсе\n  әрекет a: A\n    орындаушы: ofice\n", 4, 16,
       "did you mean `office`?"},
      {"text-unknown-unit", "процесс p: P\n  әрекет a: A\n    орындаушы: office\n", 3, 16, "declare the units"},
      // a target action that does not exist
      {"text-unknown-target", "процесс p: P\n  әрекет review: A\n    келесі: reveiw\n", 3, 13, "did you mean `review`?"},
      {"text-unknown-target", "процесс p: P\n  әрекет a: A\n    келесі: a, zzz\n", 3, 16, "no step `zzz`"},
      {"text-unknown-target", "процесс p: P\n  оқиға b: B\n    шекарасында: x\n  әрекет a: A\n", 3, 18,
       "no activity `x` here to attach"},
      {"text-unknown-target", "жүйе a: A\nжүйе b: B\nхабар m: a -> c\n", 3, 10, "no pool or flow node `c`"},
      // a condition with one branch
      {"text-one-branch", "процесс p: P\n  шарт c: Ма?\n    иә: a\n  әрекет a: A\n", 2, 3, "add `жоқ: <step>`"},
      {"text-one-branch", "process p: P\n  condition c: Ok?\n    no: a\n  action a: A\n", 2, 3, "add `yes: <step>`"},
      {"text-duplicate-id", "процесс p: P\n  әрекет a: A\n  әрекет a: B\n", 3, 10, "already used on line 2"},
      {"text-unknown-keyword", "процесс p: P\n  әрект a: A\n", 2, 3, "did you mean `әрекет`?"},
      {"text-unknown-keyword", "процесс p: P\n  zzz a: A\n", 2, 3, "unknown statement `zzz`"},
      {"text-misplaced", "процесс p: P\n  әрекет a: A\nорындаушы: x\n", 3, 1, "a property is indented"},
      {"text-misplaced", "процесс p: P\n  әрекет a: A\n  орындаушы: u\n", 3, 3, "indent it under the step"},
      {"text-misplaced", "процесс p: P\n  бөлімше u: U\n    әрекет a: A\n", 3, 5, "does not belong under `бөлімше`"},
      {"text-misplaced", "хабар m: a -> b\n", 1, 1, "declare the pools"},
      {"text-misplaced", "процесс p: P\n  әрекет a: A\n    шекарасында: a\n", 3, 18, "only an event"},
      {"text-syntax", "процесс p: P\n  әрекет a Құжаттарды қабылдау\n", 2, 10, "expected ':' after the id"},
      {"text-syntax", "процесс p: P\n  әрекет a: A\n    келесі: b \"Иә\n  әрекет b: B\n", 3, 13, "ends with a '\"'"},
      {"text-syntax", "жүйе a: A\nжүйе b: B\nхабар m: a b\n", 3, 10, "goes from one to another"},
      {"text-syntax", "мерзім x: 5 күн\n", 1, 8, "takes no id"},
      {"text-bad-id", "процесс p: P\n  әрекет 1a: A\n", 2, 10, "starts with a letter"},
      {"text-bad-id", "id:\n", 1, 4, "give the file's id"},
      {"text-bad-duration", "процесс p: P\n  әрекет a: A\n    ұзақтығы: бірнеше сағат\n", 3, 15, "not a duration"},
      {"text-bad-duration", "мерзім: көп\n", 1, 9, "the term is not a duration"},
      {"text-bad-type", "процесс p: P\n  әрекет a: A\n    түрі: flying\n", 3, 11, "not a type for"},
      {"text-bad-trigger", "процесс p: P\n  оқиға e: E\n    оқиға түрі: magic\n", 3, 17, "not an event trigger"},
      {"text-encoding", "процесс p: P\n  әрекет a: Ab\xff\n", 2, 15, "not UTF-8"},
      {"text-encoding", "процесс p: P\n  әрекет a: A\x01\n", 2, 14, "control character U+0001"},
      {"text-encoding", "процесс p: P\n  әрекет a: \xED\xA0\x80\n", 2, 13, "not UTF-8"},
      {"text-empty", "# a draft not yet begun\n", 1, 1, "describes no process"},
      {"text-empty", "қызмет: Анықтама беру\nмерзім: 3 жұмыс күні\n", 1, 1, "describes no process"},
      {"text-unknown-document", "процесс p: P\n  әрекет a: A\n    нәтиже: doc1\n", 3, 13, "no document `doc1`"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto d = only_error(c.text);
    CHECK(d.rule == c.rule);
    CHECK(d.line == c.line);
    CHECK(d.column == c.column);
    CHECK(d.severity == model::Severity::error);
    CHECK_THAT(d.message, Catch::Contains(c.says));
    // The context is the line itself and a caret under the column.
    CHECK_THAT(d.context, Catch::Contains(" | ") && Catch::Contains("^"));
    auto context = d.context.substr(0, d.context.find_last_not_of('\n') + 1);
    auto caret_line = context.substr(context.rfind('\n') + 1);
    CHECK(text::letters(caret_line.substr(caret_line.find('|') + 2)) == c.column);
  }
}

TEST_CASE("text: ids made for unnamed steps never take an id the text writes later", "[text]") {
  auto read = compiled("процесс p: P\n  басталуы:\n    келесі: start-2\n  әрекет start-2: A\n    келесі: e\n  аяқталуы e:\n");
  INFO((read.diagnostics.empty() ? "" : read.diagnostics.front().message));
  REQUIRE(read.definitions);
  const auto& nodes = read.definitions->processes.front().content.nodes;
  REQUIRE(nodes.size() == 3);
  CHECK(nodes[0].id != "start-2");
  CHECK(nodes[1].id == "start-2");
}

TEST_CASE("text: more than one error is reported at once, and nothing is compiled", "[text][errors]") {
  auto read = compiled("процесс p: P\n  әрекет a: A\n    келесі: x\n  әрекет b: B\n    келесі: y\n");
  CHECK_FALSE(read.definitions);
  REQUIRE(read.diagnostics.size() == 2);
  CHECK(read.diagnostics[0].line == 3);
  CHECK(read.diagnostics[1].line == 5);
}

TEST_CASE("text: the file's form is told by extension or first character", "[text]") {
  CHECK(text::is_text_form("a.syzba", "<x"));
  CHECK_FALSE(text::is_text_form("a.bpmn", "процесс"));
  CHECK(text::is_text_form("-", "\xEF\xBB\xBF  процесс p: P"));
  CHECK_FALSE(text::is_text_form("-", "\n <?xml version=\"1.0\"?>"));
}

TEST_CASE("text: describe writes keywords in the language asked for", "[text]") {
  auto read = compiled(handbook);
  REQUIRE(read.definitions);
  auto kk = text::describe(*read.definitions, text::Lang::kk);
  auto ru = text::describe(*read.definitions, text::Lang::ru);
  auto en = text::describe(*read.definitions, text::Lang::en);
  CHECK_THAT(kk.text, Catch::Contains("шарт c1: Құжаттар толық па?") && Catch::Contains("бас тарту refused:"));
  CHECK_THAT(ru.text, Catch::Contains("условие c1: Құжаттар толық па?") && Catch::Contains("отказ refused:") &&
                          Catch::Contains("подразделение office: Кеңсе"));
  CHECK_THAT(en.text, Catch::Contains("condition c1:") && Catch::Contains("refusal refused:") &&
                          Catch::Contains("duration: 15 (он бес) минут"));
  CHECK(kk.not_expressed.empty());
  // Every language compiles back to the same model.
  for (const auto* d : {&kk, &ru, &en}) {
    auto back = compiled(d->text);
    INFO(d->text);
    REQUIRE(back.definitions);
    CHECK(*back.definitions == *read.definitions);
  }
}
