// Outputs are written to a temporary beside the target and renamed over it, so a reader of
// the target sees the old file or the new one, never half of one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "io/io.h"

namespace syzba::io {

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(std::ostream&)>& produce) {
  if (path == "-") {
    produce(std::cout);
    std::cout.flush();
    if (!std::cout) return "cannot write to standard output";
    return std::nullopt;
  }
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(temporary.data());
  if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  bool ok = fchmod(fd, 0644) == 0;
  close(fd);
  if (ok) {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    produce(out);
    out.flush();
    ok = out.good();
    out.close();
    ok = ok && !out.fail();
  }
  if (ok) {
    // The bytes must be on disk before the rename makes them the target.
    int sync_fd = open(temporary.c_str(), O_RDONLY);
    ok = sync_fd >= 0 && fsync(sync_fd) == 0;
    if (sync_fd >= 0) close(sync_fd);
  }
  if (!ok) {
    int err = errno;
    unlink(temporary.c_str());
    return "cannot write " + path + ": " + std::strerror(err);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(temporary.c_str());
    return "cannot rename the temporary to " + path + ": " + std::strerror(err);
  }
  return std::nullopt;
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content, Flush flush) {
  if (path == "-" || flush == Flush::each_file)
    return write_file_atomically(path, [&](std::ostream& out) {
      out.write(content.data(), static_cast<std::streamsize>(content.size()));
    });
  // Straight to the temporary's descriptor: no stream, no fsync (the caller flushes).
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(temporary.data());
  if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  bool ok = fchmod(fd, 0644) == 0;
  for (std::size_t at = 0; ok && at < content.size();) {
    ssize_t n = ::write(fd, content.data() + at, content.size() - at);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) at += static_cast<std::size_t>(n);
  }
  int err = errno;
  if (close(fd) != 0 && ok) ok = false, err = errno;
  if (!ok) {
    unlink(temporary.c_str());
    return "cannot write " + path + ": " + std::strerror(err);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    err = errno;
    unlink(temporary.c_str());
    return "cannot rename the temporary to " + path + ": " + std::strerror(err);
  }
  return std::nullopt;
}

std::optional<std::string> flush_folder(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return "cannot open " + dir + ": " + std::strerror(errno);
  bool synced = ::syncfs(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!synced) return "cannot flush " + dir + " to disk: " + std::strerror(err);
  return std::nullopt;
}

}  // namespace syzba::io
