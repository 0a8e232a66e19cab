// Publishing: one worker per job takes the next file, builds its page in memory and swaps it
// into place; the index is written last from every page's summary.
#include "publish/publish.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "check/check.h"
#include "export/export.h"
#include "io/io.h"
#include "layout/layout.h"
#include "publish/site.h"
#include "text/text.h"
#include "render/render.h"
#include "table/table.h"

namespace syzba::publish {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view hash_file = ".syzba-source-hash";
constexpr std::string_view summary_file = "summary.json";

// FNV-1a, 64 bits: enough to notice a changed input; not a security measure.
std::string content_hash(std::string_view bytes, std::string_view salt) {
  std::uint64_t h = 1469598103934665603ULL;
  for (std::string_view part : {salt, std::string_view("\n"), bytes})
    for (unsigned char c : part) h = (h ^ c) * 1099511628211ULL;
  return fmt::format("{:016x}", h);
}

std::string read_text(const fs::path& path, std::size_t max_bytes, std::string& error) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    error = "cannot read: " + ec.message();
    return {};
  }
  if (size > max_bytes) {
    error = fmt::format("larger than {} bytes (--max-bytes)", max_bytes);
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in.good() && !in.eof()) error = "cannot read";
  return s.str();
}

// A folder name from the file's stem: letters, digits, '-', '_' and '.' kept, others '_';
// a second file with the same stem gets "-2" and so on.
std::vector<std::string> folder_names(const std::vector<fs::path>& files) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (const auto& f : files) {
    std::string base;
    for (unsigned char c : f.stem().string()) base += (std::isalnum(c) || c == '-' || c == '_' || c == '.') && c < 0x80 ? static_cast<char>(c) : '_';
    if (base.empty() || base[0] == '.') base = "model" + base;
    std::string name = base;
    for (int k = 2; !used.insert(name).second; ++k) name = base + "-" + std::to_string(k);
    out.push_back(name);
  }
  return out;
}

// The page's folder is written beside its place and renamed into it; the old one is removed
// only once the new one stands.
std::string write_folder(const fs::path& dir, const std::string& name, const std::map<std::string, std::string>& files) {
  std::error_code ec;
  fs::path temp = dir / fmt::format(".tmp-{}-{}", name, ::getpid());
  fs::remove_all(temp, ec);
  if (!fs::create_directories(temp, ec) && ec) return "cannot create " + temp.string() + ": " + ec.message();
  // The folder appears whole by its rename, so its files are written plainly; the whole site
  // is flushed to disk once at the end (a fsync per file costs more than the rest of the work),
  // and a page is only skipped later if its files still have the sizes its summary lists.
  for (const auto& [file, bytes] : files) {
    std::ofstream out(temp / file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove_all(temp, ec);
      return "cannot write " + (temp / file).string();
    }
  }
  fs::path target = dir / name, old = dir / fmt::format(".old-{}-{}", name, ::getpid());
  fs::remove_all(old, ec);
  bool had_old = fs::exists(target);
  if (had_old) fs::rename(target, old, ec);
  if (ec) {
    fs::remove_all(temp, ec);
    return "cannot replace " + target.string() + ": " + ec.message();
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignore;
    if (had_old) fs::rename(old, target, ignore);
    fs::remove_all(temp, ignore);
    return "cannot move the page into " + target.string() + ": " + ec.message();
  }
  if (had_old) fs::remove_all(old, ec);
  return {};
}

// A page whose files all still have the sizes its summary lists (a crash before the final
// flush can leave renamed files empty).
bool files_intact(const fs::path& folder, const PageInfo& info) {
  if (info.files.empty()) return false;
  for (const auto& [file, size] : info.files) {
    std::error_code ec;
    if (fs::file_size(folder / file, ec) != size || ec) return false;
  }
  return true;
}

struct Worker {
  const Options& options;
  render::TextEngine text;   // Pango: one engine per thread

