// What a regulation says: its blocks joined into one stream (words broken across lines put
// together), then the recognisers: the service and header, the term, numbered actions of the
// body ("1-іс-қимыл – …", "действие 1 – …"), numbered procedure lists ("1) … – 1 (бір) жұмыс
// күні ішінде;"), functional diagrams ("1-процесс – …", "1-шарт – …") and action tables.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <stdexcept>
#include <set>

#include "import/import.h"
#include "import/util.h"

namespace syzba::import {
namespace {

struct Stream {
  std::string text;   // the blocks joined
  std::string lower;  // the same, lower case (the same length: Cyrillic letters keep their size)
  std::vector<std::size_t> start;
  std::vector<const Block*> block;

  const Block& at(std::size_t offset) const {
    auto it = std::upper_bound(start.begin(), start.end(), offset);
    std::size_t k = it == start.begin() ? 0 : std::size_t(it - start.begin()) - 1;
    return *block[k];
  }
};

bool only_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

Stream make_stream(const Document& doc) {
  Stream s;
  for (const auto& b : doc.blocks) {
    if (!b.cells.empty()) continue;   // table rows are read as tables
    if (only_digits(b.text)) continue;  // a page number
    if (!s.text.empty()) {
      // A word broken at the end of a line ("іс-" / "қимыл") joins the next line's first word.
      bool hyphen = s.text.size() >= 2 && s.text.back() == '-' && s.text[s.text.size() - 2] != ' ';
      s.text += hyphen ? "" : " ";
    }
    s.start.push_back(s.text.size());
    s.block.push_back(&b);
    s.text += b.text;
  }
  s.lower = model::lowercase(s.text);
  if (s.lower.size() != s.text.size()) s.lower = s.text;  // never: offsets must agree
  return s;
}

std::string trim(std::string s) {
  auto issp = [](unsigned char c) { return std::isspace(c) || c == ';' || c == ',' || c == ':'; };
  while (!s.empty() && issp(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t k = 0;
  while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
  return s.substr(k);
}

// "–", "—" or "-" at i: its length in bytes, else 0.
std::size_t dash_at(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == '-') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") return 3;
  return 0;
}

// The longest run of words from the start of `text` that reads as a duration.
std::optional<std::pair<std::string, model::Duration>> duration_prefix(std::string_view text) {
  std::string t = trim(std::string(text));
  while (!t.empty() && std::string_view(".;,\"»)").find(t.back()) != std::string_view::npos &&
         !(t.back() == ')' && t.find('(') != std::string::npos))
    t.pop_back();
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i <= t.size(); ++i)
    if (i == t.size() || t[i] == ' ') ends.push_back(i);
  // The shortest run that reads as a duration: the words after it ("ішінде", "енгізеді")
  // are the sentence's, not the duration's.
  for (std::size_t k = 0; k < ends.size(); ++k) {
    std::string candidate = trim(t.substr(0, ends[k]));
    if (candidate.empty() || candidate.size() > 80) continue;
    if (!std::isdigit(static_cast<unsigned char>(candidate[0])) && k > 6) continue;
    auto parsed = model::parse_duration(candidate);
    if (parsed.duration) {
      // The words that bound it stay with it: "15 минуттан артық емес", "… күннен аспайды".
      std::string tail = trim(t.substr(candidate.size()));
      static const std::string calendar = "күнтізбелік";
      if (tail.rfind("күн", 0) == 0 && candidate.size() >= calendar.size() &&
          candidate.compare(candidate.size() - calendar.size(), calendar.size(), calendar) == 0) {
        std::size_t sp = tail.find(' ');
        candidate += " " + tail.substr(0, sp);  // "жеті күнтізбелік күн"
        tail = sp == std::string::npos ? "" : trim(tail.substr(sp));
      }
      for (const char* bound : {"артық емес", "аспайды", "аспайтын", "кешіктірмей", "не более", "не позднее"})
        if (tail.rfind(bound, 0) == 0) {
          candidate += " " + std::string(bound);
          break;
        }
      // Words the parser passes over ("ішінде", "в течение") stay out of the text as written.
      return std::make_pair(candidate, *parsed.duration);
    }
  }
  return std::nullopt;
}

// The end of a clause: ';' or '.' followed by a space and a capital or a digit or the end.
std::size_t clause_end(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == ';') return i;
    if (s[i] == '.' && (i + 1 >= s.size() || s[i + 1] == ' ') && !(i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                                                                     i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))))
      return i;
  }
  return s.size();
}

// Where the duration of a step is said: "Орындалу ұзақтығы – …", "Продолжительность – …".
const std::vector<std::string> duration_keys = {
    "орындалу ұзақтығы", "орындау ұзақтығы", "ұзақтығы", "орындалу мерзімі", "орындау мерзімі",
    "продолжительность выполнения", "продолжительность", "длительность", "срок исполнения", "срок выполнения"};

struct Said {
  std::string text;
  std::optional<model::Duration> duration;
  std::size_t begin = std::string::npos, end = std::string::npos;  // in the item
};

Said duration_in(std::string_view item, std::string_view lower_item, bool dash_form) {
  Said said;
  for (const auto& key : duration_keys) {
    std::size_t k = lower_item.find(key);
    if (k == std::string_view::npos) continue;
    std::size_t i = k + key.size();
    while (i < item.size() && item[i] == ' ') ++i;
    if (std::size_t d = dash_at(item, i)) i += d;
    while (i < item.size() && item[i] == ' ') ++i;
    std::size_t e = clause_end(item, i);
    if (auto p = duration_prefix(item.substr(i, e - i))) {
      said.text = p->first;
      said.duration = p->second;
    } else {
      said.text = trim(std::string(item.substr(i, e - i)));
    }
    said.begin = k;
    said.end = e;
    return said;
  }
  if (dash_form) {
    // "… береді – 1 (бір) жұмыс күні ішінде;": the first dash followed by an amount.
    for (std::size_t i = 0; i < item.size(); ++i) {
      std::size_t d = dash_at(item, i);
      if (!d || i == 0 || item[i - 1] != ' ') continue;
      std::size_t j = i + d;
      while (j < item.size() && item[j] == ' ') ++j;
      std::size_t e = clause_end(item, j);
      if (auto p = duration_prefix(item.substr(j, e - j))) {
        said.text = p->first;
        said.duration = p->second;
        said.begin = i;
        said.end = e;
        return said;
      }
    }
  }
  return said;
}

// ---- performers --------------------------------------------------------------------------
const std::vector<std::string> unit_heads = {
    "кеңсе", "басшы", "қызметкер", "маман", "инспектор", "комиссия", "хатшы", "бөлімше", "филиал", "әкім",
    "орындаушы", "бастығ", "меңгеруш", "оператор", "жұмыскер",
    "канцеляри", "руководител", "сотрудник", "специалист", "комисси", "секретар", "работник", "исполнител",
    "аким", "заведующ", "начальник", "услугодател", "услугополучател"};

