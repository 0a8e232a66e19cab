#include <catch2/catch.hpp>

#include <regex>

#include "model/model.h"
#include "test_support.h"

using syzba::model::parse_duration;
using syzba::model::TimeUnit;

namespace {
void expect(const std::string& text, double amount, TimeUnit unit) {
  INFO(text);
  auto parsed = parse_duration(text);
  INFO(parsed.error);
  REQUIRE(parsed.duration.has_value());
  CHECK(parsed.duration->amount == Approx(amount));
  CHECK(parsed.duration->unit == unit);
  CHECK(parsed.duration->text == text);
}
}  // namespace

TEST_CASE("durations as the Kazakh regulations write them", "[duration]") {
  expect("15 (он бес) минут", 15, TimeUnit::minute);
  expect("4 (төрт) жұмыс күні", 4, TimeUnit::working_day);
  expect("20 секунд", 20, TimeUnit::second);
  expect("1,5 минут", 1.5, TimeUnit::minute);
  expect("жеті күнтiзбелiк күн", 7, TimeUnit::calendar_day);  // Latin i from text extraction
  expect("ж е т і күнтізбелік күн", 7, TimeUnit::calendar_day);  // spaced-out letters
  expect("жиырма екі күнтiзбелiк күн", 22, TimeUnit::calendar_day);
  expect("25 (жиырма бес) жұмыс күні", 25, TimeUnit::working_day);
  expect("30 (отыз) жұмыс күнінен", 30, TimeUnit::working_day);
  expect("1 минуттан", 1, TimeUnit::minute);
  expect("1 жұмыс күн", 1, TimeUnit::working_day);
  expect("күнтізбелік он күн", 10, TimeUnit::calendar_day);
  expect("бір жарым сағат", 1.5, TimeUnit::hour);
  expect("Орындалу ұзақтығы – 2 (екі) жұмыс күні", 2, TimeUnit::working_day);
}

TEST_CASE("durations as the Russian regulations write them", "[duration]") {
  expect("15 минут", 15, TimeUnit::minute);
  expect("5 рабочих дней", 5, TimeUnit::working_day);
  expect("10 календарных дней", 10, TimeUnit::calendar_day);
  expect("пятнадцать календарных дней", 15, TimeUnit::calendar_day);
  expect("2 часа", 2, TimeUnit::hour);
  expect("1 рабочий день", 1, TimeUnit::working_day);
  expect("3 working days", 3, TimeUnit::working_day);
}

TEST_CASE("texts that are not durations say why", "[duration]") {
  auto no_unit = parse_duration("15 (он бес)");
  CHECK_FALSE(no_unit.duration);
  CHECK_THAT(no_unit.error, Catch::Contains("no time unit"));
  auto no_amount = parse_duration("жұмыс күні");
  CHECK_FALSE(no_amount.duration);
  CHECK_THAT(no_amount.error, Catch::Contains("no amount"));
  // A copy-paste error a reviewer must see: the digits and the words disagree.
  auto mismatch = parse_duration("15 (он) минут");
  CHECK_FALSE(mismatch.duration);
  CHECK_THAT(mismatch.error, Catch::Contains("15") && Catch::Contains("10"));
  CHECK_FALSE(parse_duration("").duration);
  CHECK_FALSE(parse_duration("\xff\xfe").duration);
}

TEST_CASE("every duration written in the seed regulations parses", "[duration][seeds]") {
  // Digits, an optional spelling in parentheses, then a unit word, as the seeds write them.
  const std::regex pattern(
      R"(([0-9]+(,[0-9]+)?) *(\([^)]{1,40}\))? *(минут[^ ,.;)]*|секунд[^ ,.;)]*|сағат[^ ,.;)]*|жұмыс күн[^ ,.;)]*|күнт[іi]збел[іi]к күн[^ ,.;)]*))");
  auto seeds = syzba::test::shared() / "seeds";
  REQUIRE(std::filesystem::is_directory(seeds));
  int found = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    std::string text = syzba::test::read_file(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
      std::string match = it->str();
      INFO(entry.path().filename().string() << ": " << match);
      auto parsed = parse_duration(match);
      INFO(parsed.error);
      REQUIRE(parsed.duration);
      std::string digits = (*it)[1].str();
      std::replace(digits.begin(), digits.end(), ',', '.');
      CHECK(parsed.duration->amount == Approx(std::stod(digits)));
      ++found;
    }
  }
  CHECK(found > 50);  // the seeds hold well over fifty written durations
}

TEST_CASE("an amount too large for a number is an error, not a crash", "[duration]") {
  // Found by fuzz_duration: 400 eights and a unit made std::stod throw out_of_range.
  for (const std::string& text : {std::string(400, '8') + " минут", "6" + std::string(320, '0') + " (алты) жұмыс күні"}) {
    auto parsed = syzba::model::parse_duration(text);
    CHECK_FALSE(parsed.duration);
    CHECK_THAT(parsed.error, Catch::Contains("too large"));
  }
  CHECK(syzba::model::parse_duration("15 минут").duration);
}

TEST_CASE("impossible durations are errors: negative, zero, more than a year holds", "[duration]") {
  using syzba::model::parse_duration;
  for (const char* negative : {"-5 минут", "− 5 минут", "- 3 жұмыс күні", "срок: -2 hours"}) {
    INFO(negative);
    auto parsed = parse_duration(negative);
    CHECK_FALSE(parsed.duration);
    CHECK_THAT(parsed.error, Catch::Contains("negative"));
  }
  for (const char* zero : {"0 минут", "0 (нөл) сағат", "0,0 рабочих дней"}) {
    INFO(zero);
    CHECK_THAT(parse_duration(zero).error, Catch::Contains("zero"));
  }
  for (const char* absurd : {"300 жұмыс күні", "400 календарных дней", "10000 hours", "600000 минут"}) {
    INFO(absurd);
    auto parsed = parse_duration(absurd);
    CHECK_FALSE(parsed.duration);
    CHECK_THAT(parsed.error, Catch::Contains("more than a year holds"));
  }
  // A range's dash is no minus sign, and a year's worth is still possible.
  for (const char* fine : {"5-10 минут", "261 жұмыс күні", "366 күнтізбелік күн", "1-2 сағат"}) {
    INFO(fine);
    auto parsed = parse_duration(fine);
    INFO(parsed.error);
    REQUIRE(parsed.duration);
    CHECK(parsed.duration->amount > 0);
  }
  CHECK(syzba::model::impossible_duration(5, syzba::model::TimeUnit::minute).empty());
  CHECK_FALSE(syzba::model::impossible_duration(262, syzba::model::TimeUnit::working_day).empty());
}
