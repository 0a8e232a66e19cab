// syzba import: the readers (text, HTML, DOCX as pandoc writes them), the repair of extraction
// damage, the drafts (they compile and check), the hostile DOCX, and the measure on the seeds
// with a floor that fails when import gets worse.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "check/check.h"
#include "import/import.h"
#include "io/io.h"
#include "text/text.h"

using namespace syzba;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name) { return fs::path(SYZBA_FIXTURES_DIR) / ".." / "import" / "fixtures" / name; }
fs::path shared() { return SYZBA_SHARED_DIR; }
fs::path models_dir() { return fs::path(SYZBA_FIXTURES_DIR) / ".." / ".." / "models"; }

import::Regulation read_regulation(const fs::path& path) {
  auto read = import::read_document(path.string());
  INFO(path);
  for (const auto& d : read.diagnostics) INFO(d.message);
  REQUIRE(read.document);
  return import::extract(*read.document);
}

const import::Procedure& procedure(const import::Regulation& reg, const std::string& kind) {
  for (const auto& p : reg.procedures)
    if (p.kind == kind) return p;
  FAIL("no procedure of kind " << kind << " in " << reg.path);
  throw;
}

// What a reader must give the same whatever the form: numbers, units, durations, next.
std::vector<std::string> summary(const import::Procedure& p) {
  std::vector<std::string> out;
  for (const auto& s : p.steps) {
    std::string next;
    for (int n : s.next) next += std::to_string(p.steps[std::size_t(n)].number) + " ";
    out.push_back(std::to_string(s.number) + (s.kind == import::StepKind::condition ? "?" : "") + " | " + s.unit + " | " +
                  (s.duration ? check::describe(*s.duration) : "-") + " | " + next);
  }
  return out;
}

std::string temp_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("syzba-import-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

}  // namespace

TEST_CASE("import: repair joins spaced letters and makes Latin i Kazakh", "[import]") {
  CHECK(import::repair("мерзімі – ж е т і күн") == "мерзімі – жеті күн");
  CHECK(import::repair("тәрбиешiлерге берiлген") == "тәрбиешілерге берілген");
  CHECK(import::repair("  two   spaces\t here ") == "two spaces here");
  CHECK(import::repair("и в дом") == "и в дом");  // two single letters are words, not spacing
}

TEST_CASE("import: a Kazakh regulation in its three forms gives the same procedures", "[import]") {
  auto text = read_regulation(fixture("kindergarten.kk.md"));
  auto html = read_regulation(fixture("kindergarten.kk.html"));
  auto docx = read_regulation(fixture("kindergarten.kk.docx"));
  CHECK(text.lang == "kk");
  for (const auto* reg : {&text, &html, &docx}) {
    INFO(reg->path);
    CHECK(reg->service == "Мектепке дейінгі ұйымдарға жолдама беру");
    REQUIRE(reg->term);
    CHECK(reg->term->amount == 3);  // "ү ш жұмыс күні": spaced letters
    CHECK(reg->term->unit == model::TimeUnit::working_day);
    CHECK(reg->number == "117");
    const auto& body = procedure(*reg, "body");
    CHECK(summary(body) == std::vector<std::string>{
                               "1 | Көрсетілетін қызметті берушінің кеңсесі | 15 minutes | 2 ",
                               "2 | Көрсетілетін қызметті берушінің басшысы | 2 hours | 3 ",
                               "3 | Көрсетілетін қызметті берушінің маманы | 1 working day | 4 ",
                               "4 | Көрсетілетін қызметті берушінің басшысы | 30 minutes | 5 ",
                               "5 | Көрсетілетін қызметті берушінің кеңсесі | 15 minutes | ",
                           });
    const auto& diagram = procedure(*reg, "diagram");
    REQUIRE(diagram.steps.size() == 8);
    CHECK(diagram.steps[1].kind == import::StepKind::condition);
    CHECK(diagram.steps[1].no == 2);  // 2-процесс, the refusal
    CHECK(diagram.steps[1].yes == 3);
    CHECK(diagram.steps[2].refusal);
    CHECK(diagram.steps[7].unit == "Көрсетілетін қызметті берушінің АЖО");
  }
  // The table is a real table in HTML and DOCX, a pipe table in the text.
  for (const auto* reg : {&text, &html, &docx}) {
    INFO(reg->path);
    const auto& table = procedure(*reg, "table");
    CHECK(summary(table) == std::vector<std::string>{"1 | Кеңсе | 15 minutes | 2 ", "2 | Басшы | 2 hours | 3 ", "3 | Маман | 1 working day | 4 ",
                                                     "4 | Басшы | 30 minutes | 5 ", "5 | Кеңсе | 15 minutes | "});
    CHECK(table.steps[4].document == "Жолдама");
  }
  CHECK(summary(procedure(docx, "diagram")) == summary(procedure(text, "diagram")));
}