  FileResult run(const fs::path& file, const std::string& name, PageInfo& info) {
    FileResult result{file.string(), name};
    std::string error;
    std::string bytes = read_text(file, options.limits.max_bytes, error);
    if (!error.empty()) return fail(result, error);
    std::string salt = std::string("syzba ") + SYZBA_VERSION + " " + options.lang;
    std::string hash = content_hash(bytes, salt);
    fs::path folder = options.out_dir / name;
    if (std::string old_error; read_text(folder / std::string(hash_file), 1 << 10, old_error) == hash && old_error.empty())
      if (auto old = read_summary(folder); old && files_intact(folder, *old)) {
        info = *old;
        result.status = Status::unchanged;
        result.errors = info.errors, result.warnings = info.warnings;
        return result;
      }
    bool text_form = text::is_text_form(file.string(), bytes);
    auto read = text::read_model_bytes(bytes, file.string(), options.limits);
    if (!read.definitions) {
      if (auto asked = model::lang_from_name(options.lang)) model::translate(read.diagnostics, *asked);
      return fail(result, first_error(read.diagnostics));
    }
    model::Definitions defs = std::move(*read.definitions);
    const std::string lang = options.lang.empty() ? std::string(model::language_of(defs)) : options.lang;

    check::Config config;
    config.lang = *check::lang_from_name(lang);
    auto findings = check::apply_config(read.diagnostics, config);
    model::translate(findings, config.lang);  // the reader's, in the page's language as the rules' are
    for (auto& d : check::run_checks(defs, config)) findings.push_back(std::move(d));
    table::Table steps = table::make_table(defs, config);

    layout::Options layout_options;
    layout_options.measure = text.measure();
    layout_options.keep_incomplete = true;
    // The layout keeps no global state: workers lay out side by side.
    auto laid_out = layout::lay_out(defs, layout_options);
    if (!laid_out.error.empty()) return fail(result, "layout: " + laid_out.error);
    render::Options render_options;
    render_options.lang = *render::lang_from_name(lang);
    auto drawn = render::render_scene(defs, render_options, text);
    if (!drawn.error.empty()) return fail(result, "render: " + drawn.error);

    std::map<std::string, std::string> files;
    std::set<std::string> in_table;
    for (const auto& r : steps.rows) in_table.insert(r.id);
    exporter::SvgOptions inline_svg;
    inline_svg.standalone = false;
    inline_svg.link = [&](const render::Element& e) { return in_table.count(e.id) ? "#step-" + e.id : std::string(); };
    std::string svg = exporter::to_svg(drawn.scene, inline_svg);
    files[name + ".svg"] = exporter::to_svg(drawn.scene);
    // The PDF is for print: A4 landscape, cut between steps into pages joined by link events,
    // a tighter layout tried when the model's own needs more than one page.
    exporter::Result pdf;
    if (render::fits_print_layout(defs)) {
      auto printed = render::render_print(defs, render_options, render::page_spec(false, true), text,
                                          render::print_relayout(text, layout_options));
      if (!printed.error.empty()) return fail(result, "render: " + printed.error);
      pdf = exporter::to_pdf(printed);
    } else {
      pdf = exporter::to_pdf(drawn.scene);  // too large to lay out for pages: one page of its own size
    }
    if (!pdf.error.empty()) return fail(result, pdf.error);
    files[name + ".pdf"] = std::move(pdf.bytes);
    // PNG at full size when it fits the limits, else as large as they allow.
    exporter::PngOptions png;  // the diagram encoder (compression 0): a third of libdeflate's time
    double pixels = drawn.scene.width * drawn.scene.height;
    png.scale = std::min({1.0, 32000 / std::max(1.0, drawn.scene.width), 32000 / std::max(1.0, drawn.scene.height),
                          std::sqrt(png.max_pixels * 0.99 / std::max(1.0, pixels))});
    auto full = exporter::to_png(drawn.scene, png);
    if (!full.error.empty()) return fail(result, full.error);
    files[name + ".png"] = std::move(full.bytes);
    exporter::PngOptions thumb;
    thumb.scale = std::min(1.0, 320 / std::max(1.0, drawn.scene.width));
    auto small = exporter::to_png(drawn.scene, thumb);
    if (!small.error.empty()) return fail(result, small.error);
    files["thumbnail.png"] = std::move(small.bytes);
    if (text_form) {
      // The text is the source; the BPMN beside it carries the layout drawn on the page.
      files[name + ".syzba"] = bytes;
      files[name + ".bpmn"] = io::write_bpmn(defs);
    } else {
      files[name + ".bpmn"] = bytes;
    }

    info = page_info(name, defs, findings, steps);
    info.text_source = text_form;
    info.lang = lang;
    files["index.html"] = service_page(info, svg, steps, findings, lang);
    for (const auto& [file, content] : files) info.files[file] = content.size();
    files[std::string(summary_file)] = summary_json(info);
    files[std::string(hash_file)] = hash;
    if (std::string written = write_folder(options.out_dir, name, files); !written.empty()) return fail(result, written);
    result.status = Status::published;
    result.errors = info.errors, result.warnings = info.warnings;
    return result;
  }

