// BPMN 2.0 XML → model.
//
// Every modelled element is read by the same pattern (ElementReader): its known attributes
// are taken, the rest kept as extras; its documentation and extension elements are taken;
// its known children are read by a per-type function; every other child (unknown elements,
// comments, foreign text) is kept verbatim with a slot that says how many modelled children
// came before it, which is where the writer puts it back.
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <limits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>
#include <utility>

#include <sys/mman.h>

#include "io/encoding.h"
#include "io/references.h"
#include "io/io.h"

namespace syzba::io {
namespace {

using model::Diagnostic;
using model::ForeignNode;
using model::Severity;

// pugixml's node pages (32 KiB each) are mapped from the system one by one, so that each page
// the reader releases (see read_element) goes back at once: from malloc's heap a released
// page stayed resident, and a 100,000-node model peaked with its whole DOM beside its whole
// model. Smaller blocks come from malloc. A header before each block says which it was.
constexpr std::size_t dom_header = 16;  // keeps the block aligned as malloc's
constexpr std::size_t dom_mapped_from = 16384;

void* dom_allocate(std::size_t size) {
  std::size_t total = size + dom_header;
  void* block = nullptr;
  if (size >= dom_mapped_from) {
    // Populated at once: pugixml fills its pages from the start, and one fault per 4 KiB was
    // most of the kernel's part of reading.
    block = mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (block == MAP_FAILED) return nullptr;
  } else {
    block = std::malloc(total);
    if (!block) return nullptr;
  }
  *static_cast<std::size_t*>(block) = size >= dom_mapped_from ? total : 0;
  return static_cast<char*>(block) + dom_header;
}

void dom_deallocate(void* p) {
  if (!p) return;
  void* block = static_cast<char*>(p) - dom_header;
  std::size_t mapped = *static_cast<std::size_t*>(block);
  if (mapped) munmap(block, mapped);
  else std::free(block);
}

// Before main, so that every document of the program is made and freed by the same pair.
[[maybe_unused]] const bool dom_memory_installed = [] {
  pugi::set_memory_management_functions(dom_allocate, dom_deallocate);
  return true;
}();

std::string_view local_name(std::string_view qname) {
  auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view prefix_of(std::string_view qname) {
  auto colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

std::string trimmed(std::string_view s) {
  auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Line and column (1-based, column in characters) of byte offsets in the UTF-8 text. The line
// starts are taken when it is made, since the text is to change (pugixml parses in place and
// overwrites line breaks) while its positions are still asked for as they were.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) { index_lines(); }
  model::SourcePos at(std::ptrdiff_t offset) const {
    if (offset < 0) return {};
    auto off = std::min(static_cast<std::size_t>(offset), text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), off);
    line_ = static_cast<int>(it - starts_.begin());
    line_start_ = *(it - 1);
    return {line_, column_at(off)};
  }

 private:

  // Columns count characters from the line's start; a long line (a whole model on one line)
  // is counted on from the last answer, not again from its start.
  int column_at(std::size_t off) const {
    std::size_t from = line_start_;
    int column = 1;
    if (last_line_start_ == line_start_ && last_offset_ <= off) from = last_offset_, column = last_column_;
    for (std::size_t i = from; i < off; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    last_line_start_ = line_start_, last_offset_ = off, last_column_ = column;
    return column;
  }

  // Offsets as 32 bits and the list reserved to its size: a growing list of 64-bit offsets
  // was 17 MB of a 37 MB file's reading (read_bpmn refuses a larger text).
  // Line breaks are found eight bytes at a time, counted first and then listed from each
  // word's mask: a memchr per line was a tenth of reading a file of short lines.
  void index_lines() {
    std::size_t breaks = 0;
    for_each_word([&](std::size_t, std::uint64_t mask) { breaks += static_cast<std::size_t>(__builtin_popcountll(mask)); });
    starts_.reserve(breaks + 1);
    starts_.push_back(0);
    for_each_word([&](std::size_t at, std::uint64_t mask) {
      for (; mask; mask &= mask - 1)
        starts_.push_back(static_cast<std::uint32_t>(at + static_cast<std::size_t>(__builtin_ctzll(mask)) / 8 + 1));
    });
  }

  // Calls f(offset, mask) for each eight bytes of the text (the last ones padded), where the
  // mask has the high bit of each byte that is '\n' (exactly: no false hits, unlike the
  // shorter test that may flag a byte after a match).
  template <class F>
  void for_each_word(F f) const {
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7Full, breaks = 0x0A0A0A0A0A0A0A0Aull;
    auto look = [&](std::size_t at, std::uint64_t word) {
      if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);  // first byte lowest
      std::uint64_t v = word ^ breaks;
      if (std::uint64_t mask = ~(((v & low7) + low7) | v | low7)) f(at, mask);
    };
    std::size_t at = 0;
    for (std::uint64_t word; at + 8 <= text_.size(); at += 8) {
      std::memcpy(&word, text_.data() + at, 8);
      look(at, word);
    }
    if (at < text_.size()) {
      std::uint64_t word = 0;  // padded with zero bytes, which are no line break
      std::memcpy(&word, text_.data() + at, text_.size() - at);
      look(at, word);
    }
  }

  std::string_view text_;
  std::vector<std::uint32_t> starts_;
  mutable std::size_t line_start_ = 0;
  mutable int line_ = 1;
  mutable std::size_t last_line_start_ = static_cast<std::size_t>(-1), last_offset_ = 0;
  mutable int last_column_ = 1;
};

// One child element as the reader sees it: its namespace, local name and node.
struct Child {
  std::string_view ns;
  std::string_view local;
  pugi::xml_node node;
};

// How many child elements have a local name that the predicate accepts: used to reserve
// vectors up front, since growing a vector of large elements doubles memory for a moment.
template <class Accept>
std::size_t count_children(pugi::xml_node node, Accept accept) {
  std::size_t n = 0;
  for (auto c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && accept(local_name(c.name()))) ++n;
  return n;
}

// Nodes and flows counted in one pass over the children.
void reserve_container(pugi::xml_node node, model::Container& content) {
  std::size_t nodes = 0, flows = 0;
  count_children(node, [&](std::string_view l) {
    if (l == "sequenceFlow") ++flows;
    else if (model::node_kind_from_type(l).has_value()) ++nodes;
    return false;
  });
  content.nodes.reserve(nodes);
  content.flows.reserve(flows);
}

// A callable passed down and called at once, never kept: a view of the caller's lambda.
// std::function allocated a copy of every handler for each of a model's elements.
template <class Signature>
class FunctionRef;
template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  FunctionRef(std::nullptr_t) {}
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
  FunctionRef(F&& f)  // NOLINT: converts implicitly, as std::function does
      : object_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* o, Args... args) -> R { return (*static_cast<std::remove_reference_t<F>*>(o))(args...); }) {}
  explicit operator bool() const { return call_ != nullptr; }
  R operator()(Args... args) const { return call_(object_, args...); }

 private:
  void* object_ = nullptr;
  R (*call_)(void*, Args...) = nullptr;
};

class Reader {
 public:
  // lines: of the text as it was before pugixml parsed it in place (the parse overwrites the
  // line break after an element's name: counted in the parsed text, the element was a line up).
  Reader(const LineIndex& lines, std::vector<Diagnostic>& diagnostics) : lines_(lines), diagnostics_(diagnostics) {}

  model::Definitions read_definitions(pugi::xml_node root);