TEST_CASE("import: a Russian regulation in its three forms", "[import]") {
  for (const char* name : {"subsidiary-farm.ru.md", "subsidiary-farm.ru.html", "subsidiary-farm.ru.docx"}) {
    auto reg = read_regulation(fixture(name));
    INFO(name);
    CHECK(reg.lang == "ru");
    CHECK(reg.service == "Выдача справки о наличии личного подсобного хозяйства");
    REQUIRE(reg.term);
    CHECK(reg.term->amount == 2);
    CHECK(reg.number == "215");
    CHECK(summary(procedure(reg, "body")) == std::vector<std::string>{
                                                 "1 | Канцелярия услугодателя | 15 minutes | 2 ",
                                                 "2 | Руководитель услугодателя | 1 hour | 3 ",
                                                 "3 | Специалист услугодателя | 1 working day | 4 ",
                                                 "4 | Руководитель услугодателя | 30 minutes | 5 ",
                                                 "5 | Канцелярия услугодателя | 15 minutes | ",
                                             });
    const auto& diagram = procedure(reg, "diagram");
    REQUIRE(diagram.steps.size() == 5);
    CHECK(diagram.steps[1].no == 2);
    CHECK(procedure(reg, "table").steps.size() == 5);
  }
}

TEST_CASE("import: every draft compiles and checks without an error", "[import]") {
  std::vector<fs::path> sources = {fixture("kindergarten.kk.md"), fixture("kindergarten.kk.docx"), fixture("subsidiary-farm.ru.html")};
  for (const auto& e : fs::directory_iterator(shared() / "seeds"))
    if (e.path().extension() == ".txt") sources.push_back(e.path());
  REQUIRE(sources.size() >= 8);
  for (const auto& src : sources) {
    auto reg = read_regulation(src);
    for (const auto& p : reg.procedures) {
      std::string text = import::draft(reg, p);
      INFO(src << " " << p.id << "\n" << text);
      auto compiled = text::compile(text);
      for (const auto& d : compiled.diagnostics) INFO(d.line << ": " << d.message);
      REQUIRE(compiled.definitions);
      check::Config config;
      for (const auto& d : check::run_checks(*compiled.definitions, config)) {
        INFO(d.rule << " " << d.message);
        // A draft may be over its term or miss a duration (the regulation's own anomalies).
        CHECK((d.severity != model::Severity::error || d.rule == "term-exceeded"));
      }
      CHECK(import::draft(reg, p) == text);  // deterministic
    }
  }
}

TEST_CASE("import: hostile and broken input is a clear error, never a crash", "[import]") {
  auto dir = temp_dir("hostile");
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(fs::path(dir) / name, std::ios::binary) << bytes;
    return (fs::path(dir) / name).string();
  };
  auto error_of = [](const std::string& path) {
    auto r = import::read_document(path);
    CHECK_FALSE(r.document);
    REQUIRE(!r.diagnostics.empty());
    CHECK(r.diagnostics.front().severity == model::Severity::error);
    return r.diagnostics.front();
  };
  CHECK(error_of(write("not-zip.docx", "this is no zip")).message_id == "import.docx-not-zip");
  CHECK(error_of(write("truncated.docx", "PK\x03\x04garbage")).message_id == "import.docx-not-zip");
  CHECK(error_of(write("bad.txt", "line one\nline \xFF two\n")).line == 2);
  CHECK(error_of(write("empty.txt", "\n\n  \n")).message_id == "import.empty");
  CHECK(error_of((fs::path(dir) / "missing.txt").string()).message_id == "import.cannot-open");
  // Zips made by Python's zipfile: one without word/document.xml, a bomb, broken XML.
  std::string py = "python3 -c \"import zipfile,sys; d=sys.argv[1]\n"
                   "z=zipfile.ZipFile(d+'/nodoc.docx','w'); z.writestr('word/other.xml','<a/>'); z.close()\n"
                   "z=zipfile.ZipFile(d+'/bomb.docx','w',zipfile.ZIP_DEFLATED); z.writestr('word/document.xml', b'<' + b'a'*(200<<20)); z.close()\n"
                   "z=zipfile.ZipFile(d+'/badxml.docx','w'); z.writestr('word/document.xml','<w:document><w:body>\\n<w:p><w:t>x</w:p>'); z.close()\" " +
                   dir;
  REQUIRE(std::system(py.c_str()) == 0);
  CHECK(error_of(dir + "/nodoc.docx").message_id == "import.docx-no-document");
  CHECK(error_of(dir + "/bomb.docx").message_id == "import.docx-too-large");
  auto bad = error_of(dir + "/badxml.docx");
  CHECK(bad.message_id == "import.docx-bad-xml");
  CHECK(bad.line == 2);
}

