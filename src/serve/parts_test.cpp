#include <catch2/catch.hpp>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "serve/parts.h"

using namespace syzba::serve;
namespace fs = std::filesystem;

namespace {

std::string deflate(const std::string& in, int window_bits) {
  z_stream s{};
  deflateInit2(&s, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&s, in.size()), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

std::string base64url(const std::string& in) {
  const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0;
  int n = 0;
  for (unsigned char c : in) {
    bits = (bits << 8) | c;
    n += 8;
    while (n >= 6) out += a[(bits >> (n -= 6)) & 63];
  }
  if (n > 0) out += a[(bits << (6 - n)) & 63];
  return out;
}

}  // namespace

TEST_CASE("serve: a Kroki payload is inflated from zlib or raw deflate, and bounded", "[serve]") {
  std::string source = "<definitions>Қазақ мәтіні</definitions>";
  CHECK(decode_kroki_payload(base64url(deflate(source, 15)), 1 << 20).source == source);
  CHECK(decode_kroki_payload(base64url(deflate(source, -15)), 1 << 20).source == source);
  CHECK_FALSE(decode_kroki_payload("@@@", 1 << 20).source);
  CHECK_FALSE(decode_kroki_payload(base64url("plain text, not deflated"), 1 << 20).source);
  std::string truncated = deflate(source, 15);
  truncated.resize(truncated.size() / 2);
  CHECK_FALSE(decode_kroki_payload(base64url(truncated), 1 << 20).source);
  auto bomb = decode_kroki_payload(base64url(deflate(std::string(10 << 20, ' '), 15)), 1 << 20);
  CHECK_FALSE(bomb.source);
  CHECK(bomb.too_large);
}

TEST_CASE("serve: paths under the root never leave it", "[serve]") {
  fs::path tmp = fs::temp_directory_path() / ("syzba-root-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp / "root" / "sub");
  fs::create_directories(tmp / "outside");
  std::ofstream(tmp / "root" / "a.syzba") << "x";
  std::ofstream(tmp / "outside" / "secret.syzba") << "x";
  fs::create_symlink(tmp / "outside" / "secret.syzba", tmp / "root" / "link.syzba");
  fs::create_directory_symlink(tmp / "outside", tmp / "root" / "linkdir");
  Root root(tmp / "root");
  CHECK(root.resolve("a.syzba") == fs::canonical(tmp / "root") / "a.syzba");
  CHECK(root.resolve("sub/new.syzba"));  // a new file in a folder that exists
  for (const char* bad : {"../outside/secret.syzba", "/etc/passwd", "sub/../../outside/secret.syzba", "link.syzba",
                          "linkdir/secret.syzba", "", ".", "sub", "no/such/folder.syzba", "a\\..\\b"})
    CHECK_FALSE(root.resolve(bad));
  auto models = root.models();
  REQUIRE(models.size() == 1);
  CHECK(models[0].path == "a.syzba");
  fs::remove_all(tmp);
}

TEST_CASE("serve: a version changes with the bytes", "[serve]") {
  CHECK(version_of("a") == version_of("a"));
  CHECK(version_of("a") != version_of("b"));
  CHECK(version_of("ab") != version_of("ba"));
}

TEST_CASE("serve: the workers run jobs, refuse when the queue is full, and give up waiting at the limit", "[serve]") {
  Workers workers(1, 1);
  std::atomic<int> ran{0};
  CHECK(workers.run([&](syzba::render::TextEngine&) { ++ran; }, std::chrono::seconds(10)) == Workers::Outcome::done);
  CHECK(ran == 1);
  std::atomic<bool> release{false};
  std::thread blocker([&] {
    workers.run([&](syzba::render::TextEngine&) {
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }, std::chrono::seconds(10));
  });
  while (workers.busy() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::thread queued([&] { workers.run([&](syzba::render::TextEngine&) { ++ran; }, std::chrono::seconds(10)); });
  while (workers.queued() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(workers.run([&](syzba::render::TextEngine&) { ++ran; }, std::chrono::seconds(10)) == Workers::Outcome::queue_full);
  release = true;
  blocker.join();
  queued.join();
  CHECK(ran == 2);
  CHECK(workers.run([](syzba::render::TextEngine&) { std::this_thread::sleep_for(std::chrono::milliseconds(200)); },
                    std::chrono::milliseconds(10)) == Workers::Outcome::timed_out);
}
