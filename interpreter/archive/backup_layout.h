#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "interpreter/files/checksum_manifest.h"
#include "interpreter/archive/tree_archive_writer.h"

namespace planrun {

// The files of a backup directory (a backup step's `to`, a restore step's `from`):
//
//   tree.tar.zst | tree.tar.gz | tree.tar   a directory's archive (`tar -xf` reads it)
//   tree.sha256                             its files' digests, relative to the directory
//                                           (`sha256sum -c` inside what tar extracted)
//   database.dump | database.sql | database.db   a database's own dump (database_dump.h)
//   SHA256SUMS                              the digests of the files above (`sha256sum -c`
//                                           in the backup directory), written last
//
// SHA256SUMS is the backup's seal: it is written durably only after everything it lists is
// durable and verified, and removed first when a backup starts over, so a directory without
// it (a run killed half-way) is never taken for a complete backup.
struct BackupLayout {
  static constexpr const char* seal = "SHA256SUMS";
  static constexpr const char* tree_manifest = "tree.sha256";

  static std::string archive_name(ArchiveCompression compression);
  // A compression as the `compression` field names it (zstd, gzip, none), or nullopt.
  static std::optional<ArchiveCompression> compression_named(const std::string& name);
  // Where a file of the backup is written before it is complete: a hidden name beside it.
  static std::filesystem::path partial(const std::filesystem::path& file);
};

// Makes `to` ready for a new backup: creates it 0700 (files/private_files.h: a backup holds
// passwords and data, and every file of it is 0600), removes the seal (durably, before anything
// else changes) and any partial file an interrupted attempt left. Throws EnvironmentError.
void start_backup(const std::filesystem::path& to);

// Writes the seal listing `manifest`, durably: the backup is complete from here on.
void seal_backup(const std::filesystem::path& to, const ChecksumManifest& manifest);

// Reads the seal of the backup in `from`; fails the step when there is none (an unfinished or
// foreign directory) or it is not a sha256sum file.
ChecksumManifest read_seal(const std::filesystem::path& from);

}  // namespace planrun
