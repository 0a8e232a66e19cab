// export: SVG well-formed and escaped with one group per BPMN element; PDF and PNG by Cairo,
// byte-identical on repeat; PDF pages tiled when one page would be unreadable; PNG limits.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <cstring>
#include <cstdint>
#include <functional>
#include <random>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "export/export.h"
#include "export/png_writer.h"
#include "scene_support.h"

namespace {

using namespace syzba;

// The PNG decoded by Cairo: its size and how many pixels are not background white.
struct Decoded {
  int width = 0, height = 0;
  long inked = 0;
};

Decoded decode_png(const std::string& bytes) {
  struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
  } reader{&bytes};
  auto read = [](void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read, &reader);
  REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
  Decoded d{cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface)};
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < d.height; ++y)
    for (int x = 0; x < d.width; ++x) {
      const auto* px = data + y * stride + x * 4;
      if (px[0] < 200 || px[1] < 200 || px[2] < 200) ++d.inked;
    }
  cairo_surface_destroy(surface);
  return d;
}

// The PNG decoded by Cairo (libpng): its size and its pixels, 0xAARRGGBB.
struct Pixels {
  int width = 0, height = 0;
  std::vector<std::uint32_t> argb;
  bool operator==(const Pixels&) const = default;
};

Pixels png_pixels(const std::string& bytes) {
  struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
  } reader{&bytes};
  auto read = [](void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read, &reader);
  REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
  Pixels p{cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface), {}};
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      std::uint32_t v;
      std::memcpy(&v, data + y * stride + x * 4, 4);
      p.argb.push_back(v);
    }
  cairo_surface_destroy(surface);
  return p;
}

// What a surface is over white, as a PNG decodes (opaque): premultiplied c becomes c + 255 − a.
Pixels over_white(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  Pixels p{cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface), {}};
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      std::uint32_t v;
      std::memcpy(&v, data + y * stride + x * 4, 4);
      std::uint32_t a = v >> 24, out = 0xFF000000U;
      for (int shift = 0; shift < 24; shift += 8) out |= (((v >> shift) & 0xFFU) + 255 - a) << shift;
      p.argb.push_back(out);
    }
  return p;
}

render::Scene big_scene(double width, double height) {
  render::Scene scene;
  scene.width = width;
  scene.height = height;
  scene.pango_family = "Liberation Sans";
  scene.font_family = "'Liberation Sans', sans-serif";
  render::Element e;
  e.id = "box";
  e.type = "task";
  render::Shape s;
  s.geometry = render::Geometry::rect;
  s.width = width - 10;
  s.height = height - 10;
  s.x = s.y = 5;
  s.stroke = "#000000";
  e.items.emplace_back(s);
  scene.elements.push_back(e);
  return scene;
}

}  // namespace

TEST_CASE("every MIWG reference exports to well-formed SVG, PDF and PNG", "[export][miwg]") {
  render::TextEngine text;
  for (const auto& file : test::miwg_files()) {
    INFO(file.filename());
    auto defs = test::read_model(file);
    render::Scene scene = test::draw_scene(defs, text);

    std::string svg = exporter::to_svg(scene);
    pugi::xml_document doc;
    auto parsed = doc.load_string(svg.c_str());
    INFO(parsed.description() << " at " << parsed.offset);
    REQUIRE(parsed);
    auto root = doc.document_element();
    CHECK(std::string(root.name()) == "svg");
    CHECK(std::string(root.attribute("role").value()) == "img");
    CHECK(root.attribute("xml:lang"));
    CHECK(root.child("title"));
    std::set<std::string> ids;
    for (auto g : doc.select_nodes("//g[@class='syzba-element']")) {
      std::string id = g.node().attribute("data-element-id").value();
      CHECK_FALSE(id.empty());
      CHECK(ids.insert(id).second);  // one group per element
      CHECK(g.node().attribute("data-element-type"));
    }
    std::size_t expected = 0;
    for (const auto& e : scene.elements) expected += e.id.empty() ? 0 : 1;
    CHECK(ids.size() == expected);

    auto pdf = exporter::to_pdf(scene);
    REQUIRE(pdf.error.empty());
    CHECK(pdf.bytes.rfind("%PDF-", 0) == 0);
    CHECK(pdf.pages == 1);

    auto png = exporter::to_png(scene);
    REQUIRE(png.error.empty());
    Decoded d = decode_png(png.bytes);
    CHECK(d.width == static_cast<int>(std::ceil(scene.width)));
    CHECK(d.height == static_cast<int>(std::ceil(scene.height)));
    CHECK(d.inked > 100);  // something was drawn
  }
}

