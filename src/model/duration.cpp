// Durations as Kazakh and Russian regulations write them.
//
// The text is lower-cased and split into words; extraction damage is repaired first (runs of
// spaced-out single letters are joined, a Latin "i" inside a Cyrillic word becomes "і"). The
// amount is the first number in digits, else the number words; a spelling in parentheses must
// agree with the digits, since a mismatch ("15 (он) минут") is a copy-paste error a reviewer
// wants to see. The unit is found by word stems, so inflected forms ("минуттан",
// "күнінен", "рабочих дней") are understood.
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/text.h"

namespace syzba::model {
namespace {

using text::decode;
using text::encode;
using text::is_cyrillic;
using text::is_digit;
using text::is_letter;
using text::to_lower;

// --- words --------------------------------------------------------------------------------
struct Word {
  std::string text;
  bool digits = false;
  bool in_parentheses = false;
};

std::vector<Word> split_words(std::string_view input) {
  std::u32string s = decode(input);
  std::vector<Word> words;
  std::u32string current;
  bool current_digits = false;
  int depth = 0;
  auto flush = [&] {
    if (current.empty()) return;
    bool cyrillic = false;
    for (char32_t c : current) cyrillic = cyrillic || is_cyrillic(c);
    if (cyrillic)
      for (char32_t& c : current)
        if (c == U'i') c = 0x456;  // extraction damage: Latin i in a Kazakh word
    words.push_back({encode(current), current_digits, depth > 0});
    current.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = to_lower(s[i]);
    bool decimal_mark = (c == U',' || c == U'.') && current_digits && i + 1 < s.size() && is_digit(s[i + 1]);
    if (is_digit(c) || decimal_mark) {
      if (!current.empty() && !current_digits) flush();
      current_digits = true;
      current.push_back(c == U',' ? U'.' : c);
    } else if (is_letter(c) || c == 0x2BC || c == U'\'') {
      if (current_digits) flush();
      current_digits = false;
      current.push_back(c);
    } else {
      flush();
      if (c == U'(') ++depth;
      if (c == U')' && depth > 0) --depth;
    }
  }
  flush();
  return words;
}

// "ж е т і" → "жеті": runs of two or more one-letter words are a spaced-out word.
std::vector<Word> join_spaced_letters(std::vector<Word> words) {
  auto one_letter = [](const Word& w) { return !w.digits && decode(w.text).size() == 1; };
  std::vector<Word> out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;
    while (j < words.size() && one_letter(words[j])) ++j;
    if (j - i >= 2) {
      Word joined{"", false, words[i].in_parentheses};
      for (std::size_t k = i; k < j; ++k) joined.text += words[k].text;
      out.push_back(joined);
      i = j;
    } else {
      out.push_back(words[i]);
      ++i;
    }
  }
  return out;
}

// --- numbers ------------------------------------------------------------------------------
struct NumberWord {
  std::string_view word;
  double value;
};

constexpr NumberWord number_words[] = {
    // Kazakh
    {"бір", 1}, {"екі", 2}, {"үш", 3}, {"төрт", 4}, {"бес", 5}, {"алты", 6}, {"жеті", 7},
    {"сегіз", 8}, {"тоғыз", 9}, {"он", 10}, {"жиырма", 20}, {"отыз", 30}, {"қырық", 40},
    {"елу", 50}, {"алпыс", 60}, {"жетпіс", 70}, {"сексен", 80}, {"тоқсан", 90}, {"жүз", 100},
    {"жарым", 0.5},
    // Russian, with the genitive forms used after "до" and "не более"
    {"один", 1}, {"одна", 1}, {"одного", 1}, {"два", 2}, {"две", 2}, {"двух", 2}, {"три", 3},
    {"трех", 3}, {"трёх", 3}, {"четыре", 4}, {"четырех", 4}, {"пять", 5}, {"пяти", 5},
    {"шесть", 6}, {"шести", 6}, {"семь", 7}, {"семи", 7}, {"восемь", 8}, {"восьми", 8},
    {"девять", 9}, {"девяти", 9}, {"десять", 10}, {"десяти", 10}, {"одиннадцать", 11},
    {"двенадцать", 12}, {"тринадцать", 13}, {"четырнадцать", 14}, {"пятнадцать", 15},
    {"пятнадцати", 15}, {"шестнадцать", 16}, {"семнадцать", 17}, {"восемнадцать", 18},
    {"девятнадцать", 19}, {"двадцать", 20}, {"двадцати", 20}, {"тридцать", 30}, {"тридцати", 30},
    {"сорок", 40}, {"пятьдесят", 50}, {"шестьдесят", 60}, {"семьдесят", 70},
    {"восемьдесят", 80}, {"девяносто", 90}, {"сто", 100}, {"полтора", 1.5},
    // English
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
    {"eight", 8}, {"nine", 9}, {"ten", 10}, {"fifteen", 15}, {"twenty", 20}, {"thirty", 30},
};

std::optional<double> number_word(std::string_view w) {
  for (const auto& n : number_words)
    if (n.word == w) return n.value;
  return std::nullopt;
}

// Adds up a run of number words: "жиырма бес" = 25, "бір жүз" = 100, "бір жарым" = 1.5.
std::optional<double> words_value(const std::vector<Word>& words, bool in_parentheses) {
  std::optional<double> total;
  bool in_run = false;
  for (const auto& w : words) {
    if (w.in_parentheses != in_parentheses || w.digits) {
      if (in_run) break;
      continue;
    }
    auto v = number_word(w.text);
    if (!v) {
      if (in_run) break;
      continue;
    }
    in_run = true;
    if (*v == 100 && total) total = *total * 100;
    else total = total.value_or(0) + *v;
  }
  return total;
}

// --- units --------------------------------------------------------------------------------
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_day_word(std::string_view w) {
  return starts_with(w, "күн") || starts_with(w, "ден") || starts_with(w, "дн") || starts_with(w, "day");
}

std::optional<TimeUnit> find_unit(const std::vector<Word>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].text;
    bool next_is_day = i + 1 < words.size() && is_day_word(words[i + 1].text);
    if (starts_with(w, "секунд") || starts_with(w, "second") || w == "сек" || w == "sec" || w == "s") return TimeUnit::second;
    if (starts_with(w, "минут") || starts_with(w, "minute") || w == "мин" || w == "min") return TimeUnit::minute;
    if (starts_with(w, "сағат") || starts_with(w, "час") || starts_with(w, "hour") || w == "h") return TimeUnit::hour;
    if ((w == "жұмыс" || starts_with(w, "рабоч") || w == "working" || w == "business") && next_is_day)
      return TimeUnit::working_day;
    if (starts_with(w, "күнтізбелік") || starts_with(w, "календарн") || w == "calendar") return TimeUnit::calendar_day;
    if (starts_with(w, "күн") || w == "день" || w == "дня" || w == "дней" || starts_with(w, "day"))
      return TimeUnit::calendar_day;  // a day with no qualifier counts as a calendar day
  }
  return std::nullopt;
}

