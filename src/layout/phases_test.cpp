// The layout's phases one by one, on small processes written for what each phase promises:
// ranking (back edges reversed, a merge right after its last branch, a second pool's start
// moved up to what it leads to), ordering (crossings counted exactly, lanes kept as blocks,
// refusals below the main path), rows (the main path on one row per lane), routing along
// the layers (a fan shares one track, and crosses nothing).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "io/io.h"
#include "layout/graph.h"

namespace {

using syzba::layout::Graph;

// A process in BPMN XML from a list of nodes ("kind id [lane]") and flows ("from>to[:label]").
std::string process_xml(const std::vector<std::string>& nodes, const std::vector<std::string>& flows,
                        const std::vector<std::string>& lanes = {}) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><process id="p">)";
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& n : nodes) {
    std::istringstream in(n);
    std::string kind, id, lane;
    in >> kind >> id >> lane;
    xml += "<" + kind + " id=\"" + id + "\" name=\"" + id + "\"/>";
    if (!lane.empty()) members[lane].push_back(id);
  }
  if (!lanes.empty()) {
    xml += "<laneSet id=\"ls\">";
    for (const auto& lane : lanes) {
      xml += "<lane id=\"" + lane + "\" name=\"" + lane + "\">";
      for (const auto& m : members[lane]) xml += "<flowNodeRef>" + m + "</flowNodeRef>";
      xml += "</lane>";
    }
    xml += "</laneSet>";
  }
  int k = 0;
  for (const auto& f : flows) {
    auto gt = f.find('>'), colon = f.find(':');
    std::string from = f.substr(0, gt), to = f.substr(gt + 1, colon == std::string::npos ? std::string::npos : colon - gt - 1);
    std::string name = colon == std::string::npos ? "" : " name=\"" + f.substr(colon + 1) + "\"";
    xml += "<sequenceFlow id=\"f" + std::to_string(k++) + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"" + name + "/>";
  }
  return xml + "</process></definitions>";
}

Graph phases(const std::string& xml, int up_to, const syzba::layout::Spacing& spacing = {}) {
  auto read = syzba::io::read_bpmn(xml);
  REQUIRE(read.definitions);
  static syzba::model::Definitions defs;
  defs = std::move(*read.definitions);
  Graph g = syzba::layout::build_graph(defs, "p", syzba::layout::estimate_text, spacing);
  syzba::layout::rank_frames(g);
  if (up_to >= 2) syzba::layout::order_frames(g);
  if (up_to >= 3) syzba::layout::assign_rows(g);
  if (up_to >= 4) {
    syzba::layout::place(g);
    syzba::layout::route_along_layers(g);
  }
  if (up_to >= 5) syzba::layout::route(g);
  return g;
}

const syzba::layout::Item& item(const Graph& g, const std::string& id) {
  auto it = std::find_if(g.items.begin(), g.items.end(), [&](const auto& i) { return i.id == id; });
  REQUIRE(it != g.items.end());
  return *it;
}

// Position of an item in its rank's order.
int position(const Graph& g, const std::string& id) {
  const auto& L = g.frames[0].layered;
  int node = L.node_of(&item(g, id) - &g.items[0]);
  const auto& layer = L.layers[L.nodes[node].rank];
  return static_cast<int>(std::find(layer.begin(), layer.end(), node) - layer.begin());
}

}  // namespace

TEST_CASE("count_crossings counts every pair of edges that cross between two ranks", "[layout][phases]") {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    int upper = 1 + static_cast<int>(random() % 6), lower = 1 + static_cast<int>(random() % 6);
    std::vector<std::pair<int, int>> edges;
    for (int k = static_cast<int>(random() % 12); k > 0; --k)
      edges.push_back({static_cast<int>(random() % upper), static_cast<int>(random() % lower)});
    long brute = 0;
    for (std::size_t a = 0; a < edges.size(); ++a)
      for (std::size_t b = a + 1; b < edges.size(); ++b) {
        auto [u1, l1] = edges[a];
        auto [u2, l2] = edges[b];
        if ((u1 < u2 && l1 > l2) || (u1 > u2 && l1 < l2)) ++brute;
      }
    INFO("round " << round);
    CHECK(syzba::layout::count_crossings(edges, lower) == brute);
  }
}

TEST_CASE("negative labels are the no and refusal words of kk, ru and en", "[layout][phases]") {
  for (const char* no : {"Жоқ", "жоқ", "Нет", "No", "no, resubmit", "Бас тарту", "Отказ в приёме", "rejected"})
    CHECK(syzba::layout::negative_label(no));
  for (const char* yes : {"Иә", "Да", "Yes", "normal", "", "Құжаттар толық"}) CHECK_FALSE(syzba::layout::negative_label(yes));
}

