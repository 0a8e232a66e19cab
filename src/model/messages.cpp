// The message catalogue: every message the reader, the text form and the rules say, in
// English, Russian and Kazakh. English bpmnlint messages are bpmnlint's own. Arguments stand
// as {1}, {2}, ...: names, ids, numbers and XML, never translated. Ids are stable: translate()
// and the tests find messages by them. The reader's ids start "read.", the text form's "text.".
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace syzba::model {
namespace {

constexpr CatalogueEntry catalogue[] = {
    // --- the rules (src/check) ----------------------------------------------------------
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
    {"term-exceeded", "the longest path ({1} steps) takes {2}, over the term of {3}; `syzba paths` lists its steps", "самый длинный путь (шагов: {1}) занимает {2} — больше срока {3}; его шаги перечисляет `syzba paths`", "ең ұзын жол ({1} қадам) {2} алады, бұл белгіленген {3} мерзімнен көп; оның қадамдарын `syzba paths` көрсетеді"},
    // the regulation against a model (src/import, check --against)
    {"against.action-missing", "action {1} «{2}» is not in the regulation (no action {1} in the procedure at {3})", "действия {1} «{2}» нет в регламенте (в процедуре, {3}, нет действия {1})", "{1}-іс-әрекет «{2}» регламентте жоқ ({3} рәсімінде {1}-іс-әрекет жоқ)"},
    {"against.action-absent", "the regulation's action {1} «{2}» ({3}) is not in the diagram", "действия {1} регламента «{2}» ({3}) нет на диаграмме", "регламенттің {1}-іс-әрекеті «{2}» ({3}) диаграммада жоқ"},
    {"against.unit", "action {1}: the diagram's unit is «{2}», the regulation ({3}) names «{4}»", "действие {1}: на диаграмме подразделение «{2}», в регламенте ({3}) — «{4}»", "{1}-іс-әрекет: диаграммада бөлімше «{2}», регламентте ({3}) — «{4}»"},
    {"against.duration", "action {1}: the diagram's duration is «{2}», the regulation ({3}) gives «{4}»", "действие {1}: на диаграмме длительность «{2}», в регламенте ({3}) — «{4}»", "{1}-іс-әрекет: диаграммада ұзақтығы «{2}», регламентте ({3}) — «{4}»"},
    {"against.next", "action {1}: the diagram goes on to {2}, the regulation ({3}) to {4}", "действие {1}: на диаграмме далее {2}, в регламенте ({3}) — {4}", "{1}-іс-әрекет: диаграммада келесісі {2}, регламентте ({3}) — {4}"},
    {"against.term", "the diagram declares the term «{1}», the regulation ({2}) «{3}»", "на диаграмме срок «{1}», в регламенте ({2}) — «{3}»", "диаграммада мерзім «{1}», регламентте ({2}) — «{3}»"},
    {"against.service", "the diagram names the service «{1}», the regulation ({2}) is about «{3}»", "диаграмма называет услугу «{1}», а регламент ({2}) — об услуге «{3}»", "диаграмма «{1}» қызметін атайды, ал регламент ({2}) «{3}» қызметі туралы"},
    {"against.header-service", "the header at {1} names the service «{2}», not the regulation's «{3}»", "заголовок ({1}) называет услугу «{2}», а не услугу регламента «{3}»", "тақырып ({1}) «{2}» қызметін атайды, регламенттің «{3}» қызметін емес"},
    {"against.term-exceeded", "the regulation's own steps ({1}) take {2}, over its term of «{3}»", "шаги самого регламента ({1}) занимают {2} — больше его срока «{3}»", "регламенттің өз қадамдары ({1}) {2} алады, бұл оның «{3}» мерзімінен көп"},
    {"against.unmatched", "no procedure of {1} matches the diagram's actions ({2} procedures read); see `syzba import`", "ни одна процедура {1} не совпадает с действиями диаграммы (прочитано процедур: {2}); см. `syzba import`", "{1} ішіндегі бірде-бір рәсім диаграмма іс-әрекеттеріне сәйкес келмейді (оқылған рәсімдер: {2}); `syzba import` қараңыз"},
    // reading a regulation (src/import)
    {"import.cannot-open", "cannot open the regulation: {1}", "не удаётся открыть регламент: {1}", "регламентті ашу мүмкін емес: {1}"},
    {"import.too-large", "the regulation is {1} bytes, over the limit of {2}", "регламент занимает {1} байт — больше предела {2}", "регламент {1} байт, бұл {2} шегінен көп"},
    {"import.not-utf8", "this is not UTF-8 text (nor a DOCX file)", "это не текст в UTF-8 (и не файл DOCX)", "бұл UTF-8 мәтіні емес (DOCX файлы да емес)"},
    {"import.empty", "the {1} file holds no text", "в файле ({1}) нет текста", "файлда ({1}) мәтін жоқ"},
    {"import.docx-not-zip", "this DOCX is not a readable zip archive: {1}", "этот DOCX — не читаемый zip-архив: {1}", "бұл DOCX оқылатын zip мұрағаты емес: {1}"},
    {"import.docx-no-document", "this DOCX has no word/document.xml", "в этом DOCX нет word/document.xml", "бұл DOCX ішінде word/document.xml жоқ"},
    {"import.docx-too-large", "word/document.xml inflates to {1} bytes from {2} (limit {3}): refused as a zip bomb", "word/document.xml распаковывается в {1} байт из {2} (предел {3}): отклонено как zip-бомба", "word/document.xml {2} байттан {1} байтқа ашылады (шегі {3}): zip-бомба ретінде қабылданбады"},
    {"import.docx-bad-xml", "word/document.xml is not well-formed XML: {1}", "word/document.xml — неверно составленный XML: {1}", "word/document.xml дұрыс құрылмаған XML: {1}"},
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
    // --- the reader (src/io): a BPMN file that cannot be read as it stands ----------------
    {"read.too-large", "the file is {1} bytes, more than the limit of {2} (raise it with --max-bytes)", "размер файла {1} байт — больше предела {2} (увеличьте его параметром --max-bytes)", "файлдың көлемі {1} байт, бұл {2} байт шегінен көп (шекті --max-bytes параметрімен арттырыңыз)"},
    {"read.text-too-large", "the file is larger than the limit of {1} bytes (--max-bytes)", "файл больше предела в {1} байт (--max-bytes)", "файл {1} байт шегінен үлкен (--max-bytes)"},
    {"read.directory", "is a directory, not a BPMN file", "это каталог, а не файл BPMN", "бұл BPMN файлы емес, каталог"},
    {"read.cannot-open", "cannot open the file: {1}", "не удаётся открыть файл: {1}", "файлды ашу мүмкін емес: {1}"},
    {"read.encoding-unknown", "cannot read the file as {1} (unknown encoding, or bytes invalid in it)", "не удаётся прочитать файл в кодировке {1} (кодировка неизвестна или байты в ней недопустимы)", "файлды {1} кодтауымен оқу мүмкін емес (кодтау белгісіз немесе байттар онда жарамсыз)"},
    {"read.not-utf8", "invalid UTF-8 (declare the file's encoding in its XML declaration, or save it as UTF-8)", "недопустимый UTF-8 (укажите кодировку файла в его XML-объявлении или сохраните файл в UTF-8)", "жарамсыз UTF-8 (файлдың кодтауын оның XML жариялауында көрсетіңіз немесе файлды UTF-8 түрінде сақтаңыз)"},
    {"read.utf8-repaired", "invalid UTF-8 (the byte {1} and any others like it are read as Windows-1252; declare the file's encoding in its XML declaration, or save it as UTF-8)", "недопустимый UTF-8 (байт {1} и подобные ему прочитаны как Windows-1252; укажите кодировку файла в его XML-объявлении или сохраните файл в UTF-8)", "жарамсыз UTF-8 ({1} байты және соған ұқсас байттар Windows-1252 ретінде оқылды; файлдың кодтауын оның XML жариялауында көрсетіңіз немесе файлды UTF-8 түрінде сақтаңыз)"},
    {"read.forbidden-control", "not well-formed XML: the character {1} (a control character) is not allowed in XML 1.0", "XML составлен неверно: управляющий символ {1} недопустим в XML 1.0", "XML дұрыс құрылмаған: XML 1.0 нұсқасында {1} басқару таңбасына жол берілмейді"},
    {"read.forbidden-noncharacter", "not well-formed XML: the character U+FFFE or U+FFFF is not allowed in XML 1.0", "XML составлен неверно: символы U+FFFE и U+FFFF недопустимы в XML 1.0", "XML дұрыс құрылмаған: XML 1.0 нұсқасында U+FFFE не U+FFFF таңбасына жол берілмейді"},
    {"read.forbidden-reference", "not well-formed XML: the character reference {1} is not allowed in XML 1.0", "XML составлен неверно: ссылка на символ {1} недопустима в XML 1.0", "XML дұрыс құрылмаған: XML 1.0 нұсқасында {1} таңба сілтемесіне жол берілмейді"},
    {"read.xml.bad-ampersand", "not well-formed XML: '&' that starts no character or predefined entity reference (write &amp;)", "XML составлен неверно: символ «&» не начинает ни ссылку на символ, ни предопределённую сущность (пишите &amp;)", "XML дұрыс құрылмаған: «&» таңбасынан таңбаға да, алдын ала анықталған нысанға да сілтеме басталмайды (&amp; деп жазыңыз)"},
    {"read.xml.lt-in-attribute", "not well-formed XML: '<' inside an attribute value (write &lt;)", "XML составлен неверно: символ «<» внутри значения атрибута (пишите &lt;)", "XML дұрыс құрылмаған: атрибут мәнінің ішінде «<» таңбасы тұр (&lt; деп жазыңыз)"},
    {"read.xml.content-after-root", "not well-formed XML: content after the root element", "XML составлен неверно: после корневого элемента есть содержимое", "XML дұрыс құрылмаған: түбір элементтен кейін мазмұн бар"},
    {"read.xml.parser", "not well-formed XML: {1}", "XML составлен неверно: {1}", "XML дұрыс құрылмаған: {1}"},
    {"read.xml.duplicate-attribute", "not well-formed XML: an attribute appears twice in this element", "XML составлен неверно: атрибут повторяется в этом элементе", "XML дұрыс құрылмаған: бұл элементте бір атрибут екі рет кездеседі"},
    {"read.xml.bad-name", "not well-formed XML: `{1}` is not a name XML with namespaces allows", "XML составлен неверно: `{1}` — недопустимое имя для XML с пространствами имён", "XML дұрыс құрылмаған: `{1}` — атаулар кеңістігі бар XML-де рұқсат етілмейтін атау"},
    {"read.entities", "entity declarations are not allowed in a BPMN file (syzba never expands them)", "объявления сущностей (ENTITY) в файле BPMN не допускаются (syzba их никогда не раскрывает)", "BPMN файлында нысан жариялауларына (ENTITY) жол берілмейді (syzba оларды ешқашан ашпайды)"},
    {"read.too-many-elements", "the file has more than {1} elements (raise the limit with --max-elements)", "в файле больше {1} элементов (увеличьте предел параметром --max-elements)", "файлдағы элементтер саны {1} шегінен асады (шекті --max-elements параметрімен арттырыңыз)"},
    {"read.too-deep", "elements are nested more than {1} levels deep here; no BPMN model needs that", "здесь элементы вложены глубже {1} уровней; ни одной модели BPMN это не нужно", "мұнда элементтердің кірістірілу тереңдігі {1} деңгей шегінен асады; бірде-бір BPMN моделіне бұл қажет емес"},
    {"read.not-bpmn", "not a BPMN 2.0 file: the root element is <{1}>; expected <definitions> in {2}", "это не файл BPMN 2.0: корневой элемент — <{1}>; ожидается <definitions> в пространстве имён {2}", "бұл BPMN 2.0 файлы емес: түбір элемент — <{1}>; {2} атаулар кеңістігіндегі <definitions> күтілген"},
    {"read.not-bpmn-namespace", "not a BPMN 2.0 file: the root element is <{1}> in namespace {2}; expected <definitions> in {3}", "это не файл BPMN 2.0: корневой элемент — <{1}> в пространстве имён {2}; ожидается <definitions> в пространстве имён {3}", "бұл BPMN 2.0 файлы емес: түбір элемент — {2} атаулар кеңістігіндегі <{1}>; {3} атаулар кеңістігіндегі <definitions> күтілген"},
    {"read.not-boolean", "{1}=\"{2}\" is not a boolean (true or false)", "{1}=\"{2}\" — не логическое значение (нужно true или false)", "{1}=\"{2}\" логикалық мән емес (true немесе false болуы керек)"},
    {"read.not-number", "{1}=\"{2}\" is not a finite number", "{1}=\"{2}\" — не конечное число", "{1}=\"{2}\" шектеулі сан емес"},
    {"read.no-attribute", "{1} has no {2}", "у {1} нет атрибута {2}", "{1} элементінде {2} атрибуты жоқ"},
    {"read.diagram-no-plane", "a BPMNDiagram needs a BPMNPlane", "в BPMNDiagram должен быть BPMNPlane", "BPMNDiagram ішінде BPMNPlane болуы керек"},
    {"read.plane-no-element", "the BPMNPlane names no bpmnElement (the process or collaboration it draws)", "в BPMNPlane не указан bpmnElement (процесс или взаимодействие, которое он изображает)", "BPMNPlane ішінде bpmnElement көрсетілмеген (ол бейнелейтін процесс немесе өзара әрекеттесу)"},
    {"read.shape-no-bounds", "BPMNShape for '{1}' has no dc:Bounds", "у BPMNShape для «{1}» нет dc:Bounds", "«{1}» үшін BPMNShape ішінде dc:Bounds жоқ"},
    {"read.edge-few-waypoints", "BPMNEdge for '{1}' needs at least two waypoints", "у BPMNEdge для «{1}» должно быть не меньше двух точек (waypoint)", "«{1}» үшін BPMNEdge ішінде кемінде екі нүкте (waypoint) болуы керек"},
    // {+n}: the reason, a "duration." message of its own (model::parse_duration's).
    {"read.duration-text", "syzba:{1}: {+2}", "syzba:{1}: {+2}", "syzba:{1}: {+2}"},
    {"read.duration-impossible", "syzba:{1}: {+4} (amount=\"{2}\" unit=\"{3}\")", "syzba:{1}: {+4} (amount=\"{2}\" unit=\"{3}\")", "syzba:{1}: {+4} (amount=\"{2}\" unit=\"{3}\")"},
    {"read.duration-attributes", "syzba:{1} needs amount=\"<non-negative number>\" and unit=\"second|minute|hour|working-day|calendar-day\"; got amount=\"{2}\" unit=\"{3}\"", "syzba:{1}: нужны amount=\"<неотрицательное число>\" и unit=\"second|minute|hour|working-day|calendar-day\"; указано amount=\"{2}\" unit=\"{3}\"", "syzba:{1} үшін amount=\"<теріс емес сан>\" және unit=\"second|minute|hour|working-day|calendar-day\" керек; берілгені: amount=\"{2}\" unit=\"{3}\""},
    // --- durations (src/model/duration.cpp): why a text is not a duration a regulation can mean
    {"duration.too-large", "the amount {1} is too large in \"{2}\"", "число {1} слишком велико: \"{2}\"", "{1} саны тым үлкен: \"{2}\""},
    {"duration.no-amount", "no amount (digits or number words) in \"{1}\"", "в \"{1}\" нет количества (цифрами или словами)", "\"{1}\" ішінде сан (цифрмен не сөзбен) жоқ"},
    {"duration.digits-words", "the digits say {1} but the words in parentheses say {2} in \"{3}\"", "цифрами написано {1}, а словами в скобках — {2}: \"{3}\"", "цифрмен {1}, ал жақшадағы сөзбен {2} деп жазылған: \"{3}\""},
    {"duration.no-unit", "no time unit (seconds, minutes, hours, working or calendar days) in \"{1}\"", "в \"{1}\" нет единицы времени (секунды, минуты, часы, рабочие или календарные дни)", "\"{1}\" ішінде уақыт бірлігі (секунд, минут, сағат, жұмыс не күнтізбелік күн) жоқ"},
    {"duration.impossible-in", "{+2}: \"{1}\"", "{+2}: \"{1}\"", "{+2}: \"{1}\""},
    {"duration.negative", "a duration cannot be negative", "продолжительность не может быть отрицательной", "ұзақтық теріс бола алмайды"},
    {"duration.zero", "a duration of zero is no duration (leave it out, or write the time the step takes)", "нулевая продолжительность — не продолжительность (уберите её или укажите, сколько времени занимает действие)", "нөлдік ұзақтық — ұзақтық емес (оны алып тастаңыз немесе іс-қимылдың қанша уақыт алатынын жазыңыз)"},
    {"duration.over-a-year", "{1} {2}s is more than a year holds (at most {3})", "{1} ({2}) — больше, чем вмещает год (не больше {3})", "{1} ({2}) бір жылдан көп (ең көбі {3})"},
    // --- the text form (src/text): a .syzba file that cannot be compiled as it stands --------
    {"text.not-utf8", "the byte {1} is not UTF-8 text: save the file as UTF-8", "байт {1} — не текст в UTF-8: сохраните файл в UTF-8", "{1} байты UTF-8 мәтіні емес: файлды UTF-8 түрінде сақтаңыз"},
    {"text.control-character", "the control character {1} cannot be written into BPMN (XML)", "управляющий символ {1} нельзя записать в BPMN (XML)", "{1} басқару таңбасын BPMN (XML) ішіне жазу мүмкін емес"},
    {"text.colon-after-id", "expected ':' after the id: write `{1} {2}: {3}`", "после идентификатора нужно ':': напишите `{1} {2}: {3}`", "идентификатордан кейін ':' болуы керек: `{1} {2}: {3}` деп жазыңыз"},
    {"text.id-one-word", "an id is one word (letters, digits, '-', '_', '.'), and the label comes after the ':'", "идентификатор — одно слово (буквы, цифры, '-', '_', '.'), а подпись пишется после ':'", "идентификатор — бір сөз (әріптер, цифрлар, '-', '_', '.'), ал жазу ':' таңбасынан кейін келеді"},
    {"text.takes-no-id", "`{1}` takes no id: write `{1}: {2}`", "после `{1}` идентификатор не пишется: напишите `{1}: {2}`", "`{1}` сөзінен кейін идентификатор жазылмайды: `{1}: {2}` деп жазыңыз"},
    {"text.id-start", "an id starts with a letter or '_' (BPMN ids are XML names): write `a{1}`, say", "идентификатор начинается с буквы или '_' (идентификаторы BPMN — имена XML): напишите, например, `a{1}`", "идентификатор әріптен не '_' таңбасынан басталады (BPMN идентификаторлары — XML атаулары): мысалы, `a{1}` деп жазыңыз"},
    {"text.id-characters", "an id has no commas, quotes or < > &", "в идентификаторе не бывает запятых, кавычек и символов < > &", "идентификаторда үтір, тырнақша және < > & таңбалары болмайды"},
    {"text.keyword-misplaced.top", "`{1}` does not belong at the top level", "`{1}` не может стоять на верхнем уровне", "`{1}` сөзі жоғарғы деңгейде тұра алмайды"},
    {"text.keyword-misplaced.top.property", "`{1}` does not belong at the top level (a property is indented under what it describes)", "`{1}` не может стоять на верхнем уровне (свойство пишется с отступом под тем, что оно описывает)", "`{1}` сөзі жоғарғы деңгейде тұра алмайды (қасиет өзі сипаттайтын элементтің астына шегініспен жазылады)"},
    {"text.keyword-misplaced.top.node", "`{1}` does not belong at the top level (flow nodes go in a pool, a process or a sub-process)", "`{1}` не может стоять на верхнем уровне (узлы процесса находятся в системе, процессе или подпроцессе)", "`{1}` сөзі жоғарғы деңгейде тұра алмайды (процесс түйіндері жүйеде, процесте не ішкі процесте болады)"},
    {"text.keyword-misplaced.under", "`{1}` does not belong under `{2}`", "`{1}` не может стоять под `{2}`", "`{1}` сөзі `{2}` астында тұра алмайды"},
    {"text.keyword-misplaced.under.property", "`{1}` does not belong under `{2}` (a property is indented under what it describes)", "`{1}` не может стоять под `{2}` (свойство пишется с отступом под тем, что оно описывает)", "`{1}` сөзі `{2}` астында тұра алмайды (қасиет өзі сипаттайтын элементтің астына шегініспен жазылады)"},
    {"text.keyword-misplaced.under.node", "`{1}` does not belong under `{2}` (flow nodes go in a pool, a process or a sub-process)", "`{1}` не может стоять под `{2}` (узлы процесса находятся в системе, процессе или подпроцессе)", "`{1}` сөзі `{2}` астында тұра алмайды (процесс түйіндері жүйеде, процесте не ішкі процесте болады)"},
    {"text.unknown-statement.top", "unknown statement `{1}` at the top level", "неизвестное слово `{1}` на верхнем уровне", "жоғарғы деңгейде белгісіз `{1}` сөзі тұр"},
    {"text.unknown-statement.top-near", "unknown statement `{1}` at the top level; did you mean `{2}`?", "неизвестное слово `{1}` на верхнем уровне; может быть, имелось в виду `{2}`?", "жоғарғы деңгейде белгісіз `{1}` сөзі тұр; `{2}` деп жазғыңыз келді ме?"},
    {"text.unknown-statement.under", "unknown statement `{1}` under `{2}`", "неизвестное слово `{1}` под `{2}`", "`{2}` астында белгісіз `{1}` сөзі тұр"},
    {"text.unknown-statement.under-near", "unknown statement `{1}` under `{2}`; did you mean `{3}`?", "неизвестное слово `{1}` под `{2}`; может быть, имелось в виду `{3}`?", "`{2}` астында белгісіз `{1}` сөзі тұр; `{3}` деп жазғыңыз келді ме?"},
    {"text.duplicate-id", "the id `{1}` is already used on line {2}", "идентификатор `{1}` уже занят в строке {2}", "`{1}` идентификаторы {2}-жолда қолданылған"},
    {"text.misplaced.process-name", "`{1}` does not describe a process (its name follows the keyword of the pool or process)", "`{1}` не описывает процесс (его название пишется после ключевого слова системы или процесса)", "`{1}` процесті сипаттамайды (оның атауы жүйенің не процестің кілт сөзінен кейін жазылады)"},
    {"text.misplaced.process-id", "`{1}` does not describe a process (its id follows the keyword of the pool or process)", "`{1}` не описывает процесс (его идентификатор пишется после ключевого слова системы или процесса)", "`{1}` процесті сипаттамайды (оның идентификаторы жүйенің не процестің кілт сөзінен кейін жазылады)"},
    {"text.misplaced.lane", "`{1}` does not describe a unit (lane)", "`{1}` не описывает подразделение (дорожку)", "`{1}` бөлімшені (жолақты) сипаттамайды"},
    {"text.misplaced.document", "`{1}` does not describe a document", "`{1}` не описывает документ", "`{1}` құжатты сипаттамайды"},
    {"text.misplaced.data-store", "`{1}` does not describe a data store", "`{1}` не описывает хранилище данных", "`{1}` деректер қоймасын сипаттамайды"},
    {"text.misplaced.flow-node", "`{1}` does not describe a flow node", "`{1}` не описывает узел процесса", "`{1}` процесс түйінін сипаттамайды"},
    {"text.misplaced.message", "`{1}` does not describe a message", "`{1}` не описывает сообщение", "`{1}` хабарламаны сипаттамайды"},
    {"text.step-property-in-process", "`{1}` describes a step, not a pool or process: indent it under the step it belongs to", "`{1}` описывает действие, а не систему или процесс: напишите эту строку с отступом под действием, к которому она относится", "`{1}` жүйені не процесті емес, іс-қимылды сипаттайды: бұл жолды тиесілі іс-қимылдың астына шегініспен жазыңыз"},
    {"text.file-id-missing", "give the file's id after `id:`", "укажите идентификатор файла после `id:`", "`id:` сөзінен кейін файлдың идентификаторын жазыңыз"},
    {"text.bad-term", "the term is not a duration: {+1}", "срок записан не как продолжительность: {+1}", "мерзім ұзақтық ретінде жазылмаған: {+1}"},
    {"text.bad-duration", "not a duration: {+1}", "это не продолжительность: {+1}", "бұл ұзақтық емес: {+1}"},
    {"text.no-units", "no unit `{1}`: declare the units (lanes) of this pool or process first", "нет подразделения `{1}`: сначала объявите подразделения (дорожки) этой системы или процесса", "`{1}` бөлімшесі жоқ: алдымен осы жүйенің не процестің бөлімшелерін (жолақтарын) жариялаңыз"},
    {"text.unknown-unit", "no unit `{1}` in this pool or process", "в этой системе или процессе нет подразделения `{1}`", "бұл жүйеде не процесте `{1}` бөлімшесі жоқ"},
    {"text.unknown-unit-near", "no unit `{1}` in this pool or process; did you mean `{2}`?", "в этой системе или процессе нет подразделения `{1}`; может быть, имелось в виду `{2}`?", "бұл жүйеде не процесте `{1}` бөлімшесі жоқ; `{2}` деп жазғыңыз келді ме?"},
    {"text.units-in-sub-process", "units (lanes) hold the nodes of a pool or process, not of a sub-process", "подразделения (дорожки) содержат узлы системы или процесса, а не подпроцесса", "бөлімшелерге (жолақтарға) ішкі процестің емес, жүйенің не процестің түйіндері кіреді"},
    {"text.flow-label-quote", "a flow's label ends with a '\"'", "подпись потока должна заканчиваться знаком '\"'", "ағынның жазуы '\"' таңбасымен аяқталуы керек"},
    {"text.next-list", "each next step is an id, with its flow's label in quotes if it has one: `келесі: a2, a3 \"Иә\"`", "каждое следующее действие — это идентификатор, а подпись потока, если она есть, пишется в кавычках: `далее: a2, a3 \"Да\"`", "әрбір келесі іс-қимыл — идентификатор, ал ағынның жазуы болса, тырнақшаға алынады: `келесі: a2, a3 \"Иә\"`"},
    {"text.branch-one-id", "`{1}:` takes one id, the step the branch leads to", "после `{1}:` пишется один идентификатор — действие, к которому ведёт ветвь", "`{1}:` сөзінен кейін бір идентификатор жазылады — тармақ апаратын іс-қимыл"},
    {"text.bad-type", "`{1}` is not a type for `{2}` (for example: user, service, send, receive, manual, script, business-rule, call; parallel, inclusive, event-based, complex; catch, throw; or a BPMN type name such as userTask)", "`{1}` — не тип для `{2}` (например: user, service, send, receive, manual, script, business-rule, call; parallel, inclusive, event-based, complex; catch, throw; или имя типа BPMN, скажем userTask)", "`{1}` — `{2}` үшін түр емес (мысалы: user, service, send, receive, manual, script, business-rule, call; parallel, inclusive, event-based, complex; catch, throw; немесе userTask сияқты BPMN түрінің атауы)"},
    {"text.bad-trigger", "`{1}` is not an event trigger (message, timer, error, escalation, cancel, compensation, conditional, link, signal, terminate — or хабарлама, таймер, қателік, тоқтату)", "`{1}` — не триггер события (сообщение, таймер, ошибка, эскалация, отмена, компенсация, условное, ссылка, сигнал, прекращение — или message, timer, error, terminate)", "`{1}` — оқиғаның іске қосқышы емес (хабарлама, таймер, қателік, эскалация, болдырмау, өтемақы, шартты, сілтеме, сигнал, тоқтату — немесе message, timer, error, terminate)"},
    {"text.yes-or-no", "say yes or no (иә / жоқ, да / нет)", "укажите да или нет (иә / жоқ, yes / no)", "иә немесе жоқ деп жазыңыз (да / нет, yes / no)"},
    {"text.nested-node", "only a sub-process holds flow nodes; indent `{1}` less to put it beside `{2}`", "узлы процесса бывают только внутри подпроцесса; уменьшите отступ `{1}`, чтобы поставить его рядом с `{2}`", "процесс түйіндері тек ішкі процестің ішінде болады; `{1}` жолын `{2}` қатарына қою үшін шегінісін азайтыңыз"},
    {"text.attached-not-event", "only an event is attached to an activity's border", "к границе действия прикрепляется только событие", "іс-қимылдың шекарасына тек оқиға бекітіледі"},
    {"text.interrupting-kind", "only start and boundary events interrupt", "прерывающими бывают только начальные и граничные события", "тек бастапқы және шекаралық оқиғалар ғана үзе алады"},
    {"text.one-branch", "the condition `{1}` has one branch; add `{2}: <step>` — where the process goes otherwise (a refusal, say)", "у условия `{1}` одна ветвь; добавьте `{2}: <действие>` — куда процесс идёт в противном случае (например, отказ)", "`{1}` шартының бір ғана тармағы бар; `{2}: <іс-қимыл>` қосыңыз — процесс басқа жағдайда қайда өтеді (мысалы, бас тарту)"},
    {"text.message-without-pools", "messages go between pools: declare the pools (жүйе / система / pool) first", "сообщения идут между системами: сначала объявите системы (система / жүйе / pool)", "хабарламалар жүйелер арасында жүреді: алдымен жүйелерді жариялаңыз (жүйе / система / pool)"},
    {"text.message-arrow", "a message goes from one to another: `хабар m1: sender -> receiver`", "сообщение идёт от одного к другому: `сообщение m1: отправитель -> получатель`", "хабарлама біреуден екіншісіне жүреді: `хабар m1: жіберуші -> алушы`"},
    {"text.unknown-document", "no document `{1}` in this pool or process", "в этой системе или процессе нет документа `{1}`", "бұл жүйеде не процесте `{1}` құжаты жоқ"},
    {"text.unknown-document-near", "no document `{1}` in this pool or process; did you mean `{2}`?", "в этой системе или процессе нет документа `{1}`; может быть, имелось в виду `{2}`?", "бұл жүйеде не процесте `{1}` құжаты жоқ; `{2}` деп жазғыңыз келді ме?"},
    {"text.unknown-host", "no activity `{1}` here to attach the event to", "здесь нет действия `{1}`, к которому можно прикрепить событие", "мұнда оқиғаны бекітетін `{1}` іс-қимылы жоқ"},
    {"text.unknown-host-near", "no activity `{1}` here to attach the event to; did you mean `{2}`?", "здесь нет действия `{1}`, к которому можно прикрепить событие; может быть, имелось в виду `{2}`?", "мұнда оқиғаны бекітетін `{1}` іс-қимылы жоқ; `{2}` деп жазғыңыз келді ме?"},
    {"text.target-in-other-pool", "`{1}` is not a flow node of this pool or process: a flow stays in its pool (use a message between pools)", "`{1}` — не узел этой системы или процесса: поток управления не выходит за пределы своей системы (между системами нужно сообщение)", "`{1}` — осы жүйенің не процестің түйіні емес: басқару ағыны өз жүйесінен шықпайды (жүйелер арасында хабарлама қолданылады)"},
    {"text.unknown-step", "no step `{1}` to go to", "нет действия `{1}`, к которому можно перейти", "өтетін `{1}` іс-қимылы жоқ"},
    {"text.unknown-step-near", "no step `{1}` to go to; did you mean `{2}`?", "нет действия `{1}`, к которому можно перейти; может быть, имелось в виду `{2}`?", "өтетін `{1}` іс-қимылы жоқ; `{2}` деп жазғыңыз келді ме?"},
    {"text.unknown-message-source", "no pool or flow node `{1}` for the message to come from", "нет системы или узла `{1}`, от которого шло бы сообщение", "хабарлама шығатын `{1}` жүйесі не түйіні жоқ"},
    {"text.unknown-message-source-near", "no pool or flow node `{1}` for the message to come from; did you mean `{2}`?", "нет системы или узла `{1}`, от которого шло бы сообщение; может быть, имелось в виду `{2}`?", "хабарлама шығатын `{1}` жүйесі не түйіні жоқ; `{2}` деп жазғыңыз келді ме?"},
    {"text.unknown-message-target", "no pool or flow node `{1}` for the message to go to", "нет системы или узла `{1}`, к которому шло бы сообщение", "хабарлама баратын `{1}` жүйесі не түйіні жоқ"},
    {"text.unknown-message-target-near", "no pool or flow node `{1}` for the message to go to; did you mean `{2}`?", "нет системы или узла `{1}`, к которому шло бы сообщение; может быть, имелось в виду `{2}`?", "хабарлама баратын `{1}` жүйесі не түйіні жоқ; `{2}` деп жазғыңыз келді ме?"},
    {"text.empty", "the text describes no process: write `процесс ID: Name` (or a pool, `жүйе ID: Name`) and its steps under it", "текст не описывает ни одного процесса: напишите `процесс ID: Название` (или систему, `система ID: Название`) и под ним его действия", "мәтінде бірде-бір процесс сипатталмаған: `процесс ID: Атауы` (немесе жүйе, `жүйе ID: Атауы`) деп, астына оның іс-қимылдарын жазыңыз"},
};

bool is_digit(char c) { return c >= '1' && c <= '9'; }

// {n} is args[n-1]; {+n} the message args[n-1] said with the arguments after it.
std::string fill(Lang lang, std::string_view text, const std::vector<std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool plain = text[i] == '{' && i + 2 < text.size() && is_digit(text[i + 1]) && text[i + 2] == '}';
    bool nested = text[i] == '{' && i + 3 < text.size() && text[i + 1] == '+' && is_digit(text[i + 2]) && text[i + 3] == '}';
    if (!plain && !nested) {
      out += text[i];
      continue;
    }
    auto k = static_cast<std::size_t>(text[i + (nested ? 2 : 1)] - '1');
    if (k < args.size()) out += nested ? say(lang, args[k], {args.begin() + static_cast<std::ptrdiff_t>(k) + 1, args.end()}) : args[k];
    i += nested ? 3 : 2;
  }
  return out;
}

}  // namespace

