// Writes a structured regulation-like process of about N flow nodes, without DI, for the
// check benchmarks: a chain of blocks in turn — a timed task; a condition (k-шарт) whose
// "Жоқ" branch ends in a refusal (бас тарту, error end); a parallel block of two tasks.
// With LANES, the blocks move through that many lanes in turn, as a handbook's steps move
// between structural units. Usage: generate_structured N [LANES] > model.bpmn
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {
// Nodes are written at the end, once their <incoming>/<outgoing> flows are known.
struct Node {
  std::string open, body, close, links;
};
std::vector<std::string> order;
std::map<std::string, Node> nodes_by_id;
long next_flow = 0;
std::string flows;
long lanes = 0, current_lane = 0;
std::vector<std::string> lane_refs;

void add(const std::string& id, std::string open, std::string body, std::string close) {
  order.push_back(id);
  if (lanes > 0) lane_refs[current_lane] += "        <bpmn:flowNodeRef>" + id + "</bpmn:flowNodeRef>\n";
  nodes_by_id[id] = {std::move(open), std::move(body), std::move(close), ""};
}

std::string flow(const std::string& from, const std::string& to, const char* name = nullptr) {
  std::string id = "F" + std::to_string(next_flow++);
  flows += "    <bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"" +
           (name ? std::string(" name=\"") + name + "\"" : "") + " />\n";
  nodes_by_id[from].links += "      <bpmn:outgoing>" + id + "</bpmn:outgoing>\n";
  nodes_by_id[to].links = "      <bpmn:incoming>" + id + "</bpmn:incoming>\n" + nodes_by_id[to].links;
  return id;
}

void element(const std::string& id, const std::string& type, const std::string& name, const std::string& body = "") {
  add(id, "    <bpmn:" + type + " id=\"" + id + "\"" + (name.empty() ? "" : " name=\"" + name + "\"") + ">\n", body,
      "    </bpmn:" + type + ">\n");
}

void task(const std::string& id, long number) {
  element(id, "userTask", std::to_string(number) + "-іс-қимыл: құжаттарды қарау",
          "      <bpmn:extensionElements><syzba:duration amount=\"15\" unit=\"minute\" text=\"15 (он бес) минут\" /></bpmn:extensionElements>\n");
}
}  // namespace

int main(int argc, char** argv) {
  long target = argc > 1 ? std::atol(argv[1]) : 100;
  lanes = argc > 2 ? std::atol(argv[2]) : 0;
  lane_refs.resize(lanes > 0 ? lanes : 0);
  std::printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
              "xmlns:syzba=\"https://syzba.kz/schema/bpmn/1.0\" id=\"Structured\" targetNamespace=\"https://syzba.kz/bench\">\n"
              "  <bpmn:process id=\"Process\">\n");
  element("Start", "startEvent", "Өтініш");
  std::string last = "Start";
  long nodes = 1, actions = 0, conditions = 0;
  for (long block = 0; nodes < target - 1; ++block) {
    std::string b = "B" + std::to_string(block);
    if (lanes > 0) current_lane = block % lanes;
    switch (block % 3) {
      case 0:
        task(b, ++actions);
        flow(last, b);
        last = b;
        nodes += 1;
        break;
      case 1: {
        ++conditions;
        element(b, "exclusiveGateway", std::to_string(conditions) + "-шарт: құжаттар толық па?");
        element(b + "_refusal", "endEvent", "Бас тарту", "      <bpmn:errorEventDefinition />\n");
        flow(last, b);
        flow(b, b + "_refusal", "Жоқ");
        task(b + "_yes", ++actions);
        flow(b, b + "_yes", "Иә");
        last = b + "_yes";
        nodes += 3;
        break;
      }
      default: {
        element(b + "_split", "parallelGateway", "");
        element(b + "_join", "parallelGateway", "");
        task(b + "_a", ++actions);
        task(b + "_b", ++actions);
        flow(last, b + "_split");
        flow(b + "_split", b + "_a");
        flow(b + "_split", b + "_b");
        flow(b + "_a", b + "_join");
        flow(b + "_b", b + "_join");
        last = b + "_join";
        nodes += 4;
      }
    }
  }
  element("End", "endEvent", "Қызмет көрсетілді");
  flow(last, "End");
  for (const auto& id : order) {
    const Node& n = nodes_by_id[id];
    std::printf("%s%s%s%s", n.open.c_str(), n.body.c_str(), n.links.c_str(), n.close.c_str());
  }
  std::printf("%s", flows.c_str());
  if (lanes > 0) {
    std::printf("    <bpmn:laneSet id=\"Lanes\">\n");
    for (long l = 0; l < lanes; ++l)
      std::printf("      <bpmn:lane id=\"Lane%ld\" name=\"%ld-құрылымдық бөлім\">\n%s      </bpmn:lane>\n", l, l + 1, lane_refs[l].c_str());
    std::printf("    </bpmn:laneSet>\n");
  }
  std::printf("  </bpmn:process>\n</bpmn:definitions>\n");
  std::fprintf(stderr, "generated %ld flow nodes, %ld sequence flows\n", nodes + 1, next_flow);
  return 0;
}
