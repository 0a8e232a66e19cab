#pragma once
// A small streaming XML writer: elements indented by two spaces, attributes escaped so that
// a reader gets back exactly the value (tabs and line breaks as character references), and
// "mixed" elements (with text among their children) written without added whitespace, since
// whitespace there would become part of the text. Internal to io.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace syzba::io {

class XmlOut {
 public:
  // With a sink, text goes out in chunks as it is made; without one, take() returns it all.
  explicit XmlOut(std::ostream* sink = nullptr);

  void start(std::string_view qname, bool mixed = false);
  void attribute(std::string_view name, std::string_view value);  // only right after start()
  void text(std::string_view value);
  void cdata(std::string_view value);
  void comment(std::string_view value);
  void processing_instruction(std::string_view name, std::string_view value);
  void end();

  std::string take() {
    flush();
    return std::move(out_);
  }
  void flush() {
    if (sink_ && !out_.empty()) {
      sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
      out_.clear();
    }
  }

 private:
  struct Open {
    std::string name;
    bool mixed = false;
    bool has_children = false;
  };
  void begin_child();  // closes a pending start tag and indents, as the parent's mode says
  void begin_text();   // closes a pending start tag; the element becomes mixed
  void escape(std::string_view value, bool in_attribute);

  std::ostream* sink_;
  std::string out_;
  std::vector<Open> stack_;
  bool start_pending_ = false;
};

}  // namespace syzba::io
