#pragma once
// Internal to publish/: the HTML of a service page and of the index, and the summary each
// page keeps for the index (so that unchanged pages need not be rebuilt).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/model.h"
#include "publish/publish.h"
#include "table/table.h"

namespace syzba::publish {

struct PageInfo {
  std::string name;     // folder
  std::string title;    // service name
  std::string diagram;  // what this diagram shows (the file's name), when it says more than the title
  std::string term;     // declared term, as written
  std::string source;   // regulation · appendix · source file
  int errors = 0, warnings = 0;
  bool text_source = false;  // written in the text form: the .syzba is offered too
  std::string lang;          // the page's language: --lang, or the model's own
  std::map<std::string, std::uintmax_t> files;  // the page's files and their sizes
};

PageInfo page_info(const std::string& name, const model::Definitions& defs,
                   const std::vector<model::Diagnostic>& findings, const table::Table& steps);
std::string summary_json(const PageInfo& info);
std::optional<PageInfo> read_summary(const std::filesystem::path& folder);

std::string service_page(const PageInfo& info, const std::string& inline_svg, const table::Table& steps,
                         const std::vector<model::Diagnostic>& findings, const std::string& lang);
std::string index_page(const std::vector<std::pair<PageInfo, FileResult>>& pages, const std::string& lang);

}  // namespace syzba::publish
