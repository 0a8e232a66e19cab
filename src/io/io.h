#pragma once
// syzba::io — BPMN 2.0 XML in and out (pugixml).
//
// Offers: read_bpmn (any prefix or default namespace, any encoding the XML declaration names,
// line:column of every element, lossless for what the model does not interpret), write_bpmn
// (deterministic bytes: a model written, read and written again gives the same bytes),
// write_file_atomically (a temporary beside the target, then rename, so a failure never
// leaves a partial file), and the namespace of the syzba extension.
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace syzba::io {

inline constexpr std::string_view bpmn_model_ns = "http://www.omg.org/spec/BPMN/20100524/MODEL";
inline constexpr std::string_view bpmn_di_ns = "http://www.omg.org/spec/BPMN/20100524/DI";
inline constexpr std::string_view dd_dc_ns = "http://www.omg.org/spec/DD/20100524/DC";
inline constexpr std::string_view dd_di_ns = "http://www.omg.org/spec/DD/20100524/DI";
inline constexpr std::string_view syzba_ns = "https://syzba.kz/schema/bpmn/1.0";

struct ReadLimits {
  std::size_t max_bytes = std::size_t{256} << 20;  // larger inputs are refused, not read
  int max_depth = 1000;  // deeper element nesting is refused (the reader recurses)
  std::size_t max_elements = 1'000'000;  // XML elements; more are refused before any is read
};

struct ReadResult {
  // Empty when the input cannot be read at all (not XML, not BPMN, too large).
  std::optional<model::Definitions> definitions;
  // What reading found: fatal problems, and values it could not take (a bad number, ...).
  std::vector<model::Diagnostic> diagnostics;
};

// Reads a BPMN document from its bytes (taken by value: parsed in place, no copy when moved
// in). Never throws for bad input.
ReadResult read_bpmn(std::string bytes, const ReadLimits& limits = {});

// The bytes of a file ("-" is standard input); a directory, a file that cannot be opened and
// one over the size limit give the error instead.
struct FileBytes {
  std::string bytes;
  std::optional<model::Diagnostic> error;
};
FileBytes read_file_bytes(const std::string& path, const ReadLimits& limits = {});

// Reads a file ("-" is standard input). A file that cannot be opened is a fatal diagnostic.
ReadResult read_bpmn_file(const std::string& path, const ReadLimits& limits = {});

// The document as UTF-8 XML, indented by two spaces; as a string or streamed out.
std::string write_bpmn(const model::Definitions& definitions);
void write_bpmn(const model::Definitions& definitions, std::ostream& out);

// Writes to path through a temporary in the same folder and a rename; "-" writes to
// standard output. produce() streams the content. Returns an error message, or nothing.
// The bytes reach the disk before the rename; a caller writing many files may say
// Flush::by_caller and flush the folder once afterwards (flush_folder), as a fsync per file
// costs more than drawing it.
enum class Flush { each_file, by_caller };
std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(std::ostream&)>& produce);
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content,
                                                 Flush flush = Flush::each_file);
// syncfs of the file system holding dir: everything written there is on disk.
std::optional<std::string> flush_folder(const std::string& dir);

}  // namespace syzba::io
