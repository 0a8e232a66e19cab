// render_scene: one BPMN diagram to a scene — the title block, the diagram in drawing order
// (pools, lanes, containers, nodes, flows, boundary events), and the legend under it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "render/draw.h"
#include "render/legend.h"

namespace syzba::render {

namespace {

using Points = std::vector<std::pair<double, double>>;
constexpr double margin = 20;

constexpr std::string_view color_ns = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";
constexpr std::string_view bioc_ns = "http://bpmn.io/schema/bpmn/biocolor/1.0";

// CSS colour names as bpmn.io's colour picker and other tools write them.
constexpr std::pair<std::string_view, std::string_view> named_colors[] = {
    {"black", "#000000"}, {"white", "#ffffff"}, {"red", "#ff0000"}, {"green", "#008000"}, {"blue", "#0000ff"},
    {"yellow", "#ffff00"}, {"orange", "#ffa500"}, {"purple", "#800080"}, {"gray", "#808080"}, {"grey", "#808080"},
    {"silver", "#c0c0c0"}, {"maroon", "#800000"}, {"olive", "#808000"}, {"lime", "#00ff00"}, {"aqua", "#00ffff"},
    {"cyan", "#00ffff"}, {"teal", "#008080"}, {"navy", "#000080"}, {"fuchsia", "#ff00ff"}, {"magenta", "#ff00ff"},
    {"pink", "#ffc0cb"}, {"brown", "#a52a2a"}, {"gold", "#ffd700"}, {"beige", "#f5f5dc"}, {"ivory", "#fffff0"},
    {"khaki", "#f0e68c"}, {"lavender", "#e6e6fa"}, {"salmon", "#fa8072"}, {"coral", "#ff7f50"}, {"tomato", "#ff6347"},
    {"violet", "#ee82ee"}, {"indigo", "#4b0082"}, {"turquoise", "#40e0d0"}, {"tan", "#d2b48c"},
    {"darkblue", "#00008b"}, {"darkgreen", "#006400"}, {"darkred", "#8b0000"}, {"darkgray", "#a9a9a9"},
    {"darkgrey", "#a9a9a9"}, {"darkorange", "#ff8c00"}, {"lightblue", "#add8e6"}, {"lightgreen", "#90ee90"},
    {"lightgray", "#d3d3d3"}, {"lightgrey", "#d3d3d3"}, {"lightyellow", "#ffffe0"}, {"lightpink", "#ffb6c1"},
    {"lightcyan", "#e0ffff"}, {"whitesmoke", "#f5f5f5"}, {"gainsboro", "#dcdcdc"}, {"steelblue", "#4682b4"},
    {"skyblue", "#87ceeb"}, {"royalblue", "#4169e1"}, {"forestgreen", "#228b22"}, {"seagreen", "#2e8b57"},
    {"crimson", "#dc143c"}, {"firebrick", "#b22222"}, {"chocolate", "#d2691e"}, {"orchid", "#da70d6"},
    {"plum", "#dda0dd"}, {"wheat", "#f5deb3"}, {"linen", "#faf0e6"}, {"honeydew", "#f0fff0"}, {"mintcream", "#f5fffa"},
    {"aliceblue", "#f0f8ff"}, {"lemonchiffon", "#fffacd"}, {"palegreen", "#98fb98"}, {"greenyellow", "#adff2f"},
};

struct Color {
  std::string hex;  // #rrggbb; "" when unreadable
  double alpha = 1;
};

// A colour from a DI extension: #rgb, #rrggbb, rgb(), rgba() or a CSS name; anything else is
// ignored rather than written out.
Color css_color(std::string_view raw) {
  std::string v = model::lowercase(raw);
  v.erase(std::remove(v.begin(), v.end(), ' '), v.end());
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  if (v.size() == 7 && v[0] == '#' && std::all_of(v.begin() + 1, v.end(), hex)) return {v};
  if (v.size() == 4 && v[0] == '#' && std::all_of(v.begin() + 1, v.end(), hex))
    return {fmt::format("#{0}{0}{1}{1}{2}{2}", v[1], v[2], v[3])};
  for (auto [name, value] : named_colors)
    if (v == name) return {std::string(value)};
  int r, g, b, n = 0;
  double a = 1;
  auto byte = [](int c) { return c >= 0 && c < 256; };
  if (std::sscanf(v.c_str(), "rgb(%d,%d,%d)%n", &r, &g, &b, &n) == 3 && n == static_cast<int>(v.size()) && byte(r) &&
      byte(g) && byte(b))
    return {fmt::format("#{:02x}{:02x}{:02x}", r, g, b)};
  n = 0;
  if (std::sscanf(v.c_str(), "rgba(%d,%d,%d,%lf)%n", &r, &g, &b, &a, &n) == 4 && n == static_cast<int>(v.size()) &&
      byte(r) && byte(g) && byte(b) && a >= 0 && a <= 1)
    return {fmt::format("#{:02x}{:02x}{:02x}", r, g, b), a};
  return {};
}

// A translucent stroke or text colour as the same colour laid over white (our scene has no
// stroke opacity).
std::string over_white(const Color& c) {
  if (c.alpha >= 1 || c.hex.empty()) return c.hex;
  auto channel = [&](int i) {
    int v = std::stoi(c.hex.substr(1 + 2 * i, 2), nullptr, 16);
    return static_cast<int>(std::lround(255 - (255 - v) * c.alpha));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", channel(0), channel(1), channel(2));
}

Color extension_color(const model::Extras& extras, std::string_view ns, std::string_view local) {
  for (const auto& a : extras.attributes) {
    auto colon = a.qname.find(':');
    std::string_view name = colon == std::string::npos ? std::string_view(a.qname) : std::string_view(a.qname).substr(colon + 1);
    if (a.ns == ns && name == local) return css_color(a.value);
  }
  return {};
}

Palette palette_for(const model::DiElement& di, Theme theme) {
  Palette p;
  if (theme == Theme::black_and_white) {
    p.stroke = p.label = "#000000";
    p.muted = "#000000";
    p.fill_opacity = 1;
    return p;
  }
  // bioc: first, so that color: (the OMG's, which bpmn-js prefers) wins where both are given.
  for (auto [ns, fill, stroke] : {std::tuple{bioc_ns, "fill", "stroke"},
                                  std::tuple{color_ns, "background-color", "border-color"}}) {
    if (auto c = extension_color(di.extras, ns, fill); !c.hex.empty()) {
      p.fill = c.hex;
      p.fill_opacity = c.alpha < 1 ? c.alpha : p.fill_opacity;
    }
    if (auto c = extension_color(di.extras, ns, stroke); !c.hex.empty()) p.stroke = p.label = over_white(c);
  }
  if (di.label)
    if (auto c = extension_color(di.label->extras, color_ns, "color"); !c.hex.empty()) p.label = over_white(c);
  return p;
}

bool finite(double v) { return std::isfinite(v) && std::fabs(v) < 1e7; }

bool finite(const model::Bounds& b) {
  return finite(b.x) && finite(b.y) && finite(b.width) && finite(b.height) && b.width >= 0 && b.height >= 0;
}

Box rounded(const model::Bounds& b) {
  return {std::round(b.x), std::round(b.y), std::round(b.width), std::round(b.height)};
}

// Drawing order, as bpmn-js stacks its layers: containers under what they contain.
int layer(const Subject& s, const model::DiElement& di) {
  if (s.type == "participant") return 0;
  if (s.type == "lane") return 1;
  if (s.type == "group") return 8;
  if (s.node && (model::is_sub_process(s.node->kind) || s.node->kind == model::NodeKind::call_activity) &&
      di.is_expanded.value_or(false))
    return 2;
  if (di.kind == model::DiKind::edge) return 20;
  if (s.type == "boundaryEvent") return 30;
  return 10;
}

struct Extent {
  double min_x = std::numeric_limits<double>::max(), min_y = std::numeric_limits<double>::max();
  double max_x = std::numeric_limits<double>::lowest(), max_y = std::numeric_limits<double>::lowest();
  void add(double x, double y) {
    min_x = std::min(min_x, x); min_y = std::min(min_y, y);
    max_x = std::max(max_x, x); max_y = std::max(max_y, y);
  }
  bool empty() const { return min_x > max_x; }
};

// The page area an item covers (text by its measured lines; a line box is 1.2 em).
void add_item(Extent& extent, const Item& item) {
  if (const auto* shape = std::get_if<Shape>(&item)) {
    if (shape->geometry != Geometry::path) {
      double pad = shape->stroke.empty() ? 0 : shape->stroke_width / 2;
      extent.add(shape->x - pad, shape->y - pad);
      extent.add(shape->x + shape->width + pad, shape->y + shape->height + pad);
    }
    for (const auto& op : shape->path)
      for (int i = 0; i + 1 < (op.op == 'C' ? 6 : op.op == 'Z' ? 0 : 2); i += 2) extent.add(op.v[i], op.v[i + 1]);
    return;
  }
  const Text& t = std::get<Text>(item);
  for (const auto& l : t.lines) {
    double left = t.anchor == Anchor::middle ? l.x - l.width / 2 : l.x;
    double top = l.y - t.font_px, bottom = l.y + t.font_px * 0.3;
    if (t.vertical) {  // frame (x', y') lies at page (y', −x')
      extent.add(top, -(left + l.width));
      extent.add(bottom, -left);
    } else {
      extent.add(left, top);
      extent.add(left + l.width, bottom);
    }
  }
}


const model::Diagram* choose_diagram(const model::Definitions& defs, const std::string& wanted) {
  for (const auto& d : defs.diagrams)
    if (!wanted.empty() && (d.id == wanted || d.plane.element == wanted)) return &d;
  if (!wanted.empty()) return nullptr;
  for (const auto& d : defs.diagrams)
    if (!d.plane.elements.empty()) return &d;
  // A model with nothing in it (an empty process) is drawn as what it is: an empty page.
  return defs.diagrams.empty() ? nullptr : &defs.diagrams.front();
}

const model::ServiceInfo* service_of(const model::Definitions& defs) {
  if (defs.service) return &*defs.service;
  for (const auto& p : defs.processes)
    if (p.service) return &*p.service;
  return nullptr;
}

std::string_view term_caption(Lang lang) {
  return lang == Lang::kk ? "Мемлекеттік қызмет көрсету мерзімі" : lang == Lang::ru ? "Срок оказания государственной услуги"
                                                                                      : "Service term";
}

// Title block: the service name, then its source and declared term in smaller type.
Element title_block(const model::Definitions& defs, const Options& options, TextEngine& text, double width,
                    const Palette& p, double& height) {
  Element e{"", "title"};
  const model::ServiceInfo* service = service_of(defs);
  std::string title = !options.title.empty() ? options.title
                      : service && !service->name.empty() ? service->name
                                                          : defs.name;
  e.label = title;
  double y = margin;
  if (!title.empty()) {
    Text t = text_block(text, title, 16, true, 0, y, width - 2 * margin, 4, p.label);
    t.anchor = Anchor::start;
    for (auto& l : t.lines) l.x = margin;
    y += static_cast<double>(t.lines.size()) * 16 * 1.2 + 4;
    e.items.emplace_back(std::move(t));
  }
  std::vector<std::string> details;
  if (service) {
    std::string source;
    for (const auto& part : {service->regulation, service->appendix, service->source})
      if (!part.empty()) source += (source.empty() ? "" : " · ") + part;
    if (!source.empty()) details.push_back(source);
    if (service->term)
      details.push_back(fmt::format("{}: {}", term_caption(options.lang),
                                    service->term->text.empty() ? short_duration(*service->term, options.lang)
                                                                : service->term->text));
  }
  for (const auto& d : details) {
    Text t = text_block(text, d, 11, false, 0, y, width - 2 * margin, 3, p.muted);
    t.anchor = Anchor::start;
    for (auto& l : t.lines) l.x = margin;
    y += static_cast<double>(t.lines.size()) * 11 * 1.2 + 2;
    e.items.emplace_back(std::move(t));
  }
  height = e.items.empty() ? 0 : y - margin + 12;
  return e;
}

std::string detail_of(const Subject& s, Lang lang) {
  std::string d = s.performer;
  if (s.duration) d += (d.empty() ? "" : " · ") + short_duration(*s.duration, lang);
  return d;
}

std::string describe(const Scene& scene, std::size_t tasks, std::size_t conditions, Lang lang) {
  switch (lang) {
    case Lang::kk: return fmt::format("{} — BPMN диаграммасы: {} іс-қимыл, {} шарт", scene.title, tasks, conditions);
    case Lang::ru: return fmt::format("{} — диаграмма BPMN: действий {}, условий {}", scene.title, tasks, conditions);
    case Lang::en: break;
  }
  return fmt::format("{} — BPMN diagram: {} actions, {} conditions", scene.title, tasks, conditions);
}

}  // namespace

std::optional<Lang> lang_from_name(std::string_view name) {
  if (name == "kk") return Lang::kk;
  if (name == "ru") return Lang::ru;
  if (name == "en") return Lang::en;
  return std::nullopt;
}

std::optional<Theme> theme_from_name(std::string_view name) {
  if (name == "default" || name == "standard") return Theme::standard;
  if (name == "bw" || name == "black-and-white") return Theme::black_and_white;
  return std::nullopt;
}

Outcome render_scene(const model::Definitions& defs, const Options& options, TextEngine& text) {
  Outcome outcome;
  for (const auto& d : defs.diagrams) outcome.diagrams.push_back(d.id);
  const model::Diagram* diagram = choose_diagram(defs, options.diagram);
  if (!diagram) {
    outcome.error = options.diagram.empty() ? "the file has no diagram to draw (no BPMNDiagram with shapes)"
                                            : "no diagram '" + options.diagram + "' (neither a BPMNDiagram id nor the element one draws)";
    return outcome;
  }
  if (diagram->plane.elements.empty())
    outcome.warning = "the diagram '" + diagram->id + "' draws nothing (the model holds no element to draw): the picture is empty";
  Catalog catalog = make_catalog(defs);
  Palette page_colors = page_palette(options.theme);

  // What is drawn, in drawing order.
  struct Entry {
    const model::DiElement* di;
    const Subject* subject;
    int pool;  // bpmn-js draws each participant with its contents, in the collaboration's order
    int layer;
    double area;
  };
  std::unordered_map<std::string_view, int> pool_order;
  for (const auto& col : defs.collaborations)
    for (const auto& p : col.participants) pool_order.emplace(p.id, static_cast<int>(pool_order.size()));
  // After the participants: message flows and the collaboration's artifacts; before them, a
  // process no participant draws (its elements drawn in the plane all the same).
  auto pool_of = [&](const Subject& s) {
    if (s.pool == collaboration_level) return std::numeric_limits<int>::max();
    auto it = pool_order.find(s.pool);
    return it == pool_order.end() ? -1 : it->second;
  };
  std::vector<Entry> entries;
  // What a collapsed sub-process holds is not drawn on its plane (bpmn-js hides it there).
  std::set<std::string> collapsed;
  for (const auto& di : diagram->plane.elements) {
    auto it = catalog.find(di.element);
    if (it != catalog.end() && di.kind == model::DiKind::shape && it->second.node &&
        (model::is_sub_process(it->second.node->kind) || it->second.node->kind == model::NodeKind::call_activity) &&
        !di.is_expanded.value_or(false))
      collapsed.insert(di.element);
  }
  auto hidden = [&](const Subject& s) {
    std::size_t depth = 0;  // a bound against a cycle of parents
    for (const Subject* p = &s; !p->parent.empty() && depth++ < 1000;) {
      if (collapsed.count(p->parent)) return true;
      auto up = catalog.find(p->parent);
      if (up == catalog.end()) break;
      p = &up->second;
    }
    return false;
  };
  for (const auto& di : diagram->plane.elements) {
    auto it = catalog.find(di.element);
    if (it == catalog.end()) continue;  // DI pointing nowhere: check reports it
    if (!collapsed.empty() && hidden(it->second)) continue;
    if (di.kind == model::DiKind::shape) {
      if (!finite(di.bounds)) continue;
    } else {
      bool ok = di.waypoints.size() >= 2 &&
                std::all_of(di.waypoints.begin(), di.waypoints.end(), [](const auto& w) { return finite(w.x) && finite(w.y); });
      if (!ok) continue;
    }
    entries.push_back({&di, &it->second, pool_of(it->second), layer(it->second, di), di.bounds.width * di.bounds.height});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.pool != b.pool) return a.pool < b.pool;
    if (a.layer != b.layer) return a.layer < b.layer;
    return a.layer == 2 && a.area > b.area;  // outer sub-processes first
  });

