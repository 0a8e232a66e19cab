// An estimate of text size in Liberation Sans (Arial's metrics), for layout without Pango:
// advance widths per character class in thousandths of an em, greedy wrapping at spaces.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "layout/graph.h"
#include "layout/layout.h"

namespace syzba::layout {
namespace {

// The code point at s[i], and i moved past it (no vector: labels are measured many times).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  std::size_t j = i + 1;
  for (; j < s.size() && j <= i + extra; ++j) cp = (cp << 6) | (static_cast<unsigned char>(s[j]) & 0x3F);
  i = j;
  return cp;
}

// Thousandths of an em, Arial metrics; unknown letters count as wide ones.
int advance(char32_t c) {
  if (c == ' ') return 278;
  if (c < 0x80) {
    constexpr std::u32string_view narrow = U"ijlI.,:;'!|()[]{}/\\-tf";
    constexpr std::u32string_view wide = U"mwMW@%";
    if (narrow.find(c) != std::u32string_view::npos) return 278;
    if (wide.find(c) != std::u32string_view::npos) return 850;
    if (c >= 'A' && c <= 'Z') return 680;
    return 556;
  }
  if (c == U'і' || c == U'ї') return 222;
  if (c == U'І' || c == U'Ї') return 278;
  if (c == U'г' || c == U'ғ' || c == U'ґ') return 370;
  if (c == U'к' || c == U'қ' || c == U'т' || c == U'з') return 460;
  if (c == U'ж' || c == U'м' || c == U'ф' || c == U'ш' || c == U'щ' || c == U'ы' || c == U'ю') return 780;
  if (c >= 0x0400 && c <= 0x042F) return 720;  // Cyrillic capitals
  if (c == U'Ә' || c == U'Ғ' || c == U'Қ' || c == U'Ң' || c == U'Ө' || c == U'Ұ' || c == U'Ү' || c == U'Һ') return 720;
  if (c >= 0x0430 && c <= 0x04FF) return 560;
  if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return 0;
  return 900;
}

}  // namespace

TextSize estimate_text(std::string_view text, double font_px, double max_width) {
  const double scale = font_px / 1000.0 * 1.04;  // a little wider than Arial: never overflow
  const double line_height = font_px * 1.2;
  double widest = 0, line = 0, word = 0, space = 0;
  int lines = text.empty() ? 0 : 1;
  auto place_word = [&] {
    if (word == 0) return;
    if (line > 0 && line + space + word > max_width) {
      ++lines;
      line = 0;
    } else if (line > 0) {
      line += space;
    }
    line += word;
    widest = std::max(widest, std::min(line, max_width));
    word = 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (c == '\n') {
      place_word();
      ++lines;
      line = 0;
      continue;
    }
    if (c == ' ' || c == '\t') {
      place_word();
      space = advance(' ') * scale;
      continue;
    }
    double w = advance(c) * scale;
    if (word + w > max_width && word > 0) {  // a word wider than a line is broken
      place_word();
      ++lines;
      line = 0;
    }
    word += w;
  }
  place_word();
  return {widest, lines * line_height};
}

TextSize label_size(const MeasureText& measure, std::string_view text, double font_px, double max_width) {
  TextSize wrapped = measure(text, font_px, max_width);
  // A pixel at a time up to the width it was wrapped in, which gives these lines again.
  for (double w = wrapped.width; w < max_width; w += 1) {
    TextSize again = measure(text, font_px, w);
    if (again.height <= wrapped.height + 0.01) return {w, wrapped.height};
  }
  return {std::max(wrapped.width, max_width), wrapped.height};
}

}  // namespace syzba::layout
