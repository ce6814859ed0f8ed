#include "tests/tools/fake_carbon_server/driver_jars.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace planrun::fake_carbon {

namespace fs = std::filesystem;

namespace {

using Archive = std::unique_ptr<archive, int (*)(archive*)>;

bool jar_holds(const fs::path& jar, const std::string& entry_name) {
  Archive reader(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(reader.get());
  if (archive_read_open_filename(reader.get(), jar.c_str(), 64 * 1024) != ARCHIVE_OK) return false;  // not a jar Java could read either
  archive_entry* entry;
  while (archive_read_next_header(reader.get(), &entry) == ARCHIVE_OK)
    if (entry_name == archive_entry_pathname(entry)) return true;
  return false;
}

void add_entry(archive* writer, const std::string& name, const std::string& content) {
  std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(archive_entry_new(), archive_entry_free);
  archive_entry_set_pathname(entry.get(), name.c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(content.size()));
  archive_entry_set_mtime(entry.get(), 1451606400, 0);  // 2016-01-01: a fixed time, the same jar on every run
  if (archive_write_header(writer, entry.get()) != ARCHIVE_OK ||
      archive_write_data(writer, content.data(), content.size()) != static_cast<la_ssize_t>(content.size()))
    throw std::runtime_error(std::string("cannot write the jar entry ") + name + ": " + archive_error_string(writer));
}

}  // namespace

std::string class_file_of(const std::string& class_name) {
  std::string path = class_name;
  std::replace(path.begin(), path.end(), '.', '/');
  return path + ".class";
}

std::optional<fs::path> jar_holding_class(const fs::path& lib, const std::string& class_name) {
  std::vector<fs::path> jars;
  std::error_code ignored;
  for (const fs::directory_entry& entry : fs::directory_iterator(lib, ignored))
    if (entry.path().extension() == ".jar") jars.push_back(entry.path());
  std::sort(jars.begin(), jars.end());
  for (const fs::path& jar : jars)
    if (jar_holds(jar, class_file_of(class_name))) return jar;
  return std::nullopt;
}

void write_jar(const fs::path& out, const std::vector<std::string>& class_names) {
  Archive writer(archive_write_new(), archive_write_free);
  archive_write_set_format_zip(writer.get());
  if (archive_write_open_filename(writer.get(), out.c_str()) != ARCHIVE_OK)
    throw std::runtime_error("cannot write " + out.string() + ": " + archive_error_string(writer.get()));
  add_entry(writer.get(), "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: planrun fake-carbon-server\r\n\r\n");
  // The class file magic, then a note: enough for a lookup by entry name, never loadable.
  for (const std::string& name : class_names)
    add_entry(writer.get(), class_file_of(name), std::string("\xCA\xFE\xBA\xBE", 4) + "stub of " + name + "\n");
  if (archive_write_close(writer.get()) != ARCHIVE_OK)
    throw std::runtime_error("cannot write " + out.string() + ": " + archive_error_string(writer.get()));
}

}  // namespace planrun::fake_carbon