bool genitive(const std::string& w) {
  for (const char* suffix : {"ның", "нің", "дың", "дің", "тың", "тің", "ого", "его"})
    if (w.size() > std::strlen(suffix) && w.compare(w.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
      return true;
  return false;
}

bool head_word(const std::string& lower_word) {
  for (const auto& h : unit_heads)
    if (lower_word.rfind(h, 0) == 0) return true;
  return false;
}

std::vector<std::pair<std::size_t, std::size_t>> words_of(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> w;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) w.emplace_back(b, i);
  }
  return w;
}

std::string strip_word(std::string w) {
  while (!w.empty() && std::string_view(",;:.()«»\"").find(w.back()) != std::string_view::npos) w.pop_back();
  while (!w.empty() && std::string_view(",;:.()«»\"").find(w.front()) != std::string_view::npos) w.erase(0, 1);
  return w;
}

// The performer the step starts with ("көрсетілетін қызметті берушінің кеңсесі …"), and
// where the rest begins.
std::pair<std::string, std::size_t> performer(std::string_view item) {
  auto words = words_of(item);
  for (std::size_t k = 0; k < words.size() && k < 6; ++k) {
    std::string w = model::lowercase(strip_word(std::string(item.substr(words[k].first, words[k].second - words[k].first))));
    if (!head_word(w) || genitive(w)) continue;
    std::size_t last = k;
    while (last + 1 < words.size() && last < k + 2) {
      std::string n = model::lowercase(strip_word(std::string(item.substr(words[last + 1].first, words[last + 1].second - words[last + 1].first))));
      if (head_word(n) && !genitive(n)) ++last;
      else break;
    }
    std::string unit = strip_word(std::string(item.substr(0, words[last].second)));
    return {capitalize(unit), words[last].second};
  }
  return {"", 0};
}

// ---- systems of functional diagrams --------------------------------------------------------
struct System {
  const char* key;   // lower case, found in the step's text
  const char* name;  // the pool's name
};
const System systems[] = {
    {"эүаш ажо", "ЭҮАШ АЖО"},
    {"жао аж", "ЖАО АЖ"},
    {"берушінің ажо", "Көрсетілетін қызметті берушінің АЖО"},
    {"берушінің ааж", "Көрсетілетін қызметті берушінің ААЖ"},
    {"берушінің аж", "Көрсетілетін қызметті берушінің АЖ"},
    {"уәкілетті ұйымның ааж", "Көрсетілетін қызметті берушінің ААЖ"},
    {"эүп", "ЭҮП"},
    {"портал", "Портал"},
    {"иис услугодателя", "ИИС услугодателя"},
    {"ис услугодателя", "ИС услугодателя"},
    {"шэп", "ШЭП"},
};

// The system a step names as its performer: the first one named (the longest name where two
// start at the same place: "берушінің АЖО" before "берушінің АЖ"), leaving out those named as
// the means ("… АЖ арқылы", "через …").
std::string system_in(const std::string& lower_text) {
  std::size_t best = std::string::npos, best_len = 0;
  std::string name;
  for (const auto& s : systems) {
    std::size_t len = std::strlen(s.key);
    for (std::size_t k = lower_text.find(s.key); k != std::string::npos; k = lower_text.find(s.key, k + 1)) {
      std::size_t after = k + len;
      while (after < lower_text.size() && lower_text[after] != ' ') ++after;
      static const std::string by_means = " арқылы";
      bool means = lower_text.compare(after, by_means.size(), by_means) == 0;
      static const std::string through = "через ";
      bool via = k >= through.size() && lower_text.compare(k - through.size(), through.size(), through) == 0;
      if (means || via) continue;
      if (k < best || (k == best && len > best_len)) {
        best = k;
        best_len = len;
        name = s.name;
      }
      break;
    }
  }
  return name;
}

bool mentions_sending(const std::string& lower_text) {
  for (const char* w : {"жолдау", "жолдайды", "жолданады", "жібер", "направлен", "отправ"})
    if (lower_text.find(w) != std::string::npos) return true;
  return false;
}

// The system a step sends to: one named in the dative right before the verb of sending
// ("… уәкілетті ұйымның ААЖ-ға жібереді", "… порталға жолдайды"), or after "в" behind it
// ("направляет в ИС услугодателя"). The flow goes on there: the step after it is that
// system's, unless it names its own.
std::string destination_in(const std::string& lower_text) {
  static const char* dative[] = {"ға", "ге", "қа", "ке", "на", "не", "а", "е"};
  static const char* verbs[] = {"жібер", "жолда", "беріл", "береді"};
  std::string name;
  std::size_t best = std::string::npos;
  for (const auto& s : systems) {
    std::size_t len = std::strlen(s.key);
    for (std::size_t k = lower_text.find(s.key); k != std::string::npos; k = lower_text.find(s.key, k + 1)) {
      if (k > 0 && lower_text[k - 1] != ' ' && lower_text[k - 1] != '(' && lower_text[k - 1] != '"') continue;
      std::size_t after = k + len;
      std::size_t word_end = after;
      while (word_end < lower_text.size() && lower_text[word_end] != ' ' && lower_text[word_end] != ',' &&
             lower_text[word_end] != ';')
        ++word_end;
      std::string tail = lower_text.substr(after, word_end - after);
      if (!tail.empty() && tail[0] == '-') tail.erase(0, 1);
      bool dat = tail.empty();
      for (const char* d : dative)
        if (tail == d) dat = true;
      bool ru = k >= 2 && lower_text.compare(k - 2, 2, "в ") == 0 &&
                (lower_text.rfind("направ", k) != std::string::npos || lower_text.rfind("отправ", k) != std::string::npos);
      if (!dat && !ru) continue;
      std::size_t next = word_end;
      while (next < lower_text.size() && lower_text[next] == ' ') ++next;
      bool verb = ru;
      for (const char* v : verbs)
        if (lower_text.compare(next, std::strlen(v), v) == 0) verb = true;
      if (!verb) continue;
      if (best == std::string::npos || k > best) {  // the last one named: where it finally goes
        best = k;
        name = s.name;
      }
    }
  }
  return name;
}

bool mentions_refusal(const std::string& lower_text) {
  for (const char* w : {"бас тарт", "отказ"})
    if (lower_text.find(w) != std::string::npos) return true;
  return false;
}

std::string cut_label(std::string s) {
  s = trim(s);
  // A list number left at the end ("…; 4)") belongs to the next item.
  std::size_t k = s.size();
  while (k > 0 && std::isdigit(static_cast<unsigned char>(s[k - 1]))) --k;
  if (k < s.size() && k > 0 && false) s.resize(k);
  if (s.size() >= 2 && s.back() == ')') {
    std::size_t j = s.size() - 1;
    while (j > 0 && std::isdigit(static_cast<unsigned char>(s[j - 1]))) --j;
    if (j < s.size() - 1 && (j == 0 || s[j - 1] == ' ')) s.resize(j);
  }
  s = trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',')) s.pop_back();
  return capitalize(trim(s));
}

