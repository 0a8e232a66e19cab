// libFuzzer target: any text through the duration parser (Kazakh, Russian, English).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = syzba::model::parse_duration(std::string_view(reinterpret_cast<const char*>(data), size));
  if (parsed.duration && !(parsed.duration->amount >= 0)) __builtin_trap();  // never negative or NaN
  (void)syzba::model::lowercase(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
