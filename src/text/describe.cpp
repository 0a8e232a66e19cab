// Any model → the text form. What the form cannot carry is listed, never silently dropped.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "text/syntax.h"
#include "text/text.h"

namespace syzba::text {

namespace {

using model::FlowNode;
using model::NodeKind;

bool id_writable(std::string_view id) {
  if (id.empty()) return false;
  auto c = static_cast<unsigned char>(id[0]);
  bool start = c == '_' || c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  return start && id.find_first_of(" \t\n:,\"<>&'") == std::string_view::npos;
}

// The text's `output:` names a document or store of the same container.
bool writes_data(const model::Container& c, const std::string& target) {
  auto has = [&](const auto& refs) {
    return std::any_of(refs.begin(), refs.end(), [&](const auto& r) { return r.id == target; });
  };
  return has(c.data_object_refs) || has(c.data_store_refs);
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

class Describer {
 public:
  Describer(const model::Definitions& defs, Lang lang) : defs_(defs), lang_(lang) {}

  Description run() {
    out_ += fmt::format("# {}\n", lang_ == Lang::kk   ? "syzba мәтіндік пішіні: syzba compile ФАЙЛ -o ФАЙЛ.bpmn"
                                  : lang_ == Lang::ru ? "текстовая форма syzba: syzba compile ФАЙЛ -o ФАЙЛ.bpmn"
                                                      : "syzba text form: syzba compile FILE -o FILE.bpmn");
    header_line(0, Word::id, defs_.id);
    if (!defs_.name.empty()) header_line(0, Word::name, defs_.name);
    service(0, defs_.service);
    if (!defs_.globals.empty()) lose("message, signal, error and escalation definitions (names that events refer to)");
    if (!defs_.categories.empty()) lose("categories (of groups)");
    model::for_each_element(defs_, [&](const model::BaseElement& e, model::ElementClass kind, std::string_view) {
      bool drawing = kind == model::ElementClass::diagram || kind == model::ElementClass::plane ||
                     kind == model::ElementClass::di_shape || kind == model::ElementClass::di_edge ||
                     kind == model::ElementClass::di_label || kind == model::ElementClass::label_style;
      if (drawing) return;
      if (!e.extras.children.empty() || !e.extras.extensions.empty())
        lose("elements of other tools and vendors (extension elements and foreign children)");
      for (const auto& a : e.extras.attributes)
        if (!bookkeeping(a)) lose(fmt::format("attributes the text form has no word for: {}", a.qname));
    });
    if (defs_.collaborations.size() > 1) lose("collaborations after the first");
    std::set<std::string> in_pools;
    if (!defs_.collaborations.empty()) {
      const auto& c = defs_.collaborations.front();
      if (!c.artifacts.empty()) lose("text annotations, associations and groups of the collaboration");
      for (const auto& p : c.participants) {
        out_ += "\n";
        line(0, Word::pool, p.id, p.name);
        if (!p.documentation.empty()) lose(fmt::format("documentation of pool {}", p.id));
        const model::Process* process = find_process(p.process);
        if (!p.process.empty() && !process) lose(fmt::format("references to missing processes (pool {})", p.id));
        if (!process) continue;
        in_pools.insert(process->id);
        if (process->id != p.id + "-process") header_line(1, Word::process_id, process->id);
        if (!process->name.empty() && process->name != p.name) lose(fmt::format("process name of pool {} (the pool's name is kept)", p.id));
        process_body(*process, 1);
      }
    }
    for (const auto& p : defs_.processes) {
      if (in_pools.count(p.id)) continue;
      out_ += "\n";
      line(0, Word::process, p.id, p.name);
      process_body(p, 1);
    }
    if (!defs_.collaborations.empty()) {
      const auto& flows = defs_.collaborations.front().message_flows;
      if (!flows.empty()) out_ += "\n";
      for (const auto& m : flows) {
        if (!id_writable(m.source) || !id_writable(m.target)) {
          lose(fmt::format("message flows between elements whose ids the text cannot write ({})", m.id));
          continue;
        }
        out_ += fmt::format("{}{}: {} -> {}\n", spelling(Word::message, lang_), id_part(m.id), m.source, m.target);
        if (!m.name.empty()) header_line(1, Word::name, m.name);
        docs(1, m.documentation, m.id);
        if (!m.message.empty()) lose("the messages that message flows carry (messageRef)");
      }
    }
    return {std::move(out_), std::move(lost_)};
  }

 private:
  const model::Definitions& defs_;
  Lang lang_;
  std::string out_;
  std::vector<std::string> lost_;

  void lose(std::string what) {
    if (std::find(lost_.begin(), lost_.end(), what) == lost_.end()) lost_.push_back(std::move(what));
  }

  const model::Process* find_process(const std::string& id) const {
    for (const auto& p : defs_.processes)
      if (!id.empty() && p.id == id) return &p;
    return nullptr;
  }

  std::string id_part(const std::string& id) {
    if (id.empty()) return "";
    if (!id_writable(id)) {
      lose(fmt::format("the id \"{}\" (not an id the text can write; a new one is made)", id));
      return "";
    }
    return " " + id;
  }

  void line(int indent, Word word, const std::string& id, std::string_view value) {
    out_ += std::string(indent * 2, ' ') + std::string(spelling(word, lang_)) + id_part(id);
    out_ += value.empty() ? "\n" : ": " + escape(value) + "\n";
  }

  void header_line(int indent, Word word, std::string_view value) {
    if (value.empty()) return;
    out_ += fmt::format("{}{}: {}\n", std::string(indent * 2, ' '), spelling(word, lang_), escape(value));
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
      line(indent, Word::lane, l.id, l.name);
      docs(indent + 1, l.documentation, l.id);
      lanes(indent + 1, l.child_lane_sets, l.id);
    }
  }

  // The deepest lane that lists the node.
  static const model::Lane* lane_of(const std::vector<model::LaneSet>& sets, const std::string& node) {
    for (const auto& set : sets)
      for (const auto& l : set.lanes) {
        if (const auto* deeper = lane_of(l.child_lane_sets, node)) return deeper;
        if (std::find(l.flow_node_refs.begin(), l.flow_node_refs.end(), node) != l.flow_node_refs.end()) return &l;
      }
    return nullptr;
  }

  void process_body(const model::Process& p, int indent) {
    service(indent, p.service);
    docs(indent, p.documentation, p.id);
    if (p.io) lose(fmt::format("input/output specification of process {}", p.id));
    lanes(indent, p.content.lane_sets, p.id);
    container(p.content, indent, &p.content.lane_sets, p.id);
  }

  void container(const model::Container& c, int indent, const std::vector<model::LaneSet>* lane_sets, const std::string& of) {
    if (!c.artifacts.empty()) lose(fmt::format("text annotations, associations and groups in {}", of));
    for (const auto& n : c.nodes) node(n, c, indent, lane_sets);
    // The documents after the steps, as a regulation lists what the recipient is given.
    std::set<std::string> referenced;
    for (const auto& r : c.data_object_refs) {
      referenced.insert(r.data_object);
      if (r.data_object != r.id + "-object") lose("ids of data objects behind their references");
      line(indent, Word::document, r.id, r.name);
      docs(indent + 1, r.documentation, r.id);
    }
    for (const auto& o : c.data_objects) {
      if (!referenced.count(o.id)) lose(fmt::format("data objects without a reference (drawn nowhere), in {}", of));
      if (o.is_collection.value_or(false)) lose("collection markers of data objects");
    }
    for (const auto& s : c.data_store_refs) {
      line(indent, Word::store, s.id, s.name);
      docs(indent + 1, s.documentation, s.id);
      if (!s.data_store.empty()) lose("the data stores that data store references name");
    }
    std::set<std::string> ids;
    for (const auto& n : c.nodes) ids.insert(n.id);
    for (const auto& f : c.flows) {
      if (!ids.count(f.source) || !ids.count(f.target)) lose(fmt::format("sequence flows with an end that is not a flow node beside them ({})", f.id));
      if (f.condition) lose("condition expressions of sequence flows (their names are kept)");
      if (!f.documentation.empty()) lose("documentation of sequence flows");
    }
  }

  Word keyword(const FlowNode& n, const model::Container& c) const {
    switch (n.kind) {
      case NodeKind::start_event: return Word::start;
      case NodeKind::end_event: return names_refusal(n.name) ? Word::refusal : Word::end;
      case NodeKind::intermediate_catch_event: case NodeKind::intermediate_throw_event: case NodeKind::boundary_event:
        return Word::event;
      case NodeKind::exclusive_gateway: {
        bool yes = false, no = false;
        for (const auto& f : c.flows)
          if (f.source == n.id)
            if (auto yn = yes_no_flow_name(f.name)) (yn->first ? yes : no) = true;
        return yes && no ? Word::condition : Word::gateway;
      }
      default:
        if (model::is_gateway(n.kind)) return Word::gateway;
        if (model::is_sub_process(n.kind)) return Word::subprocess;
        return Word::action;
    }
  }

  // What compile makes of the keyword with the node's triggers, without type:.
  static NodeKind implied_kind(Word word, const FlowNode& n) {
    switch (word) {
      case Word::start: return NodeKind::start_event;
      case Word::end: case Word::refusal: return NodeKind::end_event;
      case Word::condition: case Word::gateway: return NodeKind::exclusive_gateway;
      case Word::subprocess: return NodeKind::sub_process;
      case Word::event: {
        if (!n.attached_to.empty()) return NodeKind::boundary_event;
        bool waits = std::any_of(n.event_definitions.begin(), n.event_definitions.end(), [](const auto& d) {
          return d.kind == model::EventKind::timer || d.kind == model::EventKind::conditional;
        });
        return waits ? NodeKind::intermediate_catch_event : NodeKind::intermediate_throw_event;
      }
      default: return NodeKind::task;
    }
  }

  void node(const FlowNode& n, const model::Container& c, int indent, const std::vector<model::LaneSet>* lane_sets) {
    Word word = keyword(n, c);
    line(indent, word, n.id, n.name);
    int in = indent + 1;
    if (implied_kind(word, n) != n.kind) header_line(in, Word::type, type_word(n.kind));
    if (!n.event_definitions.empty()) {
      std::string triggers;
      for (const auto& d : n.event_definitions) {
        triggers += (triggers.empty() ? "" : ", ") + std::string(trigger_word(d.kind, lang_));
        if (!d.ref.empty()) lose("what event definitions refer to (messageRef, signalRef, errorRef, escalationRef)");
        if (!d.name.empty()) lose("names of link event definitions");
      }
      header_line(in, Word::trigger, triggers);
    }
    if (n.parallel_multiple.value_or(false)) lose("parallel multiple events");
    if (!n.attached_to.empty()) header_line(in, Word::attached, n.attached_to);
    if (n.kind == NodeKind::boundary_event && n.cancel_activity == false)
      header_line(in, Word::interrupting, spelling(Word::no, lang_));
    if (n.kind == NodeKind::start_event && n.is_interrupting == false)
      header_line(in, Word::interrupting, spelling(Word::no, lang_));
    if (lane_sets)
      if (const auto* lane = lane_of(*lane_sets, n.id)) header_line(in, Word::by, lane->id);
    if (n.duration) header_line(in, Word::duration, duration_text(*n.duration, "the duration of " + n.id));
    docs(in, n.documentation, n.id);
    std::string outputs;
    for (const auto& a : n.data_outputs) {
      if (writes_data(c, a.target)) outputs += (outputs.empty() ? "" : ", ") + a.target;
      else lose("data outputs to what is not a document or store of the same process");
    }
    header_line(in, Word::output, outputs);
    if (n.loop) lose("loop and multi-instance markers");
    if (n.io || !n.data_inputs.empty()) lose("data inputs and input/output specifications of activities");
    if (!n.called_element.empty()) lose("the process a call activity calls");
    if (n.is_for_compensation.value_or(false)) lose("compensation activities");
    if (n.triggered_by_event.value_or(false)) lose("event sub-processes (drawn as ordinary sub-processes)");
    flows(n, c, in);
    if (model::is_sub_process(n.kind)) container(n.content, in, nullptr, n.id);
  }

  void flows(const FlowNode& n, const model::Container& c, int indent) {
    std::string next;
    std::string default_target;
    for (const auto& f : c.flows) {
      if (f.source != n.id) continue;
      if (f.id == n.default_flow) default_target = f.target;
      if (auto yn = yes_no_flow_name(f.name)) {
        out_ += fmt::format("{}{}: {}\n", std::string(indent * 2, ' '), spelling(yn->first ? Word::yes : Word::no, yn->second), f.target);
        continue;
      }
      next += (next.empty() ? "" : ", ") + f.target + (f.name.empty() ? "" : " \"" + escape(f.name) + "\"");
    }
    // Not header_line: the labels are escaped already and their quotes are syntax.
    if (!next.empty()) out_ += fmt::format("{}{}: {}\n", std::string(indent * 2, ' '), spelling(Word::next, lang_), next);
    header_line(indent, Word::default_flow, default_target);
  }
};

}  // namespace

Description describe(const model::Definitions& definitions, Lang lang) { return Describer(definitions, lang).run(); }

}  // namespace syzba::text
