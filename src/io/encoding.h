#pragma once
// Bytes of an XML file → UTF-8 text, by the byte order mark or the encoding the XML
// declaration names (ISO-8859-1, windows-1251, UTF-16, ...), through iconv. Internal to io.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace syzba::io {

// A message of model's catalogue (model/messages.cpp): its id and arguments.
struct CatalogueMessage {
  std::string id;  // empty: nothing to say
  std::vector<std::string> args;
};

struct Utf8Text {
  std::optional<std::string> text;
  CatalogueMessage error;  // why the bytes could not be read as text
  int error_line = 0, error_column = 0;  // where, when a byte is to blame
  // Read, but not as declared: bytes that were not UTF-8 taken as Windows-1252 (what the
  // tools that write such files meant); empty when the bytes were what they said.
  CatalogueMessage warning;
  int warning_line = 0, warning_column = 0;
};

Utf8Text to_utf8(std::string bytes);  // UTF-8 input is moved through, not copied

}  // namespace syzba::io
