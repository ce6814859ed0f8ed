#pragma once

#include <filesystem>
#include <string>

namespace planrun {

// The name to open an SQLite file by so that reading it changes nothing on disk: a URI with
// mode=ro, and immutable=1 when no writer's -wal file is beside it. A read-only connection to a
// WAL database still creates its -wal and -shm files when they are absent; immutable creates
// nothing. When a -wal exists (a writer is at work, or died mid-write), its content must be
// read, so the file is opened read-only through the existing -shm index instead. Used for the
// state (`plan`, `status`) and for databases a step must never write (a source).
std::string sqlite_read_only_uri(const std::filesystem::path& file);

}  // namespace planrun
