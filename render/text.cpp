// TextEngine: Pango over fontconfig, with metrics unhinted so that widths are the same at
// every scale and in every output (SVG, PDF, PNG). Lines are returned as strings so that SVG
// and Cairo draw exactly the same line breaks.
// Text is measured through Pango's FreeType font map (pangoft2), which needs no Cairo: an SVG
// is drawn without Cairo, pixman and X11 loaded (the syzba command opens them for PDF and PNG
// only, src/cli/cairo_on_demand.cpp). Its widths and metrics are pangocairo's (unhinted both)
// except for a glyph no font has: Pango's Cairo font map draws it as a box of hexadecimal digits
// whose width the FreeType one does not share, so a text with such a glyph is measured by a
// pangocairo layout, made the first time one comes, as the PDF and PNG draw it.
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangoft2.h>
#include <hb.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

#include <cstring>
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

// The font files syzba draws with (Debian's paths): the upright regular and bold of its three
// families, and where fontconfig keeps its caches. Loading the system configuration reads some
// fifty files of rules and the caches of every installed font, most of a small drawing's time;
// a configuration of these folders reads three caches, and accepting only these six files
// keeps fontconfig's match and sort, which Pango runs for every size and weight, to six fonts
// instead of the fifty-two of the folders (a quarter of a cold SVG's instructions went there). A character
// none of the six has is drawn as the box of a missing glyph. Without Liberation Sans here
// (another system), the system's configuration is used as it is.
constexpr std::string_view font_files[] = {
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
constexpr std::string_view anchor_font = font_files[0];

FcConfig* syzba_font_config() {
  if (access(std::string(anchor_font).c_str(), R_OK) != 0) return nullptr;
  std::string xml = "<?xml version=\"1.0\"?><fontconfig>", accepted;
  std::string_view last_folder;
  for (std::string_view file : font_files) {
    std::string_view folder = file.substr(0, file.rfind('/'));
    if (folder != last_folder) xml += fmt::format("<dir>{}</dir>", folder), last_folder = folder;
    // Exact paths: a glob with a '*' inside is matched by recursion, against every font of the
    // caches (the Noto folder has 268), which cost more than the sorts it saves.
    accepted += fmt::format("<glob>{}</glob>", file);
  }
  xml += fmt::format("<selectfont><acceptfont>{}</acceptfont><rejectfont><glob>*</glob></rejectfont></selectfont>", accepted);
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

// Code points a layout of one line shapes as Pango shapes them item by item (shaped_width):
// printable ASCII, Latin-1 and Latin Extended letters, Cyrillic (Kazakh and Russian), dashes,
// quotes, bullets and the ellipsis. Not line or paragraph separators (a layout breaks there),
// tabs (tab stops), controls, soft hyphens, combining marks, right-to-left scripts (a layout
// orders runs by the text's direction) or invalid UTF-8.
bool shapes_as_one_line(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) return false;
      ++i;
      continue;
    }
    std::size_t len = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = c & (len == 2 ? 0x1F : 0x0F);
    for (std::size_t k = 1; k < len; ++k) {
      if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return false;
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    bool latin = cp >= 0xA0 && cp <= 0x24F && cp != 0xAD;
    bool cyrillic = cp >= 0x400 && cp <= 0x4FF;
    bool punctuation = cp >= 0x2010 && cp <= 0x2027;
    if (!(latin || cyrillic || punctuation) || (len == 3 && cp < 0x800)) return false;
    i += len;
  }
  return true;
}

