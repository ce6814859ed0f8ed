#include "interpreter/observers/terminal_style.h"

namespace planrun {
namespace {

std::string_view ansi_code(TerminalStyle::Tone tone) {
  using Tone = TerminalStyle::Tone;
  switch (tone) {
    case Tone::Bold: return "\033[1m";
    case Tone::Dim: return "\033[2m";
    case Tone::Green: return "\033[32m";
    case Tone::Red: return "\033[31m";
    case Tone::Yellow: return "\033[33m";
    case Tone::Cyan: return "\033[36m";
    case Tone::Plain: break;
  }
  return "";
}

}  // namespace

std::string TerminalStyle::paint(Tone tone, std::string_view text) const {
  std::string_view code = ansi_code(tone);
  if (!color_ || code.empty() || text.empty()) return std::string(text);
  std::string painted(code);
  painted += text;
  painted += "\033[0m";
  return painted;
}

std::string_view TerminalStyle::started_symbol() const { return unicode_ ? "▶" : ">"; }

std::string_view TerminalStyle::symbol(StepOutcome outcome) const {
  switch (outcome) {
    case StepOutcome::Done: return unicode_ ? "✓" : "+";
    case StepOutcome::UpToDate: return "=";
    case StepOutcome::Failed: return unicode_ ? "✗" : "x";
    case StepOutcome::Skipped: return "-";
    case StepOutcome::Cancelled: return unicode_ ? "■" : "!";
  }
  return "?";
}

TerminalStyle::Tone TerminalStyle::tone(StepOutcome outcome) {
  switch (outcome) {
    case StepOutcome::Done: return Tone::Green;
    case StepOutcome::Failed: return Tone::Red;
    case StepOutcome::Cancelled: return Tone::Yellow;
    case StepOutcome::UpToDate:
    case StepOutcome::Skipped: return Tone::Dim;
  }
  return Tone::Plain;
}

}  // namespace planrun