// ---- markers -------------------------------------------------------------------------------
struct Marker {
  std::size_t begin, end;  // the marker in the stream; the item starts at end
  int number;
  std::string word;  // lower case: іс-қимыл, іс-әрекет, әрекет, процесс, шарт, действие, условие
};

std::vector<Marker> markers(const Stream& s) {
  static const std::regex kk(R"((\d{1,2}) ?(?:-|–)? ?(іс-қимыл|іс-әрекет|әрекет|процесс|шарт|действие|условие) ?(?:–|—|-) )");
  static const std::regex ru(R"((действие|процесс|условие) (?:№ ?)?(\d{1,2}) ?(?:–|—|-) )");
  std::vector<Marker> found;
  for (std::sregex_iterator it(s.lower.begin(), s.lower.end(), kk), end; it != end; ++it) {
    std::size_t b = std::size_t(it->position(0));
    if (b > 0 && std::isdigit(static_cast<unsigned char>(s.lower[b - 1]))) continue;
    found.push_back({b, b + std::size_t(it->length(0)), std::stoi((*it)[1]), (*it)[2]});
  }
  for (std::sregex_iterator it(s.lower.begin(), s.lower.end(), ru), end; it != end; ++it) {
    std::size_t b = std::size_t(it->position(0));
    found.push_back({b, b + std::size_t(it->length(0)), std::stoi((*it)[2]), (*it)[1]});
  }
  std::sort(found.begin(), found.end(), [](const Marker& a, const Marker& b) { return a.begin < b.begin; });
  return found;
}

bool diagram_word(const std::string& w) { return w == "процесс" || w == "шарт" || w == "условие"; }
bool condition_word(const std::string& w) { return w == "шарт" || w == "условие"; }

// The heading a list stands under: the clause before its first item.
std::string title_before(const Stream& s, std::size_t at) {
  std::size_t from = char_start(s.text, at > 400 ? at - 400 : 0);
  std::string before = s.text.substr(from, at - from);
  std::size_t cut = before.find_last_of(".;");
  if (cut != std::string::npos) before = before.substr(cut + 1);
  // Drop a leading list number "2)" left before the marker.
  std::string t = trim(before);
  if (t.size() <= 4) return "";
  return cut_label(t);
}

Step make_step(const Stream& s, std::size_t b, std::size_t e, int number, const std::string& marker, bool dash_form) {
  Step st;
  st.number = number;
  st.marker = marker;
  e = char_start(s.text, std::min(e, s.text.size()));
  std::string item = s.text.substr(b, e - b);
  std::string lower = s.lower.substr(b, e - b);
  Said said = duration_in(item, lower, dash_form);
  std::string body = item;
  if (said.begin != std::string::npos) body = item.substr(0, said.begin);
  else body = item.substr(0, clause_end(item, 0));
  st.duration_text = said.text;
  st.duration = said.duration;
  const Block& block = s.at(b);
  st.line = block.line;
  st.place = block.place;
  if (said.begin != std::string::npos && !said.duration) st.confidence -= 0.3;
  st.label = cut_label(body);
  return st;
}

// A functional diagram's flow: a condition's "no" is the refusal process right after it,
// its "yes" the step after that; a refusal process ends in a refusal; every other process
// goes on to the step after it.
void link_diagram(Procedure& p) {
  auto& steps = p.steps;
  std::set<int> refusal_of_condition;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    if (steps[k].kind != StepKind::condition) continue;
    if (k + 1 < steps.size() && steps[k + 1].kind == StepKind::action && mentions_refusal(model::lowercase(steps[k + 1].label))) {
      steps[k].no = int(k + 1);
      steps[k + 1].refusal = true;
      refusal_of_condition.insert(int(k + 1));
      steps[k].yes = k + 2 < steps.size() ? int(k + 2) : -1;
    } else {
      steps[k].yes = k + 1 < steps.size() ? int(k + 1) : -1;
      steps[k].no = -1;  // the text names no refusal step: a refusal end
      steps[k].confidence -= 0.3;
    }
  }
  for (std::size_t k = 0; k < steps.size(); ++k) {
    if (steps[k].kind != StepKind::action || steps[k].refusal) continue;
    if (k + 1 < steps.size()) steps[k].next = {int(k + 1)};
  }
}

void link_sequence(Procedure& p) {
  for (std::size_t k = 0; k + 1 < p.steps.size(); ++k) p.steps[k].next = {int(k + 1)};
}

std::vector<Procedure> marked_procedures(const Stream& s, std::vector<std::pair<std::size_t, std::size_t>>& used) {
  auto found = markers(s);
  std::vector<Procedure> out;
  // Lists: consecutive markers of one family; a new list when a number starts again at 1.
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t k = 0; k < found.size(); ++k) {
    bool diagram = diagram_word(found[k].word);
    bool fresh = groups.empty();
    if (!fresh) {
      const Marker& last = found[groups.back().back()];
      bool last_diagram = diagram_word(last.word);
      if (last_diagram != diagram) fresh = true;
      else if (found[k].begin - last.end > 3000) fresh = true;
      else if (!diagram && found[k].number <= last.number) fresh = true;
      else if (diagram && found[k].number == 1 && !condition_word(found[k].word)) {
        // "1-процесс" again: a new diagram unless it is the first process of this one.
        bool had_process = false;
        for (auto g : groups.back())
          if (!condition_word(found[g].word)) had_process = true;
        fresh = had_process;
      }
    }
    if (fresh) groups.emplace_back();
    groups.back().push_back(k);
  }
  int body_count = 0, diagram_count = 0;
  for (const auto& g : groups) {
    if (g.size() < 2) continue;
    bool diagram = diagram_word(found[g.front()].word);
    Procedure p;
    p.kind = diagram ? "diagram" : "body";
    p.id = diagram ? "diagram-" + std::to_string(++diagram_count) : "body-" + std::to_string(++body_count);
    p.title = title_before(s, found[g.front()].begin);
    const Block& first = s.at(found[g.front()].begin);
    p.line = first.line;
    p.place = first.place;
    std::string current_system;
    for (std::size_t i = 0; i < g.size(); ++i) {
      const Marker& m = found[g[i]];
      std::size_t e = i + 1 < g.size() ? found[g[i + 1]].begin : char_start(s.text, std::min(s.text.size(), m.end + 1500));
      // The next list number ("…; 4) 2-процесс") is cut by cut_label; a last item ends with its clause.
      if (i + 1 == g.size()) {
        std::string item = s.text.substr(m.end, e - m.end);
        Said said = duration_in(item, s.lower.substr(m.end, e - m.end), false);
        e = m.end + (said.end != std::string::npos ? said.end : clause_end(item, 0));
      }
      Step st = make_step(s, m.end, e, m.number, m.word, false);
      if (diagram) {
        st.kind = condition_word(m.word) ? StepKind::condition : StepKind::action;
        std::string lower = model::lowercase(st.label);
        std::string sys = system_in(lower);
        if (st.kind == StepKind::action) {
          if (!sys.empty() && !(mentions_sending(lower) && !current_system.empty())) current_system = sys;
          st.unit = current_system;
          st.unit_inferred = sys.empty() || sys != current_system;
          if (st.unit.empty()) st.confidence -= 0.4;
          else if (st.unit_inferred) st.confidence -= 0.2;
          if (mentions_sending(lower)) {
            std::string to = destination_in(lower);
            if (!to.empty()) current_system = to;
          }
        } else {
          st.unit = current_system;
          st.unit_inferred = true;
        }
      } else {
        auto [unit, rest] = performer(st.label);
        st.unit = unit;
        if (!unit.empty()) st.label = cut_label(st.label.substr(rest));
        else st.confidence -= 0.4;
        if (st.duration_text.empty()) st.confidence -= 0.2;
      }
      if (st.label.size() < 6) st.confidence -= 0.2;
      p.steps.push_back(std::move(st));
    }
    used.emplace_back(found[g.front()].begin, found[g.back()].end);
    if (diagram) link_diagram(p);
    else link_sequence(p);
    out.push_back(std::move(p));
  }
  return out;
}

