#pragma once
// The check configuration as the verbs take it: a JSON config file, --lang and --rule flags.
#include <optional>
#include <string>
#include <vector>

#include "check/check.h"

namespace syzba::cli {

// Fills config from the file (if named), the language and ID=LEVEL flags; an error message
// (naming the file or the flag) when one of them is wrong.
std::optional<std::string> load_config(const std::string& file, const std::string& lang,
                                       const std::vector<std::string>& rule_levels, check::Config& config);

}  // namespace syzba::cli
