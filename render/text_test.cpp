// TextEngine's fast paths measure as the slow ones do: a line's width shaped item by item is
// its PangoLayout's width, to the 1/1024 px; measurements shared between engines (and threads)
// are the ones each engine makes alone.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "render/render.h"
#include "scene_support.h"

namespace {

using namespace syzba;

// Every line of text of a scene with its size, weight, position and measured width.
std::vector<std::string> text_lines(const render::Scene& scene) {
  std::vector<std::string> out;
  for (const auto& e : scene.elements)
    for (const auto& item : e.items)
      if (const auto* t = std::get_if<render::Text>(&item))
        for (const auto& l : t->lines)
          out.push_back(e.id + " " + std::to_string(t->font_px) + (t->bold ? "b " : " ") + l.text + " " +
                        std::to_string(l.x) + "," + std::to_string(l.y) + " w=" + std::to_string(l.width));
  return out;
}

std::vector<std::filesystem::path> drawn_corpus() {
  auto files = test::miwg_files();
  auto models = test::bpmn_files(std::filesystem::path(SYZBA_FIXTURES_DIR) / ".." / ".." / "models");
  files.insert(files.end(), models.begin(), models.end());
  return files;
}

// Texts a label may hold: Kazakh, Russian and Latin, the punctuation of the fast path, and
// what it leaves to the layout (a tab, a soft hyphen, separators, right-to-left text, a
// combining mark, a glyph no font has, an emoji, invalid UTF-8).
const std::vector<std::string> tricky = {
    "Өтінішті қабылдау", "Заявление принято", "AVA Tyre WAVE", "«Жоқ» — иә… “ok” ‘x’ •", "a\xC2\xA0" "b",
    "fi ffl", "tab\there", "soft\xC2\xADhyphen", "line\xE2\x80\xA8sep", "para\xE2\x80\xA9sep", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D (1)",
    "e\xCC\x81", "\xEE\x80\x80 private", "\xF0\x9F\x98\x80 smile", "nel\xC2\x85" "x", "",
    " ", "  two  spaces  ",
    // One script's letters with ASCII digits and punctuation (one item, known_run), two scripts in
    // a line, and Cyrillic code points at the ends of its block, some in no font of the six.
    "Task 12 (a-b), c.", "Заявка ABC", "\xD0\x80 \xD1\x90 \xD2\x90 \xD2\x91 \xD3\x80 \xD3\xBF", "\xD2\x8A\xD2\x8B 1"};

}  // namespace

TEST_CASE("A line's width shaped item by item is the width its PangoLayout measures", "[render][text]") {
  render::TextEngine fast, laid_out({nullptr, false});
  for (const auto& s : tricky) {
    INFO(s);
    for (double px : {11.0, 12.0, 14.5}) {
      // wrap_label measures without glyph rounding, wrap with it; a narrow box makes shorter tries.
      for (double width : {1e6, 90.0, 40.0}) {
        auto a = fast.wrap_label(s, px, width), b = laid_out.wrap_label(s, px, width);
        REQUIRE(a.lines.size() == b.lines.size());
        for (std::size_t i = 0; i < a.lines.size(); ++i) {
          CHECK(a.lines[i].text == b.lines[i].text);
          CHECK(a.lines[i].width == b.lines[i].width);
        }
        auto c = fast.wrap(s, px, true, width), d = laid_out.wrap(s, px, true, width);
        REQUIRE(c.lines.size() == d.lines.size());
        for (std::size_t i = 0; i < c.lines.size(); ++i) {
          CHECK(c.lines[i].width == d.lines[i].width);
          CHECK(c.lines[i].y == d.lines[i].y);  // the baseline: the first font's extents
        }
      }
    }
  }
  // Baselines at every size the scenes use, and more, bold and not, to the last bit.
  for (int tenth = 50; tenth <= 400; tenth += 5)
    for (bool bold : {false, true}) {
      double px = tenth / 10.0;
      INFO(px << (bold ? " bold" : ""));
      CHECK(fast.wrap("Hg", px, bold, 1e6).lines.at(0).y == laid_out.wrap("Hg", px, bold, 1e6).lines.at(0).y);
    }
  // Whole drawings: every line of every MIWG file and model, where it is drawn and how wide.
  for (const auto& file : drawn_corpus()) {
    INFO(file);
    CHECK(text_lines(test::draw_scene(test::read_model(file), fast)) ==
          text_lines(test::draw_scene(test::read_model(file), laid_out)));
  }
}

TEST_CASE("Engines sharing their measurements on two threads draw what one engine draws alone", "[render][text]") {
  auto files = drawn_corpus();
  std::vector<std::vector<std::string>> alone(files.size()), shared(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    render::TextEngine own;  // a fresh engine for each file: nothing measured before
    alone[i] = text_lines(test::draw_scene(test::read_model(files[i]), own));
  }
  auto measures = std::make_shared<render::TextMeasures>();
  std::vector<model::Definitions> models;
  for (const auto& f : files) models.push_back(test::read_model(f));  // Catch2's REQUIRE on this thread only
  auto work = [&](std::size_t first) {
    render::TextEngine text({measures});
    for (std::size_t i = first; i < files.size(); i += 2) {
      layout::Options layout_options;
      layout_options.measure = text.measure();
      layout_options.keep_incomplete = true;
      model::Definitions defs = models[i];
      layout::lay_out(defs, layout_options);
      shared[i] = text_lines(render::render_scene(defs, {}, text).scene);
    }
  };
  std::thread other(work, 1);
  work(0);
  other.join();
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO(files[i]);
    CHECK_FALSE(alone[i].empty());
    CHECK(shared[i] == alone[i]);
  }
}

TEST_CASE("TextMeasures gives back what it was given, and empties a full table", "[render][text]") {
  render::TextMeasures measures;
  CHECK_FALSE(measures.width("a"));
  measures.keep_width("a", 7.5);
  REQUIRE(measures.width("a"));
  CHECK(*measures.width("a") == 7.5);
  render::TextBlock block;
  block.lines.push_back({"a", 0, 9, 7.5});
  block.width = 7.5;
  measures.keep_block("a", block);
  REQUIRE(measures.block("a"));
  CHECK(measures.block("a")->lines.at(0).text == "a");
  CHECK_FALSE(measures.block("b"));
  for (std::size_t i = 0; i < render::TextMeasures::width_limit; ++i) measures.keep_width("w" + std::to_string(i), 1);
  CHECK_FALSE(measures.width("a"));  // emptied when full, then the newest kept
  CHECK(measures.width("w" + std::to_string(render::TextMeasures::width_limit - 1)));
}