// ---- "N) …" lists --------------------------------------------------------------------------
std::vector<Procedure> numbered_lists(const Stream& s, const std::vector<std::pair<std::size_t, std::size_t>>& used,
                                      std::vector<Note>& notes) {
  static const std::regex item(R"((^|[ ;:.])(\d{1,2})\) )");
  struct Item {
    std::size_t begin, end;
    int number;
  };
  std::vector<Item> items;
  for (std::sregex_iterator it(s.lower.begin(), s.lower.end(), item), end; it != end; ++it) {
    std::size_t b = std::size_t(it->position(2));
    items.push_back({b, std::size_t(it->position(0) + it->length(0)), std::stoi((*it)[2])});
  }
  auto inside_used = [&](std::size_t at) {
    for (auto [b, e] : used)
      if (at + 40 >= b && at <= e + 10) return true;
    return false;
  };
  std::vector<std::vector<Item>> runs;
  for (const auto& i : items) {
    if (!runs.empty() && i.number == runs.back().back().number + 1 && i.begin - runs.back().back().end < 2500)
      runs.back().push_back(i);
    else if (i.number == 1)
      runs.push_back({i});
  }
  std::vector<Procedure> out;
  int count = 0;
  for (const auto& run : runs) {
    if (run.size() < 2 || inside_used(run.front().begin)) continue;
    std::string before = s.lower.substr(run.front().begin > 300 ? run.front().begin - 300 : 0,
                                        std::min<std::size_t>(300, run.front().begin));  // bytes: only searched
    bool procedural = false;
    for (const char* w : {"рәсім", "іс-қимыл", "іс-әрекет", "процедур", "действ"})
      if (before.find(w) != std::string::npos) procedural = true;
    Procedure p;
    p.kind = "list";
    int timed = 0;
    for (std::size_t k = 0; k < run.size(); ++k) {
      std::size_t e = k + 1 < run.size() ? run[k + 1].begin : char_start(s.text, std::min(s.text.size(), run[k].end + 1500));
      std::string itemtext = s.text.substr(run[k].end, e - run[k].end);
      Said said = duration_in(itemtext, s.lower.substr(run[k].end, e - run[k].end), true);
      std::size_t stop = said.end != std::string::npos ? said.end : clause_end(itemtext, 0);
      Step st = make_step(s, run[k].end, run[k].end + stop, run[k].number, ")", true);
      if (st.duration) ++timed;
      auto [unit, rest] = performer(st.label);
      st.unit = unit;
      if (!unit.empty()) st.label = cut_label(st.label.substr(rest));
      else st.confidence -= 0.4;
      if (!st.duration) st.confidence -= 0.2;
      p.steps.push_back(std::move(st));
    }
    if (!(procedural || timed * 2 >= int(run.size())) || (timed == 0 && !procedural)) continue;
    // A portal procedure ("Портал арқылы … рәсімдердің (іс-қимылдардың) реттілігі", "через
    // портал"): its steps name the two parties, not officers. The recipient acts on the
    // Portal, so its steps are the Portal's; the provider's are the provider's; a step where
    // the recipient receives (… алады, получает) is a message it gets, not an action.
    std::string heading = model::lowercase(title_before(s, run.front().begin));
    if (procedural && (heading.find("портал арқылы") != std::string::npos || heading.find("через портал") != std::string::npos ||
                       heading.find("посредством портал") != std::string::npos)) {
      bool ru = heading.find("портал арқылы") == std::string::npos;
      std::vector<Step> kept;
      std::vector<Note> receipts;
      int parties = 0;
      for (Step st : p.steps) {  // a copy: the list stays as it was unless most steps name a party
        std::string lower = " " + model::lowercase(st.unit + " " + st.label) + " ";  // the performer is cut from the label
        auto first = [&](std::initializer_list<const char*> ws) {
          std::size_t at = std::string::npos;
          for (const char* w : ws) at = std::min(at, lower.find(w));
          return at;
        };
        std::size_t recipient = first({" көрсетілетін қызметті алушы ", " услугополучатель "});
        std::size_t provider = first({" көрсетілетін қызметті беруші ", " услугодатель "});
        if (recipient != std::string::npos || provider != std::string::npos) ++parties;
        std::string named = model::lowercase(st.unit);
        bool party_unit = named == "көрсетілетін қызметті алушы" || named == "услугополучатель" ||
                          named == "көрсетілетін қызметті беруші" || named == "услугодатель";
        if ((st.unit.empty() || party_unit) && (recipient != std::string::npos || provider != std::string::npos)) {
          if (recipient < provider) {
            std::string tail = lower.substr(0, lower.find_last_not_of(" .;") + 1);
            static const std::string gets = " алады";
            bool receives = (tail.size() >= gets.size() && tail.compare(tail.size() - gets.size(), gets.size(), gets) == 0) ||
                            tail.rfind(" получает") != std::string::npos;
            if (receives) {
              receipts.push_back({st.line, st.place, "step " + std::to_string(st.number) +
                                                         ") is what the recipient receives (a message), not an action: left out"});
              continue;
            }
            st.unit = "Портал";
          } else {
            st.unit = ru ? "Услугодатель" : "Көрсетілетін қызметті беруші";
          }
          if (!party_unit) st.confidence += 0.2;  // the party is read in the step itself
        }
        kept.push_back(st);
      }
      if (parties * 2 > int(p.steps.size()) && !kept.empty()) {
        p.steps = std::move(kept);
        notes.insert(notes.end(), receipts.begin(), receipts.end());
      }
    }
    // A list of definitions or documents names no performer at all: not a procedure.
    int performers = 0;
    for (const auto& st : p.steps) performers += !st.unit.empty();
    if (performers == 0 && timed == 0) continue;
    // A step that names no performer but receives the application or the documents is the
    // provider's: the regulation says who takes applications ("Өтінішті қабылдау … –
    // көрсетілетін қызметті беруші"), and among the units of a list that is the provider
    // itself, not one of its officers. Marked as carried: not held against a model's unit.
    for (auto& st : p.steps) {
      if (!st.unit.empty()) continue;
      std::string lower = model::lowercase(st.label);
      bool receives = false;
      for (const char* w : {"құжаттарды қабылдау", "өтінішті қабылдау", "өтініштерді қабылдау", "өтінішті және құжаттарды қабылдау",
                            "прием документов", "приём документов", "прием заявлен", "приём заявлен", "принятие документов",
                            "принятие заявлен"})
        if (lower.rfind(w, 0) == 0) receives = true;
      if (!receives) continue;
      if (s.lower.find("көрсетілетін қызметті беруші") != std::string::npos) st.unit = "Көрсетілетін қызметті беруші";
      else if (s.lower.find("услугодател") != std::string::npos) st.unit = "Услугодатель";
      st.unit_inferred = !st.unit.empty();
    }
    p.id = "list-" + std::to_string(++count);
    p.title = title_before(s, run.front().begin);
    p.line = p.steps.front().line;
    p.place = p.steps.front().place;
    link_sequence(p);
    out.push_back(std::move(p));
  }
  return out;
}

