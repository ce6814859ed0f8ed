#pragma once

#include <sys/types.h>

#include <filesystem>

namespace planrun {

// Files that hold data (a backup's archive, dump, manifests; the state) are its owner's only:
// created 0600 in a directory that is 0700, so neither a wide umask nor a reader on the way in
// can see them. Failures throw std::system_error (files/file_error.h).

constexpr mode_t private_file_mode = 0600;
constexpr mode_t private_directory_mode = 0700;

// Creates `directory` (its missing ancestors with the ordinary mode) and makes it 0700, also
// when it existed with a wider mode: it is planrun's own (a state directory, a backup's `to`).
void create_private_directory(const std::filesystem::path& directory);

// Makes `file` readable and writable by its owner only: a file a tool wrote with its own mode
// (a dump tool's output through the umask).
void make_private(const std::filesystem::path& file);

}  // namespace planrun
