#include "cli/config.h"

#include <fstream>
#include <iterator>

namespace syzba::cli {

std::optional<std::string> load_config(const std::string& file, const std::string& lang,
                                       const std::vector<std::string>& rule_levels, check::Config& config) {
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return file + ": cannot open the config file";
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (auto error = check::read_config(text, config)) return file + ": " + *error;
  }
  auto parsed = check::lang_from_name(lang);
  if (!parsed) return "--lang " + lang + ": expected en, ru or kk";
  config.lang = *parsed;
  for (const auto& spec : rule_levels)
    if (auto error = check::set_rule_level(spec, config)) return "--rule " + spec + ": " + *error;
  return std::nullopt;
}

}  // namespace syzba::cli
