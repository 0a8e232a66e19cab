#include <algorithm>

#include <fmt/format.h>

#include "model/model.h"
#include "serve/parts.h"

namespace syzba::serve {

namespace fs = std::filesystem;

Root::Root(const fs::path& folder) : folder_(fs::canonical(folder)) {}

namespace {

bool inside(const fs::path& folder, const fs::path& path) {
  auto [end, _] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

std::string kind_of(const fs::path& path) {
  std::string ext = model::lowercase(path.extension().string());
  return ext == ".syzba" ? "syzba" : ext == ".bpmn" || ext == ".bpmn2" ? "bpmn" : "";
}

}  // namespace

std::vector<Root::Entry> Root::models(std::size_t limit) const {
  std::vector<Entry> out;
  std::error_code ec;
  // Symbolic links to folders are not followed: the listing shows only what is inside.
  for (auto it = fs::recursive_directory_iterator(folder_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto& name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    std::string kind = kind_of(it->path());
    if (kind.empty() || !it->is_regular_file(ec) || !resolve(fs::relative(it->path(), folder_).generic_string())) continue;
    out.push_back({fs::relative(it->path(), folder_).generic_string(), kind});
    if (out.size() >= limit) break;
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
  return out;
}

std::optional<fs::path> Root::resolve(std::string_view relative) const {
  if (relative.empty() || relative.size() > 4096 || relative.find('\0') != std::string_view::npos ||
      relative.find('\\') != std::string_view::npos)
    return std::nullopt;
  fs::path rel(relative);
  if (rel.is_absolute() || rel.has_root_name()) return std::nullopt;
  for (const auto& part : rel)
    if (part == ".." || part == ".") return std::nullopt;
  fs::path full = folder_ / rel;
  std::error_code ec;
  // The folder it is in, with every link resolved, must be inside; so must the file when it
  // is a link.
  fs::path parent = fs::canonical(full.parent_path(), ec);
  if (ec || !inside(folder_, parent)) return std::nullopt;
  fs::path file = parent / full.filename();
  if (fs::is_symlink(file, ec)) {
    fs::path target = fs::canonical(file, ec);
    if (ec || !inside(folder_, target)) return std::nullopt;
  }
  if (fs::exists(file, ec) && !fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

std::string version_of(std::string_view bytes) {
  // FNV-1a, 64 bits, with the length: enough to tell an edit from none.
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return fmt::format("{:016x}-{}", hash, bytes.size());
}

}  // namespace syzba::serve
