// The import report: what was read (service, header, term, each procedure and step with its
// place and confidence) and what could not be, as text and as JSON.
#include <cmath>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "import/import.h"

namespace syzba::import {

std::string report_text(const Regulation& reg) {
  std::ostringstream out;
  out << "regulation: " << reg.path << " (" << reg.lang << ")\n";
  out << "service: " << (reg.service.empty() ? "—" : reg.service) << (reg.service_line ? fmt::format(" [line {}]", reg.service_line) : "") << "\n";
  out << "approved by: " << (reg.approved_by.empty() ? "—" : reg.approved_by) << "; date: " << (reg.date.empty() ? "—" : reg.date)
      << "; number: " << (reg.number.empty() ? "—" : reg.number) << (reg.header_line ? fmt::format(" [line {}]", reg.header_line) : "") << "\n";
  out << "term: " << (reg.term ? reg.term_text : "—") << (reg.term_line ? fmt::format(" [line {}]", reg.term_line) : "") << "\n";
  for (const auto& h : reg.headers) out << "header: «" << h.name << "» [" << h.place << "]\n";
  for (const auto& p : reg.procedures) {
    out << "\nprocedure " << p.id << " (" << p.kind << ", " << p.place << "): " << p.title << "\n";
    for (const auto& s : p.steps) {
      out << fmt::format("  {:>2} {:<9} {:.2f}  {}  | {} | {}\n", s.number, s.kind == StepKind::condition ? "condition" : "action",
                         s.confidence, s.place, s.unit.empty() ? "—" : s.unit + (s.unit_inferred ? " (carried)" : ""),
                         s.duration ? s.duration_text : s.duration_text.empty() ? "—" : "not read: " + s.duration_text);
    }
  }
  out << "\nnot read (" << reg.notes.size() << "):\n";
  for (const auto& n : reg.notes) out << "  " << (n.place.empty() ? "—" : n.place) << ": " << n.what << "\n";
  return out.str();
}

std::string report_json(const Regulation& reg) {
  nlohmann::ordered_json j;
  j["regulation"] = reg.path;
  j["lang"] = reg.lang;
  j["service"] = {{"name", reg.service}, {"line", reg.service_line}};
  j["header"] = {{"approvedBy", reg.approved_by}, {"date", reg.date}, {"number", reg.number}, {"line", reg.header_line}};
  j["term"] = {{"text", reg.term_text}, {"line", reg.term_line}};
  if (reg.term) {
    j["term"]["amount"] = reg.term->amount;
    j["term"]["unit"] = std::string(model::unit_name(reg.term->unit));
  }
  j["severalRegulations"] = reg.several_regulations;
  j["headers"] = nlohmann::ordered_json::array();
  for (const auto& h : reg.headers) j["headers"].push_back({{"name", h.name}, {"line", h.line}, {"place", h.place}});
  j["procedures"] = nlohmann::ordered_json::array();
  for (const auto& p : reg.procedures) {
    nlohmann::ordered_json pj = {{"id", p.id}, {"kind", p.kind}, {"title", p.title}, {"line", p.line}, {"place", p.place},
                                 {"draft", draft_name(reg, p)}};
    pj["steps"] = nlohmann::ordered_json::array();
    for (const auto& s : p.steps) {
      nlohmann::ordered_json sj = {{"number", s.number}, {"kind", s.kind == StepKind::condition ? "condition" : "action"},
                                   {"unit", s.unit}, {"unitCarried", s.unit_inferred}, {"label", s.label},
                                   {"duration", s.duration_text}, {"durationRead", s.duration.has_value()},
                                   {"line", s.line}, {"place", s.place},
                                   {"confidence", std::round(s.confidence * 100) / 100}};
      auto numbers = [&](const std::vector<int>& idx) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (int i : idx) a.push_back(p.steps[std::size_t(i)].number);
        return a;
      };
      if (s.kind == StepKind::condition) {
        sj["yes"] = s.yes >= 0 ? nlohmann::ordered_json(p.steps[std::size_t(s.yes)].number) : nlohmann::ordered_json();
        sj["no"] = s.no >= 0 ? nlohmann::ordered_json(p.steps[std::size_t(s.no)].number) : nlohmann::ordered_json("refusal");
      } else {
        sj["next"] = numbers(s.next);
        sj["refusal"] = s.refusal;
      }
      if (!s.document.empty()) sj["document"] = s.document;
      pj["steps"].push_back(sj);
    }
    j["procedures"].push_back(pj);
  }
  j["notRead"] = nlohmann::ordered_json::array();
  for (const auto& n : reg.notes) j["notRead"].push_back({{"line", n.line}, {"place", n.place}, {"what", n.what}});
  return j.dump(2) + "\n";
}

}  // namespace syzba::import
