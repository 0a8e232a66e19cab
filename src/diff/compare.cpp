// Matching OLD's elements to NEW's, then saying what changed in each pair.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "diff/diff.h"
#include "diff/inventory.h"

namespace syzba::diff {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::added: return "added";
    case Kind::removed: return "removed";
    case Kind::changed: return "changed";
    case Kind::layout: return "layout";
  }
  return "";
}

namespace {

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  std::string lower = model::lowercase(utf8);
  for (std::size_t i = 0; i < lower.size();) {
    unsigned char c = static_cast<unsigned char>(lower[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n && i + k < lower.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(lower[i + k]) & 0x3F);
    bool space = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r';
    if (!(space && (out.empty() || out.back() == ' '))) out.push_back(space ? U' ' : cp);
    i += static_cast<std::size_t>(n);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The letter pairs of a name, lower-cased, as sorted codes: Dice's coefficient over them is 1
// for the same text and near 0 for unrelated ones; a word changed in a long label keeps it high.
std::vector<std::uint64_t> letter_pairs(const std::string& text) {
  auto letters = code_points(text);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i + 1 < letters.size(); ++i) out.push_back((std::uint64_t{letters[i]} << 32) | letters[i + 1]);
  std::sort(out.begin(), out.end());
  return out;
}

double dice(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::string base_type(const std::string& type) { return type.substr(0, type.find('/')); }

class Matcher {
 public:
  Matcher(const Inventory& old_side, const Inventory& new_side) : old_(old_side), new_(new_side) {}

  // new index → old index
  std::vector<long> run() {
    pair_of_new_.assign(new_.entries.size(), -1);
    pair_of_old_.assign(old_.entries.size(), -1);
    taken_.assign(old_.entries.size(), false);
    for (const auto* side : {&old_, &new_}) {
      auto& letters = side == &old_ ? old_pairs_ : new_pairs_;
      for (const auto& e : side->entries) letters.push_back(letter_pairs(e.name));
    }
    for (std::size_t n = 0; n < new_.entries.size(); ++n) {
      auto it = old_.by_id.find(new_.entries[n].id);
      if (it != old_.by_id.end() && old_.entries[it->second].family == new_.entries[n].family) pair(n, it->second);
    }
    // Where ids changed: the same name in the same family once on each side, then likeness
    // (twice: a match makes neighbours for the next), then flows by their ends.
    std::set<std::string> families{"node", "lane", "participant", "data", "artifact", "process"};
    match_same_name(families);
    for (int round = 0; round < 2; ++round) match_similar(families);
    match_by_ends({"flow", "message"});
    for (const char* family : {"definitions", "process", "participant"}) match_last_one(family);
    return pair_of_new_;
  }

 private:
  void pair(std::size_t n, std::size_t o) {
    pair_of_new_[n] = static_cast<long>(o);
    pair_of_old_[o] = static_cast<long>(n);
    taken_[o] = true;
  }

  std::string new_id_of_old(const std::string& old_id) const {
    auto it = old_.by_id.find(old_id);
    if (it == old_.by_id.end() || pair_of_old_[it->second] < 0) return "";
    return new_.entries[static_cast<std::size_t>(pair_of_old_[it->second])].id;
  }

  void match_same_name(const std::set<std::string>& families) {
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> old_named, new_named;
    for (std::size_t o = 0; o < old_.entries.size(); ++o)
      if (!taken_[o] && families.count(old_.entries[o].family) && !old_.entries[o].name.empty())
        old_named[{old_.entries[o].family, old_.entries[o].name}].push_back(o);
    for (std::size_t n = 0; n < new_.entries.size(); ++n)
      if (pair_of_new_[n] < 0 && families.count(new_.entries[n].family) && !new_.entries[n].name.empty())
        new_named[{new_.entries[n].family, new_.entries[n].name}].push_back(n);
    for (const auto& [key, news] : new_named)
      if (auto it = old_named.find(key); it != old_named.end() && it->second.size() == 1 && news.size() == 1) pair(news[0], it->second[0]);
  }

  double neighbours(const Entry& o, const Entry& n) const {
    if (o.neighbours.empty() && n.neighbours.empty()) return 0.5;
    std::unordered_set<std::string> around(n.neighbours.begin(), n.neighbours.end());
    int same = 0;
    for (const auto& id : o.neighbours) same += around.count(new_id_of_old(id)) > 0;
    return static_cast<double>(same) / static_cast<double>(std::max(o.neighbours.size(), n.neighbours.size()));
  }

  double score(std::size_t oi, std::size_t ni) const {
    const Entry& o = old_.entries[oi];
    const Entry& n = new_.entries[ni];
    double name = o.name == n.name ? 1 : dice(old_pairs_[oi], new_pairs_[ni]);
    double near = o.family == "node" ? neighbours(o, n) : 0;
    bool same_type = base_type(o.type) == base_type(n.type);
    if (o.name.empty() && n.name.empty()) return same_type && near >= 0.5 ? 0.5 + 0.5 * near : 0;  // unnamed: by neighbours
    if (name < 0.55) return 0;
    return 0.6 * name + 0.15 * same_type + 0.1 * (o.lane == n.lane) + 0.15 * near;
  }

  void match_similar(const std::set<std::string>& families) {
    std::vector<std::size_t> olds, news;
    for (std::size_t o = 0; o < old_.entries.size(); ++o)
      if (!taken_[o] && families.count(old_.entries[o].family)) olds.push_back(o);
    for (std::size_t n = 0; n < new_.entries.size(); ++n)
      if (pair_of_new_[n] < 0 && families.count(new_.entries[n].family)) news.push_back(n);
    // Every pair is compared: bounded, so that two unrelated large models do not take minutes.
    if (olds.size() * news.size() > 4'000'000) return;
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
    for (std::size_t n : news)
      for (std::size_t o : olds) {
        if (old_.entries[o].family != new_.entries[n].family) continue;
        if (double s = score(o, n); s >= 0.6) candidates.emplace_back(s, n, o);
      }
    // Best first; ties in document order, so that the result does not depend on hashing.
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    for (const auto& [s, n, o] : candidates)
      if (pair_of_new_[n] < 0 && !taken_[o]) pair(n, o);
  }

  // The one element of a family left on each side is the same one: the definitions always,
  // the process of a one-process model whatever its new id.
  void match_last_one(const std::string& family) {
    std::vector<std::size_t> olds, news;
    for (std::size_t o = 0; o < old_.entries.size(); ++o)
      if (!taken_[o] && old_.entries[o].family == family) olds.push_back(o);
    for (std::size_t n = 0; n < new_.entries.size(); ++n)
      if (pair_of_new_[n] < 0 && new_.entries[n].family == family) news.push_back(n);
    if (olds.size() == 1 && news.size() == 1) pair(news[0], olds[0]);
  }

  void match_by_ends(const std::set<std::string>& families) {
    for (std::size_t n = 0; n < new_.entries.size(); ++n) {
      const Entry& e = new_.entries[n];
      if (pair_of_new_[n] >= 0 || !families.count(e.family)) continue;
      for (std::size_t o = 0; o < old_.entries.size(); ++o) {
        const Entry& f = old_.entries[o];
        if (taken_[o] || f.family != e.family) continue;
        if (new_id_of_old(f.source) == e.source && new_id_of_old(f.target) == e.target && !e.source.empty()) {
          pair(n, o);
          break;
        }
      }
    }
  }

  const Inventory& old_;
  const Inventory& new_;
  std::vector<std::vector<std::uint64_t>> old_pairs_, new_pairs_;
  std::vector<long> pair_of_new_, pair_of_old_;
  std::vector<bool> taken_;
};

// An id of OLD as NEW names the same element: for comparing references across the two.
struct IdMap {
  std::unordered_map<std::string, std::string> new_of_old;
  std::string operator()(const std::string& old_id) const {
    auto it = new_of_old.find(old_id);
    return it == new_of_old.end() ? old_id : it->second;  // unmatched: the same words name the same thing
  }
};

std::vector<Property> properties_changed(const Entry& o, const Entry& n, const IdMap& ids) {
  std::vector<Property> out;
  auto differ = [&](const char* property, const std::string& a, const std::string& b) {
    if (a != b) out.push_back({property, a, b});
  };
  differ("type", o.type, n.type);
  differ("name", o.name, n.name);
  if (ids(o.lane_id) != n.lane_id) out.push_back({"lane", o.lane, n.lane});
  if (ids(o.pool_id) != n.pool_id) out.push_back({"pool", o.pool, n.pool});
  if (!o.source.empty() || !n.source.empty())
    if (ids(o.source) != n.source) out.push_back({"source", o.source, n.source});
  if (!o.target.empty() || !n.target.empty())
    if (ids(o.target) != n.target) out.push_back({"target", o.target, n.target});
  std::set<std::string> keys;
  for (const auto& [k, v] : o.properties) keys.insert(k);
  for (const auto& [k, v] : n.properties) keys.insert(k);
  for (const auto& k : keys) {
    std::string a = o.properties.count(k) ? o.properties.at(k) : "", b = n.properties.count(k) ? n.properties.at(k) : "";
    bool reference = k == "default" || k == "attachedTo";
    if (reference ? (a.empty() ? "" : ids(a)) != b : a != b) out.push_back({k, a, b});
  }
  return out;
}

}  // namespace

std::vector<Change> compare(const model::Definitions& old_model, const model::Definitions& new_model) {
  Inventory old_side = inventory_of(old_model), new_side = inventory_of(new_model);
  std::vector<long> pairs = Matcher(old_side, new_side).run();
  IdMap ids;
  std::vector<bool> paired_old(old_side.entries.size(), false);
  for (std::size_t n = 0; n < pairs.size(); ++n)
    if (pairs[n] >= 0) {
      ids.new_of_old[old_side.entries[static_cast<std::size_t>(pairs[n])].id] = new_side.entries[n].id;
      paired_old[static_cast<std::size_t>(pairs[n])] = true;
    }
  std::vector<Change> out;
  for (std::size_t n = 0; n < new_side.entries.size(); ++n) {
    const Entry& e = new_side.entries[n];
    if (pairs[n] < 0) {
      out.push_back({Kind::added, e.id, "", e.type, e.name, "", {}});
      continue;
    }
    const Entry& o = old_side.entries[static_cast<std::size_t>(pairs[n])];
    Change c{Kind::changed, e.id, o.id, e.type, e.name, o.id == e.id ? "id" : "similar", properties_changed(o, e, ids)};
    if (c.properties.empty()) {
      if (o.layout == e.layout) {
        if (o.id == e.id) continue;  // the same element, untouched
        c.properties.push_back({"id", o.id, e.id});
      } else {
        c.kind = Kind::layout;
      }
    }
    out.push_back(std::move(c));
  }
  for (std::size_t o = 0; o < old_side.entries.size(); ++o)
    if (!paired_old[o]) {
      const Entry& e = old_side.entries[o];
      out.push_back({Kind::removed, e.id, "", e.type, e.name, "", {}});
    }
  return out;
}

}  // namespace syzba::diff
