// Encoding detection follows the XML 1.0 appendix F: a byte order mark first, else the
// declaration's encoding name, else UTF-8. UTF-8 input is validated so that invalid bytes
// are reported with their line and column rather than copied into outputs.
#include "io/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <cerrno>
#include <cstdio>
#include <string>
#include <tuple>
#include <utility>

namespace syzba::io {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The encoding="..." of an 8-bit XML declaration, lower-cased; empty if none.
std::string declared_encoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return {};
  auto end = bytes.find("?>");
  std::string_view decl = bytes.substr(0, end == std::string_view::npos ? std::min<std::size_t>(bytes.size(), 200) : end);
  auto at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return {};
  auto close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  return lower(std::string(decl.substr(quote + 1, close - quote - 1)));
}

std::optional<std::string> convert(std::string_view bytes, const std::string& from) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t done = 0;
  bool ok = true;
  while (in_left > 0) {
    char* out_ptr = out.data() + done;
    std::size_t out_left = out.size() - done;
    std::size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    done = out.size() - out_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // an invalid or incomplete sequence
    break;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(done);
  return out;
}

// Whether the eight bytes from p are all ASCII (read as one word: most of a BPMN file is
// markup, and a byte at a time was a tenth of reading a large model).
bool ascii8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ull) == 0;
}

constexpr std::uint64_t each_byte = 0x0101010101010101ull, high_bits = 0x8080808080808080ull;

std::uint64_t word_at(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Whether a byte of the word is below n (n <= 128), or equal to b: exact answers, not hints
// (the bit tricks may point at the wrong byte, but only when some byte does match).
bool has_byte_below(std::uint64_t word, unsigned n) { return ((word - each_byte * n) & ~word & high_bits) != 0; }
bool has_byte(std::uint64_t word, unsigned char b) {
  std::uint64_t v = word ^ (each_byte * b);
  return ((v - each_byte) & ~v & high_bits) != 0;
}

// Whether forbidden_character_at must look at the eight bytes from p one by one: a control
// character (line breaks included: the test cannot tell them apart), 0xEF or '&'. Most words
// of a file have none, and a byte at a time was a fifth of the reader's scans.
bool suspect_word(const char* p) {
  std::uint64_t word = word_at(p);
  return has_byte_below(word, 0x20) || has_byte(word, 0xEF) || has_byte(word, '&');
}

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && ascii8(s.data() + i)) {
      i += 8;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >> 4) == 0xE ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (len == 3) {
      char32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    }
    if (len == 4) {
      char32_t cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
      if (cp < 0x10000 || cp > 0x10FFFF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// Windows-1252 0x80..0x9F (0 where the code page leaves a byte undefined); from 0xA0 on it
// is Latin-1.
constexpr char32_t windows_1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Valid UTF-8 sequences kept; every other byte read as Windows-1252 (U+FFFD where that is
// undefined). Files that say UTF-8 but hold Latin-1 or Windows-1252 text are common among
// exports of Western tools (GenMyModel writes "Rechnung kl\xE4ren").
std::string repaired_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t bad = invalid_utf8_at(s.substr(i));
    if (bad == std::string_view::npos) bad = s.size() - i;
    out.append(s.substr(i, bad));
    i += bad;
    if (i >= s.size()) break;
    auto c = static_cast<unsigned char>(s[i++]);
    char32_t cp = c < 0xA0 ? windows_1252_high[c - 0x80] : c;
    append_utf8(out, cp == 0 || c < 0x80 ? 0xFFFD : cp);
  }
  return out;
}

// Line and column (in characters) of a byte offset.
std::pair<int, int> position_in(std::string_view text, std::size_t offset) {
  std::string_view before = text.substr(0, offset);
  auto line_start = before.rfind('\n');
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  int column = 1;
  for (char c : before.substr(line_start == std::string_view::npos ? 0 : line_start + 1))
    column += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return {line, column};
}

bool allowed_in_xml(unsigned long cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

struct Forbidden {
  std::size_t offset = std::string_view::npos;
  CatalogueMessage why;
};

// The first control character, raw or as a character reference (&#1; &#x1F;), that XML 1.0
// forbids. pugixml would take them, and they would make every output unreadable elsewhere.
Forbidden forbidden_character_at(std::string_view text) {
  // Only a control character, 0xEF (a noncharacter's first byte) or '&' can start a finding:
  // a table says which bytes to look at, so the rest are passed over without branching.
  static const auto suspect = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = !allowed_in_xml(c);
    table[0xEF] = table['&'] = true;
    return table;
  }();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 8 <= text.size() && !suspect_word(text.data() + i)) {
      i += 7;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (!suspect[c]) continue;
    if (c < 0x20 && !allowed_in_xml(c)) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return {i, {"read.forbidden-control", {code}}};
    }
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF))
      return {i, {"read.forbidden-noncharacter", {}}};
    if (c != '&' || i + 2 >= text.size() || text[i + 1] != '#') continue;
    bool hex = text[i + 2] == 'x';
    std::size_t j = i + (hex ? 3 : 2);
    unsigned long cp = 0;
    std::size_t digits = 0;
    for (; j < text.size() && digits < 9; ++j, ++digits) {
      char d = text[j];
      int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10 : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
      if (v < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
    }
    if (digits > 0 && j < text.size() && text[j] == ';' && (!allowed_in_xml(cp) || digits >= 9))
      return {i, {"read.forbidden-reference", {std::string(text.substr(i, j - i + 1))}}};
  }
  return {};
}

}  // namespace

Utf8Text to_utf8(std::string bytes) {
  auto starts = [&](std::string_view prefix) { return std::string_view(bytes).substr(0, prefix.size()) == prefix; };
  std::string from;
  if (starts("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
  } else if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4))) {
    from = "UTF-32";
  } else if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    from = "UTF-16";
  } else if (starts(std::string_view("<\0?\0", 4))) {
    from = "UTF-16LE";
  } else if (starts(std::string_view("\0<\0?", 4))) {
    from = "UTF-16BE";
  } else {
    std::string declared = declared_encoding(bytes);
    if (!declared.empty() && declared != "utf-8" && declared != "utf8" && declared != "us-ascii" && declared != "ascii")
      from = declared;
  }
  if (!from.empty()) {
    auto text = convert(bytes, from);
    if (!text) return {std::nullopt, {"read.encoding-unknown", {from}}};
    // The declaration still names the old encoding; the parser is told UTF-8 explicitly.
    bytes = std::move(*text);
  }
  Utf8Text out;
  if (from.empty()) {
    if (auto bad = invalid_utf8_at(bytes); bad != std::string_view::npos) {
      // Binary files (an image renamed .bpmn) are not text in the wrong code page.
      auto first = bytes.find_first_not_of(" \t\r\n");
      if (first == std::string::npos || bytes[first] != '<') {
        auto [line, column] = position_in(bytes, bad);
        return {std::nullopt, {"read.not-utf8", {}}, line, column};
      }
      std::tie(out.warning_line, out.warning_column) = position_in(bytes, bad);
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[bad]));
      bytes = repaired_utf8(bytes);
      out.warning = {"read.utf8-repaired", {byte}};
    }
  }
  if (auto bad = forbidden_character_at(bytes); bad.offset != std::string_view::npos) {
    auto [line, column] = position_in(bytes, bad.offset);
    return {std::nullopt, bad.why, line, column};
  }
  out.text = std::move(bytes);
  return out;
}

}  // namespace syzba::io
