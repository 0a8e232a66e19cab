// PNG, written here: the four chunks, and the zlib stream inside IDAT by one of two encoders.
//
// The default is a deflate encoder made for diagrams (compression 0). A diagram is mostly flat
// colour: rows the same as the row above, runs of one pixel, and anti-aliased edges and text
// between them. So a row the same as the one above is one match a row back, without looking
// at it; in other rows each byte is a literal or the longest of three matches: with the row
// above, with the pixel to the left (distance 3), and with where its 4 bytes were last seen
// (a hash table of the positions looked at only, not of every byte as a general deflater
// keeps). The tokens of 64 Ki at a time become one block with its own Huffman codes. On the
// 2531 × 1170 seed diagram (8.9 MB of rows): about 5.5 ms where libdeflate took 20–23 ms at
// level 6 and 30–40 ms at level 1 (same run), for a file of 186 KB instead of 144 KB.
// Rows are unfiltered: with libdeflate, Sub, Up and Paeth made the file 15–25 % larger; Up
// on the rows that are mostly the row above, in this encoder, 12 % larger.
//
// compression 1..12 is libdeflate at that level, over the same unfiltered rows: smaller files,
// at four times the time. Both encoders give the same pixels.
#include "export/png_writer.h"

#include <libdeflate.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace syzba::exporter {

namespace {

// Cairo's ARGB32 is premultiplied, one native-endian 32-bit word per pixel; over white, a
// premultiplied channel c with alpha a becomes c + 255 − a (at most 255: c <= a, so the three
// channels are added to at once without a carry). Each pixel is stored as 4 bytes, the 4th
// overwritten by the next pixel: out must have 4 bytes to spare after the row.
void to_rgb_plain(const unsigned char* row, int width, unsigned char* out) {
  const auto* px = reinterpret_cast<const std::uint32_t*>(row);
  for (int x = 0; x < width; ++x) {
    std::uint32_t v = px[x];
    std::uint32_t rgb = (v & 0xFFFFFFU) + (255U - (v >> 24)) * 0x010101U;  // 0x00RRGGBB
    std::uint32_t bytes = __builtin_bswap32(rgb) >> 8;                      // R, G, B, 0 in memory
    std::memcpy(out + 3 * static_cast<std::ptrdiff_t>(x), &bytes, 4);
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same, 4 pixels at a time with SSSE3's byte shuffle (x86-64 has it since 2006; checked
// at run time): the channels put in R, G, B order by one shuffle, 255 − a (the alpha byte
// inverted) beside each by another, and the two added bytewise (no carry, as above). 16 bytes
// are stored for 12.
__attribute__((target("ssse3"))) void to_rgb_ssse3(const unsigned char* row, int width, unsigned char* out) {
  const __m128i pack = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m128i alpha = _mm_setr_epi8(3, 3, 3, 7, 7, 7, 11, 11, 11, 15, 15, 15, -1, -1, -1, -1);
  const __m128i ones = _mm_set1_epi8(-1);
  int x = 0;
  for (; x + 4 <= width; x += 4) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 4 * static_cast<std::ptrdiff_t>(x)));
    __m128i rgb = _mm_add_epi8(_mm_shuffle_epi8(v, pack), _mm_shuffle_epi8(_mm_xor_si128(v, ones), alpha));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 3 * static_cast<std::ptrdiff_t>(x)), rgb);
  }
  to_rgb_plain(row + 4 * static_cast<std::ptrdiff_t>(x), width - x, out + 3 * static_cast<std::ptrdiff_t>(x));
}