TEST_CASE("same scene, same bytes, in every format", "[export]") {
  render::TextEngine text;
  auto defs = test::read_model(test::fixtures() / "layout" / "lanes.bpmn");
  render::Scene a = test::draw_scene(defs, text), b = test::draw_scene(defs, text);
  CHECK(exporter::to_svg(a) == exporter::to_svg(b));
  CHECK(exporter::to_pdf(a).bytes == exporter::to_pdf(b).bytes);
  CHECK(exporter::to_png(a).bytes == exporter::to_png(b).bytes);
  exporter::PdfOptions a4;
  a4.page = exporter::PageSize::a4;
  CHECK(exporter::to_pdf(a, a4).bytes == exporter::to_pdf(b, a4).bytes);
}

TEST_CASE("hostile labels come out escaped in SVG", "[export][hostile]") {
  render::TextEngine text;
  auto scene = test::draw_scene(test::read_model(test::fixtures() / "render" / "hostile-labels.bpmn"), text);
  std::string svg = exporter::to_svg(scene);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(svg.c_str()));
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("javascript:") == std::string::npos);  // the bad colour was not written at all
  CHECK(svg.find("&lt;script&gt;") != std::string::npos);
  CHECK(svg.find("\xE2\x80\xAE") == std::string::npos);  // no right-to-left override
  // Only elements of our own writer, whatever the labels said.
  std::set<std::string> names;
  std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
    for (auto c : n.children())
      if (c.type() == pugi::node_element) {
        names.insert(c.name());
        walk(c);
      }
  };
  walk(doc);
  for (const auto& n : names) {
    INFO(n);
    CHECK(std::set<std::string>{"svg", "title", "desc", "g", "rect", "circle", "ellipse", "path", "text", "tspan"}.count(n));
  }
}

TEST_CASE("PDF pages: fit, A4 scaled, A4 tiled when it would be unreadable", "[export][pdf]") {
  exporter::PdfOptions a4;
  a4.page = exporter::PageSize::a4;
  SECTION("a diagram that fits stays on one page") {
    auto r = exporter::to_pdf(big_scene(900, 500), a4);
    REQUIRE(r.error.empty());
    CHECK(r.pages == 1);
  }
  SECTION("a wide diagram is tiled over pages at a readable scale, landscape or not") {
    auto r = exporter::to_pdf(big_scene(5000, 1400), a4);
    REQUIRE(r.error.empty());
    CHECK(r.pages > 1);
    a4.landscape = true;
    auto landscape = exporter::to_pdf(big_scene(5000, 1400), a4);
    CHECK(landscape.pages > 1);
    CHECK(landscape.pages <= r.pages);
  }
  SECTION("fit makes one page of any size") {
    auto r = exporter::to_pdf(big_scene(5000, 1400));
    CHECK(r.pages == 1);
  }
}

TEST_CASE("PNG: scale sets the pixel size; too large is an error, not a crash", "[export][png]") {
  auto scene = big_scene(301, 99.5);
  exporter::PngOptions twice;
  twice.scale = 2;
  auto r = exporter::to_png(scene, twice);
  REQUIRE(r.error.empty());
  Decoded d = decode_png(r.bytes);
  CHECK(d.width == 602);
  CHECK(d.height == 199);
  auto huge = exporter::to_png(big_scene(40000, 300));
  CHECK(huge.bytes.empty());
  CHECK_THAT(huge.error, Catch::Contains("too large"));
  auto many = exporter::to_png(big_scene(20000, 20000));
  CHECK_THAT(many.error, Catch::Contains("too large"));
}

