#pragma once
// What the verbs that read one model and write one output share: refusing to overwrite the
// input, and reading the model with its findings on standard error.
#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "io/io.h"
#include "model/model.h"
#include "pipeline/pipeline.h"

namespace syzba::cli {

// True (after saying so) when the output names the input file.
bool output_is_input(std::string_view verb, const std::string& input, const std::string& output);

struct ReadModel {
  std::optional<model::Definitions> definitions;  // empty: exit with exit_code
  int exit_code = 0;
  std::string name;  // the input as messages name it
};

using Reading = pipeline::Reading;  // exact (write the model back) or drawing (draw what can be drawn)

// Reads input ('-': standard input), printing what reading found: in the language --lang named
// ("en", "ru", "kk"), in English when it named none. Values that could not be read refuse the
// model with exit code 1 ("<verb>: <name>: <refusal>"); an unreadable file gives exit code 2.
// The messages go to `messages` (standard error unless a caller collects them).
ReadModel read_model(std::string_view verb, const std::string& input, const io::ReadLimits& limits,
                     std::string_view refusal, Reading reading = Reading::exact, std::string_view lang = "",
                     std::ostream& messages = std::cerr);

// --max-bytes and --max-elements, for every verb that reads models.
void add_limits(CLI::App& command, io::ReadLimits& limits);

// The printed page, spelled alike by every verb that prints: `name` (render's --page, layout's
// --pages) takes A4 or A3, and fit too where fit_too; --landscape turns A4 / A3.
void add_page_options(CLI::App& command, const std::string& name, std::string& page, bool& landscape, bool fit_too,
                      const std::string& description);

}  // namespace syzba::cli
