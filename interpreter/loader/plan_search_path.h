#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planrun {

// Where `use:` and `include:` look for a plan named `carbon/upgrade-same-db`, in this order:
// the folder of the file that names it, each folder of PLANRUN_PATH (colon-separated), and the
// standard library, stdlib-plans/ (PLANRUN_STDLIB, else planrun's own: planrun_installation.h).
// The first match wins, so a plan's folder can hold its own version of a stdlib plan.
std::vector<std::filesystem::path> plan_search_path(const std::string& naming_file);

// The file `name` stands for: the name as given, or with .yaml, .yml or .plan added when it has
// no extension; nullopt when no folder of the search path holds it.
std::optional<std::filesystem::path> find_plan_file(const std::string& name, const std::string& naming_file);

// "the plan's folder (F), PLANRUN_PATH (...), stdlib-plans (S)", for a message saying where it looked.
std::string describe_search_path(const std::string& naming_file);

}  // namespace planrun
