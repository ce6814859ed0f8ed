#pragma once

// What the backup and restore tests compare: a directory tree as text, one line per entry with
// what a restore must keep (type, mode, mtime to the nanosecond, content digest, link target,
// which paths are hard links of one file), and a shell to run tar and sha256sum outside planrun.

#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "interpreter/files/sha256_hasher.h"

namespace planrun::testing {

// path -> "dir 755 mtime" | "file 644 mtime sha256 [link of FIRST]" | "symlink -> target".
inline std::map<std::string, std::string> tree_snapshot(const std::filesystem::path& root) {
  std::map<std::string, std::string> entries;
  std::map<ino_t, std::string> first_of_inode;
  auto describe = [&](const std::filesystem::path& path, const std::string& name) {
    struct stat status {};
    ::lstat(path.c_str(), &status);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%o", status.st_mode & 07777);
    std::string mtime = std::to_string(status.st_mtim.tv_sec) + "." + std::to_string(status.st_mtim.tv_nsec);
    if (S_ISLNK(status.st_mode)) return "symlink -> " + std::filesystem::read_symlink(path).string();
    if (S_ISDIR(status.st_mode)) return "dir " + std::string(mode) + " " + mtime;
    std::string line = "file " + std::string(mode) + " " + mtime + " " + sha256_of_file(path);
    if (status.st_nlink > 1 && !first_of_inode.emplace(status.st_ino, name).second)
      line += " link of " + first_of_inode[status.st_ino];
    return line;
  };
  entries["."] = describe(root, ".");
  std::map<std::string, std::filesystem::path> sorted;  // hard links named after the first in byte order
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    sorted[entry.path().lexically_relative(root).string()] = entry.path();
  for (const auto& [name, path] : sorted) entries[name] = describe(path, name);
  return entries;
}

struct ShellOutcome {
  int exit_code = -1;
  std::string output;
};

// Runs `command` with /bin/sh, stdout and stderr together.
inline ShellOutcome shell(const std::string& command) {
  ShellOutcome outcome;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::array<char, 4096> buffer;
  while (size_t got = fread(buffer.data(), 1, buffer.size(), pipe)) outcome.output.append(buffer.data(), got);
  int status = pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

// 'text' for the shell.
inline std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace planrun::testing