TEST_CASE("PNG: the diagram encoder decodes to the pixels drawn, as libdeflate's does, the same bytes every time", "[export][png]") {
  auto check = [](cairo_surface_t* surface) {
    INFO(cairo_image_surface_get_width(surface) << " × " << cairo_image_surface_get_height(surface));
    std::string error;
    std::string fast = exporter::encode_png(surface, 0, error), small = exporter::encode_png(surface, 6, error);
    REQUIRE(error.empty());
    Pixels expected = over_white(surface);
    CHECK(png_pixels(fast) == expected);
    CHECK(png_pixels(small) == expected);
    CHECK(exporter::encode_png(surface, 0, error) == fast);
    cairo_surface_destroy(surface);
  };
  auto surface = [](int width, int height, const std::function<std::uint32_t(int, int)>& pixel) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    unsigned char* data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        std::uint32_t v = pixel(x, y);
        std::memcpy(data + y * stride + x * 4, &v, 4);
      }
    cairo_surface_mark_dirty(s);
    return s;
  };
  auto premultiplied = [](std::uint32_t a, std::uint32_t r, std::uint32_t g, std::uint32_t b) {
    return a << 24 | (r * a / 255) << 16 | (g * a / 255) << 8 | (b * a / 255);
  };
  SECTION("one pixel, transparent and half") {
    check(surface(1, 1, [](int, int) { return 0U; }));
    check(surface(1, 1, [&](int, int) { return premultiplied(128, 10, 200, 255); }));
  }
  SECTION("noise, translucent: literals only, many blocks") {
    std::mt19937 random(7);
    check(surface(331, 257, [&](int, int) { return premultiplied(random() & 0xFF, random() & 0xFF, random() & 0xFF, random() & 0xFF); }));
  }
  SECTION("every width to 40 px, translucent: the 8-, 4- and 1-pixel steps of the conversion, runs ended at every byte of a 32-byte compare") {
    for (int width = 1; width <= 40; ++width)
      check(surface(width, 6, [&](int x, int y) {
        if ((x + y) % (y + 2) == 0) return premultiplied(static_cast<std::uint32_t>(40 * y + 7), 200, 17, static_cast<std::uint32_t>(x * 6));
        return y % 2 ? 0xFFFFFFFFU : premultiplied(255, 90, 90, static_cast<std::uint32_t>(x < width / 2 ? 1 : 2));
      }));
  }
  SECTION("runs of every length around a match's 258 bytes, rows repeated, the same pattern further back") {
    check(surface(700, 300, [&](int x, int y) {
      int period = 80 + y % 11;  // runs of 86..90 pixels: 258..270 bytes
      std::uint32_t colour = (x / period) % 2 ? 0xFF336699U : 0xFFFFFFFFU;
      if (y % 37 < 20) colour ^= static_cast<std::uint32_t>((x * 7 + y) % 3);  // short patterns, repeated
      return (y / 5) % 2 ? colour : 0xFF000000U | static_cast<std::uint32_t>(x % 256);
    }));
  }
  SECTION("wider than a row above can be reached (32 KiB)") {
    check(surface(11000, 3, [](int x, int y) { return x < 5000 + y ? 0xFFFFFFFFU : 0xFF00AA00U; }));
  }
  SECTION("a diagram, at two scales") {
    render::TextEngine text;
    auto defs = test::read_model(test::fixtures() / "layout" / "lanes.bpmn");
    render::Scene scene = test::draw_scene(defs, text);
    for (double scale : {1.0, 0.37}) {
      exporter::PngOptions fast, small;
      fast.scale = small.scale = scale;
      small.compression = 6;
      auto a = exporter::to_png(scene, fast), b = exporter::to_png(scene, small);
      REQUIRE(a.error.empty());
      REQUIRE(b.error.empty());
      Pixels pa = png_pixels(a.bytes);
      CHECK(pa.width == static_cast<int>(std::ceil(scene.width * scale)));
      CHECK(pa.height == static_cast<int>(std::ceil(scene.height * scale)));
      CHECK(pa == png_pixels(b.bytes));
      CHECK(a.bytes.size() < b.bytes.size() * 2);  // not much larger than libdeflate's
    }
  }
  SECTION("pixel memory used again by a thread: the same image as in fresh memory; the background as Cairo fills it") {
    render::TextEngine text;
    auto defs = test::read_model(test::fixtures() / "layout" / "lanes.bpmn");
    render::Scene scene = test::draw_scene(defs, text);
    scene.background = "#336699";
    exporter::PngOptions whole, part;  // the scene a whole number of pixels or not
    part.scale = 0.37;
    REQUIRE(scene.width == std::floor(scene.width));
    std::string fresh_whole, fresh_part;
    std::thread([&] { fresh_whole = exporter::to_png(scene, whole).bytes; }).join();
    std::thread([&] { fresh_part = exporter::to_png(scene, part).bytes; }).join();
    CHECK(exporter::to_png(scene, whole).bytes == fresh_whole);
    CHECK(exporter::to_png(scene, part).bytes == fresh_part);  // in memory drawn on before
    CHECK(exporter::to_png(scene, whole).bytes == fresh_whole);
    Pixels a = png_pixels(fresh_whole), b = png_pixels(fresh_part);
    cairo_surface_t* one = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
    cairo_t* cr = cairo_create(one);
    cairo_set_source_rgb(cr, 0x33 / 255.0, 0x66 / 255.0, 0x99 / 255.0);
    cairo_rectangle(cr, 0, 0, 4, 4);
    cairo_fill(cr);
    cairo_destroy(cr);
    std::uint32_t filled = over_white(one).argb[0];
    cairo_surface_destroy(one);
    CHECK(a.argb[0] == filled);
    CHECK(b.argb[0] == filled);
  }
}

