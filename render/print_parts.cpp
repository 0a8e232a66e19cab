// Print by parts: lay out for the page, not after it. The flow, in the order of its columns, is
// cut into parts that each fit a page at 7 pt, and each part is laid out again on its own (the
// compact layout), so that a lane holds only the rows its part needs and a lane without work
// in the part is only as low as its title. Every pool and lane is kept in every part; each
// sequence flow between two parts becomes a pair of link events (a throw in the first, the
// catch of the same name in the second) named after the page the other end is on. Parts are
// stacked on a page while they fit, and the legend goes under or beside the last, or on its
// own page. The model is not changed: the parts are copies, laid out at render time.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "render/legend.h"
#include "render/print_detail.h"

namespace syzba::render::print_detail {

namespace {

// What goes to one part whole: a top-level flow node (with its boundary events, and for a
// sub-process all it holds), a data reference or a text annotation.
struct Unit {
  std::string id;
  double x = 0, y = 0;
};

// The size a part laid out will be drawn at (render_scene's, from the DI alone: the search for
// where a part ends lays out many, and draws only the ones it keeps).
struct Extent {
  double width = 0, height = 0;
  bool ok = false;
};

Extent extent_of(const model::Diagram& d) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  auto add = [&](double x, double y) {
    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  };
  auto add_box = [&](const model::Bounds& b) { add(b.x, b.y), add(b.x + b.width, b.y + b.height); };
  for (const auto& di : d.plane.elements) {
    if (di.kind == model::DiKind::shape) add_box(di.bounds);
    for (const auto& w : di.waypoints) add(w.x, w.y);
    if (di.label && di.label->bounds) add_box(*di.label->bounds);
  }
  if (x0 > x1) return {};
  // render_scene's margins and least width; a few px for strokes and the text's own bounds.
  constexpr double slack = 6;
  return {std::max(x1 - x0 + 2 * scene_margin, 480.0) + slack, y1 - y0 + 2 * scene_margin + slack, true};
}

// A part laid out and drawn.
struct Drawn {
  Scene scene;
  std::vector<model::DiElement> di;  // the part's shapes and edges, in the scene's coordinates
  std::string plane;
  std::set<std::string> legend_keys;
  bool handbook = false;
  bool ok = false;
};

const model::Diagram* first_drawn(const model::Definitions& defs) {
  for (const auto& d : defs.diagrams)
    if (!d.plane.elements.empty()) return &d;
  return nullptr;
}

void filter_lanes(std::vector<model::LaneSet>& sets, const std::set<std::string>& present) {
  for (auto& set : sets)
    for (auto& lane : set.lanes) {
      auto& refs = lane.flow_node_refs;
      refs.erase(std::remove_if(refs.begin(), refs.end(), [&](const std::string& r) { return !present.count(r); }), refs.end());
      filter_lanes(lane.child_lane_sets, present);
    }
}

class Parts {
 public:
  Parts(const model::Definitions& defs, const Options& options, const PageSpec& spec, TextEngine& text,
        const Relayout& relayout, layout::Density density)
      : defs_(defs), options_(options), spec_(spec), text_(text), relayout_(relayout), density_(density) {
    // What every part is cut from: the model without its diagrams (copied once, not per part
    // tried: each part is laid out anew).
    skeleton_ = defs;
    skeleton_.diagrams.clear();
    for (const auto& c : defs.collaborations)
      for (const auto& participant : c.participants) {
        participants_.insert(participant.id);
        for (const auto& process : defs.processes)
          if (process.id == participant.process)
            for (const auto& n : process.content.nodes) pool_of_[n.id] = participant.id;
      }
  }

  // Gives up (no pages) once the diagram needs more than page_limit pages: another attempt
  // made it in fewer.
  Attempt run(std::size_t page_limit);