// The script of a line whose letters are all Latin (ASCII) or all Cyrillic, with spaces,
// digits and ASCII punctuation (which take the letters' script), and nothing else: Pango
// itemizes such a line as one run. none: another line (no letter, two scripts, anything else).
enum class Script { none, latin, cyrillic };
Script one_script(std::string_view s) {
  Script script = Script::none;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    Script here = Script::none;
    if (c >= 0x20 && c < 0x7F) {
      here = std::isalpha(c) != 0 ? Script::latin : Script::none;
      ++i;
    } else if ((c == 0xD0 || c == 0xD1 || (c == 0xD2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x8A) ||
                c == 0xD3) && i + 1 < s.size() && is_continuation(static_cast<unsigned char>(s[i + 1]))) {
      here = Script::cyrillic;  // U+0400-U+04FF without the combining marks U+0483-U+0489
      i += 2;
    } else {
      return Script::none;
    }
    if (here == Script::none) continue;
    if (script != Script::none && script != here) return Script::none;
    script = here;
  }
  return script;
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
  // A font map, its context and a layout to measure with.
  struct Measurer {
    PangoFontMap* font_map = nullptr;
    PangoContext* context = nullptr;
    PangoLayout* layout = nullptr;
    ~Measurer() {
      if (layout != nullptr) g_object_unref(layout);
      if (context != nullptr) g_object_unref(context);
      if (font_map != nullptr) g_object_unref(font_map);
    }
  };
  Measurer ft2;                     // every text
  std::unique_ptr<Measurer> cairo;  // texts with a glyph no font has (made when one comes)
  PangoContext* context = nullptr;  // ft2's (metrics, the glyph rounding asked for)
  PangoLayout* layout = nullptr;    // the layout set() last laid the text out in
  std::map<std::pair<int, bool>, PangoFontDescription*> fonts;  // by size in 1/64 px, weight
  // Shaping text is most of a drawing's time, and the same labels come again and again (the
  // layout measures what the renderer wraps; a server draws the same diagrams; the modeler
  // redraws a model that changed by one word; render A B … draws the same legend in each):
  // blocks already wrapped and widths of lines, kept with the process's other engines.
  std::shared_ptr<TextMeasures> measures;
  std::unordered_map<std::string, bool> covered;
  static constexpr std::size_t cache_limit = 20'000;
  // Single lines shaped item by item (shaped_width): a context of ft2's font map, its font
  // description the last one shaped with.
  bool shape_lines = true;
  PangoContext* shaping = nullptr;
  PangoFontDescription* shaping_font = nullptr;
  PangoGlyphString* glyphs = nullptr;
  // What pango_itemize makes of a one_script line, by font description and script: one item,
  // whose analysis (font, script, language) is the same for every such line that its font
  // draws whole; none when its font is not the first of its fontset (another could then draw
  // some of the line's characters). Itemizing was a third of shaping a short label.
  struct Run {
    PangoItem* item = nullptr;
    // Whether the item's font has a code point, asked once each (pango_font_has_char costs
    // more than shaping a letter): ASCII at its own index, Cyrillic U+0400-U+04FF from 0x80.
    std::array<signed char, 0x180> has{};  // 0 not asked yet, 1 yes, -1 no
  };
  std::map<std::pair<const PangoFontDescription*, Script>, Run> runs;

  // What cairo_ft_font_options_substitute adds for the Cairo font map's options (no hinting,
  // grey antialiasing): the same fonts, unhinted metrics.
  static void unhinted(FcPattern* pattern, gpointer /*data*/) {
    FcPatternDel(pattern, FC_HINTING);
    FcPatternAddBool(pattern, FC_HINTING, FcFalse);
    FcPatternDel(pattern, FC_HINT_STYLE);
    FcPatternAddInteger(pattern, FC_HINT_STYLE, FC_HINT_NONE);
    if (FcValue v; FcPatternGet(pattern, FC_ANTIALIAS, 0, &v) != FcResultMatch) FcPatternAddBool(pattern, FC_ANTIALIAS, FcTrue);
    if (FcValue v; FcPatternGet(pattern, FC_RGBA, 0, &v) != FcResultMatch) FcPatternAddInteger(pattern, FC_RGBA, FC_RGBA_NONE);
  }

  explicit Impl(TextEngineOptions options)
      : measures(options.measures ? std::move(options.measures) : std::make_shared<TextMeasures>()),
        shape_lines(options.shape_lines) {
    use_syzba_fonts();
    ft2.font_map = pango_ft2_font_map_new();
    auto* map = PANGO_FT2_FONT_MAP(ft2.font_map);
    pango_ft2_font_map_set_resolution(map, 96, 96);
    pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(ft2.font_map), unhinted, nullptr, nullptr);
    ft2.context = pango_font_map_create_context(ft2.font_map);
    ft2.layout = pango_layout_new(ft2.context);
    context = ft2.context;
    layout = ft2.layout;
    shaping = pango_font_map_create_context(ft2.font_map);
    glyphs = pango_glyph_string_new();
  }
  ~Impl() {
    for (auto& [key, run] : runs)
      if (run.item != nullptr) pango_item_free(run.item);
    pango_glyph_string_free(glyphs);
    g_object_unref(shaping);
    for (auto& [key, font] : fonts) pango_font_description_free(font);
  }

  Measurer& cairo_measurer() {
    if (cairo) return *cairo;
    cairo = std::make_unique<Measurer>();
    cairo->font_map = pango_cairo_font_map_new();
    cairo->context = pango_font_map_create_context(cairo->font_map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(cairo->context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(cairo->context, 96);
    pango_context_set_round_glyph_positions(cairo->context, pango_context_get_round_glyph_positions(context));
    cairo->layout = pango_layout_new(cairo->context);
    return *cairo;
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

  // Glyphs at whole pixels (Pango's default, what wrap measures with) or at their fractional
  // advances, as Chromium measures labels for bpmn-js (a line of 127.8 px is 129 rounded).
  void round_glyphs(bool round) {
    if (static_cast<bool>(pango_context_get_round_glyph_positions(context)) == round) return;
    for (Measurer* m : {&ft2, cairo.get()}) {
      if (m == nullptr) continue;
      pango_context_set_round_glyph_positions(m->context, round ? TRUE : FALSE);
      pango_layout_context_changed(m->layout);
    }
    pango_context_set_round_glyph_positions(shaping, round ? TRUE : FALSE);
  }

  // The text laid out in `layout`: ft2's, or Cairo's when a glyph is missing.
  void set(std::string_view text, double px, bool bold, double max_width) {
    layout = ft2.layout;
    set_in(text, px, bold, max_width);
    if (pango_layout_get_unknown_glyphs_count(layout) == 0) return;
    layout = cairo_measurer().layout;
    set_in(text, px, bold, max_width);
  }

  void set_in(std::string_view text, double px, bool bold, double max_width) {
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

  // Widths of single lines, by text, size, weight and glyph rounding: the same words and lines
  // are measured again within a label (each shorter try), across labels and across files.
  double width_of(std::string_view text, double px, bool bold) {
    std::string key(text);
    char tail[sizeof px + 2];
    std::memcpy(tail, &px, sizeof px);
    tail[sizeof px] = bold ? 'b' : 'n';
    tail[sizeof px + 1] = pango_context_get_round_glyph_positions(context) ? 'r' : 'f';
    key.append(tail, sizeof tail);
    if (auto known = measures->width(key)) return *known;
    double width = width_uncached(text, px, bold);
    measures->keep_width(std::move(key), width);
    return width;
  }
  double width_uncached(std::string_view text, double px, bool bold) {
    if (shape_lines)
      if (auto shaped = shaped_width(text, px, bold)) return *shaped;
    set(text, px, bold, -1);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
  }

  // wrap's one line when the text fits max_width with a pixel to spare (a layout breaks no
  // line there: the text is its one line, as wide as shaped_width says); none when it does not
  // fit, starts with a space (the layout's line would keep it) or is not shaped directly.
  std::optional<TextLine> one_line(const std::string& text, double px, bool bold, double max_width) {
    if (!shape_lines || text.front() == ' ') return std::nullopt;
    auto width = shaped_width(text, px, bold);
    bool bounded = max_width > 0 && std::isfinite(max_width);
    if (!width || (bounded && *width > std::min(max_width, 1e6) - 1)) return std::nullopt;
    return TextLine{text, 0, baseline(px, bold), *width};
  }

  // The width a layout gives one line, from the glyphs Pango shapes its items into (what the
  // layout does too, before its line breaking, which one line does not need); none where the
  // layout could do more than that (shapes_as_one_line) or a glyph is missing (set measures
  // those with Cairo's font map).
  std::optional<double> shaped_width(std::string_view text, double px, bool bold) {
    if (!shapes_as_one_line(text)) return std::nullopt;
    PangoFontDescription* desc = font(px, bold);
    if (desc != shaping_font) pango_context_set_font_description(shaping, desc), shaping_font = desc;
    auto length = static_cast<int>(text.size());
    auto flags = pango_context_get_round_glyph_positions(context) ? PANGO_SHAPE_ROUND_POSITIONS : PANGO_SHAPE_NONE;
    int width = 0;
    bool unknown = false;
    auto shape = [&](const PangoItem* item) {
      pango_shape_with_flags(text.data() + item->offset, item->length, text.data(), length, &item->analysis, glyphs, flags);
      width += pango_glyph_string_get_width(glyphs);
      for (int i = 0; i < glyphs->num_glyphs; ++i) unknown = unknown || (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
    };
    if (const PangoItem* run = known_run(text, desc)) {
      PangoItem whole = *run;
      whole.offset = 0, whole.length = length;
      whole.num_chars = static_cast<int>(g_utf8_strlen(text.data(), length));
      shape(&whole);
    } else {
      GList* items = pango_itemize(shaping, text.data(), 0, length, nullptr, nullptr);
      for (GList* l = items; l != nullptr; l = l->next) {
        auto* item = static_cast<PangoItem*>(l->data);
        if (!unknown) shape(item);
        pango_item_free(item);
      }
      g_list_free(items);
    }
    if (unknown) return std::nullopt;
    return static_cast<double>(width) / PANGO_SCALE;
  }

  // The one item pango_itemize would make of text (its offset and length aside), when it is a
  // one_script line that its font draws whole; else none.
  const PangoItem* known_run(std::string_view text, const PangoFontDescription* desc) {
    Script script = one_script(text);
    if (script == Script::none) return nullptr;
    auto [it, fresh] = runs.try_emplace({desc, script});
    Run& run = it->second;
    if (fresh) run.item = sample_run(script == Script::latin ? "a" : "\xD0\xB0");  // a, Cyrillic а
    if (run.item == nullptr) return nullptr;
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
      gunichar c = g_utf8_get_char(p);
      signed char& has = run.has[c < 0x80 ? c : 0x80 + (c - 0x400)];
      if (has == 0) has = pango_font_has_char(run.item->analysis.font, c) ? 1 : -1;
      if (has < 0) return nullptr;
    }
    return run.item;
  }
  PangoItem* sample_run(std::string_view sample) {
    GList* items = pango_itemize(shaping, sample.data(), 0, static_cast<int>(sample.size()), nullptr, nullptr);
    PangoItem* run = items != nullptr && items->next == nullptr ? static_cast<PangoItem*>(items->data) : nullptr;
    if (run != nullptr && !first_of_fontset(run)) run = nullptr;
    for (GList* l = items; l != nullptr; l = l->next)
      if (l->data != run) pango_item_free(static_cast<PangoItem*>(l->data));
    g_list_free(items);
    return run;
  }
  static gboolean take_first(PangoFontset* /*fontset*/, PangoFont* font, gpointer first) {
    *static_cast<PangoFont**>(first) = font;
    return TRUE;  // stop
  }
  bool first_of_fontset(const PangoItem* run) {
    PangoFontset* fontset = pango_font_map_load_fontset(ft2.font_map, shaping, shaping_font, run->analysis.language);
    if (fontset == nullptr) return false;
    PangoFont* first = nullptr;
    pango_fontset_foreach(fontset, take_first, &first);
    bool same = first == run->analysis.font;
    g_object_unref(fontset);
    return same;
  }

  // Baseline of a line within its line box of 1.2 em: the font's ascent and descent centred.
  // Pango makes the metrics by laying out a sample text: kept, by size and weight.
  std::map<std::pair<double, bool>, double> baselines;
  double baseline(double px, bool bold) {
    auto key = std::make_pair(px, bold);
    if (auto it = baselines.find(key); it != baselines.end()) return it->second;
    double b = baseline_uncached(px, bold);
    baselines.emplace(key, b);
    return b;
  }
  double baseline_uncached(double px, bool bold) {
    auto [ascent, descent] = shape_lines ? first_font_extents(px, bold) : context_extents(px, bold);
    return (px * 1.2 - (ascent + descent)) / 2 + ascent;
  }
  std::pair<double, double> context_extents(double px, bool bold) {
    PangoFontMetrics* m = pango_context_get_metrics(context, font(px, bold), nullptr);
    double ascent = static_cast<double>(pango_font_metrics_get_ascent(m)) / PANGO_SCALE;
    double descent = static_cast<double>(pango_font_metrics_get_descent(m)) / PANGO_SCALE;
    pango_font_metrics_unref(m);
    return {ascent, descent};
  }
  // The ascent and descent pango_context_get_metrics gives (the first font of the fontset, as
  // HarfBuzz reads them from the font; unhinted, so not rounded), without the sample text it
  // also lays out to find the widths of a character and a digit, a tenth of a cold drawing.
  std::pair<double, double> first_font_extents(double px, bool bold) {
    PangoFont* first = pango_font_map_load_font(ft2.font_map, context, font(px, bold));
    if (first == nullptr) return context_extents(px, bold);
    hb_font_extents_t extents{};
    hb_font_get_extents_for_direction(pango_font_get_hb_font(first), HB_DIRECTION_LTR, &extents);
    g_object_unref(first);
    return {static_cast<double>(extents.ascender) / PANGO_SCALE, static_cast<double>(-extents.descender) / PANGO_SCALE};
  }
};

std::optional<TextBlock> TextMeasures::block(const std::string& key) const {
  std::lock_guard lock(mutex_);
  if (auto it = blocks_.find(key); it != blocks_.end()) return it->second;
  return std::nullopt;
}

void TextMeasures::keep_block(std::string key, const TextBlock& block) {
  std::lock_guard lock(mutex_);
  if (blocks_.size() >= block_limit) blocks_.clear();
  blocks_.emplace(std::move(key), block);
}

std::optional<double> TextMeasures::width(const std::string& key) const {
  std::lock_guard lock(mutex_);
  if (auto it = widths_.find(key); it != widths_.end()) return it->second;
  return std::nullopt;
}

void TextMeasures::keep_width(std::string key, double width) {
  std::lock_guard lock(mutex_);
  if (widths_.size() >= width_limit) widths_.clear();
  widths_.emplace(std::move(key), width);
}

// Pango keeps state in its font map; one engine is used by one thread at a time.
TextEngine::TextEngine() : TextEngine(TextEngineOptions{}) {}
TextEngine::TextEngine(TextEngineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
TextEngine::~TextEngine() = default;

std::string_view TextEngine::pango_family() { return pango_families; }
std::string_view TextEngine::css_family() { return css_families; }

namespace {

// A cache key: the text, then the numbers' own bytes (a fixed length for each kind of key, so
// that the text is told from them) and the kind. Formatting the numbers as text was most of
// what a lookup cost: the layout asks for some 30,000 labels in one print search.
template <class... Numbers>
std::string cache_key(std::string_view text, char kind, Numbers... numbers) {
  std::string key;
  key.reserve(text.size() + (sizeof(Numbers) + ... + 0) + 2);
  key.append(text);
  key.push_back('\x1f');
  (key.append(reinterpret_cast<const char*>(&numbers), sizeof numbers), ...);
  key.push_back(kind);
  return key;
}

}  // namespace

TextBlock TextEngine::wrap(std::string_view raw, double font_px, bool bold, double max_width, int max_lines) {
  font_px = this->font_px(font_px);
  std::string key = cache_key(raw, 'w', font_px, bold, max_width, max_lines);
  if (auto known = impl_->measures->block(key)) return *known;
  TextBlock block = wrap_uncached(raw, font_px, bold, max_width, max_lines);
  impl_->measures->keep_block(std::move(key), block);
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
  Impl& m = *impl_;
  if (auto line = m.one_line(text, font_px, bold, max_width)) {
    block.width = line->width;
    block.lines.push_back(std::move(*line));
    block.height = line_height(font_px);
    return block;
  }
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte start, length
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

// ---------------------------------------------------------------------------------------
// Labels as diagram-js's Text utility lays them out (bpmn-js draws every label so): the same
// lines, so that a diagram reads the same in both. Its rules, on code points:
//   a line that is too wide is shortened to (its length × max width / its width) characters,
//   at the last space or hyphen before that (or a soft hyphen, shown as "-"), else cut there
//   between letters; measured again until it fits; the rest, trimmed, is the next line.
namespace {

using Code = std::u32string;

Code decode(std::string_view s) {
  Code out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, s.size() - i);
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode(const Code& s, std::size_t from = 0, std::size_t to = std::u32string::npos) {
  std::string out;
  to = std::min(to, s.size());
  for (std::size_t i = from; i < to; ++i) {
    char32_t c = s[i];
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// JavaScript's \s (and what trim() removes).
bool js_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

constexpr char32_t soft_hyphen = 0xAD;

Code trimmed(const Code& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && js_space(s[a])) ++a;
  while (b > a && js_space(s[b - 1])) --b;
  return s.substr(a, b - a);
}

// semanticShorten: the line's parts (words and the spaces and hyphens between them) taken
// while their length stays under max_length; "" when it has one part only.
Code semantic_shorten(const Code& line, double max_length) {
  std::vector<Code> parts;  // as String.split with a capturing group: separators are parts
  Code word;
  for (char32_t c : line) {
    if (js_space(c) || c == '-' || c == soft_hyphen) {
      parts.push_back(word);
      parts.push_back(Code(1, c));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  parts.push_back(word);
  std::vector<Code> taken;
  std::size_t length = 0;
  if (parts.size() > 1) {
    for (const Code& part : parts) {
      if (part.empty()) break;  // an empty part ends the loop, as it does in JavaScript
      if (static_cast<double>(part.size() + length) < max_length) {
        taken.push_back(part);
        length += part.size();
      } else {
        if ((part == Code(1, '-') || part == Code(1, soft_hyphen)) && !taken.empty()) taken.pop_back();
        break;
      }
    }
  }
  if (!taken.empty() && taken.back() == Code(1, soft_hyphen)) taken.back() = Code(1, '-');
  Code out;
  for (const Code& p : taken) out += p;
  return out;
}

}  // namespace

TextBlock TextEngine::wrap_label(std::string_view raw, double font_px, double max_width, int max_lines,
                                 int narrow_lines, double narrow_width) {
  font_px = this->font_px(font_px);
  if (narrow_lines <= 0) narrow_width = max_width;
  std::string key = cache_key(raw, 'l', font_px, max_width, max_lines, narrow_lines, narrow_width);
  if (auto known = impl_->measures->block(key)) return *known;
  TextBlock block = wrap_label_uncached(raw, font_px, max_width, max_lines, narrow_lines, narrow_width);
  impl_->measures->keep_block(std::move(key), block);
  return block;
}

TextBlock TextEngine::wrap_label_uncached(std::string_view raw, double font_px, double max_width, int max_lines,
                                          int narrow_lines, double narrow_width) {
  TextBlock block;
  double per_line = max_width > 0 && std::isfinite(max_width) && font_px > 0 ? std::min(max_width, 1e6) / (font_px / 3) + 2 : 4000;
  auto cap = static_cast<std::size_t>(max_lines > 0 ? std::min(max_lines * per_line, 4000.0) : 4000.0);
  std::string text = displayable(raw, cap, true);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  if (text.empty()) return block;
  if (!std::isfinite(max_width)) max_width = 1e6;
  if (!std::isfinite(narrow_width)) narrow_width = 1e6;
  // The width line i is wrapped in.
  auto width_of_line = [&](std::size_t i) {
    return static_cast<std::ptrdiff_t>(i) < narrow_lines ? narrow_width : max_width;
  };
  Impl& m = *impl_;
  m.round_glyphs(false);
  struct Restore {
    Impl& m;
    ~Restore() { m.round_glyphs(true); }
  } restore{m};
  // The width of a line as measured there: its trailing spaces left out.
  auto measure = [&](const Code& line) {
    std::size_t end = line.size();
    while (end > 0 && js_space(line[end - 1])) --end;
    return end == 0 ? 0.0 : m.width_of(encode(line, 0, end), font_px, false);
  };
  // The author's lines (a soft hyphen before a break goes with it).
  std::vector<Code> pending;
  {
    Code all = decode(text), cur;
    for (char32_t c : all) {
      if (c == '\n') {
        if (!cur.empty() && cur.back() == soft_hyphen) cur.pop_back();
        pending.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    pending.push_back(cur);
  }
  std::vector<std::pair<Code, double>> lines;
  std::size_t next = 0;
  // Every round makes a line of at least one character, so this ends; a bound all the same.
  while (next < pending.size() && lines.size() < 2000) {
    Code original = pending[next++], fit = original;
    double width = 0, limit = width_of_line(lines.size());
    for (;;) {
      width = fit.empty() ? 0 : measure(fit);
      // Pango's widths are in 1/1024 px a glyph: a line a tool measured to the box's width
      // (Chromium's sum of advances) is let fit within a hundredth of a pixel.
      if (fit == U" " || fit.empty() || width <= limit + 0.01 || fit.size() < 2) break;
      double length = std::max(static_cast<double>(fit.size()) * (limit / width), 1.0);
      Code shorter = semantic_shorten(fit, length);
      // A line with no place to break that is at most a pixel too wide stays whole: label boxes
      // sized with whole-pixel glyph widths (other tools', syzba's own before it measured as
      // bpmn-js does) are that much narrower than these widths, and "Жоқ" cut into "Жо" and
      // "қ" reads as two words.
      if (shorter.empty() && width <= limit + 1.0) break;
      if (shorter.empty()) shorter = fit.substr(0, static_cast<std::size_t>(std::max(std::round(length - 1), 1.0)));
      fit = std::move(shorter);
    }
    if (fit.size() < original.size()) pending.insert(pending.begin() + static_cast<std::ptrdiff_t>(next), trimmed(original.substr(fit.size())));
    lines.emplace_back(std::move(fit), width);
    if (max_lines > 0 && lines.size() > static_cast<std::size_t>(max_lines)) break;
  }
  double lh = line_height(font_px), base = 0.75 * lh;
  std::size_t count = lines.size();
  if (max_lines > 0 && (count > static_cast<std::size_t>(max_lines) || (count == static_cast<std::size_t>(max_lines) && next < pending.size()))) {
    count = static_cast<std::size_t>(max_lines);
    block.truncated = true;
  }
  for (std::size_t i = 0; i < count; ++i) {
    Code& l = lines[i].first;
    while (!l.empty() && js_space(l.back())) l.pop_back();
    std::string line = encode(l);
    double width = lines[i].second;
    if (block.truncated && i + 1 == count) {  // characters dropped until the line and its ellipsis fit
      while (!line.empty() && m.width_of(line + std::string(ellipsis), font_px, false) > width_of_line(i))
        line.erase(previous_char(line, line.size()));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      line += ellipsis;
      width = m.width_of(line, font_px, false);
    }
    block.width = std::max(block.width, width);
    block.lines.push_back({std::move(line), 0, base + static_cast<double>(i) * lh, width});
  }
  block.height = static_cast<double>(block.lines.size()) * lh;
  return block;
}

bool TextEngine::covers(std::string_view text) {
  if (auto it = impl_->covered.find(std::string(text)); it != impl_->covered.end()) return it->second;
  impl_->layout = impl_->ft2.layout;  // either font map finds the same fonts
  impl_->set_in(text, 12, false, -1);
  bool all = pango_layout_get_unknown_glyphs_count(impl_->layout) == 0;
  if (impl_->covered.size() >= Impl::cache_limit) impl_->covered.clear();
  impl_->covered.emplace(std::string(text), all);
  return all;
}

layout::MeasureText TextEngine::measure() {
  // Labels as they are drawn (wrap_label); widths up to the next whole pixel, so that a label
  // box of that width holds its lines after bpmn-js rounds it.
  return [this](std::string_view text, double font_px, double max_width) {
    TextBlock b = wrap_label(text, font_px, max_width);
    return layout::TextSize{std::ceil(b.width), b.height};
  };
}

}  // namespace syzba::render
