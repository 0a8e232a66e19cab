#pragma once
// Internal to text/: the text form's lines as a tree of statements (the syntax), before
// any meaning is given to them (compile.cpp), and the helpers for positions and excerpts.
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "text/keywords.h"

namespace syzba::text {

// KEYWORD [ID] [: VALUE], with the statements indented under it.
struct Statement {
  Word word = Word::action;
  Lang lang = Lang::en;
  std::string id;
  std::string value;       // after the colon, trimmed; escapes are not yet undone
  bool has_value = false;  // a colon was written
  int line = 0, column = 0;  // of the keyword
  int id_column = 0, value_column = 0;
  std::vector<Statement> children;
};

struct Syntax {
  std::vector<Statement> statements;
  std::vector<model::Diagnostic> diagnostics;
};

Syntax parse_statements(std::string_view source);

// "  12 | the line\n     |    ^\n" for a 1-based line and column (in letters).
std::string excerpt(std::string_view source, int line, int column);
model::Diagnostic text_error(std::string_view source, int line, int column, std::string rule, std::string_view message_id,
                             std::vector<std::string> args = {});
// Letters (code points) in UTF-8 text, for columns.
int letters(std::string_view utf8);
// Undoes \n, \t, \r, \s (a space, for the ends of a value), \" and \\ in a value.
std::string unescape(std::string_view value);
// Writes a value so that unescape gives it back.
std::string escape(std::string_view value);

}  // namespace syzba::text
