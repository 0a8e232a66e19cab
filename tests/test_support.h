#pragma once
// What the tests share: where the fixtures, the shared corpus and the built binary are, and
// small helpers to read files and run the syzba command.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace syzba::test {

inline std::filesystem::path fixtures() { return SYZBA_FIXTURES_DIR; }
inline std::filesystem::path shared() { return SYZBA_SHARED_DIR; }
inline std::filesystem::path syzba_binary() { return SYZBA_BINARY; }

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The .bpmn files of a folder, sorted; fails the test if there are none, so a missing
// corpus can never pass as an empty loop.
inline std::vector<std::filesystem::path> bpmn_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".bpmn") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  INFO("folder: " << dir);
  REQUIRE_FALSE(files.empty());
  return files;
}

inline std::vector<std::filesystem::path> miwg_files() { return bpmn_files(shared() / "corpus" / "miwg"); }

struct Run {
  int exit_code;
  std::string out;
};

// Runs a shell command; captures standard output.
inline Run run_command(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// Runs the syzba binary with a shell-quoted argument string; captures standard output.
inline Run run_syzba(const std::string& args) { return run_command("'" + syzba_binary().string() + "' " + args); }

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace syzba::test
