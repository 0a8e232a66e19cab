// Messages a methodologist can read: the reader's and the text form's messages come from the
// one catalogue (model/messages.cpp) and follow --lang.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "test_support.h"

using namespace syzba::test;

namespace {

std::filesystem::path source_root() { return fixtures().parent_path().parent_path(); }

// Every literal "read.…", "text.…" or "duration.…" in the sources of the reader, the text
// form and the durations: the message ids they say.
std::set<std::string> message_ids_in_sources() {
  std::set<std::string> ids;
  const std::regex literal(R"re("((read|text|duration)\.[a-z0-9.-]+)")re");
  for (const char* module : {"src/io", "src/text", "src/model"})
    for (const auto& entry : std::filesystem::directory_iterator(source_root() / module)) {
      auto name = entry.path().filename().string();
      // The catalogue itself names every id: only the places that say them count.
      if (entry.path().extension() != ".cpp" || name.find("_test") != std::string::npos || name == "messages.cpp") continue;
      std::string text = read_file(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) ids.insert((*it)[1]);
    }
  return ids;
}

std::string draft_with_unknown_unit(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("syzba-messages-" + name);
  std::filesystem::create_directories(dir);
  auto file = dir / "draft.syzba";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << "процесс p: Анықтамалық\n"
                                                             "  бөлімше office: Кеңсе\n"
                                                             "  әрекет a: Қабылдау\n"
                                                             "    орындаушы: ofice\n";
  return quoted(file);
}

}  // namespace

TEST_CASE("every message id the reader and the text form say is in the catalogue, and every one of theirs is said",
          "[messages]") {
  auto used = message_ids_in_sources();
  REQUIRE(used.size() > 20);
  for (const auto& id : used) {
    INFO(id);
    CHECK(syzba::model::find_message(id) != nullptr);
  }
  for (const auto& m : syzba::model::message_catalogue()) {
    std::string id(m.id);
    if (id.rfind("read.", 0) != 0 && id.rfind("text.", 0) != 0 && id.rfind("duration.", 0) != 0) continue;
    INFO(id);
    CHECK(used.count(id) == 1);
  }
}

TEST_CASE("cli: a text-form error follows --lang", "[cli][messages]") {
  auto file = draft_with_unknown_unit("text");
  auto en = run_syzba("check " + file);
  CHECK(en.exit_code == 2);
  CHECK_THAT(en.out, Catch::Contains("4:16: error: no unit `ofice` in this pool or process; did you mean `office`? [text-unknown-unit]"));
  auto kk = run_syzba("check --lang kk " + file);
  CHECK_THAT(kk.out, Catch::Contains("4:16: error: бұл жүйеде не процесте `ofice` бөлімшесі жоқ; `office` деп жазғыңыз келді ме? [text-unknown-unit]"));
  auto ru = run_syzba("check --lang ru " + file);
  CHECK_THAT(ru.out, Catch::Contains("4:16: error: в этой системе или процессе нет подразделения `ofice`; может быть, имелось в виду `office`? [text-unknown-unit]"));
  // The verbs whose --lang defaults to the model's: said as asked, in English when not asked.
  auto drawn = run_syzba("render --lang ru " + file + " --format svg -o /dev/null 2>&1");
  CHECK_THAT(drawn.out, Catch::Contains("нет подразделения `ofice`"));
  CHECK_THAT(run_syzba("render " + file + " --format svg -o /dev/null 2>&1").out, Catch::Contains("no unit `ofice`"));
}

TEST_CASE("cli: a reader error follows --lang", "[cli][messages]") {
  auto file = quoted(fixtures() / "bad" / "bad-boolean.bpmn");
  auto en = run_syzba("check " + file);
  CHECK_THAT(en.out, Catch::Contains("is not a boolean (true or false) [invalid-value]"));
  CHECK_THAT(run_syzba("check --lang kk " + file).out, Catch::Contains("логикалық мән емес (true немесе false болуы керек) [invalid-value]"));
  CHECK_THAT(run_syzba("check --lang ru " + file).out, Catch::Contains("— не логическое значение (нужно true или false) [invalid-value]"));
  auto json = run_syzba("check --format json --lang kk " + quoted(fixtures() / "bad" / "not-bpmn.bpmn"));
  CHECK(json.exit_code == 2);
  CHECK_THAT(json.out, Catch::Contains("бұл BPMN 2.0 файлы емес"));
  auto paths = run_syzba("paths --lang ru " + quoted(fixtures() / "bad" / "not-well-formed.bpmn") + " 2>&1");
  CHECK_THAT(paths.out, Catch::Contains("XML составлен неверно"));
}

TEST_CASE("cli: term-exceeded is one line: the path's length, its total and the term; the steps stay in path",
          "[cli][messages]") {
  auto file = quoted(fixtures() / "check" / "term-exceeded.bpmn");
  for (const char* lang : {"en", "ru", "kk"}) {
    INFO(lang);
    auto json = nlohmann::json::parse(run_syzba(std::string("check --format json --lang ") + lang + " " + file).out);
    bool found = false;
    for (const auto& d : json["files"][0]["diagnostics"]) {
      if (d["rule"] != "term-exceeded") continue;
      found = true;
      std::string message = d["message"];
      CHECK(message.find("→") == std::string::npos);
      CHECK(message.find('\n') == std::string::npos);
      CHECK(message.find("5") != std::string::npos);
      CHECK(message.find("`syzba paths`") != std::string::npos);
      CHECK(d["path"].size() == 5);
    }
    CHECK(found);
  }
  CHECK_THAT(run_syzba("check " + file).out,
             Catch::Contains("the longest path (5 steps) takes 1 working day 4 h 30 min, over the term of "));
}