// 8 pixels at a time with AVX2 (checked at run time): the same shuffles in each 128-bit half,
// then the two halves' 12 bytes moved together. 32 bytes are stored for 24.
__attribute__((target("avx2"))) void to_rgb_avx2(const unsigned char* row, int width, unsigned char* out) {
  const __m256i pack = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,  //
                                        2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i alpha = _mm256_setr_epi8(3, 3, 3, 7, 7, 7, 11, 11, 11, 15, 15, 15, -1, -1, -1, -1,  //
                                         3, 3, 3, 7, 7, 7, 11, 11, 11, 15, 15, 15, -1, -1, -1, -1);
  const __m256i together = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
  const __m256i ones = _mm256_set1_epi8(-1);
  int x = 0;
  for (; x + 8 <= width; x += 8) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + 4 * static_cast<std::ptrdiff_t>(x)));
    __m256i rgb = _mm256_add_epi8(_mm256_shuffle_epi8(v, pack), _mm256_shuffle_epi8(_mm256_xor_si256(v, ones), alpha));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + 3 * static_cast<std::ptrdiff_t>(x)), _mm256_permutevar8x32_epi32(rgb, together));
  }
  to_rgb_ssse3(row + 4 * static_cast<std::ptrdiff_t>(x), width - x, out + 3 * static_cast<std::ptrdiff_t>(x));
}
#endif

// out must have 8 bytes to spare after the row (what the vector stores write past it).
void to_rgb(const unsigned char* row, int width, unsigned char* out) {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return to_rgb_avx2(row, width, out);
  static const bool ssse3 = __builtin_cpu_supports("ssse3");
  if (ssse3) return to_rgb_ssse3(row, width, out);
#endif
  to_rgb_plain(row, width, out);
}

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void chunk(std::string& out, std::string_view type, std::string_view data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  std::size_t start = out.size();
  out.append(type);
  out.append(data);
  put32(out, libdeflate_crc32(0, out.data() + start, out.size() - start));
}

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// --- the diagram encoder -------------------------------------------------------------------

// Bits into bytes, least significant first (RFC 1951 3.1.1).
class BitWriter {
 public:
  explicit BitWriter(std::string& out) : out_(out) {}
  // Inlined: called once or more a token, the call cost as much as the work.
  [[gnu::always_inline]] void put(std::uint32_t value, int count) {  // count <= 32
    bits_ |= static_cast<std::uint64_t>(value) << count_;
    count_ += count;
    if (count_ >= 32) {
      char bytes[4] = {static_cast<char>(bits_), static_cast<char>(bits_ >> 8), static_cast<char>(bits_ >> 16),
                       static_cast<char>(bits_ >> 24)};
      out_.append(bytes, 4);
      bits_ >>= 32;
      count_ -= 32;
    }
  }
  void align() {  // the last byte padded with zero bits
    while (count_ > 0) {
      out_.push_back(static_cast<char>(bits_));
      bits_ >>= 8;
      count_ = std::max(0, count_ - 8);
    }
    bits_ = 0;
  }

 private:
  std::string& out_;
  std::uint64_t bits_ = 0;
  int count_ = 0;
};