 private:
  using AttributeHandler = FunctionRef<bool(std::string_view name, const char* value)>;
  using ChildHandler = FunctionRef<bool(const Child& child)>;

  // The handler for known attributes that are all plain strings: name → field. It lives until
  // the end of the call it is written in, which is as long as read_element needs it.
  struct StringFields {
    std::array<std::pair<std::string_view, std::string*>, 4> fields{};
    std::size_t count = 0;
    bool operator()(std::string_view name, const char* value) const {
      for (std::size_t k = 0; k < count; ++k) {
        if (fields[k].first != name) continue;
        *fields[k].second = value;
        return true;
      }
      return false;
    }
  };
  static StringFields strings(std::initializer_list<std::pair<std::string_view, std::string*>> list) {
    StringFields out;
    for (const auto& field : list) out.fields.at(out.count++) = field;
    return out;
  }

  // --- the common pattern -------------------------------------------------------------
  void read_element(pugi::xml_node node, model::BaseElement& base, const AttributeHandler& on_attribute,
                    const ChildHandler& on_child);
  void read_extension_elements(pugi::xml_node node, model::BaseElement& base);

  // --- namespaces ---------------------------------------------------------------------
  void push_scope(pugi::xml_node node);
  void pop_scope(pugi::xml_node node);
  std::string_view resolve(std::string_view prefix) const;
  // The namespace of an element's name, its own xmlns declarations first (Modelio writes
  // <ns5:callActivity xmlns:ns5="…/MODEL">, declaring the prefix on the element it names).
  std::string_view namespace_of(pugi::xml_node element) const;
  void remember_use(std::string_view qname, std::string_view ns);

  ForeignNode foreign(pugi::xml_node node, int slot);

  model::SourcePos pos(pugi::xml_node node) const {
    // offset_debug points at the name; the element starts one character before, at '<'.
    auto offset = node.offset_debug();
    return lines_.at(node.type() == pugi::node_element && offset > 0 ? offset - 1 : offset);
  }
  void report(pugi::xml_node node, std::string rule, Severity severity, std::string element, std::string_view message_id,
              std::vector<std::string> args = {}) {
    diagnostics_.push_back(model::diagnostic(std::move(rule), severity, std::move(element), pos(node), message_id, std::move(args)));
  }

  // --- values -------------------------------------------------------------------------
  std::optional<bool> boolean(pugi::xml_node node, std::string_view name, const char* value);
  double number(pugi::xml_node node, std::string_view name, const char* value);
  std::optional<model::Duration> duration(const ForeignNode& n, model::SourcePos at);
  std::optional<model::Duration> take_duration(model::BaseElement& base);
  std::optional<model::ServiceInfo> take_service(model::BaseElement& base);

  // --- per type -----------------------------------------------------------------------
  bool read_root_child(const Child& c, model::Definitions& defs);
  model::Process read_process(pugi::xml_node node);
  bool read_container_child(const Child& c, model::Container& content);
  // Flow nodes and flows are read into their place in the container: a FlowNode is over a
  // kilobyte, and moving each into the vector was a tenth of reading a large model.
  void read_flow_node(pugi::xml_node node, model::NodeKind kind, model::FlowNode& n);
  model::EventDefinition read_event_definition(pugi::xml_node node, model::EventKind kind);
  model::LoopCharacteristics read_loop(pugi::xml_node node, bool multi_instance);
  model::IoSpecification read_io(pugi::xml_node node);
  model::DataItem read_data_item(pugi::xml_node node);
  model::DataAssociation read_data_association(pugi::xml_node node);
  void read_sequence_flow(pugi::xml_node node, model::SequenceFlow& f);
  model::Expression read_expression(pugi::xml_node node);
  model::LaneSet read_lane_set(pugi::xml_node node);
  model::Lane read_lane(pugi::xml_node node);
  model::Artifact read_artifact(pugi::xml_node node, model::ArtifactKind kind);
  model::Collaboration read_collaboration(pugi::xml_node node);
  model::Category read_category(pugi::xml_node node);
  model::GlobalElement read_global(pugi::xml_node node, model::GlobalKind kind);
  model::Diagram read_diagram(pugi::xml_node node);
  model::DiPlane read_plane(pugi::xml_node node);
  model::DiElement read_di_element(pugi::xml_node node, model::DiKind kind);
  model::DiLabel read_label(pugi::xml_node node);
  model::Bounds read_bounds(pugi::xml_node node);
  model::Documentation read_documentation(pugi::xml_node node);
  std::string text_of(pugi::xml_node node) const { return trimmed(node.child_value()); }

  const LineIndex& lines_;
  std::vector<Diagnostic>& diagnostics_;
  // prefix → uri, innermost last; views into the DOM, which outlives every scope
  std::vector<std::pair<std::string_view, std::string_view>> scope_;
  std::vector<std::size_t> scope_sizes_;
  std::vector<model::Namespace> used_;  // namespaces of modelled elements, to hoist to the root
};

// ---------------------------------------------------------------------------------------
// Whether an attribute's name may be a namespace declaration, told by its first bytes before
// its length is taken: both walks that look for declarations ran strlen on every name.
bool may_declare(const char* name) { return name[0] == 'x' && std::strncmp(name, "xmlns", 5) == 0; }

void Reader::push_scope(pugi::xml_node node) {
  scope_sizes_.push_back(scope_.size());
  for (auto a : node.attributes()) {
    if (!may_declare(a.name())) continue;
    std::string_view name = a.name();
    if (name == "xmlns") scope_.emplace_back("", a.value());
    else if (name.substr(0, 6) == "xmlns:") scope_.emplace_back(name.substr(6), a.value());
  }
}

void Reader::pop_scope(pugi::xml_node) {
  scope_.resize(scope_sizes_.back());
  scope_sizes_.pop_back();
}

std::string_view Reader::resolve(std::string_view prefix) const {
  if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
    if (it->first == prefix) return it->second;
  return {};
}

std::string_view Reader::namespace_of(pugi::xml_node element) const {
  std::string_view prefix = prefix_of(element.name());
  for (auto a : element.attributes()) {
    if (!may_declare(a.name())) continue;
    std::string_view name = a.name();
    if (prefix.empty() ? name == "xmlns" : (name.substr(0, 6) == "xmlns:" && name.substr(6) == prefix)) return a.value();
  }
  return resolve(prefix);
}

void Reader::remember_use(std::string_view qname, std::string_view ns) {
  auto same = [&](const model::Namespace& n) { return n.uri == ns; };
  if (std::find_if(used_.begin(), used_.end(), same) == used_.end()) used_.push_back({std::string(prefix_of(qname)), std::string(ns)});
}

ForeignNode Reader::foreign(pugi::xml_node node, int slot) {
  ForeignNode out;
  out.slot = slot;
  switch (node.type()) {
    case pugi::node_pcdata: out.kind = model::ForeignKind::text; out.text = node.value(); return out;
    case pugi::node_cdata: out.kind = model::ForeignKind::cdata; out.text = node.value(); return out;
    case pugi::node_comment: out.kind = model::ForeignKind::comment; out.text = node.value(); return out;
    case pugi::node_pi:
      out.kind = model::ForeignKind::processing_instruction;
      out.qname = node.name();
      out.text = node.value();
      return out;
    default: break;
  }
  push_scope(node);
  out.kind = model::ForeignKind::element;
  out.qname = node.name();
  out.ns = std::string(resolve(prefix_of(out.qname)));
  for (auto a : node.attributes()) {
    std::string_view name = a.name();
    std::string ns(prefix_of(name).empty() || name.substr(0, 6) == "xmlns:" ? "" : resolve(prefix_of(name)));
    out.attributes.push_back({std::string(name), ns, a.value()});
  }
  for (auto child : node.children()) out.children.push_back(foreign(child, 0));
  pop_scope(node);
  return out;
}