TEST_CASE("ranking reverses a return for correction and puts a merge right after its last branch", "[layout][phases]") {
  Graph g = phases(process_xml({"startEvent s", "task check", "exclusiveGateway ok", "task fix", "task long1", "task long2",
                                "exclusiveGateway merge", "endEvent e"},
                               {"s>check", "check>ok", "ok>long1:Иә", "long1>long2", "long2>merge", "ok>fix:Жоқ",
                                "fix>check", "fix>merge"}),
                   1);
  // fix → check closes the loop: reversed, so the main path runs forward.
  CHECK(item(g, "s").rank < item(g, "check").rank);
  CHECK(item(g, "check").rank < item(g, "ok").rank);
  CHECK(item(g, "merge").rank == item(g, "long2").rank + 1);
  const auto& edges = g.frames[0].flow_edges;
  long reversed = std::count_if(edges.begin(), edges.end(), [](const auto& e) { return e.reversed; });
  CHECK(reversed == 1);
  auto back = std::find_if(edges.begin(), edges.end(), [](const auto& e) { return e.reversed; });
  CHECK(g.items[back->to].id == "fix");
  CHECK(g.items[back->from].id == "check");
}

TEST_CASE("print's page densities keep a hand-over in one column, up only when asked, with room for its arrow", "[layout][phases]") {
  // The clerk hands up to the head, the head up to the office; the office back down to the clerk.
  std::string xml = process_xml({"startEvent s clerk", "task a clerk", "task b head", "task c office", "task d clerk",
                                 "endEvent e clerk"},
                                {"s>a", "a>b", "b>c", "c>d", "d>e"}, {"office", "head", "clerk"});
  using syzba::layout::Spacing;
  Graph screen = phases(xml, 1);
  CHECK(item(screen, "b").rank == item(screen, "a").rank + 1);
  CHECK(item(screen, "c").rank == item(screen, "b").rank + 1);
  Graph down = phases(xml, 1, Spacing::of(syzba::layout::Density::page_part));
  CHECK(item(down, "b").rank == item(down, "a").rank + 1);  // up: the next column
  CHECK(item(down, "d").rank == item(down, "c").rank);      // down: the step right below
  Graph both = phases(xml, 5, Spacing::of(syzba::layout::Density::page_stacked));
  CHECK(item(both, "b").rank == item(both, "a").rank);
  CHECK(item(both, "c").rank == item(both, "b").rank);      // a, b, c in one column
  CHECK(item(both, "d").rank == item(both, "c").rank + 1);  // the clerk's lane is in it already
  Graph densest = phases(xml, 1, Spacing::of(syzba::layout::Density::page_densest));
  CHECK(item(densest, "d").rank == item(densest, "c").rank);  // back into it: a second row there
  const auto& a = item(both, "a").box;
  const auto& b = item(both, "b").box;
  const auto& c = item(both, "c").box;
  INFO("a " << a.y << "+" << a.h << ", b " << b.y << "+" << b.h << ", c " << c.y << "+" << c.h);
  // Arrows straight up and long enough to be seen (the lanes' padding alone leaves 12 px).
  CHECK(a.y - b.bottom() >= 24);
  CHECK(b.y - c.bottom() >= 24);
  int straight = 0;
  for (const auto& link : both.links) {
    if (link.id != "f1" && link.id != "f2") continue;
    INFO(link.id);
    REQUIRE(link.route.size() == 2);
    CHECK(link.route[0].x == link.route[1].x);
    CHECK(link.route[0].y > link.route[1].y);
    ++straight;
  }
  CHECK(straight == 2);
}

TEST_CASE("print's page densities keep no hand-over in the column of another branch in its lane", "[layout][phases]") {
  // The check's yes goes to the registrar, who hands down to the branch office; its no to a
  // refusal in the registrar's lane too, at the yes-step's rank. In one column the hand-over
  // would have gone round the refusal (on 002 altyn-alqa, round the whole lane).
  std::string xml = process_xml({"startEvent s desk", "exclusiveGateway ok desk", "task register desk", "task refuse desk",
                                 "endEvent no desk", "task review branch", "endEvent done branch"},
                                {"s>ok", "ok>register:Иә", "ok>refuse:Жоқ", "refuse>no", "register>review", "review>done"},
                                {"desk", "branch"});
  using syzba::layout::Spacing;
  Graph g = phases(xml, 1, Spacing::of(syzba::layout::Density::page_part));
  CHECK(item(g, "refuse").rank == item(g, "register").rank);
  CHECK(item(g, "review").rank == item(g, "register").rank + 1);
  // Without the other branch, the step right below, as before.
  std::string alone = process_xml({"startEvent s desk", "task register desk", "task review branch", "endEvent done branch"},
                                  {"s>register", "register>review", "review>done"}, {"desk", "branch"});
  Graph h = phases(alone, 1, Spacing::of(syzba::layout::Density::page_part));
  CHECK(item(h, "review").rank == item(h, "register").rank);
}