// Code lengths of a Huffman code for these frequencies, none longer than max_bits. At least two
// symbols get a code (a complete code, which every inflater takes). Deterministic: ties are
// broken by symbol.
void code_lengths(const std::uint32_t* freq, int n, int max_bits, std::uint8_t* lengths) {
  std::vector<std::pair<std::uint32_t, int>> used;  // (frequency, symbol)
  for (int s = 0; s < n; ++s)
    if (freq[s]) used.emplace_back(freq[s], s);
  for (int s = 0; used.size() < 2; ++s)
    if (!freq[s]) used.emplace_back(1, s);
  std::fill(lengths, lengths + n, 0);
  std::sort(used.begin(), used.end());  // rarest first
  // Huffman's algorithm over the sorted leaves and a queue of internal nodes (both in order).
  std::size_t m = used.size();
  std::vector<std::uint64_t> weight(2 * m);
  std::vector<int> parent(2 * m, -1);
  for (std::size_t i = 0; i < m; ++i) weight[i] = used[i].first;
  std::size_t leaf = 0, node = m, next = m;
  auto take = [&]() -> std::size_t {
    if (leaf < m && (node >= next || weight[leaf] <= weight[node])) return leaf++;
    return node++;
  };
  while (next < 2 * m - 1) {
    std::size_t a = take(), b = take();
    weight[next] = weight[a] + weight[b];
    parent[a] = parent[b] = static_cast<int>(next);
    ++next;
  }
  std::vector<int> depth(2 * m - 1, 0);
  std::array<int, 64> count{};
  for (std::size_t i = 2 * m - 1; i-- > 0;) {
    if (parent[i] >= 0) depth[i] = depth[static_cast<std::size_t>(parent[i])] + 1;
    if (i < m) ++count[static_cast<std::size_t>(std::min(depth[i], 63))];
  }
  // Too long: every code longer than max_bits made max_bits long, then codes lengthened from the
  // longest below max_bits until the code is complete again (as miniz does).
  for (int b = max_bits + 1; b < 64; ++b) {
    count[static_cast<std::size_t>(max_bits)] += count[static_cast<std::size_t>(b)];
    count[static_cast<std::size_t>(b)] = 0;
  }
  std::uint64_t total = 0;
  for (int b = 1; b <= max_bits; ++b) total += static_cast<std::uint64_t>(count[static_cast<std::size_t>(b)]) << (max_bits - b);
  while (total > (1ULL << max_bits)) {
    --count[static_cast<std::size_t>(max_bits)];
    for (int b = max_bits - 1; b > 0; --b)
      if (count[static_cast<std::size_t>(b)]) {
        --count[static_cast<std::size_t>(b)];
        count[static_cast<std::size_t>(b) + 1] += 2;
        break;
      }
    --total;
  }
  // The shortest codes to the most frequent symbols.
  std::size_t i = m;
  for (int b = 1; b <= max_bits; ++b)
    for (int k = 0; k < count[static_cast<std::size_t>(b)]; ++k) lengths[used[--i].second] = static_cast<std::uint8_t>(b);
}

// Canonical codes (RFC 1951 3.2.2), bit-reversed to be written least significant bit first.
void canonical_codes(const std::uint8_t* lengths, int n, std::uint16_t* codes) {
  std::array<int, 16> count{}, next{};
  for (int s = 0; s < n; ++s) ++count[lengths[s]];
  count[0] = 0;
  for (int b = 1, code = 0; b < 16; ++b) {
    code = (code + count[static_cast<std::size_t>(b) - 1]) << 1;
    next[static_cast<std::size_t>(b)] = code;
  }
  for (int s = 0; s < n; ++s) {
    int len = lengths[s];
    if (!len) continue;
    unsigned code = static_cast<unsigned>(next[static_cast<std::size_t>(len)]++), reversed = 0;
    for (int b = 0; b < len; ++b) reversed |= ((code >> b) & 1U) << (len - 1 - b);
    codes[s] = static_cast<std::uint16_t>(reversed);
  }
}

struct LengthCode {
  std::uint16_t symbol;
  std::uint8_t extra_bits;
  std::uint16_t extra;
};

