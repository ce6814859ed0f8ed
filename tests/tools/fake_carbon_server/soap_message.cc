#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

// The local name of the tag that starts at `at` ('<'), or "" for a closing tag, a comment or
// a declaration.
std::string local_name_at(const std::string& xml, size_t at) {
  if (at + 1 >= xml.size() || xml[at + 1] == '/' || xml[at + 1] == '!' || xml[at + 1] == '?') return "";
  size_t end = xml.find_first_of(" \t\r\n/>", at + 1);
  if (end == std::string::npos) return "";
  std::string tag = xml.substr(at + 1, end - at - 1);
  size_t colon = tag.find(':');
  return colon == std::string::npos ? tag : tag.substr(colon + 1);
}

// Where the element starting at `at` ends (one past its end tag), or npos. Elements of the
// same local name nested inside it are counted.
size_t element_end(const std::string& xml, size_t at, const std::string& name) {
  size_t open_end = xml.find('>', at);
  if (open_end == std::string::npos) return std::string::npos;
  if (xml[open_end - 1] == '/') return open_end + 1;
  int depth = 1;
  for (size_t next = xml.find('<', open_end); next != std::string::npos; next = xml.find('<', next + 1)) {
    if (local_name_at(xml, next) == name) {
      size_t end = xml.find('>', next);
      if (end != std::string::npos && xml[end - 1] != '/') ++depth;
      continue;
    }
    if (xml.compare(next, 2, "</") != 0) continue;
    size_t end = xml.find('>', next);
    std::string tag = xml.substr(next + 2, end - next - 2);
    size_t colon = tag.find(':');
    if ((colon == std::string::npos ? tag : tag.substr(colon + 1)) == name && --depth == 0) return end + 1;
  }
  return std::string::npos;
}

std::string inner_text(const std::string& element) {
  size_t start = element.find('>') + 1;
  if (element[start - 2] == '/') return "";
  size_t end = element.rfind("</");
  return xml_unescaped(element.substr(start, end - start));
}

}  // namespace

std::vector<std::string> elements(const std::string& xml, const std::string& name) {
  std::vector<std::string> found;
  for (size_t at = xml.find('<'); at != std::string::npos; at = xml.find('<', at + 1)) {
    if (local_name_at(xml, at) != name) continue;
    size_t end = element_end(xml, at, name);
    if (end == std::string::npos) break;
    found.push_back(xml.substr(at, end - at));
    at = end - 1;
  }
  return found;
}

std::vector<std::string> element_texts(const std::string& xml, const std::string& name) {
  std::vector<std::string> texts;
  for (const std::string& element : elements(xml, name)) texts.push_back(inner_text(element));
  return texts;
}

std::string element_text(const std::string& xml, const std::string& name) {
  std::vector<std::string> found = elements(xml, name);
  return found.empty() ? "" : inner_text(found.front());
}

std::string operation_of(const std::string& soap_action, const std::string& body) {
  std::string action = soap_action;
  if (action.size() >= 2 && action.front() == '"') action = action.substr(1, action.size() - 2);
  if (action.rfind("urn:", 0) == 0) return action.substr(4);
  if (!action.empty()) return action;
  std::vector<std::string> found = elements(body, "Body");
  if (found.empty()) return "";
  const std::string& content = found.front();
  for (size_t at = content.find('<', 1); at != std::string::npos; at = content.find('<', at + 1))
    if (std::string name = local_name_at(content, at); !name.empty()) return name;
  return "";
}

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string xml_unescaped(const std::string& text) {
  static const std::pair<const char*, char> entities[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [entity, c] : entities) {
      std::string_view name(entity);
      if (text.compare(i, name.size(), name) != 0) continue;
      out += c, i += name.size(), replaced = true;
      break;
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

std::string envelope(const std::string& content) {
  return "<?xml version='1.0' encoding='UTF-8'?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
         "<soapenv:Body>" + content + "</soapenv:Body></soapenv:Envelope>";
}

std::string fault(const std::string& text) {
  return envelope("<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>" + xml_escaped(text) +
                  "</faultstring><detail/></soapenv:Fault>");
}

}  // namespace planrun::fake_carbon