// ---- tables --------------------------------------------------------------------------------
enum Column { c_none, c_number, c_unit, c_action, c_completion, c_duration, c_next };

Column column_of(const std::string& heading) {
  std::string h = model::lowercase(heading);
  auto has = [&](const char* w) { return h.find(w) != std::string::npos; };
  if (has("келесі") || has("следующ")) return c_next;
  if (has("ұзақтығы") || has("мерзімі") || has("срок") || has("продолжительн") || has("длительн")) return c_duration;
  if (has("аяқталу") || has("завершени")) return c_completion;
  if (has("қфб") || has("сфе") || has("бөлімше") || has("подразделен") || has("бірлік") || has("орындаушы") ||
      has("исполнител") || has("участник"))
    return c_unit;
  if (has("атауы") || has("наименован") || has("сипаттама") || has("описани") || has("мазмұны") || has("содержани"))
    return c_action;
  if (has("№") || has("нөмір") || has("номер") || has("n ")) return c_number;
  return c_none;
}

std::vector<int> numbers_in(const std::string& text) {
  std::vector<int> n;
  for (std::size_t i = 0; i < text.size();) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      std::size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      if (j - i <= 3) n.push_back(std::stoi(text.substr(i, j - i)));
      i = j;
    } else {
      ++i;
    }
  }
  return n;
}

std::vector<Procedure> tables(const Document& doc, std::vector<Note>& notes) {
  std::map<int, std::vector<const Block*>> by_table;
  for (const auto& b : doc.blocks)
    if (b.table) by_table[b.table].push_back(&b);
  std::vector<Procedure> out;
  for (const auto& [number, rows] : by_table) {
    // Rows of cells; transposed when the first column names the attributes.
    std::vector<std::vector<std::string>> grid;
    for (const Block* b : rows) grid.push_back(b->cells);
    std::vector<Column> by_row;
    int row_keys = 0;
    for (const auto& r : grid) {
      Column c = r.empty() ? c_none : column_of(r.size() > 1 && column_of(r[0]) == c_none ? r[1] : r[0]);
      by_row.push_back(c);
      row_keys += c != c_none;
    }
    int col_keys = 0;
    for (const auto& h : grid.front()) col_keys += column_of(h) != c_none;
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> records;
    std::vector<const Block*> record_block;
    if (col_keys >= 3 && col_keys >= row_keys) {
      for (const auto& h : grid.front()) columns.push_back(column_of(h));
      for (std::size_t r = 1; r < grid.size(); ++r) {
        records.push_back(grid[r]);
        record_block.push_back(rows[r]);
      }
    } else if (row_keys >= 3) {
      // Attribute rows: the label is in the first (or second, after a row number) cell.
      std::size_t width = 0;
      for (const auto& r : grid) width = std::max(width, r.size());
      for (std::size_t r = 0; r < grid.size(); ++r) columns.push_back(by_row[r]);
      std::size_t first_data = 1;
      if (!grid.empty() && grid[0].size() > 1 && column_of(grid[0][0]) == c_none) first_data = 2;
      for (std::size_t c = first_data; c < width; ++c) {
        std::vector<std::string> rec;
        for (const auto& r : grid) rec.push_back(c < r.size() ? r[c] : "");
        records.push_back(rec);
        record_block.push_back(rows.front());
      }
    } else {
      notes.push_back({rows.front()->line, rows.front()->place, "table " + std::to_string(number) + ": no action table (its headings name no number, unit, action and duration)"});
      continue;
    }
    Procedure p;
    p.kind = "table";
    p.id = "table-" + std::to_string(number);
    p.line = rows.front()->line;
    p.place = rows.front()->place;
    std::map<int, int> index_of_number;
    std::vector<std::vector<int>> next_numbers;
    for (std::size_t r = 0; r < records.size(); ++r) {
      Step st;
      st.marker = "table";
      std::string unit, action, completion, duration, next, num;
      for (std::size_t c = 0; c < records[r].size() && c < columns.size(); ++c) {
        const std::string& v = records[r][c];
        switch (columns[c]) {
          case c_number: num = v; break;
          case c_unit: unit = v; break;
          case c_action: action += (action.empty() ? "" : " ") + v; break;
          case c_completion: completion = v; break;
          case c_duration: duration = v; break;
          case c_next: next = v; break;
          default: break;
        }
      }
      auto nums = numbers_in(num);
      if (nums.empty()) {
        if (!trim(action).empty())
          notes.push_back({record_block[r]->line, record_block[r]->place, "table " + std::to_string(number) + ": a row without a number"});
        continue;
      }
      st.number = nums.front();
      st.unit = capitalize(trim(unit));
      st.label = cut_label(action);
      st.document = trim(completion);
      st.line = record_block[r]->line;
      st.place = record_block[r]->place;
      std::string d = trim(duration);
      if (!d.empty()) {
        st.duration_text = d;
        if (auto pr = duration_prefix(d)) {
          st.duration_text = pr->first;
          st.duration = pr->second;
        } else {
          st.confidence -= 0.3;
          notes.push_back({st.line, st.place, "duration not read: «" + d + "»"});
        }
      }
      if (st.unit.empty()) st.confidence -= 0.4;
      if (st.label.empty()) st.confidence -= 0.3;
      index_of_number[st.number] = int(p.steps.size());
      std::string lower_next = model::lowercase(next);
      next_numbers.push_back(numbers_in(next));
      p.steps.push_back(std::move(st));
    }
    if (p.steps.size() < 2) continue;
    for (std::size_t k = 0; k < p.steps.size(); ++k)
      for (int n : next_numbers[k])
        if (auto it = index_of_number.find(n); it != index_of_number.end() && it->second != int(k)) p.steps[k].next.push_back(it->second);
    out.push_back(std::move(p));
  }
  return out;
}

