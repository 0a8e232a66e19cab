// The page cut written into the model (`syzba layout --pages`), and such a file printed back.
// Print cuts at render time and leaves the model alone; here, when the user asks for it, the
// link events of the cut become elements of the process and each diagram page a BPMNDiagram,
// so that another tool shows the same pages and the printed file reads as one process whose
// flows pass through off-page connectors.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "render/print_detail.h"

namespace syzba::render {

namespace print_detail {

namespace {

constexpr std::string_view page_prefix = "syzba-page-";

std::string page_id(std::size_t page) { return fmt::format("{}{}", page_prefix, page); }

// A boundary event's link joins its host's lane.
std::string lane_holder(const model::Container& c, const std::string& id) {
  for (const auto& n : c.nodes)
    if (n.id == id && n.kind == model::NodeKind::boundary_event) return n.attached_to;
  return id;
}

model::FlowNode link_event(const std::string& id, bool throwing, const LinkPair& link) {
  model::FlowNode e;
  e.id = id;
  e.kind = throwing ? model::NodeKind::intermediate_throw_event : model::NodeKind::intermediate_catch_event;
  e.name = throwing ? link.throw_name : link.catch_name;
  model::EventDefinition definition;
  definition.kind = model::EventKind::link;
  definition.name = link.throw_name;  // BPMN pairs a throw with the catch of the same link name
  e.event_definitions.push_back(definition);
  return e;
}

// The flow a -> b becomes a -> throw (the flow itself, with its id, name, condition and
// documentation: what refers to it, a gateway's default or an annotation, still does) and
// catch -> b, a flow of its own.
bool add_link_pair(model::Definitions& defs, const LinkPair& link) {
  for (auto& process : defs.processes) {
    model::Container& c = process.content;
    auto it = std::find_if(c.flows.begin(), c.flows.end(), [&](const model::SequenceFlow& f) { return f.id == link.flow; });
    if (it == c.flows.end()) continue;
    const std::string throw_id = link.base + "-throw", catch_id = link.base + "-catch";
    const std::string source = it->source, target = it->target;
    model::SequenceFlow in;
    in.id = link.base + "-to-" + link.flow;
    in.source = catch_id;
    in.target = target;
    it->target = throw_id;
    c.flows.insert(it + 1, in);
    bool lists = false;  // the file lists incoming and outgoing flows: the events' lists too
    for (auto& n : c.nodes) {
      if (n.id == source) lists = lists || !n.outgoing.empty();
      if (n.id == target) std::replace(n.incoming.begin(), n.incoming.end(), link.flow, in.id);
    }
    model::FlowNode throw_event = link_event(throw_id, true, link), catch_event = link_event(catch_id, false, link);
    if (lists) {
      throw_event.incoming = {link.flow};
      catch_event.outgoing = {in.id};
    }
    join_lane(c.lane_sets, lane_holder(c, source), throw_id);
    join_lane(c.lane_sets, lane_holder(c, target), catch_id);
    c.nodes.push_back(std::move(throw_event));
    c.nodes.push_back(std::move(catch_event));
    return true;
  }
  return false;
}

// The edge print drew for the first half of a cut flow ("<flow>-to-<base>") draws the flow
// itself, which keeps its id in the model.
std::map<std::string, std::string> first_halves(const Cut& cut) {
  std::map<std::string, std::string> halves;
  for (const auto& link : cut.links) halves[link.flow + "-to-" + link.base] = link.flow;
  return halves;
}

void collect_lanes(const std::vector<model::LaneSet>& sets, std::set<std::string>& lanes) {
  for (const auto& set : sets)
    for (const auto& lane : set.lanes) {
      lanes.insert(lane.id);
      collect_lanes(lane.child_lane_sets, lanes);
    }
}

// The pools and lanes of the model: their titles are drawn in a band.
std::set<std::string> frames_of(const model::Definitions& defs) {
  std::set<std::string> frames;
  for (const auto& c : defs.collaborations)
    for (const auto& p : c.participants) frames.insert(p.id);
  for (const auto& p : defs.processes) collect_lanes(p.content.lane_sets, frames);
  return frames;
}

// The label bounds of a pool or lane drawn with print's title band: the band itself, the
// whole height of the shape at its left. drawn_band reads them back.
void keep_title_band(model::DiElement& di, double band) {
  model::DiLabel label;
  label.bounds = model::Bounds{di.bounds.x, di.bounds.y, band, di.bounds.height};
  di.label = label;
}

// Page p's diagram: its shapes and edges with ids of their own (a lane drawn in two stacked
// parts has a shape in each, and ids are unique in a file).
model::Diagram page_diagram(const Cut& cut, std::size_t p, Lang lang, const std::map<std::string, std::string>& halves,
                            const std::set<std::string>& frames) {
  model::Diagram d;
  d.id = page_id(p + 1);
  d.name = page_caption(lang, static_cast<int>(p + 1), static_cast<int>(cut.pages.size()));
  d.plane.id = d.id + "-plane";
  d.plane.element = cut.plane;
  std::map<std::string, int> seen;
  for (model::DiElement di : cut.pages[p]) {
    if (auto it = halves.find(di.element); it != halves.end()) di.element = it->second;
    int n = ++seen[di.element];
    di.id = fmt::format("{}-page-{}-di{}", di.element, p + 1, n > 1 ? fmt::format("-{}", n) : "");
    if (di.label) di.label->id.clear();
    // A pool's or lane's title lies in its band: print's band is kept with the page, so
    // that the page is printed back with its titles as they were drawn.
    if (di.kind == model::DiKind::shape && frames.count(di.element)) keep_title_band(di, cut.title_band);
    d.plane.elements.push_back(std::move(di));
  }
  return d;
}

std::size_t written_pages(const model::Definitions& defs) {
  std::size_t n = 0;
  while (n < defs.diagrams.size() && defs.diagrams[n].id == page_id(n + 1)) ++n;
  return n;
}

// The title band a page was drawn with, from its pools' and lanes' label bounds (see
// keep_title_band): print's compact 46 px in three lines, by parts 120 px across, else
// bpmn-js's. Only when every pool and lane holds one band of that width at its left, as
// written by print: another tool's title labels are drawn as that tool meant them.
std::optional<layout::TitleBand> drawn_band(const model::Definitions& defs, const model::Diagram& d) {
  auto frames = frames_of(defs);
  double band = -1;
  for (const auto& di : d.plane.elements) {
    if (di.kind != model::DiKind::shape || !frames.count(di.element)) continue;
    if (!di.label || !di.label->bounds) return std::nullopt;
    const model::Bounds& b = *di.label->bounds;
    auto same = [](double x, double y) { return std::fabs(x - y) < 0.5; };
    if (!same(b.x, di.bounds.x) || !same(b.y, di.bounds.y) || !same(b.height, di.bounds.height)) return std::nullopt;
    if (band >= 0 && !same(band, b.width)) return std::nullopt;
    band = b.width;
  }
  for (auto density : {layout::Density::compact, layout::Density::page})
    if (std::fabs(layout::title_band(density).width - band) < 0.5) return layout::title_band(density);
  return std::nullopt;
}

layout::TitleBand band_of(const model::Definitions& defs, const model::Diagram& d) {
  return drawn_band(defs, d).value_or(layout::title_band(layout::Density::screen));
}

// Printed whole on one page with its title block, from its diagram (its own, or print's tighter
// layout): written as it is, its pools and lanes told the title band print drew them with.
model::Definitions whole_page(model::Definitions defs, const Cut& cut) {
  if (std::fabs(cut.title_band - layout::title_band(layout::Density::screen).width) < 0.5) return defs;
  auto frames = frames_of(defs);
  for (auto& d : defs.diagrams) {
    if (d.plane.element != cut.plane) continue;
    for (auto& di : d.plane.elements)
      if (di.kind == model::DiKind::shape && frames.count(di.element)) keep_title_band(di, cut.title_band);
    break;
  }
  return defs;
}

}  // namespace

void shift(model::DiElement& di, double dx, double dy) {
  di.bounds.x += dx;
  di.bounds.y += dy;
  for (auto& w : di.waypoints) {
    w.x += dx;
    w.y += dy;
  }
  if (di.label && di.label->bounds) {
    di.label->bounds->x += dx;
    di.label->bounds->y += dy;
  }
}

model::Definitions write_cut(const Cut& cut, Lang lang, std::string& error) {
  model::Definitions defs = cut.source;
  if (cut.whole) return whole_page(defs, cut);
  for (const auto& link : cut.links)
    if (!add_link_pair(defs, link)) {
      // Print cuts only flows of a process's top level; a page would name events that are not there.
      error = fmt::format("the page cut is at flow '{}', which no process holds at its top level", link.flow);
      return {};
    }
  // The pages replace the diagram they were cut from; a sub-process's own diagram stays.
  std::vector<model::Diagram> kept;
  std::vector<model::LabelStyle> styles;
  for (auto& d : defs.diagrams) {
    if (d.plane.element == cut.plane) styles.insert(styles.end(), d.label_styles.begin(), d.label_styles.end());
    else kept.push_back(std::move(d));
  }
  defs.diagrams.clear();
  auto halves = first_halves(cut);
  auto frames = frames_of(defs);
  for (std::size_t p = 0; p < cut.pages.size(); ++p) defs.diagrams.push_back(page_diagram(cut, p, lang, halves, frames));
  if (!defs.diagrams.empty()) defs.diagrams.front().label_styles = std::move(styles);  // labels may refer to them
  for (auto& d : kept) defs.diagrams.push_back(std::move(d));
  return defs;
}

Attempt print_written_pages(const model::Definitions& defs, const Options& options, const PageSpec& spec, TextEngine& text) {
  Attempt out;
  double scale = std::min(0.75, spec.min_text_pt / spec.min_font_px);
  std::vector<Scene> pages;
  std::set<std::string> keys;
  bool handbook = false;
  std::string title, description;
  for (std::size_t p = 0; p < written_pages(defs); ++p) {
    Options page_options = options;
    layout::TitleBand band = band_of(defs, defs.diagrams[p]);
    page_options.title_band = band.width;
    page_options.title_lines = band.lines;
    page_options.title_across = band.across;
    page_options.title_block = false;
    page_options.legend = false;
    page_options.diagram = defs.diagrams[p].id;
    auto drawn = render_scene(defs, page_options, text);
    if (!drawn.error.empty()) {
      out.error = drawn.error;
      out.diagrams = drawn.diagrams;
      return out;
    }
    keys.insert(drawn.legend_keys.begin(), drawn.legend_keys.end());
    handbook = handbook || drawn.handbook;
    if (p == 0) {
      title = drawn.scene.title;
      description = drawn.scene.description;
    }
    pages.push_back(std::move(drawn.scene));
  }
  if (options.legend) out.legend_pages = place_legend(pages, keys, handbook, options, spec, scale, text);
  finish_pages(out, std::move(pages), title, description, options, spec, scale, text);
  return out;
}

}  // namespace print_detail

bool is_paged(const model::Definitions& defs) { return print_detail::written_pages(defs) > 0; }

void use_page_title_band(const model::Definitions& defs, Options& options) {
  for (const auto& d : defs.diagrams) {
    bool chosen = options.diagram.empty() ? !d.plane.elements.empty() : d.id == options.diagram || d.plane.element == options.diagram;
    if (!chosen) continue;
    auto drawn = print_detail::drawn_band(defs, d);
    if (!drawn) return;
    layout::TitleBand band = *drawn;
    options.title_band = band.width;
    options.title_lines = band.lines;
    options.title_across = band.across;
    return;
  }
}

}  // namespace syzba::render
