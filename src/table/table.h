#pragma once
// syzba::table — the regulation's action table (кесте) from a model: one row per action
// (task, sub-process, call activity) with its number, structural unit (lane or pool), name and
// description, form of completion (its output data), duration and the numbers of the next
// actions; rows in the order of the main path, alternatives after it. Written as HTML, a
// Markdown table or CSV, with headings in kk / ru / en.
#include <string>
#include <vector>

#include "check/check.h"
#include "model/model.h"

namespace syzba::table {

struct Row {
  std::string id;                 // the BPMN element, for links ("step-<id>")
  std::string number;             // the number the name carries, else the next free one
  std::string unit;               // lane, else pool, else ""
  std::string action;             // the name
  std::string description;        // its documentation
  std::string completion;         // its output data (data output associations)
  std::string duration;           // as the regulation wrote it
  std::vector<std::string> next;  // numbers of the next actions; empty: the process ends
  bool alternative = false;       // not on the main path
};

struct Table {
  std::string service;  // the service name, else the file's name
  std::string term;     // the declared term, as written
  std::vector<Row> rows;
};

// The main path of a process is its longest start-to-end path that ends in a result (not a
// refusal); the processes of a collaboration come in the pools' order, following messages.
Table make_table(const model::Definitions& defs, const check::Config& config = {});

struct Headings {
  std::string number, unit, action, completion, duration, next, end, title;
};
Headings headings(check::Lang lang);

// A whole HTML5 page (lang attribute, caption, escaped text) or only its <table> element
// (for pages that embed it); Markdown (pipes and line breaks escaped); CSV (RFC 4180, UTF-8
// with a byte-order mark so that office programs read the Kazakh letters).
std::string to_html_page(const Table& table, check::Lang lang);
std::string to_html_table(const Table& table, check::Lang lang);
std::string to_markdown(const Table& table, check::Lang lang);
std::string to_csv(const Table& table, check::Lang lang);

// Text escaped for HTML element content and attribute values.
std::string escape_html(std::string_view text);

}  // namespace syzba::table
