#include <zlib.h>

#include <array>

#include "serve/parts.h"

namespace syzba::serve {

namespace {

// base64url (RFC 4648 §5), with or without padding; standard base64's + and / taken too, as
// some encoders send them.
std::optional<std::string> from_base64url(std::string_view in) {
  std::array<int, 256> value{};
  value.fill(-1);
  const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (std::size_t i = 0; i < alphabet.size(); ++i) value[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
  value['+'] = 62;
  value['/'] = 63;
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  if (in.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(in.size() * 3 / 4);
  unsigned bits = 0;
  int count = 0;
  for (char c : in) {
    int v = value[static_cast<unsigned char>(c)];
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFF));
    }
  }
  return out;
}

// window_bits 15: zlib's format (what Kroki's encoders write); -15: raw deflate.
Decoded inflate_bounded(std::string_view in, std::size_t max_bytes, int window_bits) {
  z_stream stream{};
  if (inflateInit2(&stream, window_bits) != Z_OK) return {};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  std::string out;
  std::array<char, 16384> chunk;
  int status = Z_OK;
  Decoded result;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) break;
    out.append(chunk.data(), chunk.size() - stream.avail_out);
    if (out.size() > max_bytes) {
      result.too_large = true;
      break;
    }
    if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) break;  // truncated input
  }
  inflateEnd(&stream);
  if (status == Z_STREAM_END && !result.too_large) result.source = std::move(out);
  return result;
}

}  // namespace

Decoded decode_kroki_payload(std::string_view payload, std::size_t max_bytes) {
  auto compressed = from_base64url(payload);
  if (!compressed || compressed->empty()) return {};
  auto zlib = inflate_bounded(*compressed, max_bytes, 15);
  if (zlib.source || zlib.too_large) return zlib;
  return inflate_bounded(*compressed, max_bytes, -15);
}

}  // namespace syzba::serve
