// The text form's meaning: statements → BPMN model. Declares everything first, then
// resolves references (flow targets, units, boundary hosts, documents, message ends), so
// that a statement may name what is written after it.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "io/io.h"
#include "text/syntax.h"
#include "text/text.h"

namespace syzba::text {

namespace {

using model::Container;
using model::FlowNode;
using model::NodeKind;

struct Pos {
  int line = 0, column = 0;
};

// Where `by:` named a unit, resolved once the process's lanes are all read.
struct LaneRef {
  std::string node, lane;
  Pos pos;
};

// Where `default:` named a target, resolved once the node's flows are all read.
struct DefaultRef {
  std::string target;
  Pos pos;
};

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  std::string item;
  bool quoted = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\\' && i + 1 < value.size()) {
      item += c;
      item += value[++i];
    } else if (c == '"') {
      quoted = !quoted;
      item += c;
    } else if (c == ',' && !quoted) {
      out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  out.push_back(item);
  for (auto& s : out) {
    auto a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    s = a == std::string::npos ? "" : s.substr(a, b - a + 1);
  }
  return out;
}

// The kinds a keyword may take with type:.
bool kind_fits(Word word, NodeKind kind) {
  switch (word) {
    case Word::action: return model::is_activity(kind) && !model::is_sub_process(kind);
    case Word::subprocess: return model::is_sub_process(kind);
    case Word::condition: case Word::gateway: return model::is_gateway(kind);
    case Word::event:
      return kind == NodeKind::intermediate_catch_event || kind == NodeKind::intermediate_throw_event ||
             kind == NodeKind::boundary_event;
    default: return false;
  }
}

class Compiler {
 public:
  explicit Compiler(std::string_view source) : source_(source) {}

