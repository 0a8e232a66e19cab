// The icons of BPMN notation as data: SVG path strings in a 20×20 frame (origin top left),
// kept apart from the code that places them. Drawn in syzba's own hand after the figures of
// the BPMN 2.0 specification; the placement follows bpmn-js (see NOTATION.md).
#include <array>
#include <charconv>
#include <stdexcept>

#include "render/draw.h"

namespace syzba::render {

namespace {

struct IconData {
  std::string_view name;
  std::string_view path;
};

constexpr std::array icons{
    // Event definitions (in the middle of a 36 px event).
    IconData{"message", "M2 5 H18 V15 H2 Z M2 5 L10 10.5 L18 5"},
    IconData{"timer-hands", "M10 2.5 V4.5 M10 15.5 V17.5 M2.5 10 H4.5 M15.5 10 H17.5 M4.7 4.7 L6 6 M14 14 L15.3 15.3 "
                            "M4.7 15.3 L6 14 M14 6 L15.3 4.7 M10 10 L10.6 4.6 M10 10 L14 10"},
    IconData{"error", "M3.5 16.5 L7 5 L11.5 11 L16.5 3.5 L13 15 L8.5 9.5 Z"},
    IconData{"escalation", "M10 2.5 L16 17 L10 11 L4 17 Z"},
    IconData{"cancel", "M5 3 L10 8 L15 3 L17 5 L12 10 L17 15 L15 17 L10 12 L5 17 L3 15 L8 10 L3 5 Z"},
    IconData{"compensate", "M1.5 10 L9.5 4.5 V15.5 Z M9.5 10 L17.5 4.5 V15.5 Z"},
    IconData{"conditional", "M5 2.5 H15 V17.5 H5 Z M7 5.5 H13 M7 8.5 H13 M7 11.5 H13 M7 14.5 H13"},
    IconData{"link", "M3 7 H11 V3.5 L17.5 10 L11 16.5 V13 H3 Z"},
    IconData{"signal", "M10 2.5 L17.5 16 H2.5 Z"},
    IconData{"multiple", "M10 2.5 L17.5 8 L14.6 16.5 H5.4 L2.5 8 Z"},
    IconData{"parallel-multiple", "M8 2.5 H12 V8 H17.5 V12 H12 V17.5 H8 V12 H2.5 V8 H8 Z"},
    // Task type markers (top left of a task).
    IconData{"user-head", "M10 2.5 C12.5 2.5 14 4.3 14 6.5 C14 8.9 12.2 10.5 10 10.5 C7.8 10.5 6 8.9 6 6.5 "
                          "C6 4.3 7.5 2.5 10 2.5 Z"},
    IconData{"user-body", "M2.5 18.5 C2.5 14 5 11.5 8 11 L10 13 L12 11 C15 11.5 17.5 14 17.5 18.5 Z"},
    IconData{"gear", "M16.2 8.3 L18.7 8.7 L18.7 11.3 L16.2 11.7 L15.6 13.2 L17.1 15.2 L15.2 17.1 L13.2 15.6 "
                     "L11.7 16.2 L11.3 18.7 L8.7 18.7 L8.3 16.2 L6.8 15.6 L4.8 17.1 L2.9 15.2 L4.4 13.2 "
                     "L3.8 11.7 L1.3 11.3 L1.3 8.7 L3.8 8.3 L4.4 6.8 L2.9 4.8 L4.8 2.9 L6.8 4.4 L8.3 3.8 "
                     "L8.7 1.3 L11.3 1.3 L11.7 3.8 L13.2 4.4 L15.2 2.9 L17.1 4.8 L15.6 6.8 Z"},
    IconData{"hand", "M1.5 8.5 L6.5 4 H15 C16.2 4 16.2 6 15 6 H9.5 H17.5 C18.8 6 18.8 8.3 17.5 8.3 H10.5 H18 "
                     "C19.3 8.3 19.3 10.6 18 10.6 H10.5 H17 C18.2 10.6 18.2 12.8 17 12.8 H10 H14.5 C15.7 12.8 "
                     "15.7 15 14.5 15 H5 L1.5 13 Z"},
    IconData{"rule-table", "M2 4 H18 V16 H2 Z M2 8 H18 M2 12 H18 M7 8 V16"},
    IconData{"rule-header", "M2 4 H18 V8 H2 Z"},
    IconData{"script", "M6.5 2.5 H17 C14.5 5 14.5 7.5 16.5 10 C18.5 12.5 18.5 15 16 17.5 H3.5 C6 15 6 12.5 4 10 "
                       "C2 7.5 2 5 6.5 2.5 Z M7.5 6 H13.5 M8.5 10 H14.5 M8 14 H14"},
    // Activity markers (bottom centre of an activity, 14 px).
    IconData{"loop", "M5.5 14.5 C2.5 12.5 2 8 4.5 5.2 C7 2.5 11.5 2.2 14.2 4.8 C17 7.5 16.8 12 14 14.5 "
                     "M5.5 14.5 L5.7 10.8 M5.5 14.5 L1.8 14.3"},
    IconData{"parallel-mi", "M5 3 V17 M10 3 V17 M15 3 V17"},
    IconData{"sequential-mi", "M3 5 H17 M3 10 H17 M3 15 H17"},
    IconData{"ad-hoc", "M2 12 C4 6.5 7.5 6.5 10 10 C12.5 13.5 16 13.5 18 8"},
    IconData{"plus-box", "M3 3 H17 V17 H3 Z M10 6 V14 M6 10 H14"},
    // Gateway markers (in the middle of a 50 px diamond).
    IconData{"gateway-x", "M5 3.5 L10 8.5 L15 3.5 L16.5 5 L11.5 10 L16.5 15 L15 16.5 L10 11.5 L5 16.5 L3.5 15 "
                          "L8.5 10 L3.5 5 Z"},
    IconData{"gateway-plus", "M8.8 2.5 H11.2 V8.8 H17.5 V11.2 H11.2 V17.5 H8.8 V11.2 H2.5 V8.8 H8.8 Z"},
    IconData{"gateway-complex", "M8.9 2.5 H11.1 V7.3 L14.5 3.9 L16.1 5.5 L12.7 8.9 H17.5 V11.1 H12.7 L16.1 14.5 "
                                "L14.5 16.1 L11.1 12.7 V17.5 H8.9 V12.7 L5.5 16.1 L3.9 14.5 L7.3 11.1 H2.5 V8.9 "
                                "H7.3 L3.9 5.5 L5.5 3.9 L8.9 7.3 Z"},
    IconData{"pentagon", "M10 5 L14.8 8.5 L13 14 H7 L5.2 8.5 Z"},
    // Data.
    IconData{"data-arrow", "M3 6 H9 V3 L15 8 L9 13 V10 H3 Z"},
    IconData{"collection", "M6 4 V16 M10 4 V16 M14 4 V16"},
};

double number(std::string_view d, std::size_t& i) {
  while (i < d.size() && (d[i] == ' ' || d[i] == ',')) ++i;
  double value = 0;
  auto [end, ec] = std::from_chars(d.data() + i, d.data() + d.size(), value);
  if (ec != std::errc{}) throw std::logic_error("icon path: number expected");
  i = static_cast<std::size_t>(end - d.data());
  return value;
}

}  // namespace

std::string_view icon_path(std::string_view name) {
  for (const auto& icon : icons)
    if (icon.name == name) return icon.path;
  throw std::logic_error("no icon named " + std::string(name));
}

// Absolute M, L, H, V, C and Z, which is all the icon data uses.
std::vector<PathOp> parse_path(std::string_view d, double x, double y, double scale) {
  std::vector<PathOp> ops;
  double cx = 0, cy = 0;
  char command = 0;
  for (std::size_t i = 0; i < d.size();) {
    char c = d[i];
    if (c == ' ' || c == ',') { ++i; continue; }
    if (std::isalpha(static_cast<unsigned char>(c))) { command = c; ++i; }
    PathOp op;
    switch (command) {
      case 'M': case 'L':
        cx = number(d, i); cy = number(d, i);
        op = {command, {x + cx * scale, y + cy * scale}};
        if (command == 'M') command = 'L';  // further pairs are lines
        break;
      case 'H': cx = number(d, i); op = {'L', {x + cx * scale, y + cy * scale}}; break;
      case 'V': cy = number(d, i); op = {'L', {x + cx * scale, y + cy * scale}}; break;
      case 'C': {
        double v[6];
        for (double& n : v) n = number(d, i);
        op = {'C', {x + v[0] * scale, y + v[1] * scale, x + v[2] * scale, y + v[3] * scale, x + v[4] * scale,
                    y + v[5] * scale}};
        cx = v[4]; cy = v[5];
        break;
      }
      case 'Z': op = {'Z'}; command = 0; break;
      default: throw std::logic_error("icon path: unsupported command");
    }
    ops.push_back(op);
  }
  return ops;
}

}  // namespace syzba::render
