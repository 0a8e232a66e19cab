// Any model → the text form. What the form cannot carry is listed, never silently dropped,
// and what is written always compiles: describe first plans where each node and flow goes
// and under which id (a model may put a boundary event in another process than its activity,
// a flow between two pools, two elements under one id), then writes the plan. Compiling the
// text and describing the result gives the same text.
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "text/syntax.h"
#include "text/text.h"

namespace syzba::text {

namespace {

using model::FlowNode;
using model::NodeKind;

// The definitions' id compile gives a text without `id:`.
constexpr std::string_view compiled_definitions_id = "definitions";

bool id_start_ok(unsigned char c) { return c == '_' || c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// What the parser takes as one id: a letter or '_' first, then no white space, control
// character, colon (it ends the head of a line) or the characters ids may not hold.
bool id_writable(std::string_view id) {
  if (id.empty() || !id_start_ok(static_cast<unsigned char>(id[0]))) return false;
  return std::none_of(id.begin(), id.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == 0x7F || std::string_view(" :,\"<>&'").find(ch) != std::string_view::npos;
  });
}

// A base for an id made anew: the model's id with what the text cannot hold replaced.
std::string writable_base(std::string_view id, std::string_view fallback) {
  std::string out;
  for (char ch : id) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || ch == '-' ||
                ch == '_' || ch == '.';
    out += keep ? ch : '_';
  }
  if (out.empty()) return std::string(fallback);
  return id_start_ok(static_cast<unsigned char>(out[0])) ? out : "_" + out;
}

// The text's `output:` names a document or store of the node's process or sub-process, or a
// document of its process (compile looks there too).
const model::BaseElement* data_named(const model::Container& c, const model::Container* process, const std::string& id) {
  for (const auto& r : c.data_object_refs)
    if (r.id == id) return &r;
  for (const auto& r : c.data_store_refs)
    if (r.id == id) return &r;
  if (process && process != &c)
    for (const auto& r : process->data_object_refs)
      if (r.id == id) return &r;
  return nullptr;
}

bool names_refusal(std::string_view name) {
  auto lower = model::lowercase(name);
  for (std::string_view word : {"бас тарт", "отказ", "refus"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

// Attributes that say which tool wrote the file or whether an engine may run it, and BPMN
// attributes written at their default value: nothing a reader of the diagram misses.
bool bookkeeping(const model::ForeignAttribute& a) {
  static const std::set<std::pair<std::string_view, std::string_view>> defaults{
      {"startQuantity", "1"},         {"completionQuantity", "1"}, {"gatewayDirection", "Unspecified"},
      {"isClosed", "false"},          {"processType", "None"},     {"implementation", "##WebService"},
      {"associationDirection", "None"}, {"instantiate", "false"},  {"isCollection", "false"},
      {"expressionLanguage", "http://www.w3.org/1999/XPath"}, {"typeLanguage", "http://www.w3.org/2001/XMLSchema"}};
  return a.qname == "exporter" || a.qname == "exporterVersion" || a.qname == "isExecutable" ||
         a.qname.rfind("xmlns", 0) == 0 || a.qname == "xsi:schemaLocation" ||
         defaults.count({a.qname, a.value}) > 0;
}

const std::vector<Role> all_roles{Role::header, Role::container, Role::lane, Role::node,
                                  Role::data,   Role::message,   Role::property};

// A process or a sub-process as the text writes it: the nodes written in it, which need not
// be the nodes the model puts there (a boundary event goes beside its activity).
struct Scope {
  const model::Container* content = nullptr;
  const model::Process* process = nullptr;
  const model::Participant* pool = nullptr;            // the pool the process is written in
  const std::vector<model::LaneSet>* lanes = nullptr;  // the process's; a sub-process has none
  std::string of;                                      // its id, for what is lost
  std::vector<const FlowNode*> nodes;
};

// A sequence flow written under its source, with the node its target names.
struct Flow {
  const model::SequenceFlow* flow;
  const FlowNode* target;
};

// A flow node as the text writes it.
struct Placed {
  Scope* scope = nullptr;
  bool attached = false;  // written `attached to:` its activity
  const FlowNode* host = nullptr;
  std::vector<Flow> flows;  // written under it, as next:, yes:, no:
  Word word = Word::action;
};

// A message line: a message flow of the model, or a sequence flow between two pools.
struct Message {
  const model::BaseElement* element;
  const std::string* name;
  const std::vector<model::Documentation>* documentation;
  const model::BaseElement* source;
  const model::BaseElement* target;
  bool carries_message;
};

class Describer {
 public:
  Describer(const model::Definitions& defs, Lang lang) : defs_(defs), lang_(lang) {}

  Description run() {
    lose_foreign_content();
    plan_processes();
    plan_nodes();
    plan_flows();
    plan_messages();
    for (auto& [node, placed] : placed_) placed.word = keyword(*node, placed);
    assign_ids();
    write_header();
    for (const auto& pool : pools_) write_pool(pool);
    for (auto* scope : free_processes_) write_free_process(*scope);
    if (pools_.empty() && free_processes_.empty()) write_empty_process();
    write_messages();
    return {std::move(out_), std::move(lost_)};
  }

 private:
  struct PoolPlan {
    const model::Participant* participant;
    Scope* scope;  // its process; none for a black box
  };

  const model::Definitions& defs_;
  Lang lang_;
  std::string out_;
  std::vector<std::string> lost_;
  std::set<std::string> lost_once_;

  std::deque<Scope> scopes_;  // a deque: the plan points into it
  std::vector<PoolPlan> pools_;
  std::vector<Scope*> free_processes_;  // processes in no pool
  std::unordered_map<const FlowNode*, Scope*> home_;  // the scope the model puts a node in
  std::unordered_map<const FlowNode*, Scope*> inner_;  // a sub-process's own scope
  std::unordered_map<std::string, std::vector<const FlowNode*>> nodes_by_id_;
  std::unordered_map<const FlowNode*, Placed> placed_;
  std::unordered_map<std::string, const model::Participant*> pools_by_id_;
  std::vector<Message> messages_;

  std::unordered_map<const void*, std::string> text_ids_;
  std::set<std::string> taken_ids_;     // written so far
  std::set<std::string> model_ids_;     // every id of the model, which a new id must not take

  // Each once, in the order found (a set: losses name elements, and a model may have thousands).
  void lose(std::string what) {
    if (lost_once_.insert(what).second) lost_.push_back(std::move(what));
  }

  // ---- what no statement of the text can hold --------------------------------------
  void lose_foreign_content() {
    if (!defs_.globals.empty()) lose("message, signal, error and escalation definitions (names that events refer to)");
    if (!defs_.categories.empty()) lose("categories (of groups)");
    model::for_each_element(defs_, [&](const model::BaseElement& e, model::ElementClass kind, std::string_view) {
      if (!e.id.empty()) model_ids_.insert(e.id);
      bool drawing = kind == model::ElementClass::diagram || kind == model::ElementClass::plane ||
                     kind == model::ElementClass::di_shape || kind == model::ElementClass::di_edge ||
                     kind == model::ElementClass::di_label || kind == model::ElementClass::label_style;
      if (drawing) return;
      if (!e.extras->children.empty() || !e.extras->extensions.empty())
        lose("elements of other tools and vendors (extension elements and foreign children)");
      for (const auto& a : e.extras->attributes)
        if (!bookkeeping(a)) lose(fmt::format("attributes the text form has no word for: {}", a.qname));
    });
    if (defs_.collaborations.size() > 1) lose("collaborations after the first");
  }

  // ---- the plan: which process goes in which pool ------------------------------------
  const model::Process* find_process(const std::string& id) const {
    for (const auto& p : defs_.processes)
      if (!id.empty() && p.id == id) return &p;
    return nullptr;
  }

  Scope& add_scope(const model::Container& content, const model::Process& process, const model::Participant* pool,
                   bool top, const std::string& of) {
    Scope& s = scopes_.emplace_back();
    s.content = &content;
    s.process = &process;
    s.pool = pool;
    s.lanes = top ? &content.lane_sets : nullptr;
    s.of = of;
    for (const auto& n : content.nodes) {
      home_[&n] = &s;
      nodes_by_id_[n.id].push_back(&n);
      if (model::is_sub_process(n.kind)) inner_[&n] = &add_scope(n.content, process, pool, false, n.id);
    }
    return s;
  }

  void plan_processes() {
    std::set<const model::Process*> written;
    if (!defs_.collaborations.empty()) {
      const auto& c = defs_.collaborations.front();
      if (!c.artifacts.empty()) lose("text annotations, associations and groups of the collaboration");
      for (const auto& p : c.participants) {
        pools_by_id_.emplace(p.id, &p);
        const model::Process* process = find_process(p.process);
        if (!p.process.empty() && !process) lose(fmt::format("references to missing processes (pool {})", p.id));
        if (process && written.count(process)) {
          // The text writes a process once: the pool after the first is a black box.
          lose(fmt::format("pools showing a process another pool shows (pool {}, written as a black box)", p.id));
          process = nullptr;
        }
        Scope* scope = nullptr;
        if (process) {
          written.insert(process);
          scope = &add_scope(process->content, *process, &p, true, process->id);
        }
        pools_.push_back({&p, scope});
      }
    }
    for (const auto& p : defs_.processes)
      if (!written.count(&p)) free_processes_.push_back(&add_scope(p.content, p, nullptr, true, p.id));
  }

  // The node a reference names, the one in `near` first where two nodes share the id.
  const FlowNode* find_node(const std::string& id, const Scope* near) const {
    auto it = nodes_by_id_.find(id);
    if (id.empty() || it == nodes_by_id_.end()) return nullptr;
    for (const auto* n : it->second)
      if (home_.at(n) == near) return n;
    return it->second.front();
  }

  // ---- the plan: every node in a scope, a boundary event beside its activity ---------
  void plan_nodes() {
    std::vector<std::pair<const FlowNode*, Scope*>> moved;
    for (auto& scope : scopes_)
      for (const auto& n : scope.content->nodes) {
        Placed& p = placed_[&n];
        p.scope = &scope;
        if (n.kind == NodeKind::boundary_event) place_boundary_event(n, scope, p, moved);
        if (p.scope == &scope) scope.nodes.push_back(&n);
      }
    // After the scope's own nodes, so that a second description writes them where the first did.
    for (auto [node, scope] : moved) scope->nodes.push_back(node);
  }

  void place_boundary_event(const FlowNode& n, Scope& scope, Placed& p,
                            std::vector<std::pair<const FlowNode*, Scope*>>& moved) {
    const FlowNode* host = find_node(n.attached_to, &scope);
    if (!host || !model::is_activity(host->kind)) {
      lose(fmt::format("boundary events attached to no activity (written as intermediate events) ({})", n.id));
      return;
    }
    p.attached = true;
    p.host = host;
    Scope* beside = home_.at(host);
    if (beside == &scope) return;
    lose(fmt::format("boundary events in another process or sub-process than their activity (written beside it) ({})", n.id));
    p.scope = beside;
    moved.emplace_back(&n, beside);
  }

  // ---- the plan: a flow under its source, where both its ends are written ------------
  void plan_flows() {
    for (auto& scope : scopes_)
      for (const auto& f : scope.content->flows) plan_flow(f, scope);
  }

  void plan_flow(const model::SequenceFlow& f, Scope& scope) {
    const FlowNode* source = find_node(f.source, &scope);
    const FlowNode* target = find_node(f.target, &scope);
    if (!source || !target) {
      lose(fmt::format("sequence flows with an end that is no flow node (dropped) ({})", f.id));
      return;
    }
    Scope* from = placed_.at(source).scope;
    Scope* to = placed_.at(target).scope;
    if (from == to) {
      if (from != &scope)
        lose(fmt::format("sequence flows in another process or sub-process than their ends (written beside them) ({})", f.id));
      placed_.at(source).flows.push_back({&f, target});
    } else if (from->pool && to->pool && from->pool != to->pool) {
      lose(fmt::format("sequence flows between pools (written as messages) ({})", f.id));
      messages_.push_back({&f, &f.name, &f.documentation, source, target, false});
    } else {
      lose(fmt::format("sequence flows between a process and its sub-process or another process (dropped) ({})", f.id));
      return;
    }
    if (f.condition) lose("condition expressions of sequence flows (their names are kept)");
    if (!f.documentation.empty() && from == to) lose("documentation of sequence flows");
  }

  // ---- the plan: messages between what the text writes ---------------------------------
  const model::BaseElement* message_end(const std::string& id) const {
    if (auto it = pools_by_id_.find(id); it != pools_by_id_.end()) return it->second;
    return find_node(id, nullptr);
  }

  void plan_messages() {
    if (defs_.collaborations.empty()) return;
    std::vector<Message> from_flows = std::move(messages_);
    messages_.clear();
    for (const auto& m : defs_.collaborations.front().message_flows) {
      const auto* source = message_end(m.source);
      const auto* target = message_end(m.target);
      if (!source || !target) {
        lose(fmt::format("message flows with an end that is no pool or flow node (dropped) ({})", m.id));
        continue;
      }
      messages_.push_back({&m, &m.name, &m.documentation, source, target, !m.message.empty()});
    }
    messages_.insert(messages_.end(), from_flows.begin(), from_flows.end());
  }

  // ---- ids: the model's where the text can write them, else new ones ----------------
  // True when `KEYWORD ID` reads back as that keyword and that id ("процесс id" would be a
  // property, "оқиға түрі" the trigger).
  bool reads_back(Word word, const std::string& id) const {
    auto keyword = spelling(word, lang_);
    auto match = match_keyword(std::string(keyword) + " " + id, all_roles);
    return match && match->word == word && match->length == keyword.size();
  }

  bool free_for(const std::string& id, std::optional<Word> word) const {
    return id_writable(id) && !taken_ids_.count(id) && (!word || reads_back(*word, id));
  }

  // Why the model's id cannot be the text's, or nothing when it can (or there is none).
  std::string_view why_not_kept(const std::string& id, std::optional<Word> word) const {
    if (id.empty()) return "";
    if (!id_writable(id)) return "not an id the text can write";
    if (taken_ids_.count(id)) return "used by another element too";
    if (word && !reads_back(*word, id)) return "it would read as a keyword";
    return "";
  }

  // The element's id in the text; `word` is the keyword the id follows, if any. A new id
  // takes no id of the model, so that no element written later loses its own.
  void assign(const void* element, const std::string& id, std::optional<Word> word, std::string_view fallback) {
    std::string_view why = why_not_kept(id, word);
    std::string text = id;
    if (id.empty() || !why.empty()) {
      std::string base = writable_base(id, fallback);
      text = base;
      for (int n = 2; !free_for(text, word) || (text != id && model_ids_.count(text)); ++n) text = fmt::format("{}-{}", base, n);
    }
    if (!why.empty()) lose(fmt::format("the id \"{}\" ({}; written as {})", id, why, text));
    taken_ids_.insert(text);
    text_ids_[element] = text;
  }

  const std::string& text_id(const void* element) const { return text_ids_.at(element); }

  // In the order the text is written, so that the first of two elements sharing an id keeps it.
  void assign_ids() {
    for (const auto& pool : pools_) {
      assign(pool.participant, pool.participant->id, Word::pool, "pool");
      if (pool.scope) assign_process_ids(*pool.scope, std::nullopt, text_id(pool.participant) + "-process");
    }
    for (auto* scope : free_processes_) assign_process_ids(*scope, Word::process, "process");
    for (const auto& m : messages_) assign(m.element, m.element->id, Word::message, "message");
  }

  void assign_process_ids(Scope& scope, std::optional<Word> word, const std::string& fallback) {
    assign(scope.process, scope.process->id, word, fallback);
    assign_lane_ids(scope.process->content.lane_sets);
    assign_scope_ids(scope);
  }

  void assign_lane_ids(const std::vector<model::LaneSet>& sets) {
    if (sets.empty()) return;
    for (const auto& l : sets.front().lanes) {
      assign(&l, l.id, Word::lane, "lane");
      assign_lane_ids(l.child_lane_sets);
    }
  }

  void assign_scope_ids(const Scope& scope) {
    for (const auto* n : scope.nodes) {
      const Placed& p = placed_.at(n);
      assign(n, n->id, p.word, meaning(p.word));
      if (auto it = inner_.find(n); it != inner_.end()) assign_scope_ids(*it->second);
    }
    for (const auto& r : scope.content->data_object_refs) assign(&r, r.id, Word::document, "document");
    for (const auto& r : scope.content->data_store_refs) assign(&r, r.id, Word::store, "store");
  }

  // ---- writing -----------------------------------------------------------------------
  void line(int indent, Word word, const void* element, std::string_view value) {
    out_ += std::string(indent * 2, ' ') + std::string(spelling(word, lang_)) + " " + text_id(element);
    out_ += value.empty() ? "\n" : ": " + escape(value) + "\n";
  }

  void header_line(int indent, Word word, std::string_view value) {
    if (value.empty()) return;
    out_ += fmt::format("{}{}: {}\n", std::string(indent * 2, ' '), spelling(word, lang_), escape(value));
  }

  void write_header() {
    out_ += fmt::format("# {}\n", lang_ == Lang::kk   ? "syzba мәтіндік пішіні: syzba compile ФАЙЛ -o ФАЙЛ.bpmn"
                                  : lang_ == Lang::ru ? "текстовая форма syzba: syzba compile ФАЙЛ -o ФАЙЛ.bpmn"
                                                      : "syzba text form: syzba compile FILE -o FILE.bpmn");
    // Without `id:` compile names the definitions so: writing it would add a line the next time.
    if (defs_.id != compiled_definitions_id) header_line(0, Word::id, defs_.id);
    header_line(0, Word::name, defs_.name);
    service(0, defs_.service);
  }

  void write_pool(const PoolPlan& pool) {
    const auto& p = *pool.participant;
    out_ += "\n";
    line(0, Word::pool, &p, p.name);
    if (!p.documentation.empty()) lose(fmt::format("documentation of pool {}", p.id));
    if (!pool.scope) return;
    const model::Process& process = *pool.scope->process;
    if (!process.name.empty() && process.name != p.name)
      lose(fmt::format("process name of pool {} (the pool's name is kept)", p.id));
    std::string body = capture([&] { process_body(*pool.scope, 1); });
    // A pool with nothing under it is a black box: an empty process keeps its `process id:`.
    if (text_id(&process) != text_id(&p) + "-process" || body.empty()) header_line(1, Word::process_id, text_id(&process));
    out_ += body;
  }

  void write_free_process(Scope& scope) {
    out_ += "\n";
    line(0, Word::process, scope.process, scope.process->name);
    process_body(scope, 1);
  }

  // compile takes no text without a process or pool: the nearest is one empty process.
  void write_empty_process() {
    lose("a model without a process or pool (written as one empty process)");
    assign(&defs_, "", Word::process, "process");
    out_ += "\n";
    line(0, Word::process, &defs_, "");
  }

  template <typename Write>
  std::string capture(Write write) {
    std::string outer = std::move(out_);
    out_.clear();
    write();
    std::swap(outer, out_);
    return outer;
  }

  void write_messages() {
    bool first = true;
    for (const auto& m : messages_) {
      if (pools_.empty()) {
        lose(fmt::format("message flows of a collaboration without pools (dropped) ({})", m.element->id));
        continue;
      }
      if (first) out_ += "\n";
      first = false;
      out_ += fmt::format("{} {}: {} -> {}\n", spelling(Word::message, lang_), text_id(m.element), text_id(m.source),
                          text_id(m.target));
      header_line(1, Word::name, *m.name);
      docs(1, *m.documentation, m.element->id);
      if (m.carries_message) lose("the messages that message flows carry (messageRef)");
    }
  }

  void service(int indent, const std::optional<model::ServiceInfo>& s) {
    if (!s) return;
    header_line(indent, Word::service, s->name);
    header_line(indent, Word::regulation, s->regulation);
    header_line(indent, Word::appendix, s->appendix);
    header_line(indent, Word::source, s->source);
    if (s->term) header_line(indent, Word::term, duration_text(*s->term, "the service term"));
    if (s->name.empty() && s->regulation.empty() && s->appendix.empty() && s->source.empty() && !s->term)
      lose("an empty service description");
  }

  // The duration as the regulation wrote it, when that text says the same amount and unit.
  std::string duration_text(const model::Duration& d, std::string_view of) {
    auto parsed = model::parse_duration(d.text);
    if (!d.text.empty() && parsed.duration && parsed.duration->amount == d.amount && parsed.duration->unit == d.unit)
      return d.text;
    if (!d.text.empty()) lose(fmt::format("the wording of {} (\"{}\" does not say {} {})", of, d.text, d.amount, model::unit_name(d.unit)));
    return fmt::format("{} {}", d.amount, d.unit == model::TimeUnit::working_day    ? "working days"
                                          : d.unit == model::TimeUnit::calendar_day ? "calendar days"
                                                                                    : std::string(model::unit_name(d.unit)) + "s");
  }

  void docs(int indent, const std::vector<model::Documentation>& documentation, const std::string& of) {
    if (documentation.size() > 1) lose(fmt::format("documentation of {} after the first", of));
    if (!documentation.empty() && !documentation.front().text.empty())
      header_line(indent, Word::doc, documentation.front().text);
  }

  void lanes(int indent, const std::vector<model::LaneSet>& sets, const std::string& of) {
    if (sets.size() > 1) lose(fmt::format("lane sets of {} after the first", of));
    if (sets.empty()) return;
    if (!sets.front().name.empty()) lose(fmt::format("the name of the lane set of {}", of));
    for (const auto& l : sets.front().lanes) {
      line(indent, Word::lane, &l, l.name);
      docs(indent + 1, l.documentation, l.id);
      lanes(indent + 1, l.child_lane_sets, l.id);
    }
  }

  // The deepest lane that lists the node, among the lanes the text writes (the first set's).
  static const model::Lane* lane_of(const std::vector<model::LaneSet>& sets, const std::string& node) {
    if (sets.empty()) return nullptr;
    for (const auto& l : sets.front().lanes) {
      if (const auto* deeper = lane_of(l.child_lane_sets, node)) return deeper;
      if (std::find(l.flow_node_refs.begin(), l.flow_node_refs.end(), node) != l.flow_node_refs.end()) return &l;
    }
    return nullptr;
  }

  void process_body(const Scope& scope, int indent) {
    const model::Process& p = *scope.process;
    service(indent, p.service);
    docs(indent, p.documentation, p.id);
    if (p.io) lose(fmt::format("input/output specification of process {}", p.id));
    lanes(indent, p.content.lane_sets, p.id);
    container(scope, indent);
  }

  void container(const Scope& scope, int indent) {
    const model::Container& c = *scope.content;
    if (!c.artifacts.empty()) lose(fmt::format("text annotations, associations and groups in {}", scope.of));
    if (!scope.lanes && !c.lane_sets.empty()) lose(fmt::format("lanes of sub-process {}", scope.of));
    for (const auto* n : scope.nodes) node(*n, scope, indent);
    // The documents after the steps, as a regulation lists what the recipient is given.
    std::set<std::string> referenced;
    for (const auto& r : c.data_object_refs) {
      referenced.insert(r.data_object);
      if (r.data_object != r.id + "-object") lose("ids of data objects behind their references");
      line(indent, Word::document, &r, r.name);
      docs(indent + 1, r.documentation, r.id);
    }
    for (const auto& o : c.data_objects) {
      if (!referenced.count(o.id)) lose(fmt::format("data objects without a reference (drawn nowhere), in {}", scope.of));
      if (o.is_collection.value_or(false)) lose("collection markers of data objects");
    }
    for (const auto& s : c.data_store_refs) {
      line(indent, Word::store, &s, s.name);
      docs(indent + 1, s.documentation, s.id);
      if (!s.data_store.empty()) lose("the data stores that data store references name");
    }
  }

  Word keyword(const FlowNode& n, const Placed& placed) const {
    switch (n.kind) {
      case NodeKind::start_event: return Word::start;
      case NodeKind::end_event: return names_refusal(n.name) ? Word::refusal : Word::end;
      case NodeKind::intermediate_catch_event: case NodeKind::intermediate_throw_event: case NodeKind::boundary_event:
        return Word::event;
      case NodeKind::exclusive_gateway: {
        bool yes = false, no = false;
        for (const auto& f : placed.flows)
          if (auto yn = yes_no_flow_name(f.flow->name)) (yn->first ? yes : no) = true;
        return yes && no ? Word::condition : Word::gateway;
      }
      default:
        if (model::is_gateway(n.kind)) return Word::gateway;
        if (model::is_sub_process(n.kind)) return Word::subprocess;
        return Word::action;
    }
  }

  // What compile makes of the keyword with the node's triggers, without type:.
  static NodeKind implied_kind(Word word, const FlowNode& n, bool attached) {
    switch (word) {
      case Word::start: return NodeKind::start_event;
      case Word::end: case Word::refusal: return NodeKind::end_event;
      case Word::condition: case Word::gateway: return NodeKind::exclusive_gateway;
      case Word::subprocess: return NodeKind::sub_process;
      case Word::event: {
        if (attached) return NodeKind::boundary_event;
        bool waits = std::any_of(n.event_definitions.begin(), n.event_definitions.end(), [](const auto& d) {
          return d.kind == model::EventKind::timer || d.kind == model::EventKind::conditional;
        });
        return waits ? NodeKind::intermediate_catch_event : NodeKind::intermediate_throw_event;
      }
      default: return NodeKind::task;
    }
  }

  // A boundary event the text cannot attach still catches: the nearest is a catching event.
  static NodeKind written_kind(const FlowNode& n, const Placed& placed) {
    return n.kind == NodeKind::boundary_event && !placed.attached ? NodeKind::intermediate_catch_event : n.kind;
  }

  void node(const FlowNode& n, const Scope& scope, int indent) {
    const Placed& placed = placed_.at(&n);
    line(indent, placed.word, &n, n.name);
    int in = indent + 1;
    NodeKind kind = written_kind(n, placed);
    if (implied_kind(placed.word, n, placed.attached) != kind) header_line(in, Word::type, type_word(kind));
    triggers(n, in);
    if (placed.attached) {
      header_line(in, Word::attached, text_id(placed.host));
      if (n.cancel_activity == false) header_line(in, Word::interrupting, spelling(Word::no, lang_));
    }
    if (n.kind == NodeKind::start_event && n.is_interrupting == false)
      header_line(in, Word::interrupting, spelling(Word::no, lang_));
    if (scope.lanes)
      if (const auto* lane = lane_of(*scope.lanes, n.id)) header_line(in, Word::by, text_id(lane));
    if (n.duration) header_line(in, Word::duration, duration_text(*n.duration, "the duration of " + n.id));
    docs(in, n.documentation, n.id);
    outputs(n, scope, in);
    lose_activity_markers(n);
    flows(n, placed, in);
    if (auto it = inner_.find(&n); it != inner_.end()) container(*it->second, in);
  }

  void triggers(const FlowNode& n, int indent) {
    std::string words;
    for (const auto& d : n.event_definitions) {
      words += (words.empty() ? "" : ", ") + std::string(trigger_word(d.kind, lang_));
      if (!d.ref.empty()) lose("what event definitions refer to (messageRef, signalRef, errorRef, escalationRef)");
      if (!d.name.empty()) lose("names of link event definitions");
    }
    header_line(indent, Word::trigger, words);
    if (n.parallel_multiple.value_or(false)) lose("parallel multiple events");
  }

  void outputs(const FlowNode& n, const Scope& scope, int indent) {
    std::string written;
    for (const auto& a : n.data_outputs) {
      if (const auto* data = data_named(*scope.content, &scope.process->content, a.target))
        written += (written.empty() ? "" : ", ") + text_id(data);
      else
        lose("data outputs to what is not a document or store of the same process");
    }
    header_line(indent, Word::output, written);
  }

  void lose_activity_markers(const FlowNode& n) {
    if (n.loop) lose("loop and multi-instance markers");
    if (n.io || !n.data_inputs.empty()) lose("data inputs and input/output specifications of activities");
    if (!n.called_element.empty()) lose("the process a call activity calls");
    if (n.is_for_compensation.value_or(false)) lose("compensation activities");
    if (n.triggered_by_event.value_or(false)) lose("event sub-processes (drawn as ordinary sub-processes)");
  }

  void flows(const FlowNode& n, const Placed& placed, int indent) {
    std::string next;
    std::string default_target;
    for (const auto& [f, to] : placed.flows) {
      const std::string& target = text_id(to);
      if (f->id == n.default_flow && !f->id.empty()) default_target = target;
      if (auto yn = yes_no_flow_name(f->name)) {
        out_ += fmt::format("{}{}: {}\n", std::string(indent * 2, ' '), spelling(yn->first ? Word::yes : Word::no, yn->second), target);
        continue;
      }
      next += (next.empty() ? "" : ", ") + target + (f->name.empty() ? "" : " \"" + escape(f->name) + "\"");
    }
    // Not header_line: the labels are escaped already and their quotes are syntax.
    if (!next.empty()) out_ += fmt::format("{}{}: {}\n", std::string(indent * 2, ' '), spelling(Word::next, lang_), next);
    header_line(indent, Word::default_flow, default_target);
  }
};

}  // namespace

Description describe(const model::Definitions& definitions, Lang lang) { return Describer(definitions, lang).run(); }

}  // namespace syzba::text
