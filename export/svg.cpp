// The scene as SVG 1.1, written by hand so that the markup is ours: real <text> for labels,
// one <g> per BPMN element with data attributes, everything escaped, numbers short and stable.
#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "export/export.h"

namespace syzba::exporter {

namespace {

using render::Element;
using render::Scene;
using render::Shape;
using render::Text;

// Two decimals at most, no trailing zeros, no "-0". std::to_chars rounds as printf's "%.2f"
// does (the exact value, to nearest), as fmt's "{:.2f}" did, in a tenth of the time.
std::string num(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[400];  // the longest fixed double: 309 digits, a sign, a point, 2 decimals
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  if (ec != std::errc()) return "0";
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  std::string s(buf, end);
  if (s == "-0") s = "0";
  return s;
}

std::string escape(std::string_view text) { return model::escape_markup(text); }

std::string path_data(const Shape& s) {
  std::string d;
  for (const auto& op : s.path) {
    if (!d.empty()) d += ' ';
    d += op.op;
    int n = op.op == 'C' ? 6 : op.op == 'Z' ? 0 : 2;
    for (int i = 0; i < n; ++i) {
      d += i == 0 ? "" : " ";
      d += num(op.v[i]);
    }
  }
  return d;
}

std::string paint(const Shape& s) {
  std::string a;
  a += s.fill.empty() ? " fill=\"none\"" : " fill=\"" + escape(s.fill) + "\"";
  if (!s.fill.empty() && s.fill_opacity < 1) a += " fill-opacity=\"" + num(s.fill_opacity) + "\"";
  if (s.stroke.empty()) return a;
  a += " stroke=\"" + escape(s.stroke) + "\" stroke-width=\"" + num(s.stroke_width) + "\"";
  if (!s.dash.empty()) {
    a += " stroke-dasharray=\"";
    for (std::size_t i = 0; i < s.dash.size(); ++i) a += (i ? "," : "") + num(s.dash[i]);
    a += "\"";
  }
  a += s.round_cap ? " stroke-linecap=\"round\"" : "";
  return a;
}

void write_shape(std::string& out, const Shape& s) {
  switch (s.geometry) {
    case render::Geometry::rect:
      out += "<rect x=\"" + num(s.x) + "\" y=\"" + num(s.y) + "\" width=\"" + num(s.width) + "\" height=\"" +
             num(s.height) + "\"";
      if (s.corner > 0) out += " rx=\"" + num(s.corner) + "\"";
      break;
    case render::Geometry::ellipse:
      out += "<circle cx=\"" + num(s.x + s.width / 2) + "\" cy=\"" + num(s.y + s.height / 2) + "\" r=\"" +
             num(s.width / 2) + "\"";
      break;
    case render::Geometry::path: out += "<path d=\"" + path_data(s) + "\" stroke-linejoin=\"round\""; break;
  }
  out += paint(s) + "/>\n";
}

void write_text(std::string& out, const Text& t) {
  out += "<text xml:space=\"preserve\" font-size=\"" + num(t.font_px) + "\"";
  if (t.bold) out += " font-weight=\"bold\"";
  out += " fill=\"" + escape(t.color) + "\"";
  if (t.anchor == render::Anchor::middle) out += " text-anchor=\"middle\"";
  if (t.vertical) out += " transform=\"rotate(-90)\"";
  out += ">";
  for (const auto& line : t.lines)
    out += "<tspan x=\"" + num(line.x) + "\" y=\"" + num(line.y) + "\">" + escape(line.text) + "</tspan>";
  out += "</text>\n";
}

void write_element(std::string& out, const Element& e, const SvgOptions& options) {
  std::string link = options.link && !e.id.empty() ? options.link(e) : "";
  if (!link.empty()) out += "<a href=\"" + escape(link) + "\" class=\"syzba-link\">\n";
  if (e.id.empty()) {
    out += "<g class=\"syzba-" + escape(e.type) + "\">\n";
  } else {
    out += "<g class=\"syzba-element\" data-element-id=\"" + escape(e.id) + "\" data-element-type=\"" +
           escape(e.type) + "\"";
    if (!e.detail.empty()) out += " data-detail=\"" + escape(e.detail) + "\"";
    out += ">\n";
    std::string tip = e.label;
    if (!e.detail.empty()) tip += (tip.empty() ? "" : " — ") + e.detail;
    if (!tip.empty()) out += "<title>" + escape(tip) + "</title>\n";
  }
  for (const auto& item : e.items) {
    if (const auto* shape = std::get_if<Shape>(&item)) write_shape(out, *shape);
    else write_text(out, std::get<Text>(item));
  }
  out += "</g>\n";
  if (!link.empty()) out += "</a>\n";
}

}  // namespace

std::string to_svg(const Scene& scene, const SvgOptions& options) {
  std::string out;
  out.reserve(scene.elements.size() * 600 + 1024);
  if (options.standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(scene.width) + "\" height=\"" +
         num(scene.height) + "\" viewBox=\"0 0 " + num(scene.width) + " " + num(scene.height) +
         "\" role=\"img\" aria-labelledby=\"syzba-title syzba-desc\" xml:lang=\"" + escape(scene.lang) +
         "\" font-family=\"" + escape(scene.font_family) + "\">\n";
  out += "<title id=\"syzba-title\">" + escape(scene.title) + "</title>\n";
  out += "<desc id=\"syzba-desc\">" + escape(scene.description) + "</desc>\n";
  out += "<rect width=\"" + num(scene.width) + "\" height=\"" + num(scene.height) + "\" fill=\"" +
         escape(scene.background) + "\"/>\n";
  for (const auto& e : scene.elements) write_element(out, e, options);
  out += "</svg>\n";
  return out;
}

std::string_view extension(Format format) {
  return format == Format::svg ? "svg" : format == Format::pdf ? "pdf" : "png";
}

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "svg") return Format::svg;
  if (name == "pdf") return Format::pdf;
  if (name == "png") return Format::png;
  return std::nullopt;
}

std::optional<Format> format_from_path(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext;
  for (char c : path.substr(dot + 1)) ext += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return format_from_name(ext);
}

std::optional<PageSize> page_from_name(std::string_view name) {
  if (name == "fit") return PageSize::fit;
  if (name == "A4" || name == "a4") return PageSize::a4;
  if (name == "A3" || name == "a3") return PageSize::a3;
  return std::nullopt;
}

}  // namespace syzba::exporter