void Reader::read_element(pugi::xml_node node, model::BaseElement& base, const AttributeHandler& on_attribute,
                          const ChildHandler& on_child) {
  push_scope(node);
  remember_use(node.name(), resolve(prefix_of(node.name())));
  base.pos = pos(node);
  for (auto a : node.attributes()) {
    std::string_view name = a.name();
    if (name == "id") {
      base.id = a.value();
      continue;
    }
    if (name.find(':') == std::string_view::npos && name != "xmlns" && on_attribute && on_attribute(name, a.value()))
      continue;
    std::string ns(prefix_of(name).empty() || name.substr(0, 6) == "xmlns:" ? "" : resolve(prefix_of(name)));
    base.extras->attributes.push_back({std::string(name), std::move(ns), a.value()});
  }
  int modelled = 0;
  // Every child is released from the DOM once read into the model (pugixml frees a page of
  // nodes when all of it is released), so a large file never holds its whole DOM and its
  // whole model at once: releasing only the root's children (processes, diagrams) still held
  // the DOM of a 100,000-node process until its last node was read.
  for (pugi::xml_node child = node.first_child(), next; child; child = next) {
    next = child.next_sibling();
    if (child.type() == pugi::node_element) {
      std::string_view qname = child.name();
      std::string_view ns = namespace_of(child);
      Child c{ns, local_name(qname), child};
      bool taken = false;
      if (ns == bpmn_model_ns && c.local == "documentation") {
        base.documentation.push_back(read_documentation(child));
        taken = true;
      } else if (ns == bpmn_model_ns && c.local == "extensionElements") {
        read_extension_elements(child, base);
        taken = true;
      } else if (on_child) {
        taken = on_child(c);
      }
      if (taken) {
        ++modelled;
        node.remove_child(child);
        continue;
      }
    } else if (child.type() == pugi::node_pcdata && is_blank(child.value())) {
      continue;
    } else if (child.type() == pugi::node_pcdata && on_child && on_child(Child{"", "#text", child})) {
      continue;  // the element's own text (annotation, expression): taken by the handler
    }
    base.extras->children.push_back(foreign(child, modelled));
  }
  pop_scope(node);
}

model::Documentation Reader::read_documentation(pugi::xml_node node) {
  model::Documentation doc;
  doc.pos = pos(node);
  for (auto a : node.attributes()) {
    std::string_view name = a.name();
    if (name == "id") doc.id = a.value();
    else if (name == "textFormat") doc.text_format = a.value();
    else doc.extras->attributes.push_back({std::string(name), std::string(resolve(prefix_of(name))), a.value()});
  }
  // Plain text is the usual case. Mixed content (markup inside) is kept whole, in order, as
  // foreign children; text then holds its characters for whoever only reads.
  bool mixed = false;
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) doc.text += child.value();
    else mixed = true;
  }
  if (mixed)
    for (auto child : node.children()) doc.extras->children.push_back(foreign(child, 0));
  return doc;
}

// A syzba duration: amount and unit, or only the text as the regulation wrote it.
std::optional<model::Duration> Reader::duration(const ForeignNode& n, model::SourcePos at) {
  std::string amount, unit, text;
  for (const auto& a : n.attributes) {
    if (a.qname == "amount") amount = a.value;
    else if (a.qname == "unit") unit = a.value;
    else if (a.qname == "text") text = a.value;
  }
  std::string element(local_name(n.qname));
  auto warn = [&](std::string_view id, std::vector<std::string> args) {
    diagnostics_.push_back(model::diagnostic("syzba-extension", Severity::warning, "", at, id, std::move(args)));
  };
  auto impossible = [&](std::string_view id, std::vector<std::string> args) {  // a value no regulation can mean: check's error
    diagnostics_.push_back(model::diagnostic("impossible-duration", Severity::error, "", at, id, std::move(args)));
  };
  if (amount.empty() && unit.empty()) {
    auto parsed = model::parse_duration(text);
    std::vector<std::string> args{element};
    args.insert(args.end(), parsed.reason.begin(), parsed.reason.end());
    if (!parsed.duration && parsed.impossible) impossible("read.duration-text", std::move(args));
    else if (!parsed.duration) warn("read.duration-text", std::move(args));
    return parsed.duration;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(amount.data(), amount.data() + amount.size(), value);
  auto parsed_unit = model::unit_from_name(unit);
  if (ec != std::errc{} || end != amount.data() + amount.size() || !std::isfinite(value) || value < 0 || !parsed_unit) {
    warn("read.duration-attributes", {element, amount, unit});
    return std::nullopt;
  }
  if (auto why = model::impossible_duration_reason(value, *parsed_unit); !why.empty()) {
    std::vector<std::string> args{element, amount, unit};
    args.insert(args.end(), why.begin(), why.end());
    impossible("read.duration-impossible", std::move(args));
    return std::nullopt;
  }
  return model::Duration{value, *parsed_unit, text};
}

void Reader::read_extension_elements(pugi::xml_node node, model::BaseElement& base) {
  push_scope(node);
  base.extras->has_extension_elements = true;
  for (auto a : node.attributes())
    base.extras->extension_attributes.push_back({a.name(), std::string(resolve(prefix_of(a.name()))), a.value()});
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pcdata && is_blank(child.value())) continue;
    base.extras->extensions.push_back(foreign(child, 0));
  }
  pop_scope(node);
}

// The syzba element of that name among the kept extension elements, if any.
std::vector<ForeignNode>::iterator find_syzba(model::BaseElement& base, std::string_view local) {
  auto& ext = base.extras->extensions;
  return std::find_if(ext.begin(), ext.end(), [&](const ForeignNode& n) {
    return n.kind == model::ForeignKind::element && n.ns == syzba_ns && local_name(n.qname) == local;
  });
}

// Takes a syzba element out of the kept extensions; a list left empty gives its memory back
// (the slot of one taken duration per activity was 8 MB of a 100,000-node model).
void drop_extension(model::BaseElement& base, std::vector<ForeignNode>::iterator it) {
  auto& ext = base.extras->extensions;
  ext.erase(it);
  if (ext.empty()) std::vector<ForeignNode>().swap(ext);
}

// Extras that say only that an <extensionElements> was there, once its syzba duration is
// taken, are given back: the writer writes one for the duration anyway, and they were 5 MB of
// a 100,000-node model (one Extras per timed activity).
void forget_bare_extension_elements(model::BaseElement& base) {
  const model::Extras& e = *std::as_const(base.extras);
  if (e.attributes.empty() && e.children.empty() && e.extensions.empty() && e.extension_attributes.empty())
    base.extras = model::KeptExtras{};
}

// Moves a valid syzba:duration from the kept extensions onto the activity; an invalid one
// stays kept (nothing is lost) and is reported.
bool keeps_extensions(const model::BaseElement& base) { return !base.extras->extensions.empty(); }

std::optional<model::Duration> Reader::take_duration(model::BaseElement& base) {
  if (!keeps_extensions(base)) return std::nullopt;  // looked at without making extras
  auto it = find_syzba(base, "duration");
  if (it == base.extras->extensions.end()) return std::nullopt;
  auto d = duration(*it, base.pos);
  if (d) {
    remember_use(it->qname, it->ns);
    drop_extension(base, it);
    forget_bare_extension_elements(base);
  }
  return d;
}