TEST_CASE("import: the measure on the seeds keeps its floor", "[import][measure]") {
  // The same measure as bench/import/run.sh: for each model of models/, the actions import
  // finds in its seed with the right number, unit, duration and next actions. The floor is
  // what import reaches today; raise it when import gets better.
  std::map<std::string, import::Regulation> regs;
  for (const auto& e : fs::directory_iterator(shared() / "seeds"))
    if (e.path().extension() == ".txt") regs.emplace(e.path().filename().string().substr(0, 3), read_regulation(e.path()));
  REQUIRE(regs.size() == 5);
  int model_actions = 0, draft_actions = 0, correct = 0;
  for (const auto& e : fs::directory_iterator(models_dir())) {
    if (e.path().extension() != ".bpmn") continue;
    auto read = io::read_bpmn_file(e.path().string());
    REQUIRE(read.definitions);
    auto s = import::score(regs.at(e.path().filename().string().substr(0, 3)), *read.definitions);
    model_actions += s.model_actions;
    draft_actions += s.draft_actions;
    correct += s.correct;
    if (e.path().stem() == "000-patronage-provider-handbook") CHECK(s.correct == 5);
  }
  REQUIRE(model_actions == 155);
  double recall = double(correct) / model_actions, precision = double(correct) / draft_actions;
  WARN("recall " << recall << ", precision " << precision << " (" << correct << " of " << model_actions << " model actions, "
                 << draft_actions << " drafted)");
  CHECK(recall >= 0.57);
  CHECK(precision >= 0.97);
}

TEST_CASE("import: check --against on the seed models finds the listed anomaly and no false difference", "[import][against]") {
  // models/README.md: appendix 2 of seed 000 names another service (the two handbooks drawn
  // from it). The other anomalies (duration-missing, term-exceeded) are the model's own
  // findings, which check --against reports beside these.
  std::map<std::string, import::Regulation> regs;
  for (const auto& e : fs::directory_iterator(shared() / "seeds"))
    if (e.path().extension() == ".txt") regs.emplace(e.path().filename().string().substr(0, 3), read_regulation(e.path()));
  std::map<std::string, std::vector<std::string>> found;
  for (const auto& e : fs::directory_iterator(models_dir())) {
    if (e.path().extension() != ".bpmn") continue;
    auto read = io::read_bpmn_file(e.path().string());
    REQUIRE(read.definitions);
    for (const auto& d : import::against(regs.at(e.path().filename().string().substr(0, 3)), *read.definitions))
      if (d.severity != model::Severity::info) found[e.path().stem().string()].push_back(d.rule);
  }
  CHECK(found == std::map<std::string, std::vector<std::string>>{
                     {"000-patronage-portal-handbook", {"against-header-service"}},
                     {"000-patronage-provider-handbook", {"against-header-service"}},
                 });
}

TEST_CASE("import: a model that differs from its regulation is told where", "[import][against]") {
  auto reg = read_regulation(fixture("kindergarten.kk.md"));
  const auto& body = procedure(reg, "body");
  auto compiled = text::compile(import::draft(reg, body));
  REQUIRE(compiled.definitions);
  CHECK(import::against(reg, *compiled.definitions).empty());  // the draft agrees with its regulation
  // Change a duration, a unit and the term: each is a finding naming the source line.
  auto defs = *compiled.definitions;
  for (auto& n : defs.processes.at(0).content.nodes)
    if (n.id == "s3") n.duration = model::Duration{5, model::TimeUnit::working_day, "5 жұмыс күні"};
  defs.service->term = model::Duration{10, model::TimeUnit::working_day, "10 жұмыс күні"};
  std::vector<std::string> rules;
  for (const auto& d : import::against(reg, defs)) rules.push_back(d.rule + " " + d.element);
  CHECK(rules == std::vector<std::string>{"against-term body-1", "against-duration s3"});
  auto again = import::against(reg, defs);
  model::translate(again, model::Lang::kk);
  CHECK_THAT(again.back().message, Catch::Contains("kindergarten.kk.md:"));
  CHECK_THAT(again.back().message, Catch::Contains("ұзақтығы"));
}

