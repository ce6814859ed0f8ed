#include "interpreter/archive/jar_entries.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "interpreter/step_kit/step_failure.h"

namespace planrun {

namespace {

using ArchiveReader = std::unique_ptr<archive, decltype(&archive_read_free)>;

[[noreturn]] void cannot_read(const std::filesystem::path& jar, archive* reader) {
  const char* reason = archive_error_string(reader);
  throw EnvironmentError("cannot read '" + jar.string() + "' as a jar (zip): " + (reason ? reason : "no reason given"));
}

}  // namespace

std::vector<std::string> jar_entry_names(const std::filesystem::path& jar) {
  ArchiveReader reader(archive_read_new(), archive_read_free);
  // The seekable zip reader trusts the central directory, as the JVM's class loader does.
  archive_read_support_format_zip_seekable(reader.get());
  if (archive_read_open_filename(reader.get(), jar.c_str(), 1 << 16) != ARCHIVE_OK) cannot_read(jar, reader.get());
  std::vector<std::string> names;
  archive_entry* entry = nullptr;
  for (;;) {
    int status = archive_read_next_header(reader.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) cannot_read(jar, reader.get());
    if (const char* name = archive_entry_pathname(entry)) names.emplace_back(name);
    archive_read_data_skip(reader.get());
  }
  return names;
}

std::string class_file_entry(const std::string& class_name) {
  std::string entry = class_name;
  for (char& c : entry)
    if (c == '.') c = '/';
  return entry + ".class";
}

}  // namespace planrun
