#pragma once
// What the verbs that read one model and write one output share: refusing to overwrite the
// input, and reading the model with its findings on standard error.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "io/io.h"
#include "model/model.h"

namespace syzba::cli {

// True (after saying so) when the output names the input file.
bool output_is_input(std::string_view verb, const std::string& input, const std::string& output);

struct ReadModel {
  std::optional<model::Definitions> definitions;  // empty: exit with exit_code
  int exit_code = 0;
  std::string name;  // the input as messages name it
};

// How a verb takes errors that do not stop a picture: a diagram that cannot be drawn as
// written (an edge with one waypoint, a height that is not a number) and impossible durations
// ("-5 минут"). The verbs that draw go on with a warning, as bpmn-js draws such files (the
// layout re-routes or lays out what it must; the duration is not shown); the verbs that write
// the model back refuse it, and check reports them as errors.
enum class Reading { exact, drawing };

// Reads input ('-': standard input), printing what reading found: in the language --lang named
// ("en", "ru", "kk"), in English when it named none. Values that could not be read refuse the
// model with exit code 1 ("<verb>: <name>: <refusal>"); an unreadable file gives exit code 2.
ReadModel read_model(std::string_view verb, const std::string& input, const io::ReadLimits& limits,
                     std::string_view refusal, Reading reading = Reading::exact, std::string_view lang = "");

// --max-bytes and --max-elements, for every verb that reads models.
void add_limits(CLI::App& command, io::ReadLimits& limits);

}  // namespace syzba::cli
