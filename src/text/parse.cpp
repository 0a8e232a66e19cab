// The text form's syntax: indentation gives the tree, each line is KEYWORD [ID] [: VALUE].
#include <fmt/format.h>

#include <optional>

#include "text/syntax.h"

namespace syzba::text {

namespace {

struct RawLine {
  int number = 0;
  int indent = 0;  // columns; a tab counts four
  std::string_view text;  // after the indentation, without trailing white space
  int column = 1;  // of the text's first letter
};

std::vector<RawLine> split_lines(std::string_view source) {
  std::vector<RawLine> lines;
  if (source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  int number = 0;
  std::size_t start = 0;
  while (start <= source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view text = source.substr(start, end - start);
    ++number;
    int indent = 0;
    std::size_t i = 0;
    for (; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) indent += text[i] == '\t' ? 4 : 1;
    std::size_t last = text.find_last_not_of(" \t\r");
    if (last != std::string_view::npos && last >= i && text[i] != '#')
      lines.push_back({number, indent, text.substr(i, last + 1 - i), static_cast<int>(i) + 1});
    if (end == source.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  std::size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string_view::npos ? std::string_view{} : s.substr(a, b - a + 1);
}

std::vector<Role> roles_under(const Statement* parent) {
  if (!parent) return {Role::header, Role::container, Role::lane, Role::node, Role::data, Role::message};
  switch (role_of(parent->word)) {
    case Role::container: return {Role::header, Role::lane, Role::node, Role::data, Role::message, Role::property};
    case Role::lane: return {Role::lane, Role::property};
    case Role::node: return {Role::property, Role::node, Role::data};
    case Role::message: return {Role::header, Role::property};  // its name and documentation
    default: return {Role::property};
  }
}

bool takes_id(Word word) { return role_of(word) != Role::header && role_of(word) != Role::property; }

bool id_start_ok(std::string_view id) {
  auto c = static_cast<unsigned char>(id[0]);
  return c == '_' || c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

struct BadCharacter {
  int line = 1, column = 1;
  std::string_view message_id;
  std::string code;  // the byte or code point
};

// The first byte sequence that is not UTF-8, or a control character XML cannot carry.
std::optional<BadCharacter> first_bad_character(std::string_view source) {
  BadCharacter at;
  for (std::size_t i = 0; i < source.size();) {
    auto c = static_cast<unsigned char>(source[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = length != 0 && i + length <= source.size() && !(length == 2 && c < 0xC2);
    for (std::size_t k = 1; ok && k < length; ++k) ok = (static_cast<unsigned char>(source[i + k]) & 0xC0) == 0x80;
    if (ok && length == 3) {  // no overlong forms, no surrogates
      auto c1 = static_cast<unsigned char>(source[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (ok && length == 4) {
      auto c1 = static_cast<unsigned char>(source[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90) && c <= 0xF4;
    }
    if (!ok) {
      at.message_id = "text.not-utf8";
      at.code = fmt::format("0x{:02X}", c);
      return at;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      at.message_id = "text.control-character";
      at.code = fmt::format("U+{:04X}", c);
      return at;
    }
    if (c == '\n') ++at.line, at.column = 1;
    else ++at.column;
    i += length;
  }
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source), lines_(split_lines(source)) {}

  Syntax run() {
    // Bytes that are not UTF-8 text would end up in the XML: refuse them where they stand.
    if (auto bad = first_bad_character(source_)) {
      error(bad->line, bad->column, "text-encoding", bad->message_id, {bad->code});
      return std::move(syntax_);
    }
    build(syntax_.statements, -1, nullptr);
    return std::move(syntax_);
  }

 private:
  std::string_view source_;
  std::vector<RawLine> lines_;
  std::size_t next_ = 0;
  Syntax syntax_;

  void error(int line, int column, std::string rule, std::string_view message_id, std::vector<std::string> args = {}) {
    syntax_.diagnostics.push_back(text_error(source_, line, column, std::move(rule), message_id, std::move(args)));
  }

  void skip_children(int indent) {
    while (next_ < lines_.size() && lines_[next_].indent > indent) ++next_;
  }

  void build(std::vector<Statement>& into, int parent_indent, Statement* parent) {
    while (next_ < lines_.size() && lines_[next_].indent > parent_indent) {
      const RawLine line = lines_[next_++];
      if (parent && (role_of(parent->word) == Role::header || role_of(parent->word) == Role::property)) {
        // A long value goes on over the lines indented under it.
        parent->value += (parent->value.empty() ? "" : " ") + std::string(line.text);
        continue;
      }
      auto statement = parse_line(line, roles_under(parent), parent);
      if (!statement) {
        skip_children(line.indent);
        continue;
      }
      into.push_back(std::move(*statement));
      build(into.back().children, line.indent, &into.back());
    }
  }

  std::optional<Statement> parse_line(const RawLine& line, const std::vector<Role>& allowed, const Statement* parent) {
    std::string_view text = line.text;
    std::size_t colon = text.find(':');
    std::string_view head = colon == std::string_view::npos ? text : text.substr(0, colon);
    auto keyword = match_keyword(head, allowed);
    if (!keyword) {
      unknown_statement(line, head, allowed, parent);
      return std::nullopt;
    }
    Statement s;
    s.word = keyword->word;
    s.lang = keyword->lang;
    s.line = line.number;
    s.column = line.column;
    std::string_view rest = head.substr(keyword->length);
    std::string_view id = trim(rest);
    int id_column = line.column + letters(head.substr(0, id.empty() ? keyword->length : id.data() - head.data()));
    if (!id.empty()) {
      if (id.find_first_of(" \t") != std::string_view::npos) {
        error(line.number, id_column, "text-syntax",
              colon == std::string_view::npos ? "text.colon-after-id" : "text.id-one-word",
              colon == std::string_view::npos
                  ? std::vector<std::string>{std::string(head.substr(0, keyword->length)),
                                             std::string(id.substr(0, id.find_first_of(" \t"))),
                                             std::string(trim(id.substr(id.find_first_of(" \t"))))}
                  : std::vector<std::string>{});
        return std::nullopt;
      }
      if (!takes_id(s.word)) {
        error(line.number, id_column, "text-syntax", "text.takes-no-id",
              {std::string(head.substr(0, keyword->length)), std::string(id)});
        return std::nullopt;
      }
      if (!id_start_ok(id)) {
        error(line.number, id_column, "text-bad-id", "text.id-start", {std::string(id)});
        return std::nullopt;
      }
      if (id.find_first_of(",\"<>&'") != std::string_view::npos) {
        error(line.number, id_column, "text-bad-id", "text.id-characters");
        return std::nullopt;
      }
      s.id = std::string(id);
      s.id_column = id_column;
    }
    if (colon != std::string_view::npos) {
      std::string_view value = trim(text.substr(colon + 1));
      s.has_value = true;
      s.value = std::string(value);
      s.value_column = line.column + letters(text.substr(0, value.empty() ? colon + 1 : value.data() - text.data()));
    } else {
      s.value_column = line.column + letters(text);
    }
    return s;
  }

  void unknown_statement(const RawLine& line, std::string_view head, const std::vector<Role>& allowed,
                         const Statement* parent) {
    std::string_view first = trim(head);
    first = first.substr(0, first.find_first_of(" \t"));
    auto candidates = spellings_for(allowed);
    std::string near = closest(first, candidates);
    if (near.empty() && trim(head).find(' ') != std::string_view::npos) {
      // Two-word keywords ("бас тарту", "attached to"): compare the first two words too.
      std::string_view two = trim(head);
      auto second_end = two.find_first_of(" \t", two.find_first_of(" \t") + 1);
      near = closest(two.substr(0, second_end), candidates);
    }
    std::string parent_word = parent ? std::string(spelling(parent->word, parent->lang)) : std::string();
    // A keyword that exists but not here says more than "unknown".
    auto anywhere = match_keyword(head, {Role::header, Role::container, Role::lane, Role::node, Role::data,
                                         Role::message, Role::property});
    if (anywhere) {
      bool property = role_of(anywhere->word) == Role::property, node = role_of(anywhere->word) == Role::node;
      std::string_view id = parent ? (property ? "text.keyword-misplaced.under.property"
                                      : node   ? "text.keyword-misplaced.under.node"
                                               : "text.keyword-misplaced.under")
                                   : (property ? "text.keyword-misplaced.top.property"
                                      : node   ? "text.keyword-misplaced.top.node"
                                               : "text.keyword-misplaced.top");
      error(line.number, line.column, "text-misplaced", id, {std::string(trim(head.substr(0, anywhere->length))), parent_word});
      return;
    }
    std::string word(first);
    if (!parent && near.empty()) error(line.number, line.column, "text-unknown-keyword", "text.unknown-statement.top", {word});
    else if (!parent) error(line.number, line.column, "text-unknown-keyword", "text.unknown-statement.top-near", {word, near});
    else if (near.empty()) error(line.number, line.column, "text-unknown-keyword", "text.unknown-statement.under", {word, parent_word});
    else error(line.number, line.column, "text-unknown-keyword", "text.unknown-statement.under-near", {word, parent_word, near});
  }
};

}  // namespace

Syntax parse_statements(std::string_view source) { return Parser(source).run(); }

int letters(std::string_view utf8) {
  int n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::string excerpt(std::string_view source, int line, int column) {
  int number = 1;
  std::size_t start = 0;
  while (number < line && start < source.size()) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
    ++number;
  }
  std::size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  std::string gutter = fmt::format("{:>5} | ", line);
  std::string out = gutter + std::string(text) + "\n" + std::string(gutter.size() - 2, ' ') + "| ";
  // Tabs stay tabs so that the caret lines up in a terminal.
  int col = 1;
  for (std::size_t i = 0; i < text.size() && col < column; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    out += text[i] == '\t' ? '\t' : ' ';
    ++col;
  }
  return out + "^\n";
}

model::Diagnostic text_error(std::string_view source, int line, int column, std::string rule, std::string_view message_id,
                             std::vector<std::string> args) {
  auto d = model::diagnostic(std::move(rule), model::Severity::error, "", {line, column}, message_id, std::move(args));
  d.context = excerpt(source, line, column);
  return d;
}

std::string unescape(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      char c = value[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 's' ? ' ' : c;
    } else {
      out += value[i];
    }
  }
  return out;
}

std::string escape(std::string_view value) {
  std::string out;
  // Spaces at either end would be trimmed away: those are written \s.
  std::size_t first = value.find_first_not_of(' '), last = value.find_last_not_of(' ');
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == ' ' && (first == std::string_view::npos || i < first || i > last)) out += "\\s";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c == '\\' || c == '"') out += '\\', out += c;
    else out += c;
  }
  return out;
}

}  // namespace syzba::text
