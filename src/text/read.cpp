// Either form from disk, so that every verb takes BPMN XML and the text form alike.
#include "text/text.h"

namespace syzba::text {

bool is_text_form(const std::string& path, std::string_view content) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && model::lowercase(path.substr(path.size() - suffix.size())) == suffix;
  };
  if (ends_with(".syzba")) return true;
  if (ends_with(".bpmn") || ends_with(".xml")) return false;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  auto first = content.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && content[first] != '<';
}

io::ReadResult read_model_bytes(std::string bytes, const std::string& path, const io::ReadLimits& limits) {
  if (!is_text_form(path, bytes)) return io::read_bpmn(std::move(bytes), limits);
  if (bytes.size() > limits.max_bytes) {
    io::ReadResult result;
    result.diagnostics.push_back(
        model::diagnostic("too-large", model::Severity::error, "", {1, 1}, "read.text-too-large", {std::to_string(limits.max_bytes)}));
    return result;
  }
  return compile(bytes);
}

io::ReadResult read_model_file(const std::string& path, const io::ReadLimits& limits) {
  auto file = io::read_file_bytes(path, limits);
  if (file.error) return {std::nullopt, {*file.error}};
  return read_model_bytes(std::move(file.bytes), path, limits);
}

}  // namespace syzba::text