// ---- action tables whose cells extraction put one under another ------------------------------
// The ЖАО tables of the older regulations (seed 001): each part of a table is a run of lines —
// "1 Іс-әрекеттің … №", the numbers ("1 2 3"), "2 ҚФБ, АЖ атауы", the units on one line
// ("ЖАО ЖАО АЖ ЭҮӨШ/ЭҮШ"), the names (scrambled: not read), "5 Орындау мерзімдері" and the
// durations, "6 Келесі іс-әрекеттің нөмірі" and the next numbers. Cells are taken from left
// to right; a part whose units do not split into one per column is left out and said.
std::string compact(const std::string& text) {
  std::string lower = model::lowercase(text), out;
  for (char c : lower)
    if (c != ' ') out += c;
  return out;
}

bool all_numbers(const std::string& text, std::vector<int>& out) {
  out.clear();
  for (const auto& [b, e] : words_of(text)) {
    std::string w = text.substr(b, e - b);
    if (!only_digits(w) || w.size() > 3) return false;
    out.push_back(std::stoi(w));
  }
  return !out.empty();
}

// Durations one after another in a run of text; one after a ';' is another case of the same
// cell ("…; селолық округ әкіміне … жиырма екі күн"), not the next cell.
std::vector<std::pair<std::string, model::Duration>> durations_in_run(const std::string& text) {
  std::vector<std::pair<std::string, model::Duration>> out;
  auto words = words_of(text);
  bool after_semicolon = false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    std::string rest = text.substr(words[k].first);
    std::string word = text.substr(words[k].first, words[k].second - words[k].first);
    if (word.find(';') != std::string::npos) after_semicolon = true;
    // A duration starts with its amount: digits or a number word ("жеті").
    if (!std::isdigit(static_cast<unsigned char>(word[0])) && !model::parse_duration(word + " минут").duration) continue;
    auto p = duration_prefix(rest.substr(0, char_start(rest, std::min<std::size_t>(rest.size(), 90))));
    if (!p) continue;
    if (!after_semicolon) out.push_back(*p);
    after_semicolon = false;
    std::size_t end = words[k].first + p->first.size();
    while (k + 1 < words.size() && words[k + 1].first < end) ++k;
  }
  return out;
}

std::vector<std::string> split_units(const std::string& line, std::size_t count) {
  std::vector<std::string> units;
  for (const auto& [b, e] : words_of(line)) {
    std::string w = line.substr(b, e - b);
    bool suffix = w == "АЖ" || w == "АЖО" || w.front() == '(';
    if (suffix && !units.empty()) units.back() += " " + w;
    else units.push_back(w);
  }
  if (units.size() != count) return {};
  return units;
}

std::vector<Procedure> stacked_tables(const Document& doc, std::vector<Note>& notes) {
  std::vector<const Block*> lines;
  for (const auto& b : doc.blocks)
    if (b.cells.empty()) lines.push_back(&b);
  std::vector<Procedure> out;
  Procedure* current = nullptr;
  std::vector<std::vector<int>> next_numbers;
  int last_part_line = -1000;
  auto finish = [&] {
    if (!current) return;
    std::map<int, int> index;
    for (std::size_t k = 0; k < current->steps.size(); ++k) index[current->steps[k].number] = int(k);
    for (std::size_t k = 0; k < current->steps.size(); ++k)
      for (int n : next_numbers[k])
        if (auto it = index.find(n); it != index.end() && it->second != int(k)) current->steps[k].next.push_back(it->second);
    if (current->steps.size() < 2) out.pop_back();
    current = nullptr;
    next_numbers.clear();
  };
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string c = compact(lines[i]->text);
    if (c.size() < 3 || c.compare(c.size() - 3, 3, "№") != 0 || c.size() > 60) continue;  // "№" is 2 bytes
    std::string before;
    for (std::size_t k = i >= 8 ? i - 8 : 0; k <= i; ++k) before += compact(lines[k]->text);
    if (before.find("әрекет") == std::string::npos) continue;
    std::vector<int> numbers;
    if (!all_numbers(lines[i + 1]->text, numbers)) continue;
    // The units after "атауы", the durations after "орындау мерзімдері", the next numbers after "нөмірі".
    std::size_t j = i + 2, limit = std::min(lines.size(), i + 400);
    std::size_t name_at = 0, duration_at = 0, next_at = 0;
    for (; j < limit; ++j) {
      std::string cj = compact(lines[j]->text);
      if (!name_at && cj.find("атауы") != std::string::npos && j > i + 1 && compact(lines[j - 1]->text).find("қфб") != std::string::npos) name_at = j;
      else if (!name_at && cj.find("қфб") != std::string::npos && cj.find("атауы") != std::string::npos) name_at = j;
      if (!duration_at && (cj.find("орындаумерзім") != std::string::npos ||
                           (cj.find("орындау") != std::string::npos && j + 1 < limit &&
                            compact(lines[j + 1]->text).rfind("мерзім", 0) == 0)))
        duration_at = j;
      if (duration_at && cj.find("нөмірі") != std::string::npos) {
        next_at = j;
        break;
      }
    }
    if (!name_at || !duration_at || !next_at || name_at + 1 >= lines.size()) continue;
    if (!current || lines[i]->line - last_part_line > 400 ||
        (!current->steps.empty() && numbers.front() <= current->steps.back().number)) {  // numbering starts again: a new table
      finish();
      out.emplace_back();
      current = &out.back();
      current->kind = "table";
      current->id = "table-" + std::to_string(out.size()) + "-text";
      current->line = lines[i]->line;
      current->place = lines[i]->place;
      for (std::size_t k = i; k-- > (i > 12 ? i - 12 : 0);)
        if (compact(lines[k]->text).find("кесте") != std::string::npos) {
          current->title = lines[k]->text;
          break;
        }
    }
    last_part_line = lines[i]->line;
    // The units' line, or lines when extraction broke it ("ЭҮП" / "ЭҮӨШ" / "(ЭҮШ)" / "ЖАО АЖ ЖАО").
    std::vector<std::string> units;
    std::string unit_text;
    for (std::size_t k = name_at + 1; k < std::min(next_at, name_at + 6); ++k) {
      std::string ck = compact(lines[k]->text);
      if (ck.find("әрекет") != std::string::npos || ck.find("іс-") != std::string::npos || ck == "3") break;
      unit_text += (unit_text.empty() ? "" : " ") + lines[k]->text;
      units = split_units(unit_text, numbers.size());
      if (!units.empty()) break;
    }
    if (units.empty()) {
      notes.push_back({lines[name_at]->line, lines[name_at]->place,
                       "a table's units do not split into one per action (" + unit_text + "): part not read"});
      continue;
    }
    std::string run;
    std::size_t from_line = duration_at;
    if (model::lowercase(lines[duration_at]->text).find("мерзім") == std::string::npos) ++from_line;  // "5 Орындау" / "мерзімдері …"
    std::string first = lines[from_line]->text;
    std::size_t m = model::lowercase(first).find("мерзімдері");
    if (m != std::string::npos) run = first.substr(m + std::string("мерзімдері").size());
    for (std::size_t k = from_line + 1; k < next_at; ++k) {
      std::string ck = compact(lines[k]->text);
      if (ck == "6" || ck.find("келесі") != std::string::npos) break;
      run += " " + lines[k]->text;
    }
    auto durations = durations_in_run(run);
    std::vector<int> next;
    if (next_at + 1 < lines.size()) all_numbers(lines[next_at + 1]->text, next);
    for (std::size_t k = 0; k < numbers.size(); ++k) {
      Step st;
      st.marker = "table";
      st.number = numbers[k];
      st.unit = units[k];
      st.line = lines[i]->line;
      st.place = lines[i]->place;
      st.confidence = 0.7;  // cells read left to right: an empty cell shifts the ones after it
      if (k < durations.size()) {
        st.duration_text = durations[k].first;
        st.duration = durations[k].second;
      }
      if (durations.size() != numbers.size()) st.confidence -= 0.2;
      current->steps.push_back(st);
      next_numbers.push_back(k < next.size() ? std::vector<int>{next[k]} : std::vector<int>{});
    }
    i = next_at;
  }
  finish();
  return out;
}

