// UTF-8 helpers shared by the model's text functions (durations, refusal words).
#include "model/text.h"

#include "model/model.h"

#include <algorithm>

namespace syzba::model::text {

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {  // invalid byte: treat as a separator
      out.push_back(U' ');
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

bool is_cyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }
bool is_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || is_cyrillic(c); }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

char32_t to_lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ..Џ, with І and Ё
  if (c >= 0x460 && c <= 0x4FF && c % 2 == 0) return c + 1;  // Ә Ғ Қ Ң Ө Ұ Ү Һ ...
  return c;
}

}  // namespace syzba::model::text

namespace syzba::model {

std::string lowercase(std::string_view utf8) {
  // Byte by byte: ASCII directly, two-byte letters (Cyrillic) through to_lower; the rest is
  // copied as it is. Every letter keeps its length, so the result is sized once and written
  // in place (a push_back per byte was half of the time: rules call this for every name).
  std::string out(utf8);
  char* o = out.data();
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') o[i] = static_cast<char>(c + 32);
    } else if ((c >> 5) == 6 && i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
      char32_t cp = text::to_lower(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
      // A two-byte letter's lower case is a two-byte letter too (to_lower stays below U+0800).
      o[i] = static_cast<char>(0xC0 | (cp >> 6));
      o[i + 1] = static_cast<char>(0x80 | (cp & 0x3F));
      ++i;
    }
  }
  return out;
}

std::string escape_markup(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && !(keep_line_breaks && (ch == '\n' || ch == '\t'))) out += ' ';
        else out += ch;
    }
  }
  return out;
}

}  // namespace syzba::model

namespace syzba::model {

const std::vector<std::string>& refusal_words() {
  static const std::vector<std::string> words = {"бас тарт", "дәлелді жауап", "отказ", "мотивированный ответ",
                                                 "refus", "reject", "declin", "denied"};
  return words;
}

const std::vector<std::string>& return_words() {
  static const std::vector<std::string> words = {"қайтар", "жете рәсімде", "пысықта", "возврат", "доработ",
                                                 "return", "rework", "correction"};
  return words;
}

bool names_any(std::string_view name, const std::vector<std::string>& words) {
  if (name.empty()) return false;
  std::string lower = lowercase(name);
  return std::any_of(words.begin(), words.end(), [&](const auto& w) { return lower.find(w) != std::string::npos; });
}

namespace {

bool kazakh_letter(char32_t c) {
  switch (text::to_lower(c)) {
    case 0x4D9: case 0x493: case 0x49B: case 0x4A3: case 0x4E9: case 0x4B1: case 0x4AF: case 0x4BB: case 0x456:
      return true;  // ә ғ қ ң ө ұ ү һ і
    default: return false;
  }
}

struct WordCounts {
  long cyrillic = 0, kazakh = 0, latin = 0;
  void add(std::string_view label) {
    bool in_word = false, cyr = false, kaz = false, lat = false;
    auto flush = [&] {
      cyrillic += cyr, kazakh += kaz, latin += lat && !cyr;
      in_word = cyr = kaz = lat = false;
    };
    for (char32_t c : text::decode(label)) {
      if (!text::is_letter(c)) {
        if (in_word) flush();
        continue;
      }
      in_word = true;
      if (text::is_cyrillic(c)) cyr = true, kaz = kaz || kazakh_letter(c);
      else lat = true;
    }
    if (in_word) flush();
  }
};

}  // namespace

std::string_view language_of(const Definitions& definitions) {
  WordCounts words;
  for_each_element(definitions, [&](const BaseElement& e, ElementClass kind, std::string_view) {
    switch (kind) {
      case ElementClass::flow_node: words.add(static_cast<const FlowNode&>(e).name); break;
      case ElementClass::lane: words.add(static_cast<const Lane&>(e).name); break;
      case ElementClass::participant: words.add(static_cast<const Participant&>(e).name); break;
      case ElementClass::process: words.add(static_cast<const Process&>(e).name); break;
      default: break;
    }
  });
  if (definitions.service) words.add(definitions.service->name);
  if (words.cyrillic == 0 && words.latin == 0) return "kk";
  if (words.latin > words.cyrillic) return "en";
  // Kazakh prose puts one of its own letters in roughly every second word; a Russian label
  // naming a Kazakh place or office now and then stays Russian.
  return words.kazakh * 8 >= words.cyrillic ? "kk" : "ru";
}

}  // namespace syzba::model
