#include "pipeline/pipeline.h"

#include "check/check.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <map>

namespace syzba::pipeline {

std::string format_text(const std::vector<FileReport>& reports, bool with_summary) {
  std::string out;
  int errors = 0, warnings = 0;
  for (const auto& r : reports) {
    for (const auto& d : r.diagnostics) {
      out += fmt::format("{}:{}:{}: {}: {} [{}]\n", r.file, d.line, d.column, model::severity_name(d.severity), d.message, d.rule);
      if (!d.context.empty()) out += d.context;
      errors += d.severity == model::Severity::error;
      warnings += d.severity == model::Severity::warning;
    }
  }
  if (!with_summary) return out;
  out += fmt::format("{} file{}, {} error{}, {} warning{}\n", reports.size(), reports.size() == 1 ? "" : "s", errors,
                     errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  return out;
}

nlohmann::ordered_json diagnostics_json(const std::vector<model::Diagnostic>& diagnostics) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) {
    nlohmann::ordered_json item = {{"rule", d.rule},
                                   {"severity", model::severity_name(d.severity)},
                                   {"element", d.element},
                                   {"line", d.line},
                                   {"column", d.column},
                                   {"message", d.message}};
    if (!d.path.empty()) item["path"] = d.path;
    if (!d.context.empty()) item["context"] = d.context;  // text form: the line and a caret
    out.push_back(std::move(item));
  }
  return out;
}

std::string format_json(const std::vector<FileReport>& reports) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& r : reports) files.push_back({{"file", r.file}, {"diagnostics", diagnostics_json(r.diagnostics)}});
  nlohmann::ordered_json root = {{"files", std::move(files)}};
  // Invalid UTF-8 cannot reach here (the reader refuses it), but be safe: replace, never throw.
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {
std::string_view sarif_level(model::Severity s) {
  return s == model::Severity::error ? "error" : s == model::Severity::warning ? "warning" : "note";
}
}  // namespace

std::string format_sarif(const std::vector<FileReport>& reports, const std::string& version) {
  using json = nlohmann::ordered_json;
  json rules = json::array();
  std::map<std::string, std::size_t, std::less<>> rule_index;
  for (const auto& rule : check::rules()) {
    rule_index[std::string(rule.id)] = rules.size();
    rules.push_back({{"id", rule.id},
                     {"shortDescription", {{"text", rule.description}}},
                     {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}}});
  }
  json results = json::array();
  for (const auto& r : reports) {
    for (const auto& d : r.diagnostics) {
      json location = {{"physicalLocation", {{"artifactLocation", {{"uri", r.file}}}}}};
      if (d.line > 0) location["physicalLocation"]["region"] = {{"startLine", d.line}, {"startColumn", std::max(d.column, 1)}};
      if (!d.element.empty()) location["logicalLocations"] = json::array({{{"name", d.element}, {"kind", "element"}}});
      json result = {{"ruleId", d.rule}};
      if (auto it = rule_index.find(d.rule); it != rule_index.end()) result["ruleIndex"] = it->second;
      result["level"] = sarif_level(d.severity);
      result["message"] = {{"text", d.message}};
      result["locations"] = json::array({location});
      results.push_back(std::move(result));
    }
  }
  json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({{{"tool", {{"driver", {{"name", "syzba"}, {"version", version}, {"rules", rules}}}}},
                                       {"results", results}}})}};
  return sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace syzba::pipeline