TEST_CASE("format and page names", "[export]") {
  CHECK(exporter::format_from_path("a/b.SVG") == exporter::Format::svg);
  CHECK(exporter::format_from_path("x.pdf") == exporter::Format::pdf);
  CHECK(exporter::format_from_path("x.png") == exporter::Format::png);
  CHECK_FALSE(exporter::format_from_path("x.bpmn"));
  CHECK(exporter::page_from_name("A3") == exporter::PageSize::a3);
  CHECK_FALSE(exporter::page_from_name("letter"));
}

TEST_CASE("SVG numbers: two decimals as std::to_chars rounds them, no trailing zeros, no -0", "[export][svg]") {
  // The reference: to_chars of the exact value to two decimals, then trimmed.
  auto reference = [](double v) -> std::string {
    char buf[400];
    auto [end, ec] = std::isfinite(v) ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2)
                                      : std::to_chars_result{buf, std::errc::value_too_large};
    if (ec != std::errc()) return "0";
    while (end > buf && end[-1] == '0') --end;
    if (end > buf && end[-1] == '.') --end;
    std::string s(buf, end);
    return s == "-0" ? "0" : s;
  };
  std::vector<double> values = {0, -0.0, 0.005, 0.015, 0.125, 0.375, -0.125, 1.005, 2.675, -0.004, -0.005, -0.006,
                                0.1, 0.29, 99.995, 1234.5, 1e7, -1e7, 9999999.995, 1e300, -1e-300,
                                std::numeric_limits<double>::infinity(), std::nan("")};
  std::uint64_t seed = 20;
  for (int i = 0; i < 20000; ++i) {  // a fixed sequence: coordinates, their halves and sums
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    double v = static_cast<double>(seed >> 11) / static_cast<double>(1ULL << 53) * 4000 - 2000;
    values.push_back(v);
    values.push_back(std::round(v * 100) / 100 + 0.005);  // near a half of a hundredth
    values.push_back(std::round(v) / 8);                  // exact halves and quarters of hundredths
  }
  render::Scene scene;
  render::Element e;
  for (double v : values) {
    render::Shape s;
    s.geometry = render::Geometry::rect;
    s.x = v;
    e.items.emplace_back(s);
  }
  scene.elements.push_back(e);
  std::string svg = exporter::to_svg(scene);
  std::size_t at = svg.find("<g class=\"syzba-\">");
  REQUIRE(at != std::string::npos);
  for (double v : values) {
    at = svg.find("<rect x=\"", at);
    REQUIRE(at != std::string::npos);
    at += 9;
    std::string written = svg.substr(at, svg.find('"', at) - at);
    INFO(fmt::format("{:.17g}", v));
    CHECK(written == reference(v));
  }
}
