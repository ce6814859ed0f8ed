#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "interpreter/step_kit/file_system.h"

namespace planrun {

// The review list of two configuration folders: what of the old home's differs from the new
// pack's, one line each, files in path order (relative to the folders):
//   only in old: PATH                  only in new: PATH (the new version's new file)
//   changed: PATH SETTING: NEW (new pack) -> OLD (old home)      (.xml and .properties, per setting)
//   only in old: PATH SETTING[: VALUE]  only in new: PATH SETTING[: VALUE]
//   differs: PATH                      (any other file, by content; symbolic links by target)
//   malformed XML: PATH:LINE:COL: WHAT (old home)   (its settings are not compared)
//   cannot read: PATH (old home): WHY
// Files and directories `exclude` matches (exclude_patterns.h) are left out on both sides; in
// cipher-text.properties every value is a secret. Throws std::system_error naming a folder
// that cannot be listed.
std::vector<std::string> review_conf_trees(const std::filesystem::path& old_root, const std::filesystem::path& new_root,
                                           const std::vector<std::string>& exclude, const FileSystem& files);

}  // namespace planrun
