#pragma once
// Findings of one or more files as text (file:line:column: severity: message [rule]), as the
// stable JSON shape {"files":[{"file","diagnostics":[{rule,severity,element,line,column,message[,path]}]}]},
// or as SARIF 2.1.0.
#include <string>
#include <vector>

#include "model/model.h"

namespace syzba::cli {

struct FileReport {
  std::string file;
  std::vector<model::Diagnostic> diagnostics;
};

std::string format_text(const std::vector<FileReport>& reports, bool with_summary = true);
std::string format_json(const std::vector<FileReport>& reports);
// SARIF 2.1.0, for CI systems that annotate code reviews with it.
std::string format_sarif(const std::vector<FileReport>& reports, const std::string& version);

}  // namespace syzba::cli