std::optional<model::ServiceInfo> Reader::take_service(model::BaseElement& base) {
  if (!keeps_extensions(base)) return std::nullopt;
  auto it = find_syzba(base, "service");
  if (it == base.extras->extensions.end()) return std::nullopt;
  model::ServiceInfo info;
  for (const auto& a : it->attributes) {
    if (a.qname == "name") info.name = a.value;
    else if (a.qname == "regulation") info.regulation = a.value;
    else if (a.qname == "appendix") info.appendix = a.value;
    else if (a.qname == "source") info.source = a.value;
  }
  for (const auto& c : it->children) {
    if (c.kind != model::ForeignKind::element || c.ns != syzba_ns || local_name(c.qname) != "term") continue;
    info.term = duration(c, base.pos);
    if (!info.term) return std::nullopt;  // reported; the element stays kept as it was
  }
  remember_use(it->qname, it->ns);
  drop_extension(base, it);
  return info;
}

std::optional<bool> Reader::boolean(pugi::xml_node node, std::string_view name, const char* value) {
  std::string_view v = value;
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  report(node, "invalid-value", Severity::error, node.attribute("id").value(), "read.not-boolean", {std::string(name), std::string(v)});
  return std::nullopt;
}

double Reader::number(pugi::xml_node node, std::string_view name, const char* value) {
  std::string v = trimmed(value);
  double out = 0;
  const char* begin = v.data() + (v.size() > 1 && v[0] == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, v.data() + v.size(), out);
  if (ec != std::errc{} || end != v.data() + v.size() || v.empty() || !std::isfinite(out)) {
    // Only diagram coordinates are numbers here: a drawing verb repairs them (the layout
    // places what has no usable bounds), convert refuses them.
    bool missing = v.empty() && !node.attribute(std::string(name).c_str());
    report(node, "invalid-di", Severity::error, node.attribute("id").value(), missing ? "read.no-attribute" : "read.not-number",
           {missing ? node.name() : std::string(name), missing ? std::string(name) : std::string(value)});
    return std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

// ---------------------------------------------------------------------------------------
model::Definitions Reader::read_definitions(pugi::xml_node root) {
  model::Definitions defs;
  for (auto a : root.attributes()) {
    std::string_view name = a.name();
    if (name == "xmlns") defs.namespaces.push_back({"", a.value()});
    else if (name.substr(0, 6) == "xmlns:") defs.namespaces.push_back({std::string(name.substr(6)), a.value()});
  }
  read_element(
      root, defs,
      strings({{"name", &defs.name}, {"targetNamespace", &defs.target_namespace}}),
      [&](const Child& c) { return read_root_child(c, defs); });
  // The root's declarations are the namespace list; drop their copies from the extras.
  auto& attrs = defs.extras->attributes;
  attrs.erase(std::remove_if(attrs.begin(), attrs.end(),
                             [](const auto& a) { return a.qname == "xmlns" || a.qname.substr(0, 6) == "xmlns:"; }),
              attrs.end());
  defs.service = take_service(defs);
  // Namespaces that modelled elements use but the root does not declare are hoisted to it,
  // so the writer, which declares everything on the root, writes what it read.
  for (const auto& used : used_) {
    auto declared = [&](const model::Namespace& n) { return n.uri == used.uri; };
    if (used.uri.empty() || std::find_if(defs.namespaces.begin(), defs.namespaces.end(), declared) != defs.namespaces.end())
      continue;
    std::string prefix = used.prefix;
    auto taken = [&](const std::string& p) {
      return std::any_of(defs.namespaces.begin(), defs.namespaces.end(), [&](const auto& n) { return n.prefix == p; });
    };
    for (int k = 2; taken(prefix); ++k) prefix = (used.prefix.empty() ? "ns" : used.prefix) + std::to_string(k);
    defs.namespaces.push_back({prefix, used.uri});
  }
  return defs;
}

bool Reader::read_root_child(const Child& c, model::Definitions& defs) {
  if (c.ns == bpmn_di_ns && c.local == "BPMNDiagram") {
    defs.diagrams.push_back(read_diagram(c.node));
    return true;
  }
  if (c.ns != bpmn_model_ns) return false;
  if (c.local == "process") {
    defs.processes.push_back(read_process(c.node));
    return true;
  }
  if (c.local == "collaboration") {
    defs.collaborations.push_back(read_collaboration(c.node));
    return true;
  }
  if (c.local == "category") {
    defs.categories.push_back(read_category(c.node));
    return true;
  }
  if (auto kind = model::global_kind_from_type(c.local)) {
    defs.globals.push_back(read_global(c.node, *kind));
    return true;
  }
  return false;
}

model::Process Reader::read_process(pugi::xml_node node) {
  model::Process p;
  reserve_container(node, p.content);
  read_element(
      node, p,
      strings({{"name", &p.name}}),
      [&](const Child& c) {
        if (c.ns == bpmn_model_ns && c.local == "ioSpecification") {
          p.io = read_io(c.node);
          return true;
        }
        return read_container_child(c, p.content);
      });
  p.service = take_service(p);
  return p;
}

bool Reader::read_container_child(const Child& c, model::Container& content) {
  if (c.ns != bpmn_model_ns) return false;
  if (auto kind = model::node_kind_from_type(c.local)) {
    read_flow_node(c.node, *kind, content.nodes.emplace_back());
    return true;
  }
  if (c.local == "sequenceFlow") {
    read_sequence_flow(c.node, content.flows.emplace_back());
    return true;
  }
  if (c.local == "laneSet") {
    content.lane_sets.push_back(read_lane_set(c.node));
    return true;
  }
  if (c.local == "dataObject") {
    model::DataObject d;
    read_element(
        c.node, d,
        [&](std::string_view name, const char* value) {
          if (name == "name") d.name = value;
          else if (name == "isCollection") d.is_collection = boolean(c.node, name, value);
          else return false;
          return true;
        },
        nullptr);
    content.data_objects.push_back(std::move(d));
    return true;
  }
  if (c.local == "dataObjectReference") {
    model::DataObjectReference d;
    read_element(
        c.node, d,
        strings({{"name", &d.name}, {"dataObjectRef", &d.data_object}}),
        nullptr);
    content.data_object_refs.push_back(std::move(d));
    return true;
  }
  if (c.local == "dataStoreReference") {
    model::DataStoreReference d;
    read_element(
        c.node, d,
        strings({{"name", &d.name}, {"dataStoreRef", &d.data_store}}),
        nullptr);
    content.data_store_refs.push_back(std::move(d));
    return true;
  }
  if (c.local == "textAnnotation") {
    content.artifacts.push_back(read_artifact(c.node, model::ArtifactKind::text_annotation));
    return true;
  }
  if (c.local == "association") {
    content.artifacts.push_back(read_artifact(c.node, model::ArtifactKind::association));
    return true;
  }
  if (c.local == "group") {
    content.artifacts.push_back(read_artifact(c.node, model::ArtifactKind::group));
    return true;
  }
  return false;
}

void Reader::read_flow_node(pugi::xml_node node, model::NodeKind kind, model::FlowNode& n) {
  n.kind = kind;
  if (model::is_sub_process(kind)) reserve_container(node, *n.content);
  read_element(
      node, n,
      [&](std::string_view name, const char* value) {
        if (name == "name") n.name = value;
        else if (name == "default") n.default_flow = value;
        else if (name == "attachedToRef" && kind == model::NodeKind::boundary_event) n.attached_to = value;
        else if (name == "cancelActivity" && kind == model::NodeKind::boundary_event) n.cancel_activity = boolean(node, name, value);
        else if (name == "isInterrupting" && kind == model::NodeKind::start_event) n.is_interrupting = boolean(node, name, value);
        else if (name == "parallelMultiple" && model::is_event(kind)) n.parallel_multiple = boolean(node, name, value);
        else if (name == "isForCompensation" && model::is_activity(kind)) n.is_for_compensation = boolean(node, name, value);
        else if (name == "triggeredByEvent" && model::is_sub_process(kind)) n.triggered_by_event = boolean(node, name, value);
        else if (name == "calledElement" && kind == model::NodeKind::call_activity) n.called_element = value;
        else return false;
        return true;
      },
      [&](const Child& c) {
        if (c.ns != bpmn_model_ns) return false;
        if (c.local == "incoming") n.incoming.push_back(text_of(c.node));
        else if (c.local == "outgoing") n.outgoing.push_back(text_of(c.node));
        else if (auto ek = model::event_kind_from_type(c.local); ek && model::is_event(kind))
          n.event_definitions.push_back(read_event_definition(c.node, *ek));
        else if (c.local == "standardLoopCharacteristics" && model::is_activity(kind)) n.loop = read_loop(c.node, false);
        else if (c.local == "multiInstanceLoopCharacteristics" && model::is_activity(kind)) n.loop = read_loop(c.node, true);
        else if (c.local == "ioSpecification" && model::is_activity(kind)) n.io = read_io(c.node);
        else if (c.local == "dataInputAssociation") n.data_inputs.push_back(read_data_association(c.node));
        else if (c.local == "dataOutputAssociation") n.data_outputs.push_back(read_data_association(c.node));
        else if (model::is_sub_process(kind)) return read_container_child(c, *n.content);
        else return false;
        return true;
      });
  if (model::is_activity(kind)) n.duration = take_duration(n);
}

model::EventDefinition Reader::read_event_definition(pugi::xml_node node, model::EventKind kind) {
  model::EventDefinition d;
  d.kind = kind;
  read_element(
      node, d,
      [&](std::string_view name, const char* value) {
        bool is_ref = (kind == model::EventKind::message && name == "messageRef") ||
                      (kind == model::EventKind::signal && name == "signalRef") ||
                      (kind == model::EventKind::error && name == "errorRef") ||
                      (kind == model::EventKind::escalation && name == "escalationRef");
        if (is_ref) d.ref = value;
        else if (kind == model::EventKind::link && name == "name") d.name = value;
        else return false;
        return true;
      },
      nullptr);
  return d;
}

model::LoopCharacteristics Reader::read_loop(pugi::xml_node node, bool multi_instance) {
  model::LoopCharacteristics loop;
  loop.multi_instance = multi_instance;
  read_element(
      node, loop,
      [&](std::string_view name, const char* value) {
        if (!multi_instance || name != "isSequential") return false;
        loop.is_sequential = boolean(node, name, value);
        return true;
      },
      nullptr);
  return loop;
}

model::DataItem Reader::read_data_item(pugi::xml_node node) {
  model::DataItem item;
  read_element(
      node, item,
      [&](std::string_view name, const char* value) {
        if (name == "name") item.name = value;
        else if (name == "isCollection") item.is_collection = boolean(node, name, value);
        else return false;
        return true;
      },
      nullptr);
  return item;
}

model::IoSpecification Reader::read_io(pugi::xml_node node) {
  model::IoSpecification io;
  read_element(node, io, nullptr, [&](const Child& c) {
    if (c.ns != bpmn_model_ns) return false;
    if (c.local == "dataInput") io.inputs.push_back(read_data_item(c.node));
    else if (c.local == "dataOutput") io.outputs.push_back(read_data_item(c.node));
    else return false;
    return true;
  });
  return io;
}

model::DataAssociation Reader::read_data_association(pugi::xml_node node) {
  model::DataAssociation a;
  read_element(node, a, nullptr, [&](const Child& c) {
    if (c.ns != bpmn_model_ns) return false;
    if (c.local == "sourceRef") a.sources.push_back(text_of(c.node));
    else if (c.local == "targetRef") a.target = text_of(c.node);
    else return false;
    return true;
  });
  return a;
}

void Reader::read_sequence_flow(pugi::xml_node node, model::SequenceFlow& f) {
  read_element(
      node, f,
      strings({{"name", &f.name}, {"sourceRef", &f.source}, {"targetRef", &f.target}}),
      [&](const Child& c) {
        if (c.ns != bpmn_model_ns || c.local != "conditionExpression") return false;
        f.condition = read_expression(c.node);
        return true;
      });
}

model::Expression Reader::read_expression(pugi::xml_node node) {
  model::Expression e;
  read_element(node, e, nullptr, [&](const Child& c) {
    if (c.local != "#text") return false;
    e.text += c.node.value();
    return true;
  });
  return e;
}

model::LaneSet Reader::read_lane_set(pugi::xml_node node) {
  model::LaneSet set;
  read_element(
      node, set,
      strings({{"name", &set.name}}),
      [&](const Child& c) {
        if (c.ns != bpmn_model_ns || c.local != "lane") return false;
        set.lanes.push_back(read_lane(c.node));
        return true;
      });
  return set;
}

model::Lane Reader::read_lane(pugi::xml_node node) {
  model::Lane lane;
  read_element(
      node, lane,
      strings({{"name", &lane.name}}),
      [&](const Child& c) {
        if (c.ns != bpmn_model_ns) return false;
        if (c.local == "flowNodeRef") lane.flow_node_refs.push_back(text_of(c.node));
        else if (c.local == "childLaneSet") lane.child_lane_sets.push_back(read_lane_set(c.node));
        else return false;
        return true;
      });
  return lane;
}

model::Artifact Reader::read_artifact(pugi::xml_node node, model::ArtifactKind kind) {
  model::Artifact a;
  a.kind = kind;
  read_element(
      node, a,
      [&](std::string_view name, const char* value) {
        if (kind == model::ArtifactKind::association && name == "sourceRef") a.source = value;
        else if (kind == model::ArtifactKind::association && name == "targetRef") a.target = value;
        else if (kind == model::ArtifactKind::group && name == "categoryValueRef") a.category_value = value;
        else return false;
        return true;
      },
      [&](const Child& c) {
        if (kind != model::ArtifactKind::text_annotation || c.ns != bpmn_model_ns || c.local != "text") return false;
        a.text = c.node.child_value();
        return true;
      });
  return a;
}

model::Collaboration Reader::read_collaboration(pugi::xml_node node) {
  model::Collaboration col;
  read_element(
      node, col,
      strings({{"name", &col.name}}),
      [&](const Child& c) {
        if (c.ns != bpmn_model_ns) return false;
        if (c.local == "participant") {
          model::Participant p;
          read_element(
              c.node, p,
              strings({{"name", &p.name}, {"processRef", &p.process}}),
              nullptr);
          col.participants.push_back(std::move(p));
        } else if (c.local == "messageFlow") {
          model::MessageFlow m;
          read_element(
              c.node, m,
              strings({{"name", &m.name}, {"sourceRef", &m.source}, {"targetRef", &m.target}, {"messageRef", &m.message}}),
              nullptr);
          col.message_flows.push_back(std::move(m));
        } else if (c.local == "textAnnotation") {
          col.artifacts.push_back(read_artifact(c.node, model::ArtifactKind::text_annotation));
        } else if (c.local == "association") {
          col.artifacts.push_back(read_artifact(c.node, model::ArtifactKind::association));
        } else if (c.local == "group") {
          col.artifacts.push_back(read_artifact(c.node, model::ArtifactKind::group));
        } else {
          return false;
        }
        return true;
      });
  return col;
}

model::Category Reader::read_category(pugi::xml_node node) {
  model::Category cat;
  read_element(
      node, cat,
      strings({{"name", &cat.name}}),
      [&](const Child& c) {
        if (c.ns != bpmn_model_ns || c.local != "categoryValue") return false;
        model::CategoryValue v;
        read_element(
            c.node, v,
            strings({{"value", &v.value}}),
            nullptr);
        cat.values.push_back(std::move(v));
        return true;
      });
  return cat;
}

model::GlobalElement Reader::read_global(pugi::xml_node node, model::GlobalKind kind) {
  model::GlobalElement g;
  g.kind = kind;
  read_element(
      node, g,
      [&](std::string_view name, const char* value) {
        if (name != "name" || kind == model::GlobalKind::item_definition) return false;
        g.name = value;
        return true;
      },
      nullptr);
  return g;
}

model::Diagram Reader::read_diagram(pugi::xml_node node) {
  model::Diagram d;
  bool has_plane = false;
  read_element(
      node, d,
      strings({{"name", &d.name}}),
      [&](const Child& c) {
        if (c.ns != bpmn_di_ns) return false;
        if (c.local == "BPMNPlane" && !has_plane) {
          d.plane = read_plane(c.node);
          has_plane = true;
        } else if (c.local == "BPMNLabelStyle") {
          model::LabelStyle s;
          read_element(c.node, s, nullptr, nullptr);
          d.label_styles.push_back(std::move(s));
        } else {
          return false;
        }
        return true;
      });
  if (!has_plane) report(node, "invalid-di", Severity::error, d.id, "read.diagram-no-plane");
  return d;
}

model::DiPlane Reader::read_plane(pugi::xml_node node) {
  model::DiPlane plane;
  plane.elements.reserve(count_children(node, [](std::string_view l) { return l == "BPMNShape" || l == "BPMNEdge"; }));
  read_element(
      node, plane,
      strings({{"bpmnElement", &plane.element}}),
      [&](const Child& c) {
        if (c.ns != bpmn_di_ns) return false;
        if (c.local == "BPMNShape") plane.elements.push_back(read_di_element(c.node, model::DiKind::shape));
        else if (c.local == "BPMNEdge") plane.elements.push_back(read_di_element(c.node, model::DiKind::edge));
        else return false;
        return true;
      });
  if (plane.element.empty())
    report(node, "invalid-di", Severity::error, plane.id, "read.plane-no-element");
  return plane;
}

model::Bounds Reader::read_bounds(pugi::xml_node node) {
  model::Bounds b;
  b.x = number(node, "x", node.attribute("x").value());
  b.y = number(node, "y", node.attribute("y").value());
  b.width = number(node, "width", node.attribute("width").value());
  b.height = number(node, "height", node.attribute("height").value());
  return b;
}

model::DiElement Reader::read_di_element(pugi::xml_node node, model::DiKind kind) {
  model::DiElement e;
  e.kind = kind;
  bool has_bounds = false;
  read_element(
      node, e,
      [&](std::string_view name, const char* value) {
        if (name == "bpmnElement") e.element = value;
        else if (name == "isHorizontal" && kind == model::DiKind::shape) e.is_horizontal = boolean(node, name, value);
        else if (name == "isExpanded" && kind == model::DiKind::shape) e.is_expanded = boolean(node, name, value);
        else if (name == "isMarkerVisible" && kind == model::DiKind::shape) e.is_marker_visible = boolean(node, name, value);
        else if (name == "isMessageVisible" && kind == model::DiKind::shape) e.is_message_visible = boolean(node, name, value);
        else if (name == "sourceElement" && kind == model::DiKind::edge) e.source_element = value;
        else if (name == "targetElement" && kind == model::DiKind::edge) e.target_element = value;
        else return false;
        return true;
      },
      [&](const Child& c) {
        if (c.ns == bpmn_di_ns && c.local == "BPMNLabel" && !e.label) {
          e.label = read_label(c.node);
        } else if (kind == model::DiKind::shape && c.ns == dd_dc_ns && c.local == "Bounds" && !has_bounds) {
          remember_use(c.node.name(), c.ns);
          e.bounds = read_bounds(c.node);
          has_bounds = true;
        } else if (kind == model::DiKind::edge && c.ns == dd_di_ns && c.local == "waypoint") {
          remember_use(c.node.name(), c.ns);
          model::Waypoint w;
          for (auto a : c.node.attributes()) {
            std::string_view name = a.name();
            if (name == "x") w.x = number(c.node, name, a.value());
            else if (name == "y") w.y = number(c.node, name, a.value());
            else w.attributes.push_back({std::string(name), std::string(resolve(prefix_of(name))), a.value()});
          }
          e.waypoints.push_back(std::move(w));
        } else {
          return false;
        }
        return true;
      });
  if (kind == model::DiKind::shape && !has_bounds) {
    report(node, "invalid-di", Severity::error, e.id, "read.shape-no-bounds", {e.element});
    double nowhere = std::numeric_limits<double>::quiet_NaN();  // not (0, 0): the layout must place it
    e.bounds = {nowhere, nowhere, nowhere, nowhere};
  }
  if (kind == model::DiKind::edge && e.waypoints.size() < 2)
    report(node, "invalid-di", Severity::error, e.id, "read.edge-few-waypoints", {e.element});
  return e;
}

model::DiLabel Reader::read_label(pugi::xml_node node) {
  model::DiLabel label;
  read_element(
      node, label,
      strings({{"labelStyle", &label.label_style}}),
      [&](const Child& c) {
        if (c.ns != dd_dc_ns || c.local != "Bounds" || label.bounds) return false;
        remember_use(c.node.name(), c.ns);
        label.bounds = read_bounds(c.node);
        return true;
      });
  return label;
}

Diagnostic fatal(std::string_view message_id, std::vector<std::string> args = {}, model::SourcePos at = {}) {
  return model::diagnostic("unreadable", Severity::error, "", at, message_id, std::move(args));
}

// The first element, in document order, nested deeper than the limit, past the element limit,
// with a duplicate attribute or with a name that is no qualified XML name. Found by the
// lexical scan on the text, before the parse: a walk over the parsed DOM (a call into
// pugixml for every node and attribute) was an eighth of reading a large model. It is told
// only when the parse succeeds, as the walk was.
struct Breach {
  std::size_t at = std::string_view::npos;  // the offset of the element's '<'
  bool too_many = false;
  bool duplicate_attribute = false;
  std::string bad_name;  // an element or attribute name that is no (qualified) XML name
};

// pugixml takes names such as "xmlns:9dc" that XML with namespaces forbids; written back,
// they would make a file no reader (syzba's included) accepts.
bool qualified_name_ok(std::string_view name) {
  auto part_ok = [](std::string_view part) {
    return !part.empty() && !(part[0] >= '0' && part[0] <= '9') && part[0] != '-' && part[0] != '.';
  };
  auto colon = name.find(':');
  if (colon == std::string_view::npos) return part_ok(name);
  return part_ok(name.substr(0, colon)) && part_ok(name.substr(colon + 1)) &&
         name.find(':', colon + 1) == std::string_view::npos;
}

bool has_duplicate(std::vector<std::string_view> names) {
  std::sort(names.begin(), names.end());
  return std::adjacent_find(names.begin(), names.end()) != names.end();
}

bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The names of one start tag, gathered from the runs of text between its attribute values:
// the first run begins with the element's name, and each run's name before '=' is an
// attribute's. What is wrong with them is said once the tag ends (name_fault).
class TagNames {
 public:
  void add_run(std::string_view run) {
    std::size_t k = 0;
    if (!element_seen_) {
      while (k < run.size() && !xml_space(run[k]) && run[k] != '/') ++k;
      element_ = run.substr(0, k);
      element_seen_ = true;
    }
    while (k < run.size() && xml_space(run[k])) ++k;
    std::size_t begin = k;
    while (k < run.size() && !xml_space(run[k]) && run[k] != '=') ++k;
    if (k > begin && run.find('=', k) != std::string_view::npos) add_attribute(run.substr(begin, k - begin));
  }
  // A duplicate attribute, else the first name that is no qualified XML name.
  void fault(Breach& out) {
    std::string_view bad;
    if (!qualified_name_ok(element_)) bad = element_;
    for (std::size_t k = 0; k < count_ && bad.empty(); ++k)
      if (!qualified_name_ok(few_[k])) bad = few_[k];
    for (std::size_t k = few_.size(); k < many_.size() && bad.empty(); ++k)
      if (!qualified_name_ok(many_[k])) bad = many_[k];
    if (!many_.empty()) duplicate_ = has_duplicate(std::move(many_));
    out.duplicate_attribute = duplicate_;
    if (!duplicate_) out.bad_name = bad;
  }
 private:
  // Elements have a few attributes: compared pairwise on the stack, as a vector per element
  // cost more than the comparisons; sorted only for a long list.
  void add_attribute(std::string_view name) {
    if (count_ < few_.size()) {
      for (std::size_t j = 0; j < count_; ++j) duplicate_ = duplicate_ || few_[j] == name;
      few_[count_++] = name;
      return;
    }
    if (many_.empty()) many_.assign(few_.begin(), few_.end());
    many_.push_back(name);
  }
  std::string_view element_;
  bool element_seen_ = false, duplicate_ = false;
  std::array<std::string_view, 8> few_;
  std::size_t count_ = 0;
  std::vector<std::string_view> many_;  // all of them, once there are more than eight
};

// What the scan before the parse found: a lexical error (offset and message id), and the
// first breach of the limits or of names (told after a successful parse).
struct Scan {
  std::optional<std::pair<std::size_t, std::string_view>> lexical;
  Breach breach;
};

// The breach a start tag makes, if any: too deep, then past the element limit, then its names.
void note_breach(Breach& breach, std::size_t tag, int depth, std::size_t elements, TagNames& names, int max_depth,
                 std::size_t max_elements) {
  if (depth > max_depth || elements > max_elements) {
    breach.at = tag;
    breach.too_many = depth <= max_depth;
    return;
  }
  Breach found;
  names.fault(found);
  if (found.duplicate_attribute || !found.bad_name.empty()) {
    breach = std::move(found);
    breach.at = tag;
  }
}

// What pugixml lets through but XML forbids, found in one pass over the text: a '&' that
// starts no reference (or names an entity XML does not predefine: a file cannot declare any,
// see below), and '<' inside an attribute value; with the first breach (see Breach) on the way.
Scan scan_text(std::string_view t, int max_depth, std::size_t max_elements) {
  Scan out;
  std::size_t elements = 0;
  auto fail = [&](std::size_t at, std::string_view message_id) {
    out.lexical = std::pair{at, message_id};
    return out;
  };
  auto skip_to = [&](std::size_t from, std::string_view end) {
    auto at = t.find(end, from);
    return at == std::string_view::npos ? t.size() : at + end.size();
  };
  auto reference_ok = [&](std::size_t at) {
    auto semi = t.find(';', at);
    if (semi == std::string_view::npos || semi - at > 12) return false;
    std::string_view name = t.substr(at + 1, semi - at - 1);
    if (name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot") return true;
    if (name.size() >= 2 && name[0] == '#' && name[1] == 'x')
      return name.size() > 2 && name.substr(2).find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
    return name.size() >= 2 && name[0] == '#' && name.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
  };
  // Bytes that text content can be passed over by (anything but '<', '&' and, after the
  // root, what is not white space), looked up in a table: most of a file is passed over.
  static const auto plain_text = [] {
    std::array<bool, 256> table;
    table.fill(true);
    table['<'] = table['&'] = false;
    return table;
  }();
  static const auto tag_stop = [] {  // what ends a tag's run of names: a quote or '>'
    std::array<bool, 256> table{};
    table['"'] = table['\''] = table['>'] = true;
    return table;
  }();
  static const auto value_stop = [] {  // what an attribute value is looked at for: either quote, '<' or '&'
    std::array<bool, 256> table{};
    table['"'] = table['\''] = table['<'] = table['&'] = true;
    return table;
  }();
  int depth = 0;
  bool root_closed = false;
  for (std::size_t i = 0; i < t.size();) {
    if (!root_closed)
      while (i < t.size() && plain_text[static_cast<unsigned char>(t[i])]) ++i;
    if (i >= t.size()) break;
    char c = t[i];
    if (c == '&') {
      if (!reference_ok(i)) return fail(i, "read.xml.bad-ampersand");
      ++i;
    } else if (c != '<') {
      if (root_closed && c != ' ' && c != '\t' && c != '\r' && c != '\n')
        return fail(i, "read.xml.content-after-root");
      ++i;
    } else if (i + 1 < t.size() && (t[i + 1] == '!' || t[i + 1] == '?')) {
      // Markup other than a tag, told by its second byte: most '<' start tags, which are then
      // not compared with each of these.
      if (t.compare(i, 4, "<!--") == 0) {
        i = skip_to(i + 4, "-->");
        continue;
      }
      if (t.compare(i, 9, "<![CDATA[") == 0) {
        i = skip_to(i + 9, "]]>");
        continue;
      }
      if (t[i + 1] == '?') {
        i = skip_to(i + 2, "?>");
        continue;
      }
      // A DOCTYPE: its internal subset may hold quotes and '<'; skip to its end. Entity
      // declarations are refused before anything else is said about the file.
      std::size_t start = i;
      int depth = 0;
      for (++i; i < t.size(); ++i) {
        if (t.compare(i, 8, "<!ENTITY") == 0)
          return fail(start, "read.entities");
        if (t[i] == '[') ++depth;
        else if (t[i] == ']') --depth;
        else if (t[i] == '>' && depth <= 0) break;
      }
      ++i;
    } else {
      // A tag: attribute values in quotes may not hold '<', and their '&' must be references.
      if (root_closed) return fail(i, "read.xml.content-after-root");
      std::size_t tag = i;
      bool end_tag = i + 1 < t.size() && t[i + 1] == '/';
      // Names are looked at until the first breach; a start tag is an element of the DOM.
      bool names = !end_tag && out.breach.at == std::string_view::npos;
      TagNames tag_names;
      for (++i; i < t.size() && t[i] != '>';) {
        bool value = t[i] == '"' || t[i] == '\'';
        if (value) {
          // The value up to its closing quote, in one pass that stops only at quotes, '<' and
          // '&' (find_first_of("<&") looked each byte up in that string).
          char quote = t[i];
          for (++i;; ++i) {
            while (i < t.size() && !value_stop[static_cast<unsigned char>(t[i])]) ++i;
            if (i >= t.size() || t[i] == quote) break;
            if (t[i] == '<') return fail(i, "read.xml.lt-in-attribute");
            if (t[i] == '&' && !reference_ok(i)) return fail(i, "read.xml.bad-ampersand");
          }
        }
        std::size_t run = std::min(value ? i + 1 : i, t.size());  // a value may run to the end
        ++i;
        while (i < t.size() && !tag_stop[static_cast<unsigned char>(t[i])]) ++i;  // names, '=', spaces
        if (names) tag_names.add_run(t.substr(run, i - run));
      }
      if (names) note_breach(out.breach, tag, depth, ++elements, tag_names, max_depth, max_elements);
      bool self_closing = i > 0 && i < t.size() && t[i - 1] == '/';
      depth += end_tag ? -1 : self_closing ? 0 : 1;
      root_closed = depth <= 0;
      ++i;
    }
  }
  return out;
}

Diagnostic too_large(std::size_t size, std::size_t limit) {
  return fatal("read.too-large", {std::to_string(size), std::to_string(limit)});
}

}  // namespace

ReadResult read_bpmn(std::string bytes, const ReadLimits& limits) {
  ReadResult result;
  if (bytes.size() > limits.max_bytes) {
    result.diagnostics.push_back(too_large(bytes.size(), limits.max_bytes));
    return result;
  }
  auto utf8 = to_utf8(std::move(bytes));
  if (!utf8.text) {
    result.diagnostics.push_back(fatal(utf8.error.id, utf8.error.args, {utf8.error_line, utf8.error_column}));
    return result;
  }
  if (!utf8.warning.id.empty())
    result.diagnostics.push_back(model::diagnostic("invalid-encoding", Severity::warning, "", {utf8.warning_line, utf8.warning_column},
                                                   utf8.warning.id, utf8.warning.args));
  std::string& text = *utf8.text;
  // Line starts are 32-bit offsets (LineIndex); no DOM of a larger text would fit anyway.
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    result.diagnostics.push_back(too_large(text.size(), std::numeric_limits<std::uint32_t>::max()));
    return result;
  }
  // Positions of errors found after the parse are those of the text before it: the line
  // starts are taken now. The reader's own index counts on the parsed text, as it always has.
  LineIndex lines(text);
  Scan scan = scan_text(text, limits.max_depth, limits.max_elements);
  if (auto lexical = scan.lexical) {
    result.diagnostics.push_back(fatal(lexical->second, {}, lines.at(static_cast<std::ptrdiff_t>(lexical->first))));
    return result;
  }
  pugi::xml_document doc;
  unsigned options = pugi::parse_default | pugi::parse_comments | pugi::parse_pi | pugi::parse_doctype;
  pugi::xml_parse_result parsed = doc.load_buffer_inplace(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    result.diagnostics.push_back(
        fatal("read.xml.parser", {parsed.description()}, lines.at(parsed.offset)));
    return result;
  }
  pugi::xml_node root = doc.document_element();
  for (auto n = root.next_sibling(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element || (n.type() == pugi::node_pcdata && !is_blank(n.value()))) {
      result.diagnostics.push_back(fatal("read.xml.content-after-root", {}, lines.at(n.offset_debug())));
      return result;
    }
  for (auto n : doc.children()) {
    if (n.type() == pugi::node_doctype && std::string_view(n.value()).find("ENTITY") != std::string_view::npos) {
      result.diagnostics.push_back(fatal("read.entities", {}, lines.at(n.offset_debug())));
      return result;
    }
  }
  if (const Breach& breach = scan.breach; breach.at != std::string_view::npos) {
    auto at = lines.at(static_cast<std::ptrdiff_t>(breach.at));
    result.diagnostics.push_back(breach.duplicate_attribute ? fatal("read.xml.duplicate-attribute", {}, at)
                                 : !breach.bad_name.empty() ? fatal("read.xml.bad-name", {breach.bad_name}, at)
                                 : breach.too_many          ? fatal("read.too-many-elements", {std::to_string(limits.max_elements)}, at)
                                                            : fatal("read.too-deep", {std::to_string(limits.max_depth)}, at));
    return result;
  }
  std::string_view root_name = root.name();
  auto colon = root_name.find(':');
  std::string prefix(colon == std::string_view::npos ? "" : root_name.substr(0, colon));
  std::string root_ns(root.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix).c_str()).value());
  if (local_name(root_name) != "definitions" || root_ns != bpmn_model_ns) {
    auto at = lines.at(root.offset_debug() - 1);
    result.diagnostics.push_back(root_ns.empty()
                                     ? fatal("read.not-bpmn", {std::string(root_name), std::string(bpmn_model_ns)}, at)
                                     : fatal("read.not-bpmn-namespace", {std::string(root_name), root_ns, std::string(bpmn_model_ns)}, at));
    return result;
  }
  Reader reader(lines, result.diagnostics);
  model::Definitions defs = reader.read_definitions(root);
  for (auto n : doc.children()) {
    if (n == root) break;
    if (n.type() == pugi::node_comment) defs.prolog.push_back({model::ForeignKind::comment, "", "", {}, {}, n.value(), 0});
    if (n.type() == pugi::node_pi)
      defs.prolog.push_back({model::ForeignKind::processing_instruction, n.name(), "", {}, {}, n.value(), 0});
  }
  unqualify_references(defs);
  result.definitions = std::move(defs);
  return result;
}