TEST_CASE("an end event's label in the last column stays inside its pool", "[layout][phases]") {
  // A long name under the last event, wider than it: centred, it would cross the lane's edge.
  std::string xml = process_xml({"startEvent s office", "task a office", "endEvent Қызмет_көрсетілді_және_нәтижесі_жіберілді office"},
                                {"s>a", "a>Қызмет_көрсетілді_және_нәтижесі_жіберілді"}, {"office"});
  Graph g = phases(xml, 5, syzba::layout::Spacing::of(syzba::layout::Density::page_part));
  syzba::layout::place_labels(g, syzba::layout::estimate_text);
  const auto& end = item(g, "Қызмет_көрсетілді_және_нәтижесі_жіберілді");
  REQUIRE(end.label_box);
  const auto& lane = g.bands[g.frames[0].leaves[0]].box;
  INFO("label " << end.label_box->x << "+" << end.label_box->w << ", lane " << lane.x << "+" << lane.w);
  CHECK(end.label_box->w > end.box.w + 20);
  CHECK(end.label_box->right() <= lane.right());
  CHECK(end.label_box->y >= end.box.bottom());  // still under the event
}

TEST_CASE("ordering keeps each lane a block and puts a refusal below the main path", "[layout][phases]") {
  Graph g = phases(process_xml({"startEvent s office", "task a office", "exclusiveGateway ok head", "task b head",
                                "endEvent refused head", "task c office", "endEvent e office"},
                               {"s>a", "a>ok", "ok>refused:Жоқ", "ok>b:Иә", "b>c", "c>e"}, {"office", "head"}),
                   2);
  const auto& L = g.frames[0].layered;
  for (const auto& layer : L.layers)
    for (std::size_t k = 1; k < layer.size(); ++k) CHECK(L.nodes[layer[k - 1]].band <= L.nodes[layer[k]].band);
  CHECK(item(g, "b").rank == item(g, "refused").rank);
  CHECK(position(g, "b") < position(g, "refused"));
  CHECK(item(g, "b").main);
  CHECK_FALSE(item(g, "refused").main);
}

TEST_CASE("rows put the main path on one row and a branch on the row below", "[layout][phases]") {
  Graph g = phases(process_xml({"startEvent s", "task a", "exclusiveGateway ok", "task yes", "task no", "exclusiveGateway merge",
                                "task after", "endEvent e"},
                               {"s>a", "a>ok", "ok>yes:Иә", "ok>no:Жоқ", "yes>merge", "no>merge", "merge>after", "after>e"}),
                   3);
  int main_row = item(g, "s").row;
  for (const char* id : {"a", "ok", "yes", "merge", "after", "e"}) {
    INFO(id);
    CHECK(item(g, id).row == main_row);
  }
  CHECK(item(g, "no").row == main_row + 1);
}

TEST_CASE("a fan of branches shares one track each way and crosses nothing", "[layout][phases]") {
  std::vector<std::string> nodes = {"startEvent s", "parallelGateway split", "parallelGateway join", "endEvent e"};
  std::vector<std::string> flows = {"s>split", "join>e"};
  for (int k = 0; k < 12; ++k) {
    nodes.push_back("task t" + std::to_string(k));
    flows.push_back("split>t" + std::to_string(k));
    flows.push_back("t" + std::to_string(k) + ">join");
  }
  Graph g = phases(process_xml(nodes, flows), 4);
  std::set<double> verticals;
  for (const auto& link : g.links) {
    INFO(link.id);
    REQUIRE(link.route.size() >= 2);  // every flow routed along the layers
    CHECK(link.route.size() <= 3);    // at most one bend
    for (std::size_t k = 1; k < link.route.size(); ++k)
      if (link.route[k - 1].x == link.route[k].x && link.route[k - 1].y != link.route[k].y) verticals.insert(link.route[k].x);
  }
  // The gateways' own verticals and one shared track on each side of the tasks.
  CHECK(verticals.size() <= 4);
}

