#include "interpreter/diagnostics/system_error_words.h"

#include <filesystem>

namespace planrun {

namespace {

// libstdc++ words a std::filesystem::filesystem_error "filesystem error: OPERATION: REASON
// [PATH1] [PATH2]"; the operation (e.g. "cannot create directories") is kept, the rest rebuilt.
std::string filesystem_words(const std::filesystem::filesystem_error& error) {
  std::string text = error.what();
  std::string reason = error.code().message();
  const std::string prefix = "filesystem error: ";
  size_t start = text.starts_with(prefix) ? prefix.size() : 0;
  size_t end = text.find(": " + reason, start);
  if (end == std::string::npos) return text.substr(start);  // another library's wording: kept whole
  std::string words = text.substr(start, end - start);
  if (!error.path1().empty()) words += " '" + error.path1().string() + "'";
  if (!error.path2().empty()) words += " to '" + error.path2().string() + "'";
  return words + ": " + reason;
}

}  // namespace

std::string in_words(const std::system_error& error) {
  if (auto* filesystem = dynamic_cast<const std::filesystem::filesystem_error*>(&error))
    return filesystem_words(*filesystem);
  return error.what();
}

}  // namespace planrun
