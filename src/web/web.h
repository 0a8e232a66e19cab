#pragma once
// syzba::web — the files syzba gives to browsers: the modeler page and the diagram viewer
// (src/assets: HTML, CSS, plain JavaScript), built into the binary by
// cmake/embed_assets.cmake, so that `serve` needs nothing beside itself and `publish` writes
// the same viewer into every site.
#include <optional>
#include <string_view>

namespace syzba::web {

struct Asset {
  std::string_view bytes;
  std::string_view content_type;
};

// The file of src/assets with this name ("modeler.html", "viewer.js"), or nothing.
std::optional<Asset> find_asset(std::string_view name);

}  // namespace syzba::web