constexpr std::array<LengthCode, 259> make_length_codes() {
  std::array<LengthCode, 259> table{};
  constexpr int base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  constexpr int bits[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  for (int code = 0; code < 29; ++code) {
    int last = code == 28 ? 258 : (code == 27 ? 257 : base[code + 1] - 1);
    for (int len = base[code]; len <= last; ++len)
      table[static_cast<std::size_t>(len)] = {static_cast<std::uint16_t>(257 + code), static_cast<std::uint8_t>(bits[code]),
                                              static_cast<std::uint16_t>(len - base[code])};
  }
  return table;
}
constexpr auto length_codes = make_length_codes();

struct DistanceCode {
  int symbol, extra_bits;
  std::uint32_t extra;
};

DistanceCode distance_code_of(std::uint32_t distance) {  // 1..32768
  if (distance <= 4) return {static_cast<int>(distance) - 1, 0, 0};
  std::uint32_t v = distance - 1;
  int top = 31 - __builtin_clz(v);  // >= 2
  return {2 * top + static_cast<int>((v >> (top - 1)) & 1U), top - 1, v & ((1U << (top - 1)) - 1)};
}

// The symbol and extra bits of a distance: distances to 256 by themselves, longer ones by their
// 128s (as zlib's tables; a distance code above 256 spans a multiple of 128).
struct DistanceCodes {
  std::array<std::uint8_t, 512> symbol{};
  DistanceCodes() {
    for (std::uint32_t d = 1; d <= 256; ++d) symbol[d - 1] = static_cast<std::uint8_t>(distance_code_of(d).symbol);
    for (std::uint32_t k = 2; k < 256; ++k) symbol[256 + k] = static_cast<std::uint8_t>(distance_code_of((k << 7) + 1).symbol);
  }
};
const DistanceCodes distance_codes;

DistanceCode distance_code(std::uint32_t distance) {
  std::uint32_t v = distance - 1;
  int symbol = distance_codes.symbol[v < 256 ? v : 256 + (v >> 7)];
  if (symbol < 4) return {symbol, 0, 0};
  int extra_bits = symbol / 2 - 1;
  std::uint32_t base = (2U + (symbol & 1U)) << extra_bits;  // distance - 1 of the symbol's first
  return {symbol, extra_bits, v - base};
}

struct Token {
  std::uint16_t value;     // a literal byte, or a match's length (3..258)
  std::uint16_t distance;  // 0: a literal
};

// A code and its extra bits, put at once (at most 15 + 13 bits).
struct Put {
  std::uint32_t value = 0;
  int count = 0;
};

// The tokens of a block in the codes of these lengths, and the end of the block. A match's
// length and its distance are put as one code each, their extra bits joined to them: the
// lengths' from a table made here, the distance's kept from the match before (most are a row
// or a pixel back, as the one before).
void write_tokens(BitWriter& bits, const std::vector<Token>& tokens, const std::uint8_t* lit_len, const std::uint8_t* dist_len) {
  std::array<std::uint16_t, 286> lit_code{};
  std::array<std::uint16_t, 30> dist_code{};
  canonical_codes(lit_len, 286, lit_code.data());
  canonical_codes(dist_len, 30, dist_code.data());
  std::array<Put, 259> length{};
  for (std::size_t n = 3; n <= 258; ++n) {
    const LengthCode& l = length_codes[n];
    length[n] = {lit_code[l.symbol] | static_cast<std::uint32_t>(l.extra) << lit_len[l.symbol], lit_len[l.symbol] + l.extra_bits};
  }
  std::uint32_t last_distance = 0;
  Put distance;
  for (const Token& t : tokens) {
    if (!t.distance) {
      bits.put(lit_code[t.value], lit_len[t.value]);
      continue;
    }
    bits.put(length[t.value].value, length[t.value].count);
    if (t.distance != last_distance) {
      DistanceCode d = distance_code(t.distance);
      auto symbol = static_cast<std::size_t>(d.symbol);
      distance = {dist_code[symbol] | d.extra << dist_len[symbol], dist_len[symbol] + d.extra_bits};
      last_distance = t.distance;
    }
    bits.put(distance.value, distance.count);
  }
  bits.put(lit_code[256], lit_len[256]);
}

// One dynamic-Huffman block (RFC 1951 3.2.7) of these tokens.
void write_block(BitWriter& bits, const std::vector<Token>& tokens, bool last) {
  std::array<std::uint32_t, 286> lit_freq{};
  std::array<std::uint32_t, 30> dist_freq{};
  // Most matches are a row or a pixel back: the last distance's code is kept.
  std::uint32_t last_distance = 0;
  DistanceCode last_code{};
  auto code_of = [&](std::uint32_t distance) -> const DistanceCode& {
    if (distance != last_distance) last_distance = distance, last_code = distance_code(distance);
    return last_code;
  };
  for (const Token& t : tokens) {
    if (!t.distance) {
      ++lit_freq[t.value];
    } else {
      ++lit_freq[length_codes[t.value].symbol];
      ++dist_freq[static_cast<std::size_t>(code_of(t.distance).symbol)];
    }
  }
  lit_freq[256] = 1;  // end of block
  std::array<std::uint8_t, 286> lit_len{};
  std::array<std::uint8_t, 30> dist_len{};
  code_lengths(lit_freq.data(), 286, 15, lit_len.data());
  code_lengths(dist_freq.data(), 30, 15, dist_len.data());
  int hlit = 286, hdist = 30;
  while (hlit > 257 && !lit_len[static_cast<std::size_t>(hlit) - 1]) --hlit;
  while (hdist > 1 && !dist_len[static_cast<std::size_t>(hdist) - 1]) --hdist;

  // The code lengths, run-length coded with symbols 16 (repeat the last 3..6), 17 (3..10
  // zeros), 18 (11..138 zeros).
  std::vector<std::uint8_t> all(lit_len.begin(), lit_len.begin() + hlit);
  all.insert(all.end(), dist_len.begin(), dist_len.begin() + hdist);
  std::vector<std::pair<std::uint8_t, std::uint8_t>> runs;  // (symbol, extra)
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j] == all[i]) ++j;
    std::size_t run = j - i;
    if (all[i] == 0) {
      while (run >= 11) {
        std::size_t k = std::min<std::size_t>(run, 138);
        runs.emplace_back(18, static_cast<std::uint8_t>(k - 11));
        run -= k;
      }
      if (run >= 3) {
        runs.emplace_back(17, static_cast<std::uint8_t>(run - 3));
        run = 0;
      }
      for (; run > 0; --run) runs.emplace_back(0, 0);
    } else {
      runs.emplace_back(all[i], 0);
      --run;
      while (run >= 3) {
        std::size_t k = std::min<std::size_t>(run, 6);
        runs.emplace_back(16, static_cast<std::uint8_t>(k - 3));
        run -= k;
      }
      for (; run > 0; --run) runs.emplace_back(all[i], 0);
    }
    i = j;
  }
  std::array<std::uint32_t, 19> cl_freq{};
  for (auto [symbol, extra] : runs) ++cl_freq[symbol];
  std::array<std::uint8_t, 19> cl_len{};
  code_lengths(cl_freq.data(), 19, 7, cl_len.data());
  std::array<std::uint16_t, 19> cl_code{};
  canonical_codes(cl_len.data(), 19, cl_code.data());
  static constexpr int order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  int hclen = 19;
  while (hclen > 4 && !cl_len[static_cast<std::size_t>(order[hclen - 1])]) --hclen;

  bits.put(last ? 1 : 0, 1);
  bits.put(2, 2);  // dynamic Huffman codes
  bits.put(static_cast<std::uint32_t>(hlit - 257), 5);
  bits.put(static_cast<std::uint32_t>(hdist - 1), 5);
  bits.put(static_cast<std::uint32_t>(hclen - 4), 4);
  for (int i = 0; i < hclen; ++i) bits.put(cl_len[static_cast<std::size_t>(order[i])], 3);
  for (auto [symbol, extra] : runs) {
    bits.put(cl_code[symbol], cl_len[symbol]);
    if (symbol == 16) bits.put(extra, 2);
    if (symbol == 17) bits.put(extra, 3);
    if (symbol == 18) bits.put(extra, 7);
  }

  write_tokens(bits, tokens, lit_len.data(), dist_len.data());
}

