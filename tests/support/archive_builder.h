#pragma once

// Writes archives entry by entry with libarchive, so tests can build the ones no honest tool
// makes: absolute paths, `..`, symlinks out of the target, links written through.

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace planrun::testing {

struct ArchiveItem {
  enum class Type { File, Directory, Symlink, Hardlink, Fifo };
  Type type = Type::File;
  std::string path;
  std::string content;  // a file's bytes
  std::string target;   // a symlink's or hard link's target
  int mode = 0644;
};

inline ArchiveItem file_item(std::string path, std::string content, int mode = 0644) {
  return {ArchiveItem::Type::File, std::move(path), std::move(content), "", mode};
}
inline ArchiveItem directory_item(std::string path) { return {ArchiveItem::Type::Directory, std::move(path), "", "", 0755}; }
inline ArchiveItem symlink_item(std::string path, std::string target) {
  return {ArchiveItem::Type::Symlink, std::move(path), "", std::move(target), 0777};
}
inline ArchiveItem hardlink_item(std::string path, std::string target) {
  return {ArchiveItem::Type::Hardlink, std::move(path), "", std::move(target), 0644};
}

// `format`: "zip", "tar", "tar.gz", "tar.xz", "tar.zst".
inline void write_archive(const std::filesystem::path& path, const std::string& format,
                          const std::vector<ArchiveItem>& items) {
  archive* writer = archive_write_new();
  if (format == "zip") {
    archive_write_set_format_zip(writer);
  } else {
    archive_write_set_format_pax_restricted(writer);
    if (format == "tar.gz") archive_write_add_filter_gzip(writer);
    if (format == "tar.xz") archive_write_add_filter_xz(writer);
    if (format == "tar.zst") archive_write_add_filter_zstd(writer);
  }
  if (archive_write_open_filename(writer, path.c_str()) != ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(writer));
  for (const ArchiveItem& item : items) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, item.path.c_str());
    archive_entry_set_perm(entry, static_cast<mode_t>(item.mode));
    archive_entry_set_mtime(entry, 1'600'000'000, 0);
    switch (item.type) {
      case ArchiveItem::Type::File:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_size(entry, static_cast<la_int64_t>(item.content.size()));
        break;
      case ArchiveItem::Type::Directory: archive_entry_set_filetype(entry, AE_IFDIR); break;
      case ArchiveItem::Type::Symlink:
        archive_entry_set_filetype(entry, AE_IFLNK);
        archive_entry_set_symlink(entry, item.target.c_str());
        break;
      case ArchiveItem::Type::Hardlink:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_hardlink(entry, item.target.c_str());
        break;
      case ArchiveItem::Type::Fifo: archive_entry_set_filetype(entry, AE_IFIFO); break;
    }
    if (archive_write_header(writer, entry) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(writer));
    if (!item.content.empty()) archive_write_data(writer, item.content.data(), item.content.size());
    archive_entry_free(entry);
  }
  archive_write_close(writer);
  archive_write_free(writer);
}

}  // namespace planrun::testing
