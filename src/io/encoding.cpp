// Encoding detection follows the XML 1.0 appendix F: a byte order mark first, else the
// declaration's encoding name, else UTF-8. UTF-8 input is validated so that invalid bytes
// are reported with their line and column rather than copied into outputs.
#include "io/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string>

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

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
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
    if (!text) return {std::nullopt, "cannot read the file as " + from + " (unknown encoding, or bytes invalid in it)"};
    // The declaration still names the old encoding; the parser is told UTF-8 explicitly.
    return {std::move(text), ""};
  }
  if (auto bad = invalid_utf8_at(bytes); bad != std::string_view::npos)
  {
    std::string_view before = std::string_view(bytes).substr(0, bad);
    auto line_start = before.rfind('\n');
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    int column = 1;
    for (char c : before.substr(line_start == std::string_view::npos ? 0 : line_start + 1))
      column += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return {std::nullopt, "invalid UTF-8 (declare the file's encoding in its XML declaration, or save it as UTF-8)", line,
            column};
  }
  return {std::move(bytes), ""};
}

}  // namespace syzba::io
