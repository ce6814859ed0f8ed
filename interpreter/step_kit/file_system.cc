#include "interpreter/step_kit/file_system.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

#include "interpreter/files/durable_write.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& operation, const fs::path& path, const std::error_code& error) {
  throw EnvironmentError("cannot " + operation + " '" + path.string() + "': " + error.message());
}

}  // namespace

bool SystemFileSystem::exists(const fs::path& path) const {
  std::error_code error;
  bool found = fs::exists(path, error);
  if (error) fail("look for", path, error);
  return found;
}

std::optional<std::string> SystemFileSystem::read_file(const fs::path& path) const {
  if (!exists(path)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("read", path, std::error_code(errno, std::generic_category()));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<uint64_t> SystemFileSystem::file_size(const fs::path& path) const {
  std::error_code error;
  uint64_t size = fs::file_size(path, error);
  if (error == std::errc::no_such_file_or_directory) return std::nullopt;
  if (error) fail("read the size of", path, error);
  return size;
}

std::string SystemFileSystem::read_at(const fs::path& path, uint64_t offset, size_t length) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!exists(path)) return "";
    fail("read", path, std::error_code(errno, std::generic_category()));
  }
  std::string bytes(length, '\0');
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(bytes.data(), static_cast<std::streamsize>(length));
  bytes.resize(in ? length : static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return bytes;
}

void SystemFileSystem::write_durably(const fs::path& path, std::string_view bytes, mode_t mode) {
  try {
    write_file_durably(path, bytes, mode);
  } catch (const std::system_error& error) {
    throw EnvironmentError(error.what());
  }
}

// A rename over a symbolic link would replace the link with a copy, so the file it points to
// is the one replaced, with the permission bits it has (a datasources file may be 0600).
void SystemFileSystem::rewrite_durably(const fs::path& path, std::string_view bytes) {
  std::error_code error;
  fs::path target = fs::canonical(path, error);
  fs::file_status status = error ? fs::file_status() : fs::status(target, error);
  if (error) fail("rewrite", path, error);
  write_durably(target, bytes, static_cast<mode_t>(status.permissions() & fs::perms::mask));
}

void SystemFileSystem::create_directories(const fs::path& path) {
  std::error_code error;
  fs::create_directories(path, error);
  if (error) fail("create directory", path, error);
}

void SystemFileSystem::remove_all(const fs::path& path) {
  std::error_code error;
  fs::remove_all(path, error);
  if (error) fail("remove", path, error);
}

std::vector<std::string> SystemFileSystem::list(const fs::path& directory) const {
  std::vector<std::string> names;
  if (!exists(directory)) return names;
  std::error_code error;
  for (fs::directory_iterator entry(directory, error), end; !error && entry != end; entry.increment(error))
    names.push_back(entry->path().filename().string());
  if (error) fail("list", directory, error);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace planrun
