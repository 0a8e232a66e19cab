// Regulation numbering: "3-процесс", "2-іс-қимыл", "1 шарт", "N 4 іс-әрекет", "N 5 әрекет", "Условие 2".
// Numbers of one kind are unique and contiguous from 1, and increase along the main path.
#include <map>
#include <cctype>
#include <set>
#include <unordered_map>

#include "check/graph.h"
#include "check/check.h"
#include "check/view.h"

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

// The regulation number a name carries, if any: "<n>-<kind>", "<n> <kind>", "N <n> <kind>",
// "№ <n> <kind>" or (Russian) "<kind> <n>". A plain scan: it runs on every name.
std::optional<Numbered> number_in(const std::string& name) {
  if (name.find_first_of("0123456789") == std::string::npos) return std::nullopt;
  static const std::vector<std::string> kinds_after_number = {"процесс", "іс-қимыл", "iс-қимыл", "іс-әрекет", "iс-әрекет",
                                                              "рәсім", "шарт", "әрекет"};
  static const std::vector<std::string> kinds_before_number = {"процесс", "действие", "процедура", "условие"};
  std::string lower = model::lowercase(name);
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(lower[i])) || (i > 0 && std::isdigit(static_cast<unsigned char>(lower[i - 1]))))
      continue;
    std::size_t end = i;
    while (end < lower.size() && std::isdigit(static_cast<unsigned char>(lower[end]))) ++end;
    if (end - i > 4) continue;
    int number = std::stoi(lower.substr(i, end - i));
    // after the number: spaces and a dash, then the kind
    std::size_t at = end;
    auto skip = [&](std::size_t& p) {
      for (;;) {
        if (p < lower.size() && (lower[p] == ' ' || lower[p] == '-')) ++p;
        else if (lower.compare(p, 3, "\u2013") == 0 || lower.compare(p, 3, "\u2014") == 0) p += 3;  // – —
        else break;
      }
    };
    skip(at);
    for (const auto& kind : kinds_after_number)
      if (lower.compare(at, kind.size(), kind) == 0) return Numbered{kind_of(kind), number};
    // before the number: the kind, then spaces and an optional N or №
    std::size_t before = i;
    while (before > 0 && lower[before - 1] == ' ') --before;
    if (before >= 1 && lower[before - 1] == 'n') --before;
    else if (before >= 3 && lower.compare(before - 3, 3, "\u2116") == 0) before -= 3;  // №
    while (before > 0 && lower[before - 1] == ' ') --before;
    for (const auto& kind : kinds_before_number)
      if (before >= kind.size() && lower.compare(before - kind.size(), kind.size(), kind) == 0)
        return Numbered{kind_of(kind), number};
  }
  return std::nullopt;
}

std::string label(const model::FlowNode& n) { return "«" + n.name + "»"; }

}  // namespace

std::optional<int> step_number(const std::string& name) {
  auto n = number_in(name);
  return n ? std::optional<int>(n->number) : std::nullopt;
}

void numbering(const ModelView& view, const Config& config, Reporter& r) {
  // Each name is read once: paths pass the same steps many times.
  std::vector<std::optional<Numbered>> numbers_of(view.node_count());  // by the node's ordinal
  for (const auto& s : view.scopes)
    for (const auto& n : s.content->nodes) numbers_of[view.ordinal(n)] = number_in(n.name);
  auto number_of = [&](const model::FlowNode* n) { return numbers_of[view.ordinal(*n)]; };
  // A functional interaction diagram numbers its processes across the pools (1-процесс in the
  // portal, 6-процесс in the workstation): the processes of one collaboration are numbered
  // together, a process outside any collaboration on its own.
  std::map<std::string, std::string> numbering_group;  // process id → collaboration id
  for (const auto& c : view.defs.collaborations)
    for (const auto& p : c.participants)
      if (!p.process.empty()) numbering_group.emplace(p.process, c.id);
  auto group_of = [&](const model::Process* p) {
    auto it = numbering_group.find(p->id);
    return it == numbering_group.end() ? "process:" + p->id : "collaboration:" + it->second;
  };
  std::set<std::string> groups_done;
  for (const auto& scope : view.scopes) {
    if (scope.sub_process || !groups_done.insert(group_of(scope.process)).second) continue;
    // Every numbered step of the group, sub-processes included.
    std::map<NumberKind, std::map<int, std::vector<const model::FlowNode*>>> by_kind;
    for (const auto& s : view.scopes)
      if (group_of(s.process) == group_of(scope.process))
        for (const auto& n : s.content->nodes)
          if (auto num = number_of(&n)) by_kind[num->kind][num->number].push_back(&n);
    for (const auto& [kind, numbers] : by_kind) {
      for (const auto& [number, nodes] : numbers)
        for (std::size_t k = 1; k < nodes.size(); ++k)
          r.report(*nodes[k], r.say("numbering.again", {std::to_string(number) + "-" + std::string(kind_word(kind)),
                                                        label(*nodes[0]), label(*nodes[k])}));
      int expected = 1;
      for (const auto& [number, nodes] : numbers) {
        if (number != expected) {
          std::string missing = std::to_string(expected) + (number - 1 > expected ? "–" + std::to_string(number - 1) : "");
          r.report(*nodes[0], r.say("numbering.gap", {std::string(kind_word(kind)), missing, label(*nodes[0])}));
        }
        expected = number + 1;
      }
    }
  }
  for (const auto& scope : view.scopes) {
    if (scope.sub_process) continue;
    // Along each process's main path (the one with the most numbered steps) numbers increase.
    StepPath main_path = heaviest_path(view, scope, config, [&](const StepPath& p) {
      double count = 0;
      for (const auto* n : p.steps) count += number_of(n).has_value();
      return count;
    });
    const StepPath* main = &main_path;
    std::map<NumberKind, int> last;
    std::set<const model::FlowNode*> seen;
    for (const auto* n : main->steps) {
      if (!seen.insert(n).second) break;  // a loop back: the main path's order ends here
      auto num = number_of(n);
      if (!num) continue;
      auto it = last.find(num->kind);
      if (it != last.end() && num->number < it->second) {
        r.report(*n, r.say("numbering.order", {label(*n), std::to_string(it->second) + "-" + std::string(kind_word(num->kind))}));
      }
      last[num->kind] = std::max(num->number, it == last.end() ? 0 : it->second);
    }
  }
}

}  // namespace syzba::check
