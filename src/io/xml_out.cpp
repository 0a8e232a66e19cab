#include "io/xml_out.h"

namespace syzba::io {

XmlOut::XmlOut(std::ostream* sink) : sink_(sink) { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; }

void XmlOut::begin_child() {
  if (start_pending_) {
    out_ += '>';
    start_pending_ = false;
  }
  bool indent = stack_.empty() || !stack_.back().mixed;
  if (!stack_.empty()) stack_.back().has_children = true;
  if (indent) {
    out_ += '\n';
    out_.append(2 * stack_.size(), ' ');
  }
}

void XmlOut::start(std::string_view qname, bool mixed) {
  begin_child();
  out_ += '<';
  out_ += qname;
  stack_.push_back({std::string(qname), mixed, false});
  start_pending_ = true;
}

void XmlOut::attribute(std::string_view name, std::string_view value) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  escape(value, true);
  out_ += '"';
}

void XmlOut::begin_text() {
  if (start_pending_) {
    out_ += '>';
    start_pending_ = false;
  }
  if (!stack_.empty()) {
    stack_.back().has_children = true;
    stack_.back().mixed = true;  // from here on, no whitespace may be added around it
  }
}

void XmlOut::text(std::string_view value) {
  begin_text();
  escape(value, false);
}

void XmlOut::cdata(std::string_view value) {
  begin_text();
  // "]]>" cannot stand inside a CDATA section: split it across two sections.
  out_ += "<![CDATA[";
  for (std::size_t at = 0;;) {
    auto end = value.find("]]>", at);
    if (end == std::string_view::npos) {
      out_ += value.substr(at);
      break;
    }
    out_ += value.substr(at, end + 2 - at);
    out_ += "]]><![CDATA[";
    at = end + 2;
  }
  out_ += "]]>";
}

void XmlOut::comment(std::string_view value) {
  begin_child();
  out_ += "<!--";
  out_ += value;
  out_ += "-->";
}

void XmlOut::processing_instruction(std::string_view name, std::string_view value) {
  begin_child();
  out_ += "<?";
  out_ += name;
  if (!value.empty()) {
    out_ += ' ';
    out_ += value;
  }
  out_ += "?>";
}

void XmlOut::end() {
  Open open = std::move(stack_.back());
  stack_.pop_back();
  if (start_pending_) {
    out_ += " />";
    start_pending_ = false;
  } else {
    if (open.has_children && !open.mixed) {
      out_ += '\n';
      out_.append(2 * stack_.size(), ' ');
    }
    out_ += "</";
    out_ += open.name;
    out_ += '>';
  }
  if (stack_.empty()) out_ += '\n';
  if (out_.size() > (std::size_t{1} << 16)) flush();
}

void XmlOut::escape(std::string_view value, bool in_attribute) {
  for (char c : value) {
    switch (c) {
      case '&': out_ += "&amp;"; break;
      case '<': out_ += "&lt;"; break;
      case '>': out_ += "&gt;"; break;
      case '"':
        if (in_attribute) out_ += "&quot;";
        else out_ += c;
        break;
      case '\r': out_ += "&#13;"; break;
      case '\n':
        if (in_attribute) out_ += "&#10;";
        else out_ += c;
        break;
      case '\t':
        if (in_attribute) out_ += "&#9;";
        else out_ += c;
        break;
      default: out_ += c;
    }
  }
}

}  // namespace syzba::io
