// libFuzzer target: any bytes through the text form. Never a crash; and whatever compiles,
// describe prints as a text that compiles again to the same process.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto read = syzba::text::compile(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!read.definitions) {
    if (read.diagnostics.empty()) __builtin_trap();  // refused without saying why
    return 0;
  }
  auto described = syzba::text::describe(*read.definitions, syzba::text::Lang::kk);
  auto again = syzba::text::compile(described.text);
  if (!again.definitions) __builtin_trap();  // describe wrote what compile cannot read
  if (syzba::text::describe(*again.definitions, syzba::text::Lang::kk).text != described.text) __builtin_trap();
  return 0;
}
