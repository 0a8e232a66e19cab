#include "text/keywords.h"

#include <algorithm>
#include <array>

namespace syzba::text {

namespace {

struct Entry {
  Word word;
  Lang lang;
  std::string_view spelling;  // the first of a word and language is the one describe writes
};

// The vocabulary of GLOSSARY.md: what a regulation calls these things in each language.
constexpr std::array entries{
    Entry{Word::service, Lang::kk, "қызмет"}, Entry{Word::service, Lang::kk, "мемлекеттік қызмет"},
    Entry{Word::service, Lang::ru, "услуга"}, Entry{Word::service, Lang::ru, "государственная услуга"},
    Entry{Word::service, Lang::en, "service"},
    Entry{Word::name, Lang::kk, "атауы"}, Entry{Word::name, Lang::ru, "название"}, Entry{Word::name, Lang::en, "name"},
    Entry{Word::id, Lang::kk, "id"}, Entry{Word::id, Lang::ru, "id"}, Entry{Word::id, Lang::en, "id"},
    Entry{Word::regulation, Lang::kk, "регламент"}, Entry{Word::regulation, Lang::ru, "регламент"},
    Entry{Word::regulation, Lang::en, "regulation"},
    Entry{Word::appendix, Lang::kk, "қосымша"}, Entry{Word::appendix, Lang::ru, "приложение"},
    Entry{Word::appendix, Lang::en, "appendix"},
    Entry{Word::source, Lang::kk, "дереккөз"}, Entry{Word::source, Lang::ru, "источник"},
    Entry{Word::source, Lang::en, "source"},
    Entry{Word::term, Lang::kk, "мерзім"}, Entry{Word::term, Lang::kk, "қызмет көрсету мерзімі"},
    Entry{Word::term, Lang::ru, "срок"}, Entry{Word::term, Lang::ru, "срок оказания"}, Entry{Word::term, Lang::en, "term"},
    Entry{Word::pool, Lang::kk, "жүйе"}, Entry{Word::pool, Lang::kk, "қатысушы"},
    Entry{Word::pool, Lang::ru, "система"}, Entry{Word::pool, Lang::ru, "участник"},
    Entry{Word::pool, Lang::en, "pool"}, Entry{Word::pool, Lang::en, "system"}, Entry{Word::pool, Lang::en, "participant"},
    Entry{Word::process, Lang::kk, "процесс"}, Entry{Word::process, Lang::ru, "процесс"},
    Entry{Word::process, Lang::en, "process"},
    Entry{Word::lane, Lang::kk, "бөлімше"}, Entry{Word::lane, Lang::kk, "бірлік"}, Entry{Word::lane, Lang::kk, "қфб"},
    Entry{Word::lane, Lang::ru, "подразделение"}, Entry{Word::lane, Lang::ru, "сфе"},
    Entry{Word::lane, Lang::en, "lane"}, Entry{Word::lane, Lang::en, "unit"},
    Entry{Word::start, Lang::kk, "басталуы"}, Entry{Word::start, Lang::kk, "бастау"},
    Entry{Word::start, Lang::ru, "начало"}, Entry{Word::start, Lang::en, "start"},
    Entry{Word::end, Lang::kk, "аяқталуы"}, Entry{Word::end, Lang::kk, "аяқтау"},
    Entry{Word::end, Lang::ru, "завершение"}, Entry{Word::end, Lang::ru, "конец"}, Entry{Word::end, Lang::en, "end"},
    Entry{Word::refusal, Lang::kk, "бас тарту"}, Entry{Word::refusal, Lang::ru, "отказ"},
    Entry{Word::refusal, Lang::en, "refusal"},
    Entry{Word::action, Lang::kk, "әрекет"}, Entry{Word::action, Lang::kk, "іс-қимыл"},
    Entry{Word::action, Lang::kk, "іс-әрекет"}, Entry{Word::action, Lang::kk, "рәсім"},
    Entry{Word::action, Lang::ru, "действие"}, Entry{Word::action, Lang::ru, "процедура"},
    Entry{Word::action, Lang::en, "action"}, Entry{Word::action, Lang::en, "task"},
    Entry{Word::condition, Lang::kk, "шарт"}, Entry{Word::condition, Lang::ru, "условие"},
    Entry{Word::condition, Lang::en, "condition"},
    Entry{Word::gateway, Lang::kk, "шлюз"}, Entry{Word::gateway, Lang::ru, "шлюз"}, Entry{Word::gateway, Lang::en, "gateway"},
    Entry{Word::event, Lang::kk, "оқиға"}, Entry{Word::event, Lang::ru, "событие"}, Entry{Word::event, Lang::en, "event"},
    Entry{Word::subprocess, Lang::kk, "ішкі процесс"}, Entry{Word::subprocess, Lang::ru, "подпроцесс"},
    Entry{Word::subprocess, Lang::en, "subprocess"}, Entry{Word::subprocess, Lang::en, "sub-process"},
    Entry{Word::document, Lang::kk, "құжат"}, Entry{Word::document, Lang::kk, "электрондық құжат"},
    Entry{Word::document, Lang::ru, "документ"}, Entry{Word::document, Lang::ru, "электронный документ"},
    Entry{Word::document, Lang::en, "document"},
    Entry{Word::store, Lang::kk, "деректер қоры"}, Entry{Word::store, Lang::ru, "хранилище"},
    Entry{Word::store, Lang::en, "store"}, Entry{Word::store, Lang::en, "data store"},
    Entry{Word::message, Lang::kk, "хабар"}, Entry{Word::message, Lang::kk, "хабарлама"},
    Entry{Word::message, Lang::ru, "сообщение"}, Entry{Word::message, Lang::en, "message"},
    Entry{Word::by, Lang::kk, "орындаушы"}, Entry{Word::by, Lang::ru, "исполнитель"},
    Entry{Word::by, Lang::en, "by"}, Entry{Word::by, Lang::en, "performer"},
    Entry{Word::duration, Lang::kk, "ұзақтығы"}, Entry{Word::duration, Lang::kk, "орындалу ұзақтығы"},
    Entry{Word::duration, Lang::ru, "длительность"}, Entry{Word::duration, Lang::ru, "продолжительность"},
    Entry{Word::duration, Lang::en, "duration"},
    Entry{Word::next, Lang::kk, "келесі"}, Entry{Word::next, Lang::ru, "далее"}, Entry{Word::next, Lang::ru, "следующее"},
    Entry{Word::next, Lang::en, "next"},
    Entry{Word::yes, Lang::kk, "иә"}, Entry{Word::yes, Lang::ru, "да"}, Entry{Word::yes, Lang::en, "yes"},
    Entry{Word::no, Lang::kk, "жоқ"}, Entry{Word::no, Lang::ru, "нет"}, Entry{Word::no, Lang::en, "no"},
    Entry{Word::default_flow, Lang::kk, "әдепкі"}, Entry{Word::default_flow, Lang::ru, "по умолчанию"},
    Entry{Word::default_flow, Lang::en, "default"},
    Entry{Word::doc, Lang::kk, "сипаттама"}, Entry{Word::doc, Lang::ru, "описание"},
    Entry{Word::doc, Lang::en, "description"}, Entry{Word::doc, Lang::en, "doc"},
    Entry{Word::output, Lang::kk, "нәтиже"}, Entry{Word::output, Lang::kk, "аяқталу нысаны"},
    Entry{Word::output, Lang::ru, "результат"}, Entry{Word::output, Lang::ru, "форма завершения"},
    Entry{Word::output, Lang::en, "output"},
    Entry{Word::type, Lang::kk, "түрі"}, Entry{Word::type, Lang::ru, "тип"}, Entry{Word::type, Lang::en, "type"},
    Entry{Word::trigger, Lang::kk, "оқиға түрі"}, Entry{Word::trigger, Lang::ru, "тип события"},
    Entry{Word::trigger, Lang::en, "trigger"},
    Entry{Word::attached, Lang::kk, "шекарасында"}, Entry{Word::attached, Lang::ru, "на границе"},
    Entry{Word::attached, Lang::en, "attached to"}, Entry{Word::attached, Lang::en, "attached"},
    Entry{Word::interrupting, Lang::kk, "үзеді"}, Entry{Word::interrupting, Lang::ru, "прерывает"},
    Entry{Word::interrupting, Lang::en, "interrupting"},
    Entry{Word::process_id, Lang::kk, "процесс id"}, Entry{Word::process_id, Lang::ru, "процесс id"},
    Entry{Word::process_id, Lang::en, "process id"},
};

struct TriggerEntry {
  model::EventKind kind;
  std::array<std::string_view, 3> words;  // kk, ru, en
};

constexpr std::array triggers{
    TriggerEntry{model::EventKind::message, {"хабарлама", "сообщение", "message"}},
    TriggerEntry{model::EventKind::timer, {"таймер", "таймер", "timer"}},
    TriggerEntry{model::EventKind::error, {"қателік", "ошибка", "error"}},
    TriggerEntry{model::EventKind::escalation, {"эскалация", "эскалация", "escalation"}},
    TriggerEntry{model::EventKind::cancel, {"болдырмау", "отмена", "cancel"}},
    TriggerEntry{model::EventKind::compensate, {"өтемақы", "компенсация", "compensation"}},
    TriggerEntry{model::EventKind::conditional, {"шартты", "условное", "conditional"}},
    TriggerEntry{model::EventKind::link, {"сілтеме", "ссылка", "link"}},
    TriggerEntry{model::EventKind::signal, {"сигнал", "сигнал", "signal"}},
    TriggerEntry{model::EventKind::terminate, {"тоқтату", "прекращение", "terminate"}},
};

// The short words of type: (BPMN type names are taken too).
struct TypeEntry {
  model::NodeKind kind;
  std::string_view word;
};

constexpr std::array type_words{
    TypeEntry{model::NodeKind::user_task, "user"}, TypeEntry{model::NodeKind::service_task, "service"},
    TypeEntry{model::NodeKind::send_task, "send"}, TypeEntry{model::NodeKind::receive_task, "receive"},
    TypeEntry{model::NodeKind::manual_task, "manual"}, TypeEntry{model::NodeKind::business_rule_task, "business-rule"},
    TypeEntry{model::NodeKind::script_task, "script"}, TypeEntry{model::NodeKind::call_activity, "call"},
    TypeEntry{model::NodeKind::parallel_gateway, "parallel"}, TypeEntry{model::NodeKind::inclusive_gateway, "inclusive"},
    TypeEntry{model::NodeKind::exclusive_gateway, "exclusive"},
    TypeEntry{model::NodeKind::event_based_gateway, "event-based"}, TypeEntry{model::NodeKind::complex_gateway, "complex"},
    TypeEntry{model::NodeKind::intermediate_catch_event, "catch"},
    TypeEntry{model::NodeKind::intermediate_throw_event, "throw"}, TypeEntry{model::NodeKind::transaction, "transaction"},
    TypeEntry{model::NodeKind::ad_hoc_sub_process, "ad-hoc"},
};

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : extra == 1 ? c & 0x1F : extra == 2 ? c & 0x0F : c & 0x07;
    for (int k = 1; k <= extra && i + k < utf8.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

Role role_of(Word word) {
  switch (word) {
    case Word::service: case Word::name: case Word::id: case Word::regulation: case Word::appendix:
    case Word::source: case Word::term: return Role::header;
    case Word::pool: case Word::process: return Role::container;
    case Word::lane: return Role::lane;
    case Word::start: case Word::end: case Word::refusal: case Word::action: case Word::condition:
    case Word::gateway: case Word::event: case Word::subprocess: return Role::node;
    case Word::document: case Word::store: return Role::data;
    case Word::message: return Role::message;
    default: return Role::property;
  }
}

std::string_view spelling(Word word, Lang lang) {
  for (const auto& e : entries)
    if (e.word == word && e.lang == lang) return e.spelling;
  return {};
}

std::string_view meaning(Word word) { return spelling(word, Lang::en); }

std::optional<KeywordMatch> match_keyword(std::string_view head, const std::vector<Role>& allowed) {
  auto words = split_words(head);
  // Keywords have at most three words: only those are lowered, once for all the entries.
  std::vector<std::string> lowered;
  for (std::size_t k = 0; k < std::min<std::size_t>(words.size(), 3); ++k) lowered.push_back(model::lowercase(words[k]));
  // The words of every spelling, split once (a constant table, like the entries).
  static const auto entry_words = [] {
    std::vector<std::vector<std::string_view>> out;
    for (const auto& e : entries) out.push_back(split_words(e.spelling));
    return out;
  }();
  std::optional<KeywordMatch> best;
  std::size_t best_words = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    if (std::find(allowed.begin(), allowed.end(), role_of(e.word)) == allowed.end()) continue;
    const auto& parts = entry_words[i];
    if (parts.size() > lowered.size() || parts.size() <= best_words) continue;
    bool same = true;
    for (std::size_t k = 0; k < parts.size() && same; ++k) same = lowered[k] == parts[k];
    if (!same) continue;
    best_words = parts.size();
    const auto& last = words[parts.size() - 1];
    best = KeywordMatch{e.word, e.lang, static_cast<std::size_t>(last.data() + last.size() - head.data())};
  }
  return best;
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  auto target = code_points(model::lowercase(word));
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, target.size() / 3) + 1;
  for (const auto& c : candidates) {
    auto d = edit_distance(target, code_points(model::lowercase(c)));
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

std::vector<std::string> spellings_for(const std::vector<Role>& allowed) {
  std::vector<std::string> out;
  for (const auto& e : entries)
    if (std::find(allowed.begin(), allowed.end(), role_of(e.word)) != allowed.end()) out.emplace_back(e.spelling);
  return out;
}

std::optional<model::EventKind> trigger_from_word(std::string_view word) {
  auto w = model::lowercase(word);
  for (const auto& t : triggers)
    for (auto spelling : t.words)
      if (w == spelling || w == model::type_name(t.kind)) return t.kind;
  if (w == "compensate") return model::EventKind::compensate;
  return std::nullopt;
}

std::string_view trigger_word(model::EventKind kind, Lang lang) {
  for (const auto& t : triggers)
    if (t.kind == kind) return t.words[static_cast<int>(lang)];
  return {};
}

std::optional<bool> yes_no_from_word(std::string_view word) {
  auto w = model::lowercase(word);
  for (auto lang : {Lang::kk, Lang::ru, Lang::en}) {
    if (w == spelling(Word::yes, lang) || w == "true") return true;
    if (w == spelling(Word::no, lang) || w == "false") return false;
  }
  return std::nullopt;
}

std::string_view yes_no_name(bool yes, Lang lang) {
  constexpr std::array<std::string_view, 6> names{"Иә", "Жоқ", "Да", "Нет", "Yes", "No"};
  return names[static_cast<int>(lang) * 2 + (yes ? 0 : 1)];
}

std::optional<std::pair<bool, Lang>> yes_no_flow_name(std::string_view name) {
  for (auto lang : {Lang::kk, Lang::ru, Lang::en})
    for (bool yes : {true, false})
      if (name == yes_no_name(yes, lang)) return std::pair{yes, lang};
  return std::nullopt;
}

std::optional<model::NodeKind> kind_from_type_word(std::string_view word) {
  auto lower = model::lowercase(word);
  for (const auto& t : type_words)
    if (t.word == lower) return t.kind;
  for (int k = 0; k <= static_cast<int>(model::NodeKind::complex_gateway); ++k) {
    auto kind = static_cast<model::NodeKind>(k);
    if (model::lowercase(model::type_name(kind)) == lower) return kind;
  }
  return std::nullopt;
}

std::string_view type_word(model::NodeKind kind) {
  for (const auto& t : type_words)
    if (t.kind == kind) return t.word;
  return model::type_name(kind);
}

std::vector<KeywordSpelling> keyword_spellings() {
  std::vector<KeywordSpelling> out;
  for (const auto& e : entries) {
    auto role = role_of(e.word);
    std::string_view kind = role == Role::header ? "header" : role == Role::property ? "property" : "statement";
    out.push_back({meaning(e.word), kind, e.spelling, e.lang});
  }
  return out;
}

}  // namespace syzba::text
