// The language of a model's labels, which decides what is drawn and published without --lang.
#include <catch2/catch.hpp>

#include "model/model.h"

namespace {

syzba::model::Definitions labelled(std::initializer_list<const char*> names) {
  syzba::model::Definitions defs;
  syzba::model::Process p;
  p.id = "p";
  for (const char* name : names) {
    syzba::model::FlowNode n;
    n.id = "n" + std::to_string(p.content.nodes.size());
    n.name = name;
    p.content.nodes.push_back(n);
  }
  defs.processes.push_back(p);
  return defs;
}

}  // namespace

TEST_CASE("a model's language is told by its labels", "[model][language]") {
  using syzba::model::language_of;
  CHECK(language_of(labelled({"Өтінішті қабылдау", "Құжаттарды тексеру", "Нәтижені беру"})) == "kk");
  CHECK(language_of(labelled({"Прием заявления", "Проверка документов", "Выдача результата"})) == "ru");
  CHECK(language_of(labelled({"Receive application", "Check documents", "Issue result"})) == "en");
  // A Russian handbook naming a Kazakh office now and then stays Russian.
  CHECK(language_of(labelled({"Прием заявления в ЦОН", "Передача в акимат района Байқоңыр", "Проверка документов",
                              "Выдача результата услугополучателю", "Регистрация заявления"})) == "ru");
  // Latin abbreviations inside Cyrillic labels do not make a model English.
  CHECK(language_of(labelled({"ЭЦҚ арқылы қол қою", "ЭҮП (egov.kz) арқылы жіберу"})) == "kk");
  CHECK(language_of(labelled({})) == "kk");
  CHECK(language_of(labelled({"", "12345"})) == "kk");
}
