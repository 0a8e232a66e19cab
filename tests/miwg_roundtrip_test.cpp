// Round trip of every MIWG reference model: read → write → read gives an equal model,
// a second write gives identical bytes, and nothing in the XML is dropped.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "io/io.h"
#include "test_support.h"

namespace {
int element_count(const std::string& xml) {
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xml.data(), xml.size()));
  int n = 0;
  for ([[maybe_unused]] auto node : doc.select_nodes("//*")) ++n;
  return n;
}
}  // namespace

TEST_CASE("every MIWG reference model round-trips losslessly", "[io][miwg]") {
  for (const auto& file : syzba::test::miwg_files()) {
    INFO(file.filename());
    std::string original = syzba::test::read_file(file);
    auto first = syzba::io::read_bpmn(original);
    REQUIRE(first.definitions);
    CHECK(first.diagnostics.empty());
    std::string written = syzba::io::write_bpmn(*first.definitions);
    auto second = syzba::io::read_bpmn(written);
    REQUIRE(second.definitions);
    CHECK(*first.definitions == *second.definitions);
    CHECK(syzba::io::write_bpmn(*second.definitions) == written);
    CHECK(element_count(written) == element_count(original));
  }
}
