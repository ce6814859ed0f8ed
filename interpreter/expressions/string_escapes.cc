#include "interpreter/expressions/string_escapes.h"

namespace planrun {

std::string unescape_quoted(std::string_view quoted) {
  std::string out;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    char c = quoted[i];
    if (c == '\\') {
      c = quoted[++i];
      c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
    }
    out += c;
  }
  return out;
}

}  // namespace planrun
