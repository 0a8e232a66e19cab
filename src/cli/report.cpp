#include "cli/report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace syzba::cli {

std::string format_text(const std::vector<FileReport>& reports, bool with_summary) {
  std::string out;
  int errors = 0, warnings = 0;
  for (const auto& r : reports) {
    for (const auto& d : r.diagnostics) {
      out += fmt::format("{}:{}:{}: {}: {} [{}]\n", r.file, d.line, d.column, model::severity_name(d.severity), d.message, d.rule);
      errors += d.severity == model::Severity::error;
      warnings += d.severity == model::Severity::warning;
    }
  }
  if (!with_summary) return out;
  out += fmt::format("{} file{}, {} error{}, {} warning{}\n", reports.size(), reports.size() == 1 ? "" : "s", errors,
                     errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  return out;
}

std::string format_json(const std::vector<FileReport>& reports) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& r : reports) {
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const auto& d : r.diagnostics) {
      nlohmann::ordered_json item = {{"rule", d.rule},
                                     {"severity", model::severity_name(d.severity)},
                                     {"element", d.element},
                                     {"line", d.line},
                                     {"column", d.column},
                                     {"message", d.message}};
      if (!d.path.empty()) item["path"] = d.path;
      diagnostics.push_back(std::move(item));
    }
    files.push_back({{"file", r.file}, {"diagnostics", std::move(diagnostics)}});
  }
  nlohmann::ordered_json root = {{"files", std::move(files)}};
  // Invalid UTF-8 cannot reach here (the reader refuses it), but be safe: replace, never throw.
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace syzba::cli