  Scene& scene = outcome.scene;
  scene.lang = options.lang == Lang::kk ? "kk" : options.lang == Lang::ru ? "ru" : "en";
  scene.font_family = std::string(TextEngine::css_family());
  scene.pango_family = std::string(TextEngine::pango_family());
  std::vector<Element> drawn;
  Extent drawing;
  std::set<std::string> used;
  std::size_t tasks = 0, conditions = 0;
  bool message_flows = false, lanes = false;
  for (const Entry& entry : entries) {
    const model::DiElement& di = *entry.di;
    const Subject& s = *entry.subject;
    Palette palette = palette_for(di, options.theme);
    DrawContext ctx{text, options.lang, options.durations, di.is_expanded.value_or(false),
                    di.is_marker_visible.value_or(false), di.is_horizontal.value_or(true),
                    attribute_value(di.extras, "messageVisibleKind"), options.title_band, options.title_lines,
                    options.title_across};
    Element e{s.id, s.type, displayable(s.name, 300), displayable(detail_of(s, options.lang), 300)};
    if (di.kind == model::DiKind::shape) {
      // Whole pixels, as bpmn-js rounds the bounds it imports (shapes and labels alike).
      Box box{std::round(di.bounds.x), std::round(di.bounds.y), std::round(di.bounds.width), std::round(di.bounds.height)};
      draw_shape(ctx, s, box, palette, e);
      if (has_external_label(s.type) && !s.name.empty()) {
        bool placed = di.label && di.label->bounds && finite(*di.label->bounds);
        Box label = placed ? rounded(*di.label->bounds)
                    : s.type == "group" ? Box{box.x + box.width / 2 - 45, box.y, 90, 20}  // top centre, inside
                                        : default_label_box(box);
        draw_external_label(ctx, s.name, label, placed, palette, e);
      }
    } else {
      Points points;
      for (const auto& w : di.waypoints) points.emplace_back(w.x, w.y);
      draw_edge(ctx, s, points, palette, e);
      if (message_shown(ctx, s)) draw_message_marker(ctx, s, points, palette, e);
      if (!s.name.empty()) {
        bool placed = di.label && di.label->bounds && finite(*di.label->bounds);
        Box label = placed ? rounded(*di.label->bounds) : default_label_box(points);
        draw_external_label(ctx, s.name, label, placed, palette, e);
      }
    }
    used.insert(legend_key(s, ctx));
    if (s.node)
      for (auto& k : marker_keys(*s.node)) used.insert(k);
    if (s.node && model::is_activity(s.node->kind)) ++tasks;
    if (s.node && s.node->kind == model::NodeKind::exclusive_gateway) ++conditions;
    message_flows = message_flows || s.type == "messageFlow";
    lanes = lanes || s.type == "lane";
    for (const auto& item : e.items) add_item(drawing, item);
    drawn.push_back(std::move(e));
  }
  if (drawing.empty()) drawing.add(0, 0);

