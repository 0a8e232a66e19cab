#pragma once
// Internal to io: references written as QNames resolved to the bare ids they name.
#include "model/model.h"

namespace syzba::io {

// Rewrites every reference "prefix:id" whose local part is an id (and which is not one itself)
// to that id; returns how many it rewrote.
int unqualify_references(model::Definitions& defs);

}  // namespace syzba::io