  io::ReadResult run(const std::vector<Statement>& statements) {
    note_written_ids(statements);
    defs_.id = "definitions";
    defs_.target_namespace = "https://syzba.kz/models";
    defs_.namespaces = {{"bpmn", std::string(io::bpmn_model_ns)}, {"bpmndi", std::string(io::bpmn_di_ns)},
                        {"dc", std::string(io::dd_dc_ns)}, {"di", std::string(io::dd_di_ns)},
                        {"syzba", std::string(io::syzba_ns)}};
    for (const auto& s : statements)
      if (role_of(s.word) == Role::header) header(s, defs_.service, true);
    std::vector<const Statement*> loose;  // lanes, nodes and data outside any pool or process
    for (const auto& s : statements) {
      auto role = role_of(s.word);
      if (s.word == Word::pool) pool(s);
      else if (s.word == Word::process) process(s, s.id, s.value, nullptr);
      else if (role == Role::lane || role == Role::node || role == Role::data) loose.push_back(&s);
      else if (role == Role::message) messages_.push_back(&s);
    }
    if (!loose.empty()) {
      Statement implicit;
      implicit.word = Word::process;
      implicit.line = loose.front()->line;  // so that findings on the process point somewhere
      implicit.column = loose.front()->column;
      for (const auto* s : loose) implicit.children.push_back(*s);
      process(implicit, unique_id(defs_.id + "-process"), "", nullptr);
    }
    for (const auto* m : messages_) message_flow(*m);
    check_message_ends();
    for (auto& p : defs_.processes) finish_container(p.content, p.id, &p);
    io::ReadResult result;
    std::stable_sort(diags_.begin(), diags_.end(),
                     [](const auto& a, const auto& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
    result.diagnostics = std::move(diags_);
    bool failed = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                              [](const auto& d) { return d.severity == model::Severity::error; });
    if (!failed) result.definitions = std::move(defs_);
    return result;
  }

 private:
  std::string_view source_;
  std::vector<model::Diagnostic> diags_;
  model::Definitions defs_;
  std::map<std::string, Pos> ids_;  // every id written in the text, where
  std::set<std::string> written_ids_;
  std::vector<const Statement*> messages_;
  std::map<std::string, DefaultRef> defaults_;                  // node id → default target
  std::map<std::pair<std::string, Word>, Pos> reference_pos_;  // (element, property) → where written
  std::map<std::string, std::vector<LaneRef>> lane_refs_;       // process id → `by:` of its nodes

  void error(Pos pos, std::string rule, std::string_view message_id, std::vector<std::string> args = {}) {
    diags_.push_back(text_error(source_, pos.line, pos.column, std::move(rule), message_id, std::move(args)));
  }
  void error(const Statement& s, std::string rule, std::string_view message_id, std::vector<std::string> args = {}) {
    error({s.line, s.column}, std::move(rule), message_id, std::move(args));
  }
  // A catalogue message for what may have a near miss: "…; did you mean `near`?" when it has.
  void error_near(Pos pos, std::string rule, std::string_view message_id, std::string_view near_message_id,
                  std::string what, const std::string& near) {
    if (near.empty()) error(pos, std::move(rule), message_id, {std::move(what)});
    else error(pos, std::move(rule), near_message_id, {std::move(what), near});
  }

  static model::SourcePos source_pos(const Statement& s) { return {s.line, s.column}; }
  static Pos value_pos(const Statement& s) { return {s.line, s.value_column}; }

  // The statement's id, or one made from its keyword when the text leaves it out.
  std::string declare(const Statement& s, std::string_view fallback_base) {
    if (s.id.empty()) return unique_id(fmt::format("{}-{}", fallback_base, s.line));
    auto [it, fresh] = ids_.emplace(s.id, Pos{s.line, s.id_column});
    if (!fresh)
      error({s.line, s.id_column}, "text-duplicate-id", "text.duplicate-id", {s.id, std::to_string(it->second.line)});
    return s.id;
  }

  // The ids the text writes, so that one made for an unnamed step never takes one of them.
  void note_written_ids(const std::vector<Statement>& statements) {
    for (const auto& s : statements) {
      if (!s.id.empty()) written_ids_.insert(s.id);
      note_written_ids(s.children);
    }
  }

  std::string unique_id(const std::string& base) {
    std::string id = base;
    for (int n = 2; ids_.count(id) || written_ids_.count(id); ++n) id = fmt::format("{}-{}", base, n);
    ids_.emplace(id, Pos{});
    return id;
  }

  // message_id says what the statement does not describe: "text.misplaced.lane", ...
  void misplaced(const Statement& s, std::string_view message_id) {
    error(s, "text-misplaced", message_id, {std::string(spelling(s.word, s.lang))});
  }

  // ---- header: the service, its term and where it comes from --------------------------
  void header(const Statement& s, std::optional<model::ServiceInfo>& service, bool top_level) {
    std::string value = unescape(s.value);
    auto info = [&]() -> model::ServiceInfo& {
      if (!service) service.emplace();
      return *service;
    };
    switch (s.word) {
      case Word::service: info().name = value; break;
      case Word::regulation: info().regulation = value; break;
      case Word::appendix: info().appendix = value; break;
      case Word::source: info().source = value; break;
      case Word::term: {
        auto parsed = model::parse_duration(value);
        if (!parsed.duration) {
          error(value_pos(s), parsed.impossible ? "impossible-duration" : "text-bad-duration", "text.bad-term", parsed.reason);
        } else {
          parsed.duration->text = value;
          info().term = parsed.duration;
        }
        break;
      }
      case Word::name:
        if (top_level) defs_.name = value;
        else misplaced(s, "text.misplaced.process-name");
        break;
      case Word::id:
        if (!top_level) misplaced(s, "text.misplaced.process-id");
        else if (value.empty()) error(value_pos(s), "text-bad-id", "text.file-id-missing");
        else defs_.id = value;
        break;
      default: break;
    }
  }

  // ---- pools and processes -----------------------------------------------------------
  void pool(const Statement& s) {
    if (defs_.collaborations.empty()) {
      model::Collaboration c;
      c.id = unique_id(defs_.id + "-collaboration");
      defs_.collaborations.push_back(std::move(c));
    }
    model::Participant participant;
    participant.id = declare(s, "pool");
    participant.name = unescape(s.value);
    participant.pos = source_pos(s);
    std::string process_id;
    bool has_content = false;
    for (const auto& child : s.children) {
      if (child.word == Word::process_id) {
        process_id = child.value;
        reference_pos_[{participant.id, Word::process_id}] = value_pos(child);
      } else if (role_of(child.word) != Role::message) {
        has_content = true;
      }
    }
    // A pool with nothing in it is a black box: a participant without a process.
    if (has_content || !process_id.empty()) {
      if (process_id.empty()) process_id = unique_id(participant.id + "-process");
      else declare_plain(process_id, reference_pos_[{participant.id, Word::process_id}]);
      participant.process = process_id;
      process(s, process_id, participant.name, &participant);
    } else {
      for (const auto& child : s.children)
        if (role_of(child.word) == Role::message) messages_.push_back(&child);
    }
    defs_.collaborations.front().participants.push_back(std::move(participant));
  }

  void declare_plain(const std::string& id, Pos pos) {
    auto [it, fresh] = ids_.emplace(id, pos);
    if (!fresh) error(pos, "text-duplicate-id", "text.duplicate-id", {id, std::to_string(it->second.line)});
  }

  void process(const Statement& s, std::string id, std::string name, const model::Participant* participant) {
    model::Process p;
    p.id = participant ? std::move(id) : s.id.empty() ? std::move(id) : declare(s, "process");
    if (p.id.empty()) p.id = unique_id("process");
    p.name = participant ? std::move(name) : unescape(s.value);
    p.pos = source_pos(s);
    std::vector<const Statement*> lanes;
    for (const auto& child : s.children) {
      switch (role_of(child.word)) {
        case Role::header: header(child, p.service, false); break;
        case Role::lane: lanes.push_back(&child); break;
        case Role::message: messages_.push_back(&child); break;
        case Role::property:
          if (child.word == Word::doc) add_documentation(p.documentation, child);
          else if (child.word != Word::process_id || !participant)
            error(child, "text-misplaced", "text.step-property-in-process", {std::string(spelling(child.word, child.lang))});
          break;
        default: break;
      }
    }
    if (!lanes.empty()) {
      model::LaneSet set;
      set.id = unique_id(p.id + "-lanes");
      for (const auto* l : lanes) set.lanes.push_back(lane(*l));
      p.content.lane_sets.push_back(std::move(set));
    }
    fill_container(s.children, p.content, p.id, true);
    resolve_lanes(p);
    defs_.processes.push_back(std::move(p));
  }

  model::Lane lane(const Statement& s) {
    model::Lane l;
    l.id = declare(s, "lane");
    l.name = unescape(s.value);
    l.pos = source_pos(s);
    model::LaneSet children;
    for (const auto& child : s.children) {
      if (child.word == Word::lane) children.lanes.push_back(lane(child));
      else if (child.word == Word::doc) add_documentation(l.documentation, child);
      else misplaced(child, "text.misplaced.lane");
    }
    if (!children.lanes.empty()) {
      children.id = unique_id(l.id + "-lanes");
      l.child_lane_sets.push_back(std::move(children));
    }
    return l;
  }

  static void add_documentation(std::vector<model::Documentation>& docs, const Statement& s) {
    // Consecutive description lines are one documentation with line breaks.
    std::string text = unescape(s.value);
    if (docs.empty()) {
      model::Documentation d;
      d.text = text;
      d.pos = source_pos(s);
      docs.push_back(std::move(d));
    } else {
      docs.back().text += "\n" + text;
    }
  }

  // ---- lanes: `by:` puts a node into a unit and the units around it --------------------
  static bool add_to_lane(std::vector<model::LaneSet>& sets, const std::string& lane, const std::string& node) {
    for (auto& set : sets)
      for (auto& l : set.lanes)
        if (l.id == lane || add_to_lane(l.child_lane_sets, lane, node)) {
          l.flow_node_refs.push_back(node);
          return true;
        }
    return false;
  }

  static void lane_names(const std::vector<model::LaneSet>& sets, std::vector<std::string>& out) {
    for (const auto& set : sets)
      for (const auto& l : set.lanes) {
        out.push_back(l.id);
        lane_names(l.child_lane_sets, out);
      }
  }

  void resolve_lanes(model::Process& p) {
    std::vector<std::string> known;
    lane_names(p.content.lane_sets, known);
    for (const auto& ref : lane_refs_[p.id]) {
      if (add_to_lane(p.content.lane_sets, ref.lane, ref.node)) continue;
      std::string near = closest(ref.lane, known);
      if (known.empty()) error(ref.pos, "text-unknown-unit", "text.no-units", {ref.lane});
      else error_near(ref.pos, "text-unknown-unit", "text.unknown-unit", "text.unknown-unit-near", ref.lane, near);
    }
  }

  // ---- flow nodes and data ---------------------------------------------------------
  void fill_container(const std::vector<Statement>& statements, Container& c, const std::string& process_id,
                      bool top) {
    for (const auto& s : statements) {
      if (role_of(s.word) == Role::node) c.nodes.push_back(node(s, c, process_id, top));
      else if (role_of(s.word) == Role::data) data(s, c);
    }
  }

  void data(const Statement& s, Container& c) {
    if (s.word == Word::document) {
      model::DataObjectReference ref;
      ref.id = declare(s, "document");
      ref.name = unescape(s.value);
      ref.pos = source_pos(s);
      model::DataObject object;
      object.id = unique_id(ref.id + "-object");
      object.pos = ref.pos;
      ref.data_object = object.id;
      for (const auto& child : s.children) {
        if (child.word == Word::doc) add_documentation(ref.documentation, child);
        else misplaced(child, "text.misplaced.document");
      }
      c.data_objects.push_back(std::move(object));
      c.data_object_refs.push_back(std::move(ref));
    } else {
      model::DataStoreReference ref;
      ref.id = declare(s, "store");
      ref.name = unescape(s.value);
      ref.pos = source_pos(s);
      for (const auto& child : s.children) {
        if (child.word == Word::doc) add_documentation(ref.documentation, child);
        else misplaced(child, "text.misplaced.data-store");
      }
      c.data_store_refs.push_back(std::move(ref));
    }
  }

  static NodeKind default_kind(Word word) {
    switch (word) {
      case Word::start: return NodeKind::start_event;
      case Word::end: case Word::refusal: return NodeKind::end_event;
      case Word::condition: case Word::gateway: return NodeKind::exclusive_gateway;
      case Word::event: return NodeKind::intermediate_throw_event;
      case Word::subprocess: return NodeKind::sub_process;
      default: return NodeKind::task;
    }
  }

  void add_flow(Container& c, const std::string& source, std::string target, std::string name, Pos pos) {
    model::SequenceFlow f;
    f.source = source;
    f.target = std::move(target);
    f.name = std::move(name);
    f.pos = {pos.line, pos.column};
    c.flows.push_back(std::move(f));
  }

  // next: a, b "label", c — each target with its position in the line.
  void flows_from_list(const Statement& s, Container& c, const std::string& source) {
    int column = s.value_column;
    for (const auto& item : split_list(s.value)) {
      std::string target = item, name;
      if (auto quote = item.find('"'); quote != std::string::npos) {
        target = item.substr(0, item.find_last_not_of(" \t", quote - (quote > 0 ? 1 : 0)) + 1);
        if (quote == 0) target.clear();
        auto close = item.rfind('"');
        if (close == quote) {
          error({s.line, column}, "text-syntax", "text.flow-label-quote");
          return;
        }
        name = unescape(std::string_view(item).substr(quote + 1, close - quote - 1));
      }
      if (target.empty() || target.find_first_of(" \t") != std::string::npos) {
        error({s.line, column}, "text-syntax", "text.next-list");
        return;
      }
      auto at = std::string_view(s.value).find(target);
      add_flow(c, source, target, name, {s.line, s.value_column + (at == std::string_view::npos ? 0 : letters(std::string_view(s.value).substr(0, at)))});
      column = s.value_column + letters(s.value);
    }
  }

  FlowNode node(const Statement& s, Container& c, const std::string& process_id, bool top) {
    FlowNode n;
    n.kind = default_kind(s.word);
    n.id = declare(s, std::string(meaning(s.word)));
    n.name = unescape(s.value);
    if (s.word == Word::refusal && n.name.empty()) n.name = std::string(s.lang == Lang::kk ? "Бас тарту" : s.lang == Lang::ru ? "Отказ" : "Refusal");
    n.pos = source_pos(s);
    bool yes = false, no = false, typed = false;
    std::optional<bool> interrupting;
    for (const auto& p : s.children) {
      std::string value = unescape(p.value);
      switch (p.word) {
        case Word::by:
          if (!top) error(p, "text-misplaced", "text.units-in-sub-process");
          else lane_refs_[process_id].push_back({n.id, p.value, value_pos(p)});
          break;
        case Word::duration: {
          auto parsed = model::parse_duration(value);
          if (!parsed.duration) {
            error(value_pos(p), parsed.impossible ? "impossible-duration" : "text-bad-duration", "text.bad-duration", parsed.reason);
          } else {
            parsed.duration->text = value;
            n.duration = parsed.duration;
          }
          break;
        }
        case Word::next: flows_from_list(p, c, n.id); break;
        case Word::yes: case Word::no:
          (p.word == Word::yes ? yes : no) = true;
          if (p.value.empty() || p.value.find_first_of(" \t,") != std::string::npos)
            error(value_pos(p), "text-syntax", "text.branch-one-id", {std::string(spelling(p.word, p.lang))});
          else
            add_flow(c, n.id, p.value, std::string(yes_no_name(p.word == Word::yes, p.lang)), value_pos(p));
          break;
        case Word::default_flow: defaults_[n.id] = {p.value, value_pos(p)}; break;
        case Word::doc: add_documentation(n.documentation, p); break;
        case Word::output:
          for (const auto& target : split_list(p.value)) {
            model::DataAssociation a;
            a.target = target;
            a.pos = {p.line, p.value_column + letters(std::string_view(p.value).substr(0, p.value.find(target)))};
            n.data_outputs.push_back(std::move(a));
          }
          break;
        case Word::type:
          if (auto kind = kind_from_type_word(value); kind && kind_fits(s.word, *kind)) {
            n.kind = *kind;
            typed = true;
          } else {
            error(value_pos(p), "text-bad-type", "text.bad-type", {value, std::string(spelling(s.word, s.lang))});
          }
          break;
        case Word::trigger:
          for (const auto& word : split_list(p.value)) {
            auto kind = trigger_from_word(word);
            if (!kind) {
              error(value_pos(p), "text-bad-trigger", "text.bad-trigger", {word});
              continue;
            }
            model::EventDefinition d;
            d.kind = *kind;
            d.id = unique_id(fmt::format("{}-{}", n.id, trigger_word(*kind, Lang::en)));
            n.event_definitions.push_back(std::move(d));
          }
          break;
        case Word::attached:
          n.attached_to = p.value;
          reference_pos_[{n.id, Word::attached}] = value_pos(p);
          break;
        case Word::interrupting:
          interrupting = yes_no_from_word(value);
          if (!interrupting) error(value_pos(p), "text-syntax", "text.yes-or-no");
          break;
        default:
          if (role_of(p.word) == Role::node || role_of(p.word) == Role::data) {
            if (!model::is_sub_process(n.kind) && s.word != Word::subprocess)
              error(p, "text-misplaced", "text.nested-node", {std::string(spelling(p.word, p.lang)), n.id});
          } else {
            misplaced(p, "text.misplaced.flow-node");
          }
      }
    }
    if (s.word == Word::event) {
      bool waits = std::any_of(n.event_definitions.begin(), n.event_definitions.end(), [](const auto& d) {
        return d.kind == model::EventKind::timer || d.kind == model::EventKind::conditional;
      });
      if (!n.attached_to.empty()) n.kind = NodeKind::boundary_event;
      else if (!typed && waits) n.kind = NodeKind::intermediate_catch_event;
    } else if (!n.attached_to.empty()) {
      error(reference_pos_[{n.id, Word::attached}], "text-misplaced", "text.attached-not-event");
    }
    if (interrupting) {
      if (n.kind == NodeKind::boundary_event) n.cancel_activity = *interrupting;
      else if (n.kind == NodeKind::start_event) n.is_interrupting = *interrupting;
      else error(s, "text-misplaced", "text.interrupting-kind");
    }
    if (s.word == Word::condition && yes != no) {
      auto missing = yes ? Word::no : Word::yes;
      error(s, "text-one-branch", "text.one-branch", {n.id, std::string(spelling(missing, s.lang))});
    }
    if (model::is_sub_process(n.kind)) fill_container(s.children, *n.content, process_id, false);
    return n;
  }

  // ---- message flows -------------------------------------------------------------
  void message_flow(const Statement& s) {
    if (defs_.collaborations.empty()) {
      error(s, "text-misplaced", "text.message-without-pools");
      return;
    }
    model::MessageFlow m;
    m.id = declare(s, "message");
    m.pos = source_pos(s);
    std::string value = s.value;
    std::size_t arrow = value.find("->"), arrow_len = 2;
    if (arrow == std::string::npos) arrow = value.find("→"), arrow_len = std::string_view("→").size();
    if (arrow == std::string::npos) {
      error(value_pos(s), "text-syntax", "text.message-arrow");
      return;
    }
    auto trim = [](std::string t) {
      auto a = t.find_first_not_of(" \t"), b = t.find_last_not_of(" \t");
      return a == std::string::npos ? std::string() : t.substr(a, b - a + 1);
    };
    m.source = trim(value.substr(0, arrow));
    m.target = trim(value.substr(arrow + arrow_len));
    reference_pos_[{m.id, Word::message}] = value_pos(s);
    for (const auto& child : s.children) {
      if (child.word == Word::name) m.name = unescape(child.value);
      else if (child.word == Word::doc) add_documentation(m.documentation, child);
      else misplaced(child, "text.misplaced.message");
    }
    defs_.collaborations.front().message_flows.push_back(std::move(m));
  }

  // ---- references, ids of what the text does not name, incoming/outgoing ------------
  void finish_container(Container& c, const std::string& owner, model::Process* process) {
    std::set<std::string> nodes, data;
    std::vector<std::string> node_list;
    for (const auto& n : c.nodes) nodes.insert(n.id), node_list.push_back(n.id);
    for (const auto& d : c.data_object_refs) data.insert(d.id);
    for (const auto& d : c.data_store_refs) data.insert(d.id);
    if (process)  // documents of the process are visible from its sub-processes too
      for (const auto& d : process->content.data_object_refs) data.insert(d.id);
    for (auto& n : c.nodes) {
      if (auto it = defaults_.find(n.id); it != defaults_.end()) {
        auto flow = std::find_if(c.flows.begin(), c.flows.end(),
                                 [&](const auto& f) { return f.source == n.id && f.target == it->second.target; });
        if (flow == c.flows.end()) add_flow(c, n.id, it->second.target, "", it->second.pos);
        n.default_flow = "\x01" + it->second.target;  // given the flow's id below
      }
    }
    int number = 0;
    for (auto& f : c.flows) {
      if (!nodes.count(f.target)) unknown_target(f, node_list);
      do f.id = fmt::format("{}-f{}", owner, ++number);
      while (ids_.count(f.id));
      ids_.emplace(f.id, Pos{});
    }
    std::map<std::string_view, std::vector<const model::SequenceFlow*>> out_of, into;
    for (const auto& f : c.flows) out_of[f.source].push_back(&f), into[f.target].push_back(&f);
    for (auto& n : c.nodes) {
      for (const auto* f : out_of[n.id]) {
        n.outgoing.push_back(f->id);
        if (!n.default_flow.empty() && n.default_flow[0] == '\x01' && f->target == n.default_flow.substr(1))
          n.default_flow = f->id;
      }
      for (const auto* f : into[n.id]) n.incoming.push_back(f->id);
      int k = 0;
      for (auto& a : n.data_outputs) {
        if (!data.count(a.target)) {
          std::vector<std::string> known(data.begin(), data.end());
          std::string near = closest(a.target, known);
          error_near({a.pos.line, a.pos.column}, "text-unknown-document", "text.unknown-document", "text.unknown-document-near",
                     a.target, near);
        }
        a.id = unique_id(fmt::format("{}-output{}", n.id, ++k == 1 ? "" : std::to_string(k)));
      }
      if (!n.attached_to.empty()) {
        auto host = std::find_if(c.nodes.begin(), c.nodes.end(), [&](const auto& h) { return h.id == n.attached_to; });
        if (host == c.nodes.end() || !model::is_activity(host->kind)) {
          std::string near = closest(n.attached_to, node_list);
          error_near(reference_pos_[{n.id, Word::attached}], "text-unknown-target", "text.unknown-host", "text.unknown-host-near",
                     n.attached_to, near);
        }
      }
      if (model::is_sub_process(n.kind)) finish_container(*n.content, n.id, process);
    }
  }

  void unknown_target(const model::SequenceFlow& f, const std::vector<std::string>& here) {
    Pos pos{f.pos.line, f.pos.column};
    if (ids_.count(f.target) && ids_.at(f.target).line > 0) {
      error(pos, "text-unknown-target", "text.target-in-other-pool", {f.target});
      return;
    }
    std::string near = closest(f.target, here);
    error_near(pos, "text-unknown-target", "text.unknown-step", "text.unknown-step-near", f.target, near);
  }

  void check_message_ends() {
    if (defs_.collaborations.empty()) return;
    std::vector<std::string> known;
    for (const auto& [id, pos] : ids_)
      if (pos.line > 0) known.push_back(id);
    for (const auto& m : defs_.collaborations.front().message_flows) {
      for (const auto* end : {&m.source, &m.target}) {
        if (ids_.count(*end) && ids_.at(*end).line > 0) continue;
        std::string near = closest(*end, known);
        bool source = end == &m.source;
        error_near(reference_pos_[{m.id, Word::message}], "text-unknown-target",
                   source ? "text.unknown-message-source" : "text.unknown-message-target",
                   source ? "text.unknown-message-source-near" : "text.unknown-message-target-near", *end, near);
      }
    }
  }
};

}  // namespace

io::ReadResult compile(std::string_view source) {
  auto syntax = parse_statements(source);
  Compiler compiler(source);
  auto result = compiler.run(syntax.statements);
  result.diagnostics.insert(result.diagnostics.begin(), syntax.diagnostics.begin(), syntax.diagnostics.end());
  if (!syntax.diagnostics.empty()) result.definitions.reset();
  if (result.definitions && result.definitions->processes.empty() && result.definitions->collaborations.empty()) {
    // An empty file (or one with only the service's lines) is a draft not yet begun, not a model.
    result.diagnostics.push_back(text_error(source, 1, 1, "text-empty", "text.empty"));
    result.definitions.reset();
  }
  return result;
}

}  // namespace syzba::text
