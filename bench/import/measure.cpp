// The measure of syzba import (issue 18): for each model in models/, what import finds of its
// actions from its seed's text alone — an action counts when its number, unit, duration and
// next actions all agree (import::score) — and the findings of check --against.
//   build/bench/import_measure ../shared/seeds models [--against] [--dump SEED]
#include <filesystem>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "import/import.h"
#include "io/io.h"

namespace fs = std::filesystem;
using namespace syzba;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: import_measure SEEDS_DIR MODELS_DIR [--against] [--dump SEED]\n";
    return 2;
  }
  bool show_against = false, detail = false;
  std::string dump;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--against") show_against = true;
    else if (a == "--detail") detail = true;
    else if (a == "--dump" && i + 1 < argc) dump = argv[++i];
  }
  std::map<std::string, import::Regulation> regulations;  // seed prefix → what import read
  for (const auto& e : fs::directory_iterator(argv[1])) {
    if (e.path().extension() != ".txt") continue;
    auto read = import::read_document(e.path().string());
    if (!read.document) {
      std::cerr << e.path() << ": not read\n";
      return 2;
    }
    regulations[e.path().filename().string().substr(0, 3)] = import::extract(*read.document);
  }
  if (!dump.empty()) {
    const auto& reg = regulations.at(dump);
    std::cout << import::report_text(reg);
    for (const auto& p : reg.procedures) std::cout << "\n----- " << import::draft_name(reg, p) << "\n" << import::draft(reg, p);
    return 0;
  }
  std::vector<fs::path> models;
  for (const auto& e : fs::directory_iterator(argv[2]))
    if (e.path().extension() == ".bpmn") models.push_back(e.path());
  std::sort(models.begin(), models.end());
  fmt::print("{:<42} {:<11} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7}\n", "model", "draft", "model", "draft", "numb", "unit",
             "dur", "next", "right", "recall", "precis");
  std::map<std::string, std::array<int, 3>> per_seed;  // model actions, draft actions, correct
  int total_model = 0, total_draft = 0, total_correct = 0;
  for (const auto& m : models) {
    auto read = io::read_bpmn_file(m.string());
    if (!read.definitions) return 2;
    std::string seed = m.filename().string().substr(0, 3);
    const auto& reg = regulations.at(seed);
    auto s = import::score(reg, *read.definitions);
    fmt::print("{:<42} {:<11} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6.1f}% {:>6.1f}%\n", m.stem().string(),
               s.procedure.empty() ? "—" : s.procedure, s.model_actions, s.draft_actions, s.number_found, s.unit_ok, s.duration_ok,
               s.next_ok, s.correct, 100 * s.recall(), 100 * s.precision());
    if (detail) {
      // The model's findings against the regulation say where each action differs.
      for (const auto& d : import::against(reg, *read.definitions, 0))
        fmt::print("    [{}] {}\n", d.rule, d.message);
    }
    auto& t = per_seed[seed];
    t[0] += s.model_actions;
    t[1] += s.draft_actions;
    t[2] += s.correct;
    total_model += s.model_actions;
    total_draft += s.draft_actions;
    total_correct += s.correct;
  }
  fmt::print("\n{:<8} {:>7} {:>7} {:>7} {:>8} {:>9}\n", "seed", "model", "draft", "right", "recall", "precision");
  for (const auto& [seed, t] : per_seed)
    fmt::print("{:<8} {:>7} {:>7} {:>7} {:>7.1f}% {:>8.1f}%\n", seed, t[0], t[1], t[2], t[0] ? 100.0 * t[2] / t[0] : 100.0,
               t[1] ? 100.0 * t[2] / t[1] : 0.0);
  fmt::print("{:<8} {:>7} {:>7} {:>7} {:>7.1f}% {:>8.1f}%\n", "all", total_model, total_draft, total_correct,
             100.0 * total_correct / std::max(1, total_model), 100.0 * total_correct / std::max(1, total_draft));
  if (show_against) {
    for (const auto& m : models) {
      auto read = io::read_bpmn_file(m.string());
      const auto& reg = regulations.at(m.filename().string().substr(0, 3));
      auto found = import::against(reg, *read.definitions);
      fmt::print("\n{} ({} findings)\n", m.stem().string(), found.size());
      for (const auto& d : found) fmt::print("  {}:{} {} [{}] {}\n", d.line, d.element, model::severity_name(d.severity), d.rule, d.message);
    }
  }
  return 0;
}
