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

void SystemFileSystem::write_durably(const fs::path& path, std::string_view bytes) {
  try {
    write_file_durably(path, bytes);
  } catch (const std::system_error& error) {
    throw EnvironmentError(error.what());
  }
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
