#pragma once

#include <filesystem>

namespace planrun {

// Copies one file to `to` so that `to` holds, durably, either what it held or all of `from`
// (with its mode and times): copied under a temporary name beside it, fdatasync'ed, renamed
// over it, the directory fsync'ed; then the copy's sha256 is compared with the source's.
// Nothing is written when `to` already holds the same bytes. Returns whether it copied. Throws
// std::system_error naming the path (EIO when the copy reads back other bytes than the source).
bool copy_file_verified(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace planrun
