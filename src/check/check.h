#pragma once
// syzba::check — findings about a model, each from a named rule with a default severity.
//
// Offers: the list of rules (id, severity, one-line description) and check_structure(), the
// structural rules every later check stands on: unique ids, references that resolve to an
// element of the right kind, diagram interchange (DI) that points at real elements, and
// elements left out of the DI of a file that has one.
#include <string_view>
#include <vector>

#include "model/model.h"

namespace syzba::check {

struct Rule {
  std::string_view id;
  model::Severity severity;
  std::string_view description;
};

// Every rule syzba knows, including the reader's own (unreadable, invalid-value, ...).
const std::vector<Rule>& rules();

std::vector<model::Diagnostic> check_structure(const model::Definitions& definitions);

}  // namespace syzba::check
