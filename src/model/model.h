#pragma once
// syzba::model — plain C++ values for one BPMN 2.0 document.
//
// Offers: Definitions (the whole file) with processes, collaborations, lanes, flow nodes,
// flows, data, artifacts and diagram interchange (DI); the syzba extension (durations,
// service name, declared term, source); Extras, which keep verbatim what the model does not
// interpret so that a reader/writer can be lossless; type names; a walk over every element;
// durations as regulations write them; and the Diagnostic every stage reports with.
// Knows nothing of XML, files, layout or drawing. References are ids (values, not pointers).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace syzba::model {

// An optional value kept on the heap: for what few elements have (a loop, an
// ioSpecification, a DI label, a condition), so that the many that have none stay small
// (a 100,000-node model: FlowNode 1,080 → 680 bytes). Reads as std::optional does.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}
  Boxed(const T& v) : p_(new T(v)) {}
  Boxed(T&& v) : p_(new T(std::move(v))) {}
  Boxed(const std::optional<T>& v) : p_(v ? new T(*v) : nullptr) {}
  Boxed(const Boxed& o) : p_(o.p_ ? new T(*o.p_) : nullptr) {}
  Boxed(Boxed&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  ~Boxed() { delete p_; }
  Boxed& operator=(const Boxed& o) {
    if (this != &o) {
      T* copy = o.p_ ? new T(*o.p_) : nullptr;
      delete p_;
      p_ = copy;
    }
    return *this;
  }
  Boxed& operator=(Boxed&& o) noexcept {
    if (this != &o) {
      delete p_;
      p_ = o.p_;
      o.p_ = nullptr;
    }
    return *this;
  }
  Boxed& operator=(std::nullopt_t) {
    reset();
    return *this;
  }
  template <class... Args>
  T& emplace(Args&&... args) {
    reset();
    p_ = new T(std::forward<Args>(args)...);
    return *p_;
  }
  void reset() {
    delete p_;
    p_ = nullptr;
  }
  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_; }
  const T* operator->() const { return p_; }
  T& value() {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  const T& value() const {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  operator std::optional<T>() const { return p_ ? std::optional<T>(*p_) : std::nullopt; }
  friend bool operator==(const Boxed& a, const Boxed& b) {
    return a.p_ == nullptr ? b.p_ == nullptr : b.p_ != nullptr && *a.p_ == *b.p_;
  }
  friend bool operator==(const Boxed& a, std::nullopt_t) { return a.p_ == nullptr; }

 private:
  T* p_ = nullptr;
};

// Where an element was read from. Provenance, not content: two models read from differently
// formatted files are equal when their BPMN is, so positions never take part in ==.
struct SourcePos {
  int line = 0;
  int column = 0;
  friend bool operator==(const SourcePos&, const SourcePos&) { return true; }
};

// ---------------------------------------------------------------------------------------
// What the model does not interpret, kept verbatim (qualified names as written, with the
// namespace they resolve to) so that writing the document back loses nothing.
struct ForeignAttribute {
  std::string qname;  // as written, e.g. "camunda:assignee"
  std::string ns;     // resolved namespace URI ("" for an unprefixed attribute)
  std::string value;
  bool operator==(const ForeignAttribute&) const = default;
};

enum class ForeignKind { element, text, cdata, comment, processing_instruction };

struct ForeignNode {
  ForeignKind kind = ForeignKind::element;
  std::string qname;  // element or PI name as written
  std::string ns;     // resolved namespace URI of an element
  std::vector<ForeignAttribute> attributes;
  std::vector<ForeignNode> children;
  std::string text;  // text, CDATA, comment or PI body
  // Only for a kept child of a modelled element: how many modelled children preceded it,
  // so a writer can put it back between the same neighbours.
  int slot = 0;
  bool operator==(const ForeignNode&) const = default;
};

struct Extras {
  std::vector<ForeignAttribute> attributes;  // attributes the model does not interpret
  std::vector<ForeignNode> children;         // child elements and comments it does not interpret
  std::vector<ForeignNode> extensions;       // <extensionElements> content other than syzba's
  bool has_extension_elements = false;       // an <extensionElements> was present (even empty)
  std::vector<ForeignAttribute> extension_attributes;  // attributes of <extensionElements>
  bool operator==(const Extras&) const = default;
};

// A part most elements leave empty, on the heap only when it holds something: an element's
// Extras (most elements of a large model keep nothing, and 104 bytes in each were 20 MB of a
// 100,000-node model) and a flow node's content (only sub-processes have any; 168 bytes in
// each task were 16 MB). Reads as an empty T when there is none; written through, it makes
// one (get() looks without making). Copies deeply and compares by content, as the T would.
template <class T>
class Kept {
 public:
  Kept() = default;
  Kept(const T& v) : p_(new T(v)) {}
  Kept(T&& v) : p_(new T(std::move(v))) {}
  Kept(const Kept& o) : p_(o.p_ ? new T(*o.p_) : nullptr) {}
  Kept(Kept&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  ~Kept() { delete p_; }
  Kept& operator=(const Kept& o) {
    if (this != &o) {
      T* copy = o.p_ ? new T(*o.p_) : nullptr;
      delete p_;
      p_ = copy;
    }
    return *this;
  }
  Kept& operator=(Kept&& o) noexcept {
    if (this != &o) {
      delete p_;
      p_ = o.p_;
      o.p_ = nullptr;
    }
    return *this;
  }
  const T& operator*() const { return p_ ? *p_ : none(); }
  const T* operator->() const { return &**this; }
  T& operator*() { return p_ ? *p_ : *(p_ = new T()); }
  T* operator->() { return &**this; }
  // What it holds, or nullptr: for a walk that may change what is there but should not make
  // an empty T for every element it passes.
  T* get() { return p_; }
  const T* get() const { return p_; }
  operator const T&() const { return **this; }  // NOLINT: reads as the T it holds
  friend bool operator==(const Kept& a, const Kept& b) { return *a == *b; }

 private:
  static const T& none() {
    static const T empty;
    return empty;
  }
  T* p_ = nullptr;
};

using KeptExtras = Kept<Extras>;

struct Documentation {
  std::string id;
  std::string text;  // its text outside markup; with markup inside, the whole content is in extras.children
  std::string text_format;
  KeptExtras extras;
  SourcePos pos;
  bool operator==(const Documentation&) const = default;
};

struct BaseElement {
  std::string id;
  std::vector<Documentation> documentation;
  KeptExtras extras;
  SourcePos pos;
  bool operator==(const BaseElement&) const = default;
};

// ---------------------------------------------------------------------------------------
// Durations, as the regulations write them ("15 (он бес) минут", "4 жұмыс күні").
enum class TimeUnit { second, minute, hour, working_day, calendar_day };

struct Duration {
  double amount = 0;
  TimeUnit unit = TimeUnit::minute;
  std::string text;  // as the regulation wrote it; may be empty
  bool operator==(const Duration&) const = default;
};

struct DurationParse {
  std::optional<Duration> duration;
  std::string error;  // why the text is not a duration, when duration is empty
  bool impossible = false;  // a duration, but one no regulation can mean (negative, zero, > a year)
  // The same reason as a catalogue message (see say): its id, then its arguments.
  std::vector<std::string> reason;
};

// Parses Kazakh, Russian and English durations: digits or number words ("он бес",
// "пятнадцать"), a decimal comma, a parenthesised spelling, inflected units, and the damage
// of text extraction (spaced-out letters, Latin "i" for Kazakh "і").
// Refuses, with the reason, what no regulation can mean: a negative amount ("-5 минут"), zero,
// or more than a year holds (261 working days, 366 calendar days, 8,784 hours, ...).
DurationParse parse_duration(std::string_view text);
// Why an amount of a unit is impossible as a step's or a service's duration, or "".
std::string impossible_duration(double amount, TimeUnit unit);
// The same, as a catalogue message: its id, then its arguments; empty when it is possible.
std::vector<std::string> impossible_duration_reason(double amount, TimeUnit unit);
std::string_view unit_name(TimeUnit unit);
// Lower case of UTF-8 text, Latin and Cyrillic (Kazakh letters included).
std::string lowercase(std::string_view utf8);  // "second", "minute", "hour", "working-day", "calendar-day"
std::optional<TimeUnit> unit_from_name(std::string_view name);

// The regulation's words (lower case, matched inside names) that mark a branch as a refusal
// or as a return for correction, in kk / ru / en: check's defaults, and what layout reads
// to draw refusals below the main path and returns as going back.
const std::vector<std::string>& refusal_words();
const std::vector<std::string>& return_words();
bool names_any(std::string_view name, const std::vector<std::string>& words);

// Text for XML, SVG and HTML content and attribute values: & < > " ' escaped, control
// characters (which XML forbids) as spaces; tabs and line breaks too unless kept.
std::string escape_markup(std::string_view text, bool keep_line_breaks = false);

// The service a model describes: from the syzba extension on definitions or a process.
struct ServiceInfo {
  std::string name;
  std::optional<Duration> term;  // the declared service term
  std::string regulation;        // the regulation's title or number
  std::string appendix;          // which appendix the diagram comes from
  std::string source;            // the source file or address
  bool operator==(const ServiceInfo&) const = default;
};

// ---------------------------------------------------------------------------------------
// Flow nodes.
enum class NodeKind {
  task, user_task, service_task, send_task, receive_task, manual_task, business_rule_task,
  script_task, call_activity, sub_process, transaction, ad_hoc_sub_process,
  start_event, end_event, intermediate_catch_event, intermediate_throw_event, boundary_event,
  exclusive_gateway, inclusive_gateway, parallel_gateway, event_based_gateway, complex_gateway,
};

enum class EventKind {
  message, timer, error, escalation, cancel, compensate, conditional, link, signal, terminate,
};

struct EventDefinition : BaseElement {
  EventKind kind = EventKind::message;
  std::string ref;   // messageRef, signalRef, errorRef or escalationRef, by kind
  std::string name;  // a link event definition's name
  bool operator==(const EventDefinition&) const = default;
};

struct LoopCharacteristics : BaseElement {
  bool multi_instance = false;           // multiInstanceLoopCharacteristics, else standard loop
  std::optional<bool> is_sequential;     // multi-instance only
  bool operator==(const LoopCharacteristics&) const = default;
};

struct DataItem : BaseElement {  // dataInput / dataOutput of an ioSpecification
  std::string name;
  std::optional<bool> is_collection;
  bool operator==(const DataItem&) const = default;
};

struct IoSpecification : BaseElement {
  std::vector<DataItem> inputs;
  std::vector<DataItem> outputs;
  bool operator==(const IoSpecification&) const = default;
};

struct DataAssociation : BaseElement {
  std::vector<std::string> sources;
  std::string target;
  bool operator==(const DataAssociation&) const = default;
};

struct Expression : BaseElement {  // the xsi:type and language stay in extras
  std::string text;
  bool operator==(const Expression&) const = default;
};

struct SequenceFlow : BaseElement {
  std::string name;
  std::string source;
  std::string target;
  Boxed<Expression> condition;
  bool operator==(const SequenceFlow&) const = default;
};

struct DataObject : BaseElement {
  std::string name;
  std::optional<bool> is_collection;
  bool operator==(const DataObject&) const = default;
};

struct DataObjectReference : BaseElement {
  std::string name;
  std::string data_object;
  bool operator==(const DataObjectReference&) const = default;
};

struct DataStoreReference : BaseElement {
  std::string name;
  std::string data_store;
  bool operator==(const DataStoreReference&) const = default;
};

enum class ArtifactKind { text_annotation, association, group };

struct Artifact : BaseElement {
  ArtifactKind kind = ArtifactKind::text_annotation;
  std::string text;            // text annotation
  std::string source, target;  // association
  std::string category_value;  // group
  bool operator==(const Artifact&) const = default;
};

struct LaneSet;

struct Lane : BaseElement {
  std::string name;
  std::vector<std::string> flow_node_refs;
  std::vector<LaneSet> child_lane_sets;  // BPMN allows at most one
  bool operator==(const Lane&) const;
};

struct LaneSet : BaseElement {
  std::string name;
  std::vector<Lane> lanes;
  bool operator==(const LaneSet&) const = default;
};

struct FlowNode;

// What a process or a sub-process holds.
struct Container {
  std::vector<LaneSet> lane_sets;
  std::vector<FlowNode> nodes;
  std::vector<DataObject> data_objects;
  std::vector<DataObjectReference> data_object_refs;
  std::vector<DataStoreReference> data_store_refs;
  std::vector<SequenceFlow> flows;
  std::vector<Artifact> artifacts;
  bool operator==(const Container&) const;
};

struct FlowNode : BaseElement {
  NodeKind kind = NodeKind::task;
  std::string name;
  std::vector<std::string> incoming;  // as written in the file
  std::vector<std::string> outgoing;
  std::string default_flow;           // gateways and activities

  // events
  std::vector<EventDefinition> event_definitions;  // none: empty; multiple: more than one
  std::optional<bool> parallel_multiple;
  std::optional<bool> is_interrupting;  // start events (event sub-processes)
  std::optional<bool> cancel_activity;  // boundary events
  std::string attached_to;              // boundary events

  // activities
  std::optional<bool> is_for_compensation;
  Boxed<LoopCharacteristics> loop;
  Boxed<IoSpecification> io;
  std::vector<DataAssociation> data_inputs;
  std::vector<DataAssociation> data_outputs;
  std::string called_element;        // call activities
  std::optional<Duration> duration;  // syzba extension

  // sub-processes, transactions, ad-hoc sub-processes
  std::optional<bool> triggered_by_event;  // an event sub-process
  Kept<Container> content;  // only sub-processes hold any

  bool operator==(const FlowNode&) const = default;
};

// ---------------------------------------------------------------------------------------
// Root elements.
struct Process : BaseElement {
  std::string name;
  Container content;
  std::optional<IoSpecification> io;
  std::optional<ServiceInfo> service;  // syzba extension
  bool operator==(const Process&) const = default;
};

struct Participant : BaseElement {
  std::string name;
  std::string process;  // processRef; empty for a black-box pool
  bool operator==(const Participant&) const = default;
};

struct MessageFlow : BaseElement {
  std::string name;
  std::string source;
  std::string target;
  std::string message;
  bool operator==(const MessageFlow&) const = default;
};

struct Collaboration : BaseElement {
  std::string name;
  std::vector<Participant> participants;
  std::vector<MessageFlow> message_flows;
  std::vector<Artifact> artifacts;
  bool operator==(const Collaboration&) const = default;
};

struct CategoryValue : BaseElement {
  std::string value;
  bool operator==(const CategoryValue&) const = default;
};

struct Category : BaseElement {
  std::string name;
  std::vector<CategoryValue> values;
  bool operator==(const Category&) const = default;
};

// message, signal, error, escalation, itemDefinition, dataStore: a name other elements refer to.
enum class GlobalKind { message, signal, error, escalation, item_definition, data_store };

struct GlobalElement : BaseElement {
  GlobalKind kind = GlobalKind::message;
  std::optional<std::string> name;  // absent and empty differ for these (bpmnlint's global rule)
  bool operator==(const GlobalElement&) const = default;
};

// ---------------------------------------------------------------------------------------
// Diagram interchange.
struct Bounds {
  double x = 0, y = 0, width = 0, height = 0;
  bool operator==(const Bounds&) const = default;
};

struct Waypoint {
  double x = 0, y = 0;
  std::vector<ForeignAttribute> attributes;  // e.g. xsi:type="dc:Point"
  bool operator==(const Waypoint&) const = default;
};

struct DiLabel : BaseElement {
  std::optional<Bounds> bounds;
  std::string label_style;
  bool operator==(const DiLabel&) const = default;
};

enum class DiKind { shape, edge };

struct DiElement : BaseElement {
  DiKind kind = DiKind::shape;
  std::string element;  // bpmnElement
  Bounds bounds;        // shapes
  std::vector<Waypoint> waypoints;  // edges
  std::optional<bool> is_horizontal, is_expanded, is_marker_visible, is_message_visible;
  std::string source_element, target_element;  // edges
  Boxed<DiLabel> label;
  bool operator==(const DiElement&) const = default;
};

struct DiPlane : BaseElement {
  std::string element;  // the process, collaboration or sub-process drawn
  std::vector<DiElement> elements;  // shapes and edges in document order
  bool operator==(const DiPlane&) const = default;
};

struct LabelStyle : BaseElement {  // its font stays in extras
  bool operator==(const LabelStyle&) const = default;
};

struct Diagram : BaseElement {
  std::string name;
  DiPlane plane;
  std::vector<LabelStyle> label_styles;
  bool operator==(const Diagram&) const = default;
};

struct Namespace {
  std::string prefix;  // "" for the default namespace
  std::string uri;
  bool operator==(const Namespace&) const = default;
};

struct Definitions : BaseElement {
  std::string name;
  std::string target_namespace;
  std::vector<Namespace> namespaces;  // as declared on the root element, in order
  std::vector<ForeignNode> prolog;    // comments and PIs before the root element
  std::vector<GlobalElement> globals;
  std::vector<Category> categories;
  std::vector<Collaboration> collaborations;
  std::vector<Process> processes;
  std::vector<Diagram> diagrams;
  std::optional<ServiceInfo> service;  // syzba extension
  bool operator==(const Definitions&) const = default;
};

// Written out rather than defaulted: clang 14 crashes on a defaulted comparison of these
// mutually recursive types (the fuzzing build uses clang).
inline bool Lane::operator==(const Lane& o) const {
  return static_cast<const BaseElement&>(*this) == o && name == o.name && flow_node_refs == o.flow_node_refs &&
         child_lane_sets == o.child_lane_sets;
}
inline bool Container::operator==(const Container& o) const {
  return lane_sets == o.lane_sets && nodes == o.nodes && data_objects == o.data_objects &&
         data_object_refs == o.data_object_refs && data_store_refs == o.data_store_refs && flows == o.flows &&
         artifacts == o.artifacts;
}

// ---------------------------------------------------------------------------------------
// BPMN type names ("userTask", "exclusiveGateway") and kinds.
std::string_view type_name(NodeKind kind);
std::optional<NodeKind> node_kind_from_type(std::string_view type);
std::string_view type_name(EventKind kind);  // "messageEventDefinition"
std::optional<EventKind> event_kind_from_type(std::string_view type);
std::string_view type_name(GlobalKind kind);
std::optional<GlobalKind> global_kind_from_type(std::string_view type);
std::string_view type_name(ArtifactKind kind);

bool is_activity(NodeKind kind);
bool is_event(NodeKind kind);
bool is_gateway(NodeKind kind);
bool is_sub_process(NodeKind kind);  // sub-process, transaction, ad-hoc sub-process

// ---------------------------------------------------------------------------------------
// Diagnostics: what every stage reports with.
enum class Severity { info, warning, error };
std::string_view severity_name(Severity severity);

struct Diagnostic {
  std::string rule;     // stable id, e.g. "duplicate-id"
  Severity severity = Severity::error;
  std::string element;  // the element's id, when it has one
  int line = 0;
  int column = 0;
  std::string message;
  std::vector<std::string> path;  // the elements that show why, when a path or a set is the reason
  std::string context;  // for text input: the line and a caret under the column
  // The message as the catalogue knows it (messages.cpp): its id and arguments, so that it can
  // be said again in another language (translate). Empty for a message made elsewhere.
  std::string message_id;
  std::vector<std::string> args;
};

// ---------------------------------------------------------------------------------------
// The message catalogue: every message the reader, the text form and the rules say, keyed by
// a stable id, in English, Russian and Kazakh. Arguments stand as {1}, {2}, ...: names, ids,
// numbers and XML, never translated.
enum class Lang { en, ru, kk };
std::optional<Lang> lang_from_name(std::string_view name);  // "en", "ru", "kk"

struct CatalogueEntry {
  std::string_view id, en, ru, kk;
};
std::span<const CatalogueEntry> message_catalogue();
const CatalogueEntry* find_message(std::string_view id);

// A message of the catalogue in a language, with its arguments filled in. An unknown id
// shows itself, so that a missing message is visible rather than silent. A template's {+n}
// is a message within the message: the id args[n-1], said with the arguments after it (a
// duration's reason inside the reader's "syzba:duration: …").
std::string say(Lang lang, std::string_view id, const std::vector<std::string>& args = {});
// A catalogue message on a diagnostic: the English text in message, the id and arguments
// kept beside it.
void set_message(Diagnostic& diagnostic, std::string_view id, std::vector<std::string> args = {});
Diagnostic diagnostic(std::string rule, Severity severity, std::string element, SourcePos at, std::string_view id,
                      std::vector<std::string> args = {});
// The diagnostic said in another language; one without a catalogue message keeps its own.
void translate(Diagnostic& diagnostic, Lang lang);
void translate(std::vector<Diagnostic>& diagnostics, Lang lang);

// The language a model's labels are written in: "kk" when Kazakh letters (ә ғ қ ң ө ұ ү һ і)
// stand in a fair share of its Cyrillic words, "ru" for other Cyrillic, "en" when Latin words
// outnumber Cyrillic ones; "kk" when it has no words at all. What is drawn and published
// (legend, title, table headings, page texts) follows it unless --lang says otherwise.
std::string_view language_of(const Definitions& definitions);

}  // namespace syzba::model

#include "model/walk.h"
