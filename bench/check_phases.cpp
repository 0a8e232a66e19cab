// Where `syzba check` spends its time on one file, phase by phase and rule by rule (issue 20):
// reading the bytes, the reader (XML and model), the structural rules, the model view, every
// rule on its own, and freeing the model, in CPU time (the machine is shared: wall time would
// count other processes too). Usage: check_phases FILE [RUNS]
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "check/view.h"
#include "io/io.h"

namespace {

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Timer {
  std::map<std::string, double> ms;  // phase → total milliseconds over the runs
  std::vector<std::string> order;
  template <class Work>
  auto time(const std::string& phase, Work work) {
    struct Add {
      Timer& t;
      const std::string& phase;
      double start = cpu_ms();
      ~Add() {
        if (!t.ms.count(phase)) t.order.push_back(phase);
        t.ms[phase] += cpu_ms() - start;
      }
    } add{*this, phase};
    return work();
  }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace syzba;
  if (argc < 2) {
    std::fprintf(stderr, "usage: check_phases FILE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  Timer t;
  std::size_t findings = 0;
  for (int run = 0; run < runs; ++run) {
    auto file = t.time("read file", [&] { return io::read_file_bytes(argv[1]); });
    auto* read = new io::ReadResult(t.time("read_bpmn", [&] { return io::read_bpmn(std::move(file.bytes)); }));
    if (!read->definitions) {
      std::fprintf(stderr, "%s: cannot be read\n", argv[1]);
      return 2;
    }
    const auto& defs = *read->definitions;
    check::Config config;
    auto* view = t.time("ModelView (with the id index)", [&] { return new check::ModelView(defs); });
    findings += t.time("check_structure", [&] { return check::check_structure(defs, view->ids(), view, config.lang).size(); });
    for (const auto& rule : check::rules()) {
      if (!rule.run || rule.id == "no-bpmndi") continue;  // off unless a config asks for it
      std::vector<model::Diagnostic> out;
      check::Reporter reporter(rule, out);
      t.time("rule " + std::string(rule.id), [&] { rule.run(*view, config, reporter); });
      findings += out.size();
    }
    t.time("free view", [&] { delete view; });
    t.time("free model", [&] { delete read; });
  }
  double total = 0;
  for (const auto& phase : t.order) total += t.ms[phase];
  for (const auto& phase : t.order)
    if (t.ms[phase] / runs >= 0.5) std::printf("%8.1f ms  %s\n", t.ms[phase] / runs, phase.c_str());
  std::printf("%8.1f ms  total (%zu findings per run)\n", total / runs, findings / runs);
}
