// Outputs are written to a temporary beside the target and renamed over it, so a reader of
// the target sees the old file or the new one, never half of one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "io/io.h"

namespace syzba::io {

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content) {
  if (path == "-") {
    std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
    std::cout.flush();
    if (!std::cout) return "cannot write to standard output";
    return std::nullopt;
  }
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  auto fail = [&](const std::string& what) {
    int err = errno;
    close(fd);
    unlink(pattern.c_str());
    return std::optional<std::string>(what + ": " + std::strerror(err));
  };
  for (std::size_t done = 0; done < content.size();) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write " + pattern);
    }
    done += static_cast<std::size_t>(n);
  }
  if (fchmod(fd, 0644) != 0) return fail("cannot set permissions on " + pattern);
  if (fsync(fd) != 0) return fail("cannot flush " + pattern);
  if (close(fd) != 0) {
    unlink(pattern.c_str());
    return "cannot close " + pattern + ": " + std::strerror(errno);
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(pattern.c_str());
    return "cannot rename the temporary to " + path + ": " + std::strerror(err);
  }
  return std::nullopt;
}

}  // namespace syzba::io
