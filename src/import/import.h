#pragma once
// syzba::import — a regulation's text read into draft models, and held against a model.
//
// Offers: read_document (plain text, HTML, DOCX → numbered blocks: lines, paragraphs, table
// rows; extraction damage repaired), extract (the service, the header, the declared term and
// every procedure the text lists: body lists of actions, numbered "N)" procedures, action
// tables, functional diagrams' processes and conditions — each step with its source place
// and a confidence), draft (a procedure as a .syzba text that compiles), the import report
// (text and JSON: what was read, what could not be), and against (regulation vs model:
// findings with their own rule ids, messages from the one catalogue). Knows model and
// check (durations, step numbers); knows nothing of the command line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace syzba::import {

// ---- reading -------------------------------------------------------------------------------
// One unit of the source: a line of plain text, a paragraph of HTML or DOCX, or a table row
// (its cells kept apart). `line` is the line in the file (text, HTML) or the paragraph's
// number in word/document.xml (DOCX); `place` says it in words ("line 115", "paragraph 12",
// "table 2, row 3").
struct Block {
  std::string text;                // damage repaired (spaced letters joined, Latin i → і)
  std::vector<std::string> cells;  // a table row's cells, else empty
  int line = 0;
  int table = 0;  // 1-based table number for a row, else 0
  int row = 0;
  std::string place;
};

struct Document {
  std::string path;
  std::string format;  // "text", "html", "docx"
  std::vector<Block> blocks;
};

struct ReadLimits {
  std::size_t max_bytes = 64u << 20;           // the file itself
  std::size_t max_document_xml = 64u << 20;    // word/document.xml once inflated
  std::size_t max_ratio = 200;                 // inflated / compressed, above 1 MiB (zip bombs)
};

// The format from the name (.html .htm .docx, else text) and the first bytes (PK for a zip,
// '<' for HTML). Errors are Diagnostics with file, line and column (rule "import-read").
struct ReadResult {
  std::optional<Document> document;
  std::vector<model::Diagnostic> diagnostics;
};
ReadResult read_document(const std::string& path, const ReadLimits& limits = {});
ReadResult read_document_bytes(std::string_view bytes, const std::string& path, const ReadLimits& limits = {});

// The damage of text extraction repaired in one line: spaced-out letters joined ("ж е т і"
// → "жеті"), Latin i/I inside Cyrillic words made Kazakh і/І, runs of spaces made one.
std::string repair(std::string_view line);

// ---- what the text says --------------------------------------------------------------------
enum class StepKind { action, condition };

struct Step {
  StepKind kind = StepKind::action;
  int number = 0;
  std::string marker;         // how the source numbers it: "іс-қимыл", "процесс", "шарт", ")"
  std::string unit;           // performer as written ("" when the text does not say)
  bool unit_inferred = false; // carried from the step before, not read in the step itself
  std::string label;
  std::string duration_text;  // as written, "" when none
  std::optional<model::Duration> duration;
  std::vector<int> next;      // the steps that follow (indices into Procedure::steps); none: the end
  int yes = -1, no = -1;      // a condition's branches (indices; -1: none, a refusal end for no)
  bool refusal = false;       // the step forms a refusal: its branch ends in a refusal end
  std::string document;       // a document issued, when the text names one
  int line = 0;
  std::string place;          // "line 115" ...
  double confidence = 1;      // 0..1: how sure the reading is (1: every field read as written)
};

struct Procedure {
  std::string id;     // "body-1", "diagram-1", "list-2", "table-1"
  std::string kind;   // "body" (N-іс-қимыл), "list" (N) ...), "diagram" (N-процесс, N-шарт), "table"
  std::string title;  // the heading it stands under
  std::vector<Step> steps;
  int line = 0;
  std::string place;
};

struct Note {  // what could not be read, or was read with doubt
  int line = 0;
  std::string place;
  std::string what;
};

struct HeaderService {  // a service named in a header ("«…» регламентіне 2 қосымша")
  std::string name;
  int appendix = 0;  // the appendix the header heads (0: not said)
  int line = 0;
  std::string place;
};

struct Regulation {
  std::string path;
  std::string lang;  // "kk" or "ru"
  std::string service;
  int service_line = 0;
  std::string approved_by, number, date;
  int header_line = 0;
  std::string term_text;
  std::optional<model::Duration> term;
  int term_line = 0;
  std::vector<HeaderService> headers;
  bool several_regulations = false;  // an order that approves or amends several ("регламенттерін")
  std::vector<Procedure> procedures;
  std::vector<Note> notes;
};

Regulation extract(const Document& document);

// A procedure as a .syzba draft: units (lanes), numbered actions with performer, label and
// duration as written, next actions, conditions with yes/no and refusal ends, its source
// place in each step's description. Keywords in the regulation's language.
std::string draft(const Regulation& regulation, const Procedure& procedure);
// A file name for the draft: "<stem>-<procedure id>.syzba".
std::string draft_name(const Regulation& regulation, const Procedure& procedure);

std::string report_text(const Regulation& regulation);
std::string report_json(const Regulation& regulation);

// ---- the regulation against a model --------------------------------------------------------
struct AgainstRule {
  std::string_view id;
  model::Severity severity;
  std::string_view description;
};
const std::vector<AgainstRule>& against_rules();

// Differences between the regulation and a model: the procedure that matches the model best
// is compared step by step (missing and extra actions, unit, duration, next action), then the
// term and the service names of the headers. Findings name the model element (element, line)
// and the source place (in the message). Steps read with a confidence below `min_confidence`
// are not compared field by field (a doubt is not a difference).
std::vector<model::Diagnostic> against(const Regulation& regulation, const model::Definitions& model,
                                       double min_confidence = 0.7);

// What import found of a model's actions (the measure of bench/import): the best-matching
// procedure's steps against the model's action table rows by number; an action counts as
// found when number, unit, duration and next actions all agree.
struct Score {
  std::string procedure;  // the draft compared, "" when none matched
  int model_actions = 0, draft_actions = 0, correct = 0;
  int number_found = 0, unit_ok = 0, duration_ok = 0, next_ok = 0;
  double recall() const { return model_actions ? double(correct) / model_actions : 1; }
  double precision() const { return draft_actions ? double(correct) / draft_actions : (model_actions ? 0 : 1); }
};
Score score(const Regulation& regulation, const model::Definitions& model);

// Unit names compared as the measure compares them: lower case, letters only, and each word
// of the shorter name the start (first 5 letters) of a word of the longer.
bool same_unit(std::string_view a, std::string_view b);

}  // namespace syzba::import
