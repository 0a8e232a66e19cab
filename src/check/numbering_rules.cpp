// Regulation numbering: "3-процесс", "2-іс-қимыл", "1 шарт", "N 4 іс-әрекет", "Условие 2".
// Numbers of one kind are unique and contiguous from 1, and increase along the main path.
#include <map>
#include <regex>
#include <set>

#include "check/graph.h"
#include "check/paths.h"

namespace syzba::check {

namespace {

enum class NumberKind { process, action, condition };

std::string_view kind_word(NumberKind k) {
  return k == NumberKind::process ? "процесс" : k == NumberKind::action ? "іс-қимыл" : "шарт";
}

NumberKind kind_of(const std::string& word) {
  if (word.find("шарт") != std::string::npos || word.find("услови") != std::string::npos) return NumberKind::condition;
  if (word.find("процесс") != std::string::npos) return NumberKind::process;
  return NumberKind::action;
}

struct Numbered {
  NumberKind kind;
  int number;
};

// The regulation number a name carries, if any.
std::optional<Numbered> number_in(const std::string& name) {
  if (name.empty()) return std::nullopt;
  static const std::regex before(
      "(?:^|[^0-9])(?:n|№)?\\s*([0-9]{1,4})\\s*(?:-|–|—)?\\s*(процесс|(?:і|i)с-қимыл|(?:і|i)с-әрекет|рәсім|шарт)");
  static const std::regex after("(процесс|действие|процедура|условие)\\s*(?:n|№)?\\s*([0-9]{1,4})");
  std::string lower = model::lowercase(name);
  std::smatch m;
  if (std::regex_search(lower, m, before)) return Numbered{kind_of(m[2].str()), std::stoi(m[1].str())};
  if (std::regex_search(lower, m, after)) return Numbered{kind_of(m[1].str()), std::stoi(m[2].str())};
  return std::nullopt;
}

std::string label(const model::FlowNode& n) { return "«" + n.name + "»"; }

}  // namespace

void numbering(const ModelView& view, const Config& config, Reporter& r) {
  auto all_paths = enumerate_paths(view.defs, config, 2000);
  for (const auto& scope : view.scopes) {
    if (scope.sub_process) continue;
    // Every numbered step of the process, sub-processes included.
    std::map<NumberKind, std::map<int, std::vector<const model::FlowNode*>>> by_kind;
    for (const auto& s : view.scopes)
      if (s.process == scope.process)
        for (const auto& n : s.content->nodes)
          if (auto num = number_in(n.name)) by_kind[num->kind][num->number].push_back(&n);
    for (const auto& [kind, numbers] : by_kind) {
      for (const auto& [number, nodes] : numbers)
        for (std::size_t k = 1; k < nodes.size(); ++k)
          r.report(*nodes[k], "the number " + std::to_string(number) + "-" + std::string(kind_word(kind)) + " is used again: " +
                                  label(*nodes[0]) + " and " + label(*nodes[k]));
      int expected = 1;
      for (const auto& [number, nodes] : numbers) {
        if (number != expected) {
          std::string missing = std::to_string(expected) + (number - 1 > expected ? "–" + std::to_string(number - 1) : "");
          r.report(*nodes[0], "the numbers of " + std::string(kind_word(kind)) + " skip " + missing + " before " + label(*nodes[0]));
        }
        expected = number + 1;
      }
    }
    // Along the main path (the one with the most numbered steps) numbers increase.
    const StepPath* main = nullptr;
    std::size_t most = 0;
    for (const auto& p : all_paths) {
      if (p.process != scope.process) continue;
      for (const auto& path : p.paths) {
        std::size_t count = 0;
        for (const auto* n : path.steps) count += number_in(n->name).has_value();
        if (count > most) {
          most = count;
          main = &path;
        }
      }
    }
    if (!main) continue;
    std::map<NumberKind, int> last;
    std::set<const model::FlowNode*> seen;
    for (const auto* n : main->steps) {
      if (!seen.insert(n).second) break;  // a loop back: the main path's order ends here
      auto num = number_in(n->name);
      if (!num) continue;
      auto it = last.find(num->kind);
      if (it != last.end() && num->number < it->second) {
        r.report(*n, label(*n) + " comes after " + std::to_string(it->second) + "-" + std::string(kind_word(num->kind)) +
                         " on the main path, but carries a smaller number");
      }
      last[num->kind] = std::max(num->number, it == last.end() ? 0 : it->second);
    }
  }
}

}  // namespace syzba::check
