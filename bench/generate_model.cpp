// Writes a large, valid BPMN model for benchmarks: a process of N flow elements in lanes
// (user tasks with durations) with complete DI.
// Usage: generate_model N > model.bpmn   (N counts flow nodes and sequence flows together)
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  long target = argc > 1 ? std::atol(argv[1]) : 1000;
  if (target < 4) target = 4;
  long nodes = target / 2;  // about one flow per node
  const char* lanes[] = {"Кеңсе", "Басшы", "Қызметкер"};
  std::printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  std::printf("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
              "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" "
              "xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:syzba=\"https://syzba.kz/schema/bpmn/1.0\" "
              "id=\"Generated\" targetNamespace=\"https://syzba.kz/bench\">\n");
  std::printf("  <bpmn:process id=\"Process\">\n    <bpmn:laneSet id=\"Lanes\">\n");
  for (int l = 0; l < 3; ++l) {
    std::printf("      <bpmn:lane id=\"Lane%d\" name=\"%s\">\n", l, lanes[l]);
    for (long i = l; i < nodes; i += 3) std::printf("        <bpmn:flowNodeRef>N%ld</bpmn:flowNodeRef>\n", i);
    std::printf("      </bpmn:lane>\n");
  }
  std::printf("    </bpmn:laneSet>\n");
  long flows = 0;
  for (long i = 0; i < nodes; ++i) {
    if (i == 0) {
      std::printf("    <bpmn:startEvent id=\"N0\" name=\"Басталуы\"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>\n");
    } else if (i == nodes - 1) {
      std::printf("    <bpmn:endEvent id=\"N%ld\" name=\"Аяқталуы\"><bpmn:incoming>F%ld</bpmn:incoming></bpmn:endEvent>\n", i, i - 1);
    } else {
      std::printf("    <bpmn:userTask id=\"N%ld\" name=\"%ld-іс-қимыл: құжаттарды қарау\">\n"
                  "      <bpmn:extensionElements><syzba:duration amount=\"15\" unit=\"minute\" text=\"15 (он бес) минут\" /></bpmn:extensionElements>\n"
                  "      <bpmn:incoming>F%ld</bpmn:incoming><bpmn:outgoing>F%ld</bpmn:outgoing>\n    </bpmn:userTask>\n",
                  i, i, i - 1, i);
    }
  }
  for (long i = 0; i + 1 < nodes; ++i, ++flows)
    std::printf("    <bpmn:sequenceFlow id=\"F%ld\" sourceRef=\"N%ld\" targetRef=\"N%ld\" />\n", i, i, i + 1);
  std::printf("  </bpmn:process>\n  <bpmndi:BPMNDiagram id=\"Diagram\">\n    <bpmndi:BPMNPlane id=\"Plane\" bpmnElement=\"Process\">\n");
  for (long i = 0; i < nodes; ++i) {
    long x = 100 + i * 150, y = 100 + (i % 3) * 200;
    std::printf("      <bpmndi:BPMNShape id=\"N%ld_di\" bpmnElement=\"N%ld\"><dc:Bounds x=\"%ld\" y=\"%ld\" width=\"100\" height=\"80\" /></bpmndi:BPMNShape>\n",
                i, i, x, y);
  }
  for (long i = 0; i + 1 < nodes; ++i) {
    long x = 200 + i * 150, y = 140 + (i % 3) * 200, y2 = 140 + ((i + 1) % 3) * 200;
    std::printf("      <bpmndi:BPMNEdge id=\"F%ld_di\" bpmnElement=\"F%ld\"><di:waypoint x=\"%ld\" y=\"%ld\" />"
                "<di:waypoint x=\"%ld\" y=\"%ld\" /><di:waypoint x=\"%ld\" y=\"%ld\" /></bpmndi:BPMNEdge>\n",
                i, i, x, y, x + 25, y2, x + 50, y2);
  }
  std::printf("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
  std::fprintf(stderr, "generated %ld flow nodes and %ld sequence flows\n", nodes, flows);
  return 0;
}
