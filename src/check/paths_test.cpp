#include <catch2/catch.hpp>

#include <deque>

#include "check/check.h"
#include "io/io.h"
#include "test_support.h"

namespace check = syzba::check;
using syzba::model::Duration;
using syzba::model::TimeUnit;

namespace {
std::vector<check::ProcessPaths> paths_of(const std::string& fixture, const check::Config& config = {}) {
  auto r = syzba::io::read_bpmn(syzba::test::read_file(syzba::test::fixtures() / "check" / fixture));
  REQUIRE(r.definitions);
  static std::deque<syzba::model::Definitions> keep;  // the paths point into the model; a deque never moves it
  keep.push_back(std::move(*r.definitions));
  return check::enumerate_paths(keep.back(), config);
}
}  // namespace

TEST_CASE("working days and minutes add up in the working calendar", "[paths]") {
  check::Config config;  // 8-hour day, 5-day week
  check::Total t{8 * 60 + 4 * 60 + 30, 0};
  CHECK(check::describe(t, config) == "1 working day 4 h 30 min");
  CHECK(check::exceeds(t, Duration{1, TimeUnit::working_day, ""}, config));
  CHECK_FALSE(check::exceeds(t, Duration{2, TimeUnit::working_day, ""}, config));
  // 5 working days are 7 calendar days; calendar days are counted apart
  CHECK(check::in_calendar_days({5 * 8 * 60, 0}, config) == Approx(7));
  CHECK(check::in_working_minutes({0, 7}, config) == Approx(5 * 8 * 60));
  CHECK(check::describe(check::Total{15, 10}, config) == "15 min + 10 calendar days");
  CHECK_FALSE(check::exceeds({0, 10}, Duration{10, TimeUnit::calendar_day, ""}, config));
  CHECK(check::exceeds({1, 10}, Duration{10, TimeUnit::calendar_day, ""}, config));
  config.working_day_hours = 9;
  CHECK_FALSE(check::exceeds(t, Duration{1.5, TimeUnit::working_day, ""}, config));
}

TEST_CASE("paths list every route to an end with each loop at most once", "[paths]") {
  auto found = paths_of("refusal-branch-missing-ok-return.bpmn");
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].paths.size() == 2);  // straight through, and once round the return loop
  CHECK(found[0].paths[0].steps.size() == 4);
  CHECK(found[0].paths[1].steps.size() == 7);
  CHECK_FALSE(found[0].truncated);
}

TEST_CASE("a path's total and outcome and the critical path", "[paths]") {
  auto term = paths_of("term-exceeded.bpmn");
  REQUIRE(term[0].term);
  CHECK(term[0].term->unit == TimeUnit::working_day);
  REQUIRE(term[0].paths.size() == 1);
  CHECK(term[0].paths[0].total.working_minutes == Approx(4 * 60 + 8 * 60 + 30));
  CHECK(term[0].paths[0].critical);

  auto refusal = paths_of("refusal-branch-missing-ok.bpmn");
  REQUIRE(refusal[0].paths.size() == 2);
  int refusals = 0;
  for (const auto& p : refusal[0].paths) refusals += p.refusal;
  CHECK(refusals == 1);
}

TEST_CASE("the path list stops at the limit and says so", "[paths]") {
  auto r = syzba::io::read_bpmn(syzba::test::read_file(syzba::test::fixtures() / "check" / "refusal-branch-missing-ok-return.bpmn"));
  REQUIRE(r.definitions);
  auto found = check::enumerate_paths(*r.definitions, {}, 1);
  CHECK(found[0].paths.size() == 1);
  CHECK(found[0].truncated);
}
