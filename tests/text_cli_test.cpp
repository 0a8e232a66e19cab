// The text form on the command line: compile, describe, keywords, every verb reading .syzba,
// and the drafting loop (--watch) driven by rewriting a file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "test_support.h"

using namespace syzba::test;

namespace {

std::string handbook(const std::string& label) {
  return "id: draft\n"
         "қызмет: Анықтама беру\n"
         "мерзім: 3 жұмыс күні\n"
         "процесс p: Анықтамалық\n"
         "  бөлімше office: Кеңсе\n"
         "  басталуы s: Өтініш\n    орындаушы: office\n    келесі: a1\n"
         "  әрекет a1: " + label + "\n    орындаушы: office\n    ұзақтығы: 1 жұмыс күні\n    келесі: c1\n"
         "  шарт c1: Толық па?\n    орындаушы: office\n    иә: done\n    жоқ: refused\n"
         "  бас тарту refused: Бас тарту\n    орындаушы: office\n"
         "  аяқталуы done: Берілді\n    орындаушы: office\n";
}

std::filesystem::path scratch(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("syzba-text-cli-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);  // in place, as an editor saves
  out << content;
}

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The exit code of a command run on another thread (Catch's assertions stay on the test's own).
int exit_code_of(const std::string& args) {
  int status = std::system(("'" + syzba_binary().string() + "' " + args).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Polls until the condition holds; false after the time limit.
template <class Condition>
bool eventually(Condition condition, std::chrono::seconds limit = std::chrono::seconds(30)) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

}  // namespace

TEST_CASE("cli: compile writes BPMN with a complete diagram", "[cli][text]") {
  auto dir = scratch("compile");
  write(dir / "draft.syzba", handbook("Құжаттарды қабылдау"));
  auto run = run_syzba("compile " + quoted(dir / "draft.syzba") + " -o " + quoted(dir / "draft.bpmn") + " 2>&1");
  INFO(run.out);
  REQUIRE(run.exit_code == 0);
  auto bpmn = contents(dir / "draft.bpmn");
  for (const auto* id : {"s", "a1", "c1", "refused", "done"})
    CHECK(bpmn.find(std::string("bpmnElement=\"") + id + "\"") != std::string::npos);
  CHECK(bpmn.find("<bpmndi:BPMNEdge") != std::string::npos);
  CHECK(bpmn.find("text=\"1 жұмыс күні\"") != std::string::npos);
  // The compiled file has nothing left to lay out, and its checks come out the same.
  CHECK(run_syzba("check " + quoted(dir / "draft.bpmn")).exit_code == 0);
  // Same text, same bytes.
  REQUIRE(run_syzba("compile " + quoted(dir / "draft.syzba") + " -o " + quoted(dir / "again.bpmn")).exit_code == 0);
  CHECK(contents(dir / "again.bpmn") == bpmn);
}

TEST_CASE("cli: a text with errors compiles to nothing, with line, column, the line and a caret", "[cli][text]") {
  auto dir = scratch("compile-error");
  auto text = handbook("Қабылдау");
  text.replace(text.find("office\n    ұзақтығы"), 6, "ofice");
  write(dir / "draft.syzba", text);
  auto run = run_syzba("compile " + quoted(dir / "draft.syzba") + " -o " + quoted(dir / "draft.bpmn") + " 2>&1");
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.out, Catch::Contains("draft.syzba:10:16: error: no unit `ofice` in this pool or process; did you mean `office`?"));
  CHECK_THAT(run.out, Catch::Contains("   10 |     орындаушы: ofice\n      |                ^"));
  CHECK_FALSE(std::filesystem::exists(dir / "draft.bpmn"));
  // The same in JSON, the excerpt included.
  auto json = run_syzba("check --format json " + quoted(dir / "draft.syzba"));
  CHECK(json.exit_code == 2);
  CHECK_THAT(json.out, Catch::Contains("\"line\": 10") && Catch::Contains("text-unknown-unit") &&
                           Catch::Contains("\"context\": \"   10 |     орындаушы: ofice\\n"));
}

TEST_CASE("cli: compile refuses to write over its input", "[cli][text]") {
  auto dir = scratch("compile-self");
  write(dir / "draft.syzba", handbook("Қабылдау"));
  auto before = contents(dir / "draft.syzba");
  CHECK(run_syzba("compile " + quoted(dir / "draft.syzba") + " -o " + quoted(dir / "draft.syzba") + " 2>/dev/null").exit_code == 2);
  CHECK(contents(dir / "draft.syzba") == before);
}

TEST_CASE("cli: describe prints a model in the text form and says what it cannot carry", "[cli][text]") {
  auto model = std::filesystem::path(SYZBA_FIXTURES_DIR).parent_path().parent_path() / "models" /
               "000-patronage-portal-handbook.bpmn";
  auto kk = run_syzba("describe " + quoted(model));
  REQUIRE(kk.exit_code == 0);
  CHECK_THAT(kk.out, Catch::Contains("бөлімше recipient: Көрсетілетін қызметті алушы") &&
                         Catch::Contains("шарт c1: Деректер расталды ма?") && Catch::Contains("мерзім: 5 (бес) жұмыс күні"));
  auto ru = run_syzba("describe --lang ru " + quoted(model));
  CHECK_THAT(ru.out, Catch::Contains("условие c1:") && Catch::Contains("срок: 5 (бес) жұмыс күні"));
  // A MIWG model with loop markers: the note goes to standard error, the text to standard output.
  auto b20 = run_syzba("describe --lang en " + quoted(shared() / "corpus" / "miwg" / "B.2.0.bpmn") + " 2>&1 >/dev/null");
  CHECK_THAT(b20.out, Catch::Contains("note: not expressed in the text form: loop and multi-instance markers"));
}

TEST_CASE("cli: describe writes text that compile takes, and says on stderr what it wrote otherwise", "[cli][text]") {
  auto dir = scratch("describe-nearest");
  auto model = fixtures() / "text" / "boundary-event-in-another-process.bpmn";
  auto described = run_syzba("describe --lang en " + quoted(model) + " -o " + quoted(dir / "model.syzba") + " 2>" +
                             quoted(dir / "notes.txt"));
  REQUIRE(described.exit_code == 0);
  CHECK_THAT(contents(dir / "notes.txt"),
             Catch::Contains("note: not expressed in the text form: boundary events in another process or sub-process "
                             "than their activity (written beside it) (timeout)"));
  REQUIRE(run_syzba("compile " + quoted(dir / "model.syzba") + " -o " + quoted(dir / "model.bpmn") + " 2>/dev/null").exit_code == 0);
  auto again = run_syzba("describe --lang en " + quoted(dir / "model.bpmn") + " 2>/dev/null");
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == contents(dir / "model.syzba"));
}

TEST_CASE("cli: keywords lists every keyword in three languages", "[cli][text]") {
  auto run = run_syzba("keywords");
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("action\tstatement\tkk\tәрекет") && Catch::Contains("duration\tproperty\tru\tдлительность") &&
                          Catch::Contains("term\theader\ten\tterm"));
}

