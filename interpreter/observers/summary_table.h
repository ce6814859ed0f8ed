#pragma once

#include <string>
#include <vector>

#include "interpreter/executor/execution_observer.h"
#include "interpreter/observers/terminal_style.h"

namespace planrun {

// The table of steps the terminal log prints when a run ends, one line per string:
//
//   step          outcome     attempts  duration  message
//   backup-db     up-to-date         -         -  done in run 2 with the same inputs
//   start         failed             3      1.0s  command exited with status 3 (expected 0)
//
// Columns are aligned by characters (not bytes); a message keeps only its first line, so one
// step stays one row. Steps that did not run show "-" for attempts and duration.
std::vector<std::string> summary_table(const std::vector<StepResult>& results, const TerminalStyle& style);

}  // namespace planrun
