#pragma once

#include <string>
#include <vector>

#include "interpreter/evaluation/param_values.h"

namespace planrun {

// What the command line asked for, filled by the parser and read by the commands.
struct CommandOptions {
  std::string command;               // check, plan, graph, explain, run, fmt, ...
  std::vector<std::string> plans;    // check takes several
  ParamInputs params;
  std::string state_dir;
  std::string graph_format = "dot";
  std::string step_type;             // explain
  bool strict = false;               // check: warnings are errors
  bool json_schema = false;          // explain: print the JSON Schema of plan files
  // run
  int jobs = 0;                      // 0: the number of cores
  bool yes = false;                  // approve every confirm step; unlock without asking
  bool fresh = false;
  std::string from_step;
  std::string only_step;
  std::string log_json;
  std::string output;                // "" (human) or "json"
  bool quiet = false;
  bool allow_network_state = false;  // a state directory on NFS, SMB, ... is refused otherwise
  bool force = false;                // unlock: even a lock whose owner still runs
  // fmt
  std::string fmt_to;                // "" (the file's own syntax), "yaml" or "plan"
  bool fmt_check = false;            // name the files that are not canonical, exit 1
  bool fmt_write = false;            // write the result (in place, or beside with --to)
};

// Parses argv; `planrun PLAN ...` is `planrun run PLAN ...`. On --help/--version prints and sets
// `exit_code`; on a usage error prints it and sets exit_code to 2. Returns false when done.
bool parse_command_line(int argc, char** argv, CommandOptions& options, int& exit_code);

}  // namespace planrun