// How many bytes from a and b are the same, at most max.
std::size_t same_bytes(const unsigned char* a, const unsigned char* b, std::size_t max) {
  std::size_t n = 0;
#if defined(__SSE2__)
  // 32 bytes a step (SSE2 is part of x86-64): the runs of a diagram's rows are long, and this
  // loop was a tenth of all instructions of a PNG render at 8 bytes a step.
  for (; n + 32 <= max; n += 32) {
    auto load = [](const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); };
    __m128i lo = _mm_cmpeq_epi8(load(a + n), load(b + n)), hi = _mm_cmpeq_epi8(load(a + n + 16), load(b + n + 16));
    unsigned same = static_cast<unsigned>(_mm_movemask_epi8(lo)) | static_cast<unsigned>(_mm_movemask_epi8(hi)) << 16;
    if (same != 0xFFFFFFFFU) return n + static_cast<std::size_t>(__builtin_ctz(~same));
  }
#endif
  for (; n + 8 <= max; n += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a + n, 8);
    std::memcpy(&y, b + n, 8);
    if (x != y) return n + static_cast<std::size_t>(__builtin_ctzll(x ^ y)) / 8;  // little-endian
  }
  while (n < max && a[n] == b[n]) ++n;
  return n;
}

void push_match(std::vector<Token>& tokens, std::size_t length, std::size_t distance) {
  while (length > 0) {
    std::size_t k = std::min<std::size_t>(length, 258);
    if (length - k > 0 && length - k < 3) k = length - 3;  // what is left must be a match too
    tokens.push_back({static_cast<std::uint16_t>(k), static_cast<std::uint16_t>(distance)});
    length -= k;
  }
}