namespace {

// Room for size bytes; a large buffer is asked to be backed by huge pages where the system
// offers them on request (transparent huge pages "madvise"): a 37 MB file took 9,000 page
// faults to read, one per 4 KiB. A system without them ignores the advice.
void reserve_large(std::string& s, std::size_t size) {
  s.reserve(size);
  constexpr std::size_t huge = std::size_t{2} << 20, page = 4096;
  if (size < 2 * huge) return;
  auto begin = (reinterpret_cast<std::uintptr_t>(s.data()) + page - 1) & ~(page - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(s.data()) + size) & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace

FileBytes read_file_bytes(const std::string& path, const ReadLimits& limits) {
  FileBytes out;
  if (path == "-") {
    out.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (out.bytes.size() > limits.max_bytes) out.error = too_large(out.bytes.size(), limits.max_bytes);
    return out;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return {{}, fatal("read.directory")};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{}, fatal("read.cannot-open", {std::strerror(errno)})};
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes) return {{}, too_large(size, limits.max_bytes)};
  if (!ec) reserve_large(out.bytes, size);
  out.bytes.resize(ec ? 0 : size);
  in.read(out.bytes.data(), static_cast<std::streamsize>(out.bytes.size()));
  out.bytes.resize(static_cast<std::size_t>(in.gcount()));
  for (char chunk[65536]; in.read(chunk, sizeof chunk) || in.gcount() > 0;)  // a file that grew, or a pipe
    out.bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
  return out;
}

ReadResult read_bpmn_file(const std::string& path, const ReadLimits& limits) {
  auto file = read_file_bytes(path, limits);
  if (file.error) return {std::nullopt, {*file.error}};
  return read_bpmn(std::move(file.bytes), limits);
}

}  // namespace syzba::io
