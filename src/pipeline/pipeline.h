#pragma once
// syzba::pipeline — what the verbs do with one model in memory, with no files and no
// terminal: read it from bytes (either form), find what check finds, lay it out, draw it,
// its action table and its paths, and the report formats of findings. The command line and
// the server (src/serve) both call these, so that a picture or a report is the same bytes
// whoever asked for it.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/check.h"
#include "export/export.h"
#include "io/io.h"
#include "model/model.h"
#include "render/render.h"

namespace syzba::pipeline {

// How a verb takes errors that do not stop a picture: a diagram that cannot be drawn as
// written (an edge with one waypoint, a height that is not a number) and impossible durations
// ("-5 минут"). The verbs that draw go on with a warning, as bpmn-js draws such files (the
// layout re-routes or lays out what it must; the duration is not shown); the verbs that write
// the model back refuse it, and check reports them as errors.
enum class Reading { exact, drawing };

struct Read {
  std::optional<model::Definitions> definitions;  // empty: unreadable, or refused for its errors
  std::vector<model::Diagnostic> diagnostics;     // what reading found, in the language asked
  bool unreadable = false;                        // not a model at all (vs. refused for its values)
};

// The model in bytes: the text form or BPMN XML (text::read_model_bytes decides by the name's
// extension and the content). Findings are said in lang when one is named.
Read read(std::string bytes, const std::string& name, const io::ReadLimits& limits, Reading reading,
          std::optional<model::Lang> lang = std::nullopt);

// What `check` reports for one read: the reading's findings and the rules', through the
// configuration, in line order.
std::vector<model::Diagnostic> findings(std::vector<model::Diagnostic> read_diagnostics, const model::Definitions* definitions,
                                        const check::Config& config);

// Every start-to-end path of each process, as `paths --format json` writes each process.
nlohmann::ordered_json paths_json(const model::Definitions& definitions, const check::Config& config, std::size_t max_paths);

struct DrawOptions {
  exporter::Format format = exporter::Format::svg;
  std::string lang;  // "" = the model's own (model::language_of)
  bool legend = true;
  bool durations = true;
  std::string theme = "default";
  std::string title;
  bool title_block = true;
  std::string diagram;  // a BPMNDiagram id or the element it draws; "" = the first
  bool relayout = false;
  std::string page = "fit";  // PDF: fit, A4, A3
  bool landscape = false;
  bool tile = false;  // A4 / A3: the picture scaled and tiled (a poster), not laid out for print
  double png_scale = 1;
  std::function<bool()> stop;  // the layout stops between its phases when this says so
  std::function<void(render::Scene&, render::TextEngine&)> decorate;  // adds to the scene before it is written (diff's marks)
};

struct Drawn {
  std::string bytes;                      // empty when error is set
  std::vector<model::Diagnostic> notes;   // what the layout found and mended
  std::string error;                      // nothing could be drawn
  std::string warning;                    // drawn, but say this
  std::vector<std::string> diagrams;      // with an error about --diagram: the diagrams there are
};

// Lays the model out where its DI is missing or broken (in place), then draws it.
Drawn draw(model::Definitions& definitions, const DrawOptions& options, render::TextEngine& text);

// The model cut into the pages `draw` prints for options.page (A4 or A3) and options.landscape
// (`layout --pages`): laid out first where its DI is missing, as draw does; then the link pairs at
// the cuts written into the process and one BPMNDiagram per page (render::paged_model).
struct Paged {
  std::string bytes;                     // BPMN XML; empty when error is set
  std::vector<model::Diagnostic> notes;  // what the layout found and mended
  std::string error, warning;
  int pages = 0, links = 0;
};
Paged paged_bpmn(model::Definitions definitions, const DrawOptions& options, render::TextEngine& text);

// The model with a laid-out diagram, as BPMN XML (`layout -o`, `compile`); error when the layout failed.
struct Written {
  std::string bytes;
  std::vector<model::Diagnostic> notes;
  std::string error;
};
Written laid_out_bpmn(model::Definitions definitions, bool relayout, std::function<bool()> stop = {});

// The action table (кесте): html (a whole page), html-table (the table alone), md or csv.
std::optional<std::string> table(const model::Definitions& definitions, std::string_view format, std::string_view lang);

// Every spelling of every keyword of the text form: [{"meaning","kind","lang","spelling"}].
nlohmann::ordered_json keywords_json();

// Reports of findings, one per file.
struct FileReport {
  std::string file;
  std::vector<model::Diagnostic> diagnostics;
};
// file:line:column: severity: message [rule], with the line and a caret for the text form.
std::string format_text(const std::vector<FileReport>& reports, bool with_summary = true);
// {"files":[{"file","diagnostics":[{rule,severity,element,line,column,message[,path]}]}]}
std::string format_json(const std::vector<FileReport>& reports);
nlohmann::ordered_json diagnostics_json(const std::vector<model::Diagnostic>& diagnostics);
// SARIF 2.1.0, for CI systems that annotate code reviews with it.
std::string format_sarif(const std::vector<FileReport>& reports, const std::string& version);

}  // namespace syzba::pipeline
