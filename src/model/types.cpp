// BPMN type names of the model's kinds: one table per enum, read both ways.
#include <algorithm>
#include <array>
#include <utility>

#include "model/model.h"

namespace syzba::model {
namespace {

template <class Kind, std::size_t N>
using NameTable = std::array<std::pair<Kind, std::string_view>, N>;

constexpr NameTable<NodeKind, 22> node_names{{
    {NodeKind::task, "task"},
    {NodeKind::user_task, "userTask"},
    {NodeKind::service_task, "serviceTask"},
    {NodeKind::send_task, "sendTask"},
    {NodeKind::receive_task, "receiveTask"},
    {NodeKind::manual_task, "manualTask"},
    {NodeKind::business_rule_task, "businessRuleTask"},
    {NodeKind::script_task, "scriptTask"},
    {NodeKind::call_activity, "callActivity"},
    {NodeKind::sub_process, "subProcess"},
    {NodeKind::transaction, "transaction"},
    {NodeKind::ad_hoc_sub_process, "adHocSubProcess"},
    {NodeKind::start_event, "startEvent"},
    {NodeKind::end_event, "endEvent"},
    {NodeKind::intermediate_catch_event, "intermediateCatchEvent"},
    {NodeKind::intermediate_throw_event, "intermediateThrowEvent"},
    {NodeKind::boundary_event, "boundaryEvent"},
    {NodeKind::exclusive_gateway, "exclusiveGateway"},
    {NodeKind::inclusive_gateway, "inclusiveGateway"},
    {NodeKind::parallel_gateway, "parallelGateway"},
    {NodeKind::event_based_gateway, "eventBasedGateway"},
    {NodeKind::complex_gateway, "complexGateway"},
}};

constexpr NameTable<EventKind, 10> event_names{{
    {EventKind::message, "messageEventDefinition"},
    {EventKind::timer, "timerEventDefinition"},
    {EventKind::error, "errorEventDefinition"},
    {EventKind::escalation, "escalationEventDefinition"},
    {EventKind::cancel, "cancelEventDefinition"},
    {EventKind::compensate, "compensateEventDefinition"},
    {EventKind::conditional, "conditionalEventDefinition"},
    {EventKind::link, "linkEventDefinition"},
    {EventKind::signal, "signalEventDefinition"},
    {EventKind::terminate, "terminateEventDefinition"},
}};

constexpr NameTable<GlobalKind, 6> global_names{{
    {GlobalKind::message, "message"},
    {GlobalKind::signal, "signal"},
    {GlobalKind::error, "error"},
    {GlobalKind::escalation, "escalation"},
    {GlobalKind::item_definition, "itemDefinition"},
    {GlobalKind::data_store, "dataStore"},
}};

constexpr NameTable<ArtifactKind, 3> artifact_names{{
    {ArtifactKind::text_annotation, "textAnnotation"},
    {ArtifactKind::association, "association"},
    {ArtifactKind::group, "group"},
}};

constexpr NameTable<Severity, 3> severity_names{{
    {Severity::info, "info"},
    {Severity::warning, "warning"},
    {Severity::error, "error"},
}};

template <class Kind, std::size_t N>
std::string_view name_of(const NameTable<Kind, N>& table, Kind kind) {
  auto it = std::find_if(table.begin(), table.end(), [&](const auto& row) { return row.first == kind; });
  return it == table.end() ? std::string_view{} : it->second;
}

template <class Kind, std::size_t N>
std::optional<Kind> kind_of(const NameTable<Kind, N>& table, std::string_view name) {
  auto it = std::find_if(table.begin(), table.end(), [&](const auto& row) { return row.second == name; });
  if (it == table.end()) return std::nullopt;
  return it->first;
}

}  // namespace

std::string_view type_name(NodeKind kind) { return name_of(node_names, kind); }
std::optional<NodeKind> node_kind_from_type(std::string_view type) { return kind_of(node_names, type); }
std::string_view type_name(EventKind kind) { return name_of(event_names, kind); }
std::optional<EventKind> event_kind_from_type(std::string_view type) { return kind_of(event_names, type); }
std::string_view type_name(GlobalKind kind) { return name_of(global_names, kind); }
std::optional<GlobalKind> global_kind_from_type(std::string_view type) { return kind_of(global_names, type); }
std::string_view type_name(ArtifactKind kind) { return name_of(artifact_names, kind); }
std::string_view severity_name(Severity severity) { return name_of(severity_names, severity); }

bool is_activity(NodeKind kind) { return kind <= NodeKind::ad_hoc_sub_process; }
bool is_event(NodeKind kind) { return kind >= NodeKind::start_event && kind <= NodeKind::boundary_event; }
bool is_gateway(NodeKind kind) { return kind >= NodeKind::exclusive_gateway; }
bool is_sub_process(NodeKind kind) {
  return kind == NodeKind::sub_process || kind == NodeKind::transaction || kind == NodeKind::ad_hoc_sub_process;
}

}  // namespace syzba::model
