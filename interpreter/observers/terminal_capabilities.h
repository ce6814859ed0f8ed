#pragma once

#include <cstdio>
#include <functional>

namespace planrun {

// What the terminal behind a stream can show; the command line reads it once to configure
// TerminalLog and to decide whether to show progress bars.
struct TerminalCapabilities {
  using Environment = std::function<const char*(const char* name)>;

  bool interactive = false;  // the stream is a terminal
  bool ansi = false;         // and understands cursor movement (TERM is not "dumb"): progress bars
  bool color = false;        // and colors are welcome: NO_COLOR is unset or empty (no-color.org)
  bool unicode = false;      // the locale's character set is UTF-8 (LC_ALL, else LC_CTYPE, else LANG)
  int width = 80;            // columns: the terminal's, else $COLUMNS, else 80

  static TerminalCapabilities detect(FILE* stream);  // from the process environment
  static TerminalCapabilities detect(FILE* stream, const Environment& environment);
};

}  // namespace planrun