TEST_CASE("cli: every verb that reads BPMN reads the text form", "[cli][text]") {
  auto dir = scratch("verbs");
  write(dir / "draft.syzba", handbook("Құжаттарды қабылдау"));
  auto in = quoted(dir / "draft.syzba");
  CHECK(run_syzba("check " + in).exit_code == 0);
  CHECK_THAT(run_syzba("paths " + in).out, Catch::Contains("(refusal)") && Catch::Contains("Бас тарту"));
  CHECK(run_syzba("layout " + in + " -o " + quoted(dir / "laid.bpmn")).exit_code == 0);
  CHECK_THAT(contents(dir / "laid.bpmn"), Catch::Contains("BPMNShape"));
  REQUIRE(run_syzba("render " + in + " -o " + quoted(dir / "draft.svg")).exit_code == 0);
  CHECK_THAT(contents(dir / "draft.svg"), Catch::Contains("Құжаттарды") && Catch::Contains("Шартты белгілер"));
  REQUIRE(run_syzba("table " + in + " -o " + quoted(dir / "draft.html")).exit_code == 0);
  CHECK_THAT(contents(dir / "draft.html"), Catch::Contains("1 жұмыс күні"));
  std::filesystem::create_directories(dir / "site-in");
  std::filesystem::copy_file(dir / "draft.syzba", dir / "site-in" / "draft.syzba");
  REQUIRE(run_syzba("publish " + quoted(dir / "site-in") + " -o " + quoted(dir / "site") + " 2>&1").exit_code == 0);
  CHECK(std::filesystem::exists(dir / "site" / "draft" / "draft.syzba"));
  CHECK_THAT(contents(dir / "site" / "draft" / "index.html"), Catch::Contains("href=\"draft.syzba\""));
  CHECK_THAT(contents(dir / "site" / "draft" / "draft.bpmn"), Catch::Contains("BPMNShape"));
  // From standard input, told apart by its first character.
  CHECK(run_syzba("check - < " + in).exit_code == 0);
}

TEST_CASE("cli: render --watch redraws on save, survives a half-written file, keeps the last good picture",
          "[cli][text][watch]") {
  auto dir = scratch("watch");
  auto source = dir / "draft.syzba", picture = dir / "draft.svg", log = dir / "watch.log";
  write(source, handbook("Бірінші нұсқа"));
  int result = -1;
  std::thread watcher([&] {
    result = exit_code_of("render " + quoted(source) + " -o " + quoted(picture) + " --watch --watch-runs 3 > " + quoted(log) + " 2>&1");
  });
  auto log_has = [&](const std::string& s) { return contents(log).find(s) != std::string::npos; };
  bool first = eventually([&] { return log_has("run 1:"); });
  CHECK(first);
  CHECK_THAT(contents(picture), Catch::Contains("Бірінші"));

  // Half-written: the save stopped in the middle of a line.
  auto full = handbook("Екінші нұсқа");
  write(source, full.substr(0, full.find("    келесі: c1") + 12));
  bool second = eventually([&] { return log_has("run 2:"); });
  CHECK(second);
  std::string after_half = contents(log);
  CHECK_THAT(after_half, Catch::Contains("draft.syzba:") && Catch::Contains("error:") && Catch::Contains("^"));
  CHECK_THAT(contents(picture), Catch::Contains("Бірінші"));  // the last good picture stays

  // The save completes.
  write(source, full);
  bool third = eventually([&] { return log_has("run 3:"); });
  CHECK(third);
  watcher.join();
  CHECK(result == 0);
  CHECK_THAT(contents(picture), Catch::Contains("Екінші") && !Catch::Contains("Бірінші"));
  // The findings of check are printed at every run of the loop.
  CHECK_THAT(contents(log), Catch::Contains("1 file, 0 errors"));
}

