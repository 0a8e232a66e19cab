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

namespace {

// A temporary beside the target (same folder, so the rename stays on one file system),
// readable like any output; fd < 0 with error set when it cannot be made.
struct Temporary {
  std::string path;
  int fd = -1;
  std::string error;
};

Temporary make_temporary(const std::string& target_path) {
  namespace fs = std::filesystem;
  fs::path target(target_path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  Temporary t{(dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string()};
  t.fd = mkstemp(t.path.data());
  if (t.fd < 0) t.error = "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  return t;
}

// The temporary becomes the target; on a failure before (ok false, errno err) or of the
// rename, it is removed and the error said.
std::optional<std::string> finish(const Temporary& t, const std::string& path, bool ok, int err) {
  if (ok && std::rename(t.path.c_str(), path.c_str()) == 0) return std::nullopt;
  std::string what = ok ? "cannot rename the temporary to " + path : "cannot write " + path;
  if (ok) err = errno;
  unlink(t.path.c_str());
  return what + ": " + std::strerror(err);
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(std::ostream&)>& produce) {
  if (path == "-") {
    produce(std::cout);
    std::cout.flush();
    if (!std::cout) return "cannot write to standard output";
    return std::nullopt;
  }
  Temporary temporary = make_temporary(path);
  if (temporary.fd < 0) return temporary.error;
  bool ok = fchmod(temporary.fd, 0644) == 0;
  close(temporary.fd);
  if (ok) {
    std::ofstream out(temporary.path, std::ios::binary | std::ios::trunc);
    produce(out);
    out.flush();
    ok = out.good();
    out.close();
    ok = ok && !out.fail();
  }
  if (ok) {
    // The bytes must be on disk before the rename makes them the target.
    int sync_fd = open(temporary.path.c_str(), O_RDONLY);
    ok = sync_fd >= 0 && fsync(sync_fd) == 0;
    if (sync_fd >= 0) close(sync_fd);
  }
  return finish(temporary, path, ok, errno);
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content, Flush flush) {
  if (path == "-" || flush == Flush::each_file)
    return write_file_atomically(path, [&](std::ostream& out) {
      out.write(content.data(), static_cast<std::streamsize>(content.size()));
    });
  // Straight to the temporary's descriptor: no stream, no fsync (the caller flushes).
  Temporary temporary = make_temporary(path);
  if (temporary.fd < 0) return temporary.error;
  bool ok = fchmod(temporary.fd, 0644) == 0;
  for (std::size_t at = 0; ok && at < content.size();) {
    ssize_t n = ::write(temporary.fd, content.data() + at, content.size() - at);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) at += static_cast<std::size_t>(n);
  }
  int err = errno;
  if (close(temporary.fd) != 0 && ok) ok = false, err = errno;
  return finish(temporary, path, ok, err);
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
