#include "interpreter/observers/terminal_capabilities.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>

namespace planrun {
namespace {

bool set(const char* value) { return value && *value; }

// The locale's character set without calling setlocale(), which would change the whole
// process: the first of LC_ALL, LC_CTYPE, LANG that is set decides, as in POSIX.
bool utf8_locale(const TerminalCapabilities::Environment& environment) {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = environment(name);
    if (!set(value)) continue;
    std::string locale(value);
    for (char& c : locale) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return locale.find("utf-8") != std::string::npos || locale.find("utf8") != std::string::npos;
  }
  return false;
}

int columns(int fd, const TerminalCapabilities::Environment& environment) {
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  const char* value = environment("COLUMNS");
  int parsed = set(value) ? std::atoi(value) : 0;
  return parsed > 0 ? parsed : 80;
}

}  // namespace

TerminalCapabilities TerminalCapabilities::detect(FILE* stream) {
  return detect(stream, [](const char* name) -> const char* { return std::getenv(name); });
}

TerminalCapabilities TerminalCapabilities::detect(FILE* stream, const Environment& environment) {
  TerminalCapabilities capabilities;
  int fd = ::fileno(stream);
  capabilities.interactive = fd >= 0 && ::isatty(fd) == 1;
  const char* term = environment("TERM");
  capabilities.ansi = capabilities.interactive && !(term && std::string_view(term) == "dumb");
  capabilities.color = capabilities.ansi && !set(environment("NO_COLOR"));
  capabilities.unicode = utf8_locale(environment);
  capabilities.width = capabilities.interactive ? columns(fd, environment) : 80;
  return capabilities;
}

}  // namespace planrun