// ---- service, header, term ------------------------------------------------------------------
std::vector<int> numbers_in(const std::string& text);
// The quoted name that ends just before `at` (kk: «…» регламенті) or starts just after it
// (ru: Регламент государственной услуги «…»).
std::string quoted_before(const Stream& stream, std::size_t at) {
  const std::string& text = stream.text;
  std::size_t from = char_start(text, at > 700 ? at - 700 : 0);
  std::string window = text.substr(from, at - from);
  std::size_t close = window.rfind("»");
  std::size_t close2 = window.rfind('"');
  bool guillemet = close != std::string::npos && (close2 == std::string::npos || close > close2);
  if (!guillemet) close = close2;
  if (close == std::string::npos || window.size() - close > 130) return "";
  std::size_t open = std::string::npos;
  if (guillemet) {
    // Names quote names («Алтын алқа» …): the « that balances the last ».
    int depth = 0;
    for (std::size_t i = close + 1; i-- > 0;) {
      if (window.compare(i, 2, "»") == 0) ++depth;
      else if (window.compare(i, 2, "«") == 0 && --depth == 0) {
        open = i;
        break;
      }
    }
  } else {
    // Straight quotes nest without telling ("Алтын алқа", … "Ана даңқы" … "): the name opens at
    // the first quote after the clause or the appendix number before it.
    std::size_t from = 0;
    for (const char* boundary : {"қосымша", ". ", ": ", "приложение"}) {
      std::size_t b = window.rfind(boundary, close);
      if (b != std::string::npos) from = std::max(from, b + std::strlen(boundary));
    }
    open = window.find('"', from);
    // A name that begins a line (as headers set them) begins there.
    for (std::size_t q = close; q-- > 0;) {
      if (window[q] != '"') continue;
      std::size_t abs = char_start(text, at > 700 ? at - 700 : 0) + q;
      if (std::binary_search(stream.start.begin(), stream.start.end(), abs)) {
        open = q;
        break;
      }
    }
    if (open >= close) open = window.rfind('"', close - 1);
  }
  if (open == std::string::npos) return "";
  std::size_t len = guillemet ? 2 : 1;
  std::string name = window.substr(open + len, close - open - len);
  // A name quoted inside the name («Азаматтарға арналған үкімет» …) opens earlier.
  return trim(name);
}

std::string quoted_after(const std::string& text, std::size_t at) {
  std::size_t open = text.find("«", at);
  if (open == std::string::npos || open - at > 40) return "";
  std::size_t close = text.find("»", open);
  if (close == std::string::npos || close - open > 700) return "";
  return trim(text.substr(open + 2, close - open - 2));
}

