#pragma once

#include <sys/stat.h>

#include <cstdio>

#include <filesystem>
#include <map>
#include <string>

namespace planrun::testing {

// The permission bits of a directory and of each entry in it, by name ("." for the directory
// itself), in octal: what another local user could read of files that hold data.
inline std::map<std::string, std::string> modes_in(const std::filesystem::path& directory) {
  std::map<std::string, std::string> modes;
  auto mode_of = [](const std::filesystem::path& path) {
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0) return std::string("missing");
    char text[8];
    std::snprintf(text, sizeof text, "%04o", status.st_mode & 07777);
    return std::string(text);
  };
  modes["."] = mode_of(directory);
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    modes[entry.path().filename().string()] = mode_of(entry.path());
  return modes;
}

}  // namespace planrun::testing
