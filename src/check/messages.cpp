// Every message a rule reports, in English, Russian and Kazakh. English bpmnlint messages are
// bpmnlint's own. Arguments stand as {1}, {2}, ...: names and ids, never translated.
#include <string>
#include <string_view>
#include <vector>

#include "check/check.h"

namespace syzba::check {
namespace {

struct Message {
  std::string_view id, en, ru, kk;
};

constexpr Message catalog[] = {
    // bpmnlint
    {"ad-hoc.start", "A <Start Event> is not allowed in <Ad Hoc Sub Process>", "Начальное событие не допускается в ad-hoc подпроцессе", "Ad-hoc ішкі процесте бастапқы оқиғаға жол берілмейді"},
    {"ad-hoc.end", "An <End Event> is not allowed in <Ad Hoc Sub Process>", "Завершающее событие не допускается в ad-hoc подпроцессе", "Ad-hoc ішкі процесте соңғы оқиғаға жол берілмейді"},
    {"flow.missing-condition", "Sequence flow is missing condition", "У потока управления нет условия", "Басқару ағынында шарт жоқ"},
    {"process.missing-end", "Process is missing end event", "У процесса нет завершающего события", "Процесте соңғы оқиға жоқ"},
    {"sub-process.missing-end", "Sub process is missing end event", "У подпроцесса нет завершающего события", "Ішкі процесте соңғы оқиға жоқ"},
    {"process.missing-start", "Process is missing start event", "У процесса нет начального события", "Процесте бастапқы оқиға жоқ"},
    {"sub-process.missing-start", "Sub process is missing start event", "У подпроцесса нет начального события", "Ішкі процесте бастапқы оқиға жоқ"},
    {"event-gateway.outgoing", "An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>", "У шлюза по событиям должно быть не меньше двух исходящих потоков", "Оқиғаға негізделген шлюзде кемінде екі шығыс ағын болуы керек"},
    {"event-gateway.conditional", "A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional", "Поток из шлюза по событиям не может иметь условия", "Оқиғаға негізделген шлюзден шығатын ағында шарт болмауы керек"},
    {"event-sub-process.untyped-start", "Start event is missing event definition", "У начального события нет определения события", "Бастапқы оқиғаның түрі анықталмаған"},
    {"fake-join", "Incoming flows do not join", "Входящие потоки не объединены шлюзом", "Кіріс ағындар шлюз арқылы біріктірілмеген"},
    {"global.name", "Element is missing name", "У элемента нет имени", "Элементтің атауы жоқ"},
    {"global.unused", "Element is unused", "Элемент не используется", "Элемент қолданылмайды"},
    {"global.unique", "Element name is not unique", "Имя элемента не уникально", "Элемент атауы қайталанады"},
    {"label", "Element is missing label/name", "У элемента нет подписи", "Элементтің жазуы (атауы) жоқ"},
    {"link.name", "Link event is missing link name", "У события-ссылки нет имени ссылки", "Сілтеме оқиғасының сілтеме атауы жоқ"},
    {"link.missing-catch", "Link catch event with link name <{1}> missing in scope", "В области нет принимающего события-ссылки <{1}>", "Осы аумақта <{1}> қабылдаушы сілтеме оқиғасы жоқ"},
    {"link.missing-throw", "Link throw event with link name <{1}> missing in scope", "В области нет бросающего события-ссылки <{1}>", "Осы аумақта <{1}> жіберуші сілтеме оқиғасы жоқ"},
    {"link.duplicate-catch", "Duplicate link catch event with link name <{1}> in scope", "Принимающее событие-ссылка <{1}> повторяется", "<{1}> қабылдаушы сілтеме оқиғасы қайталанады"},
    {"bpmndi", "Element is missing bpmndi", "У элемента нет изображения на диаграмме (BPMNDI)", "Элементтің сызбадағы бейнесі (BPMNDI) жоқ"},
    {"discouraged", "Element type <{1}> is discouraged", "Тип элемента <{1}> не рекомендуется", "<{1}> түріндегі элементті қолданбаған жөн"},
    {"disconnected", "Element is not connected", "Элемент не соединён", "Элемент ешнәрсеге жалғанбаған"},
    {"duplicate.flow", "SequenceFlow is a duplicate", "Поток управления повторяется", "Басқару ағыны қайталанады"},
    {"duplicate.outgoing", "Duplicate outgoing sequence flows", "Повторяющиеся исходящие потоки", "Шығыс ағындар қайталанады"},
    {"duplicate.incoming", "Duplicate incoming sequence flows", "Повторяющиеся входящие потоки", "Кіріс ағындар қайталанады"},
    {"gateway.join-fork", "Gateway forks and joins", "Шлюз одновременно разветвляет и объединяет", "Шлюз бір мезгілде тармақтайды әрі біріктіреді"},
    {"implicit.split", "Flow splits implicitly", "Поток разветвляется неявно", "Ағын жасырын тармақталады"},
    {"implicit.end", "Element is an implicit end", "Элемент неявно завершает процесс", "Элемент процесті жасырын аяқтайды"},
    {"implicit.start", "Element is an implicit start", "Элемент неявно начинает процесс", "Элемент процесті жасырын бастайды"},
    {"overlap", "Element overlaps with other element", "Элемент перекрывает другой элемент", "Элемент басқа элементтің үстіне түседі"},
    {"outside", "Element is outside of parent boundary", "Элемент выходит за границы родителя", "Элемент өз аумағының шекарасынан шығып тұр"},
    {"process.blank-starts", "Process has multiple blank start events", "У процесса несколько простых начальных событий", "Процесте бірнеше қарапайым бастапқы оқиға бар"},
    {"sub-process.blank-starts", "Sub process has multiple blank start events", "У подпроцесса несколько простых начальных событий", "Ішкі процесте бірнеше қарапайым бастапқы оқиға бар"},
    {"event.definitions", "Event has multiple event definitions", "У события несколько определений", "Оқиғаның бірнеше анықтамасы бар"},
    {"sub-process.start-blank", "Start event must be blank", "Начальное событие должно быть простым", "Бастапқы оқиға қарапайым болуы керек"},
    {"superfluous.gateway", "Gateway is superfluous. It only has one source and target.", "Шлюз лишний: у него один вход и один выход.", "Шлюз артық: оның бір кірісі және бір шығысы бар."},
    {"superfluous.label", "Sequence flow has superfluous label", "У потока лишняя подпись", "Ағынның жазуы артық"},
    {"superfluous.termination", "Termination is superfluous.", "Прерывание лишнее.", "Тоқтату артық."},
    // structure
    {"duplicate-id", "the id '{1}' of this {2} is already used by the {3} at line {4}", "идентификатор «{1}» этого элемента ({2}) уже занят элементом {3} в строке {4}", "осы элементтің ({2}) «{1}» идентификаторы {4}-жолдағы {3} элементінде бар"},
    {"dangling-reference", "{1} {2} refers to '{3}', which is not in this file", "{1}: {2} ссылается на «{3}», которого нет в файле", "{1}: {2} файлда жоқ «{3}» элементіне сілтейді"},
    {"external-reference", "{1} {2} '{3}' is not in this file", "{1}: {2} «{3}» находится не в этом файле", "{1}: {2} «{3}» бұл файлда жоқ"},
    {"wrong-reference-kind", "{1} {2} refers to '{3}', a {4} (line {5}); expected {6}", "{1}: {2} ссылается на «{3}» — {4} (строка {5}); ожидается {6}", "{1}: {2} «{3}» элементіне сілтейді — {4} ({5}-жол); күтілгені: {6}"},
    {"di-missing", "{1} '{2}' is not drawn in any diagram of this file", "{1} «{2}» не изображён ни на одной диаграмме файла", "{1} «{2}» файлдың бірде-бір сызбасында жоқ"},
    // syzba's flow rules
    {"unreachable", "steps of {1} that cannot be reached from its start ({2}): {3}", "шаги {1}, недостижимые от начала ({2}): {3}", "{1} басынан жетуге болмайтын қадамдар ({2}): {3}"},
    {"dead-end", "steps of {1} that can never reach an end, a cycle with no way out ({2}): {3}", "шаги {1}, из которых нельзя дойти до конца, цикл без выхода ({2}): {3}", "{1} ішінде соңына жете алмайтын қадамдар, шығар жолы жоқ цикл ({2}): {3}"},
    {"condition-branches", "the condition {1} has {2} outgoing flow(s); a condition needs a yes and a no (Иә / Жоқ)", "у условия {1} исходящих потоков: {2}; условию нужны «Да» и «Нет»", "{1} шартының шығыс ағындары: {2}; шартқа «Иә» және «Жоқ» керек"},
    {"condition-branch-label", "a branch of the condition {1} has neither a label (Иә / Жоқ) nor a condition expression", "у ветви условия {1} нет ни подписи (Да / Нет), ни выражения условия", "{1} шартының тармағында жазу да (Иә / Жоқ), шарт өрнегі де жоқ"},
    {"refusal-branch-missing", "the condition {1} has no refusal (бас тарту) and no return for correction: no branch ends in a refusal or an error, and none goes back to an earlier step", "у условия {1} нет ни отказа, ни возврата на доработку: ни одна ветвь не ведёт к отказу или ошибке и не возвращается к прежнему шагу", "{1} шартында бас тарту да, жете рәсімдеуге қайтару да жоқ: бірде-бір тармақ бас тартуға не қателікке апармайды және алдыңғы қадамға қайтпайды"},
    {"message-flow-same-pool", "the message flow runs inside one pool ('{1}'); inside a pool, use a sequence flow", "поток сообщений идёт внутри одного пула («{1}»); внутри пула нужен поток управления", "хабарламалар ағыны бір пулдың («{1}») ішінде жүр; пул ішінде басқару ағыны қолданылады"},
    {"black-box-pool", "the pool «{1}» has no process: it is a black box (only its messages are shown)", "у пула «{1}» нет процесса: это «чёрный ящик» (показаны только его сообщения)", "«{1}» пулында процесс жоқ: ол «қара жәшік» (тек хабарламалары көрсетіледі)"},
    {"empty-lane", "the lane «{1}» holds no step", "в дорожке «{1}» нет ни одного шага", "«{1}» жолағында бірде-бір қадам жоқ"},
    {"lane.none", "{1} is in no lane, though its process has lanes", "{1} не входит ни в одну дорожку, хотя у процесса есть дорожки", "{1} ешбір жолақта жоқ, ал процесте жолақтар бар"},
    {"lane.many", "{1} is in {2} lanes: {3}", "{1} входит в несколько дорожек ({2}): {3}", "{1} бірнеше жолақта тұр ({2}): {3}"},
    {"service-mismatch", "this diagram names the service «{1}», but the file is about «{2}»", "эта диаграмма называет услугу «{1}», а файл описывает услугу «{2}»", "бұл диаграмма «{1}» қызметін атайды, ал файл «{2}» қызметі туралы"},
    {"duration-missing", "{1} has no duration (Орындалу ұзақтығы), though the service declares a term", "у шага {1} нет продолжительности выполнения, хотя у услуги есть срок", "{1} қадамының орындалу ұзақтығы көрсетілмеген, ал қызметтің мерзімі белгіленген"},
    {"term-exceeded", "the longest path {1} takes {2}, more than the declared term of {3}", "самый длинный путь {1} занимает {2}, больше заявленного срока {3}", "ең ұзын жол {1} {2} алады, бұл белгіленген {3} мерзімнен көп"},
    {"numbering.again", "the number {1} is used again: {2} and {3}", "номер {1} повторяется: {2} и {3}", "{1} нөмірі қайталанады: {2} және {3}"},
    {"numbering.gap", "the numbers of {1} skip {2} before {3}", "в нумерации ({1}) пропущено {2} перед {3}", "{1} нөмірлеуінде {3} алдында {2} өткізіп алынған"},
    {"numbering.order", "{1} comes after {2} on the main path, but carries a smaller number", "{1} идёт на основном пути после {2}, но имеет меньший номер", "{1} негізгі жолда {2} кейін тұр, бірақ нөмірі кішірек"},
    // soundness
    {"lack-of-synchronisation", "{1} receives two tokens at once (after a parallel split, merged without a parallel join): it runs twice", "{1} получает два маркера сразу (после параллельного ветвления без параллельного слияния): выполнится дважды", "{1} бір мезгілде екі таңбалауыш алады (параллель тармақталудан кейін параллель біріктірусіз): екі рет орындалады"},
    {"unbounded-tokens", "tokens can grow without bound: a loop puts more tokens back than it takes (waiting at {1})", "число маркеров растёт без предела: цикл возвращает больше маркеров, чем забирает (ожидают у {1})", "таңбалауыштар шексіз көбейеді: цикл алғанынан көп қайтарады ({1} алдында күтеді)"},
    {"deadlock.join", "the join {1} waits for a branch that never comes (tokens left before {2})", "слияние {1} ждёт ветвь, которая никогда не придёт (маркеры остались перед {2})", "{1} біріктіруі ешқашан келмейтін тармақты күтеді (таңбалауыштар {2} алдында қалды)"},
    {"deadlock.stuck", "the process stops with tokens left (before {1})", "процесс останавливается, оставив маркеры (перед {1})", "процесс таңбалауыштар қалдырып тоқтайды ({1} алдында)"},
    {"no-option-to-complete", "from here the process can run on but never finish (tokens before {1})", "отсюда процесс может продолжаться, но никогда не завершится (маркеры перед {1})", "осы жерден процесс жүре береді, бірақ ешқашан аяқталмайды ({1} алдында таңбалауыштар)"},
    {"soundness-bound.states", "the state space is larger than {1} states; soundness was checked only that far (raise soundnessStates in the config)", "пространство состояний больше {1}; корректность проверена только до этой границы (увеличьте soundnessStates)", "күйлер кеңістігі {1}-ден үлкен; дұрыстық тек осы шекке дейін тексерілді (soundnessStates мәнін арттырыңыз)"},
    {"soundness-bound.nodes", "soundness was not checked: the scope has {1} flow nodes, more than {2} (raise soundnessNodes in the config)", "корректность не проверялась: в области {1} узлов, больше {2} (увеличьте soundnessNodes)", "дұрыстық тексерілмеді: аумақта {1} түйін бар, бұл {2}-ден көп (soundnessNodes мәнін арттырыңыз)"},
    {"soundness-states", "explored {1} states", "исследовано состояний: {1}", "зерттелген күйлер: {1}"},
    {"dead-activity", "{1} can never run: no execution of the process reaches it", "{1} никогда не выполняется: ни одно исполнение процесса до него не доходит", "{1} ешқашан орындалмайды: процестің бірде-бір орындалуы оған жетпейді"},
    // words inside messages and duration totals
    {"word.process", "process", "процесса", "процестің"},
    {"word.sub-process", "sub-process", "подпроцесса", "ішкі процестің"},
    {"unit.working-days", "working days", "раб. дн.", "жұмыс күні"},
    {"unit.working-day", "working day", "раб. дн.", "жұмыс күні"},
    {"unit.hours", "h", "ч", "сағ"},
    {"unit.minutes", "min", "мин", "мин"},
    {"unit.calendar-days", "calendar days", "календ. дн.", "күнтізбелік күн"},
    {"unit.calendar-day", "calendar day", "календ. дн.", "күнтізбелік күн"},
};

}  // namespace

std::optional<Lang> lang_from_name(std::string_view name) {
  if (name == "en") return Lang::en;
  if (name == "ru") return Lang::ru;
  if (name == "kk") return Lang::kk;
  return std::nullopt;
}

std::string say(Lang lang, std::string_view id, const std::vector<std::string>& args) {
  std::string_view text = id;  // an unknown id shows itself: a missing message is visible, not silent
  for (const auto& m : catalog)
    if (m.id == id) text = lang == Lang::ru ? m.ru : lang == Lang::kk ? m.kk : m.en;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '1' && text[i + 1] <= '9') {
      std::size_t k = static_cast<std::size_t>(text[i + 1] - '1');
      if (k < args.size()) out += args[k];
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace syzba::check
