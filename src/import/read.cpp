// The readers: plain text, HTML (a small tolerant tag tokenizer: HTML is not XML) and DOCX
// (libzip opens the zip from memory, pugixml reads word/document.xml). Each gives blocks:
// lines, paragraphs and table rows with their place in the file; the damage of extraction is
// repaired line by line (repair).
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include <pugixml.hpp>

#include "import/import.h"

namespace syzba::import {
namespace {

model::Diagnostic error(const std::string& path, int line, int column, std::string_view id,
                        std::vector<std::string> args) {
  auto d = model::diagnostic("import-read", model::Severity::error, "", {line, column}, id, std::move(args));
  (void)path;
  return d;
}

// UTF-8 code point at i (advances i); invalid bytes come back as U+FFFD, one byte each.
char32_t next_cp(std::string_view s, std::size_t& i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = s[i + k];
    if ((cc >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

void put_cp(std::string& out, char32_t cp) {
  if (cp < 0x80) out += char(cp);
  else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

bool is_cyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }
bool is_letter(char32_t c) { return is_cyrillic(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == '\r' || c == '\f' || c == 0x2009 || c == 0x202F; }

// The first invalid UTF-8 byte's line and column, or 0.
std::pair<int, int> invalid_utf8(std::string_view s) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t at = i;
    char32_t cp = next_cp(s, i);
    if (cp == 0xFFFD && !(i - at == 3 && s.substr(at, 3) == "\xEF\xBF\xBD")) return {line, col};
    if (cp == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {0, 0};
}

void add_block(Document& doc, std::string text, int line, std::string place, std::vector<std::string> cells = {},
               int table = 0, int row = 0) {
  std::string repaired = repair(text);
  for (auto& c : cells) c = repair(c);
  if (repaired.empty() && cells.empty()) return;
  doc.blocks.push_back({std::move(repaired), std::move(cells), line, table, row, std::move(place)});
}

// A line of a plain text with three or more '|' is a table row (a pipe table, as converters
// and people write them); a row of dashes between is the header's rule.
bool pipe_row(std::string_view line, std::vector<std::string>& cells) {
  if (std::count(line.begin(), line.end(), '|') < 3) return false;
  cells.clear();
  std::string cell;
  std::size_t start = line.find('|');
  for (std::size_t i = start + 1; i < line.size(); ++i) {
    if (line[i] == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  if (!cell.empty() && cell.find_first_not_of(" \t\r") != std::string::npos) cells.push_back(cell);
  return true;
}

bool rule_row(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (c.find_first_not_of(" -:=+\t") != std::string::npos) return false;
  return true;
}

void read_text(Document& doc, std::string_view s) {
  int line = 0, table = 0, row = 0;
  bool in_table = false;
  std::size_t pos = 0;
  std::vector<std::string> cells;
  while (pos <= s.size()) {
    std::size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view text = s.substr(pos, end - pos);
    ++line;
    if (pipe_row(text, cells)) {
      if (!in_table) {
        ++table;
        row = 0;
        in_table = true;
      }
      if (!rule_row(cells)) {
        ++row;
        std::string joined;
        for (const auto& c : cells) joined += (joined.empty() ? "" : " ") + c;
        add_block(doc, joined, line, "line " + std::to_string(line), cells, table, row);
      }
    } else {
      in_table = false;
      add_block(doc, std::string(text), line, "line " + std::to_string(line));
    }
    pos = end + 1;
  }
}

// ---- HTML -------------------------------------------------------------------------------
std::string decode_entities(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (name == "amp") cp = '&';
    else if (name == "lt") cp = '<';
    else if (name == "gt") cp = '>';
    else if (name == "quot") cp = '"';
    else if (name == "apos") cp = '\'';
    else if (name == "nbsp") cp = ' ';
    else if (name == "laquo") cp = 0xAB;
    else if (name == "raquo") cp = 0xBB;
    else if (name == "ndash") cp = 0x2013;
    else if (name == "mdash") cp = 0x2014;
    else if (name == "hellip") cp = 0x2026;
    else if (name.size() > 1 && name[0] == '#') {
      try {
        cp = name[1] == 'x' || name[1] == 'X' ? char32_t(std::stoul(std::string(name.substr(2)), nullptr, 16))
                                              : char32_t(std::stoul(std::string(name.substr(1))));
      } catch (...) {
        cp = 0;
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    }
    if (cp == 0) {
      out += '&';
      continue;
    }
    put_cp(out, cp);
    i = semi;
  }
  return out;
}

void read_html(Document& doc, std::string_view s) {
  // Tags that end a paragraph; cells and rows of tables; what is never text.
  auto lower = [](std::string_view t) {
    std::string r(t);
    for (auto& c : r) c = char(std::tolower(static_cast<unsigned char>(c)));
    return r;
  };
  std::string text, cell;
  std::vector<std::string> cells;
  int line = 1, text_line = 0, table = 0, row = 0, depth_table = 0, paragraph = 0;
  bool in_cell = false, skip = false;
  std::string skip_until;
  auto flush_paragraph = [&] {
    if (depth_table > 0) return;
    std::string decoded = decode_entities(text);
    if (decoded.find_first_not_of(" \t\r\n") != std::string::npos) {
      ++paragraph;
      add_block(doc, decoded, text_line ? text_line : line, "line " + std::to_string(text_line ? text_line : line));
    }
    text.clear();
    text_line = 0;
  };
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '<') {
      if (s.compare(i, 4, "<!--") == 0) {
        std::size_t e = s.find("-->", i + 4);
        e = e == std::string_view::npos ? s.size() : e + 3;
        line += int(std::count(s.begin() + i, s.begin() + e, '\n'));
        i = e;
        continue;
      }
      std::size_t e = s.find('>', i + 1);
      if (e == std::string_view::npos) e = s.size() - 1;
      std::string_view tag = s.substr(i + 1, e - i - 1);
      line += int(std::count(tag.begin(), tag.end(), '\n'));
      i = e + 1;
      bool closing = !tag.empty() && tag[0] == '/';
      std::string name;
      for (std::size_t k = closing ? 1 : 0; k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k]))); ++k)
        name += tag[k];
      name = lower(name);
      if (skip) {
        if (closing && name == skip_until) skip = false;
        continue;
      }
      if (!closing && (name == "script" || name == "style" || name == "head" || name == "title")) {
        skip = true;
        skip_until = name;
        continue;
      }
      if (name == "table") {
        if (!closing) {
          flush_paragraph();
          if (depth_table++ == 0) {
            ++table;
            row = 0;
          }
        } else if (depth_table > 0) {
          --depth_table;
        }
        continue;
      }
      if (depth_table > 0) {
        if (name == "tr") {
          if (!closing) {
            cells.clear();
            text_line = line;
          } else {
            if (in_cell) cells.push_back(decode_entities(cell));
            in_cell = false;
            cell.clear();
            if (!cells.empty()) {
              ++row;
              std::string joined;
              for (const auto& k : cells) joined += (joined.empty() ? "" : " ") + k;
              add_block(doc, joined, text_line, "table " + std::to_string(table) + ", row " + std::to_string(row), cells,
                        table, row);
            }
            cells.clear();
          }
        } else if (name == "td" || name == "th") {
          if (in_cell) cells.push_back(decode_entities(cell));
          cell.clear();
          in_cell = !closing;
        } else if (in_cell && (name == "p" || name == "br" || name == "div" || name == "li")) {
          cell += ' ';
        }
        continue;
      }
      if (name == "p" || name == "div" || name == "br" || name == "li" || name == "tr" || name == "ul" || name == "ol" ||
          (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') || name == "blockquote" ||
          name == "section" || name == "body")
        flush_paragraph();
      continue;
    }
    if (c == '\n') ++line;
    std::string& into = depth_table > 0 ? cell : text;
    if (depth_table == 0 && text_line == 0 && !std::isspace(static_cast<unsigned char>(c))) text_line = line;
    if (!skip && (depth_table == 0 || in_cell)) into += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    ++i;
  }
  flush_paragraph();
  (void)paragraph;
}

// ---- DOCX ---------------------------------------------------------------------------------
std::string run_text(const pugi::xml_node& node) {
  std::string out;
  for (auto n : node.children()) {
    std::string_view name = n.name();
    if (name == "w:t") out += n.text().get();
    else if (name == "w:tab" || name == "w:br" || name == "w:cr") out += ' ';
    else if (name == "w:p") {
      if (!out.empty()) out += ' ';
      out += run_text(n);
    } else if (name != "w:pPr" && name != "w:rPr" && name != "w:instrText" && name != "w:delText")
      out += run_text(n);
  }
  return out;
}

std::optional<std::string> docx_document_xml(std::string_view bytes, const std::string& path, const ReadLimits& limits,
                                             std::vector<model::Diagnostic>& diagnostics) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!src) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-not-zip", {zip_error_strerror(&ze)}));
    zip_error_fini(&ze);
    return std::nullopt;
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!za) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-not-zip", {zip_error_strerror(&ze)}));
    zip_source_free(src);
    zip_error_fini(&ze);
    return std::nullopt;
  }
  zip_error_fini(&ze);
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(za, [](zip_t* z) { zip_discard(z); });
  zip_int64_t index = zip_name_locate(za, "word/document.xml", 0);
  if (index < 0) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-no-document", {}));
    return std::nullopt;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, zip_uint64_t(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-not-zip", {"word/document.xml: no size"}));
    return std::nullopt;
  }
  std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : bytes.size();
  if (st.size > limits.max_document_xml ||
      (st.size > (1u << 20) && compressed > 0 && st.size / compressed > limits.max_ratio)) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-too-large",
                                {std::to_string(st.size), std::to_string(compressed), std::to_string(limits.max_document_xml)}));
    return std::nullopt;
  }
  zip_file_t* zf = zip_fopen_index(za, zip_uint64_t(index), 0);
  if (!zf) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-not-zip", {zip_strerror(za)}));
    return std::nullopt;
  }
  std::string xml;
  char buffer[65536];
  bool failed = false;
  for (;;) {
    zip_int64_t n = zip_fread(zf, buffer, sizeof buffer);
    if (n < 0) {
      failed = true;
      break;
    }
    if (n == 0) break;
    xml.append(buffer, std::size_t(n));
    if (xml.size() > limits.max_document_xml || xml.size() > st.size) {  // a size that lied
      zip_fclose(zf);
      diagnostics.push_back(error(path, 1, 1, "import.docx-too-large",
                                  {std::to_string(xml.size()), std::to_string(compressed), std::to_string(limits.max_document_xml)}));
      return std::nullopt;
    }
  }
  zip_fclose(zf);
  if (failed) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-not-zip", {"word/document.xml: damaged data"}));
    return std::nullopt;
  }
  return xml;
}

