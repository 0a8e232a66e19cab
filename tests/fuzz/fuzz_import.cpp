// libFuzzer target: any bytes as a regulation — plain text, HTML and DOCX (a zip). Never a
// crash; an input refused says why; and every draft import writes compiles.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/import.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  syzba::import::ReadLimits limits;
  limits.max_document_xml = 8u << 20;
  for (const char* name : {"fuzz.txt", "fuzz.html", "fuzz.docx"}) {
    auto read = syzba::import::read_document_bytes(bytes, name, limits);
    if (!read.document) {
      if (read.diagnostics.empty()) __builtin_trap();  // refused without saying why
      continue;
    }
    auto regulation = syzba::import::extract(*read.document);
    for (const auto& procedure : regulation.procedures)
      if (!syzba::text::compile(syzba::import::draft(regulation, procedure)).definitions) __builtin_trap();
    (void)syzba::import::report_json(regulation);
  }
  return 0;
}
