// The scene as SVG 1.1, written by hand so that the markup is ours: real <text> for labels,
// one <g> per BPMN element with data attributes, everything escaped, numbers short and stable.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "export/export.h"

namespace syzba::exporter {

namespace {

using render::Element;
using render::Scene;
using render::Shape;
using render::Text;

// v in hundredths, rounded as std::to_chars rounds v itself (its exact value to the nearest
// hundredth): v * 100 is within 1e-7 of the exact product below 1e7, so its nearest integer is
// the exact product's unless that is within 1e-6 of a half, where to_chars decides. The
// scene's coordinates are all such numbers, and to_chars costs ten times as much.
std::optional<long long> hundredths(double v) {
  if (!(std::fabs(v) < 1e7)) return std::nullopt;
  double scaled = v * 100, below = std::floor(scaled);
  if (std::fabs(scaled - below - 0.5) < 1e-6) return std::nullopt;
  return static_cast<long long>(scaled - below < 0.5 ? below : below + 1);
}

// Hundredths as append_num writes them: no trailing zeros, no point without decimals, no "-0".
void append_hundredths(std::string& out, long long n) {
  if (n < 0) out += '-', n = -n;
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, n / 100).ptr;
  if (long long cents = n % 100; cents != 0) {
    *end++ = '.';
    *end++ = static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) *end++ = static_cast<char>('0' + cents % 10);
  }
  out.append(buf, end);
}

// Two decimals at most, no trailing zeros, no "-0". std::to_chars rounds as printf's "%.2f"
// does (the exact value, to nearest), as fmt's "{:.2f}" did, in a tenth of the time.
void append_num(std::string& out, double v) {
  if (auto n = hundredths(v)) {
    append_hundredths(out, *n);
    return;
  }
  char buf[400];  // the longest fixed double: 309 digits, a sign, a point, 2 decimals
  auto [end, ec] = std::isfinite(v) ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2)
                                    : std::to_chars_result{buf, std::errc::value_too_large};
  if (ec != std::errc()) {
    out += '0';
    return;
  }
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, end);
}

std::string num(double v) {
  std::string s;
  append_num(s, v);
  return s;
}

std::string escape(std::string_view text) { return model::escape_markup(text); }

// Text to be escaped as markup.
struct Escaped {
  std::string_view text;
};

// The markup appended piece by piece to the one output string, with no string made for each
// number or attribute on the way (most of the writer's time when it did): text as it is,
// numbers as num() writes them, Escaped text escaped.
class Markup {
 public:
  explicit Markup(std::string& out) : out_(out) {}
  Markup& operator<<(std::string_view text) {
    out_ += text;
    return *this;
  }
  Markup& operator<<(char c) {
    out_ += c;
    return *this;
  }
  Markup& operator<<(double v) {
    append_num(out_, v);
    return *this;
  }
  Markup& operator<<(Escaped e) {
    // Most text (ids, colours, names) has nothing to escape: appended as it is, no string made.
    bool plain = std::none_of(e.text.begin(), e.text.end(), [](char c) {
      return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || static_cast<unsigned char>(c) < 0x20;
    });
    if (plain) out_ += e.text;
    else out_ += model::escape_markup(e.text);
    return *this;
  }

 private:
  std::string& out_;
};

void write_path_data(Markup& m, const Shape& s) {
  bool first = true;
  for (const auto& op : s.path) {
    if (!first) m << ' ';
    first = false;
    m << op.op;
    int n = op.op == 'C' ? 6 : op.op == 'Z' ? 0 : 2;
    for (int i = 0; i < n; ++i) {
      if (i > 0) m << ' ';
      m << op.v[i];
    }
  }
}

void write_paint(Markup& m, const Shape& s) {
  if (s.fill.empty()) m << " fill=\"none\"";
  else m << " fill=\"" << Escaped{s.fill} << '"';
  if (!s.fill.empty() && s.fill_opacity < 1) m << " fill-opacity=\"" << s.fill_opacity << '"';
  if (s.stroke.empty()) return;
  m << " stroke=\"" << Escaped{s.stroke} << "\" stroke-width=\"" << s.stroke_width << '"';
  if (!s.dash.empty()) {
    m << " stroke-dasharray=\"";
    for (std::size_t i = 0; i < s.dash.size(); ++i) {
      if (i > 0) m << ',';
      m << s.dash[i];
    }
    m << '"';
  }
  if (s.round_cap) m << " stroke-linecap=\"round\"";
}

void write_shape(Markup& m, const Shape& s) {
  switch (s.geometry) {
    case render::Geometry::rect:
      m << "<rect x=\"" << s.x << "\" y=\"" << s.y << "\" width=\"" << s.width << "\" height=\"" << s.height << '"';
      if (s.corner > 0) m << " rx=\"" << s.corner << '"';
      break;
    case render::Geometry::ellipse:
      m << "<circle cx=\"" << s.x + s.width / 2 << "\" cy=\"" << s.y + s.height / 2 << "\" r=\"" << s.width / 2 << '"';
      break;
    case render::Geometry::path:
      m << "<path d=\"";
      write_path_data(m, s);
      m << "\" stroke-linejoin=\"round\"";
      break;
  }
  write_paint(m, s);
  m << "/>\n";
}

void write_text(Markup& m, const Text& t) {
  m << "<text xml:space=\"preserve\" font-size=\"" << t.font_px << '"';
  if (t.bold) m << " font-weight=\"bold\"";
  m << " fill=\"" << Escaped{t.color} << '"';
  if (t.anchor == render::Anchor::middle) m << " text-anchor=\"middle\"";
  if (t.vertical) m << " transform=\"rotate(-90)\"";
  m << '>';
  for (const auto& line : t.lines)
    m << "<tspan x=\"" << line.x << "\" y=\"" << line.y << "\">" << Escaped{line.text} << "</tspan>";
  m << "</text>\n";
}

void write_element(std::string& out, const Element& e, const SvgOptions& options) {
  Markup m(out);
  std::string link = options.link && !e.id.empty() ? options.link(e) : "";
  if (!link.empty()) m << "<a href=\"" << Escaped{link} << "\" class=\"syzba-link\">\n";
  if (e.id.empty()) {
    m << "<g class=\"syzba-" << Escaped{e.type} << "\">\n";
  } else {
    m << "<g class=\"syzba-element\" data-element-id=\"" << Escaped{e.id} << "\" data-element-type=\"" << Escaped{e.type}
      << '"';
    if (!e.detail.empty()) m << " data-detail=\"" << Escaped{e.detail} << '"';
    m << ">\n";
    std::string tip = e.label;
    if (!e.detail.empty()) tip += (tip.empty() ? "" : " — ") + e.detail;
    if (!tip.empty()) m << "<title>" << Escaped{tip} << "</title>\n";
  }
  for (const auto& item : e.items) {
    if (const auto* shape = std::get_if<Shape>(&item)) write_shape(m, *shape);
    else write_text(m, std::get<Text>(item));
  }
  m << "</g>\n";
  if (!link.empty()) m << "</a>\n";
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
