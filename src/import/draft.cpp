// A procedure as a .syzba draft, in the regulation's language (docs/text-form.md).
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "import/import.h"
#include "import/util.h"

namespace syzba::import {
namespace {

struct Words {
  const char *name, *service, *regulation, *appendix, *source, *term, *process, *unit, *start, *end, *refusal, *action,
      *condition, *by, *duration, *next, *yes, *no, *description, *document, *output;
  const char *start_label, *end_label, *refusal_label, *confidence, *generated, *unknown_unit;
};

const Words kk{"атауы", "қызмет", "регламент", "қосымша", "дереккөз", "мерзім", "процесс", "бөлімше", "басталуы", "аяқталуы",
               "бас тарту", "әрекет", "шарт", "орындаушы", "ұзақтығы", "келесі", "иә", "жоқ", "сипаттама", "құжат", "нәтиже",
               "Басталуы", "Аяқталуы", "Бас тарту", "сенімділік", "syzba import жасаған жоба",
               "Орындаушы аталмаған"};
const Words ru{"название", "услуга", "регламент", "приложение", "источник", "срок", "процесс", "подразделение", "начало",
               "завершение", "отказ", "действие", "условие", "исполнитель", "длительность", "далее", "да", "нет", "описание",
               "документ", "результат", "Начало", "Завершение", "Отказ", "уверенность", "черновик, созданный syzba import",
               "Исполнитель не указан"};

// A value on one line: the text form reads `\` as an escape.
std::string value(std::string s) {
  std::string out;
  s = valid_utf8(s);
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else out += c;
  }
  return out;
}

std::string stem_of(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  std::size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  std::string id;
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) id = "r" + id;
  return id;
}

std::string numbered(const Regulation& reg, const Procedure& p, const Step& st) {
  bool russian = reg.lang == "ru";
  std::string n = std::to_string(st.number);
  std::string prefix;
  if (st.marker == ")") prefix = n + ")";
  else if (st.marker == "table") prefix = russian ? "Действие " + n + "." : n + "-іс-әрекет.";
  else if (st.marker == "действие" || st.marker == "процесс" || st.marker == "условие") {
    std::string word = capitalize(st.marker);
    prefix = russian ? word + " " + n + "." : n + "-" + st.marker + ".";
  } else {
    prefix = n + "-" + st.marker + ".";
  }
  (void)p;
  if (st.kind == StepKind::condition) {
    if (!prefix.empty() && prefix.back() == '.') prefix.pop_back();
    return prefix;
  }
  return st.label.empty() ? prefix.substr(0, prefix.size() - (prefix.back() == '.' ? 1 : 0)) : prefix + " " + st.label;
}

}  // namespace

std::string draft_name(const Regulation& regulation, const Procedure& procedure) {
  return stem_of(regulation.path) + "-" + procedure.id + ".syzba";
}

