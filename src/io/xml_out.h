#pragma once
// A small streaming XML writer: elements indented by two spaces, attributes escaped so that
// a reader gets back exactly the value (tabs and line breaks as character references), and
// "mixed" elements (with text among their children) written without added whitespace, since
// whitespace there would become part of the text. Internal to io.
#include <string>
#include <string_view>
#include <vector>

namespace syzba::io {

class XmlOut {
 public:
  XmlOut();

  void start(std::string_view qname, bool mixed = false);
  void attribute(std::string_view name, std::string_view value);  // only right after start()
  void text(std::string_view value);
  void cdata(std::string_view value);
  void comment(std::string_view value);
  void processing_instruction(std::string_view name, std::string_view value);
  void end();

  std::string take() { return std::move(out_); }

 private:
  struct Open {
    std::string name;
    bool mixed = false;
    bool has_children = false;
  };
  void begin_child();  // closes a pending start tag and indents, as the parent's mode says
  void escape(std::string_view value, bool in_attribute);

  std::string out_;
  std::vector<Open> stack_;
  bool start_pending_ = false;
};

}  // namespace syzba::io
