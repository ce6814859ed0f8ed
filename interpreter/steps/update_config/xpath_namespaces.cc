#include "interpreter/steps/update_config/xpath_namespaces.h"

#include <cctype>

namespace planrun {
namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

// XPath 1.0 string literals have no escapes: a quote ends them.
size_t skip_literal(const std::string& xpath, size_t at) {
  size_t end = xpath.find(xpath[at], at + 1);
  return end == std::string::npos ? xpath.size() : end + 1;
}

std::string name_test(const std::string& local, const std::string& uri) {
  std::string quote = uri.find('\'') == std::string::npos ? "'" : "\"";
  std::string in_namespace = "namespace-uri()=" + quote + uri + quote;
  if (local == "*") return "*[" + in_namespace + "]";
  return "*[local-name()='" + local + "' and " + in_namespace + "]";
}

}  // namespace

std::string bind_xpath_namespaces(const std::string& xpath, const std::map<std::string, std::string>& namespaces) {
  std::string out;
  for (size_t at = 0; at < xpath.size();) {
    char c = xpath[at];
    if (c == '\'' || c == '"') {
      size_t end = skip_literal(xpath, at);
      out += xpath.substr(at, end - at);
      at = end;
      continue;
    }
    if (!name_char(c) || (at > 0 && name_char(xpath[at - 1]))) {
      out += c;
      ++at;
      continue;
    }
    size_t end = at;
    while (end < xpath.size() && name_char(xpath[end])) ++end;
    std::string prefix = xpath.substr(at, end - at);
    auto bound = namespaces.find(prefix);
    bool qualified = end + 1 < xpath.size() && xpath[end] == ':' && xpath[end + 1] != ':';
    if (!qualified || bound == namespaces.end()) {
      out += prefix;
      at = end;
      continue;
    }
    size_t local_end = end + 1;
    if (xpath[local_end] == '*') ++local_end;
    else while (local_end < xpath.size() && name_char(xpath[local_end])) ++local_end;
    out += name_test(xpath.substr(end + 1, local_end - end - 1), bound->second);
    at = local_end;
  }
  return out;
}

}  // namespace planrun