void read_docx(Document& doc, std::string_view bytes, const std::string& path, const ReadLimits& limits,
               std::vector<model::Diagnostic>& diagnostics) {
  auto xml = docx_document_xml(bytes, path, limits, diagnostics);
  if (!xml) return;
  pugi::xml_document x;
  auto parsed = x.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    // The line and column inside word/document.xml.
    int line = 1, col = 1;
    for (std::ptrdiff_t k = 0; k < parsed.offset && std::size_t(k) < xml->size(); ++k) {
      if ((*xml)[k] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    diagnostics.push_back(error(path, line, col, "import.docx-bad-xml", {parsed.description()}));
    return;
  }
  auto body = x.child("w:document").child("w:body");
  if (!body) {
    diagnostics.push_back(error(path, 1, 1, "import.docx-no-document", {}));
    return;
  }
  int paragraph = 0, table = 0;
  for (auto n : body.children()) {
    std::string_view name = n.name();
    if (name == "w:p") {
      ++paragraph;
      add_block(doc, run_text(n), paragraph, "paragraph " + std::to_string(paragraph));
    } else if (name == "w:tbl") {
      ++table;
      int row = 0;
      for (auto tr : n.children("w:tr")) {
        std::vector<std::string> cells;
        for (auto tc : tr.children("w:tc")) cells.push_back(run_text(tc));
        ++row;
        ++paragraph;
        std::string joined;
        for (const auto& k : cells) joined += (joined.empty() ? "" : " ") + k;
        add_block(doc, joined, paragraph, "table " + std::to_string(table) + ", row " + std::to_string(row), cells, table, row);
      }
    }
  }
}

bool ends_with(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (auto& c : tail) c = char(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

}  // namespace

std::string repair(std::string_view line) {
  // Code points first, so that letters can be looked at around each one.
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < line.size();) cps.push_back(next_cp(line, i));
  // Latin i / I between or beside Cyrillic letters: the Kazakh і / І.
  for (std::size_t k = 0; k < cps.size(); ++k) {
    if (cps[k] != 'i' && cps[k] != 'I') continue;
    bool before = k > 0 && is_cyrillic(cps[k - 1]);
    bool after = k + 1 < cps.size() && is_cyrillic(cps[k + 1]);
    if (before || after) cps[k] = cps[k] == 'i' ? 0x456 : 0x406;
  }
  // Spaced-out letters: three or more single letters each followed by one space ("ж е т і").
  std::vector<char32_t> joined;
  for (std::size_t k = 0; k < cps.size();) {
    auto single = [&](std::size_t at) {
      return at < cps.size() && is_letter(cps[at]) && (at == 0 || !is_letter(cps[at - 1])) &&
             (at + 1 >= cps.size() || !is_letter(cps[at + 1]));
    };
    if (single(k)) {
      std::vector<std::size_t> at{k};
      std::size_t m = k;
      while (m + 2 < cps.size() && cps[m + 1] == ' ' && single(m + 2)) at.push_back(m += 2);
      if (at.size() >= 3) {
        for (std::size_t q : at) joined.push_back(cps[q]);
        k = m + 1;
        continue;
      }
    }
    joined.push_back(cps[k]);
    ++k;
  }
  // One space for each run of white space; none at the ends.
  std::string out;
  bool space = false;
  for (char32_t c : joined) {
    if (is_space(c) || c == '\n' || c == 0xAD || c == 0xFEFF) {
      if (c == 0xAD || c == 0xFEFF) continue;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c < 0x20) c = ' ';
    put_cp(out, c);
  }
  return out;
}

ReadResult read_document_bytes(std::string_view bytes, const std::string& path, const ReadLimits& limits) {
  ReadResult result;
  if (bytes.size() > limits.max_bytes) {
    result.diagnostics.push_back(error(path, 1, 1, "import.too-large", {std::to_string(bytes.size()), std::to_string(limits.max_bytes)}));
    return result;
  }
  Document doc;
  doc.path = path;
  bool zip = bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
  if (ends_with(path, ".docx") || zip) {
    doc.format = "docx";
    read_docx(doc, bytes, path, limits, result.diagnostics);
    if (!result.diagnostics.empty()) return result;
  } else {
    std::string_view s = bytes;
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    if (auto [line, col] = invalid_utf8(s); line) {
      result.diagnostics.push_back(error(path, line, col, "import.not-utf8", {}));
      return result;
    }
    if (s.find('\0') != std::string_view::npos) {
      result.diagnostics.push_back(error(path, 1, 1, "import.not-utf8", {}));
      return result;
    }
    std::size_t first = s.find_first_not_of(" \t\r\n");
    bool html = ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml") ||
                (first != std::string_view::npos && s[first] == '<');
    doc.format = html ? "html" : "text";
    if (html) read_html(doc, s);
    else read_text(doc, s);
  }
  if (doc.blocks.empty()) {
    result.diagnostics.push_back(error(path, 1, 1, "import.empty", {doc.format}));
    return result;
  }
  result.document = std::move(doc);
  return result;
}

ReadResult read_document(const std::string& path, const ReadLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ReadResult r;
    r.diagnostics.push_back(error(path, 0, 0, "import.cannot-open", {std::strerror(errno)}));
    return r;
  }
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size > 0 && std::size_t(size) > limits.max_bytes) {
    ReadResult r;
    r.diagnostics.push_back(error(path, 1, 1, "import.too-large", {std::to_string(std::size_t(size)), std::to_string(limits.max_bytes)}));
    return r;
  }
  in.seekg(0);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return read_document_bytes(bytes, path, limits);
}

}  // namespace syzba::import
