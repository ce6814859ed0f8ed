#pragma once

#include <string>
#include <string_view>

#include "interpreter/executor/execution_observer.h"

namespace planrun {

// How the terminal log dresses its text: ANSI colors or none, Unicode symbols or ASCII ones.
// Symbols, Unicode / ASCII: started ▶ / >, done ✓ / +, failed ✗ / x, skipped - / -,
// up to date = / =, cancelled ■ / !. ASCII keeps a C or POSIX locale (cron, CI) readable.
class TerminalStyle {
 public:
  enum class Tone { Plain, Bold, Dim, Green, Red, Yellow, Cyan };

  TerminalStyle(bool color, bool unicode) : color_(color), unicode_(unicode) {}

  std::string paint(Tone tone, std::string_view text) const;
  std::string_view started_symbol() const;
  std::string_view symbol(StepOutcome outcome) const;
  static Tone tone(StepOutcome outcome);

 private:
  bool color_;
  bool unicode_;
};

}  // namespace planrun
