#pragma once
// Helpers the import module's files share (not part of its public header).
#include <cstring>
#include <string>
#include <string_view>

namespace syzba::import {

// The first letter in upper case (Latin, Russian and Kazakh Cyrillic).
inline std::string capitalize(std::string s) {
  if (s.empty()) return s;
  unsigned char a = s[0];
  if (a < 0x80) {
    s[0] = char(std::toupper(a));
    return s;
  }
  if (s.size() < 2) return s;
  unsigned cp = ((a & 0x1F) << 6) | (static_cast<unsigned char>(s[1]) & 0x3F);
  unsigned up = cp;
  if (cp >= 0x430 && cp <= 0x44F) up = cp - 0x20;
  else if (cp >= 0x450 && cp <= 0x45F) up = cp - 0x50;
  else if (cp >= 0x460 && cp <= 0x4FF && (cp & 1)) up = cp - 1;
  if (up != cp && (a >> 5) == 6) {
    s[0] = char(0xC0 | (up >> 6));
    s[1] = char(0x80 | (up & 0x3F));
  }
  return s;
}

// The start of the UTF-8 character at or after byte i (so that a cut never splits a letter).
inline std::size_t char_start(std::string_view s, std::size_t i) {
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// Only whole UTF-8 sequences kept (a safety net for every value written out).
inline std::string valid_utf8(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok) out.append(s.substr(i, len));
    i += ok ? len : 1;
  }
  return out;
}

}  // namespace syzba::import