TEST_CASE("a loop through another pool never turns a sequence flow round", "[layout][phases]") {
  const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <collaboration id="c">
    <participant id="pa" processRef="a"/><participant id="pb" processRef="b"/>
    <messageFlow id="m1" sourceRef="ta" targetRef="sb"/><messageFlow id="m2" sourceRef="tb" targetRef="sa"/>
  </collaboration>
  <process id="a"><startEvent id="sa"/><task id="ta"/><endEvent id="ea"/>
    <sequenceFlow id="a1" sourceRef="sa" targetRef="ta"/><sequenceFlow id="a2" sourceRef="ta" targetRef="ea"/></process>
  <process id="b"><startEvent id="sb"/><task id="tb"/><endEvent id="eb"/>
    <sequenceFlow id="b1" sourceRef="sb" targetRef="tb"/><sequenceFlow id="b2" sourceRef="tb" targetRef="eb"/></process>
</definitions>)";
  auto read = syzba::io::read_bpmn(xml);
  REQUIRE(read.definitions);
  Graph g = syzba::layout::build_graph(*read.definitions, "c", syzba::layout::estimate_text);
  syzba::layout::rank_frames(g);
  for (const auto& e : g.frames[0].flow_edges) {
    INFO(g.links[e.link].id);
    CHECK_FALSE(e.reversed);
  }
  CHECK(item(g, "sa").rank < item(g, "ta").rank);
  CHECK(item(g, "sb").rank < item(g, "tb").rank);
}

TEST_CASE("measuring a drawing with a shape of absurd size ends", "[layout][phases]") {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
  <process id="p"><task id="t1"/><task id="t2"/><sequenceFlow id="f" sourceRef="t1" targetRef="t2"/></process>
  <bpmndi:BPMNDiagram id="dg"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
    <bpmndi:BPMNShape id="s1" bpmnElement="t1"><dc:Bounds x="0" y="0" width="2e20" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="s2" bpmnElement="t2"><dc:Bounds x="-1e19" y="-3e19" width="100" height="5e19"/></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="e" bpmnElement="f"><di:waypoint x="0" y="40"/><di:waypoint x="1e20" y="40"/></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>)";
  auto read = syzba::io::read_bpmn(xml);
  REQUIRE(read.definitions);
  auto stats = syzba::layout::measure_layout(*read.definitions);
  REQUIRE(stats.size() == 1);
  CHECK(stats.front().nodes == 2);
}

TEST_CASE("a message to a black-box pool runs straight to its edge, round a step of its column", "[layout][phases]") {
  // The result and the refusal both answer the applicant, who is drawn as a pool alone; the
  // two end events stand in one column, so the lower one's message must pass the upper one.
  const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <collaboration id="c">
    <participant id="applicant" name="applicant"/><participant id="office" processRef="p"/>
    <messageFlow id="ask" sourceRef="applicant" targetRef="s"/>
    <messageFlow id="result" sourceRef="done" targetRef="applicant"/>
    <messageFlow id="refusal" sourceRef="refused" targetRef="applicant"/>
  </collaboration>
  <process id="p"><startEvent id="s"/><exclusiveGateway id="g"/><task id="issue" name="issue"/><task id="refuse" name="refuse"/>
    <endEvent id="done"/><endEvent id="refused"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="g"/><sequenceFlow id="f2" sourceRef="g" targetRef="issue"/>
    <sequenceFlow id="f3" sourceRef="g" targetRef="refuse" name="no"/><sequenceFlow id="f4" sourceRef="issue" targetRef="done"/>
    <sequenceFlow id="f5" sourceRef="refuse" targetRef="refused"/></process>
</definitions>)";
  auto read = syzba::io::read_bpmn(xml);
  REQUIRE(read.definitions);
  Graph g = syzba::layout::build_graph(*read.definitions, "c", syzba::layout::estimate_text);
  for (auto phase : {syzba::layout::rank_frames, syzba::layout::order_frames, syzba::layout::assign_rows,
                     syzba::layout::place, syzba::layout::route_along_layers, syzba::layout::route_messages})
    phase(g);
  REQUIRE(item(g, "done").box.cx() == item(g, "refused").box.cx());  // what the case is about
  const syzba::layout::Rect& pool = g.bands[g.roots[0]].box;
  for (const auto& link : g.links) {
    if (link.kind != syzba::layout::LinkKind::message) continue;
    INFO(link.id);
    REQUIRE(link.route.size() >= 2);  // routed here, not left to the grid router
    const auto& at_pool = link.id == "ask" ? link.route.front() : link.route.back();
    CHECK(at_pool.y == pool.bottom());
    CHECK(at_pool.x > pool.x);
    CHECK(at_pool.x < pool.right());
    for (std::size_t k = 1; k < link.route.size(); ++k) {
      const auto& a = link.route[k - 1];
      const auto& b = link.route[k];
      CHECK((a.x == b.x || a.y == b.y));
      syzba::layout::Rect seg{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x) + 0.01, std::abs(a.y - b.y) + 0.01};
      for (std::size_t i = 0; i < g.items.size(); ++i)
        if (static_cast<int>(i) != link.from && static_cast<int>(i) != link.to) CHECK_FALSE(g.items[i].box.overlaps(seg));
    }
    if (link.id == "refusal") CHECK(link.route.size() == 4);  // out into the gap and past the result's event
    else CHECK(link.route.size() == 2);
  }
}