// The match with the pixel to the left (3 bytes back) of the rest bytes at p, when the match
// with the row above is above long: where that one is 6 or longer, the left one is only looked
// at past that when it reaches past it (the same length as the whole scan: only the longer of
// the two is taken).
std::size_t left_match(const unsigned char* p, std::size_t rest, std::size_t above) {
  if (above < 6 || above >= rest) return same_bytes(p, p - 3, rest);
  std::size_t n = same_bytes(p, p - 3, above + 1);
  return n <= above ? n : n + same_bytes(p + n, p + n - 3, rest - n);
}

constexpr std::size_t window = 32768;  // how far back a match may reach
// Where 4 bytes were last seen, by their hash (stream position + 1; 0: never). Only the
// positions looked at are entered, not the runs, so it costs per literal, not per byte.
constexpr int hash_bits = 15;

// The tokens of one row at stream position at: each byte a literal, or the longest of a match
// with the row above, with the pixel to the left, and with where its 4 bytes were last seen.
void tokenize(const unsigned char* cur, const unsigned char* prev, std::size_t row_bytes, std::size_t at, bool has_above,
              bool hashing, std::vector<std::uint32_t>& seen, std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < row_bytes;) {
    std::size_t rest = row_bytes - i;
    std::size_t above = has_above ? same_bytes(cur + i, prev + i, rest) : 0;
    std::size_t left = i >= 4 ? left_match(cur + i, rest, above) : 0;
    if (above > left && above >= 6) {  // a distance of a row costs a dozen extra bits
      push_match(tokens, above, row_bytes);
      i += above;
      continue;
    }
    if (left >= 6) {
      push_match(tokens, left, 3);
      i += left;
      continue;
    }
    std::size_t found = 0, distance = 0;
    if (rest >= 4 && hashing) {
      std::uint32_t word;
      std::memcpy(&word, cur + i, 4);
      std::uint32_t h = (word * 2654435761U) >> (32 - hash_bits);
      std::size_t then = seen[h];
      seen[h] = static_cast<std::uint32_t>(at + i + 1);
      if (then && at + i + 1 - then <= window) {
        distance = at + i + 1 - then;
        found = same_bytes(cur + i, cur + i - distance, rest);
      }
    }
    if (found >= 4 && found > left) {
      push_match(tokens, found, distance);
      i += found;
    } else if (left >= 3) {
      push_match(tokens, left, 3);
      i += left;
    } else {
      tokens.push_back({cur[i], 0});
      ++i;
    }
  }
}

