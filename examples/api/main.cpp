// The syzba library in one program: read a model (BPMN or the text form), check it as
// `syzba check` does, and draw it to SVG as `syzba render` does.
//
//   check_and_draw MODEL.bpmn|MODEL.syzba OUT.svg
//
// Exit status: 0 drawn (the findings are printed), 1 an error-level finding or nothing drawn,
// 2 unreadable input or unwritable output.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "check/check.h"
#include "export/export.h"
#include "io/io.h"
#include "pipeline/pipeline.h"
#include "render/render.h"

int main(int argc, char** argv) {
  using namespace syzba;
  if (argc != 3) {
    std::cerr << "usage: check_and_draw MODEL OUT.svg\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot be opened\n";
    return 2;
  }
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

  // Read: the text form or BPMN XML, decided by the name and the content.
  pipeline::Read read = pipeline::read(std::move(bytes), argv[1], io::ReadLimits{}, pipeline::Reading::drawing);

  // Check: the reader's findings and every rule's, in line order.
  check::Config config;  // syzba:recommended, messages in English
  auto findings = pipeline::findings(read.diagnostics, read.definitions ? &*read.definitions : nullptr, config);
  std::cout << pipeline::format_text({{argv[1], findings}});
  if (!read.definitions) return 2;

  // Draw: laid out first where the model has no diagram, then drawn as SVG with its legend.
  render::TextEngine text;  // Pango: wraps and measures the labels
  pipeline::DrawOptions options;
  options.format = exporter::Format::svg;
  pipeline::Drawn drawn = pipeline::draw(*read.definitions, options, text);
  if (!drawn.error.empty()) {
    std::cerr << argv[1] << ": " << drawn.error << "\n";
    return 1;
  }
  if (auto failed = io::write_file_atomically(argv[2], drawn.bytes)) {
    std::cerr << argv[2] << ": " << *failed << "\n";
    return 2;
  }
  std::cout << argv[2] << ": " << drawn.bytes.size() << " bytes of SVG\n";

  bool error = false;
  for (const auto& finding : findings) error = error || finding.severity == model::Severity::error;
  return error ? 1 : 0;
}
