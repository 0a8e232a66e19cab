// The legend ("Шартты белгілер"): which kinds of symbol a diagram uses, their captions in
// kk / ru / en with the regulations' own vocabulary (../shared/GLOSSARY.md), and samples
// drawn by the same notation table as the diagram.
#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "render/draw.h"
#include "render/legend.h"

namespace syzba::render {

namespace {

using model::EventKind;
using model::NodeKind;

struct Caption {
  std::string_view key;
  std::string_view kk, ru, en;
};

std::string_view pick(const Caption& c, Lang lang) { return lang == Lang::kk ? c.kk : lang == Lang::ru ? c.ru : c.en; }

// Rows in the order a legend lists them. Functional interaction diagrams use the first
// caption set; business-process handbooks (lanes, no message flows) replace some with theirs.
constexpr std::array captions{
    Caption{"start:none", "Бастапқы оқиға", "Начальное событие", "Start event"},
    Caption{"start:message", "Бастапқы хабарлама", "Начальное сообщение", "Start message"},
    Caption{"start:timer", "Бастапқы оқиға (таймер)", "Начальное событие (таймер)", "Start event (timer)"},
    Caption{"start:conditional", "Бастапқы оқиға (шарт)", "Начальное событие (условие)", "Start event (condition)"},
    Caption{"start:signal", "Бастапқы оқиға (сигнал)", "Начальное событие (сигнал)", "Start event (signal)"},
    Caption{"start:error", "Бастапқы оқиға (қателік)", "Начальное событие (ошибка)", "Start event (error)"},
    Caption{"start:escalation", "Бастапқы оқиға (эскалация)", "Начальное событие (эскалация)", "Start event (escalation)"},
    Caption{"start:compensate", "Бастапқы оқиға (өтеу)", "Начальное событие (компенсация)", "Start event (compensation)"},
    Caption{"start:multiple", "Бастапқы оқиға (көп)", "Начальное событие (множественное)", "Start event (multiple)"},
    Caption{"start:parallel-multiple", "Бастапқы оқиға (параллель көп)", "Начальное событие (параллельное множественное)", "Start event (parallel multiple)"},
    Caption{"start-end", "Мемлекеттік қызмет көрсетудің басталуы немесе аяқталуы", "Начало или завершение оказания государственной услуги", "Start or end of the service"},
    Caption{"catch:none", "Аралық оқиға", "Промежуточное событие", "Intermediate event"},
    Caption{"catch:message", "Аралық хабарлама", "Промежуточное сообщение", "Intermediate message"},
    Caption{"throw:message", "Аралық хабарлама (жіберу)", "Промежуточное сообщение (отправка)", "Intermediate message (sent)"},
    Caption{"catch:timer", "Аралық оқиға (таймер)", "Промежуточное событие (таймер)", "Intermediate event (timer)"},
    Caption{"catch:conditional", "Аралық оқиға (шарт)", "Промежуточное событие (условие)", "Intermediate event (condition)"},
    Caption{"catch:link", "Аралық оқиға (сілтеме)", "Промежуточное событие (ссылка)", "Intermediate event (link)"},
    Caption{"throw:link", "Аралық оқиға (сілтемеге өту)", "Промежуточное событие (переход по ссылке)", "Intermediate event (link, thrown)"},
    Caption{"catch:signal", "Аралық оқиға (сигнал)", "Промежуточное событие (сигнал)", "Intermediate event (signal)"},
    Caption{"throw:signal", "Аралық оқиға (сигнал жіберу)", "Промежуточное событие (отправка сигнала)", "Intermediate event (signal, thrown)"},
    Caption{"throw:escalation", "Аралық оқиға (эскалация)", "Промежуточное событие (эскалация)", "Intermediate event (escalation)"},
    Caption{"throw:compensate", "Аралық оқиға (өтеу)", "Промежуточное событие (компенсация)", "Intermediate event (compensation)"},
    Caption{"catch:multiple", "Аралық оқиға (көп)", "Промежуточное событие (множественное)", "Intermediate event (multiple)"},
    Caption{"throw:multiple", "Аралық оқиға (көп, жіберу)", "Промежуточное событие (множественное, отправка)", "Intermediate event (multiple, thrown)"},
    Caption{"catch:parallel-multiple", "Аралық оқиға (параллель көп)", "Промежуточное событие (параллельное множественное)", "Intermediate event (parallel multiple)"},
    Caption{"throw:none", "Аралық оқиға (жіберу)", "Промежуточное событие (отправка)", "Intermediate event (thrown)"},
    Caption{"boundary:message", "Шекаралық оқиға (хабарлама)", "Граничное событие (сообщение)", "Boundary event (message)"},
    Caption{"boundary:timer", "Шекаралық оқиға (таймер)", "Граничное событие (таймер)", "Boundary event (timer)"},
    Caption{"boundary:error", "Шекаралық оқиға (қателік)", "Граничное событие (ошибка)", "Boundary event (error)"},
    Caption{"boundary:escalation", "Шекаралық оқиға (эскалация)", "Граничное событие (эскалация)", "Boundary event (escalation)"},
    Caption{"boundary:cancel", "Шекаралық оқиға (болдырмау)", "Граничное событие (отмена)", "Boundary event (cancel)"},
    Caption{"boundary:compensate", "Шекаралық оқиға (өтеу)", "Граничное событие (компенсация)", "Boundary event (compensation)"},
    Caption{"boundary:conditional", "Шекаралық оқиға (шарт)", "Граничное событие (условие)", "Boundary event (condition)"},
    Caption{"boundary:signal", "Шекаралық оқиға (сигнал)", "Граничное событие (сигнал)", "Boundary event (signal)"},
    Caption{"boundary:multiple", "Шекаралық оқиға (көп)", "Граничное событие (множественное)", "Boundary event (multiple)"},
    Caption{"boundary:parallel-multiple", "Шекаралық оқиға (параллель көп)", "Граничное событие (параллельное множественное)", "Boundary event (parallel multiple)"},
    Caption{"end:none", "Соңғы қарапайым оқиға", "Завершающее простое событие", "Simple end event"},
    Caption{"end:message", "Соңғы хабарлама", "Завершающее сообщение", "End message"},
    Caption{"end:error", "Қателік", "Ошибка", "Error"},
    Caption{"end:terminate", "Процесті тоқтату", "Прекращение процесса", "Terminate"},
    Caption{"end:escalation", "Соңғы оқиға (эскалация)", "Завершающее событие (эскалация)", "End event (escalation)"},
    Caption{"end:cancel", "Соңғы оқиға (болдырмау)", "Завершающее событие (отмена)", "End event (cancel)"},
    Caption{"end:compensate", "Соңғы оқиға (өтеу)", "Завершающее событие (компенсация)", "End event (compensation)"},
    Caption{"end:signal", "Соңғы оқиға (сигнал)", "Завершающее событие (сигнал)", "End event (signal)"},
    Caption{"end:multiple", "Соңғы оқиға (көп)", "Завершающее событие (множественное)", "End event (multiple)"},
    Caption{"participant", "Ақпараттық жүйе (АЖ)", "Информационная система (ИС)", "Information system"},
    Caption{"participant@handbook", "Қатысушы (ұйым)", "Участник (организация)", "Participant (organisation)"},
    Caption{"lane", "Құрылымдық-функционалдық бірлік (ҚФБ)", "Структурно-функциональная единица (СФЕ)", "Structural-functional unit"},
    Caption{"task", "Процесс", "Процесс", "Process"},
    Caption{"task@handbook", "Көрсетілетін қызметті алушы рәсімінің (іс-қимылының) және (немесе) құрылымдық-функционалдық бірлік атауы", "Наименование процедуры (действия) услугополучателя и (или) СФЕ", "Procedure (action) of the recipient and/or structural-functional unit"},
    Caption{"userTask", "Пайдаланушы тапсырмасы", "Пользовательская задача", "User task"},
    Caption{"serviceTask", "Сервистік тапсырма", "Сервисная задача", "Service task"},
    Caption{"sendTask", "Жіберу тапсырмасы", "Задача отправки", "Send task"},
    Caption{"receiveTask", "Қабылдау тапсырмасы", "Задача получения", "Receive task"},
    Caption{"manualTask", "Қолмен орындалатын тапсырма", "Ручная задача", "Manual task"},
    Caption{"businessRuleTask", "Бизнес-ереже тапсырмасы", "Задача бизнес-правила", "Business rule task"},
    Caption{"scriptTask", "Сценарий тапсырмасы", "Задача-сценарий", "Script task"},
    Caption{"subProcess", "Ішкі процесс", "Подпроцесс", "Sub-process"},
    Caption{"subProcess:collapsed", "Ішкі процесс (жиналған)", "Подпроцесс (свёрнутый)", "Sub-process (collapsed)"},
    Caption{"subProcess:event", "Оқиғалық ішкі процесс", "Событийный подпроцесс", "Event sub-process"},
    Caption{"transaction", "Транзакция", "Транзакция", "Transaction"},
    Caption{"adHocSubProcess", "Ad hoc ішкі процесс", "Ad hoc подпроцесс", "Ad-hoc sub-process"},
    Caption{"callActivity", "Шақырылатын процесс", "Вызов процесса", "Call activity"},
    Caption{"marker:loop", "Цикл", "Цикл", "Loop"},
    Caption{"marker:parallel-mi", "Көп дана (қатар)", "Множественный экземпляр (параллельно)", "Multi-instance (parallel)"},
    Caption{"marker:sequential-mi", "Көп дана (кезекпен)", "Множественный экземпляр (последовательно)", "Multi-instance (sequential)"},
    Caption{"marker:compensation", "Өтеу әрекеті", "Действие компенсации", "Compensation activity"},
    Caption{"exclusiveGateway", "Шарт", "Условие", "Condition"},
    Caption{"exclusiveGateway@handbook", "Рәсімдердің (іс-қимылдардың) реттілік шарты", "Условие последовательности процедур (действий)", "Condition in the sequence of procedures"},
    Caption{"parallelGateway", "Параллель тармақтар", "Параллельные ветви", "Parallel branches"},
    Caption{"inclusiveGateway", "Бір немесе бірнеше тармақ", "Одна или несколько ветвей", "One or more branches"},
    Caption{"eventBasedGateway", "Оқиғаға негізделген таңдау", "Выбор по событию", "Event-based choice"},
    Caption{"complexGateway", "Күрделі шарт", "Сложное условие", "Complex condition"},
    Caption{"sequenceFlow", "Басқару ағыны", "Поток управления", "Control flow"},
    Caption{"sequenceFlow@handbook", "Келесі рәсімге (іс-қимылға) өту", "Переход к следующей процедуре (действию)", "Transition to the next procedure (action)"},
    Caption{"sequenceFlow:default", "Әдепкі ағын", "Поток по умолчанию", "Default flow"},
    Caption{"sequenceFlow:conditional", "Шартты ағын", "Условный поток", "Conditional flow"},
    Caption{"messageFlow", "Хабарламалар ағыны", "Поток сообщений", "Message flow"},
    Caption{"association", "Байланыс", "Ассоциация", "Association"},
    Caption{"dataAssociation", "Деректер байланысы", "Ассоциация данных", "Data association"},
    Caption{"dataObjectReference", "Көрсетілетін қызметті алушыға ұсынылатын электрондық құжат", "Электронный документ, предоставляемый услугополучателю", "Electronic document delivered to the recipient"},
    Caption{"dataObjectReference:collection", "Электрондық құжаттар жиынтығы", "Набор электронных документов", "Collection of electronic documents"},
    Caption{"dataInput", "Кіріс деректер", "Входные данные", "Data input"},
    Caption{"dataOutput", "Шығыс деректер", "Выходные данные", "Data output"},
    Caption{"dataStoreReference", "Деректер қоймасы", "Хранилище данных", "Data store"},
    Caption{"textAnnotation", "Түсініктеме", "Текстовая аннотация", "Text annotation"},
    Caption{"group", "Топ", "Группа", "Group"},
};

const Caption* find_caption(std::string_view key) {
  for (const auto& c : captions)
    if (c.key == key) return &c;
  return nullptr;
}

std::string event_definition_key(const model::FlowNode& n) {
  if (n.event_definitions.size() > 1) return n.parallel_multiple.value_or(false) ? "parallel-multiple" : "multiple";
  if (n.event_definitions.empty()) return "none";
  return std::string(event_kind_key(n.event_definitions.front().kind));
}

std::string composed_caption(const std::string& key, Lang lang) {
  auto colon = key.find(':');
  std::string position = key.substr(0, colon), definition = colon == std::string::npos ? "" : key.substr(colon + 1);
  static const std::array<Caption, 5> positions{{
      {"start", "Бастапқы оқиға", "Начальное событие", "Start event"},
      {"catch", "Аралық оқиға", "Промежуточное событие", "Intermediate event"},
      {"throw", "Аралық оқиға (жіберу)", "Промежуточное событие (отправка)", "Intermediate event (thrown)"},
      {"boundary", "Шекаралық оқиға", "Граничное событие", "Boundary event"},
      {"end", "Соңғы оқиға", "Завершающее событие", "End event"},
  }};
  for (const auto& p : positions)
    if (p.key == position) return fmt::format("{} ({})", pick(p, lang), definition);
  return key;
}

}  // namespace

std::string_view event_kind_key(EventKind kind) {
  switch (kind) {
    case EventKind::message: return "message";
    case EventKind::timer: return "timer";
    case EventKind::error: return "error";
    case EventKind::escalation: return "escalation";
    case EventKind::cancel: return "cancel";
    case EventKind::compensate: return "compensate";
    case EventKind::conditional: return "conditional";
    case EventKind::link: return "link";
    case EventKind::signal: return "signal";
    case EventKind::terminate: return "terminate";
  }
  return "none";
}

std::string short_duration(const model::Duration& d, Lang lang) {
  std::string amount = std::fabs(d.amount - std::round(d.amount)) < 1e-9 ? fmt::format("{}", std::llround(d.amount))
                                                                          : fmt::format("{:g}", d.amount);
  if (lang != Lang::en) std::replace(amount.begin(), amount.end(), '.', ',');
  using model::TimeUnit;
  static const std::array<std::array<std::string_view, 3>, 5> units{{
      {"сек", "сек", "s"},
      {"мин", "мин", "min"},
      {"сағ", "ч", "h"},
      {"жұмыс күні", "раб. дн.", "working days"},
      {"күнтізбелік күн", "календ. дн.", "calendar days"},
  }};
  auto row = static_cast<std::size_t>(d.unit);
  std::string_view unit = units[row][lang == Lang::kk ? 0 : lang == Lang::ru ? 1 : 2];
  if (lang == Lang::en && d.amount == 1 && row >= 3) unit = row == 3 ? "working day" : "calendar day";
  return fmt::format("{} {}", amount, unit);
}

std::string legend_key(const Subject& s, const DrawContext& ctx) {
  if (s.node) {
    const model::FlowNode& n = *s.node;
    switch (n.kind) {
      case NodeKind::start_event: return "start:" + event_definition_key(n);
      case NodeKind::end_event: return "end:" + event_definition_key(n);
      case NodeKind::intermediate_catch_event: return "catch:" + event_definition_key(n);
      case NodeKind::intermediate_throw_event: return "throw:" + event_definition_key(n);
      case NodeKind::boundary_event: return "boundary:" + event_definition_key(n);
      case NodeKind::sub_process:
        if (n.triggered_by_event.value_or(false)) return "subProcess:event";
        return ctx.expanded ? "subProcess" : "subProcess:collapsed";
      default: return s.type;
    }
  }
  if (s.type == "sequenceFlow")
    return s.default_flow ? "sequenceFlow:default" : s.conditional_from_activity ? "sequenceFlow:conditional" : s.type;
  if (s.type == "dataInputAssociation" || s.type == "dataOutputAssociation") return "dataAssociation";
  if (s.type == "dataObjectReference" && s.collection) return "dataObjectReference:collection";
  return s.type;
}

std::vector<std::string> marker_keys(const model::FlowNode& n) {
  std::vector<std::string> keys;
  if (n.loop) {
    if (!n.loop->multi_instance) keys.push_back("marker:loop");
    else keys.push_back(n.loop->is_sequential.value_or(false) ? "marker:sequential-mi" : "marker:parallel-mi");
  }
  if (n.is_for_compensation.value_or(false)) keys.push_back("marker:compensation");
  return keys;
}

std::vector<LegendRow> legend_rows(const std::set<std::string>& used, bool handbook, Lang lang) {
  std::set<std::string> keys = used;
  if (handbook) {
    // The handbooks' legend has one row for the start and the end of the service.
    if (keys.erase("start:none") + keys.erase("end:none") > 0) keys.insert("start-end");
  }
  std::vector<LegendRow> rows;
  for (const auto& c : captions) {
    if (!keys.count(std::string(c.key))) continue;
    const Caption* caption = &c;
    if (handbook)
      if (const Caption* h = find_caption(std::string(c.key) + "@handbook")) caption = h;
    rows.push_back({std::string(c.key), std::string(pick(*caption, lang))});
    keys.erase(std::string(c.key));
  }
  // Kinds the table does not name (unusual event definitions): a caption made of its parts,
  // so that no symbol of the diagram goes unexplained.
  for (const auto& key : keys) rows.push_back({key, composed_caption(key, lang)});
  return rows;
}

std::string_view legend_title(Lang lang) {
  return lang == Lang::kk ? "Шартты белгілер" : lang == Lang::ru ? "Условные обозначения" : "Legend";
}

// ---------------------------------------------------------------------------------------
// Samples: each row's symbol drawn by the notation table itself, on a made-up element.
namespace {

constexpr double cell_w = 60, row_min_h = 38, caption_w = 230, caption_px = 11, padding = 10;

NodeKind event_position_kind(std::string_view position) {
  if (position == "start") return NodeKind::start_event;
  if (position == "end") return NodeKind::end_event;
  if (position == "throw") return NodeKind::intermediate_throw_event;
  if (position == "boundary") return NodeKind::boundary_event;
  return NodeKind::intermediate_catch_event;
}

std::optional<EventKind> event_kind_from_key(std::string_view key) {
  for (int k = 0; k <= static_cast<int>(EventKind::terminate); ++k)
    if (event_kind_key(static_cast<EventKind>(k)) == key) return static_cast<EventKind>(k);
  return std::nullopt;
}

void draw_sample(const std::string& key, DrawContext ctx, const Palette& p, double x, double y, double h, Element& out) {
  double cx = x + cell_w / 2, cy = y + h / 2;
  auto colon = key.find(':');
  std::string head = key.substr(0, colon), tail = colon == std::string::npos ? "" : key.substr(colon + 1);
  model::FlowNode node;
  Subject s;
  s.node = &node;
  auto shape = [&](double w, double hh) { draw_shape(ctx, s, {cx - w / 2, cy - hh / 2, w, hh}, p, out); };
  auto edge = [&](std::string type) {
    s.node = nullptr;
    s.type = std::move(type);
    draw_edge(ctx, s, {{x + 6, cy}, {x + cell_w - 6, cy}}, p, out);
  };
  if (key == "start-end") {
    node.kind = NodeKind::start_event;
    s.type = "startEvent";
    draw_shape(ctx, s, {cx - 25, cy - 11, 22, 22}, p, out);
    node.kind = NodeKind::end_event;
    s.type = "endEvent";
    draw_shape(ctx, s, {cx + 3, cy - 11, 22, 22}, p, out);
  } else if (head == "start" || head == "end" || head == "catch" || head == "throw" || head == "boundary") {
    node.kind = event_position_kind(head);
    s.type = std::string(model::type_name(node.kind));
    if (tail == "multiple" || tail == "parallel-multiple") {
      node.event_definitions.resize(2);
      node.parallel_multiple = tail == "parallel-multiple";
    } else if (auto kind = event_kind_from_key(tail)) {
      node.event_definitions.push_back({});
      node.event_definitions.back().kind = *kind;
    }
    shape(30, 30);
  } else if (auto kind = model::node_kind_from_type(head)) {
    node.kind = *kind;
    s.type = head;
    ctx.marker_visible = true;
    ctx.expanded = false;
    if (model::is_gateway(*kind)) shape(34, 34);
    else if (tail == "event") { node.triggered_by_event = true; ctx.expanded = true; shape(50, 34); }
    else { ctx.expanded = head == "subProcess" && tail.empty(); shape(50, 34); }
  } else if (head == "marker") {
    node.kind = NodeKind::task;
    s.type = "task";
    if (tail == "loop") node.loop = model::LoopCharacteristics{};
    if (tail == "parallel-mi" || tail == "sequential-mi") {
      node.loop = model::LoopCharacteristics{};
      node.loop->multi_instance = true;
      node.loop->is_sequential = tail == "sequential-mi";
    }
    if (tail == "compensation") node.is_for_compensation = true;
    shape(50, 34);
  } else if (head == "sequenceFlow") {
    s.default_flow = tail == "default";
    s.conditional_from_activity = tail == "conditional";
    edge("sequenceFlow");
  } else if (head == "messageFlow" || head == "association" || head == "dataAssociation") {
    s.association_to_target = head == "dataAssociation";
    edge(head);
  } else if (head == "dataObjectReference" || head == "dataInput" || head == "dataOutput") {
    s.node = nullptr;
    s.type = head;
    s.collection = tail == "collection";
    s.data_output = head == "dataOutput";
    draw_shape(ctx, s, {cx - 12, cy - 15, 24, 30}, p, out);
  } else if (head == "participant" || head == "lane") {
    Style st{p.fill, p.fill_opacity, p.stroke, 1.5};
    out.items.emplace_back(rect(x + 6, cy - 14, cell_w - 12, 28, 0, st));
    out.items.emplace_back(polyline({{x + 16, cy - 14}, {x + 16, cy + 14}}, false, {"", 1, p.stroke, 1.5}));
  } else {
    s.node = nullptr;
    s.type = head;
    draw_shape(ctx, s, {x + 8, cy - 14, cell_w - 16, 28}, p, out);
  }
}

}  // namespace

LegendBox draw_legend(const std::vector<LegendRow>& rows, double x, double y, double max_width, TextEngine& text,
                      Lang lang, const Palette& palette) {
  LegendBox box;
  box.element.type = "legend";
  box.element.label = std::string(legend_title(lang));
  if (rows.empty()) return box;
  double column_w = cell_w + 8 + caption_w + padding;
  int columns = std::clamp(static_cast<int>((max_width - padding) / column_w), 1, 4);
  std::size_t per_column = (rows.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns);
  columns = static_cast<int>((rows.size() + per_column - 1) / per_column);

  double title_h = 30;
  std::vector<Item> items;
  double tallest = 0;
  for (int c = 0; c < columns; ++c) {
    double cy = y + title_h;
    for (std::size_t i = static_cast<std::size_t>(c) * per_column; i < std::min(rows.size(), (c + 1) * per_column); ++i) {
      TextBlock caption = text.wrap(rows[i].caption, caption_px, false, caption_w, 4);
      double h = std::max(row_min_h, caption.height + 10);
      double cx = x + padding + c * column_w;
      Element sample;
      DrawContext ctx{text, lang, false};
      draw_sample(rows[i].key, ctx, palette, cx, cy, h, sample);
      for (auto& item : sample.items) items.push_back(std::move(item));
      Text t{std::move(caption.lines), text.font_px(caption_px), false, palette.label, Anchor::start};
      for (auto& l : t.lines) {
        l.x = cx + cell_w + 8;
        l.y += cy + (h - caption.height) / 2;
      }
      items.emplace_back(std::move(t));
      cy += h;
    }
    tallest = std::max(tallest, cy - y);
  }
  box.width = padding + columns * column_w;
  box.height = tallest + padding;
  box.element.items.emplace_back(rect(x, y, box.width, box.height, 0, {palette.fill, 1, palette.stroke, 1}));
  Text title = text_block(text, legend_title(lang), 13, true, 0, y + 8, box.width - 2 * padding, 1, palette.label);
  title.anchor = Anchor::start;
  for (auto& l : title.lines) l.x = x + padding;
  box.element.items.emplace_back(std::move(title));
  for (auto& item : items) box.element.items.push_back(std::move(item));
  return box;
}

}  // namespace syzba::render
