#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>

namespace planrun {

// Replaces `path` with `bytes` so that after a crash or power cut the file holds either its old
// content or all of the new, never a part: the bytes go to a temporary file beside it, which is
// fdatasync'ed, renamed over `path`, and the directory is fsync'ed so the rename itself is
// durable. The one place planrun writes a file durably: steps (through FileSystem) and the
// state directory's own files use it. Throws std::system_error naming the operation and path.
void write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode = 0644);

// Makes the entries of `directory` (renames, creations) durable.
void sync_directory(const std::filesystem::path& directory);

// Makes everything written to the file system that holds `path` durable, data and names: one
// syncfs instead of an fdatasync per file, for steps that write thousands of files.
void sync_file_system(const std::filesystem::path& path);

}  // namespace planrun
