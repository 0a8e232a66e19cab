// TextEngine: Pango over fontconfig, with metrics unhinted so that widths are the same at
// every scale and in every output (SVG, PDF, PNG). Lines are returned as strings so that SVG
// and Cairo draw exactly the same line breaks.
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include <map>
#include <unordered_map>
#include <mutex>

#include "render/render.h"

namespace syzba::render {

namespace {

// Liberation Sans has Arial's metrics (what bpmn-js measures with); the others cover Kazakh
// where it is missing.
constexpr std::string_view pango_families = "Liberation Sans,Arial,Noto Sans,DejaVu Sans,sans-serif";
constexpr std::string_view css_families = "'Liberation Sans', Arial, 'Noto Sans', 'DejaVu Sans', sans-serif";
constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // …

// The folders of the fonts syzba draws with (Debian's paths), and where fontconfig keeps its
// caches. Loading the system configuration reads some fifty files of rules and the caches of
// every installed font, most of a small drawing's time; a configuration of these folders
// alone reads three caches. Without Liberation Sans here (another system), the system's
// configuration is used as it is.
constexpr std::string_view font_folders[] = {
    "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/truetype/dejavu"};
constexpr std::string_view anchor_font = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";

FcConfig* syzba_font_config() {
  if (access(std::string(anchor_font).c_str(), R_OK) != 0) return nullptr;
  std::string xml = "<?xml version=\"1.0\"?><fontconfig>";
  for (std::string_view folder : font_folders) xml += fmt::format("<dir>{}</dir>", folder);
  xml += "<selectfont><rejectfont><glob>/usr/share/fonts/truetype/noto/NotoS*-*</glob></rejectfont><acceptfont><glob>/usr/share/fonts/truetype/noto/NotoSans-*</glob></acceptfont></selectfont>";
  xml += "<cachedir>/var/cache/fontconfig</cachedir><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
  FcConfig* config = FcConfigCreate();
  if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()), FcFalse) ||
      !FcConfigBuildFonts(config)) {
    FcConfigDestroy(config);
    return nullptr;
  }
  return config;
}

// Fontconfig's current configuration is the process's (Pango's default font map, which the
// PDF and PNG writers draw with, takes it too), so it is chosen once, before any font is
// looked up.
void use_syzba_fonts() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (getenv("SYZBA_SYSTEM_FONTS") != nullptr) return;
    if (FcConfig* config = syzba_font_config()) FcConfigSetCurrent(config), FcConfigDestroy(config);
  });
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The letter or digit class of the code point starting at s[i] (ASCII and any non-ASCII
// letter count; spaces and punctuation do not).
bool word_char_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  auto c = static_cast<unsigned char>(s[i]);
  if (c >= 0x80) return true;
  return std::isalnum(c) != 0;
}

std::size_t previous_char(std::string_view s, std::size_t end) {
  if (end == 0) return 0;
  std::size_t i = end - 1;
  while (i > 0 && is_continuation(static_cast<unsigned char>(s[i]))) --i;
  return i;
}

}  // namespace

// Text with the controls that would reorder or hide it on screen removed: bidi embeddings,
// overrides and isolates (a label must read as it is stored) and other format controls.
std::string displayable(std::string_view text, std::size_t max_chars, bool keep_line_breaks) {
  std::size_t chars = 0;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, text.size() - i);
    std::string_view ch = text.substr(i, len);
    i += len;
    if (max_chars > 0 && ++chars > max_chars) {
      out += ellipsis;
      break;
    }
    if (len == 1 && (c < 0x20 || c == 0x7F)) {
      if (c == '\r' && i < text.size() && text[i] == '\n') continue;  // CR LF: one break
      // An author's line break is kept where the label is wrapped (bpmn-js keeps it too);
      // other controls, and line breaks in one-line places, become spaces.
      out += keep_line_breaks && (c == '\n' || c == '\r') ? '\n' : ' ';
      continue;
    }
    if (ch == "\xE2\x80\xAA" || ch == "\xE2\x80\xAB" || ch == "\xE2\x80\xAC" || ch == "\xE2\x80\xAD" ||
        ch == "\xE2\x80\xAE" || ch == "\xE2\x81\xA6" || ch == "\xE2\x81\xA7" || ch == "\xE2\x81\xA8" ||
        ch == "\xE2\x81\xA9" || ch == "\xE2\x80\x8E" || ch == "\xE2\x80\x8F" || ch == "\xEF\xBB\xBF")
      continue;
    out += ch;
  }
  return out;
}

struct TextEngine::Impl {
  PangoFontMap* font_map = nullptr;
  PangoContext* context = nullptr;
  PangoLayout* layout = nullptr;
  std::map<std::pair<int, bool>, PangoFontDescription*> fonts;  // by size in 1/64 px, weight
  // Shaping text is most of a drawing's time, and the same labels come again and again (the
  // layout measures what the renderer wraps; a server draws the same diagrams; the modeler
  // redraws a model that changed by one word): blocks already wrapped, by text and box.
  // Bounded: emptied when it holds too many.
  std::unordered_map<std::string, TextBlock> wrapped;
  std::unordered_map<std::string, bool> covered;
  static constexpr std::size_t cache_limit = 20'000;

  Impl() {
    use_syzba_fonts();
    font_map = pango_cairo_font_map_new();
    context = pango_font_map_create_context(font_map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context, 96);
    layout = pango_layout_new(context);
  }
  ~Impl() {
    for (auto& [key, font] : fonts) pango_font_description_free(font);
    g_object_unref(layout);
    g_object_unref(context);
    g_object_unref(font_map);
  }

