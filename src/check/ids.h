#pragma once
// One index of every id in a file, built once per check: the structural rules resolve
// references against it and the view (view.h) finds nodes and flows in it, where each used to
// hash every id of a 100,000-node model again. Internal to check.
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace syzba::check {

// 32 bytes, and a pointer for duplicates: the index lives as long as the check's view, beside
// the model of a 100,000-node file.
struct Indexed {
  // The element; for an element the model keeps verbatim, the modelled element keeping it.
  const model::BaseElement* element = nullptr;
  std::string_view type;
  model::ElementClass cls = model::ElementClass::definitions;
  bool foreign = false;  // an element the model keeps verbatim (e.g. bpmn:property)
  model::SourcePos pos() const { return element->pos; }
};

struct IndexEntry {
  Indexed first;
  std::unique_ptr<std::vector<Indexed>> more;  // other elements with the same id: null but for duplicates
  std::span<const Indexed> duplicates() const { return more ? std::span<const Indexed>(*more) : std::span<const Indexed>(); }
};

// Keys and types are views into the model, which outlives the check. Elements with an empty
// id are not in it.
using IdIndex = std::unordered_map<std::string_view, IndexEntry>;

// Every element of the walk (model::for_each_element) in its order, and the ids of kept
// foreign elements.
IdIndex index_ids(const model::Definitions& defs);

// The first element of that id; a QName reference ("tns:Message_1") names it by its local part.
const Indexed* lookup(const IdIndex& index, std::string_view id);

// The structural findings (check.h's check_structure) against an index already built; with
// the view of the same model, the references it has resolved are not looked up again.
class ModelView;
std::vector<model::Diagnostic> check_structure(const model::Definitions& defs, const IdIndex& index, const ModelView* view,
                                               model::Lang lang);

}  // namespace syzba::check
