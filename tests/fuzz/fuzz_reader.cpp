// libFuzzer target: any bytes through the BPMN reader, and what reads through the writer
// (its output must read back) and the checks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check/check.h"
#include "io/io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  syzba::io::ReadLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_elements = 20000;
  auto read = syzba::io::read_bpmn(std::string(reinterpret_cast<const char*>(data), size), limits);
  if (!read.definitions) return 0;
  std::string written = syzba::io::write_bpmn(*read.definitions);
  auto again = syzba::io::read_bpmn(written, limits);
  if (!again.definitions) __builtin_trap();  // syzba wrote something it cannot read
  syzba::check::Config config;
  config.soundness_states = 2000;
  (void)syzba::check::run_checks(*read.definitions, config);
  return 0;
}
