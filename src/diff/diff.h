#pragma once
// syzba::diff — what a new version of a model changes: its elements matched to the old ones
// (by id; where ids changed, by type, name, lane and neighbours), each change said as the
// properties it touches (name, lane, pool, type, source, target, condition, default,
// duration, term, service, documentation, output, extension:…), layout-only moves apart,
// and the effect on check's findings and on the longest path against the term. Formats: text,
// JSON, Markdown, an HTML page with both diagrams marked, and the new diagram marked.
#include <string>
#include <vector>

#include "check/check.h"
#include "model/model.h"
#include "render/render.h"

namespace syzba::diff {

enum class Kind { added, removed, changed, layout };
std::string_view kind_name(Kind kind);  // "added", "removed", "changed", "layout"

struct Property {
  std::string property;  // "name", "lane", ..., "extension:camunda:assignee"
  std::string old_value, new_value;
};

struct Change {
  Kind kind = Kind::changed;
  std::string element;      // its id on its own side (added: NEW's, removed: OLD's, changed: NEW's)
  std::string old_element;  // a changed element's id in OLD (differs when matched as similar)
  std::string type;         // BPMN type ("userTask"), NEW's where both exist
  std::string name;
  std::string match;        // "id" or "similar"; empty for added and removed
  std::vector<Property> properties;
};

// OLD and NEW compared; changes in document order of NEW, then the removed in that of OLD.
std::vector<Change> compare(const model::Definitions& old_model, const model::Definitions& new_model);

// ---- What the change does.
struct Longest {
  std::string process, name;
  check::Total total;
  std::string text;        // the total as check says it
  std::string term;        // the term as written, "" when none
  bool exceeds = false;
  double over_minutes = 0;  // working minutes beyond the term, when both are in working time
};

struct Effect {
  std::vector<model::Diagnostic> new_findings;   // NEW's that OLD did not have
  std::vector<model::Diagnostic> gone_findings;  // OLD's that NEW no longer has
  std::vector<Longest> old_paths, new_paths;     // the longest path of each process
};

Effect effect_of(const model::Definitions& old_model, const model::Definitions& new_model, const std::vector<Change>& changes,
                 const check::Config& config);

// ---- Formats. Text for a terminal, JSON (the shape of docs and README), Markdown for a
// review comment; the HTML page takes both diagrams already drawn with their marks.
std::string to_text(const std::vector<Change>& changes, const Effect& effect, const check::Config& config);
std::string to_json(const std::vector<Change>& changes, const Effect& effect);
std::string to_markdown(const std::vector<Change>& changes, const Effect& effect, const check::Config& config);
std::string to_html(const std::vector<Change>& changes, const Effect& effect, const check::Config& config, const std::string& old_svg,
                    const std::string& new_svg, const std::string& title);

// The marks as DI colours (what the renderer draws as bpmn-js would): on NEW, added green,
// changed amber, layout-only blue; on OLD (old_side), removed red and changed amber.
void colour_changes(model::Definitions& defs, const std::vector<Change>& changes, bool old_side);

// A legend of the marks below the drawing (for the marked SVG and PDF).
void add_marks_legend(render::Scene& scene, check::Lang lang, render::TextEngine& text);

struct Mark {
  Kind kind;
  const char* colour;  // the stroke
  const char* fill;
};
const Mark& mark_of(Kind kind);

}  // namespace syzba::diff
