#pragma once

#include <filesystem>
#include <string>

namespace planrun {

// The key under which a plan's records are kept in a state directory: the plan file's path
// relative to the folder that holds the state directory, so for the default `.planrun/` beside
// the plan it is the file's name ("446-to-447.yaml"). Two plans in one folder have two keys;
// the key stays the same when the folder is moved or cloned elsewhere with its state.
std::string plan_key(const std::filesystem::path& plan_file, const std::filesystem::path& state_dir);

// The plan key as one file name, for the plan's own folders in the state directory (its steps'
// work directories): letters, digits, '.', '_' and '-' stay, anything else is %XX; "" is "_".
std::string plan_folder_name(const std::string& plan_key);

}  // namespace planrun