TEST_CASE("import: portal lists, the system a step sends to, the provider receiving", "[import]") {
  auto extract_text = [](const std::string& text) {
    auto read = import::read_document_bytes(text, "inline.txt");
    REQUIRE(read.document);
    return import::extract(*read.document);
  };
  auto find = [](const import::Regulation& reg, const std::string& kind) -> const import::Procedure* {
    for (const auto& p : reg.procedures)
      if (p.kind == kind) return &p;
    return nullptr;
  };
  SECTION("kk: the recipient's steps are the Portal's, a receipt is left out") {
    auto reg = extract_text(
        "5. Портал арқылы мемлекеттік қызмет көрсету кезінде рәсімдердің (іс-қимылдардың) реттілігі:\n"
        "1) көрсетілетін қызметті алушы Порталда ЭЦҚ арқылы тіркелуді жүзеге асырады;\n"
        "2) көрсетілетін қызметті алушы сұрау салуды толтырады;\n"
        "3) көрсетілетін қызметті беруші сұрау салуды өңдейді;\n"
        "4) көрсетілетін қызметті алушы «жеке кабинетінде» хабарламаны алады.\n");
    const auto* p = find(reg, "list");
    REQUIRE(p);
    REQUIRE(p->steps.size() == 3);
    CHECK(p->steps[0].unit == "Портал");
    CHECK(p->steps[1].unit == "Портал");
    CHECK(p->steps[2].unit == "Көрсетілетін қызметті беруші");
    bool noted = false;
    for (const auto& n : reg.notes) noted = noted || n.what.find("step 4)") != std::string::npos;
    CHECK(noted);
  }
  SECTION("ru: услугополучатель on the portal, услугодатель") {
    auto reg = extract_text(
        "7. Порядок действий (процедур) при оказании услуги через портал:\n"
        "1) услугополучатель заполняет запрос на портале;\n"
        "2) услугодатель обрабатывает запрос;\n"
        "3) услугополучатель получает результат в личном кабинете.\n");
    const auto* p = find(reg, "list");
    REQUIRE(p);
    REQUIRE(p->steps.size() == 2);
    CHECK(p->steps[0].unit == "Портал");
    CHECK(p->steps[1].unit == "Услугодатель");
  }
  SECTION("a diagram goes on in the system a step sends to") {
    auto reg = extract_text(
        "1-процесс – көрсетілетін қызметті алушының порталға ЖСН енгізуі;\n"
        "2-процесс – сұрау салуды ЭҮШ арқылы көрсетілетін қызметті берушінің ААЖ-ға жіберу;\n"
        "3-процесс – сұрау салуды тіркеу және хабарламаны қалыптастыру;\n");
    const auto* p = find(reg, "diagram");
    REQUIRE(p);
    REQUIRE(p->steps.size() == 3);
    CHECK(p->steps[1].unit == "Портал");
    CHECK(p->steps[2].unit == "Көрсетілетін қызметті берушінің ААЖ");
  }
  SECTION("a list step receiving the application without a performer is the provider's, carried") {
    auto reg = extract_text(
        "7. Әрбір рәсімнің (іс-қимылдың) мазмұны, оларды орындау ұзақтығы:\n"
        "1) құжаттарды қабылдау және тіркеу – 1 (бір) жұмыс күні ішінде;\n"
        "2) көрсетілетін қызметті берушінің басшысы өтінішті қарайды – 1 (бір) жұмыс күні ішінде;\n");
    const auto* p = find(reg, "list");
    REQUIRE(p);
    REQUIRE(p->steps.size() == 2);
    CHECK(p->steps[0].unit == "Көрсетілетін қызметті беруші");
    CHECK(p->steps[0].unit_inferred);
  }
}
