// table: rows in the main path's order with the regulation's numbers, units, durations and
// next actions; alternatives after; HTML, Markdown and CSV escape what they must.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "io/io.h"
#include "table/table.h"
#include "test_support.h"

namespace {
syzba::model::Definitions read(const std::filesystem::path& file) {
  auto r = syzba::io::read_bpmn_file(file.string());
  REQUIRE(r.definitions);
  return std::move(*r.definitions);
}
std::filesystem::path models() { return syzba::test::fixtures().parent_path().parent_path() / "models"; }
}  // namespace

TEST_CASE("a handbook's table follows the main path, with units, durations and next actions", "[table]") {
  auto t = syzba::table::make_table(read(models() / "004-child-benefit-main-1.bpmn"));
  REQUIRE(t.rows.size() == 9);
  CHECK(t.term == "уәкілетті органға – он жұмыс күні ішінде");
  for (int i = 0; i < 8; ++i) {
    INFO(i);
    CHECK(t.rows[i].number == std::to_string(i + 1));  // the numbers the regulation gives, in order
    CHECK_FALSE(t.rows[i].alternative);
  }
  CHECK(t.rows[0].unit == "Уәкілетті органның сектор маманы (3 ҚФБ)");
  CHECK(t.rows[0].duration == "15 минут");
  CHECK(t.rows[0].next == std::vector<std::string>{"2", "9"});  // on, or the package returned
  CHECK(t.rows[2].unit == "Учаскелік комиссия (4 ҚФБ)");
  CHECK(t.rows[7].completion == "Хабарлама не бас тарту туралы дәлелді жауап");
  CHECK(t.rows[7].next.empty());
  // The return of an incomplete package is the alternative, numbered after the others.
  CHECK(t.rows[8].alternative);
  CHECK(t.rows[8].number == "9");
  CHECK(t.rows[8].duration == "үш жұмыс күн");
}

TEST_CASE("a functional diagram's table follows messages across the pools", "[table]") {
  auto t = syzba::table::make_table(read(models() / "000-patronage-portal-interaction.bpmn"));
  std::vector<std::string> main;
  for (const auto& r : t.rows)
    if (!r.alternative) main.push_back(r.number);
  // 1 → 3 → 5 in the portal, the gateway's forwarding (unnumbered: 9), then 6 → 8.
  CHECK(main == std::vector<std::string>{"1", "3", "5", "9", "6", "8"});
  CHECK(t.rows[0].next == std::vector<std::string>{"2", "3"});
  CHECK(t.rows[2].next == std::vector<std::string>{"9"});  // across the message to ЭҮШ
  CHECK(t.rows[3].unit == "ЭҮШ");
  CHECK(t.rows[3].next == std::vector<std::string>{"6"});
}

TEST_CASE("the table as HTML, Markdown and CSV, escaped, in three languages", "[table]") {
  syzba::table::Table t;
  t.service = "A <b>&\"service\"";
  t.rows.push_back({"s1", "1", "Unit | one", "Do <script>alert(1)</script>", "line one\nline two", "Form, \"quoted\"", "15 минут", {"2"}, false});
  t.rows.push_back({"s2", "2", "Unit", "Last", "", "", "", {}, true});
  for (auto lang : {syzba::check::Lang::kk, syzba::check::Lang::ru, syzba::check::Lang::en}) {
    std::string page = syzba::table::to_html_page(t, lang);
    CHECK(page.find("<script>") == std::string::npos);
    CHECK_THAT(page, Catch::Contains("Do &lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(page, Catch::Contains("id=\"step-s1\""));
    CHECK_THAT(page, Catch::Contains(syzba::table::headings(lang).duration));
    pugi::xml_document doc;  // well-formed, so any HTML parser reads it one way
    std::string body = syzba::table::to_html_table(t, lang);
    CHECK(doc.load_string(body.c_str()));
  }
  CHECK_THAT(syzba::table::to_html_page(t, syzba::check::Lang::kk), Catch::Contains("<html lang=\"kk\">"));
  std::string md = syzba::table::to_markdown(t, syzba::check::Lang::en);
  CHECK_THAT(md, Catch::Contains("| 1 | Unit \\| one |"));
  CHECK_THAT(md, Catch::Contains("line one<br>line two"));
  CHECK_THAT(md, Catch::Contains("— (end)"));
  std::string csv = syzba::table::to_csv(t, syzba::check::Lang::ru);
  CHECK(csv.rfind("\xEF\xBB\xBF\"№ действия\"", 0) == 0);
  CHECK_THAT(csv, Catch::Contains("\"Form, \"\"quoted\"\"\""));
  CHECK_THAT(csv, Catch::Contains("\"Do <script>alert(1)</script>\nline one\nline two\""));
}
