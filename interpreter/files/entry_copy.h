#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace planrun {

// Exact copies of single entries: bytes, mode (setuid and sticky bits included), times to the
// nanosecond, and with `preserve_owner` the owner and group. Trees are copied entry by entry
// with these (files/tree_copy.h). Each throws std::system_error naming the path and operation.

// Copies a regular file's bytes from `from` into `to` (created or truncated; a symlink at `to`
// is not followed), in the kernel with copy_file_range where the file systems allow (a reflink
// where they share blocks), then sets its metadata to `status`, that of `from`. Returns the
// bytes copied; a source whose size is not `status`'s any more fails the copy.
uint64_t copy_file_exact(const std::filesystem::path& from, const struct stat& status,
                         const std::filesystem::path& to, bool preserve_owner);

// Creates `to` as a symlink to `target` with `status`'s times (and owner); the target is never
// read or checked. Replaces nothing: `to` must not exist.
void create_symlink_exact(const std::string& target, const struct stat& status, const std::filesystem::path& to,
                          bool preserve_owner);

// Sets the mode, times (and owner) of the directory or file at `path` to `status`'s.
void apply_metadata(const std::filesystem::path& path, const struct stat& status, bool preserve_owner);

// The quick check that a copy is already there: same type, size, mode and modification time
// (and owner and group when `preserve_owner`).
bool same_metadata(const struct stat& source, const struct stat& existing, bool preserve_owner);

}  // namespace planrun
