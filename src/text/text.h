#pragma once
// syzba::text — the text form (.syzba): a process written as a regulation writes it.
//
// Offers: compile (text → model, with findings at line:column, the line and a caret, and a
// suggestion where one is likely), describe (any model → text, saying what the text cannot
// carry), the keywords of the form in Kazakh, Russian and English, and read_model_file,
// which reads either form from disk so that every verb takes both. The language itself is
// documented in docs/text-form.md; the keyword table is the single source of its words.
#include <string>
#include <string_view>
#include <vector>

#include "io/io.h"
#include "model/model.h"

namespace syzba::text {

enum class Lang { kk, ru, en };

// Text → model. The definitions are empty when the text has an error; every element keeps
// the line and column it was written at, so that checks point into the text.
io::ReadResult compile(std::string_view source);

struct Description {
  std::string text;
  // Constructs of the model the text form cannot carry (sub-process markers, loop
  // characteristics, conditions as expressions, ...), each once, e.g. "loopCharacteristics
  // (task A)"; compiling the text gives back the model without them.
  std::vector<std::string> not_expressed;
};

// Model → text, with keywords in the language asked for.
Description describe(const model::Definitions& definitions, Lang lang);

// The file as a model: the text form for a ".syzba" file or content that does not start
// with '<' (after a byte-order mark and white space), else BPMN XML.
bool is_text_form(const std::string& path, std::string_view content);
io::ReadResult read_model_file(const std::string& path, const io::ReadLimits& limits = {});
io::ReadResult read_model_bytes(std::string bytes, const std::string& path, const io::ReadLimits& limits = {});

// Every spelling of every keyword, for the editor grammar's test and for --help.
struct KeywordSpelling {
  std::string_view meaning;  // the English keyword: "action", "duration", ...
  std::string_view kind;     // "header" (service, term, ...), "statement" (takes an id) or "property"
  std::string_view spelling;
  Lang lang;
};
std::vector<KeywordSpelling> keyword_spellings();

}  // namespace syzba::text
