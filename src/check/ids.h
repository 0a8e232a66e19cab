#pragma once
// One index of every id in a file, built once per check: the structural rules resolve
// references against it and the view (view.h) finds nodes and flows in it, where each used to
// hash every id of a 100,000-node model again. Internal to check.
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
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
// id are not in it. Open addressing over the entries kept in the order they were added (the
// walk's), which is also the order of iteration: std::unordered_map made a node per id (a
// malloc each) and went bucket, node before, node, key for each of a 100,000-node model's
// 650,000 lookups; here a slot holds the entry's place and a part of its hash, and only a
// slot of the same hash leads to the entry and its key.
class IdIndex {
 public:
  using value_type = std::pair<std::string_view, IndexEntry>;
  void reserve(std::size_t ids);
  // The entry of that id, added with first when new (then the bool is true).
  std::pair<value_type*, bool> try_emplace(std::string_view id, Indexed first);
  const value_type* find(std::string_view id) const;  // nullptr when absent
  std::size_t size() const { return entries_.size(); }
  std::size_t reserved() const { return reserved_; }  // what reserve was last asked for
  auto begin() const { return entries_.cbegin(); }
  auto end() const { return entries_.cend(); }

 private:
  struct Slot {
    std::uint32_t entry = 0;  // its place in entries_ plus one; 0: free
    std::uint32_t hash = 0;   // the high half of the key's hash
  };
  // The slot holding id, or the free one where it would go.
  std::size_t slot_of(std::string_view id, std::uint64_t hash) const;
  void rehash(std::size_t slots);
  std::vector<value_type> entries_;
  std::vector<Slot> slots_;  // a power of two of them, at most three quarters taken
  std::size_t reserved_ = 0;
};

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
