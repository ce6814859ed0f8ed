#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace planrun {

// The file system type (statfs f_type) of a path; nullopt when it cannot be told. A seam:
// tests stand in for NFS, which they cannot mount.
// A plain function pointer keeps the options that hold it a literal type.
using FileSystemTypeProbe = std::optional<int64_t> (*)(const std::filesystem::path&);

// statfs(2).
std::optional<int64_t> statfs_type(const std::filesystem::path& path);

// The name of the network file system of this type ("NFS", "CIFS/SMB", ...), nullopt for
// any other. On these, SQLite's write-ahead log (shared memory between processes of one host)
// and flock (often local to each client) cannot keep two runs apart or the state intact.
std::optional<std::string> network_file_system_name(int64_t type);

}  // namespace planrun