  // The title block above the drawing, the drawing shifted under it, the legend below.
  double page_w = std::max(drawing.max_x - drawing.min_x + 2 * margin, 480.0);
  double title_h = 0;
  Element title = title_block(defs, options, text, page_w, page_colors, title_h);
  scene.title = displayable(title.label, 300);
  if (!options.title_block) {
    title.items.clear();
    title_h = 0;
  }
  if (!title.items.empty()) scene.elements.push_back(std::move(title));
  // By whole pixels, so that lines drawn on whole pixels stay there.
  double dx = margin - std::floor(drawing.min_x), dy = std::ceil(margin + title_h) - std::floor(drawing.min_y);
  outcome.dx = dx;
  outcome.dy = dy;
  for (auto& e : drawn) {
    translate(e, dx, dy);
    scene.elements.push_back(std::move(e));
  }

  double bottom = dy + drawing.max_y + margin;
  double width = page_w;
  outcome.legend_keys = used;
  outcome.handbook = lanes && !message_flows;
  if (options.legend) {
    used.insert(options.legend_keys.begin(), options.legend_keys.end());
    auto rows = legend_rows(used, outcome.handbook || options.handbook_legend, options.lang);
    LegendBox legend = draw_legend(rows, margin, bottom, std::max(page_w - 2 * margin, 320.0), text, options.lang, page_colors);
    if (!rows.empty()) {
      bottom += legend.height + margin;
      width = std::max(width, legend.width + 2 * margin);
      scene.elements.push_back(std::move(legend.element));
    }
  }
  scene.width = std::ceil(width);
  scene.height = std::ceil(bottom);
  scene.description = describe(scene, tasks, conditions, options.lang);
  return outcome;
}

Palette page_palette(Theme theme) { return palette_for(model::DiElement{}, theme); }

}  // namespace syzba::render