  PangoFontDescription* font(double px, bool bold) {
    auto key = std::make_pair(static_cast<int>(std::lround(px * 64)), bold);
    auto it = fonts.find(key);
    if (it != fonts.end()) return it->second;
    PangoFontDescription* d = pango_font_description_from_string(std::string(pango_families).c_str());
    pango_font_description_set_absolute_size(d, px * PANGO_SCALE);
    pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    fonts.emplace(key, d);
    return d;
  }

  void set(std::string_view text, double px, bool bold, double max_width) {
    pango_layout_set_font_description(layout, font(px, bold));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    // Pango counts in 1/1024 px in an int: widths from hostile DI (1e7 px, NaN) are bounded.
    bool bounded = max_width > 0 && std::isfinite(max_width);
    pango_layout_set_width(layout, bounded ? static_cast<int>(std::min(max_width, 1e6) * PANGO_SCALE) : -1);
    // Hyphens are added by us where a word is broken, so the line strings carry them.
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  }

  double width_of(std::string_view text, double px, bool bold) {
    set(text, px, bold, -1);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
  }

  // Baseline of a line within its line box of 1.2 em: the font's ascent and descent centred.
  double baseline(double px, bool bold) {
    PangoFontMetrics* m = pango_context_get_metrics(context, font(px, bold), nullptr);
    double ascent = static_cast<double>(pango_font_metrics_get_ascent(m)) / PANGO_SCALE;
    double descent = static_cast<double>(pango_font_metrics_get_descent(m)) / PANGO_SCALE;
    pango_font_metrics_unref(m);
    return (px * 1.2 - (ascent + descent)) / 2 + ascent;
  }
};

// Pango keeps state in its font map; one engine is used by one thread at a time.
TextEngine::TextEngine() : impl_(std::make_unique<Impl>()) {}
TextEngine::~TextEngine() = default;

std::string_view TextEngine::pango_family() { return pango_families; }
std::string_view TextEngine::css_family() { return css_families; }

TextBlock TextEngine::wrap(std::string_view raw, double font_px, bool bold, double max_width, int max_lines) {
  font_px = this->font_px(font_px);
  std::string key(raw);
  key += fmt::format("\x1f{}\x1f{}\x1f{}\x1f{}", font_px, bold, max_width, max_lines);
  if (auto it = impl_->wrapped.find(key); it != impl_->wrapped.end()) return it->second;
  TextBlock block = wrap_uncached(raw, font_px, bold, max_width, max_lines);
  if (impl_->wrapped.size() >= Impl::cache_limit) impl_->wrapped.clear();
  impl_->wrapped.emplace(std::move(key), block);
  return block;
}

TextBlock TextEngine::wrap_uncached(std::string_view raw, double font_px, bool bold, double max_width, int max_lines) {
  TextBlock block;
  // Pango lays out all it is given, and breaking a very long word into lines costs more than
  // linear time: give it no more characters than the lines asked for can show (a character is
  // at least a third of the font size wide), and at most 4,000 when any number of lines will do.
  double per_line = max_width > 0 && std::isfinite(max_width) && font_px > 0 ? std::min(max_width, 1e6) / (font_px / 3) + 2 : 4000;
  auto cap = static_cast<std::size_t>(max_lines > 0 ? std::min(max_lines * per_line, 4000.0) : 4000.0);
  std::string text = displayable(raw, cap, true);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  if (text.empty()) return block;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte start, length
  Impl& m = *impl_;
  m.set(text, font_px, bold, max_width);
  PangoLayoutIter* iter = pango_layout_get_iter(m.layout);
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    spans.emplace_back(static_cast<std::size_t>(line->start_index), static_cast<std::size_t>(line->length));
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);

  double base = m.baseline(font_px, bold);
  std::size_t count = spans.size();
  if (max_lines > 0 && count > static_cast<std::size_t>(max_lines)) {
    count = static_cast<std::size_t>(max_lines);
    block.truncated = true;
  }
  for (std::size_t i = 0; i < count; ++i) {
    auto [start, length] = spans[i];
    std::string line = text.substr(start, length);
    std::size_t end = start + length;
    bool broken_word = i + 1 < spans.size() && end > 0 && word_char_at(text, previous_char(text, end)) &&
                       word_char_at(text, end);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (block.truncated && i + 1 == count) {
      // Drop characters until the line and its ellipsis fit.
      while (!line.empty() && m.width_of(line + std::string(ellipsis), font_px, bold) > max_width)
        line.erase(previous_char(line, line.size()));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      line += ellipsis;
    } else if (broken_word) {
      line += '-';
    }
    double width = m.width_of(line, font_px, bold);
    block.width = std::max(block.width, width);
    block.lines.push_back({std::move(line), 0, base + static_cast<double>(i) * line_height(font_px), width});
  }
  block.height = static_cast<double>(block.lines.size()) * line_height(font_px);
  return block;
}

bool TextEngine::covers(std::string_view text) {
  if (auto it = impl_->covered.find(std::string(text)); it != impl_->covered.end()) return it->second;
  impl_->set(text, 12, false, -1);
  bool all = pango_layout_get_unknown_glyphs_count(impl_->layout) == 0;
  if (impl_->covered.size() >= Impl::cache_limit) impl_->covered.clear();
  impl_->covered.emplace(std::string(text), all);
  return all;
}

layout::MeasureText TextEngine::measure() {
  return [this](std::string_view text, double font_px, double max_width) {
    TextBlock b = wrap(text, font_px, false, max_width);
    return layout::TextSize{b.width, b.height};
  };
}

}  // namespace syzba::render
