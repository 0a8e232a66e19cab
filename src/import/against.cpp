// The regulation held against a model, and the measure of what import finds. Both compare
// action tables: the model's (table::make_table) and the draft's, compiled from the text form
// exactly as any draft is — so gateways, numbering and next actions are read the same way.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "check/check.h"
#include "import/import.h"
#include "table/table.h"
#include "text/text.h"

namespace syzba::import {
namespace {

const model::FlowNode* find_node(const model::Container& c, const std::string& id) {
  for (const auto& n : c.nodes) {
    if (n.id == id) return &n;
    if (auto* inner = find_node(n.content, id)) return inner;
  }
  return nullptr;
}

const model::FlowNode* find_node(const model::Definitions& d, const std::string& id) {
  for (const auto& p : d.processes)
    if (auto* n = find_node(p.content, id)) return n;
  return nullptr;
}

std::vector<std::string> letters_words(std::string_view s) {
  std::string lower = model::lowercase(s);
  std::vector<std::string> words;
  std::string w;
  for (std::size_t i = 0; i < lower.size();) {
    unsigned char c = lower[i];
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    bool letter = (c < 0x80 && std::isalnum(c)) || c >= 0xC0;
    if (c == 'i') w += "і";  // a Latin i standing for the Kazakh letter (І және ІІ дәрежелі)
    else if (letter) w.append(lower, i, len);
    else if (!w.empty()) {
      words.push_back(w);
      w.clear();
    }
    i += len;
  }
  if (!w.empty()) words.push_back(w);
  return words;
}

std::string first_letters(const std::string& w, std::size_t n) {
  std::size_t i = 0, k = 0;
  while (i < w.size() && k < n) {
    unsigned char c = w[i];
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    ++k;
  }
  return w.substr(0, i);
}

bool same_duration(const std::optional<model::Duration>& a, const std::optional<model::Duration>& b) {
  if (!a || !b) return !a && !b;
  return a->unit == b->unit && std::abs(a->amount - b->amount) < 1e-9;
}

struct Compiled {
  const Procedure* procedure = nullptr;
  std::optional<model::Definitions> defs;
  table::Table table;
};

std::vector<Compiled> compile_all(const Regulation& reg) {
  std::vector<Compiled> out;
  for (const auto& p : reg.procedures) {
    auto read = text::compile(draft(reg, p));
    if (!read.definitions) continue;
    Compiled c;
    c.procedure = &p;
    c.table = table::make_table(*read.definitions);
    c.defs = std::move(read.definitions);
    out.push_back(std::move(c));
  }
  return out;
}

const Step* step_of(const Compiled& c, const std::string& id) {
  if (id.size() < 2 || (id[0] != 's' && id[0] != 'c')) return nullptr;
  std::size_t k = std::stoul(id.substr(1));
  return k >= 1 && k <= c.procedure->steps.size() ? &c.procedure->steps[k - 1] : nullptr;
}

// The next actions with the model's own additions passed through: an action whose name
// carries no number (a forwarding through the gateway, a refusal drawn as a task) stands
// for where it leads, since the regulation numbers only its own steps.
std::set<std::string> next_numbered(const table::Row& row, const table::Table& t, const model::Definitions& defs) {
  std::map<std::string, const table::Row*> by_number;
  for (const auto& r : t.rows) by_number.emplace(r.number, &r);
  std::set<std::string> out, seen;
  std::vector<std::string> todo(row.next.begin(), row.next.end());
  while (!todo.empty()) {
    std::string n = todo.back();
    todo.pop_back();
    if (!seen.insert(n).second) continue;
    auto it = by_number.find(n);
    const model::FlowNode* node = it == by_number.end() ? nullptr : find_node(defs, it->second->id);
    if (node && !check::step_number(node->name)) {
      todo.insert(todo.end(), it->second->next.begin(), it->second->next.end());
      continue;
    }
    out.insert(n);
  }
  return out;
}

Score score_one(const Compiled& c, const model::Definitions& model, const table::Table& model_table) {
  Score s;
  s.procedure = c.procedure->id;
  s.model_actions = int(model_table.rows.size());
  s.draft_actions = int(c.table.rows.size());
  std::map<std::string, const table::Row*> by_number;
  for (const auto& r : c.table.rows) by_number.emplace(r.number, &r);
  for (const auto& m : model_table.rows) {
    auto it = by_number.find(m.number);
    if (it == by_number.end()) continue;
    const table::Row& d = *it->second;
    ++s.number_found;
    bool unit = same_unit(m.unit, d.unit);
    const model::FlowNode* mn = find_node(model, m.id);
    const model::FlowNode* dn = find_node(*c.defs, d.id);
    bool duration = same_duration(mn ? mn->duration : std::nullopt, dn ? dn->duration : std::nullopt);
    bool next = next_numbered(m, model_table, model) == next_numbered(d, c.table, *c.defs);
    s.unit_ok += unit;
    s.duration_ok += duration;
    s.next_ok += next;
    s.correct += unit && duration && next;
  }
  return s;
}

const Compiled* best(const std::vector<Compiled>& all, const model::Definitions& model, const table::Table& model_table,
                     Score* out) {
  const Compiled* chosen = nullptr;
  Score top;
  for (const auto& c : all) {
    Score s = score_one(c, model, model_table);
    auto key = [](const Score& x) { return std::make_tuple(x.correct, x.number_found, -std::abs(x.draft_actions - x.model_actions)); };
    if (!chosen || key(s) > key(top)) {
      chosen = &c;
      top = s;
    }
  }
  // A procedure describes the diagram when it numbers at least half its actions and most of
  // those it numbers have the diagram's units and durations; else it is another procedure.
  if (chosen && (top.number_found * 2 < top.model_actions || top.unit_ok * 2 < top.number_found ||
                 top.duration_ok * 2 < top.number_found))
    chosen = nullptr;
  if (out) *out = chosen ? top : Score{"", int(model_table.rows.size())};
  return chosen;
}

std::string names(const std::vector<std::string>& v) {
  if (v.empty()) return "—";
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

bool same_name(const std::string& a, const std::string& b) { return letters_words(repair(a)) == letters_words(repair(b)); }

}  // namespace

bool same_unit(std::string_view a, std::string_view b) {
  auto wa = letters_words(a), wb = letters_words(b);
  if (wa.empty() || wb.empty()) return wa.empty() && wb.empty();
  if (wa == wb) return true;
  const auto& shorter = wa.size() <= wb.size() ? wa : wb;
  const auto& longer = wa.size() <= wb.size() ? wb : wa;
  for (const auto& w : shorter) {
    std::string p = first_letters(w, 5);
    bool found = false;
    for (const auto& l : longer)
      if (first_letters(l, 5) == p) found = true;
    if (!found) return false;
  }
  return true;
}

const std::vector<AgainstRule>& against_rules() {
  using model::Severity;
  static const std::vector<AgainstRule> rules = {
      {"against-action-missing", Severity::warning, "every numbered action of the diagram is an action of the regulation"},
      {"against-action-absent", Severity::warning, "every action the regulation numbers is in the diagram"},
      {"against-unit", Severity::warning, "an action's unit is the one the regulation names"},
      {"against-duration", Severity::warning, "an action's duration is the one the regulation gives"},
      {"against-next", Severity::warning, "an action goes on to the action the regulation says"},
      {"against-term", Severity::warning, "the declared term is the regulation's"},
      {"against-service", Severity::warning, "the service is the one the regulation is about"},
      {"against-header-service", Severity::warning, "every header of the regulation names its own service"},
      {"against-term-exceeded", Severity::warning, "the regulation's own steps fit in its declared term"},
      {"against-unmatched", Severity::info, "a procedure of the regulation matches the diagram"},
  };
  return rules;
}

Score score(const Regulation& regulation, const model::Definitions& model) {
  auto all = compile_all(regulation);
  auto model_table = table::make_table(model);
  Score s;
  best(all, model, model_table, &s);
  return s;
}

std::vector<model::Diagnostic> against(const Regulation& reg, const model::Definitions& model, double min_confidence) {
  std::vector<model::Diagnostic> out;
  auto severity = [](std::string_view id) {
    for (const auto& r : against_rules())
      if (r.id == id) return r.severity;
    return model::Severity::warning;
  };
  auto add = [&](std::string rule, const std::string& element, model::SourcePos pos, std::vector<std::string> args) {
    std::string id = "against." + rule.substr(std::string("against-").size());
    out.push_back(model::diagnostic(rule, severity(rule), element, pos, id, std::move(args)));
  };
  std::string file = reg.path.substr(reg.path.find_last_of('/') == std::string::npos ? 0 : reg.path.find_last_of('/') + 1);
  auto where = [&](int line, const std::string& place) {
    return file + (line ? ":" + std::to_string(line) : "") + (place.empty() || place == "line " + std::to_string(line) ? "" : " (" + place + ")");
  };
  // Where the model says its service: the first process with a syzba:service, else the file's.
  const model::ServiceInfo* service = model.service ? &*model.service : nullptr;
  std::string service_element;
  model::SourcePos service_pos;
  for (const auto& p : model.processes)
    if (p.service) {
      if (!service || p.service->term || !p.service->name.empty()) {
        if (!service_element.empty()) break;
        service_element = p.id;
        service_pos = p.pos;
        if (!model.service || !model.service->term) service = &*p.service;
      }
    }
  if (service_element.empty() && !model.processes.empty()) {  // the file's service: said at its first process
    service_element = model.processes.front().id;
    service_pos = model.processes.front().pos;
  }
  std::optional<model::Duration> model_term = model.service && model.service->term ? model.service->term
                                              : service && service->term            ? service->term
                                                                                    : std::nullopt;
  std::string model_service = model.service && !model.service->name.empty() ? model.service->name : service ? service->name : "";
  if (reg.term && model_term && !same_duration(reg.term, model_term))
    add("against-term", service_element, service_pos, {model_term->text, where(reg.term_line, ""), reg.term_text});
  // A document may bring several regulations (an order amending them): then each model is
  // about one of the services it names, and headers naming others are no error.
  std::vector<std::string> services;
  auto named = [&](const std::string& n) {
    for (const auto& x : services)
      if (same_name(x, n)) return true;
    return false;
  };
  if (!reg.service.empty()) services.push_back(reg.service);
  for (const auto& h : reg.headers)
    if (!named(h.name)) services.push_back(h.name);
  bool one_regulation = !reg.several_regulations && services.size() <= 2;
  if (one_regulation && !reg.service.empty() && !model_service.empty() && !same_name(reg.service, model_service))
    add("against-service", service_element, service_pos, {model_service, where(reg.service_line, ""), reg.service});
  // A header naming another service concerns the diagrams of its appendix: those that say they
  // come from it, or that keep the header's service on their process.
  std::set<int> appendices;
  auto appendix_of = [&](const std::optional<model::ServiceInfo>& info) {
    if (!info) return;
    std::string a = info->appendix;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (std::isdigit(static_cast<unsigned char>(a[i]))) {
        appendices.insert(std::atoi(a.c_str() + i));
        break;
      }
  };
  appendix_of(model.service);
  for (const auto& p : model.processes) appendix_of(p.service);
  if (one_regulation)
    for (const auto& h : reg.headers) {
      if (reg.service.empty() || same_name(h.name, reg.service)) continue;
      bool keeps = false;
      for (const auto& p : model.processes) keeps = keeps || (p.service && same_name(p.service->name, h.name));
      if (keeps || (h.appendix && appendices.count(h.appendix)))
        add("against-header-service", service_element, service_pos, {where(h.line, h.place), h.name, reg.service});
    }

  auto all = compile_all(reg);
  auto model_table = table::make_table(model);
  const Compiled* c = best(all, model, model_table, nullptr);
  if (!c) {
    add("against-unmatched", "", {}, {file, std::to_string(reg.procedures.size())});
    return out;
  }
  const Procedure& p = *c->procedure;
  std::map<std::string, const table::Row*> by_number;
  for (const auto& r : c->table.rows) by_number.emplace(r.number, &r);
  std::set<std::string> seen;
  for (const auto& m : model_table.rows) {
    const model::FlowNode* mn = find_node(model, m.id);
    model::SourcePos pos = mn ? mn->pos : model::SourcePos{};
    bool numbered = mn && check::step_number(mn->name).has_value();
    auto it = by_number.find(m.number);
    if (it == by_number.end()) {
      if (numbered) add("against-action-missing", m.id, pos, {m.number, m.action, where(p.line, p.place)});
      continue;
    }
    seen.insert(m.number);
    const table::Row& d = *it->second;
    const Step* st = step_of(*c, d.id);
    if (!st || st->confidence < min_confidence) continue;
    std::string src = where(st->line, st->place);
    if (!st->unit_inferred && !same_unit(m.unit, d.unit))
      add("against-unit", m.id, pos, {m.number, m.unit, src, d.unit});
    const model::FlowNode* dn = find_node(*c->defs, d.id);
    auto md = mn ? mn->duration : std::nullopt;
    auto dd = dn ? dn->duration : std::nullopt;
    // A duration the regulation does not give at this place is no difference (it may give it
    // elsewhere); one it gives must be the diagram's.
    if (dd && !same_duration(md, dd))
      add("against-duration", m.id, pos, {m.number, md ? md->text : "—", src, dd->text});
    auto mnext = next_numbered(m, model_table, model), dnext = next_numbered(d, c->table, *c->defs);
    if (mnext != dnext)
      add("against-next", m.id, pos, {m.number, names({mnext.begin(), mnext.end()}), src, names({dnext.begin(), dnext.end()})});
  }
  for (const auto& d : c->table.rows) {
    if (seen.count(d.number)) continue;
    const Step* st = step_of(*c, d.id);
    add("against-action-absent", service_element, service_pos, {d.number, d.action, st ? where(st->line, st->place) : file});
  }
  // The regulation's own steps against its own term.
  if (reg.term) {
    check::Config config;
    for (const auto& pp : check::enumerate_paths(*c->defs, config, 1000)) {
      const check::StepPath* longest = nullptr;
      for (const auto& path : pp.paths)
        if (!path.refusal && (!longest || check::in_working_minutes(path.total, config) > check::in_working_minutes(longest->total, config)))
          longest = &path;
      if (longest && check::exceeds(longest->total, *reg.term, config))
        add("against-term-exceeded", service_element, service_pos,
            {where(p.line, p.place), check::describe(longest->total, config), reg.term_text});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  return out;
}

}  // namespace syzba::import