std::string draft(const Regulation& reg, const Procedure& p) {
  const Words& w = reg.lang == "ru" ? ru : kk;
  std::ostringstream out;
  std::string file = reg.path.substr(reg.path.find_last_of('/') == std::string::npos ? 0 : reg.path.find_last_of('/') + 1);
  out << "# " << w.generated << ": " << file << ", " << p.place << "\n";
  out << "id: " << stem_of(reg.path) << "-" << p.id << "\n";
  if (!p.title.empty()) out << w.name << ": " << value(p.title) << "\n";
  if (!reg.service.empty()) out << w.service << ": " << value(reg.service) << "\n";
  std::string regulation = reg.approved_by;
  if (!reg.date.empty()) regulation += (regulation.empty() ? "" : " ") + reg.date;
  if (!reg.number.empty()) regulation += (regulation.empty() ? "№ " : " № ") + reg.number;
  if (!regulation.empty()) out << w.regulation << ": " << value(regulation) << "\n";
  out << w.source << ": " << value(file + ", " + p.place) << "\n";
  if (reg.term) out << w.term << ": " << value(reg.term_text) << "\n";
  out << "\n" << w.process << " " << p.id << "\n";
  // Units in the order they first act.
  std::map<std::string, std::string> unit_id;
  std::vector<std::string> units;
  // A step whose performer the text does not name goes in a lane that says so (a process with
  // lanes keeps every step in one), when the other steps have lanes.
  bool some_unit = false;
  for (const auto& st : p.steps) some_unit = some_unit || !st.unit.empty();
  auto unit_of = [&](const Step& st) { return st.unit.empty() && some_unit ? std::string(w.unknown_unit) : st.unit; };
  for (const auto& st : p.steps)
    if (std::string u = unit_of(st); !u.empty() && !unit_id.count(u)) {
      unit_id[u] = "u" + std::to_string(units.size() + 1);
      units.push_back(u);
    }
  for (const auto& u : units) out << "  " << w.unit << " " << unit_id[u] << ": " << value(u) << "\n";
  auto step_id = [&](std::size_t k) {
    return (p.steps[k].kind == StepKind::condition ? "c" : "s") + std::to_string(k + 1);
  };
  auto by = [&](const Step& st) {
    if (std::string u = unit_of(st); !u.empty()) out << "    " << w.by << ": " << unit_id[u] << "\n";
  };
  if (p.steps.empty()) return out.str();
  out << "  " << w.start << " start: " << w.start_label << "\n";
  by(p.steps.front());
  out << "    " << w.next << ": " << step_id(0) << "\n";
  std::vector<std::pair<std::string, const Step*>> refusals;
  std::vector<std::pair<std::string, std::string>> documents;
  bool has_end = false;
  for (std::size_t k = 0; k < p.steps.size(); ++k) {
    const Step& st = p.steps[k];
    std::string where = fmt::format("{}: {}; {} {:.2f}", w.source, st.place, w.confidence, st.confidence);
    if (st.kind == StepKind::condition) {
      out << "  " << w.condition << " " << step_id(k) << ": " << value(numbered(reg, p, st)) << "\n";
      by(st);
      out << "    " << w.description << ": " << value(st.label + (st.label.empty() ? "" : " — ") + where) << "\n";
      out << "    " << w.yes << ": " << (st.yes >= 0 ? step_id(std::size_t(st.yes)) : "end") << "\n";
      if (st.yes < 0) has_end = true;
      if (st.no >= 0) {
        out << "    " << w.no << ": " << step_id(std::size_t(st.no)) << "\n";
      } else {
        std::string r = "r" + std::to_string(refusals.size() + 1);
        refusals.emplace_back(r, &st);
        out << "    " << w.no << ": " << r << "\n";
      }
      continue;
    }
    out << "  " << w.action << " " << step_id(k) << ": " << value(numbered(reg, p, st)) << "\n";
    by(st);
    if (st.duration) out << "    " << w.duration << ": " << value(st.duration_text) << "\n";
    out << "    " << w.description << ": " << value(where + (st.duration || st.duration_text.empty() ? "" : "; " + st.duration_text)) << "\n";
    if (!st.document.empty()) {
      std::string d = "d" + std::to_string(documents.size() + 1);
      documents.emplace_back(d, st.document);
      out << "    " << w.output << ": " << d << "\n";
    }
    if (st.refusal) {
      std::string r = "r" + std::to_string(refusals.size() + 1);
      refusals.emplace_back(r, &st);
      out << "    " << w.next << ": " << r << "\n";
    } else if (st.next.empty()) {
      out << "    " << w.next << ": end\n";
      has_end = true;
    } else {
      out << "    " << w.next << ": ";
      for (std::size_t n = 0; n < st.next.size(); ++n) out << (n ? ", " : "") << step_id(std::size_t(st.next[n]));
      out << "\n";
    }
  }
  for (const auto& [r, st] : refusals) {
    out << "  " << w.refusal << " " << r << ": " << w.refusal_label << "\n";
    by(*st);
  }
  if (has_end || refusals.empty()) {
    out << "  " << w.end << " end: " << w.end_label << "\n";
    by(p.steps.back());
  }
  for (const auto& [d, text] : documents) out << "  " << w.document << " " << d << ": " << value(text) << "\n";
  return out.str();
}

}  // namespace syzba::import
