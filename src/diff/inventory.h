#pragma once
// Every element of a model that a change can touch, flattened with what a reviewer compares:
// its type, name, lane and pool by name, its ends, and its properties as text.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace syzba::diff {

struct Entry {
  std::string id, type, name;
  std::string family;  // what may match what: "node", "flow", "lane", "participant", "message", "data", "artifact", "process", "definitions"
  std::string lane, pool;            // by name
  std::string lane_id, pool_id;      // which, so that renaming a lane is not moving its steps
  std::string source, target;  // flows, message flows, associations: ids
  std::vector<std::string> neighbours;  // nodes: the ids of the nodes one flow away
  std::map<std::string, std::string> properties;  // "condition", "default" (a flow id), "duration", "documentation", "output", "extension:…", "term", "service"
  std::string layout;  // its DI, as text: bounds, waypoints, label
};

struct Inventory {
  std::vector<Entry> entries;                      // in document order
  std::unordered_map<std::string, std::size_t> by_id;
};

Inventory inventory_of(const model::Definitions& defs);

}  // namespace syzba::diff