std::optional<Lang> lang_from_name(std::string_view name) {
  if (name == "en") return Lang::en;
  if (name == "ru") return Lang::ru;
  if (name == "kk") return Lang::kk;
  return std::nullopt;
}

std::span<const CatalogueEntry> message_catalogue() { return catalogue; }

const CatalogueEntry* find_message(std::string_view id) {
  for (const auto& m : catalogue)
    if (m.id == id) return &m;
  return nullptr;
}

std::string say(Lang lang, std::string_view id, const std::vector<std::string>& args) {
  const CatalogueEntry* m = find_message(id);
  if (!m) return std::string(id);
  return fill(lang, lang == Lang::ru ? m->ru : lang == Lang::kk ? m->kk : m->en, args);
}

void set_message(Diagnostic& diagnostic, std::string_view id, std::vector<std::string> args) {
  diagnostic.message = say(Lang::en, id, args);
  diagnostic.message_id = std::string(id);
  diagnostic.args = std::move(args);
}

Diagnostic diagnostic(std::string rule, Severity severity, std::string element, SourcePos at, std::string_view id,
                      std::vector<std::string> args) {
  Diagnostic d{std::move(rule), severity, std::move(element), at.line, at.column};
  set_message(d, id, std::move(args));
  return d;
}

void translate(Diagnostic& diagnostic, Lang lang) {
  if (find_message(diagnostic.message_id)) diagnostic.message = say(lang, diagnostic.message_id, diagnostic.args);
}

void translate(std::vector<Diagnostic>& diagnostics, Lang lang) {
  for (auto& d : diagnostics) translate(d, lang);
}

}  // namespace syzba::model