void service_and_headers(const Stream& s, Regulation& reg) {
  struct Key {
    const char* word;
    bool header;  // "регламентіне N қосымша": an appendix's header
    bool after;
  };
  const Key keys[] = {{"мемлекеттік көрсетілетін қызмет регламентіне", true, false},
                      {"мемлекеттік көрсетілетін қызмет регламенті", false, false},
                      {"электрондық мемлекеттік қызмет регламентіне", true, false},
                      {"электрондық мемлекеттік қызмет регламенті", false, false},
                      {"мемлекеттік қызмет регламенті", false, false},
                      {"к регламенту государственной услуги", true, true},
                      {"регламент государственной услуги", false, true},
                      {"регламенту государственной услуги", true, true},
                      {"регламентіне", true, false}};
  std::set<std::size_t> taken;
  for (const auto& key : keys) {
    for (std::size_t at = s.lower.find(key.word); at != std::string::npos; at = s.lower.find(key.word, at + 1)) {
      if (taken.count(at) || taken.count(at + 2) || taken.count(at - 2)) continue;
      bool overlapped = false;
      for (std::size_t t : taken)
        if (at >= t && at < t + 60) overlapped = true;
      if (overlapped) continue;
      std::string name = key.after ? quoted_after(s.text, at + std::strlen(key.word)) : quoted_before(s, at);
      if (name.size() < 10) continue;
      taken.insert(at);
      const Block& b = s.at(at);
      if (!key.header && reg.service.empty()) {
        reg.service = name;
        reg.service_line = b.line;
      } else if (key.header) {
        // "… регламентіне 2 қосымша" / "Приложение 2 к регламенту …": the appendix's number.
        std::size_t after = at + std::strlen(key.word);
        std::string tail = s.lower.substr(after, char_start(s.lower, std::min(s.lower.size(), after + 30)) - after);
        std::string lead = s.lower.substr(at > 60 ? char_start(s.lower, at - 60) : 0, at - (at > 60 ? char_start(s.lower, at - 60) : 0));
        int appendix = 0;
        if (auto n = numbers_in(key.after ? lead : tail); !n.empty()) appendix = key.after ? n.back() : n.front();
        reg.headers.push_back({name, appendix, b.line, b.place});
      }
    }
  }
  std::sort(reg.headers.begin(), reg.headers.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  reg.headers.erase(std::unique(reg.headers.begin(), reg.headers.end(),
                                [](const auto& a, const auto& b) { return a.line == b.line && a.name == b.name; }),
                    reg.headers.end());
  if (reg.service.empty() && !reg.headers.empty()) {
    reg.service = reg.headers.front().name;
    reg.service_line = reg.headers.front().line;
  }
}

void header(const Stream& s, Regulation& reg) {
  static const std::regex kk_date(R"((\d{4}) жылғы (\d{1,2}) ([^ ]+))");
  static const std::regex ru_date(R"(от (\d{1,2}) ([^ ]+) (\d{4}) года)");
  static const std::regex number(R"((?:№|n) ?(\d[\d/\-]*))");
  std::string head = s.lower.substr(0, char_start(s.lower, std::min<std::size_t>(s.lower.size(), 1500)));
  std::smatch m;
  std::size_t date_at = std::string::npos;
  if (std::regex_search(head, m, kk_date) || std::regex_search(head, m, ru_date)) {
    date_at = std::size_t(m.position(0));
    reg.date = s.text.substr(date_at, std::size_t(m.length(0)));
    reg.header_line = s.at(date_at).line;
    std::size_t from = 0;
    std::string before = s.text.substr(0, date_at);
    std::size_t q = before.rfind("қосымша");
    if (q != std::string::npos) from = q + std::strlen("қосымша");
    q = before.rfind("Приложение");
    if (q != std::string::npos) from = std::max(from, before.find(' ', q + 10) == std::string::npos ? q : before.find(' ', q + 12));
    reg.approved_by = trim(before.substr(std::min(from, before.size())));
    // Who approved it: the words just before the date, after the title of the act ("… бекіту туралы").
    for (const char* title_end : {"туралы", "О утверждении"}) {
      std::size_t t = reg.approved_by.rfind(title_end);
      if (t != std::string::npos) reg.approved_by = trim(reg.approved_by.substr(t + std::strlen(title_end)));
    }
    // Leading quotes, dashes and an appendix's number ("4 к постановлению …") are not its name.
    std::size_t lead = 0;
    while (lead < reg.approved_by.size() &&
           (std::string_view("\"'-., 0123456789").find(reg.approved_by[lead]) != std::string_view::npos))
      ++lead;
    reg.approved_by = reg.approved_by.substr(lead);
    if (reg.approved_by.size() > 200) {
      std::size_t cut = reg.approved_by.find(' ', reg.approved_by.size() - 200);  // at a word
      reg.approved_by = cut == std::string::npos ? "" : trim(reg.approved_by.substr(cut));
    }
    std::string rest = head.substr(date_at, char_start(head, date_at + 200) - date_at);
    if (std::regex_search(rest, m, number)) reg.number = m[1];
    // "Постановлением акимата … от …": the body that approved it is named after the date too.
    std::size_t a0 = date_at + reg.date.size();
    std::string after = s.text.substr(a0, char_start(s.text, std::min(s.text.size(), a0 + 200)) - a0);
    std::size_t approved = after.find("бекітілген");
    if (approved == std::string::npos) approved = after.find("утвержден");
    if (reg.approved_by.empty() && approved != std::string::npos) reg.approved_by = trim(after.substr(0, approved));
  }
}

void term(const Stream& s, Regulation& reg) {
  const char* keys[] = {"мемлекеттік қызмет көрсету мерзімі", "қызмет көрсету мерзімі", "срок оказания государственной услуги",
                        "срок оказания"};
  for (const char* key : keys) {
    for (std::size_t at = s.lower.find(key); at != std::string::npos; at = s.lower.find(key, at + 1)) {
      std::size_t i = at + std::strlen(key);
      std::size_t stop = std::min(s.text.size(), i + 250);
      for (std::size_t j = i; j < stop; ++j) {
        std::size_t d = dash_at(s.text, j);
        if (!d || s.text[j - 1] != ' ') continue;
        std::size_t b = j + d;
        while (b < s.text.size() && s.text[b] == ' ') ++b;
        std::size_t e = clause_end(s.text, b);
        if (auto p = duration_prefix(s.text.substr(b, e - b))) {
          reg.term_text = p->first;
          reg.term = p->second;
          reg.term_line = s.at(at).line;
          return;
        }
        break;
      }
    }
  }
}

std::string language(const Stream& s) {
  int kazakh = 0, cyr = 0;
  for (std::size_t i = 0; i + 1 < s.text.size(); ++i) {
    unsigned char a = s.text[i], b = s.text[i + 1];
    if (a == 0xD0 || a == 0xD1) ++cyr;
    if ((a == 0xD2 && (b == 0x93 || b == 0x9B || b == 0xA3 || b == 0xAF || b == 0xB1 || b == 0xBB)) ||
        (a == 0xD3 && (b == 0x99 || b == 0xA9)) || (a == 0xD1 && b == 0x96))
      ++kazakh;
  }
  return kazakh * 40 >= cyr && kazakh > 0 ? "kk" : "ru";
}

// Places the text shows a procedure the recognisers do not read (scrambled tables, boxes of
// drawn handbooks): said in the report, never guessed.
void unread(const Stream& s, Regulation& reg) {
  const char* words[] = {"бизнес-процестерінің анықтамалығы", "іс-әрекеттерді сипаттау", "кесте", "справочник бизнес-процессов",
                         "описание действий", "таблица"};
  std::set<int> lines;
  for (const char* w : words)
    for (std::size_t at = s.lower.find(w); at != std::string::npos; at = s.lower.find(w, at + 1)) {
      const Block& b = s.at(at);
      bool read = false;
      for (const auto& p : reg.procedures)
        if (std::abs(p.line - b.line) < 15) read = true;
      if (!read && lines.insert(b.line).second)
        reg.notes.push_back({b.line, b.place, std::string("«") + w + "»: a procedure drawn or tabulated here was not read (its cells or boxes are not in rows in the text)"});
    }
}

}  // namespace

Regulation extract(const Document& document) {
  Regulation reg;
  reg.path = document.path;
  Stream s = make_stream(document);
  reg.lang = language(s);
  service_and_headers(s, reg);
  {
    std::string head = s.lower.substr(0, char_start(s.lower, std::min<std::size_t>(s.lower.size(), 3000)));
    reg.several_regulations = head.find("регламенттерін") != std::string::npos || head.find("регламенттері") != std::string::npos ||
                              head.find("регламентов") != std::string::npos;
  }
  header(s, reg);
  term(s, reg);
  std::vector<std::pair<std::size_t, std::size_t>> used;
  // Each recogniser on its own: one that fails on a text it did not foresee (a bound it got
  // wrong) loses its procedures, which the report says, and never the others nor the run.
  auto guarded = [&](const char* what, auto&& recognise) {
    try {
      for (auto& p : recognise()) reg.procedures.push_back(std::move(p));
    } catch (const std::exception& e) {
      reg.notes.push_back({0, "", std::string(what) + ": not read (" + e.what() + ")"});
    }
  };
  guarded("numbered actions and diagrams", [&] { return marked_procedures(s, used); });
  guarded("numbered lists", [&] { return numbered_lists(s, used, reg.notes); });
  guarded("tables", [&] { return tables(document, reg.notes); });
  guarded("tables in lines", [&] { return stacked_tables(document, reg.notes); });
  std::stable_sort(reg.procedures.begin(), reg.procedures.end(), [](const Procedure& a, const Procedure& b) { return a.line < b.line; });
  unread(s, reg);
  std::sort(reg.notes.begin(), reg.notes.end(), [](const Note& a, const Note& b) { return a.line < b.line; });
  for (auto& p : reg.procedures)
    for (auto& st : p.steps) st.confidence = std::max(0.0, std::min(1.0, st.confidence));
  if (reg.service.empty()) reg.notes.insert(reg.notes.begin(), {0, "", "no service name found (no «…» before «регламенті» / after «Регламент государственной услуги»)"});
  if (!reg.term) reg.notes.insert(reg.notes.begin(), {0, "", "no declared term found (the regulation may refer to its Standard)"});
  return reg;
}

}  // namespace syzba::import
