#include <unordered_map>

#include "diff/diff.h"

namespace syzba::diff {

namespace {
constexpr const char* color_ns = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";

void set_colour(model::DiElement& e, const Mark& mark) {
  auto set = [&](const std::string& qname, const char* value) {
    for (auto& a : e.extras->attributes)
      if (a.ns == color_ns && a.qname.substr(a.qname.find(':') + 1) == qname.substr(qname.find(':') + 1)) {
        a.value = value;
        return;
      }
    e.extras->attributes.push_back({qname, color_ns, value});
  };
  set("color:border-color", mark.colour);
  if (e.kind == model::DiKind::shape) set("color:background-color", mark.fill);
}
}  // namespace

const Mark& mark_of(Kind kind) {
  static const Mark added{Kind::added, "#2f9e44", "#d3f9d8"}, removed{Kind::removed, "#e03131", "#ffe3e3"},
      changed{Kind::changed, "#e8590c", "#fff3bf"}, layout{Kind::layout, "#1971c2", "#d0ebff"};
  switch (kind) {
    case Kind::added: return added;
    case Kind::removed: return removed;
    case Kind::changed: return changed;
    case Kind::layout: return layout;
  }
  return changed;
}

void colour_changes(model::Definitions& defs, const std::vector<Change>& changes, bool old_side) {
  std::unordered_map<std::string, Kind> kind_of;
  for (const auto& c : changes) {
    if (old_side && (c.kind == Kind::removed || c.kind == Kind::changed)) kind_of[c.kind == Kind::removed ? c.element : c.old_element] = c.kind;
    if (!old_side && c.kind != Kind::removed) kind_of[c.element] = c.kind;
  }
  for (auto& d : defs.diagrams)
    for (auto& e : d.plane.elements)
      if (auto it = kind_of.find(e.element); it != kind_of.end()) set_colour(e, mark_of(it->second));
}

}  // namespace syzba::diff