// The zlib stream (RFC 1950) of the unfiltered RGB rows of an image.
std::string diagram_zlib(const unsigned char* data, int width, int height, int stride) {
  std::size_t row_bytes = 1 + static_cast<std::size_t>(width) * 3;  // the filter byte (0: none), then RGB
  bool up = row_bytes <= window;         // the row above within reach
  // The rows as they are written, the last 32 KiB of them kept when the buffer is full.
  std::size_t capacity = std::max<std::size_t>(1 << 18, 2 * (window + row_bytes));
  std::vector<unsigned char> buffer(capacity + 16);  // + what to_rgb writes after a row
  std::size_t base = 0, used = 0;  // the stream position of buffer[0]; bytes in the buffer
  std::vector<std::uint32_t> seen(1U << hash_bits, 0);
  // Positions are kept in 32 bits: no hash matches in a stream longer than that (1.4 billion
  // pixels; the limit is 150 million).
  bool hashing = row_bytes * static_cast<std::size_t>(height) < 0xFFFF0000U;
  std::string out = "\x78\x01";  // deflate, 32 KiB window, fastest
  BitWriter bits(out);
  std::vector<Token> tokens;
  constexpr std::size_t block_tokens = 1 << 16;
  tokens.reserve(block_tokens + row_bytes);
  std::uint32_t adler = 1;
  for (int y = 0; y < height; ++y) {
    if (used + row_bytes > capacity) {
      std::size_t keep = std::min(used, window);
      std::memmove(buffer.data(), buffer.data() + used - keep, keep);
      base += used - keep;
      used = keep;
    }
    unsigned char* cur = buffer.data() + used;
    const unsigned char* prev = cur - row_bytes;
    std::size_t at = base + used;  // the stream position of cur[0]
    used += row_bytes;
    const unsigned char* source = data + static_cast<std::ptrdiff_t>(y) * stride;
    // A row the same as the one above (most of a diagram's are): one match, nothing to look at.
    if (up && y > 0 && std::memcmp(source, source - stride, static_cast<std::size_t>(width) * 4) == 0) {
      std::memcpy(cur, prev, row_bytes);
      adler = libdeflate_adler32(adler, cur, row_bytes);
      push_match(tokens, row_bytes, row_bytes);  // what the search below finds for such a row
    } else {
      cur[0] = 0;
      to_rgb(source, width, cur + 1);
      adler = libdeflate_adler32(adler, cur, row_bytes);
      tokenize(cur, prev, row_bytes, at, y > 0 && up, hashing, seen, tokens);
    }
    if (tokens.size() >= block_tokens) {
      write_block(bits, tokens, false);
      tokens.clear();
    }
  }
  write_block(bits, tokens, true);
  bits.align();
  put32(out, adler);
  return out;
}

std::string libdeflate_zlib(const unsigned char* data, int width, int height, int stride, int level, std::string& error) {
  std::size_t row_bytes = 1 + static_cast<std::size_t>(width) * 3;
  std::vector<unsigned char> rows(row_bytes * static_cast<std::size_t>(height) + 16);  // to_rgb writes past a row
  for (int y = 0; y < height; ++y) {
    unsigned char* row = rows.data() + row_bytes * static_cast<std::size_t>(y);
    row[0] = 0;
    to_rgb(data + static_cast<std::ptrdiff_t>(y) * stride, width, row + 1);
  }
  std::unique_ptr<libdeflate_compressor, FreeCompressor> compressor(libdeflate_alloc_compressor(std::clamp(level, 1, 12)));
  if (!compressor) {
    error = "PNG: out of memory";
    return {};
  }
  std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), rows.size() - 16);
  std::unique_ptr<char[]> stream(new char[bound]);  // not zeroed: only what is written is touched
  std::size_t size = libdeflate_zlib_compress(compressor.get(), rows.data(), rows.size() - 16, stream.get(), bound);
  if (size == 0) {
    error = "PNG: the image could not be compressed";
    return {};
  }
  return std::string(stream.get(), size);
}

}  // namespace

std::string encode_png(cairo_surface_t* image, int compression, std::string& error) {
  cairo_surface_flush(image);
  int width = cairo_image_surface_get_width(image), height = cairo_image_surface_get_height(image);
  int stride = cairo_image_surface_get_stride(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  if (!data || width <= 0 || height <= 0) {
    error = "PNG: the image is empty";
    return {};
  }
  std::string stream = compression <= 0 ? diagram_zlib(data, width, height, stride)
                                        : libdeflate_zlib(data, width, height, stride, compression, error);
  if (stream.empty()) return {};

  std::string out = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter method, not interlaced
  chunk(out, "IHDR", header);
  chunk(out, "IDAT", stream);
  chunk(out, "IEND", "");
  return out;
}

}  // namespace syzba::exporter
