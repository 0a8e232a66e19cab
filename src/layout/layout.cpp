// lay_out: which processes and collaborations need a diagram, and the phases run for each.
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "layout/graph.h"

namespace syzba::layout {
namespace {

// What gets a diagram of its own: each collaboration, and each process no participant shows
// (with a single collaboration, those are drawn in its diagram: see build_graph).
std::vector<std::string> diagram_targets(const model::Definitions& defs) {
  std::vector<std::string> targets;
  for (const auto& c : defs.collaborations) targets.push_back(c.id);
  if (defs.collaborations.size() == 1) return targets;
  for (const auto& p : defs.processes)
    if (!in_some_pool(defs, p.id)) targets.push_back(p.id);
  return targets;
}

bool finite(const model::Bounds& b) {
  return std::isfinite(b.x) && std::isfinite(b.y) && std::isfinite(b.width) && std::isfinite(b.height) && b.width >= 0 &&
         b.height >= 0;
}

// Why an existing diagram of the target cannot be kept ("" when it can): elements it leaves
// without a shape or edge, or numbers that are not numbers.
std::string undrawable(const model::Diagram& diagram) {
  for (const auto& e : diagram.plane.elements) {
    bool ok = e.kind == model::DiKind::shape ? finite(e.bounds) : e.waypoints.size() >= 2;
    for (const auto& w : e.waypoints) ok = ok && std::isfinite(w.x) && std::isfinite(w.y);
    if (!ok) return "the " + std::string(e.kind == model::DiKind::shape ? "shape" : "edge") + " of '" + e.element +
                    "' has bounds or waypoints that cannot be drawn";
  }
  return "";
}

std::string missing_elements(const model::Definitions& defs, const Graph& g) {
  std::unordered_map<std::string, const model::DiElement*> drawn;
  for (const auto& d : defs.diagrams)
    for (const auto& e : d.plane.elements) drawn.emplace(e.element, &e);
  // Inside a sub-process only when it is drawn expanded.
  auto shown = [&](const Item& item) {
    for (int c : item.containers) {
      auto it = drawn.find(g.items[c].id);
      if (it == drawn.end() || !it->second->is_expanded.value_or(false)) return false;
    }
    return true;
  };
  int missing = 0;
  std::string first;
  auto need = [&](const std::string& id) {
    if (drawn.count(id)) return;
    if (missing++ == 0) first = id;
  };
  for (const auto& item : g.items)
    if (shown(item)) need(item.id);
  for (const auto& link : g.links)
    if ((link.from < 0 || shown(g.items[link.from])) && (link.to < 0 || shown(g.items[link.to]))) need(link.id);
  for (const auto& band : g.bands)
    if (!band.element.empty()) need(band.element);
  if (missing == 0) return "";
  return std::to_string(missing) + " element(s) without a shape or edge, '" + first + "' the first";
}

// Sub-processes now drawn expanded in the new diagram lose their drill-down diagrams.
bool drills_into(const Graph& g, const model::Diagram& d) {
  for (const auto& item : g.items)
    if (item.expanded && d.plane.element == item.id) return true;
  return false;
}

}  // namespace

// On paper a pool without a process (a black box) is only as high as its name needs, written
// across it in a line or two: the page's height goes to the lanes that hold the work.
constexpr double black_box_on_paper = 44;

Spacing Spacing::compact() {
  // Measured on models/ (pages on A4 and A3 landscape): narrower gaps and lower lanes; tasks
  // wider only up to 140 px, taller after that; external labels wrapped at 80 px; titles in
  // three lines in a band 46 px wide, since long lane names are what makes lanes tall.
  TitleBand band = layout::title_band(Density::compact);
  Spacing spacing{36, 20, 12, 80, 80, 140, 80, band.width, band.lines, 1.2};
  spacing.black_box_band = black_box_on_paper;
  return spacing;
}

Spacing Spacing::page(Density density) {
  // Measured on models/ by parts on A4 landscape at 7 pt (pages and the text size): tasks up to
  // 200 px wide and from 50 px high (a long name in four lines rather than seven), lanes from
  // 50 px with 6 px of padding, gaps of 30 and 16 px, titles across a band of 120 px, events'
  // labels 100 px wide (a long one in three lines, not five: the lane is lower).
  TitleBand band = layout::title_band(Density::page_part);
  Spacing spacing{30, 16, 6, 50, 100, 200, 50, band.width, band.lines, 1.2};
  spacing.title_across = band.across;
  spacing.handoffs_in_column = density != Density::page;
  spacing.handoffs_up = density == Density::page_stacked || density == Density::page_densest;
  spacing.lane_twice_in_column = density == Density::page_densest;
  // A document's long name in four lines under it rather than nine.
  spacing.data_label_width = 180;
  spacing.black_box_band = black_box_on_paper;
  // An event's label, wider than the event, stays clear of the lane's title.
  spacing.content_inset = (spacing.label_width - 36) / 2;
  return spacing;
}

Spacing Spacing::of(Density density) {
  switch (density) {
    case Density::screen: break;
    case Density::compact: return compact();
    case Density::page_part:
    case Density::page_stacked:
    case Density::page_densest:
    case Density::page: return page(density);
  }
  return {};
}

TitleBand title_band(Density density) {
  switch (density) {
    case Density::screen: break;
    case Density::compact: return {46, 3};
    case Density::page_part:
    case Density::page_stacked:
    case Density::page_densest:
    case Density::page: return {120, 2, true};
  }
  return {size::title_band, 2};
}

Outcome lay_out(model::Definitions& defs, const Options& options) {
  Outcome outcome;
  std::unordered_set<std::string> taken;
  model::for_each_element(defs, [&](const model::BaseElement& e, model::ElementClass, std::string_view) {
    if (!e.id.empty()) taken.insert(e.id);
  });
  std::vector<model::Diagram> diagrams = options.relayout ? std::vector<model::Diagram>{} : defs.diagrams;
  for (auto& d : diagrams) {
    auto notes = repair_diagram(defs, d);
    outcome.notes.insert(outcome.notes.end(), notes.begin(), notes.end());
  }
  int counter = 1;
  Spacing spacing = Spacing::of(options.density);
  for (const auto& target : diagram_targets(defs)) {
    auto existing = std::find_if(diagrams.begin(), diagrams.end(), [&](const auto& d) { return d.plane.element == target; });
    if (existing != diagrams.end()) {
      std::string why = undrawable(*existing);
      if (why.empty()) {
        // Which elements the diagram lacks needs the graph's items, not their sizes: measured
        // by the estimate, as shaping every label with Pango would be most of a drawing's time.
        std::string missing = missing_elements(defs, build_graph(defs, target, estimate_text, spacing));
        // An empty plane is not the author's picture of anything: it is laid out.
        if (missing.empty() || (options.keep_incomplete && !existing->plane.elements.empty())) {
          if (!missing.empty())
            outcome.notes.push_back({"layout-incomplete", model::Severity::info, target, existing->pos.line,
                                     existing->pos.column, "the diagram of '" + target + "' is kept as it is: " + missing +
                                                               " will not be drawn"});
          outcome.kept.push_back(target);
          continue;
        }
        why = missing;
      }
      outcome.notes.push_back({"layout-replaced", model::Severity::info, target, existing->pos.line, existing->pos.column,
                               "the diagram of '" + target + "' is laid out again: " + why});
    }
    Graph g = build_graph(defs, target, options.measure, spacing);
    auto stopped = [&] { return options.stop && options.stop(); };
    for (auto phase : {rank_frames, order_frames, assign_rows, place, route_along_layers, route_messages, route}) {
      if (stopped()) return {{}, {}, std::move(outcome.notes), "stopped before the layout was finished (time limit)"};
      phase(g);
    }
    place_labels(g, options.measure);
    std::string id;
    do id = "BPMNDiagram_" + std::to_string(counter++);
    while (taken.count(id));
    model::Diagram diagram = to_diagram(g, taken, id);
    if (existing != diagrams.end()) *existing = std::move(diagram);
    else diagrams.push_back(std::move(diagram));
    std::erase_if(diagrams, [&](const auto& d) { return drills_into(g, d); });
    outcome.notes.insert(outcome.notes.end(), g.notes.begin(), g.notes.end());
    outcome.laid_out.push_back(target);
  }
  defs.diagrams = std::move(diagrams);
  return outcome;
}

}  // namespace syzba::layout
