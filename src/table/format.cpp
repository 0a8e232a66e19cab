// The action table as HTML, Markdown and CSV.
#include <string>

#include "table/table.h"

namespace syzba::table {

Headings headings(check::Lang lang) {
  switch (lang) {
    case check::Lang::kk:
      return {"Іс-қимыл №", "Құрылымдық-функционалдық бірлік", "Іс-қимылдың атауы және сипаттамасы", "Аяқталу нысаны",
              "Орындалу ұзақтығы", "Келесі іс-қимылдың нөмірі", "аяқталуы", "Іс-қимылдардың сипаттамасы"};
    case check::Lang::ru:
      return {"№ действия", "Структурно-функциональная единица", "Наименование действия и его описание",
              "Форма завершения", "Продолжительность выполнения", "Номер следующего действия", "завершение",
              "Описание действий"};
    case check::Lang::en:
      break;
  }
  return {"Action no.", "Structural unit", "Action and its description", "Form of completion", "Duration",
          "Next action no.", "end", "Actions"};
}

std::string escape_html(std::string_view text) { return model::escape_markup(text, true); }

namespace {

std::string next_text(const Row& row, const Headings& h) {
  std::string out;
  for (const auto& n : row.next) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "— (" + h.end + ")" : out;
}

std::string with_breaks(std::string_view text) {
  std::string escaped = escape_html(text), out;
  for (char c : escaped) out += c == '\n' ? std::string("<br/>") : std::string(1, c);
  return out;
}

}  // namespace

std::string to_html_table(const Table& table, check::Lang lang) {
  Headings h = headings(lang);
  std::string out = "<table class=\"syzba-steps\">\n<caption>" + escape_html(h.title) + ": " +
                    escape_html(table.service) + "</caption>\n<thead><tr>";
  for (const auto* c : {&h.number, &h.unit, &h.action, &h.completion, &h.duration, &h.next})
    out += "<th scope=\"col\">" + escape_html(*c) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& r : table.rows) {
    out += "<tr id=\"step-" + escape_html(r.id) + "\"" + (r.alternative ? " class=\"alternative\"" : "") + ">";
    out += "<td>" + escape_html(r.number) + "</td><td>" + escape_html(r.unit) + "</td><td>" + with_breaks(r.action);
    if (!r.description.empty()) out += "<br/><small>" + with_breaks(r.description) + "</small>";
    out += "</td><td>" + with_breaks(r.completion) + "</td><td>" + escape_html(r.duration) + "</td><td>" +
           escape_html(next_text(r, h)) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string to_html_page(const Table& table, check::Lang lang) {
  std::string code = lang == check::Lang::kk ? "kk" : lang == check::Lang::ru ? "ru" : "en";
  return "<!DOCTYPE html>\n<html lang=\"" + code + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         escape_html(table.service) + "</title>\n<style>\n"
         "body{font-family:'Liberation Sans',Arial,'Noto Sans',sans-serif;margin:2em;color:#1d1f24}\n"
         "table{border-collapse:collapse}th,td{border:1px solid #777;padding:.3em .5em;vertical-align:top}\n"
         "th{background:#eef0f3}tr.alternative td{background:#fafafa}caption{font-weight:bold;margin:.5em}\n"
         "</style>\n</head>\n<body>\n" + to_html_table(table, lang) + "</body>\n</html>\n";
}

std::string to_markdown(const Table& table, check::Lang lang) {
  Headings h = headings(lang);
  auto cell = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c == '|') out += "\\|";
      else if (c == '\n') out += "<br>";
      else if (c == '\r') continue;
      else out += c;
    }
    return out;
  };
  std::string out = "**" + cell(h.title) + ": " + cell(table.service) + "**\n\n";
  out += "| " + h.number + " | " + h.unit + " | " + h.action + " | " + h.completion + " | " + h.duration + " | " +
         h.next + " |\n|---|---|---|---|---|---|\n";
  for (const auto& r : table.rows) {
    std::string action = cell(r.action) + (r.description.empty() ? "" : "<br>" + cell(r.description));
    out += "| " + cell(r.number) + " | " + cell(r.unit) + " | " + action + " | " + cell(r.completion) + " | " +
           cell(r.duration) + " | " + cell(next_text(r, h)) + " |\n";
  }
  return out;
}

std::string to_csv(const Table& table, check::Lang lang) {
  Headings h = headings(lang);
  auto field = [](std::string_view text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string out = "\xEF\xBB\xBF";
  out += field(h.number) + "," + field(h.unit) + "," + field(h.action) + "," + field(h.completion) + "," +
         field(h.duration) + "," + field(h.next) + "\r\n";
  for (const auto& r : table.rows) {
    std::string action = r.action + (r.description.empty() ? "" : "\n" + r.description);
    std::string next;
    for (const auto& n : r.next) next += (next.empty() ? "" : ", ") + n;
    out += field(r.number) + "," + field(r.unit) + "," + field(action) + "," + field(r.completion) + "," +
           field(r.duration) + "," + field(next) + "\r\n";
  }
  return out;
}

}  // namespace syzba::table
