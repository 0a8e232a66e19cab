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
    // Event definitions in the 36×36 frame of the event itself (bpmn-js's sizes and places:
    // the envelope 19×12.6, the bolt and the arrows reaching near the inner ring).
    IconData{"message", "M8.5 11.3 H27.4 V23.9 H8.5 Z M8.5 11.3 L17.95 16.7 L27.4 11.3"},
    IconData{"timer-hands", "M18 18 L20.3 10.5 M18 18 L23.3 19.5"},
    IconData{"timer-tick", "M18 7.6 V9.9"},  // rotated twelve times about the centre
    IconData{"error", "M7.3 26 L14.6 16.4 L22.3 25.3 L27 7.1 L21.1 18.8 L13.8 9.2 Z"},
    IconData{"escalation", "M18 7.2 L26 27.2 L18 20.2 L10 27.2 Z"},
    IconData{"cancel", "M24 8.6 L27.4 12 L21.4 18 L27.4 24 L24 27.4 L18 21.4 L12 27.4 L8.6 24 L14.6 18 L8.6 12 "
                       "L12 8.6 L18 14.6 Z"},
    IconData{"compensate", "M7.9 18 L16.9 11.5 V24.5 Z M17.2 17.6 L25.9 11.5 V24.5 Z"},
    IconData{"conditional", "M10.5 8.5 H25 V26.5 H10.5 Z M12.5 11.5 H23 M12.5 14.5 H23 M12.5 17.5 H23 M12.5 20.5 H23 "
                            "M12.5 23.5 H23"},
    IconData{"link", "M20.5 9.5 V13.9 H7 V20.7 H20.5 V25.1 L30.4 17.3 Z"},
    IconData{"signal", "M18 7.2 L27 23.4 H9 Z"},
    IconData{"multiple", "M7.6 13 L18 6 L28.4 13 L24.4 26.8 H11.6 Z"},
    IconData{"parallel-multiple", "M16.5 7 H19.6 V16.2 H28.8 V19.3 H19.6 V28.5 H16.5 V19.3 H7.3 V16.2 H16.5 Z"},
    // Task type markers in the task's own pixels from its top-left corner, as bpmn-js places them.
    IconData{"user-body", "M7 24 V18 C7 15.5 10.5 13.5 13 12.8 L15.5 15 L18 12.8 C20.5 13.5 24 15.5 24 18 V24 Z "
                          "M10 19.5 V24 M21 19.5 V24"},
    IconData{"user-head", "M15.5 4 C17.9 4 19.8 5.9 19.8 8.3 C19.8 10.7 17.9 12.6 15.5 12.6 C13.1 12.6 11.2 10.7 "
                          "11.2 8.3 C11.2 5.9 13.1 4 15.5 4 Z"},
    IconData{"user-hair", "M11.3 7.8 C12.6 6.8 14 6.3 15.7 7 C17.4 7.7 19 7.9 19.7 7.6 C19.5 5.6 18 4 15.5 4 "
                          "C13 4 11.3 5.8 11.3 7.8 Z"},
    // A gear in a 20×20 frame (centre 10, 10; teeth to 8.7): drawn twice, overlapping, for a
    // service task.
    IconData{"gear", "M16.2 8.3 L18.7 8.7 L18.7 11.3 L16.2 11.7 L15.6 13.2 L17.1 15.2 L15.2 17.1 L13.2 15.6 "
                     "L11.7 16.2 L11.3 18.7 L8.7 18.7 L8.3 16.2 L6.8 15.6 L4.8 17.1 L2.9 15.2 L4.4 13.2 "
                     "L3.8 11.7 L1.3 11.3 L1.3 8.7 L3.8 8.3 L4.4 6.8 L2.9 4.8 L4.8 2.9 L6.8 4.4 L8.3 3.8 "
                     "L8.7 1.3 L11.3 1.3 L11.7 3.8 L13.2 4.4 L15.2 2.9 L17.1 4.8 L15.6 6.8 Z"},
    IconData{"hand", "M1.5 8.5 L6.5 4 H15 C16.2 4 16.2 6 15 6 H9.5 H17.5 C18.8 6 18.8 8.3 17.5 8.3 H10.5 H18 "
                     "C19.3 8.3 19.3 10.6 18 10.6 H10.5 H17 C18.2 10.6 18.2 12.8 17 12.8 H10 H14.5 C15.7 12.8 "
                     "15.7 15 14.5 15 H5 L1.5 13 Z"},
    IconData{"rule-table", "M8 8 H28 V23 H8 Z M8 17.5 H28 M13 12 V23"},
    IconData{"rule-header", "M8 8 H28 V12 H8 Z"},
    IconData{"send", "M6 5 H27 V19 H6 Z M6 5 L16.5 11 L27 5"},
    IconData{"receive", "M6.3 5.6 H25.2 V18.2 H6.3 Z M6.3 5.6 L15.75 11 L25.2 5.6"},
    IconData{"receive-instantiating", "M7.8 9.5 H20.4 V17.9 H7.8 Z M7.8 9.5 L14.1 13.1 L20.4 9.5"},
    IconData{"script", "M6.5 2.5 H17 C14.5 5 14.5 7.5 16.5 10 C18.5 12.5 18.5 15 16 17.5 H3.5 C6 15 6 12.5 4 10 "
                       "C2 7.5 2 5 6.5 2.5 Z M7.5 6 H13.5 M8.5 10 H14.5 M8 14 H14"},
    // Activity markers in pixels from their anchor (bpmn-js's places along the bottom edge).
    IconData{"loop", "M0 0 C3.5 0 6.3 -2.8 6.3 -6.3 C6.3 -9.8 3.5 -12.6 0 -12.6 C-3.5 -12.6 -6.3 -9.8 -6.3 -6.3 "
                     "C-6.3 -4.6 -5.6 -3 -4.5 -1.9 M-4.5 -1.9 L-5.2 -5.8 M-4.5 -1.9 L-8.4 -1.1"},
    IconData{"parallel-mi", "M3 2 V12 M6 2 V12 M9 2 V12"},
    IconData{"sequential-mi", "M0 3 H10 M0 6 H10 M0 9 H10"},
    IconData{"compensation-marker", "M0 0 L7 -5 V5 Z M7.1 -0.3 L14 -5 V5 Z"},
    IconData{"ad-hoc", "M0.8 2.6 C2 1.3 3.5 0.6 5.1 0.7 C7.2 0.8 9 1.9 10.9 2.5 C12 2.8 13.2 2.6 14.1 2.1 "
                       "C14.7 1.7 15.4 1.4 15.8 0.9 V2.6 C14.8 3.6 13.5 4.2 12.1 4.3 C10.9 4.4 9.7 4 8.5 3.5 "
                       "C7.2 3 5.8 2.2 4.3 2.4 C2.9 2.5 1.9 3.5 0.8 4.3 Z"},
    IconData{"plus-box-cross", "M7 2 V12 M2 7 H12"},
    // Gateway markers in the 50×50 frame of the diamond: thick filled glyphs as bpmn-js's.
    IconData{"gateway-x", "M16 15.5 H19.5 L25 22.2 L30.5 15.5 H34 L26.9 25 L34 34.5 H30.5 L25 27.8 L19.5 34.5 H16 "
                          "L23.1 25 Z"},
    IconData{"gateway-plus", "M22.5 10 H27.5 V22.5 H40 V27.5 H27.5 V40 H22.5 V27.5 H10 V22.5 H22.5 Z"},
    IconData{"gateway-plus-outline", "M23.3 15 H26.7 V23.3 H35 V26.7 H26.7 V35 H23.3 V26.7 H15 V23.3 H23.3 Z"},
    IconData{"gateway-complex", "M22.3 12 H27.7 V38 H22.3 Z M12 22.3 H38 V27.7 H12 Z "
                                "M16 19.8 L19.8 16 L34 30.2 L30.2 34 Z M34 19.8 L19.8 34 L16 30.2 L30.2 16 Z"},
    IconData{"pentagon", "M18 22 L25.4 17 L32.8 22 L30.3 31.8 H20.5 Z"},
    // Data, in the 36×50 frame of a data object.
    IconData{"data-arrow", "M5 9 H14 V6 L19 11 L14 16 V13 H5 Z"},
    IconData{"collection", "M3 2 V12 M6 2 V12 M9 2 V12"},
    // The envelope in the middle of a message flow, 21×14 about its centre.
    IconData{"message-flow-envelope", "M-10.5 -7 H10.5 V7 H-10.5 Z M-10.5 -7 L0 -1 L10.5 -7"},
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