 private:
  using Names = std::map<std::size_t, std::pair<std::string, std::string>>;  // by flow number
  bool collect_units();
  std::size_t unit_of(const std::string& id) const {
    auto it = owner_.find(id);
    return it == owner_.end() ? npos : it->second;
  }
  model::Definitions make_part(std::size_t from, std::size_t to, const Names& names) const;
  const Extent& measure(std::size_t from, std::size_t to);
  Drawn draw_part(std::size_t from, std::size_t to, const Names& names);
  bool fits(const Extent& e) const {
    return e.ok && e.width * scale_ <= avail_w() + 0.01 && (e.height + header_h) * scale_ <= avail_h() + 0.01;
  }
  // The room a part is cut to: the page's, less when a cut drew larger than it measured (in
  // the direction it did: a part drawn too wide need not be cut lower, which would part two
  // rows that share a page).
  double avail_w() const { return room_w_ * (spec_.width_pt - 2 * spec_.margin_pt); }
  double avail_h() const { return room_h_ * (spec_.height_pt - 2 * spec_.margin_pt); }
  std::size_t part_end(std::size_t from);
  Attempt cut_and_draw(std::size_t page_limit);
  Attempt drawn_as_written(Attempt out) const;

  static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();
  const model::Definitions& defs_;
  model::Definitions skeleton_;
  const Options& options_;
  const PageSpec& spec_;
  TextEngine& text_;
  const Relayout& relayout_;
  layout::Density density_;
  double scale_ = 0;
  double room_w_ = 1, room_h_ = 1;
  std::vector<Unit> units_;                     // in the order of the columns
  std::map<std::string, std::size_t> owner_;    // element id → its unit's place in units_
  std::map<std::string, std::string> pool_of_;  // flow node id → the participant whose process holds it
  std::set<std::string> participants_;
  std::vector<int> crossings_;                  // at cut k (before units_[k]): flows across it
  std::map<std::pair<std::size_t, std::size_t>, Extent> tried_;
  std::size_t last_length_ = 4;  // units in the part before: where the next one's search starts
  Names placeholder_;
};

bool Parts::collect_units() {
  const model::Diagram* diagram = first_drawn(defs_);
  if (!diagram) return false;
  std::map<std::string, const model::Bounds*> at;
  for (const auto& di : diagram->plane.elements)
    if (di.kind == model::DiKind::shape) at[di.element] = &di.bounds;
  auto add = [&](const std::string& id) {
    Unit u{id, std::numeric_limits<double>::max(), 0};
    if (auto it = at.find(id); it != at.end()) u = {id, it->second->x + it->second->width / 2, it->second->y};
    units_.push_back(u);
  };
  for (const auto& process : defs_.processes) {
    const model::Container& c = process.content;
    for (const auto& n : c.nodes)
      if (n.kind != model::NodeKind::boundary_event) add(n.id);
    for (const auto& r : c.data_object_refs) add(r.id);
    for (const auto& r : c.data_store_refs) add(r.id);
    for (const auto& a : c.artifacts)
      if (a.kind == model::ArtifactKind::text_annotation) add(a.id);
  }
  for (const auto& collaboration : defs_.collaborations)
    for (const auto& a : collaboration.artifacts)
      if (a.kind == model::ArtifactKind::text_annotation) add(a.id);
  if (units_.size() < 2) return false;
  std::stable_sort(units_.begin(), units_.end(), [](const Unit& a, const Unit& b) {
    return a.x != b.x ? a.x < b.x : a.y != b.y ? a.y < b.y : a.id < b.id;
  });
  for (std::size_t k = 0; k < units_.size(); ++k) owner_[units_[k].id] = k;
  for (const auto& process : defs_.processes)
    for (const auto& n : process.content.nodes)
      if (n.kind == model::NodeKind::boundary_event && owner_.count(n.attached_to)) owner_[n.id] = owner_.at(n.attached_to);
  // Flows across each cut; a cut between two units of one column counts as three more (it
  // would part what stands one above the other).
  std::vector<int> diff(units_.size() + 1, 0);
  std::size_t number = 0;
  for (const auto& process : defs_.processes)
    for (const auto& f : process.content.flows) {
      std::size_t a = unit_of(f.source), b = unit_of(f.target);
      if (a != npos && b != npos && a != b) {
        ++diff[std::min(a, b) + 1];
        --diff[std::max(a, b) + 1];
      }
      placeholder_[number++] = link_names(options_.lang, 88, 88, false);
    }
  for (auto& [n, names] : placeholder_) {
    names.first = "A: " + names.first;
    names.second = "A: " + names.second;
  }
  crossings_.assign(units_.size() + 1, 0);
  int running = 0;
  for (std::size_t k = 0; k <= units_.size(); ++k) {
    running += diff[k];
    crossings_[k] = running;
    if (k > 0 && k < units_.size() && std::fabs(units_[k].x - units_[k - 1].x) < 1) crossings_[k] += 3;
  }
  return true;
}

// The part of units [from, to): a copy of the model with what stands there, every pool and
// lane, and a link event for each sequence flow to or from another part.
model::Definitions Parts::make_part(std::size_t from, std::size_t to, const Names& names) const {
  model::Definitions part = skeleton_;
  auto here = [&](const std::string& id) {
    std::size_t u = unit_of(id);
    return u != npos && u >= from && u < to;
  };
  std::set<std::string> gone;  // what was left out: references to it go too
  std::size_t number = 0;
  for (auto& process : part.processes) {
    model::Container& c = process.content;
    auto keep = [&](auto& list) {
      std::erase_if(list, [&](const auto& e) {
        bool out = !here(e.id);
        if (out) gone.insert(e.id);
        return out;
      });
    };
    keep(c.nodes);
    keep(c.data_object_refs);
    keep(c.data_store_refs);
    std::vector<model::SequenceFlow> flows;
    std::vector<std::pair<std::string, std::string>> joins;  // (partner, link event)
    for (const auto& f : c.flows) {
      std::size_t n = number++;
      bool s = here(f.source), t = here(f.target);
      if (s && t) {
        flows.push_back(f);
        continue;
      }
      gone.insert(f.id);
      if (!s && !t) continue;
      std::string base = fmt::format("syzba-print-link-{}", n + 1);
      const auto& name = names.at(n);
      model::FlowNode event;
      event.id = base + (s ? "-throw" : "-catch");
      event.kind = s ? model::NodeKind::intermediate_throw_event : model::NodeKind::intermediate_catch_event;
      event.name = s ? name.first : name.second;
      model::EventDefinition link;
      link.kind = model::EventKind::link;
      link.name = name.first;
      event.event_definitions.push_back(link);
      model::SequenceFlow half;
      if (s) {
        half.id = f.id + "-to-" + base;
        half.source = f.source;
        half.target = event.id;
        half.name = f.name;
        // The default flow's mark stays with the flow that leaves the gateway.
        for (auto& node : c.nodes)
          if (node.id == f.source && node.default_flow == f.id) node.default_flow = half.id;
      } else {
        half.id = base + "-to-" + f.id;
        half.source = event.id;
        half.target = f.target;
      }
      joins.emplace_back(s ? f.source : f.target, event.id);
      c.nodes.push_back(std::move(event));
      flows.push_back(std::move(half));
    }
    c.flows = std::move(flows);
    std::set<std::string> present;
    for (const auto& n : c.nodes) present.insert(n.id);
    filter_lanes(c.lane_sets, present);
    for (const auto& [partner, id] : joins) {
      // A boundary event's link joins its host's lane.
      std::string in = partner;
      for (const auto& n : c.nodes)
        if (n.id == partner && n.kind == model::NodeKind::boundary_event) in = n.attached_to;
      join_lane(c.lane_sets, in, id);
    }
  }
  auto refers_to_gone = [&](const std::string& a, const std::string& b) { return gone.count(a) || gone.count(b); };
  for (auto& process : part.processes) {
    model::Container& c = process.content;
    for (auto& n : c.nodes) {
      std::erase_if(n.data_inputs, [&](const model::DataAssociation& d) {
        return gone.count(d.target) || std::any_of(d.sources.begin(), d.sources.end(), [&](const std::string& s) { return gone.count(s) > 0; });
      });
      std::erase_if(n.data_outputs, [&](const model::DataAssociation& d) {
        return gone.count(d.target) || std::any_of(d.sources.begin(), d.sources.end(), [&](const std::string& s) { return gone.count(s) > 0; });
      });
    }
    std::erase_if(c.artifacts, [&](const model::Artifact& a) {
      if (a.kind == model::ArtifactKind::text_annotation) return !here(a.id);
      if (a.kind == model::ArtifactKind::association) return refers_to_gone(a.source, a.target);
      return true;  // a group spans what may now be on other pages
    });
  }
  for (auto& collaboration : part.collaborations) {
    // A message whose other end is on another part runs to (or from) that end's pool, which
    // every part repeats: drawn on both parts, as a person draws a message to a pool.
    std::erase_if(collaboration.message_flows, [&](model::MessageFlow& m) {
      bool source_gone = gone.count(m.source) > 0, target_gone = gone.count(m.target) > 0;
      if (source_gone == target_gone) return source_gone;
      // One from a pool itself to a node elsewhere is drawn whole where the node is.
      if (participants_.count(source_gone ? m.target : m.source)) return true;
      std::string& end = source_gone ? m.source : m.target;
      auto pool = pool_of_.find(end);
      if (pool == pool_of_.end()) return true;
      end = pool->second;
      return false;
    });
    std::erase_if(collaboration.artifacts, [&](const model::Artifact& a) {
      if (a.kind == model::ArtifactKind::text_annotation) return !here(a.id);
      if (a.kind == model::ArtifactKind::association) return refers_to_gone(a.source, a.target);
      return true;
    });
  }
  return part;
}

Scene page_like(const Scene& page) {
  Scene blank;
  blank.lang = page.lang;
  blank.font_family = page.font_family;
  blank.pango_family = page.pango_family;
  blank.background = page.background;
  return blank;
}

Drawn Parts::draw_part(std::size_t from, std::size_t to, const Names& names) {
  Drawn out;
  model::Definitions part = make_part(from, to, names);
  if (!relayout_(part, density_)) return out;
  Options page_options = options_;
  page_options.title_band = layout::title_band(layout::Density::page_part).width;
  page_options.title_lines = layout::title_band(layout::Density::page_part).lines;
  page_options.title_across = layout::title_band(layout::Density::page_part).across;
  page_options.title_block = false;
  page_options.legend = false;
  page_options.diagram.clear();
  auto drawn = render_scene(part, page_options, text_);
  if (!drawn.error.empty()) return out;
  out.scene = std::move(drawn.scene);
  if (const model::Diagram* d = first_drawn(part)) {
    out.plane = d->plane.element;
    out.di = d->plane.elements;
    for (auto& di : out.di) shift(di, drawn.dx, drawn.dy);
  }
  out.legend_keys = std::move(drawn.legend_keys);
  out.handbook = drawn.handbook;
  out.ok = true;
  return out;
}

const Extent& Parts::measure(std::size_t from, std::size_t to) {
  auto key = std::make_pair(from, to);
  auto it = tried_.find(key);
  if (it != tried_.end()) return it->second;
  Extent e;
  model::Definitions part = make_part(from, to, placeholder_);
  if (relayout_(part, density_))
    if (const model::Diagram* d = first_drawn(part)) e = extent_of(*d);
  return tried_.emplace(key, e).first->second;
}

// Where the part that begins at `from` ends: as far as a page takes it (from the length of the
// part before, by doubling, then halving), then back to the cut the fewest flows cross in its
// last quarter.
std::size_t Parts::part_end(std::size_t from) {
  std::size_t n = units_.size();
  auto ok = [&](std::size_t to) { return fits(measure(from, to)); };
  if (!ok(from + 1)) return from + 1;  // too large alone: printed smaller
  std::size_t good = from + 1, bad = n + 1;
  if (std::size_t guess = std::min(n, from + last_length_); guess > good) {
    if (ok(guess)) good = guess;
    else bad = guess;
  }
  for (std::size_t step = std::max<std::size_t>(1, last_length_ / 2); good < n && bad == n + 1;) {
    std::size_t to = std::min(n, good + step);
    if (!ok(to)) {
      bad = to;
      break;
    }
    good = to;
    step *= 2;
  }
  while (bad - good > 1 && good < n) {
    std::size_t mid = good + (bad - good) / 2;
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  if (good == n) return n;
  std::size_t best = good;
  std::size_t lowest = good - (good - from - 1) / 4;
  for (std::size_t to = good; to >= lowest && to > from; --to)
    if (crossings_[to] < crossings_[best] && ok(to)) best = to;
  last_length_ = best - from;
  return best;
}

Attempt Parts::run(std::size_t page_limit) {
  if (!relayout_ || !collect_units()) return {};
  scale_ = std::min(0.75, spec_.min_text_pt / spec_.min_font_px);
  Attempt out = cut_and_draw(page_limit);
  // A part is measured with placeholder names on its link events and drawn with the real ones,
  // which can wrap otherwise and make it a little larger: a page then prints under 7 pt. Cut
  // once more to a room smaller by that much (the measurements are kept: they do not depend on
  // the room); kept when it prints at 7 pt, or larger in no more pages.
  if (out.pages.empty() || out.scale >= scale_ - 1e-9) return out;
  const double page_w = avail_w(), page_h = avail_h();
  for (const auto& page : out.pages) {
    if (page.scale >= scale_ - 1e-9) continue;
    double k = page.scale / scale_ * 0.995;
    if (page.scene.width * page.scale >= page_w - 0.01) room_w_ = std::min(room_w_, k);
    if (page.scene.height * page.scale >= page_h - 0.01) room_h_ = std::min(room_h_, k);
  }
  last_length_ = 4;
  Attempt again = cut_and_draw(page_limit);
  if (again.pages.empty()) return out;
  bool readable = again.scale >= scale_ - 1e-9;
  bool larger = again.scale > out.scale + 1e-9 && again.pages.size() <= out.pages.size();
  return readable || larger ? again : out;
}

// Pages that stack parts, drawn from the cut as layout --pages writes it: render_scene orders
// what it draws by pool, then layer, over the whole page, not part after part, and a model
// printed back from that file must print the same pages.
Attempt Parts::drawn_as_written(Attempt out) const {
  std::string error;
  model::Definitions written = write_cut(out.cut, options_.lang, error);
  if (!error.empty()) return {};
  Attempt drawn = print_written_pages(written, options_, spec_, text_);
  if (drawn.pages.size() < out.cut.pages.size()) return {};
  out.pages = std::move(drawn.pages);
  out.scale = drawn.scale;
  out.legend_pages = drawn.legend_pages;
  if (!drawn.warning.empty()) out.warning = drawn.warning;
  return out;
}

Attempt Parts::cut_and_draw(std::size_t page_limit) {
  Attempt out;
  // Parts, each stacked on the page of the one before while it fits.
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::vector<int> page_of;
  double room = avail_h() / scale_ - header_h;
  int page = 1;
  double used = 0;
  for (std::size_t from = 0; from < units_.size();) {
    std::size_t to = part_end(from);
    double h = measure(from, to).height;
    if (used > 0 && used + row_gap + h > room) {
      ++page;
      used = 0;
    }
    used += (used > 0 ? row_gap : 0) + h;
    if (static_cast<std::size_t>(page) > page_limit) return out;
    parts.emplace_back(from, to);
    page_of.push_back(page);
    from = to;
  }
  // The link pairs' names, from the pages their ends are on.
  auto part_of = [&](std::size_t unit) {
    for (std::size_t k = 0; k < parts.size(); ++k)
      if (unit < parts[k].second) return k;
    return parts.size() - 1;
  };
  Names names = placeholder_;
  std::vector<std::size_t> crossing;
  std::vector<std::string> crossing_ids;
  std::vector<std::pair<std::string, std::string>> link_list;
  std::size_t number = 0;
  for (const auto& process : defs_.processes)
    for (const auto& f : process.content.flows) {
      std::size_t n = number++;
      std::size_t a = unit_of(f.source), b = unit_of(f.target);
      if (a == npos || b == npos || part_of(a) == part_of(b)) continue;
      std::size_t pa = part_of(a), pb = part_of(b);
      crossing.push_back(n);
      crossing_ids.push_back(f.id);
      link_list.push_back(link_names(options_.lang, page_of[pa], page_of[pb], pb > pa));
    }
  letter_alike(link_list);
  for (std::size_t k = 0; k < crossing.size(); ++k) {
    names[crossing[k]] = link_list[k];
    out.cut.links.push_back({crossing_ids[k], fmt::format("syzba-print-link-{}", crossing[k] + 1), link_list[k].first,
                             link_list[k].second});
  }
  out.links = static_cast<int>(crossing.size());

  // Each part drawn with its names, stacked on its page.
  std::vector<Scene> pages;
  std::set<std::string> keys;
  bool handbook = false;
  std::string title;
  std::string description;
  std::set<std::string> message_flows_drawn;
  bool stacked = false;  // a page holds two parts or more
  for (std::size_t k = 0; k < parts.size(); ++k) {
    Drawn d = draw_part(parts[k].first, parts[k].second, names);
    if (!d.ok) return {};
    keys.insert(d.legend_keys.begin(), d.legend_keys.end());
    handbook = handbook || d.handbook;
    if (title.empty()) {
      title = d.scene.title;
      description = d.scene.description;
      out.cut.plane = d.plane;
    }
    for (const auto& e : d.scene.elements)
      if (e.type == "messageFlow") message_flows_drawn.insert(e.id);
    if (pages.size() < static_cast<std::size_t>(page_of[k])) {
      pages.push_back(std::move(d.scene));
      out.cut.pages.push_back(std::move(d.di));
      continue;
    }
    Scene& page = pages.back();
    double dy = page.height + row_gap;
    stacked = true;
    for (auto& e : d.scene.elements) {
      translate(e, 0, dy);
      page.elements.push_back(std::move(e));
    }
    for (auto& di : d.di) {
      shift(di, 0, dy);
      out.cut.pages.back().push_back(std::move(di));
    }
    page.width = std::max(page.width, d.scene.width);
    page.height = dy + d.scene.height;
  }
  for (const auto& c : defs_.collaborations)
    for (const auto& m : c.message_flows) out.undrawn += !message_flows_drawn.count(m.id);
  out.cut.source = defs_;
  out.cut.title_band = layout::title_band(layout::Density::page_part).width;

  if (stacked) return drawn_as_written(std::move(out));
  if (options_.legend) out.legend_pages = place_legend(pages, keys, handbook, options_, spec_, scale_, text_);
  finish_pages(out, std::move(pages), title, description, options_, spec_, scale_, text_);
  return out;
}

}  // namespace

bool join_lane(std::vector<model::LaneSet>& sets, const std::string& partner, const std::string& id) {
  for (auto& set : sets)
    for (auto& lane : set.lanes) {
      if (join_lane(lane.child_lane_sets, partner, id)) return true;
      if (std::find(lane.flow_node_refs.begin(), lane.flow_node_refs.end(), partner) != lane.flow_node_refs.end()) {
        lane.flow_node_refs.push_back(id);
        return true;
      }
    }
  return false;
}

bool fewer_pages(const Attempt& x, const Attempt& y) {
  if (x.flow_pages() != y.flow_pages()) return x.flow_pages() < y.flow_pages();
  return x.pages.size() < y.pages.size();
}

bool place_legend(std::vector<Scene>& pages, const std::set<std::string>& keys, bool handbook, const Options& options,
                  const PageSpec& spec, double scale, TextEngine& text) {
  auto rows = legend_rows(keys, handbook, options.lang);
  if (rows.empty() || pages.empty()) return false;
  Palette palette = page_palette(options.theme);
  Scene& page = pages.back();
  double room_w = (spec.width_pt - 2 * spec.margin_pt) / scale, room_h = (spec.height_pt - 2 * spec.margin_pt) / scale - header_h;
  auto drawn = [&](double max_width) { return draw_legend(rows, 0, 0, max_width, text, options.lang, palette); };
  auto put = [&](Scene& on, LegendBox box, double x, double y) -> bool {
    translate(box.element, x, y);
    on.width = std::max(on.width, std::ceil(x + box.width + scene_margin));
    on.height = std::max(on.height, std::ceil(y + box.height + scene_margin));
    on.elements.push_back(std::move(box.element));
    return false;
  };
  LegendBox under = drawn(room_w - 2 * scene_margin);
  if (page.height + under.height + scene_margin <= room_h && under.width + 2 * scene_margin <= room_w)
    return put(page, std::move(under), scene_margin, page.height);
  double beside_w = room_w - page.width - scene_margin;
  if (beside_w > 0) {
    LegendBox beside = drawn(beside_w);
    if (beside.width <= beside_w && beside.height + 2 * scene_margin <= room_h)
      return put(page, std::move(beside), page.width, scene_margin);
  }
  // The last page's fonts, language and colours: the legend was measured in them.
  Scene alone = page_like(page);
  put(alone, std::move(under), scene_margin, scene_margin);
  pages.push_back(std::move(alone));
  return true;
}

void finish_pages(Attempt& out, std::vector<Scene> pages, const std::string& title, const std::string& description,
                  const Options& options, const PageSpec& spec, double scale, TextEngine& text) {
  double avail_w = spec.width_pt - 2 * spec.margin_pt, avail_h = spec.height_pt - 2 * spec.margin_pt;
  double smallest = scale;
  int count = static_cast<int>(pages.size());
  for (int n = 0; n < count; ++n) {
    Scene& s = pages[static_cast<std::size_t>(n)];
    // Every page as wide as the page: the same scale on each, the title line across it.
    s.width = std::max(s.width, std::floor(avail_w / scale));
    s.title = title;
    s.description = description;
    add_header(s, title, options.lang, n + 1, count, text);
    double k = std::min({scale, avail_w / std::max(1.0, s.width), avail_h / std::max(1.0, s.height)});
    smallest = std::min(smallest, k);
    out.pages.push_back({std::move(s), k});
  }
  out.scale = smallest;
  if (smallest * spec.min_font_px < spec.min_text_pt - 1e-6)
    out.warning = fmt::format("the diagram is too tall for the page: printed at {:.1f} pt", smallest * spec.min_font_px);
}

Attempt print_by_parts(const model::Definitions& defs, const Options& options, const PageSpec& spec, TextEngine& text,
                       const Relayout& relayout, std::size_t page_limit) {
  // Hand-overs between lanes in one column make parts narrower and often taller: the four
  // page densities tried, the densest last, the fewest pages kept (when the same, the larger
  // text, else the earlier: the easier to read); one page ends the search.
  Attempt best;
  for (auto density : {layout::Density::page_part, layout::Density::page, layout::Density::page_stacked,
                       layout::Density::page_densest}) {
    std::size_t limit = best.pages.empty() ? page_limit : std::min(page_limit, best.flow_pages());
    Attempt next = Parts(defs, options, spec, text, relayout, density).run(limit);
    if (next.pages.empty()) continue;
    bool fewer = best.pages.empty() || fewer_pages(next, best);
    bool larger = !fewer_pages(best, next) && next.scale > best.scale + 1e-9;
    if (fewer || larger) best = std::move(next);
    if (best.pages.size() == 1 && best.scale * spec.min_font_px >= spec.min_text_pt - 1e-6) break;
  }
  return best;
}

}  // namespace syzba::render::print_detail