std::string format_amount(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// A minus sign written just before the first digits ("-5", "− 5"), not a range's dash ("5-10").
bool negative_sign_before_digits(std::string_view text) {
  auto at = text.find_first_of("0123456789");
  if (at == std::string_view::npos) return false;
  std::string_view before = text.substr(0, at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  bool minus = (!before.empty() && before.back() == '-') || (before.size() >= 3 && before.substr(before.size() - 3) == "\u2212");
  if (!minus) return false;
  before.remove_suffix(before.back() == '-' ? 1 : 3);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.empty() || !std::isalnum(static_cast<unsigned char>(before.back()));
}

// The most of each unit one year holds: no step of a state service, and no service term,
// takes longer (a regulation counts in days, rarely beyond a few months).
double most_in_a_year(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::second: return 366.0 * 24 * 3600;
    case TimeUnit::minute: return 366.0 * 24 * 60;
    case TimeUnit::hour: return 366.0 * 24;
    case TimeUnit::working_day: return 261;  // weekdays in a year
    case TimeUnit::calendar_day: return 366;
  }
  return 0;
}

}  // namespace

std::vector<std::string> impossible_duration_reason(double amount, TimeUnit unit) {
  if (!std::isfinite(amount) || amount < 0) return {"duration.negative"};
  if (amount == 0) return {"duration.zero"};
  if (amount > most_in_a_year(unit))
    return {"duration.over-a-year", format_amount(amount), std::string(unit_name(unit)), format_amount(most_in_a_year(unit))};
  return {};
}

std::string impossible_duration(double amount, TimeUnit unit) {
  auto reason = impossible_duration_reason(amount, unit);
  return reason.empty() ? "" : say(Lang::en, reason[0], {reason.begin() + 1, reason.end()});
}

namespace {
// A parse that failed, with its reason as a catalogue message and in English.
DurationParse refused(std::vector<std::string> reason, bool impossible = false) {
  std::string english = say(Lang::en, reason[0], {reason.begin() + 1, reason.end()});
  return {std::nullopt, std::move(english), impossible, std::move(reason)};
}
}  // namespace

DurationParse parse_duration(std::string_view text) {
  std::vector<Word> words = join_spaced_letters(split_words(text));
  std::optional<double> digits;
  for (const auto& w : words)
    if (w.digits && !digits) {
      // strtod, not stod: an amount of 400 digits is the writer's error, never an exception.
      errno = 0;
      double value = std::strtod(w.text.c_str(), nullptr);
      if (errno == ERANGE || !std::isfinite(value))
        return refused({"duration.too-large", w.text.substr(0, 20) + (w.text.size() > 20 ? "…" : ""), std::string(text.substr(0, 200))});
      digits = value;
    }
  std::optional<double> spelled_outside = words_value(words, false);
  std::optional<double> spelled_inside = words_value(words, true);

  std::optional<double> amount = digits ? digits : spelled_outside ? spelled_outside : spelled_inside;
  if (!amount) return refused({"duration.no-amount", std::string(text)});
  if (digits && spelled_inside && std::fabs(*digits - *spelled_inside) > 1e-9)
    return refused({"duration.digits-words", format_amount(*digits), format_amount(*spelled_inside), std::string(text)});
  auto unit = find_unit(words);
  if (!unit) return refused({"duration.no-unit", std::string(text)});
  if (digits && negative_sign_before_digits(text)) *amount = -*amount;
  if (auto why = impossible_duration_reason(*amount, *unit); !why.empty()) {
    why.insert(why.begin(), {"duration.impossible-in", std::string(text.substr(0, 200))});
    return refused(std::move(why), true);
  }
  return {Duration{*amount, *unit, std::string(text)}, ""};
}

std::string_view unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::second: return "second";
    case TimeUnit::minute: return "minute";
    case TimeUnit::hour: return "hour";
    case TimeUnit::working_day: return "working-day";
    case TimeUnit::calendar_day: return "calendar-day";
  }
  return "minute";
}

std::optional<TimeUnit> unit_from_name(std::string_view name) {
  for (auto unit : {TimeUnit::second, TimeUnit::minute, TimeUnit::hour, TimeUnit::working_day, TimeUnit::calendar_day})
    if (unit_name(unit) == name) return unit;
  return std::nullopt;
}

}  // namespace syzba::model