TEST_CASE("cli: check --watch reports again on save", "[cli][text][watch]") {
  auto dir = scratch("watch-check");
  auto source = dir / "draft.syzba", out = dir / "check.out";
  write(source, handbook("Бірінші"));
  int result = -1;
  std::thread watcher([&] {
    result = exit_code_of("check " + quoted(source) + " --watch --watch-runs 2 > " + quoted(out) + " 2>&1");
  });
  bool first = eventually([&] { return contents(out).find("run 1:") != std::string::npos; });
  CHECK(first);
  // A condition left with one branch: the finding of the second run.
  auto text = handbook("Бірінші");
  text.erase(text.find("    жоқ: refused\n"), 17);
  write(source, text);
  watcher.join();
  CHECK(result == 2);
  CHECK_THAT(contents(out), Catch::Contains("text-one-branch") && Catch::Contains("run 2:"));
}

TEST_CASE("cli: a watch loop stopped by a signal leaves its output whole and nothing else", "[cli][text][watch]") {
  auto dir = scratch("watch-stop");
  auto source = dir / "draft.syzba", picture = dir / "draft.svg", log = dir / "watch.log", pid = dir / "pid";
  write(source, handbook("Бірінші"));
  int result = -1;
  std::thread watcher([&] {
    // The shell starts it in the background to know its pid, then waits for it.
    std::string command = "'" + syzba_binary().string() + "' render " + quoted(source) + " -o " + quoted(picture) +
                          " --watch > " + quoted(log) + " 2>&1 & echo $! > " + quoted(pid) + "; wait $!";
    int status = std::system(command.c_str());
    result = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  });
  bool first = eventually([&] { return contents(log).find("run 1:") != std::string::npos; });
  CHECK(first);
  std::string process = contents(pid);
  REQUIRE_FALSE(process.empty());
  CHECK(std::system(("kill -TERM " + process).c_str()) == 0);
  watcher.join();
  CHECK(result == 0);
  CHECK_THAT(contents(log), Catch::Contains("stopped"));
  CHECK_THAT(contents(picture), Catch::EndsWith("</svg>\n"));
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"draft.svg", "draft.syzba", "pid", "watch.log"});
}

TEST_CASE("cli: without --lang, what is drawn, tabled and published speaks the model's language", "[cli][text][language]") {
  auto dir = scratch("language");
  auto russian = syzba::test::fixtures().parent_path().parent_path() / "examples" / "text-form" / "center-handbook.ru.syzba";
  REQUIRE(run_syzba("render " + quoted(russian) + " -o " + quoted(dir / "ru.svg")).exit_code == 0);
  std::string svg = contents(dir / "ru.svg");
  CHECK(svg.find("Условные обозначения") != std::string::npos);
  CHECK(svg.find("Срок оказания государственной услуги") != std::string::npos);
  CHECK(svg.find("Шартты белгілер") == std::string::npos);  // the legend of issue 21's mixed picture
  CHECK(svg.find("xml:lang=\"ru\"") != std::string::npos);
  REQUIRE(run_syzba("table " + quoted(russian) + " -o " + quoted(dir / "ru.md")).exit_code == 0);
  CHECK(contents(dir / "ru.md").find("Структурно-функциональная единица") != std::string::npos);
  REQUIRE(run_syzba("publish " + quoted(russian) + " -o " + quoted(dir / "site") + " 2>/dev/null").exit_code == 0);
  CHECK(contents(dir / "site" / "index.html").find("lang=\"ru\"") != std::string::npos);
  // --lang still decides when given; a Kazakh model stays Kazakh.
  REQUIRE(run_syzba("render " + quoted(russian) + " --lang kk -o " + quoted(dir / "kk.svg")).exit_code == 0);
  CHECK(contents(dir / "kk.svg").find("Шартты белгілер") != std::string::npos);
  write(dir / "kk.syzba", handbook("Құжаттарды қабылдау"));
  REQUIRE(run_syzba("render " + quoted(dir / "kk.syzba") + " -o " + quoted(dir / "kk2.svg")).exit_code == 0);
  CHECK(contents(dir / "kk2.svg").find("Шартты белгілер") != std::string::npos);
}