  static FileResult fail(FileResult result, std::string reason) {
    result.status = Status::failed;
    result.reason = std::move(reason);
    return result;
  }

  static std::string first_error(const std::vector<model::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
      if (d.severity == model::Severity::error) return fmt::format("{}:{}: {}", d.line, d.column, d.message);
    return "not a BPMN model";
  }
};

// --lang, else the language most pages are in (Kazakh on a tie, as the regulations are).
std::string index_language(const std::vector<PageInfo>& pages, const Options& options) {
  if (!options.lang.empty()) return options.lang;
  std::map<std::string, int> count;
  for (const auto& p : pages)
    if (!p.lang.empty()) ++count[p.lang];
  std::string best = "kk";
  for (const char* lang : {"kk", "ru", "en"})
    if (count[lang] > count[best]) best = lang;
  return best;
}

}  // namespace

std::vector<fs::path> collect_inputs(const std::vector<std::string>& inputs, std::string& error) {
  std::vector<fs::path> out;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::directory_iterator(input, ec))
        if (e.path().extension() == ".bpmn" || e.path().extension() == ".syzba") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      out.emplace_back(input);
    } else {
      error = "no such file or folder: " + input;
      return {};
    }
  }
  return out;
}

Summary publish(const std::vector<fs::path>& files, const Options& options, const Progress& progress) {
  Summary summary;
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (!fs::is_directory(options.out_dir, ec)) {
    summary.error = "cannot create the output folder " + options.out_dir.string();
    return summary;
  }
  std::vector<std::string> names = folder_names(files);
  summary.files.resize(files.size());
  std::vector<PageInfo> pages(files.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  // One Pango engine per thread, their measurements shared: the legend, the page texts and
  // the lane names that come again in the other workers' diagrams are measured once.
  auto measures = std::make_shared<render::TextMeasures>();
  auto work = [&] {
    Worker worker{options, render::TextEngine({measures})};
    for (std::size_t i; (i = next++) < files.size();) {
      summary.files[i] = worker.run(files[i], names[i], pages[i]);
      std::lock_guard lock(progress_mutex);
      ++done;
      if (progress) progress(summary.files[i], done, files.size());
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(std::max<std::size_t>(1, files.size()))));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  // Everything written reaches the disk before the index that links to it.
  if (io::flush_folder(options.out_dir.string())) summary.error = "cannot flush " + options.out_dir.string() + " to disk";
  std::vector<std::pair<PageInfo, FileResult>> listed;
  for (std::size_t i = 0; i < files.size(); ++i) listed.emplace_back(pages[i], summary.files[i]);
  if (auto error = io::write_file_atomically((options.out_dir / "index.html").string(), index_page(listed, index_language(pages, options))))
    summary.error = *error;
  return summary;
}

}  // namespace syzba::publish
