// The message catalogue: complete in every language, placeholders alike, translation by id.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "model/model.h"

using namespace syzba;

namespace {
// The placeholders a template uses, e.g. {"{1}", "{2}"}.
std::multiset<std::string> placeholders(std::string_view text) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 2] == '}' && text[i + 1] >= '1' && text[i + 1] <= '9') out.insert(std::string(text.substr(i, 3)));
    else if (i + 3 < text.size() && text[i] == '{' && text[i + 1] == '+' && text[i + 3] == '}') out.insert(std::string(text.substr(i, 4)));
  return out;
}
std::set<std::string> distinct(const std::multiset<std::string>& all) { return {all.begin(), all.end()}; }
}  // namespace

TEST_CASE("every catalogue message has all three languages with the same placeholders", "[model][messages]") {
  std::set<std::string_view> ids;
  REQUIRE(model::message_catalogue().size() > 100);
  for (const auto& m : model::message_catalogue()) {
    INFO(m.id);
    CHECK(ids.insert(m.id).second);  // ids are unique
    CHECK_FALSE(m.en.empty());
    CHECK_FALSE(m.ru.empty());
    CHECK_FALSE(m.kk.empty());
    CHECK(distinct(placeholders(m.ru)) == distinct(placeholders(m.en)));
    CHECK(distinct(placeholders(m.kk)) == distinct(placeholders(m.en)));
  }
}

TEST_CASE("a diagnostic keeps its English message and is said again in another language", "[model][messages]") {
  auto d = model::diagnostic("unreadable", model::Severity::error, "", {3, 4}, "read.cannot-open", {"No such file"});
  CHECK(d.message == "cannot open the file: No such file");
  CHECK(d.line == 3);
  CHECK(d.message_id == "read.cannot-open");
  model::translate(d, model::Lang::ru);
  CHECK(d.message == "не удаётся открыть файл: No such file");
  model::translate(d, model::Lang::kk);
  CHECK(d.message == "файлды ашу мүмкін емес: No such file");
  model::translate(d, model::Lang::en);
  CHECK(d.message == "cannot open the file: No such file");
}

TEST_CASE("a message without a catalogue id keeps its own text", "[model][messages]") {
  model::Diagnostic d;
  d.message = "made elsewhere";
  model::translate(d, model::Lang::kk);
  CHECK(d.message == "made elsewhere");
  d.message_id = "no.such.id";
  model::translate(d, model::Lang::ru);
  CHECK(d.message == "made elsewhere");
  CHECK(model::say(model::Lang::kk, "no.such.id") == "no.such.id");  // visible, not silent
}

TEST_CASE("a duration's reason is a message within the message, said in the same language", "[model][messages]") {
  auto parsed = model::parse_duration("бес");
  REQUIRE_FALSE(parsed.duration);
  CHECK(parsed.error == "no time unit (seconds, minutes, hours, working or calendar days) in \"бес\"");
  std::vector<std::string> args{"duration"};
  args.insert(args.end(), parsed.reason.begin(), parsed.reason.end());
  CHECK(model::say(model::Lang::en, "read.duration-text", args) == "syzba:duration: " + parsed.error);
  CHECK(model::say(model::Lang::kk, "read.duration-text", args) ==
        "syzba:duration: \"бес\" ішінде уақыт бірлігі (секунд, минут, сағат, жұмыс не күнтізбелік күн) жоқ");
  auto negative = model::parse_duration("-5 минут");
  REQUIRE(negative.impossible);
  CHECK(model::say(model::Lang::ru, negative.reason[0], {negative.reason.begin() + 1, negative.reason.end()}) ==
        "продолжительность не может быть отрицательной: \"-5 минут\"");
}
