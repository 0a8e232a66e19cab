#pragma once
// Findings of one or more files as text (file:line:column: severity: message [rule]) or as
// the stable JSON shape {"files":[{"file","diagnostics":[{rule,severity,element,line,column,message}]}]}.
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

}  // namespace syzba::cli
