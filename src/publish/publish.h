#pragma once
// syzba::publish — a static website of service diagrams. For each model DIR/<name>/ holds
// index.html (service name and term, the SVG inline with real text, tooltips with performer
// and duration, each task linked to its row of the action table, the legend, the table, the
// check result, links to the PDF, PNG and BPMN) and those files; DIR/index.html lists every
// service with a thumbnail and its status. Files are done in parallel; unchanged inputs (by
// content hash) are skipped; a bad file fails alone and leaves no half-written page (each page
// is written in a temporary folder and renamed into place).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "io/io.h"

namespace syzba::publish {

struct Options {
  std::filesystem::path out_dir;
  unsigned jobs = 1;
  // kk, ru, en: page text, legend, table headings, check messages; "" = each page in its
  // model's language (model::language_of), the index in the language most pages have.
  std::string lang;
  io::ReadLimits limits;
};

enum class Status { published, unchanged, failed };

struct FileResult {
  std::string input;
  std::string name;    // the page's folder under out_dir
  Status status = Status::failed;
  std::string reason;  // why it failed
  int errors = 0, warnings = 0;
};

// Called after each file (from the thread that did it, one call at a time).
using Progress = std::function<void(const FileResult& result, std::size_t done, std::size_t total)>;

struct Summary {
  std::vector<FileResult> files;  // in the order of the inputs
  std::string error;              // the site could not be written at all (out_dir, index)
};

// The .bpmn files of the inputs (folders searched, not recursively), sorted within a folder.
std::vector<std::filesystem::path> collect_inputs(const std::vector<std::string>& inputs, std::string& error);

Summary publish(const std::vector<std::filesystem::path>& files, const Options& options, const Progress& progress);

}  // namespace syzba::publish
