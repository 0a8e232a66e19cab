#pragma once
// Internal to text/: the words of the text form and the helpers that match and suggest them.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/text.h"

namespace syzba::text {

enum class Word {
  // header (top level; under a pool or process they describe that process's service)
  service, name, id, regulation, appendix, source, term,
  // containers, lanes, flow nodes, data, message flows
  pool, process, lane, start, end, refusal, action, condition, gateway, event, subprocess,
  document, store, message,
  // properties, indented under what they describe
  by, duration, next, yes, no, default_flow, doc, output, type, trigger, attached, interrupting, process_id,
};

enum class Role { header, container, lane, node, data, message, property };

Role role_of(Word word);
std::string_view meaning(Word word);  // the English keyword
// The keyword as describe writes it in a language.
std::string_view spelling(Word word, Lang lang);

struct KeywordMatch {
  Word word;
  Lang lang;  // the language of the spelling matched
  std::size_t length = 0;  // bytes of the head the keyword took
};

// The longest keyword that starts the (trimmed) head and whose role is allowed, matched
// case-insensitively word by word.
std::optional<KeywordMatch> match_keyword(std::string_view head, const std::vector<Role>& allowed);

// The closest of the candidates to a misspelt word (edit distance over letters, at most a
// third of the word), or empty.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
// Every spelling of the keywords with an allowed role.
std::vector<std::string> spellings_for(const std::vector<Role>& allowed);

// Values of type: — "send", "catch", "parallel", ... or a BPMN type name ("sendTask").
std::optional<model::NodeKind> kind_from_type_word(std::string_view word);
// The short word of a kind where there is one, else its BPMN type name.
std::string_view type_word(model::NodeKind kind);
// Values of trigger:, type:, interrupting: and yes/no flow names in three languages.
std::optional<model::EventKind> trigger_from_word(std::string_view word);
std::string_view trigger_word(model::EventKind kind, Lang lang);
std::optional<bool> yes_no_from_word(std::string_view word);
// The name of a yes / no flow as regulations write it: "Иә", "Жоқ", "Да", "Нет", "Yes", "No".
std::string_view yes_no_name(bool yes, Lang lang);
// The yes (true) or no (false) and the language of a flow named exactly like that.
std::optional<std::pair<bool, Lang>> yes_no_flow_name(std::string_view name);

}  // namespace syzba::text
